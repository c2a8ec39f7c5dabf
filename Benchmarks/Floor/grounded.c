/* The floor for `argraph solve -p SE-GR`: what plain C does with no checks at all.
 *
 * Reads an ICCMA 2023 (i23) file whole, parses it by hand into two int arrays (sources, targets), builds the
 * attacked lists in CSR by counting (count, then place), and labels grounded with a queue: an argument whose
 * attackers are all out is in, whatever it attacks is out. Prints the extension as `w 1 3 4`.
 * scripts/bench-peers compiles it with `gcc -O2` and prints argraph's time over this one's on every SE-GR row.
 * No error handling beyond refusing an unreadable file: this is a yardstick, not a reader. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *buf;
static size_t len, pos;

/* The next decimal number, skipping anything else and '#' comment lines; -1 at the end. */
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
    if (argc < 2) { fprintf(stderr, "usage: grounded FILE.i23\n"); return 2; }
    FILE *f = fopen(argv[1], "rb");
    if (!f) return 2;
    fseek(f, 0, SEEK_END); len = ftell(f); fseek(f, 0, SEEK_SET);
    buf = malloc(len + 1);
    if (fread(buf, 1, len, f) != len) return 2;
    fclose(f);
    char *p = strstr(buf, "p af");
    if (!p) return 2;
    pos = p - buf + 4;
    long n = next_int();
    long cap = len / 4 + 1, m = 0;                 /* an attack line takes at least 4 bytes */
    int *src = malloc(cap * sizeof(int)), *dst = malloc(cap * sizeof(int));
    for (;;) {
        long a = next_int(); if (a < 0) break;
        long b = next_int(); if (b < 0) break;
        src[m] = a - 1; dst[m] = b - 1; m++;
    }
    int *off = calloc(n + 1, sizeof(int)), *out = malloc((m + 1) * sizeof(int)), *cnt = calloc(n, sizeof(int));
    for (long i = 0; i < m; i++) { off[src[i] + 1]++; cnt[dst[i]]++; }
    for (long i = 0; i < n; i++) off[i + 1] += off[i];
    int *fill = malloc((n + 1) * sizeof(int));
    memcpy(fill, off, (n + 1) * sizeof(int));
    for (long i = 0; i < m; i++) out[fill[src[i]]++] = dst[i];
    char *lab = calloc(n, 1);                      /* 0 undecided, 1 in, 2 out */
    int *queue = malloc((n + 1) * sizeof(int));
    long qh = 0, qt = 0;
    for (long i = 0; i < n; i++) if (cnt[i] == 0) { lab[i] = 1; queue[qt++] = i; }
    while (qh < qt) {
        int x = queue[qh++];
        for (int e = off[x]; e < off[x + 1]; e++) {
            int y = out[e];
            if (lab[y]) continue;
            lab[y] = 2;
            for (int g = off[y]; g < off[y + 1]; g++) {
                int z = out[g];
                if (!lab[z] && --cnt[z] == 0) { lab[z] = 1; queue[qt++] = z; }
            }
        }
    }
    fputs("w", stdout);
    for (long i = 0; i < n; i++) if (lab[i] == 1) printf(" %ld", i + 1);
    putchar('\n');
    return 0;
}
