"""argraph against its peers on the same attack frameworks (see scripts/bench-peers)."""
import os, re, statistics, subprocess, sys, time

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

C_GROUNDED = r"""
/* Grounded labelling of an ICCMA i23 framework: read, build attacker counts and CSR, propagate. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static char *buf; static size_t len, pos;
static long next_int(void) {
    for (;;) {
        while (pos < len && (buf[pos] < '0' || buf[pos] > '9') && buf[pos] != '#') pos++;
        if (pos < len && buf[pos] == '#') { while (pos < len && buf[pos] != '\n') pos++; continue; }
        break;
    }
    if (pos >= len) return -1;
    long v = 0;
    while (pos < len && buf[pos] >= '0' && buf[pos] <= '9') v = v * 10 + (buf[pos++] - '0');
    return v;
}
int main(int argc, char **argv) {
    FILE *f = fopen(argv[1], "rb"); if (!f) return 2;
    fseek(f, 0, SEEK_END); len = ftell(f); fseek(f, 0, SEEK_SET);
    buf = malloc(len + 1); if (fread(buf, 1, len, f) != len) return 2; fclose(f);
    char *p = strstr(buf, "p af"); if (!p) return 2; pos = p - buf + 4;
    long n = next_int();
    long cap = 1 << 20, m = 0;
    int *src = malloc(cap * sizeof(int)), *dst = malloc(cap * sizeof(int));
    for (;;) {
        long a = next_int(); if (a < 0) break; long b = next_int(); if (b < 0) break;
        if (m == cap) { cap *= 2; src = realloc(src, cap * sizeof(int)); dst = realloc(dst, cap * sizeof(int)); }
        src[m] = a - 1; dst[m] = b - 1; m++;
    }
    int *off = calloc(n + 1, sizeof(int)), *out = malloc(m * sizeof(int)), *cnt = calloc(n, sizeof(int));
    for (long i = 0; i < m; i++) { off[src[i] + 1]++; cnt[dst[i]]++; }
    for (long i = 0; i < n; i++) off[i + 1] += off[i];
    int *fill = malloc((n + 1) * sizeof(int)); memcpy(fill, off, (n + 1) * sizeof(int));
    for (long i = 0; i < m; i++) out[fill[src[i]]++] = dst[i];
    char *lab = calloc(n, 1); /* 0 undec, 1 in, 2 out */
    int *queue = malloc(n * sizeof(int)); long qh = 0, qt = 0;
    for (long i = 0; i < n; i++) if (cnt[i] == 0) { lab[i] = 1; queue[qt++] = i; }
    while (qh < qt) {
        int x = queue[qh++];
        for (int e = off[x]; e < off[x + 1]; e++) {
            int y = out[e]; if (lab[y]) continue; lab[y] = 2;
            for (int g = off[y]; g < off[y + 1]; g++) { int z = out[g]; if (!lab[z] && --cnt[z] == 0) { lab[z] = 1; queue[qt++] = z; } }
        }
    }
    fputs("w", stdout);
    for (long i = 0; i < n; i++) if (lab[i] == 1) printf(" %ld", i + 1);
    putchar('\n');
    return 0;
}
"""

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

def timed(cmd, timeout, runs):
    """Median wall time of `runs` runs (1 when a run exceeds 10 s), and the last output; None on timeout."""
    times, out = [], ""
    for k in range(runs):
        t0 = time.perf_counter()
        try:
            p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return None, "timeout"
        times.append(time.perf_counter() - t0)
        out = p.stdout
        if p.returncode not in (0, 10, 20, 30):
            return None, "exit %d: %s" % (p.returncode, p.stderr.strip()[:200])
        if times[-1] > 10:
            break
    return statistics.median(times), out

def extension(text):
    """The set of arguments of a `w ...` line or of clingo's `in(X)` atoms."""
    m = re.search(r"^w((?: \d+)*)\s*$", text, re.M)
    if m:
        return frozenset(int(x) for x in m.group(1).split())
    return frozenset(int(x) for x in re.findall(r"\bin\((\d+)\)", text))

def argraph_has_solve():
    p = subprocess.run([ARGRAPH, "solve", "--help"], capture_output=True, text=True)
    return p.returncode == 0 and "ICCMA" in p.stdout + p.stderr

def fmt(x):
    if x is None: return "-"
    if isinstance(x, str): return x
    return "%.3f s" % x if x >= 0.01 else "%.2f ms" % (x * 1e3)

