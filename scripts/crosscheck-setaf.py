"""Compare argraph's extensions of SETAFs (collective attacks, from linked attacks in .arg) with clingo.

The ASP encodings below are written for this script after the SETAF definitions (Nielsen & Parsons 2006; labellings
and semi-stable as in Flouris & Bikakis 2019 and Dvořák, Greßler & Woltran 2018): a set R attacks y only when every
member of R is in. Facts: arg(X). att(R,Y). mem(R,X). See crosscheck-setaf."""
import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile

import clingo

GUESS = """
in(X) :- arg(X), not out(X).
out(X) :- arg(X), not in(X).
blocked(R) :- mem(R,X), out(X).
active(R) :- att(R,_), not blocked(R).
:- in(Y), active(R), att(R,Y).
defeated(X) :- active(R), att(R,X).
killed(R) :- mem(R,X), defeated(X).
undefended(X) :- att(R,X), not killed(R).
"""
ADMISSIBLE = GUESS + ":- in(X), undefended(X).\n"
COMPLETE = ADMISSIBLE + ":- out(X), not undefended(X).\n"
STABLE = GUESS + ":- out(X), not defeated(X).\n"
# Preferred and semi-stable: subset-maximal in/1, resp. range/1, by clingo's domain heuristic with
# --heuristic=Domain --enum-mode=domRec, as in scripts/crosscheck-semantics.py.
PREFERRED = COMPLETE + "#heuristic in(X) : arg(X). [1,true]\n"
SEMI_STABLE = COMPLETE + "range(X) :- in(X).\nrange(X) :- defeated(X).\n#heuristic range(X) : arg(X). [1,true]\n"
ENCODINGS = {"CO": COMPLETE, "ST": STABLE, "PR": PREFERRED}
MODEL_LIMIT = 2000


def quiet(code, message):
    pass


def facts(n, attacks):
    """attacks: list of (members tuple, target); 1-based arguments."""
    out = "".join(f"arg({i}).\n" for i in range(1, n + 1))
    for r, (members, target) in enumerate(attacks):
        out += f"att({r},{target}).\n" + "".join(f"mem({r},{m}).\n" for m in members)
    return out


def solve(program, args, show):
    ctl = clingo.Control(args, logger=quiet)
    ctl.add("base", [], program + f"#show {show}/1.\n")
    ctl.ground([("base", [])])
    found = set()
    ctl.solve(on_model=lambda m: found.add(frozenset(s.arguments[0].number for s in m.symbols(shown=True))))
    return found


def clingo_extensions(task, n, attacks):
    """All extensions as frozensets of 1-based arguments, or None past MODEL_LIMIT."""
    base = facts(n, attacks)
    if task == "GR":
        last = []
        ctl = clingo.Control(["0", "--enum-mode=cautious"], logger=quiet)
        ctl.add("base", [], COMPLETE + base + "#show in/1.\n")
        ctl.ground([("base", [])])
        ctl.solve(on_model=lambda m: last.__setitem__(slice(None), [frozenset(s.arguments[0].number for s in m.symbols(shown=True))]))
        return set(last)
    if task == "ID":
        prefs = clingo_extensions("PR", n, attacks)
        if prefs is None:
            return None
        s = set(frozenset.intersection(*prefs)) if prefs else set()
        while True:  # greatest subset defending all its members (the intersection is conflict-free)
            hit = {t for members, t in attacks if set(members) <= s}
            keep = {x for x in s if all(any(m in hit for m in members) for members, t in attacks if t == x)}
            if keep == s:
                return {frozenset(s)}
            s = keep
    if task == "SST":
        ranges = solve(SEMI_STABLE + base, [str(MODEL_LIMIT + 1), "--heuristic=Domain", "--enum-mode=domRec"], "range")
        found = set()
        for r in ranges:
            fixed = "".join(f"r({x}).\n" for x in r) + ":- range(X), not r(X).\n:- r(X), not range(X).\n"
            found |= solve(SEMI_STABLE + base + fixed, [str(MODEL_LIMIT + 1)], "in")
        return None if len(found) > MODEL_LIMIT else found
    args = [str(MODEL_LIMIT + 1)]
    if task == "PR":
        args += ["--heuristic=Domain", "--enum-mode=domRec"]
    found = solve(ENCODINGS[task] + base, args, "in")
    return None if len(found) > MODEL_LIMIT else found


