"""argraph against its peers on the same attack frameworks (see scripts/bench-peers)."""
import os, re, resource, statistics, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, ".bench-data", "peers")
ARGRAPH = os.path.join(ROOT, ".build", "release", "argraph")
CLINGO = [sys.executable, "-m", "clingo"]

# Encodings written for this benchmark after the ASPARTIX approach (Egly, Gaggl, Woltran: "Answer-set
# programming encodings for argumentation frameworks", Argument & Computation 1(2), 2010), over facts
# arg(X). att(X,Y).
GROUNDED = """
% The grounded extension is the least fixpoint of the characteristic function: a positive program.
in(X) :- arg(X), out(Y) : att(Y,X).
out(X) :- in(Y), att(Y,X).
#show in/1.
"""
ADMISSIBLE_GUESS = """
in(X) :- arg(X), not out(X).
out(X) :- arg(X), not in(X).
:- in(X), in(Y), att(X,Y).
defeated(X) :- in(Y), att(Y,X).
"""
STABLE = ADMISSIBLE_GUESS + """
:- out(X), not defeated(X).
#show in/1.
"""
# Preferred: a subset-maximal admissible set, found with domain heuristics (--heuristic=Domain
# --enum-mode=domRec), as ASPARTIX-V does instead of saturation.
PREFERRED = ADMISSIBLE_GUESS + """
:- in(X), att(Y,X), not defeated(Y).
#heuristic in(X) : arg(X). [1,true]
#show in/1.
"""
ENCODINGS = {"GR": (GROUNDED, []), "ST": (STABLE, []), "PR": (PREFERRED, ["--heuristic=Domain", "--enum-mode=domRec"])}

# The floor: a plain C read-and-label of grounded (no checks), also run by --suite on the floor instances.
C_GROUNDED = open(os.path.join(ROOT, "Benchmarks", "Floor", "grounded.c")).read()

def arg_to_i23(arg_path, i23_path, apx_path):
    """The attack framework of an .arg file: claims in order are arguments 1..n, attacks on claims are attacks."""
    index, attacks = {}, []
    claim = re.compile(rb"^(?:claim|evidence|proposal)\s+([^\s:]+)")
    attack = re.compile(rb"^attack\s+(?:\S+:\s+)?(\S+)\s*->\s*(\S+)\s*$")
    with open(arg_path, "rb") as f:
        for line in f:
            m = claim.match(line)
            if m:
                index.setdefault(m.group(1), len(index) + 1)
                continue
            m = attack.match(line)
            if m:
                attacks.append((m.group(1), m.group(2)))
    with open(i23_path, "w") as f:
        f.write("p af %d\n" % len(index))
        f.writelines("%d %d\n" % (index[a], index[b]) for a, b in attacks)
    with open(apx_path, "w") as f:
        f.writelines("arg(%d).\n" % i for i in range(1, len(index) + 1))
        f.writelines("att(%d,%d).\n" % (index[a], index[b]) for a, b in attacks)
    return len(index), len(attacks)

def read_i23(path):
    """Argument count and attackers per argument (0-based) of an i23 file."""
    n, attackers = 0, []
    with open(path) as f:
        for line in f:
            p = line.split()
            if not p or p[0].startswith("#"):
                continue
            if p[0] == "p":
                n = int(p[2]); attackers = [[] for _ in range(n)]
                continue
            attackers[int(p[1]) - 1].append(int(p[0]) - 1)
    return n, attackers

def timed(cmd, timeout, runs):
    """CPU time (user + system of the child) and wall time of `runs` runs, medians (1 run when one takes over 2 s),
    and the last output; (None, None, reason) on timeout or failure."""
    cpus, walls, out = [], [], ""
    for k in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        try:
            p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return None, None, "timeout"
        walls.append(time.perf_counter() - t0)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        out = p.stdout
        if p.returncode not in (0, 10, 20, 30):
            return None, None, "exit %d: %s" % (p.returncode, (p.stderr or p.stdout).strip()[:120])
        if walls[-1] > 2:
            break
    return statistics.median(cpus), statistics.median(walls), out

def extensions(text):
    """The extensions in a tool's output: `w ...` lines (argraph, pygarg, formal-argumentation, the C floor) or
    clingo's answers (`in(X)` atoms per `Answer:` block); None when the output says there is none."""
    if "Answer:" in text or re.search(r"^(UN)?SATISFIABLE", text, re.M):
        found = []
        for block in re.split(r"^Answer: \d+[^\n]*$", text, flags=re.M)[1:]:
            found.append(frozenset(int(x) for x in re.findall(r"\bin\((\d+)\)", block.split("\n", 1)[1] if "\n" in block else "")))
        return found
    found = [frozenset(int(x) for x in m.split()) for m in re.findall(r"^w((?: \d+)*)\s*$", text, re.M)]
    return found