def main():
    args = sys.argv[1:]
    timeout = float(args[args.index("--timeout") + 1]) if "--timeout" in args else 120
    full = "--full" in args
    os.makedirs(DATA, exist_ok=True)
    sets = [("random", 10000, 30000), ("random", 50000, 150000), ("scale-free", 100000, 300000), ("random", 1000000, 3000000)]
    if full:
        sets.append(("random", 1000000, 5000000))
    if "--quick" in args:
        sets = [("random", 1000, 3000), ("random", 10000, 30000)]
    c_src, c_bin = os.path.join(DATA, "grounded.c"), os.path.join(DATA, "grounded")
    with open(c_src, "w") as f:
        f.write(C_GROUNDED)
    subprocess.run(["gcc", "-O2", "-o", c_bin, c_src], check=True)
    encodings = {}
    for task, (text, _) in ENCODINGS.items():
        encodings[task] = os.path.join(DATA, task.lower() + ".lp")
        with open(encodings[task], "w") as f:
            f.write(text)
    has_solve = argraph_has_solve()
    if not has_solve:
        print("argraph solve not available yet: argraph's column stays empty until the scoring work is merged")
    rows = []
    header = ["instance", "args", "attacks", "task", "argraph", "C floor", "clingo", "argraph/C", "argraph/clingo", "agree"]
    for family, n, m in sets:
        name = "%s-%d-%d" % (family, n, m)
        arg = os.path.join(ROOT, ".bench-data", "instances", name + ".arg")
        if not os.path.exists(arg):
            subprocess.run([ARGRAPH, "generate", "--family", family, "--claims", str(n), "--relations", str(m), "--seed", "1", "-o", arg], check=True)
        i23, apx = os.path.join(DATA, name + ".i23"), os.path.join(DATA, name + ".lp")
        if not os.path.exists(i23):
            nargs, natt = arg_to_i23(arg, i23, apx)
        else:
            with open(i23) as f:
                nargs = int(f.readline().split()[2])
            natt = sum(1 for _ in open(i23)) - 1
        runs = 3
        for task in ["GR", "ST", "PR"]:
            mine, mine_out = (timed([ARGRAPH, "solve", "-p", "SE-" + task, "-f", i23, "-fo", "i23"], timeout, runs) if has_solve else (None, "n/a"))
            floor, floor_out = timed([c_bin, i23], timeout, runs) if task == "GR" else (None, "")
            text, extra = ENCODINGS[task]
            wall, clingo_out = timed(CLINGO + ["-n", "1", "--outf=0", encodings[task], apx] + extra, timeout, runs)
            # clingo's own total time (grounding and solving), leaving out the Python start of the pip package.
            own = re.search(r"^Time\s*:\s*([\d.]+)s", clingo_out, re.M)
            clingo = float(own.group(1)) if wall is not None and own else wall
            agree = ""
            if task == "GR" and floor is not None and clingo is not None:
                same = extension(floor_out) == extension(clingo_out)
                if mine is not None:
                    same = same and extension(mine_out) == extension(floor_out)
                agree = "yes" if same else "NO"
            ratio_c = "%.2f" % (mine / floor) if mine is not None and floor else "-"
            ratio_k = "%.2f" % (mine / clingo) if mine is not None and clingo else "-"
            row = [name, str(nargs), str(natt), "SE-" + task, fmt(mine) if has_solve else "not available yet",
                   fmt(floor) if task == "GR" else "-", fmt(clingo) if clingo is not None else clingo_out, ratio_c, ratio_k, agree]
            rows.append(row)
            print("  ".join(c.ljust(w) for c, w in zip(row, [26, 8, 8, 6, 18, 10, 12, 9, 14, 5])), flush=True)
    md = ["<!-- peers:begin (generated by scripts/bench-peers; do not edit by hand) -->",
          "Wall time per process (read + solve + print), median of 3 runs (1 when over 10 s), timeout %d s; for clingo %s, its own reported time (grounding + solving), without the start of the Python package that carries it." % (
              timeout, subprocess.run(CLINGO + ["--version"], capture_output=True, text=True).stdout.split("\n")[0].split()[-1]),
          "", "| " + " | ".join(header) + " |", "|" + "---|" * 4 + "---:|" * 5 + "---|"]
    md += ["| " + " | ".join(r) + " |" for r in rows]
    md.append("<!-- peers:end -->")
    doc = os.path.join(ROOT, "docs", "performance.md")
    text = open(doc).read()
    new = re.sub(r"<!-- peers:begin.*?<!-- peers:end -->", lambda _: "\n".join(md), text, flags=re.S)
    open(doc, "w").write(new)
    print("written: docs/performance.md")

if __name__ == "__main__":
    main()
