#!/usr/bin/env python3
"""Compares two argraph binaries on .arg inputs, valid and broken: every byte of what they print.

    python3 Benchmarks/Arg/compare-readers.py NEW OLD [--count N] [--seed S] [--keep DIR] [FILE ...]

Every FILE given (say every .arg of the repository) and N generated inputs (default 400; a fixed seed) are read by
both binaries with `check FILE` and `convert FILE --to json`; their exit codes, standard output and standard error
must be equal byte for byte (the file's path is the same for both). The generated inputs mix every declaration
(graph header, documents, actors, claims, evidence, proposals, stances, supports, attacks, undercuts, linked
relations with ' + '), relation ids in both spellings ('r1:' and 'r1 :'), properties (text, tags, base, weight, by,
note, quote with a location, literal blocks), short and long ids (over 8 bytes, some with a shared 8-byte prefix),
non-ASCII ids and text (composed and decomposed accents, invalid UTF-8), comments, blank lines, CR and tabs, a byte
order mark, forward references, unknown and duplicate ids, and random byte edits (deleted, inserted or replaced
bytes) that make most of them errors. Prints the first differences and exits 1 on any.
The reader speed work of issue 23 keeps every message, line and column unchanged (docs/performance.md).
"""
import os, random, subprocess, sys, tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import byte_edits  # noqa: E402

IDS_ASCII = ["a", "b", "c1", "x_y", "claim12", "a1234567", "abcdefgh", "abcdefgh1", "abcdefgh2", "abcdefghij",
             "averyveryverylongclaimidentifier", "averyveryverylongclaimidentifies", "1", "007", "Bad!", "-x"]
IDS_OTHER = ["é", "e\u0301", "caf\u00e9", "cafe\u0301", "ünïcødé-long-name", "\u2603", "\udcff"]
TEXTS = ["The first observation.", "x", "A rather longer text about deterrence, alliances and the cost of it all.",
         "Texte accentué — “quoted”", "tab\there", "trailing spaces   ", "", "  ", "#not a comment", "a: b -> c",
         "\udcfe bad byte"]
EDIT_BYTES = b":->+|#\" \t\r\nab1\xc3\xa9\xff\xef\xbb\xbf"
# A third of the generated inputs are clean: every choice below that is there to make an error takes its valid
# branch, so that the readers' paths for valid input (the fast ones) are compared on varied files too.
CLEAN = [False]

def odd(rng, p):
    """Whether to take an error-making branch of probability `p` (never in a clean input)."""
    return not CLEAN[0] and rng.random() < p

def enc(s):
    return s.encode("utf-8", "surrogateescape")

def ident(rng, n):
    if CLEAN[0]: return ("c%d" % rng.randint(1, max(n, 1))).encode()
    if rng.random() < 0.06: return enc(rng.choice(IDS_OTHER))
    if rng.random() < 0.6: return ("c%d" % rng.randint(1, max(n, 1))).encode()
    return rng.choice(IDS_ASCII).encode()

def text(rng):
    return enc(rng.choice(TEXTS[:4] if CLEAN[0] else TEXTS))

def ws(rng):
    return rng.choice([b" ", b" ", b" ", b"  ", b"\t"])

def indent(rng):
    return rng.choice([b"  ", b"  ", b"  ", b"    ", b"\t", b" "])