def conflict_free_and_defended(attackers, ext):
    """Whether the (1-based) set is admissible."""
    members = {a - 1 for a in ext}
    attacked = set()
    for a in range(len(attackers)):
        if any(b in members for b in attackers[a]):
            attacked.add(a)
    if members & attacked:
        return False, attacked
    return all(all(b in attacked for b in attackers[a]) for a in members), attacked

def valid(attackers, task, ext):
    """A cheap check of one answer: stable is conflict-free and attacks every other argument; complete-based answers
    are admissible (maximality is checked by comparing the tools' enumerations)."""
    ok, attacked = conflict_free_and_defended(attackers, ext)
    if not ok:
        return False
    if task.endswith("ST"):
        members = {a - 1 for a in ext}
        return all(a in members or a in attacked for a in range(len(attackers)))
    return True

def argraph_has_solve():
    p = subprocess.run([ARGRAPH, "solve", "--help"], capture_output=True, text=True)
    return p.returncode == 0 and "ICCMA" in p.stdout + p.stderr

def fmt(x):
    if x is None: return "-"
    if isinstance(x, str): return x
    return "%.3f s" % x if x >= 0.01 else "%.2f ms" % (x * 1e3)

# The peers: name -> function(task, i23, apx) giving the command, or None when the tool lacks the task.
PYTHON = sys.executable
def clingo_cmd(task, i23, apx, encodings):
    kind, sem = task.split("-")
    text, extra = ENCODINGS[sem]
    return CLINGO + ["-n", "1" if kind == "SE" else "0", "--outf=0", encodings[sem], apx] + extra

def pygarg_cmd(task, i23, apx, encodings):
    # pygarg (PySAT, MiniSat-family solvers): reads the ICCMA 2023 format as "dimacs".
    return [PYTHON, "-m", "pygarg", "-p", task, "-fo", "dimacs", "-f", i23]

def formal_cmd(task, i23, apx, encodings):
    # formal-argumentation's ICCMA CLI with its SAT backend (z3); it offers SE, DC and DS, not EE.
    if not task.startswith("SE-"):
        return None
    return [os.path.join(os.path.dirname(PYTHON), "iccma-cli"), "-p", task, "-f", i23, "--backend", "sat"]

PEERS = [("clingo", clingo_cmd), ("pygarg", pygarg_cmd), ("formal-arg", formal_cmd)]

