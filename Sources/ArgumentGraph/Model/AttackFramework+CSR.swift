#if canImport(CPrefetch)
    import CPrefetch
#endif
#if canImport(Glibc)
    import Glibc
#endif

extension AttackFramework {
    /// Both CSR tables of the pairs `(sources[i], targets[i])` in any order, built by counting and placing rather
    /// than sorting: one pass counts each argument's attacks both ways, one places every attack in its attacker's
    /// row (input order), one walks those rows in attacker order and places each attack in its target's row, which
    /// leaves every attackers row sorted; the attacked rows, mostly a handful of entries, are then sorted in place
    /// (up to 8 entries by a sorting network, up to 24 by insertion).
    /// Pairs outside `0..<count` are dropped; duplicates (adjacent once rows are sorted) are merged.
    ///
    /// With `writeInSources`, the attackers table is written where `sources` was, once the pairs are placed, so that
    /// the kernel clears no fresh pages for it: pass the array with `consume` (a copy still held elsewhere is copied
    /// before it is written), and only when it asked for 2 MB pages (``HugePages``) before it was filled,
    /// as the i23 parser's does: the attackers are written at random, and on 4 KB pages each write is a TLB miss
    /// (apx read 1.1× slower when its appended array was used).
    /// `degrees`, when the caller counted them as it made the pairs (the i23 parser), are `count + 1` numbers each:
    /// at `v + 1` how many pairs have `v` as source (`outgoing`) or as target (`incoming`); every pair must then be
    /// in range, and `sources` and `targets` as long as each other.
    static func compressedTables(
        count n: Int, sources: consuming [Int32], targets: [Int32],
        degrees: consuming (outgoing: [Int32], incoming: [Int32])? = nil, writeInSources: Bool = false
    ) -> (attackers: Adjacency, attacked: Adjacency) {
        let m = min(sources.count, targets.count)
        var outOffsets: [Int32]
        var inOffsets: [Int32]
        var kept = 0
        if let degrees = consume degrees {
            precondition(
                degrees.outgoing.count == n &+ 1 && degrees.incoming.count == n &+ 1 && sources.count == targets.count)
            (outOffsets, inOffsets) = degrees
            kept = m
        } else {
            outOffsets = zeros(n + 1)
            inOffsets = zeros(n + 1)
            sources.withUnsafeBufferPointer { s in
                targets.withUnsafeBufferPointer { t in
                    outOffsets.withUnsafeMutableBufferPointer { out in
                        inOffsets.withUnsafeMutableBufferPointer { inn in
                            let limit = UInt32(truncatingIfNeeded: n)
                            for i in 0..<m {
                                if i &+ ahead < m {  // the counters a few attacks on, which are random in a big table
                                    prefetchWrite(out, s[i &+ ahead] &+ 1, limit &+ 1)
                                    prefetchWrite(inn, t[i &+ ahead] &+ 1, limit &+ 1)
                                }
                                let a = UInt32(bitPattern: s[i]), b = UInt32(bitPattern: t[i])
                                if a < limit && b < limit {
                                    out[Int(a) &+ 1] &+= 1; inn[Int(b) &+ 1] &+= 1; kept &+= 1
                                }
                            }
                        }
                    }
                }
            }
        }
        outOffsets.withUnsafeMutableBufferPointer { out in
            inOffsets.withUnsafeMutableBufferPointer { inn in
                for v in 0..<n { out[v &+ 1] &+= out[v]; inn[v &+ 1] &+= inn[v] }
            }
        }
        let fill = UnsafeMutablePointer<Int32>.allocate(capacity: max(n, 1))
        HugePages.advise(UnsafeMutableBufferPointer(start: fill, count: n))
        defer { fill.deallocate() }
        // Attacked rows in input order.
        var sortedAttacked = [Int32](unsafeUninitializedCapacity: kept) { e, initialized in
            HugePages.advise(e)
            sources.withUnsafeBufferPointer { s in
                targets.withUnsafeBufferPointer { t in
                    outOffsets.withUnsafeBufferPointer { out in
                        fill.update(from: out.baseAddress!, count: n)
                        let limit = UInt32(truncatingIfNeeded: n)
                        let fills = UnsafeMutableBufferPointer(start: fill, count: n)
                        for i in 0..<m {
                            // The fill counter `ahead` attacks on, and the row slot of the one half as far on,
                            // whose counter was prefetched before.
                            if i &+ ahead < m { prefetchWrite(fills, s[i &+ ahead], limit) }
                            if i &+ ahead / 2 < m {
                                let a = UInt32(bitPattern: s[i &+ ahead / 2])
                                if a < limit { prefetchWrite(e, fill[Int(a)], UInt32(truncatingIfNeeded: kept)) }
                            }
                            let a = UInt32(bitPattern: s[i]), b = UInt32(bitPattern: t[i])
                            guard a < limit && b < limit else { continue }
                            let slot = Int(fill[Int(a)])
                            e[slot] = Int32(bitPattern: b)
                            fill[Int(a)] = Int32(truncatingIfNeeded: slot &+ 1)
                        }
                    }
                }
            }
            initialized = kept
        }
        // Attackers rows, filled attacker by attacker: each comes out sorted.
        func placeAttackers(_ e: UnsafeMutableBufferPointer<Int32>) {
            sortedAttacked.withUnsafeBufferPointer { row in
                outOffsets.withUnsafeBufferPointer { out in
                    inOffsets.withUnsafeBufferPointer { inn in
                        fill.update(from: inn.baseAddress!, count: n)
                        let fills = UnsafeMutableBufferPointer(start: fill, count: n)
                        let limit = UInt32(truncatingIfNeeded: n)
                        for a in 0..<n {
                            for k in Int(out[a])..<Int(out[a &+ 1]) {
                                // Rows follow each other: the entry `ahead` on is in this row or a later one.
                                if k &+ ahead < kept { prefetchWrite(fills, row[k &+ ahead], limit) }
                                if k &+ ahead / 2 < kept {
                                    let b = Int(row[k &+ ahead / 2])
                                    prefetchWrite(e, fill[b], UInt32(truncatingIfNeeded: kept))
                                }
                                let b = Int(row[k])
                                let slot = Int(fill[b])
                                e[slot] = Int32(truncatingIfNeeded: a)
                                fill[b] = Int32(truncatingIfNeeded: slot &+ 1)
                            }
                        }
                    }
                }
            }
        }
        var attackers: [Int32] = []
        if writeInSources {  // the pairs are placed: the attackers go where their sources were
            swap(&attackers, &sources)
            attackers.withUnsafeMutableBufferPointer { placeAttackers($0) }
            attackers.removeLast(attackers.count &- kept)
        } else {
            attackers = [Int32](unsafeUninitializedCapacity: kept) { e, initialized in
                HugePages.advise(e)
                placeAttackers(e)
                initialized = kept
            }
        }
        // The attacked rows, in input order until now, are sorted in place.
        var duplicates = false
        sortedAttacked.withUnsafeMutableBufferPointer { row in
            outOffsets.withUnsafeBufferPointer { out in
                for a in 0..<n {
                    let lo = Int(out[a]), hi = Int(out[a &+ 1])
                    if hi &- lo < 2 { continue }
                    if hi &- lo <= 8 && lo &+ 8 <= row.count && n < Int(Int32.max) &- 8 {
                        if sortEight(row.baseAddress! + lo, hi &- lo) { duplicates = true }
                        continue
                    }
                    if hi &- lo <= 24 {
                        for i in (lo &+ 1)..<hi {  // insertion sort: rows are short
                            let x = row[i]
                            var j = i
                            while j > lo && row[j &- 1] > x { row[j] = row[j &- 1]; j &-= 1 }
                            row[j] = x
                        }
                    } else {
                        var slice = UnsafeMutableBufferPointer(rebasing: row[lo..<hi])
                        slice.sort()
                    }
                    for i in (lo &+ 1)..<hi where row[i] == row[i &- 1] { duplicates = true; break }
                }
            }
        }
        if duplicates {
            merge(&sortedAttacked, &outOffsets)
            merge(&attackers, &inOffsets)
        }
        return (
            Adjacency(offsets: inOffsets, entries: attackers), Adjacency(offsets: outOffsets, entries: sortedAttacked)
        )
    }

