#!/usr/bin/env python3
"""Builds a fuzzing seed corpus: make-corpus.py HARNESS OUT-DIR.

Seeds come from Fuzz/seeds/HARNESS (committed, small), from the repository's graphs/ and
/work/shared/data (cut into small pieces), and from random graphs made with a fixed seed,
so the corpus is the same on every run. Nothing here is committed: OUT-DIR is ignored by git.
"""
import json, os, random, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "data")
MAX = 4096


def random_graph(rng, n):
    """A small random graph as (arg text, JSON object)."""
    claims = [f"c{i}" for i in range(n)]
    actors = [f"a{i}" for i in range(rng.randint(0, 3))]
    docs = [f"d{i}" for i in range(rng.randint(0, 2))]
    arg, js = [], {"format": "argraph/1", "documents": [], "actors": [], "claims": [], "stances": [], "relations": []}
    if rng.random() < 0.5:
        arg += ["graph g", "  title: G"]
        js["name"], js["title"] = "g", "G"
    for d in docs:
        arg += [f"document {d}", f"  title: Doc {d}", "  date: 2008-03"]
        js["documents"].append({"id": d, "title": f"Doc {d}", "date": "2008-03"})
    for a in actors:
        kind = rng.choice(["person", "group", "institution"])
        arg += [f"actor {a}", f"  kind: {kind}", "  credibility: 0.7"]
        js["actors"].append({"id": a, "name": a, "kind": kind, "credibility": 0.7})
    for c in claims:
        kind = rng.choice(["claim", "evidence", "proposal"])
        text = rng.choice(["Plain text.", 'A "quoted" word: yes # not a comment', "Ünïcødé — ✓", "x"])
        arg.append(f"{kind} {c}: {text}")
        js["claims"].append({"id": c, "text": text, "kind": kind})
    for a in actors:
        c = rng.choice(claims)
        verb = rng.choice(["asserts", "denies"])
        doc = rng.choice(docs) if docs and rng.random() < 0.5 else None
        arg.append(f"stance {a} {verb} {c}" + (f" in {doc}" if doc else ""))
        arg.append("  quote L3: the words")
        s = {"actor": a, "stance": verb, "claim": c, "quotes": [{"text": "the words", "location": "L3"}]}
        if doc: s["document"] = doc
        js["stances"].append(s)
    rel_ids = []
    for k in range(rng.randint(0, 2 * n)):
        a, b = rng.sample(claims, 2) if n > 1 else (None, None)
        if a is None: break
        kind = rng.choice(["support", "attack"])
        rid = f"r{k}" if rng.random() < 0.4 else None
        arg.append(f"{kind} {rid + ': ' if rid else ''}{a} -> {b}")
        r = {"kind": kind, "from": a, "to": b}
        if rid: r["id"] = rid; rel_ids.append(rid)
        if rng.random() < 0.3:
            arg.append("  weight: 0.25"); r["weight"] = 0.25
        js["relations"].append(r)
    for rid in rel_ids[:2]:
        src = rng.choice(claims)
        arg.append(f"undercut {src} -> {rid}")
        js["relations"].append({"kind": "attack", "from": src, "toRelation": rid})
    return "\n".join(arg) + "\n", js


def chunks(text):
    """Pieces of a file of about a kilobyte, cut at blank lines."""
    out, cur = [], ""
    for block in text.split("\n\n"):
        if len(cur) + len(block) > 1024 and cur:
            out.append(cur); cur = ""
        cur += block + "\n\n"
    if cur: out.append(cur)
    return [c[:MAX] for c in out]