def argraph_extensions(binary, task, path):
    out = subprocess.run([binary, "solve", "-p", f"EE-{task}", "-f", path], capture_output=True, text=True, timeout=120)
    if out.returncode != 0:
        raise RuntimeError(out.stderr)
    text = out.stdout.strip()
    assert text.startswith("[") and text.endswith("]"), text
    inner = text[1:-1]
    if not inner:
        return set()
    found = set()
    for part in inner.split("],"):
        ids = part.strip("[]")
        found.add(frozenset(int(x[1:]) for x in ids.split(",") if x))
    return found


def random_setaf(rng, n):
    """Attacks by one argument and by sets of 2-3 arguments; no set contains its target (an .arg relation cannot
    have its conclusion among its premises), so no self-attack either."""
    attacks = set()
    for _ in range(int(n * rng.uniform(0.3, 1.5))):
        a, b = rng.randint(1, n), rng.randint(1, n)
        if a != b:
            attacks.add(((a,), b))
    if n >= 3:
        for _ in range(int(n * rng.uniform(0.3, 2.0))):
            target = rng.randint(1, n)
            others = [x for x in range(1, n + 1) if x != target]
            members = tuple(sorted(rng.sample(others, min(len(others), rng.randint(2, 3)))))
            attacks.add((members, target))
    return sorted(attacks)


def write_arg(path, n, attacks):
    with open(path, "w") as f:
        for i in range(1, n + 1):
            f.write(f"claim a{i}: Argument {i}.\n")
        for members, target in attacks:
            f.write("attack " + " + ".join(f"a{m}" for m in members) + f" -> a{target}\n")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--instances", type=int, default=1000)
    p.add_argument("--max-args", type=int, default=40)
    p.add_argument("--seed", type=int, default=21)
    p.add_argument("--release", action="store_true", help="build and use the release binary")
    p.add_argument("--binary", help="use this argraph binary instead of building one")
    a = p.parse_args()
    if a.binary:
        binary = a.binary
    else:
        config = ["-c", "release"] if a.release else []
        subprocess.run(["swift", "build", "--product", "argraph"] + config, check=True, stdout=subprocess.DEVNULL)
        bindir = subprocess.run(["swift", "build", "--show-bin-path"] + config, check=True, capture_output=True, text=True).stdout.strip()
        binary = os.path.join(bindir, "argraph")
    rng = random.Random(a.seed)
    tmp = tempfile.mkdtemp(prefix="argraph-setaf-")
    tasks = ["GR", "CO", "PR", "ST", "SST", "ID"]
    agree, skipped, disagree = {}, {}, []
    collective_frameworks = 0
    for k in range(a.instances):
        # Mostly small frameworks, some up to --max-args.
        n = rng.randint(3, 12) if k % 4 else rng.randint(13, a.max_args)
        attacks = random_setaf(rng, n)
        if any(len(m) > 1 for m, _ in attacks):
            collective_frameworks += 1
        path = os.path.join(tmp, f"setaf{k}.arg")
        write_arg(path, n, attacks)
        for task in tasks:
            expected = clingo_extensions(task, n, attacks)
            if expected is None:
                skipped[task] = skipped.get(task, 0) + 1
                continue
            got = argraph_extensions(binary, task, path)
            if got == expected:
                agree[task] = agree.get(task, 0) + 1
            else:
                disagree.append((task, path, sorted(map(sorted, got))[:5], sorted(map(sorted, expected))[:5]))
        if (k + 1) % 100 == 0:
            print(f"crosscheck-setaf: {k + 1} frameworks, {len(disagree)} disagreements", file=sys.stderr, flush=True)
    print(f"crosscheck-setaf: {a.instances} random SETAFs ({collective_frameworks} with collective attacks), "
          f"argraph EE-* on .arg linked attacks vs clingo:")
    for task in tasks:
        print(f"  {task:4} agree {agree.get(task, 0):5}   skipped (over {MODEL_LIMIT} models) {skipped.get(task, 0)}")
    if disagree:
        print(f"crosscheck-setaf: {len(disagree)} DISAGREEMENTS:")
        for d in disagree[:20]:
            print("  ", *d)
        print(f"crosscheck-setaf: the frameworks are kept in {tmp}")
        sys.exit(1)
    shutil.rmtree(tmp, ignore_errors=True)
    print("crosscheck-setaf: no disagreement")


if __name__ == "__main__":
    main()