    /// Sorts the row of `l` entries (2...8) at `r` with Batcher's 19-comparator network on 8 values, the row padded
    /// with values above any entry, and returns whether two entries are equal. No branch depends on the entries,
    /// which are random (an insertion sort mispredicts about twice an entry). All 8 slots are read and written
    /// whatever `l` is: the caller guarantees they are in the buffer, and those past the row get their values back.
    /// Entries must be below `Int32.max - 8`.
    @inline(__always) private static func sortEight(_ r: UnsafeMutablePointer<Int32>, _ l: Int) -> Bool {
        let x0 = r[0], x1 = r[1], x2 = r[2], x3 = r[3], x4 = r[4], x5 = r[5], x6 = r[6], x7 = r[7]
        var v0 = x0, v1 = x1
        var v2 = l > 2 ? x2 : Int32.max &- 6, v3 = l > 3 ? x3 : Int32.max &- 5
        var v4 = l > 4 ? x4 : Int32.max &- 4, v5 = l > 5 ? x5 : Int32.max &- 3
        var v6 = l > 6 ? x6 : Int32.max &- 2, v7 = l > 7 ? x7 : Int32.max &- 1
        (v0, v1) = (min(v0, v1), max(v0, v1))
        (v2, v3) = (min(v2, v3), max(v2, v3))
        (v4, v5) = (min(v4, v5), max(v4, v5))
        (v6, v7) = (min(v6, v7), max(v6, v7))
        (v0, v2) = (min(v0, v2), max(v0, v2))
        (v1, v3) = (min(v1, v3), max(v1, v3))
        (v4, v6) = (min(v4, v6), max(v4, v6))
        (v5, v7) = (min(v5, v7), max(v5, v7))
        (v1, v2) = (min(v1, v2), max(v1, v2))
        (v5, v6) = (min(v5, v6), max(v5, v6))
        (v0, v4) = (min(v0, v4), max(v0, v4))
        (v1, v5) = (min(v1, v5), max(v1, v5))
        (v2, v6) = (min(v2, v6), max(v2, v6))
        (v3, v7) = (min(v3, v7), max(v3, v7))
        (v2, v4) = (min(v2, v4), max(v2, v4))
        (v3, v5) = (min(v3, v5), max(v3, v5))
        (v1, v2) = (min(v1, v2), max(v1, v2))
        (v3, v4) = (min(v3, v4), max(v3, v4))
        (v5, v6) = (min(v5, v6), max(v5, v6))
        r[0] = v0; r[1] = v1; r[2] = l > 2 ? v2 : x2; r[3] = l > 3 ? v3 : x3
        r[4] = l > 4 ? v4 : x4; r[5] = l > 5 ? v5 : x5; r[6] = l > 6 ? v6 : x6; r[7] = l > 7 ? v7 : x7
        // Sorted, the pads distinct and above the entries: a gap of 0 is two equal entries.
        let gap = min(min(min(v1 &- v0, v2 &- v1), min(v3 &- v2, v4 &- v3)), min(min(v5 &- v4, v6 &- v5), v7 &- v6))
        return gap == 0
    }

