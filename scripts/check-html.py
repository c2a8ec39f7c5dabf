#!/usr/bin/env python3
"""Checks argraph's HTML page in a real browser: Chromium driven by Selenium, with the network blocked.

Run by scripts/check-html, which builds argraph and the virtual environment. What it checks, on the
bundled graph's page (the expected values come from `argraph convert --to json`, not from the page):
  - the page loads from a file URL, fetches nothing, logs no console error, and is ready within a second;
  - every claim id of the graph is on the page, and the map has one node per claim;
  - clicking a claim on the map shows all its quotes in the panel, and each claim in the list does too;
  - the actor filter dims exactly the claims the actor takes no stance on, in the list and on the map;
  - a heat-map cell opens the pair, listing as many points as the cell counts;
  - the keys: / searches, Enter selects the first match, j steps, Esc closes;
then that a page of hostile texts shows them as text (no markup, no script run), that a page of linked
relations shows each as one unit (the conclusion lists it once with all its premises, a premise names its
partners, the map marks all of its edges and its junction together), that a page written without Graphviz
says why and still works, and (with --large N) how a generated N-claim graph fares.
Saves a screenshot of the page with a claim selected.
"""
import argparse
import os
import json
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

failures = []


def check(ok, what):
    print(("ok    " if ok else "FAIL  ") + what, flush=True)
    if not ok:
        failures.append(what)


def squash(text):
    return " ".join(text.split())


def browser(width=1400, height=900):
    o = Options()
    for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", f"--window-size={width},{height}",
              "--host-resolver-rules=MAP * ~NOTFOUND", "--no-first-run", "--disable-extensions",
              "--disable-background-networking", "--disable-component-update", "--disable-sync", "--force-color-profile=srgb"]:
        o.add_argument(a)
    o.binary_location = shutil.which("chromium") or shutil.which("chromium-browser")
    o.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    d = webdriver.Chrome(options=o, service=Service(shutil.which("chromedriver")))
    d.execute_cdp_cmd("Network.enable", {})
    d.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["http://*", "https://*", "ws://*", "wss://*", "ftp://*"]})
    return d


def load(d, page):
    d.get(pathlib.Path(page).resolve().as_uri())
    WebDriverWait(d, 30).until(lambda d: d.execute_script("return document.documentElement.getAttribute('data-ready')"))
    return int(d.execute_script("return document.documentElement.getAttribute('data-ready')"))


def console_errors(d):
    return [e for e in d.get_log("browser") if e.get("level") == "SEVERE"]


def js(d, script, *args):
    return d.execute_script(script, *args)


def export(argraph, graph, out, env=None, extra=()):
    r = subprocess.run([argraph, "export", graph, "-f", "html", "-o", out, *extra], capture_output=True, text=True, env=env)
    if r.returncode != 0:
        sys.exit(f"check-html: argraph export failed: {r.stderr}")


def graph_json(argraph, graph):
    r = subprocess.run([argraph, "convert", graph, "--to", "json"], capture_output=True, text=True, check=True)
    return json.loads(r.stdout)


