#!/usr/bin/env python3
"""A benchmark suite in the shape of ICCMA 2023's, generated with fixed seeds (standard library only).

    python3 Benchmarks/Suite/generate.py OUTDIR [--only NAME,NAME] [--big]

Writes OUTDIR/NAME.i23 (ICCMA 2023 format, attack lines in random order, as the competition's generators and
instances have them) and OUTDIR/NAME.i23.arg (the query argument for DC/DS tasks, as ICCMA ships it), and skips
files already there. Families, after the generators used by ICCMA 2017-2023:

- er: Erdős–Rényi, each ordered pair an attack with probability p (probo's ErdosRenyiGenerator).
- ba: Barabási–Albert, each new argument attaches to m earlier ones by degree; every edge gets a random
  direction (probo's BarabasiAlbertGenerator).
- ws: Watts–Strogatz, a ring where each argument is joined to its k nearest, each edge rewired with probability
  beta, each edge directed one way or both ways at random (probo's WattsStrogatzGenerator).
- grid: a w×h grid whose edges are attacks in a random direction, some both ways (ICCMA 2017's GridGenerator).
- admbuster: in the style of Baumann's AdmBuster (ICCMA 2017): mutually attacking pairs (a_i, b_i), each b_i
  attacked by a tail of c arguments that attack each other in a cycle, so that many admissible sets exist and
  the preferred ones are hard to tell apart; not a copy of that generator.
- stablegen: in the style of ICCMA 2017's StableGenerator: a few planted stable extensions (random sets that
  attack everything outside them), plus random noise attacks that respect them; many stable and preferred
  extensions of similar size.

--big adds the floor instances: random-order and acyclic frameworks of 10^6 arguments and 5·10^6 attacks.
Sizes are picked so that a good solver needs between about 0.01 and 30 s per task (see docs/performance.md).
"""
import os, random, sys

def write(path, n, attacks, rng):
    """Writes the framework with its attack lines shuffled, and a query argument next to it."""
    attacks = list(attacks)
    rng.shuffle(attacks)
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write("p af %d\n" % n)
        f.write("".join("%d %d\n" % (a, b) for a, b in attacks))
    os.replace(tmp, path)
    with open(path + ".arg", "w") as f:
        f.write("%d\n" % rng.randint(1, n))

def er(n, p, rng):
    out = set()
    m = int(round(p * n * (n - 1)))
    while len(out) < m:
        a, b = rng.randint(1, n), rng.randint(1, n)
        if a != b: out.add((a, b))
    return out

def ba(n, m, rng):
    targets, pool, out = list(range(1, m + 1)), [], set()
    for v in range(m + 1, n + 1):
        for t in set(targets):
            out.add((v, t) if rng.random() < 0.5 else (t, v))
            pool += [v, t]
        targets = [rng.choice(pool) for _ in range(m)]
    return out