    /// How many attacks ahead the passes over attacks prefetch the random entries they will touch.
    private static let ahead = 16

    /// Prefetches `table[index]` for writing when `index` is below `limit` (a prefetch never faults, but an index
    /// out of range is not a line worth fetching).
    @inline(__always) private static func prefetchWrite(
        _ table: UnsafeMutableBufferPointer<Int32>, _ index: Int32, _ limit: UInt32
    ) {
        #if canImport(CPrefetch)
            if UInt32(bitPattern: index) < limit { argraph_prefetch_write(table.baseAddress! + Int(index)) }
        #endif
    }

    /// `count` zeros, on 2 MB pages when there are many (``HugePages``).
    package static func zeros(_ count: Int) -> [Int32] {
        [Int32](unsafeUninitializedCapacity: count) { z, initialized in
            HugePages.advise(z)
            z.initialize(repeating: 0)
            initialized = count
        }
    }

    /// Drops repeated entries within each sorted row, moving the rows together.
    private static func merge(_ entries: inout [Int32], _ offsets: inout [Int32]) {
        var w = 0
        entries.withUnsafeMutableBufferPointer { e in
            offsets.withUnsafeMutableBufferPointer { off in
                var start = 0
                for v in 0..<(off.count - 1) {
                    let lo = start, hi = Int(off[v + 1])
                    start = hi
                    off[v] = Int32(truncatingIfNeeded: w)
                    for i in lo..<hi where i == lo || e[i] != e[i - 1] { e[w] = e[i]; w += 1 }
                }
                off[off.count - 1] = Int32(truncatingIfNeeded: w)
            }
        }
        entries.removeLast(entries.count - w)
    }
}
