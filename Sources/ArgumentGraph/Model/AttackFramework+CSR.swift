extension AttackFramework {
    /// Both CSR tables of the pairs `(sources[i], targets[i])` in any order, built by counting and placing rather
    /// than sorting: one pass counts each argument's attacks both ways, one places every attack in its attacker's
    /// row (input order), one walks those rows in attacker order and places each attack in its target's row, which
    /// leaves every attackers row sorted; the attacked rows, mostly a handful of entries, are then sorted in place.
    /// Pairs outside `0..<count` are dropped; duplicates (adjacent once rows are sorted) are merged.
    static func compressedTables(count n: Int, sources: [Int32], targets: [Int32]) -> (
        attackers: Adjacency, attacked: Adjacency
    ) {
        let m = min(sources.count, targets.count)
        var outOffsets = [Int32](repeating: 0, count: n + 1)
        var inOffsets = [Int32](repeating: 0, count: n + 1)
        var kept = 0
        sources.withUnsafeBufferPointer { s in
            targets.withUnsafeBufferPointer { t in
                outOffsets.withUnsafeMutableBufferPointer { out in
                    inOffsets.withUnsafeMutableBufferPointer { inn in
                        let limit = UInt32(truncatingIfNeeded: n)
                        for i in 0..<m {
                            let a = UInt32(bitPattern: s[i]), b = UInt32(bitPattern: t[i])
                            if a < limit && b < limit {
                                out[Int(a) &+ 1] &+= 1; inn[Int(b) &+ 1] &+= 1; kept &+= 1
                            }
                        }
                        for v in 0..<n { out[v &+ 1] &+= out[v]; inn[v &+ 1] &+= inn[v] }
                    }
                }
            }
        }
        let fill = UnsafeMutablePointer<Int32>.allocate(capacity: max(n, 1))
        defer { fill.deallocate() }
        // Attacked rows in input order.
        let attacked = [Int32](unsafeUninitializedCapacity: kept) { e, initialized in
            sources.withUnsafeBufferPointer { s in
                targets.withUnsafeBufferPointer { t in
                    outOffsets.withUnsafeBufferPointer { out in
                        fill.update(from: out.baseAddress!, count: n)
                        let limit = UInt32(truncatingIfNeeded: n)
                        for i in 0..<m {
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
        var attackers = [Int32](unsafeUninitializedCapacity: kept) { e, initialized in
            attacked.withUnsafeBufferPointer { row in
                outOffsets.withUnsafeBufferPointer { out in
                    inOffsets.withUnsafeBufferPointer { inn in
                        fill.update(from: inn.baseAddress!, count: n)
                        for a in 0..<n {
                            for k in Int(out[a])..<Int(out[a &+ 1]) {
                                let b = Int(row[k])
                                let slot = Int(fill[b])
                                e[slot] = Int32(truncatingIfNeeded: a)
                                fill[b] = Int32(truncatingIfNeeded: slot &+ 1)
                            }
                        }
                    }
                }
            }
            initialized = kept
        }
        var sortedAttacked = attacked
        var duplicates = false
        sortedAttacked.withUnsafeMutableBufferPointer { row in
            outOffsets.withUnsafeBufferPointer { out in
                for a in 0..<n {
                    let lo = Int(out[a]), hi = Int(out[a &+ 1])
                    if hi &- lo < 2 { continue }
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