def check_bundled(d, argraph, graph, page, screenshot):
    g = graph_json(argraph, graph)
    ids = [c["id"] for c in g["claims"]]
    index = {c: i for i, c in enumerate(ids)}
    ready = load(d, page)
    print(f"      ready {ready} ms after navigation start; {pathlib.Path(page).stat().st_size} bytes")
    check(ready < 1000, f"the bundled graph's page is interactive within a second ({ready} ms)")
    check(pathlib.Path(page).stat().st_size < 1_500_000, "the bundled graph's page is under 1.5 MB")
    check(console_errors(d) == [], f"no console errors on load: {console_errors(d)}")
    check(js(d, "return performance.getEntriesByType('resource').length") == 0, "the page fetches nothing")

    listed = js(d, "return Array.from(document.querySelectorAll('#claim-list code')).map(e => e.textContent)")
    check(listed == ids, f"every claim id is on the page, in order ({len(listed)} of {len(ids)})")
    page_text = d.find_element(By.TAG_NAME, "body").text
    check(all(i in page_text for i in ids), "every claim id is visible text")
    nodes = js(d, "return document.querySelectorAll('#map g.node[id^=\"ag-c\"]').length")
    check(nodes == len(ids), f"the map has one node per claim ({nodes})")

    # Clicking a claim with quotes on the map shows every quote.
    quoted = {}
    for s in g["stances"]:
        for q in s.get("quotes", []):
            quoted.setdefault(s["claim"], []).append(q["text"] if isinstance(q, dict) else q)
    target = max(quoted, key=lambda c: len(quoted[c]))
    node = d.find_element(By.ID, f"ag-c{index[target]}")
    d.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", node)
    panel = squash(d.find_element(By.ID, "panel").text)
    check(target in panel and all(squash(q)[:60] in panel for q in quoted[target]),
          f"clicking claim {target} on the map shows its {len(quoted[target])} quotes")
    check(js(d, "return document.querySelector('#ag-c' + arguments[0]).classList.contains('sel')", index[target]),
          "the clicked claim is marked on the map")
    for c in list(quoted)[:5]:
        d.find_element(By.CSS_SELECTOR, f"#claim-{index[c]} > button").click()
        panel = squash(d.find_element(By.ID, "panel").text)
        check(all(squash(q)[:60] in panel for q in quoted[c]), f"clicking claim {c} in the list shows its quotes")

    # The actor filter dims the claims the actor takes no stance on.
    actors = [a["id"] for a in g["actors"]]
    held = {a: {s["claim"] for s in g["stances"] if s["actor"] == a} for a in actors}
    actor = sorted(actors, key=lambda a: -len(held[a]))[1]
    Select(d.find_element(By.ID, "f-actor")).select_by_value(str(actors.index(actor)))
    dimmed = js(d, "return Array.from(document.querySelectorAll('#claim-list li')).map(li => li.classList.contains('dim'))")
    expected = [c not in held[actor] for c in ids]
    check(dimmed == expected, f"the actor filter ({actor}) dims the {sum(expected)} claims of others in the list")
    on_map = js(d, "return Array.from({length: arguments[0]}, (_, i) => document.getElementById('ag-c' + i).classList.contains('dim'))", len(ids))
    check(on_map == expected, "and on the map")
    opacity = js(d, "return getComputedStyle(document.querySelector('#map g.node.dim')).opacity")
    check(float(opacity) < 0.5, f"dimmed map nodes are faint (opacity {opacity})")
    d.find_element(By.ID, "clear").click()
    check(js(d, "return document.querySelectorAll('#claim-list li.dim').length") == 0, "Clear filters undims every claim")

    # A heat-map cell opens the pair.
    cells = d.find_elements(By.CSS_SELECTOR, "table.heat button[data-i]")
    met = [b for b in cells if b.text.strip() not in ("·", "")]
    check(len(met) > 0, f"the heat map has cells ({len(cells)}, {len(met)} with contact)")
    if met:
        b = met[0]
        d.execute_script("arguments[0].scrollIntoView({block: 'center'})", b)
        b.click()
        label = b.get_attribute("aria-label")
        pair = d.find_element(By.ID, "pair")
        names = label.split(":")[0].split(" × ")
        numbers = [int(w) for w in label.replace(",", " ").split() if w.isdigit()]
        points = len(pair.find_elements(By.CSS_SELECTOR, "ul.points > li"))
        check(all(n in pair.text for n in names), f"a heat-map cell opens the pair ({label})")
        check(points == sum(numbers[-2:]), f"the pair lists its {sum(numbers[-2:])} points of agreement and conflict ({points})")
        link = pair.find_elements(By.CSS_SELECTOR, "button.claimlink")
        if link:
            link[0].click()
            check(link[0].text.split()[0] in d.find_element(By.ID, "panel").text, "a claim in the pair opens in the panel")

    # Keys.
    body = d.find_element(By.TAG_NAME, "body")
    d.execute_script("document.activeElement.blur(); window.scrollTo(0, 0)")
    body.send_keys(Keys.ESCAPE)
    check("Select a claim" in d.find_element(By.ID, "panel").text, "Esc closes the claim")
    body.send_keys("/")
    check(d.switch_to.active_element.get_attribute("id") == "search", "/ focuses the search box")
    word = squash(quoted[target][0]).split()[3:6]
    d.switch_to.active_element.send_keys(" ".join(word))
    WebDriverWait(d, 5).until(lambda d: d.find_element(By.ID, "count").text)
    d.switch_to.active_element.send_keys(Keys.ENTER)
    first = js(d, "return document.querySelector('#claim-list li:not(.dim) code').textContent")
    check(first in d.find_element(By.ID, "panel").text, f"searching a quote ({' '.join(word)}) and Enter select the first match ({first})")
    d.switch_to.active_element.send_keys(Keys.ESCAPE)
    d.execute_script("document.activeElement.blur()")
    body.send_keys("j")
    after = js(d, "return document.querySelector('#claim-list li.sel code').textContent")
    check(after == ids[(ids.index(first) + 1) % len(ids)], "j selects the next claim")
    check(console_errors(d) == [], f"no console errors after using the page: {console_errors(d)}")

    if screenshot:
        # The claim with quotes and the most relations, so that the map around it is full.
        degree = {c: sum(r.get("from") == c or r.get("to") == c for r in g["relations"]) for c in quoted}
        shot = max(quoted, key=lambda c: (degree[c], len(quoted[c])))
        d.find_element(By.ID, "clear").click()
        d.execute_script("window.scrollTo(0, 0)")
        d.find_element(By.CSS_SELECTOR, f"#claim-{index[shot]} > button").click()
        d.execute_script("window.scrollTo(0, 0)")
        time.sleep(0.3)
        d.save_screenshot(screenshot)
        print(f"      wrote {screenshot}")


