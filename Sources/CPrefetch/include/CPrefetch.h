#ifndef ARGRAPH_CPREFETCH_H
#define ARGRAPH_CPREFETCH_H

// A software prefetch for Swift, which has none: asks the cache for the line at `address` to be read soon, and
// returns at once (it never faults, whatever the address). The ICCMA readers prefetch the hash-table slots of the
// names on a line as they parse it and look the names up a few dozen lines later, so that the DRAM misses of many
// lookups overlap (docs/performance.md, issue 23). Header-only: Swift inlines it; no library to link.
static inline __attribute__((always_inline)) void argraph_prefetch(const void *address) {
#if defined(__GNUC__) || defined(__clang__)
    __builtin_prefetch(address, 0, 3);
#else
    (void)address;
#endif
}

// The same for a line about to be written (the cache fetches it for ownership).
static inline __attribute__((always_inline)) void argraph_prefetch_write(const void *address) {
#if defined(__GNUC__) || defined(__clang__)
    __builtin_prefetch(address, 1, 3);
#else
    (void)address;
#endif
}

#endif