def main():
    harness, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    files = {}
    seeds = os.path.join(ROOT, "Fuzz", "seeds", harness)
    if os.path.isdir(seeds):
        for f in sorted(os.listdir(seeds)):
            files[f] = open(os.path.join(seeds, f), "rb").read()
    rng = random.Random(20261124)
    if harness == "arg":
        gdir = os.path.join(ROOT, "graphs")
        for f in sorted(os.listdir(gdir)) if os.path.isdir(gdir) else []:
            for i, c in enumerate(chunks(open(os.path.join(gdir, f), encoding="utf-8").read())):
                files[f"{f}.{i}"] = c.encode()
        for i in range(60):
            files[f"random{i}.arg"] = random_graph(rng, rng.randint(1, 8))[0].encode()
    elif harness == "json":
        for i in range(60):
            files[f"random{i}.json"] = json.dumps(random_graph(rng, rng.randint(1, 8))[1], ensure_ascii=rng.random() < 0.5).encode()
        aif = os.path.join(SHARED, "aif")
        for f in sorted(os.listdir(aif)) if os.path.isdir(aif) else []:
            files[f] = open(os.path.join(aif, f), "rb").read()[:MAX]
    elif harness in ("aif", "argdown"):
        sub = os.path.join(SHARED, harness)
        for f in sorted(os.listdir(sub)) if os.path.isdir(sub) else []:
            data = open(os.path.join(sub, f), "rb").read()
            files[f] = data[:MAX]
            if harness == "argdown":
                for i, c in enumerate(chunks(data.decode("utf-8", "replace"))):
                    files[f"{f}.{i}"] = c.encode()
    elif harness in ("i23", "apx", "tgf"):
        for i in range(40):
            n = rng.randint(0, 12)
            names = [rng.choice(["a", "arg", "X", "b_1", "q'x", "n 1", "é"]) + str(k) for k in range(n)]
            atts = [(rng.randrange(n), rng.randrange(n)) for _ in range(rng.randint(0, 2 * n))] if n else []
            if harness == "i23":
                text = (f"# instance {i}\n" if i % 3 == 0 else "") + f"p af {n}\n" + "".join(f"{a + 1} {b + 1}\n" for a, b in atts)
            elif harness == "apx":
                q = lambda x: x if x[0].islower() and x.replace("_", "").isalnum() and x.isascii() else '"' + x + '"'
                text = "".join(f"arg({q(x)}).\n" for x in names) + "".join(f"att({q(names[a])},{q(names[b])}).\n" for a, b in atts)
            else:
                t = [x.replace(" ", "_") for x in names]
                text = "".join(f"{x} label {k}\n" for k, x in enumerate(t)) + "#\n" + "".join(f"{t[a]} {t[b]}\n" for a, b in atts)
            files[f"random{i}.{harness}"] = text.encode()
    elif harness == "export":
        # Recipes (see ExportFuzz.swift): bytes read as small numbers and length-prefixed strings.
        hostile = ['Plain.', 'a "quoted" word', 'back\\slash\\', '<b>&amp;</b> & <', '{braces} [x=1]; y->z',
                   'two\nlines\r\nand\ttab', '\x0b\x1b\x7f ctrl', 'é ü ✓ 😀', '\u2028\u2029 seps', '\ufeffbom',
                   '\u202eRTL', 'e\u0301 combining', '"', '\\', '\\N \\G \\n', ']]> <!-- -->', '@r0', '@legend',
                   '_l1', 'cluster_0', '', ' ', "it's"]
        def s(text):
            b = text.encode("utf-8", "surrogatepass")[:63]
            return bytes([len(b)]) + b
        for i in range(60):
            pick = lambda: s(rng.choice(hostile))
            rec = bytes([rng.randrange(8)]) + pick() + pick() + pick()
            nd, na, nc = rng.randrange(3), rng.randrange(4), rng.randrange(8)
            rec += bytes([nd]) + b"".join(pick() + pick() + bytes([1]) + pick() + bytes([1]) + pick() for _ in range(nd))
            rec += bytes([na]) + b"".join(pick() + pick() + bytes([rng.randrange(3), 1]) + pick() + bytes([0]) for _ in range(na))
            rec += bytes([nc]) + b"".join(pick() + pick() + bytes([rng.randrange(3), 1]) + pick() for _ in range(nc + 1))
            rec += bytes([rng.randrange(6)]) + bytes(rng.randrange(256) for _ in range(20))
            rec += bytes([rng.randrange(10)]) + b"".join(bytes([rng.randrange(32), rng.randrange(8), rng.randrange(8)]) + pick() + pick()
                                                         + bytes([rng.randrange(256)]) for _ in range(6))
            rec += bytes(rng.randrange(256) for _ in range(8)) + pick()
            files[f"recipe{i}.bin"] = rec[:MAX]
        for i in range(20):
            files[f"random{i}.json"] = json.dumps(random_graph(rng, rng.randint(1, 8))[1], ensure_ascii=rng.random() < 0.5).encode()
        seeds_json = os.path.join(ROOT, "Fuzz", "seeds", "json")
        for f in sorted(os.listdir(seeds_json)) if os.path.isdir(seeds_json) else []:
            files["json-" + f] = open(os.path.join(seeds_json, f), "rb").read()[:MAX]
    elif harness == "command":
        lines = ["add claim my-rebuttal --attacks china-engagement Engagement has not moderated China.",
                 "link my-rebuttal attacks china-engagement weight 0.7", "unlink a b; undo; redo",
                 "save 'my file.arg'", "claims --by welch --tag china", "show \"quoted id\"", "tree x --depth=2",
                 "path a b", "find 'it'\\''s'", "help show", "load graphs/us-japan-alliance.arg --as alliance",
                 "set semantics grounded", "unset semantics", "view clear", "# comment; quit", "go a\\ b",
                 "add claim x --supports y 'text; with; semicolons'", "up 2", "down -1", "info;;;"]
        for i, line in enumerate(lines):
            files[f"line{i}.txt"] = line.encode()
    for name, data in files.items():
        with open(os.path.join(out, name), "wb") as fh:
            fh.write(data)
    print(f"{len(files)} seeds in {out}")


main()
