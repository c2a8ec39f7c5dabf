"""Compare argraph with clingo (ASPARTIX-style encodings) and formal-argumentation. See crosscheck-semantics."""
import argparse
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile

import clingo
from argumentation.core.dung import ArgumentationFramework
from argumentation.gradual.dfquad import dfquad_strengths
from argumentation.gradual.gradual import WeightedBipolarGraph, quadratic_energy_strengths
from argumentation.ranking.ranking import categoriser_scores

# ---------------------------------------------------------------- ASP encodings (written for this script)
# Facts: arg(X). att(X,Y).
GUESS = """
in(X) :- arg(X), not out(X).
out(X) :- arg(X), not in(X).
:- in(X), in(Y), att(X,Y).
defeated(X) :- in(Y), att(Y,X).
undefended(X) :- att(Y,X), not defeated(Y).
"""
ADMISSIBLE = GUESS + ":- in(X), undefended(X).\n"
COMPLETE = ADMISSIBLE + ":- out(X), not undefended(X).\n"
STABLE = GUESS + ":- out(X), not defeated(X).\n"
# Preferred: complete sets that are subset-maximal in in/1, via clingo's domain heuristic with
# --heuristic=Domain --enum-mode=domRec (Gebser, Kaufmann & Schaub's heuristic-driven optimisation).
PREFERRED = COMPLETE + "#heuristic in(X) : arg(X). [1,true]\n"
# Semi-stable: complete labellings whose range (in or defeated) is subset-maximal.
SEMI_STABLE = COMPLETE + "range(X) :- in(X).\nrange(X) :- defeated(X).\n#heuristic range(X) : arg(X). [1,true]\n"
ENCODINGS = {"CO": COMPLETE, "ST": STABLE, "PR": PREFERRED, "SST": SEMI_STABLE}
MODEL_LIMIT = 2000


def facts(n, attacks):
    return "".join(f"arg({i}).\n" for i in range(1, n + 1)) + "".join(f"att({a},{b}).\n" for a, b in attacks)


def clingo_extensions(task, n, attacks):
    """All extensions as frozensets of 1-based ids, or None past MODEL_LIMIT."""
    if task == "GR":
        # The grounded extension is the intersection of all complete extensions (it is the least one).
        ctl = clingo.Control(["0", "--enum-mode=cautious"], logger=quiet)
        ctl.add("base", [], COMPLETE + facts(n, attacks))
        ctl.ground([("base", [])])
        last = []
        ctl.solve(on_model=lambda m: last.__setitem__(slice(None), [frozenset(s.arguments[0].number for s in m.symbols(shown=True) if s.name == "in")]))
        return set(last)
    if task == "ID":
        prefs = clingo_extensions("PR", n, attacks)
        if prefs is None:
            return None
        inter = frozenset.intersection(*prefs) if prefs else frozenset()
        attackers = {i: set() for i in range(1, n + 1)}
        for a, b in attacks:
            attackers[b].add(a)
        s = set(inter)
        changed = True
        while changed:  # greatest subset that defends itself (already conflict-free)
            changed = False
            hit = {b for a, b in attacks if a in s}
            for x in list(s):
                if any(y not in hit for y in attackers[x]):
                    s.discard(x)
                    changed = True
        return {frozenset(s)}
    if task == "SST":
        return clingo_semi_stable(n, attacks)
    args = [str(MODEL_LIMIT + 1)]
    if task == "PR":
        args += ["--heuristic=Domain", "--enum-mode=domRec"]
    ctl = clingo.Control(args, logger=quiet)
    ctl.add("base", [], ENCODINGS[task] + facts(n, attacks) + "#show in/1.\n")
    ctl.ground([("base", [])])
    found = set()
    ctl.solve(on_model=lambda m: found.add(frozenset(s.arguments[0].number for s in m.symbols(shown=True))))
    return None if len(found) > MODEL_LIMIT else found


def quiet(code, message):
    pass