def ws(n, k, beta, rng):
    edges = set()
    for v in range(n):
        for j in range(1, k // 2 + 1):
            u = (v + j) % n
            if rng.random() < beta:
                u = rng.randrange(n)
                while u == v: u = rng.randrange(n)
            edges.add((min(u, v), max(u, v)))
    out = set()
    for a, b in edges:
        r = rng.random()
        if r < 0.4: out.add((a + 1, b + 1))
        elif r < 0.8: out.add((b + 1, a + 1))
        else: out.update([(a + 1, b + 1), (b + 1, a + 1)])
    return out

def grid(w, h, both, rng):
    out = set()
    def node(x, y): return y * w + x + 1
    for y in range(h):
        for x in range(w):
            for nx, ny in ((x + 1, y), (x, y + 1)):
                if nx < w and ny < h:
                    a, b = node(x, y), node(nx, ny)
                    if rng.random() < both: out.update([(a, b), (b, a)])
                    elif rng.random() < 0.5: out.add((a, b))
                    else: out.add((b, a))
    return out

def admbuster(pairs, tail, noise, rng):
    out, n = set(), 2 * pairs
    for i in range(pairs):
        a, b = 2 * i + 1, 2 * i + 2
        out.update([(a, b), (b, a)])
    for i in range(pairs):
        b = 2 * i + 2
        cyc = list(range(n + 1, n + tail + 1)); n += tail
        for j, c in enumerate(cyc):
            out.add((c, cyc[(j + 1) % tail]))
        out.add((cyc[0], b))
        out.add((2 * ((i + 1) % pairs) + 1, cyc[0]))       # a_{i+1} defends b_i's attacker chain
    for _ in range(noise):
        x, y = rng.randint(1, 2 * pairs), rng.randint(1, 2 * pairs)
        if x != y: out.add((x, y))
    return n, out

def stablegen(n, planted, size, noise, rng):
    out, members = set(), []
    args = list(range(1, n + 1))
    for _ in range(planted):
        members.append(set(rng.sample(args, size)))
    for s in members:
        inside = list(s)
        for v in args:
            if v not in s:
                out.add((rng.choice(inside), v))
    for _ in range(noise):
        a, b = rng.randint(1, n), rng.randint(1, n)
        if a != b and not any(a in s and b in s for s in members):
            out.add((a, b))
    return out

def big_random(n, m, rng):
    return ((rng.randint(1, n), rng.randint(1, n)) for _ in range(m))

def big_acyclic(n, m, rng):
    """Attacks only from a lower to a higher number: acyclic, so grounded decides every argument."""
    for _ in range(m):
        a, b = rng.randint(1, n), rng.randint(1, n)
        while a == b: b = rng.randint(1, n)
        yield (min(a, b), max(a, b))

# name -> (seed, builder returning (n, attacks))
SUITE = {}
for n, p in [(150, 0.02), (250, 0.01), (400, 0.006), (1000, 0.002)]:
    SUITE["er-%d-%s" % (n, p)] = lambda r, n=n, p=p: (n, er(n, p, r))
for n, m in [(1000, 1), (5000, 1), (20000, 2), (100000, 1)]:
    SUITE["ba-%d-%d" % (n, m)] = lambda r, n=n, m=m: (n, ba(n, m, r))
for n, k, beta in [(200, 4, 0.1), (300, 6, 0.2), (1000, 4, 0.3), (5000, 4, 0.1)]:
    SUITE["ws-%d-%d-%s" % (n, k, beta)] = lambda r, n=n, k=k, b=beta: (n, ws(n, k, b, r))
for w, h, both in [(30, 30, 0.1), (60, 60, 0.05), (150, 150, 0.02)]:
    SUITE["grid-%d-%d" % (w, h)] = lambda r, w=w, h=h, b=both: (w * h, grid(w, h, b, r))
for pairs, tail, noise in [(100, 3, 50), (400, 3, 200), (2000, 5, 500)]:
    SUITE["admbuster-%d-%d" % (pairs, tail)] = lambda r, p=pairs, t=tail, x=noise: admbuster(p, t, x, r)
for n, planted, size, noise in [(200, 5, 40, 300), (500, 8, 80, 1000), (2000, 10, 200, 4000)]:
    SUITE["stablegen-%d-%d" % (n, planted)] = lambda r, n=n, k=planted, s=size, x=noise: (n, stablegen(n, k, s, x, r))
BIG = {
    "floor-random-1000000-5000000": lambda r: (1000000, big_random(1000000, 5000000, r)),
    "floor-acyclic-1000000-5000000": lambda r: (1000000, big_acyclic(1000000, 5000000, r)),
}

def main():
    args = sys.argv[1:]
    if not args or args[0].startswith("-"):
        print(__doc__.strip().split("\n\n")[1]); sys.exit(2)
    out = args[0]
    os.makedirs(out, exist_ok=True)
    suite = dict(SUITE)
    if "--big" in args: suite.update(BIG)
    if "--only" in args:
        keep = args[args.index("--only") + 1].split(",")
        suite = {k: v for k, v in {**SUITE, **BIG}.items() if k in keep}
    for i, (name, build) in enumerate(sorted(suite.items())):
        path = os.path.join(out, name + ".i23")
        if os.path.exists(path) and os.path.exists(path + ".arg"):
            continue
        rng = random.Random(1000 + sum(map(ord, name)))              # fixed per name
        n, attacks = build(rng)
        write(path, n, attacks, rng)
        print("generated", path, flush=True)

if __name__ == "__main__":
    main()