HOSTILE = [
    "<script>window.pwned = 1</script>",
    "<img src=x onerror=\"window.pwned = 2\">",
    "\"quoted\" & 'single' &amp; &lt;b&gt; </script><b>bold</b>",
    "emoji 🎉, 日本語, e\u0301, \u202eRTL, \u2028line\u2029para",
    "<!-- comment --> ]]> <![CDATA[ x ]]> {{template}} ${x}",
]


def hostile_graph():
    """A graph in argraph's JSON whose texts, names, notes and quotes try to become markup or script."""
    claims = [{"id": f"h{i}", "text": t, "tags": ["t-1"]} for i, t in enumerate(HOSTILE)]
    g = {"format": "argraph/1", "title": HOSTILE[0], "description": HOSTILE[1],
         "documents": [{"id": "doc", "title": HOSTILE[2], "publisher": HOSTILE[0], "url": "javascript:window.pwned=3"}],
         "actors": [{"id": "a", "name": HOSTILE[1]}, {"id": "b", "name": HOSTILE[4]}],
         "claims": claims,
         "stances": [{"actor": "a" if i % 2 else "b", "claim": f"h{i}", "stance": "asserts", "document": "doc",
                      "quotes": [{"text": t}]} for i, t in enumerate(HOSTILE)]
         + [{"actor": "a", "claim": "h0", "stance": "asserts"}],
         "relations": [{"from": f"h{i}", "to": f"h{i - 1}", "kind": "attack" if i % 2 else "support", "note": HOSTILE[i]}
                       for i in range(1, len(HOSTILE))]}
    return g


def check_hostile(d, argraph, tmp):
    g = hostile_graph()
    src, page = f"{tmp}/hostile.json", f"{tmp}/hostile.html"
    pathlib.Path(src).write_text(json.dumps(g))
    export(argraph, src, page)
    load(d, page)
    check(console_errors(d) == [], f"hostile page: no console errors: {console_errors(d)}")
    check(js(d, "return window.pwned === undefined"), "hostile page: no hostile text ran as script")
    check(js(d, "return document.scripts.length") == 2, "hostile page: only the page's two script elements exist")
    check(js(d, "return document.querySelectorAll('img, iframe, object, embed').length") == 0, "hostile page: no injected elements")
    check(d.title == HOSTILE[0], "hostile page: the title is the text as written")
    listed = js(d, "return Array.from(document.querySelectorAll('#claim-list li > button')).map(b => b.textContent)")
    check(all(t in s for t, s in zip(HOSTILE, listed)), "hostile page: each claim text appears as written")
    d.find_element(By.CSS_SELECTOR, "#claim-2 > button").click()
    panel = d.find_element(By.ID, "panel")
    check(js(d, "return arguments[0].querySelector('blockquote').textContent", panel).startswith("“" + HOSTILE[2]),
          "hostile page: a quote appears as written")
    check(js(d, "return document.querySelectorAll('#panel a').length") == 0, "hostile page: a javascript: URL does not become a link")