def main():
    args = sys.argv[1:]
    timeout = float(args[args.index("--timeout") + 1]) if "--timeout" in args else 120
    full = "--full" in args
    os.makedirs(DATA, exist_ok=True)
    se, ee = ["SE-GR", "SE-ST", "SE-PR"], ["EE-ST", "EE-PR"]
    # family, claims, relations, tasks
    sets = [("random", 1000, 5000, ee), ("random", 10000, 30000, se), ("random", 50000, 150000, se),
            ("scale-free", 100000, 300000, se), ("random", 1000000, 3000000, se)]
    if full:
        sets.append(("random", 1000000, 5000000, se))
    if "--quick" in args:
        sets = [("random", 1000, 3000, se), ("random", 10000, 30000, se)]
    if "--only" in args:
        # Any instance of the quick, default or full sets, by name, in the order given.
        known = {"%s-%d-%d" % s[:3]: s for s in [("random", 1000, 3000, se), ("random", 1000, 5000, ee),
                 ("random", 10000, 30000, se), ("random", 50000, 150000, se), ("scale-free", 100000, 300000, se),
                 ("random", 1000000, 3000000, se), ("random", 1000000, 5000000, se)]}
        sets = [known[w] for w in args[args.index("--only") + 1].split(",") if w in known]
    c_src, c_bin = os.path.join(DATA, "grounded.c"), os.path.join(DATA, "grounded")
    with open(c_src, "w") as f:
        f.write(C_GROUNDED)
    subprocess.run(["gcc", "-O2", "-o", c_bin, c_src], check=True)
    encodings = {}
    for sem, (text, _) in ENCODINGS.items():
        encodings[sem] = os.path.join(DATA, sem.lower() + ".lp")
        with open(encodings[sem], "w") as f:
            f.write(text)
    has_solve = argraph_has_solve()
    if not has_solve:
        print("argraph solve not available yet: argraph's column stays empty until the scoring work is merged")
    tools = ["argraph", "C floor"] + [p for p, _ in PEERS]
    solved = {t: 0 for t in tools}
    attempted = {t: 0 for t in tools}
    rows = []
    gave_up = set()
    header = ["instance", "args", "attacks", "task", "argraph", "C floor", "clingo", "pygarg", "formal-arg",
              "argraph/best peer", "agree"]
    widths = [24, 7, 8, 6, 10, 10, 10, 10, 10, 9, 10]
    print("  ".join(c.ljust(w) for c, w in zip(header, widths)), flush=True)
    for family, n, m, tasks in sets:
        name = "%s-%d-%d" % (family, n, m)
        arg = os.path.join(ROOT, ".bench-data", "instances", name + ".arg")
        os.makedirs(os.path.dirname(arg), exist_ok=True)
        if not os.path.exists(arg):
            subprocess.run([ARGRAPH, "generate", "--family", family, "--claims", str(n), "--relations", str(m), "--seed", "1", "-o", arg], check=True)
        i23, apx = os.path.join(DATA, name + ".i23"), os.path.join(DATA, name + ".lp")
        if not os.path.exists(i23) or not os.path.exists(apx):
            arg_to_i23(arg, i23, apx)
        nargs, attackers = read_i23(i23)
        natt = sum(len(a) for a in attackers)
        for task in tasks:
            cell, answers, cpu = {}, {}, {}
            def run(tool, cmd):
                attempted[tool] += 1
                if (tool, task) in gave_up:
                    cell[tool] = "skipped"
                    return
                c, w, out = timed(cmd, timeout, 3)
                if c is None:
                    cell[tool] = out
                    if out == "timeout":
                        gave_up.add((tool, task))   # instances grow: do not wait for it again on this task
                    return
                if tool == "clingo":
                    # clingo's own CPU time (grounding and solving), leaving out the start of the Python package.
                    own = re.search(r"^CPU Time\s*:\s*([\d.]+)s", out, re.M)
                    if own: c = float(own.group(1))
                solved[tool] += 1
                cpu[tool] = c
                cell[tool] = fmt(c)
                answers[tool] = extensions(out)
            if has_solve:
                run("argraph", [ARGRAPH, "solve", "-p", task, "-f", i23, "-fo", "i23"])
            if task == "SE-GR":
                run("C floor", [c_bin, i23])
            for tool, make in PEERS:
                cmd = make(task, i23, apx, encodings)
                if cmd is not None:
                    run(tool, cmd)
            # Agreement: every answer passes the cheap check; grounded and enumerations are the same sets everywhere.
            bad = [t for t, exts in answers.items() if not all(valid(attackers, task, e) for e in exts)]
            if task == "SE-GR" or task.startswith("EE-"):
                ref = None
                for t, exts in answers.items():
                    s = frozenset(exts)
                    if ref is None: ref = s
                    elif s != ref and t not in bad: bad.append(t)
            agree = "yes" if not bad else "NO: " + ",".join(bad)
            if len(answers) <= 1 and not bad:
                agree = "-"
            peers = [cpu[t] for t, _ in PEERS if t in cpu]
            ratio = "%.2f" % (cpu["argraph"] / min(peers)) if "argraph" in cpu and peers and min(peers) > 0 else "-"
            count = ""
            if task.startswith("EE-") and answers:
                count = " (%d ext.)" % len(next(iter(answers.values())))
            row = [name, str(nargs), str(natt), task + count] + [cell.get(t, "-") for t in tools] + [ratio, agree]
            rows.append(row)
            print("  ".join(c.ljust(w) for c, w in zip(row, widths)), flush=True)
    summary = "Solved within %d s: " % timeout + ", ".join(
        "%s %d/%d" % (t, solved[t], attempted[t]) for t in tools if attempted[t] > 0)
    print(summary)
    versions = []
    v = subprocess.run(CLINGO + ["--version"], capture_output=True, text=True).stdout.split("\n")[0].split()
    if v: versions.append("clingo " + v[-1])
    for pkg in ("pygarg", "formal-argumentation", "python-sat", "z3-solver"):
        try:
            from importlib.metadata import version
            versions.append("%s %s" % (pkg, version(pkg)))
        except Exception:
            pass
    load = open("/proc/loadavg").read().split()[:3] if os.path.exists("/proc/loadavg") else []
    md = ["<!-- peers:begin (generated by scripts/bench-peers; do not edit by hand) -->",
          "CPU time per process (user + system: read + solve + print), median of 3 runs (1 when one takes over 2 s), "
          "time limit %d s per instance and task; for clingo its own reported CPU time (grounding + solving), without "
          "the start of the Python package that carries it. Peers: %s (Python tools run in the script's venv; their "
          "times include the interpreter's start). SE answers are checked (stable: conflict-free and attacking every "
          "other argument; preferred: admissible), grounded and EE answers compared across tools; a tool that timed out "
          "on a task is skipped on that task for the larger instances after it. Load average at the "
          "end of the run: %s." % (timeout, ", ".join(versions), " ".join(load)),
          "", "| " + " | ".join(header) + " |", "|" + "---|" * 4 + "---:|" * 6 + "---|"]
    md += ["| " + " | ".join(r) + " |" for r in rows]
    md += ["", summary + "."]
    md.append("<!-- peers:end -->")
    doc = os.path.join(ROOT, "docs", "performance.md")
    text = open(doc).read()
    new = re.sub(r"<!-- peers:begin.*?<!-- peers:end -->", lambda _: "\n".join(md), text, flags=re.S)
    open(doc, "w").write(new)
    print("written: docs/performance.md")

if __name__ == "__main__":
    main()