def generate(rng):
    CLEAN[0] = rng.random() < 1 / 3
    big = rng.random() < 0.05
    n = rng.randint(500, 3000) if big else rng.randint(0, 12)
    m = rng.randint(500, 6000) if big else rng.randint(0, 20)
    lines = []
    if rng.random() < 0.5:
        lines.append(b"graph " + (rng.choice([b"g", b"my-graph"]) if CLEAN[0] else rng.choice([b"g", b"my-graph", b"bad id", b"x\xff"])))
        if rng.random() < 0.5: lines.append(indent(rng) + b"title: " + text(rng))
    docs = ["d%d" % i for i in range(rng.randint(0, 2))]
    actors = ["a%d" % i for i in range(rng.randint(0, 3))]
    for d in docs:
        lines.append(b"document " + d.encode())
        if CLEAN[0] or rng.random() < 0.8: lines.append(indent(rng) + b"title: " + text(rng))
        if odd(rng, 0.3): lines.append(indent(rng) + b"date: " + rng.choice([b"2020", b"2020-13", b"x"]))
    for a in actors:
        lines.append(b"actor " + a.encode())
        if rng.random() < 0.8: lines.append(indent(rng) + b"name: " + text(rng))
        if odd(rng, 0.3): lines.append(indent(rng) + b"credibility: " + rng.choice([b"0.5", b"2", b"x"]))
        if odd(rng, 0.2): lines.append(indent(rng) + b"kind: " + rng.choice([b"person", b"grop"]))
    claims = list(dict.fromkeys(ident(rng, n) for _ in range(n)))
    decls = []
    for c in claims:
        kw = rng.choice([b"claim", b"claim", b"claim", b"evidence", b"proposal"])
        block = []
        r = rng.random()
        if r < 0.8 or CLEAN[0]: block.append(kw + ws(rng) + c + b":" + ws(rng) + text(rng))
        elif r < 0.9: block.append(kw + b" " + c)
        else: block.append(kw + b" " + c + b" " + text(rng))
        if odd(rng, 0.1): block.append(indent(rng) + b"tags: " + rng.choice([b"a, b", b"a, a", b"bad tag"]))
        if odd(rng, 0.05): block.append(indent(rng) + b"base: " + rng.choice([b"0.3", b"1.5", b"nan"]))
        if odd(rng, 0.05):
            block += [b"  text: |", b"    line one", b"", b"      line two  "]
        if odd(rng, 0.05): block += [indent(rng) + b"text: more", b"      continued"]
        decls.append(block)
    rels = []
    for k in range(m):
        kw = rng.choice([b"support", b"attack"] if CLEAN[0] else [b"support", b"attack", b"attack", b"undercut"])
        if CLEAN[0] and not claims: break
        pick = lambda: rng.choice(claims) if claims and (CLEAN[0] or rng.random() < 0.97) else ident(rng, n)
        src = pick()
        if rng.random() < 0.08: src = src + b" + " + pick() + (b" + " + pick() if rng.random() < 0.3 else b"")
        if odd(rng, 0.03): src = src + b" +"
        tgt = (b"r%d" % rng.randint(0, max(m, 1))) if kw == b"undercut" and rng.random() < 0.8 else pick()
        if CLEAN[0] and tgt in src.split(b" + "): continue  # a claim cannot support or attack itself
        rid = b""
        r = rng.random()
        if r < 0.25: rid = (b"r%d" % k) + b":" + ws(rng)
        elif r < 0.3: rid = (b"r%d" % k) + b" :" + ws(rng)
        elif r < 0.32 and not CLEAN[0]: rid = enc("r\u00e9%d:" % k) + b" "
        arrow = rng.choice([b" -> ", b" -> ", b"->", b"\t->\t"] + ([] if CLEAN[0] else [b" - > ", b" -> x -> "]))
        block = [kw + ws(rng) + rid + src + arrow + tgt]
        if odd(rng, 0.1): block.append(indent(rng) + b"weight: " + rng.choice([b"0.5", b"1.5", b"w"]))
        if rng.random() < 0.05 and actors: block.append(indent(rng) + b"by: " + rng.choice(actors).encode())
        if rng.random() < 0.05: block.append(indent(rng) + b"note: " + text(rng))
        if odd(rng, 0.02): block.append(indent(rng) + b"colour: red")
        rels.append(block)
    sts = []
    for _ in range(rng.randint(0, 6)):
        if not actors and (CLEAN[0] or not claims or rng.random() < 0.8): break
        a = rng.choice(actors).encode() if actors else b"nobody"
        c = rng.choice(claims) if claims else b"x"
        line = b"stance " + a + b" " + rng.choice([b"asserts", b"denies"] + ([] if CLEAN[0] else [b"assert"])) + b" " + c
        if docs and rng.random() < 0.3: line += b" in " + rng.choice(docs).encode()
        block = [line]
        if odd(rng, 0.3): block.append(indent(rng) + b"quote" + rng.choice([b"", b" L12", b" 3-9", b" Lx"]) + b": " + text(rng))
        sts.append(block)
    body = decls + rels + sts
    if rng.random() < 0.3: rng.shuffle(body)
    for block in body:
        if rng.random() < 0.05: lines.append(rng.choice([b"# comment", b"", b"   ", b"#"]))
        lines += block
    return join(rng, lines)

def join(rng, lines):
    # edits: most edited inputs are errors
    return byte_edits.join(rng, lines, 0.12, lambda: 0 if CLEAN[0] else rng.choice([0, 0, 0, 1, 1, 2, 3]), EDIT_BYTES)

def edited(rng, data):
    return byte_edits.edited(rng, data, rng.randint(1, 3), EDIT_BYTES)

def run(binary, args):
    p = subprocess.run([binary] + args, capture_output=True, timeout=120)
    return (p.returncode, p.stdout, p.stderr)

def main():
    args = sys.argv[1:]
    if len(args) < 2: print(__doc__.strip().split("\n\n")[1]); sys.exit(2)
    new, old = args[0], args[1]
    rest = args[2:]
    def option(name, default):
        if name in rest:
            i = rest.index(name)
            v = rest[i + 1]
            del rest[i:i + 2]
            return v
        return default
    count = int(option("--count", "400"))
    seed = int(option("--seed", "23"))
    keep = option("--keep", None)
    files = rest
    rng = random.Random(seed)
    tmp = keep or tempfile.mkdtemp(prefix="compare-arg-readers-")
    os.makedirs(tmp, exist_ok=True)
    differences, errors, runs, inputs = 0, 0, 0, 0
    def compare(path):
        nonlocal differences, errors, runs
        for task in (["check", path], ["convert", path, "--to", "json"]):
            a, b = run(new, task), run(old, task)
            runs += 1
            if a[0] != 0: errors += 1
            if a != b:
                differences += 1
                if differences <= 10:
                    print("DIFFERENT: %s\n  new: %r\n  old: %r" % (" ".join(task), a[:3], b[:3]))
    sources = []
    for f in files:
        compare(f)
        inputs += 1
        with open(f, "rb") as h: sources.append(h.read())
    made = []
    for i in range(count):
        path = os.path.join(tmp, "in-%04d.arg" % i)
        if sources and i % 4 == 3:
            data = edited(rng, rng.choice(sources))  # a repository file with a few byte edits
        else:
            data = generate(rng)
        with open(path, "wb") as f: f.write(data)
        compare(path)
        inputs += 1
        if not keep: os.remove(path)
    if not keep: os.rmdir(tmp)
    print("%d runs on %d inputs (%d runs ended in errors), %d different" % (runs, inputs, errors, differences))
    sys.exit(1 if differences else 0)

if __name__ == "__main__":
    main()
