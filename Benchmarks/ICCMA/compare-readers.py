#!/usr/bin/env python3
"""Compares two argraph binaries on random apx and tgf inputs, valid and broken: every byte of what they print.

    python3 Benchmarks/ICCMA/compare-readers.py NEW OLD [--count N] [--seed S] [--keep DIR]

For each input (N per format, default 400; a fixed seed) both binaries run `solve -p SE-GR -f FILE` and
`solve -p SE-CO -f FILE` (so the extension shows which names were read and which attacks), and their exit codes,
standard output and standard error must be equal byte for byte (the file's path is the same for both). The inputs
mix short and long names (over 8 bytes, some with a shared 8-byte prefix), quoted names, names with bytes over
0x7F (composed and decomposed accents, invalid UTF-8), comments, blank lines, CR and tabs, a byte order mark,
attacks before their arguments' declarations, undeclared and duplicate names, and random byte edits (deleted,
inserted or replaced bytes) that make most of them errors. Prints the first differences and exits 1 on any.
The reader speed work of issue 23 keeps every message, line and column unchanged (docs/performance.md).
"""
import os, random, subprocess, sys, tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import byte_edits  # noqa: E402

NAMES_ASCII = ["a", "b", "a1", "a12", "x_y", "arg1234", "a1234567", "abcdefgh", "abcdefgh1", "abcdefgh2",
               "abcdefghij", "averyveryverylongargumentname", "averyveryverylongargumentnamf", "1", "22", "007"]
NAMES_OTHER = ["é", "e\u0301", "caf\u00e9", "cafe\u0301", "ünïcødé-long-name", "\u2603", "\udcff"]
EDIT_BYTES = b"(),.\"%# \t\r\nab1\xc3\xa9\xff\xef\xbb\xbf"

def name(rng, n):
    if rng.random() < 0.08:
        s = rng.choice(NAMES_OTHER)
        return s.encode("utf-8", "surrogateescape")
    if rng.random() < 0.5:
        return ("a%d" % rng.randint(1, max(n, 1))).encode()
    return rng.choice(NAMES_ASCII).encode()

def size(rng):
    """Arguments and attacks: mostly a few, sometimes thousands (past the readers' batches and first table size)."""
    if rng.random() < 0.06: return rng.randint(1000, 6000), rng.randint(100, 3000)
    return rng.randint(0, 12), rng.randint(0, 20)

def blanks(rng):
    return rng.choice([b"", b"", b"", b" ", b"\t", b"  "])

def apx(rng):
    n, m = size(rng)
    names = list(dict.fromkeys(name(rng, n) for _ in range(n)))
    lines = []
    for x in names:
        if rng.random() < 0.15 and b"\"" not in x:
            x = b"\"" + x + b"\""
        lines.append(b"arg(" + blanks(rng) + x + blanks(rng) + b")" + blanks(rng) + b".")
    for _ in range(m):
        a = rng.choice(names) if names and rng.random() < 0.985 else name(rng, n)
        b = rng.choice(names) if names and rng.random() < 0.985 else name(rng, n)
        if rng.random() < 0.1: a = b"\"" + a + b"\""
        lines.append(b"att(" + blanks(rng) + a + b"," + blanks(rng) + b + b")" + b".")
    if rng.random() < 0.5: rng.shuffle(lines)
    for _ in range(rng.randint(0, 3)):
        lines.insert(rng.randint(0, len(lines)), rng.choice([b"% comment", b"# comment", b"", b"   "]))
    return join(rng, lines)

def tgf(rng):
    n, m = size(rng)
    names = list(dict.fromkeys(name(rng, n) for _ in range(n)))
    lines = [x + (b" label " + name(rng, n) if rng.random() < 0.2 else b"") for x in names]
    if rng.random() < 0.1 and names: lines.append(rng.choice(names))  # a duplicate node
    lines.append(b"#")
    for _ in range(m):
        a = rng.choice(names) if names and rng.random() < 0.985 else name(rng, n)
        b = rng.choice(names) if names and rng.random() < 0.985 else name(rng, n)
        lines.append(blanks(rng) + a + rng.choice([b" ", b"\t", b"  "]) + b + (b" w" if rng.random() < 0.1 else b""))
    return join(rng, lines)

def join(rng, lines):
    # edits: most edited inputs are errors
    return byte_edits.join(rng, lines, 0.15, lambda: rng.choice([0, 0, 0, 0, 1, 1, 2, 3]), EDIT_BYTES)

def run(binary, path, task):
    p = subprocess.run([binary, "solve", "-p", task, "-f", path], capture_output=True, timeout=60)
    return (p.returncode, p.stdout, p.stderr)

def main():
    args = sys.argv[1:]
    if len(args) < 2: print(__doc__.strip().split("\n\n")[1]); sys.exit(2)
    new, old = args[0], args[1]
    count = int(args[args.index("--count") + 1]) if "--count" in args else 400
    seed = int(args[args.index("--seed") + 1]) if "--seed" in args else 23
    keep = args[args.index("--keep") + 1] if "--keep" in args else None
    rng = random.Random(seed)
    tmp = keep or tempfile.mkdtemp(prefix="compare-readers-")
    os.makedirs(tmp, exist_ok=True)
    differences, errors, runs = 0, 0, 0
    for fmt, make in (("apx", apx), ("tgf", tgf)):
        for i in range(count):
            path = os.path.join(tmp, "in-%04d.%s" % (i, fmt))
            with open(path, "wb") as f: f.write(make(rng))
            for task in ("SE-GR", "SE-CO"):
                a, b = run(new, path, task), run(old, path, task)
                runs += 1
                if a[0] != 0: errors += 1
                if a != b:
                    differences += 1
                    if differences <= 10:
                        print("DIFFERENT: %s %s\n  new: %r\n  old: %r" % (task, path, a, b))
            if not keep: os.remove(path)
    if not keep: os.rmdir(tmp)
    print("%d runs on %d inputs (%d of them errors), %d different" % (runs, 2 * count, errors, differences))
    sys.exit(1 if differences else 0)

if __name__ == "__main__":
    main()
