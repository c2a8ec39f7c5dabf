"""argraph against clingo + ASPARTIX-style encodings, and any ICCMA 2023 solver, on the generated suite
(Benchmarks/Suite/generate.py): SE/DS/DC × CO/PR/ST; see scripts/bench-peers --suite."""
import math, os, re, subprocess, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_peers import ROOT, ARGRAPH, CLINGO, ADMISSIBLE_GUESS, GROUNDED, STABLE, PREFERRED, timed, read_i23, valid, extensions

SUITE = os.path.join(ROOT, ".bench-data", "suite")
FLOOR_C = os.path.join(ROOT, "Benchmarks", "Floor", "grounded.c")
COMPLETE = ADMISSIBLE_GUESS + """
undefended(X) :- att(Y,X), not defeated(Y).
:- in(X), undefended(X).
:- out(X), not undefended(X).
#show in/1.
"""
TASKS = ["SE-CO", "SE-PR", "SE-ST", "DC-CO", "DC-PR", "DC-ST", "DS-CO", "DS-PR", "DS-ST"]

def clingo_job(task, apx, query, tmp):
    """clingo's command for a task, and how to read its answer: ('se', None) an extension or none,
    ('yes-if-sat', None) YES when a model exists, ('no-if-sat', None) NO when one exists,
    ('all-contain', q) YES when every model has in(q), ('contains', q) the one model has in(q)."""
    kind, sem = task.split("-")
    def enc(name, text):
        path = os.path.join(tmp, name + ".lp")
        with open(path, "w") as f: f.write(text)
        return path
    heur = ["--heuristic=Domain", "--enum-mode=domRec"]
    base = {"CO": COMPLETE, "ST": STABLE, "PR": PREFERRED}[sem]
    if kind == "SE":
        return CLINGO + ["-n", "1", "--outf=0", enc(sem.lower(), base), apx] + (heur if sem == "PR" else []), ("se", None)
    if kind == "DC":
        # Credulous preferred equals credulous complete (every complete extension grows into a preferred one).
        text = (STABLE if sem == "ST" else COMPLETE) + ":- not in(%d).\n" % query
        return CLINGO + ["-n", "1", "--outf=0", enc("dc-" + sem.lower(), text), apx], ("yes-if-sat", None)
    if sem == "CO":   # sceptical complete is membership in grounded
        return CLINGO + ["-n", "1", "--outf=0", enc("gr", GROUNDED), apx], ("contains", query)
    if sem == "ST":
        text = STABLE + ":- in(%d).\n" % query
        return CLINGO + ["-n", "1", "--outf=0", enc("ds-st", text), apx], ("no-if-sat", None)
    # DS-PR: every preferred extension (domain heuristics enumerate the subset-maximal ones) must contain it.
    return CLINGO + ["-n", "0", "--outf=0", enc("pr", PREFERRED), apx] + heur, ("all-contain", query)

def clingo_answer(out, how):
    exts = extensions(out)
    mode, q = how
    if mode == "se": return exts[0] if exts else "NO"
    if mode == "yes-if-sat": return "YES" if exts else "NO"
    if mode == "no-if-sat": return "NO" if exts else "YES"
    if mode == "contains": return "YES" if exts and q in exts[0] else "NO"
    return "YES" if all(q in e for e in exts) else "NO"

def iccma_answer(out, task):
    """An ICCMA 2023 answer: YES/NO for DC/DS (a certificate line may follow), `w ...` or NO for SE."""
    first = out.strip().split("\n")[0].strip() if out.strip() else ""
    if task.startswith("SE"):
        e = extensions(out)
        return e[0] if e else ("NO" if first == "NO" else None)
    return first if first in ("YES", "NO") else None

def to_apx(i23, apx):
    with open(i23) as f, open(apx, "w") as g:
        for line in f:
            p = line.split()
            if not p or p[0].startswith("#"): continue
            if p[0] == "p":
                g.writelines("arg(%d).\n" % i for i in range(1, int(p[2]) + 1))
            else:
                g.write("att(%s,%s).\n" % (p[0], p[1]))

def geomean(xs):
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else float("nan")