LINKED = """claim a: A.
claim b: B.
claim c: C.
claim d: D.
claim e: E.
claim f: F.
support r1: a + b -> c
attack r2: d + e -> c
undercut f -> r1
"""


def panel_items(d, heading):
    """The texts of the relation list under `heading` in the claim panel."""
    return js(d, "const h = Array.from(document.querySelectorAll('#panel h3')).find(h => h.textContent === arguments[0]);"
                 "return h ? Array.from(h.nextElementSibling.querySelectorAll(':scope > li')).map(li => li.textContent) : null",
              heading)


def check_linked(d, argraph, tmp):
    src, page = f"{tmp}/linked.arg", f"{tmp}/linked.html"
    pathlib.Path(src).write_text(LINKED)
    export(argraph, src, page)
    load(d, page)
    check(console_errors(d) == [], f"linked page: no console errors on load: {console_errors(d)}")
    d.find_element(By.CSS_SELECTOR, "#claim-2 > button").click()
    supported, attacked = panel_items(d, "Supported by"), panel_items(d, "Attacked by")
    check(supported == ["a A. + b B., together"], f"linked page: c's card lists the linked support once, with both premises: {supported}")
    check(attacked == ["d D. + e E., together"], f"linked page: c's card lists the linked attack once, with both premises: {attacked}")
    links = js(d, "return Array.from(document.querySelectorAll('#panel ul.rels > li:first-child button.claimlink code')).map(c => c.textContent)")
    check(links[:2] == ["a", "b"], f"linked page: each premise is a link ({links})")
    d.find_elements(By.CSS_SELECTOR, "#panel ul.rels > li:first-child button.claimlink")[1].click()
    check(js(d, "return document.querySelector('#claim-list li.sel code').textContent") == "b", "linked page: a premise's link opens it")
    supports = panel_items(d, "Supports")
    check(supports == ["c C. together with a A."], f"linked page: b's card says it supports c together with a: {supports}")
    undercut = panel_items(d, "Its links undercut")
    check(undercut == ["f F. undercuts a A. + b B. → c C."], f"linked page: the undercut shows all premises of the link: {undercut}")
    d.find_element(By.CSS_SELECTOR, "#claim-3 > button").click()
    attacks = panel_items(d, "Attacks")
    check(attacks == ["c C. together with e E."], f"linked page: d's card says it attacks c together with e: {attacks}")
    # Pointing at one premise edge of r1 on the map marks every part of r1 (both premise edges, the junction, the
    # edge to c) and nothing of r2; pointing at r2 in the panel marks r2's parts.
    parts = "return Array.from(document.querySelectorAll('#map [data-r=\"' + arguments[0] + '\"]')).map(g => g.classList.contains('hl'))"
    check(js(d, parts, 0).count(False) == 4 and js(d, parts, 1).count(False) == 4, "linked page: each linked relation has 4 parts on the map")
    js(d, "document.getElementById('ag-r0-a2').dispatchEvent(new PointerEvent('pointerover', {bubbles: true}))")
    marked = js(d, parts, 0)
    check(len(marked) == 4 and all(marked) and not any(js(d, parts, 1)), "linked page: pointing at b's edge marks all of r1 on the map, and only r1")
    js(d, "document.getElementById('ag-r0-a2').dispatchEvent(new PointerEvent('pointerout', {bubbles: true}))")
    check(not any(js(d, parts, 0)), "linked page: and leaving it unmarks them")
    js(d, "const li = document.querySelector('#panel li[data-r=\"1\"]');"
          "if (li) li.dispatchEvent(new PointerEvent('pointerover', {bubbles: true}))")
    marked = js(d, parts, 1)
    check(len(marked) == 4 and all(marked) and not any(js(d, parts, 0)), "linked page: pointing at d's attack in the panel marks all of r2 on the map")
    js(d, "const s = document.getElementById('search'); s.value = 'b'; s.dispatchEvent(new Event('input'))")
    WebDriverWait(d, 5).until(lambda d: d.find_element(By.ID, "count").text)
    dimmed = js(d, "return Array.from(document.querySelectorAll('#map [data-r=\"0\"]')).map(g => g.classList.contains('dim'))")
    check(len(dimmed) == 4 and all(dimmed), f"linked page: filtering out c dims every part of r1 ({dimmed})")
    check(console_errors(d) == [], f"linked page: no console errors after using the page: {console_errors(d)}")