def clingo_semi_stable(n, attacks):
    """Maximal ranges by domRec (which blocks every subset of a range found, so one model per range), then every
    complete labelling with exactly each maximal range."""
    ctl = clingo.Control([str(MODEL_LIMIT + 1), "--heuristic=Domain", "--enum-mode=domRec"], logger=quiet)
    ctl.add("base", [], SEMI_STABLE + facts(n, attacks) + "#show range/1.\n")
    ctl.ground([("base", [])])
    ranges = []
    ctl.solve(on_model=lambda m: ranges.append(frozenset(s.arguments[0].number for s in m.symbols(shown=True))))
    found = set()
    for r in ranges:
        ctl = clingo.Control([str(MODEL_LIMIT + 1)], logger=quiet)
        fixed = "".join(f"r({x}).\n" for x in r) + ":- range(X), not r(X).\n:- r(X), not range(X).\n"
        ctl.add("base", [], SEMI_STABLE + facts(n, attacks) + fixed + "#show in/1.\n")
        ctl.ground([("base", [])])
        ctl.solve(on_model=lambda m: found.add(frozenset(s.arguments[0].number for s in m.symbols(shown=True))))
    return None if len(found) > MODEL_LIMIT else found


def argraph_extensions(binary, task, path):
    out = subprocess.run([binary, "solve", "-p", f"EE-{task}", "-f", path], capture_output=True, text=True, timeout=120)
    if out.returncode != 0:
        raise RuntimeError(out.stderr)
    lines = [l for l in out.stdout.splitlines() if l.strip()]
    if lines == ["NO"]:
        return set()
    return {frozenset(int(x) for x in l.split()[1:]) for l in lines}


def random_af(rng, n):
    indegree = rng.uniform(0.5, 3.0)
    m = int(n * indegree)
    attacks = {(rng.randint(1, n), rng.randint(1, n)) for _ in range(m)}
    return sorted(attacks)


# ---------------------------------------------------------------- gradual
def random_bipolar(rng, n, acyclic, unit_base=False):
    bases = [1.0 if unit_base else round(rng.random(), 3) for _ in range(n)]
    rels = set()
    for _ in range(int(n * rng.uniform(0.5, 2.0))):
        a, b = rng.randrange(n), rng.randrange(n)
        if a == b or (acyclic and a > b):
            if acyclic and a > b:
                a, b = b, a
            else:
                continue
        if a == b:
            continue
        rels.add((a, b))
    kinds = {r: rng.choice(["attack", "support"]) for r in rels}
    return bases, kinds


def write_arg(path, bases, kinds):
    with open(path, "w") as f:
        f.write("actor analyst\n\n")
        for i, b in enumerate(bases):
            f.write(f"claim c{i}: Claim {i}.\n  base: {b}\n")
        for i in range(len(bases)):
            f.write(f"stance analyst asserts c{i}\n")
        for (a, b), k in sorted(kinds.items()):
            f.write(f"{k} c{a} -> c{b}\n")


def argraph_strengths(binary, semantics, path):
    out = subprocess.run([binary, "solve", "--gradual", semantics, "-f", path], capture_output=True, text=True, timeout=120)
    if out.returncode != 0:
        raise RuntimeError(out.stderr)
    lines = out.stdout.splitlines()
    converged = "converged=true" in lines[0]
    return converged, {l.split()[0]: float(l.split()[1]) for l in lines[1:]}


