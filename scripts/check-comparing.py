#!/usr/bin/env python3
"""Independent cross-check of `argraph compare matrix --csv` (the agreement index of every pair).

Re-implements the definitions of docs/comparing.md from the JSON form of a graph, in plain Python
written from the document (not from the Swift code), and compares every cell of the CSV printed by
the binary. Runs on the bundled graph and on seeded random graphs. Standard library only.

usage: scripts/check-comparing.py [path/to/argraph]   (default .build/debug/argraph)
"""
import csv, io, json, os, random, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "debug", "argraph")


def positions(g):
    """actor -> (held, denied): claims only asserted, claims only denied (mixed claims in neither)."""
    a, d = {}, {}
    for s in g["stances"]:
        (a if s["stance"] == "asserts" else d).setdefault(s["actor"], set()).add(s["claim"])
    out = {}
    for actor in set(a) | set(d):
        sa, sd = a.get(actor, set()), d.get(actor, set())
        out[actor] = (sa - sd, sd - sa)
    return out


def premises(r):
    """A relation's premises as a set: `from` is one id, or a list of ids for a linked relation."""
    return set(r["from"]) if isinstance(r["from"], list) else {r["from"]}


def index(g, p, q, a, b):
    """The agreement index of actors a and b, whose positions are p and q.

    A side holds a relation's source when it holds every premise (a linked relation is one argument)."""
    (hp, dp), (hq, dq) = p, q
    agree = len(hp & hq) + len(dp & dq)
    conflict = len(hp & dq) + len(hq & dp)
    by_id = {r["id"]: r for r in g["relations"] if "id" in r}
    for r in g["relations"]:
        s = premises(r)
        if "to" in r:
            t = r["to"]
            linked = (s <= hp and t in hq) or (s <= hq and t in hp)
            if linked:
                if r["kind"] == "support":
                    # an inference one of the two drew; a link the analyst or a third party drew is not theirs
                    if r.get("by") in (a, b):
                        agree += 1
                else:
                    conflict += 1
        elif r["kind"] == "attack":  # undercut: source held by one, undercut relation's source by the other,
            # unless the undercut relation was drawn by the undercutting side itself (a concession)
            under = by_id[r["toRelation"]]
            src, drawer = premises(under), under.get("by")
            if (s <= hp and src <= hq and drawer != a) or (s <= hq and src <= hp and drawer != b):
                conflict += 1
    # A pair that never touches has no index: the CSV leaves its cell empty (the table prints `-`).
    return None if agree + conflict == 0 else (agree - conflict) / (agree + conflict)


def check(path):
    g = json.loads(subprocess.run([BIN, "convert", path, "--to", "json"], check=True, capture_output=True, text=True).stdout)
    out = subprocess.run([BIN, "compare", "matrix", path, "--csv"], check=True, capture_output=True, text=True).stdout
    rows = list(csv.reader(io.StringIO(out)))
    ids = rows[0][1:]
    pos = positions(g)
    assert sorted(ids) == sorted(pos), f"{path}: members {ids} != actors with stances {sorted(pos)}"
    bad = 0
    for row in rows[1:]:
        x = row[0]
        for y, cell in zip(ids, row[1:]):
            want = 1.0 if x == y else index(g, pos[x], pos[y], x, y)
            if want is None or cell == "":
                if not (want is None and cell == ""):
                    print(f"{path}: {x} vs {y}: argraph {cell!r}, expected {'an empty cell' if want is None else f'{want:.3f}'}")
                    bad += 1
            elif abs(float(cell) - want) > 0.0005 + 1e-9:
                print(f"{path}: {x} vs {y}: argraph {cell}, expected {want:.3f}")
                bad += 1
    return bad, len(ids) ** 2


def random_graph(seed):
    rnd = random.Random(seed)
    n, k = rnd.randint(5, 40), rnd.randint(2, 8)
    lines = [f"actor x{i}" for i in range(k)] + [f"claim c{i}: C{i}." for i in range(n)]
    for _ in range(4 * n):
        lines.append(f"stance x{rnd.randrange(k)} {rnd.choice(['asserts', 'asserts', 'denies'])} c{rnd.randrange(n)}")
    rid = 0
    for _ in range(2 * n):
        s, t = rnd.randrange(n), rnd.randrange(n)
        if s == t:
            continue
        # A third of the relations are linked: one or two more premises, none the target.
        more = [] if rnd.random() < 0.67 else rnd.sample([c for c in range(n) if c not in (s, t)], min(n - 2, rnd.randint(1, 2)))
        src = " + ".join(f"c{x}" for x in [s] + more)
        if rid > 0 and rnd.random() < 0.15:
            lines.append(f"undercut {src} -> r{rnd.randrange(rid)}")
        else:
            lines.append(f"{rnd.choice(['support', 'attack'])} r{rid}: {src} -> c{t}")
            if rnd.random() < 0.4:  # drawn by an actor, so that undercuts of one's own inference occur
                lines.append(f"  by: x{rnd.randrange(k)}")
            rid += 1
    return "\n".join(lines) + "\n"


def main():
    if not os.access(BIN, os.X_OK):
        print(f"skipped: {BIN} not built (swift build)")
        return 0
    total_bad, cells = check(os.path.join(ROOT, "graphs", "us-japan-alliance.arg"))
    with tempfile.TemporaryDirectory() as tmp:
        for seed in range(40):
            path = os.path.join(tmp, f"random-{seed}.arg")
            with open(path, "w") as f:
                f.write(random_graph(seed))
            bad, c = check(path)
            total_bad += bad
            cells += c
    print(f"check-comparing: {cells} cells on 41 graphs, {total_bad} mismatches")
    return 1 if total_bad else 0


if __name__ == "__main__":
    sys.exit(main())