def main(args):
    timeout = float(args[args.index("--timeout") + 1]) if "--timeout" in args else 60
    runs = int(args[args.index("--runs") + 1]) if "--runs" in args else 3
    # A peer: a name and the command that takes `-p TASK -f FILE [-a ARG]`.
    peers = [(n, [p]) for n, p in (a.split("=", 1) for i, a in enumerate(args) if i > 0 and args[i - 1] == "--peer")]
    if "--engines" in args:   # argraph on each other SAT engine of this build, as a column of its own
        peers = [("argraph-" + e, [ARGRAPH, "solve", "--sat", e]) for e in args[args.index("--engines") + 1].split(",")] + peers
    only = args[args.index("--only") + 1].split(",") if "--only" in args else None
    tasks = args[args.index("--tasks") + 1].split(",") if "--tasks" in args else TASKS
    tmp = os.path.join(SUITE, "work")
    os.makedirs(tmp, exist_ok=True)
    gen = [sys.executable, os.path.join(ROOT, "Benchmarks", "Suite", "generate.py"), SUITE, "--big"]
    subprocess.run(gen + (["--only", ",".join(only)] if only else []), check=True)
    floor_bin = os.path.join(tmp, "grounded")
    subprocess.run(["gcc", "-O2", "-o", floor_bin, FLOOR_C], check=True)
    names = sorted(f[:-4] for f in os.listdir(SUITE) if f.endswith(".i23"))
    if only: names = [n for n in names if n in only]
    tools = ["argraph", "clingo"] + [p for p, _ in peers]
    solved = {t: 0 for t in tools}
    ratios = {t: [] for t in tools[1:]}
    rows, disagreements, slower = [], [], []
    print("%-32s %-6s %10s %10s %s" % ("instance", "task", "argraph", "clingo", "  ".join("%10s" % p for p, _ in peers)), flush=True)
    for name in names:
        i23 = os.path.join(SUITE, name + ".i23")
        if name.startswith("floor-"):
            a = timed([ARGRAPH, "solve", "-p", "SE-GR", "-f", i23], timeout, runs)
            c = timed([floor_bin, i23], timeout, runs)
            same = a[2] is not None and c[2] is not None and extensions(a[2]) == extensions(c[2])
            r = a[0] / c[0] if a[0] and c[0] else None
            rows.append((name, "SE-GR", a[0], {"C floor": c[0]}, "yes" if same else "NO", r))
            print("%-32s SE-GR  %10s  C floor %10s  argraph/C %s  agree %s" % (name, fmt(a[0]), fmt(c[0]), "%.2f" % r if r else "-", same), flush=True)
            continue
        apx = os.path.join(tmp, name + ".lp")
        if not os.path.exists(apx): to_apx(i23, apx)
        query = int(open(i23 + ".arg").read().split()[0])
        n, attackers = read_i23(i23)
        for task in tasks:
            cpu, ans = {}, {}
            cmd = [ARGRAPH, "solve", "-p", task, "-f", i23] + (["-a", str(query)] if task[:2] in ("DC", "DS") else [])
            c, w, out = timed(cmd, timeout, runs)
            if c is not None: cpu["argraph"], ans["argraph"] = c, iccma_answer(out, task)
            ccmd, how = clingo_job(task, apx, query, tmp)
            c, w, out = timed(ccmd, timeout, runs)
            if c is not None:
                own = re.search(r"^CPU Time\s*:\s*([\d.]+)s", out, re.M)
                cpu["clingo"], ans["clingo"] = (float(own.group(1)) if own else c), clingo_answer(out, how)
            for pname, path in peers:
                c, w, out = timed(path + cmd[2:], timeout, runs)
                if c is not None: cpu[pname], ans[pname] = c, iccma_answer(out, task)
            # Agreement: YES/NO equal everywhere; SE answers each valid (stable: conflict-free and attacking the
            # rest; complete and preferred: admissible), and NO only where every tool says NO.
            bad = []
            for t, a in ans.items():
                if a is None: bad.append(t)
                elif task.startswith("SE") and a != "NO" and not valid(attackers, task, a): bad.append(t)
            verdicts = {t: (a if isinstance(a, str) else "ext") for t, a in ans.items() if a is not None}
            if len(set(verdicts.values())) > 1: bad.append("/".join("%s=%s" % kv for kv in sorted(verdicts.items())))
            agree = "yes" if not bad else "NO: " + ",".join(bad)
            if bad: disagreements.append((name, task, agree))
            for t in cpu: solved[t] += 1
            if "argraph" in cpu:
                for t in tools[1:]:
                    if t in cpu and cpu[t] > 0: ratios[t].append(cpu["argraph"] / max(cpu[t], 1e-3))
            if "argraph" in cpu and "clingo" in cpu and cpu["argraph"] > cpu["clingo"]:
                slower.append((name, task, cpu["argraph"], cpu["clingo"]))
            r = cpu["argraph"] / max(cpu["clingo"], 1e-3) if "argraph" in cpu and "clingo" in cpu else None
            rows.append((name, task, cpu.get("argraph"), {t: cpu.get(t) for t in tools[1:]}, agree, r))
            print("%-32s %-6s %10s %10s %s  %s" % (name, task, fmt(cpu.get("argraph")), fmt(cpu.get("clingo")),
                  "  ".join("%10s" % fmt(cpu.get(p)) for p, _ in peers), agree), flush=True)
    total = len([r for r in rows if not r[0].startswith("floor-")])
    summary = "Solved within %d s (of %d tasks): %s. Geometric mean of argraph's CPU time over the peer's, on the tasks both solve: %s." % (
        timeout, total, ", ".join("%s %d" % (t, solved[t]) for t in tools),
        ", ".join("%s %.2f (%d tasks)" % (t, geomean(ratios[t]), len(ratios[t])) for t in tools[1:] if ratios[t]))
    print(summary)
    if disagreements: print("DISAGREEMENTS:", disagreements)
    if slower: print("argraph slower than clingo on:", ", ".join("%s %s" % (a, b) for a, b, _, _ in slower))
    if only or "--tasks" in args:
        print("(a partial run: docs/performance.md left as it is)")
    else:
        write_table(rows, tools, summary, timeout, runs, slower)