def check_without_graphviz(d, argraph, graph, tmp):
    page = f"{tmp}/no-graphviz.html"
    export(argraph, graph, page, env={"PATH": "/nonexistent", "HOME": tmp})
    load(d, page)
    note = d.find_element(By.ID, "map-note").text
    check("Graphviz" in note and "install" in note, f"without Graphviz the page says why the map is missing: {note[:80]}…")
    check(console_errors(d) == [], f"without Graphviz: no console errors: {console_errors(d)}")
    d.find_element(By.CSS_SELECTOR, "#claim-0 > button").click()
    check(js(d, "return document.querySelector('#panel h2') !== null"), "without Graphviz a claim still opens in the panel")
    Select(d.find_element(By.ID, "f-actor")).select_by_index(1)
    check(js(d, "return document.querySelectorAll('#claim-list li.dim').length") > 0, "without Graphviz the actor filter still dims the list")


def check_large(d, argraph, n, tmp):
    src, page = f"{tmp}/large.arg", f"{tmp}/large.html"
    subprocess.run([argraph, "generate", "--family", "policy", "--claims", str(n), "--seed", "1", "-o", src], check=True)
    start = time.time()
    export(argraph, src, page)
    print(f"      {n} claims: exported in {time.time() - start:.1f} s, {pathlib.Path(page).stat().st_size} bytes")
    ready = load(d, page)
    check(console_errors(d) == [], f"{n} claims: no console errors")
    has_map = js(d, "return !!document.querySelector('#map svg')")
    has_heat = js(d, "return !!document.querySelector('table.heat')")
    print(f"      {n} claims: ready {ready} ms; map: {has_map}; heat map: {has_heat}")
    t = js(d, "const t = performance.now(); document.getElementById('f-actor').selectedIndex = 3;"
              "document.getElementById('f-actor').dispatchEvent(new Event('change')); return performance.now() - t")
    print(f"      {n} claims: the actor filter took {t:.0f} ms")
    d.find_element(By.CSS_SELECTOR, f"#claim-{n // 2} > button").click()
    check(js(d, "return document.querySelector('#panel h2') !== null"), f"{n} claims: a claim opens in the panel")
    check(ready < 5000, f"{n} claims: interactive within 5 s ({ready} ms)")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("argraph")
    p.add_argument("--graph", default="graphs/us-japan-alliance.arg")
    p.add_argument("--screenshot", default=None)
    p.add_argument("--large", type=int, default=0, help="also check a generated policy graph of this many claims")
    a = p.parse_args()
    with tempfile.TemporaryDirectory(prefix="argraph-html-") as tmp:
        page = f"{tmp}/map.html"
        export(a.argraph, a.graph, page)
        # The browser's own scratch files (its profile, org.chromium.Chromium.*) go here too, and go with it.
        os.environ["TMPDIR"] = tmp
        d = browser()
        try:
            check_bundled(d, a.argraph, a.graph, page, a.screenshot)
            check_hostile(d, a.argraph, tmp)
            check_linked(d, a.argraph, tmp)
            check_without_graphviz(d, a.argraph, a.graph, tmp)
            if a.large:
                check_large(d, a.argraph, a.large, tmp)
        finally:
            d.quit()
    if failures:
        print(f"check-html: {len(failures)} check(s) FAILED", file=sys.stderr)
        sys.exit(1)
    print("check-html: every check passed")


if __name__ == "__main__":
    main()