def reference_strengths(semantics, bases, kinds):
    names = [f"c{i}" for i in range(len(bases))]
    attacks = frozenset((f"c{a}", f"c{b}") for (a, b), k in kinds.items() if k == "attack")
    supports = frozenset((f"c{a}", f"c{b}") for (a, b), k in kinds.items() if k == "support")
    if semantics == "h-categorizer":
        r = categoriser_scores(ArgumentationFramework(arguments=frozenset(names), defeats=attacks))
        return r.converged, dict(r.scores)
    g = WeightedBipolarGraph(arguments=frozenset(names), initial_weights=dict(zip(names, bases)), attacks=attacks, supports=supports)
    r = dfquad_strengths(g) if semantics == "df-quad" else quadratic_energy_strengths(g)
    return r.converged, dict(r.strengths)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--instances", type=int, default=300)
    p.add_argument("--max-args", type=int, default=300)
    p.add_argument("--seed", type=int, default=2023)
    p.add_argument("--release", action="store_true", help="build and use the release binary")
    a = p.parse_args()
    config = ["-c", "release"] if a.release else []
    subprocess.run(["swift", "build", "--product", "argraph"] + config, check=True, stdout=subprocess.DEVNULL)
    bindir = subprocess.run(["swift", "build", "--show-bin-path"] + config, check=True, capture_output=True, text=True).stdout.strip()
    binary = os.path.join(bindir, "argraph")
    rng = random.Random(a.seed)
    tmp = tempfile.mkdtemp(prefix="argraph-crosscheck-")
    agree, disagree, skipped = {}, [], {}

    for k in range(a.instances):
        # Mostly small frameworks, some up to --max-args.
        n = rng.randint(1, 12) if k % 3 else rng.randint(13, a.max_args)
        attacks = random_af(rng, n)
        path = os.path.join(tmp, f"af{k}.i23")
        with open(path, "w") as f:
            f.write(f"p af {n}\n" + "".join(f"{x} {y}\n" for x, y in attacks))
        for task in ["GR", "CO", "PR", "ST", "SST", "ID"]:
            if task in ("CO",) and n > 40:
                continue  # complete extensions can be exponentially many
            expected = clingo_extensions(task, n, attacks)
            if expected is None:
                skipped[task] = skipped.get(task, 0) + 1
                continue
            got = argraph_extensions(binary, task, path)
            if got == expected:
                agree[task] = agree.get(task, 0) + 1
            else:
                disagree.append((task, path, sorted(map(sorted, got))[:5], sorted(map(sorted, expected))[:5]))

    gradual_agree, gradual_nonconv = {}, {}
    for k in range(max(40, a.instances // 2)):
        acyclic = k % 2 == 0
        n = rng.randint(2, 25)
        for semantics in ["df-quad", "quadratic-energy", "h-categorizer"]:
            bases, kinds = random_bipolar(rng, n, acyclic, unit_base=(semantics == "h-categorizer"))
            path = os.path.join(tmp, f"g{k}-{semantics}.arg")
            write_arg(path, bases, kinds)
            conv, mine = argraph_strengths(binary, semantics, path)
            rconv, ref = reference_strengths(semantics, bases, kinds)
            key = f"{semantics} ({'acyclic' if acyclic else 'cyclic'})"
            if not conv and not rconv:
                gradual_nonconv[key] = gradual_nonconv.get(key, 0) + 1
                continue
            if conv != rconv:
                disagree.append((key, path, f"argraph converged={conv}", f"reference converged={rconv}"))
                continue
            worst = max((abs(mine[x] - ref[x]) for x in ref), default=0.0)
            if worst <= 1e-6:
                gradual_agree[key] = gradual_agree.get(key, 0) + 1
            else:
                disagree.append((key, path, f"max difference {worst:.3g}", ""))

    # The 2-cycle with base 1 (graphs/even-cycle.arg): plain DF-QuAD iteration oscillates; both must say so.
    conv, _ = argraph_strengths(binary, "df-quad", "graphs/even-cycle.arg")
    rconv, _ = reference_strengths("df-quad", [1.0, 1.0], {(0, 1): "attack", (1, 0): "attack"})
    if conv or rconv:
        disagree.append(("df-quad even cycle", "graphs/even-cycle.arg", f"argraph converged={conv}", f"reference converged={rconv}"))
    else:
        gradual_nonconv["df-quad (2-cycle, base 1)"] = 1

    print("crosscheck: extensions (argraph EE-* vs clingo, ASPARTIX-style encodings):")
    for task in ["GR", "CO", "PR", "ST", "SST", "ID"]:
        print(f"  {task:4} agree {agree.get(task, 0):4}   skipped (over {MODEL_LIMIT} models) {skipped.get(task, 0)}")
    print("crosscheck: gradual strengths (argraph vs formal-argumentation, |diff| <= 1e-6):")
    for key in sorted(set(gradual_agree) | set(gradual_nonconv)):
        print(f"  {key:30} agree {gradual_agree.get(key, 0):4}   both report non-convergence {gradual_nonconv.get(key, 0)}")
    if disagree:
        print(f"crosscheck: {len(disagree)} DISAGREEMENTS:")
        for d in disagree[:20]:
            print("  ", *d)
        print(f"crosscheck: the frameworks are kept in {tmp}")
        sys.exit(1)
    shutil.rmtree(tmp, ignore_errors=True)
    print("crosscheck: no disagreement")


if __name__ == "__main__":
    main()