def fmt(x):
    if x is None: return "-"
    return "%.3f s" % x if x >= 0.01 else "%.1f ms" % (x * 1e3)

def write_table(rows, tools, summary, timeout, runs, slower):
    load = " ".join(open("/proc/loadavg").read().split()[:3]) if os.path.exists("/proc/loadavg") else "?"
    v = subprocess.run(CLINGO + ["--version"], capture_output=True, text=True).stdout.split("\n")[0].split()
    md = ["<!-- suite:begin (generated by scripts/bench-peers --suite; do not edit by hand) -->",
          "CPU time per process (user + system), median of %d runs (1 when one takes over 2 s), time limit %d s; clingo %s "
          "with ASPARTIX-style encodings, its own reported CPU time (so without the start of the Python package that "
          "carries it; argraph's includes its whole process). Floor rows: `solve -p SE-GR` against the C program "
          "`Benchmarks/Floor/grounded.c` (`gcc -O2`). Load average at the end: %s." % (runs, timeout, v[-1] if v else "?", load),
          "", "| instance | task | argraph | " + " | ".join(tools[1:]) + " | argraph / clingo (or C floor) | agree |",
          "|---|---|---:|" + "---:|" * (len(tools) - 1) + "---:|---|"]
    for name, task, a, others, agree, r in rows:
        cells = [fmt(others.get(t)) for t in tools[1:]]
        if name.startswith("floor-"): cells = ["C floor " + fmt(others.get("C floor"))] + [""] * (len(tools) - 2)
        md.append("| %s | %s | %s | %s | %s | %s |" % (name, task, fmt(a), " | ".join(cells), "%.2f" % r if r else "-", agree))
    md += ["", summary, "<!-- suite:end -->"]
    doc = os.path.join(ROOT, "docs", "performance.md")
    text = open(doc).read()
    block = "\n".join(md)
    if "<!-- suite:begin" in text:
        text = re.sub(r"<!-- suite:begin.*?<!-- suite:end -->", lambda _: block, text, flags=re.S)
    else:
        text = text.replace("## What changed on the way to the targets", "## The generated suite (ICCMA 2023 shape)\n\n" + block + "\n\n## What changed on the way to the targets", 1)
    open(doc, "w").write(text)
    print("written: docs/performance.md")

if __name__ == "__main__":
    main(sys.argv[1:])
