import ArgumentGraph
import Testing

@testable import ArgumentGraphModel

/// The id table on its own, against a dictionary: ASCII ids compared as bytes, the switch to strings at the
/// first non-ASCII id, the first insertion winning, growth, and the byte lookups the readers use.
@Suite struct IdTableTests {
    @Test func behavesAsADictionaryWhereTheFirstInsertionWins() {
        var rng = SplitMix64(seed: 5)
        for round in 0..<20 {
            var table = IdTable(capacity: round % 3 == 0 ? 0 : 8)
            var model: [String: Int32] = [:]
            for k in 0..<Int32(2000) {
                // Short and long ids (the word path up to 8 bytes, the arena beyond), repeats included.
                let n = rng.next() % 700
                let id = n % 2 == 0 ? "c\(n)" : "a-rather-longer-identifier-\(n)"
                let before = table.insert(id, value: k)
                #expect(before == model[id], "\(id)")
                if model[id] == nil { model[id] = k }
            }
            #expect(table.count == model.count)
            for (id, v) in model { #expect(table[id] == Int(v)) }
            #expect(table["absent"] == nil)
            #expect(Set(table.keys) == Set(model.keys))
        }
    }

    /// While ids come numbered 0, 1, 2, … the table keeps no values; the first other value brings them in. Every
    /// lookup (by string, by bytes, by raw pointers, short ids as one word) answers as a dictionary before and after,
    /// whichever insertion breaks the numbering.
    @Test func numberedIdsKeepNoValuesUntilTheNumberingBreaks() {
        for breakAt in [0, 1, 7, 100, 999] {
            var table = IdTable(capacity: breakAt % 2 == 0 ? 0 : 1000)
            var model: [String: Int32] = [:]
            var ids: [String] = []
            for k in 0..<1000 {
                let id = k % 3 == 0 ? "c\(k)" : "claim-number-\(k)"
                let v = k < breakAt ? Int32(k) : Int32(5000 - k)
                #expect(table.insert(id, value: v) == nil)
                model[id] = v
                ids.append(id)
            }
            #expect(table.count == 1000)
            for id in ids + ["absent", "c", "claim-number-"] {
                let want = model[id]
                #expect(table[id] == want.map(Int.init), "\(id)")
                #expect(Array(id.utf8).withUnsafeBytes { table.findExact($0) } == want, "\(id)")
                #expect(table.withExactLookup { l in Array(id.utf8).withUnsafeBytes { l.find($0) } } == want, "\(id)")
                if id.utf8.count <= 8 {
                    let w = Array(id.utf8).withUnsafeBytes { IdTable.head($0) }
                    #expect(table.withExactLookup { $0.find(word: w, count: id.utf8.count) } == want, "\(id)")
                }
            }
            // A repeat returns the first value, numbered or not.
            #expect(table.insert(ids[0], value: 77) == model[ids[0]])
        }
    }

    /// Ids of 1–24 bytes that share their first 8 bytes, or their last 8, or both (differing only in the middle),
    /// found by bytes exactly, through both lookups.
    @Test func idsAlikeAtBothEndsAreToldApart() {
        var ids: [String] = []
        for n in 1...24 {
            for middle in ["", "x", "yz"] where n + middle.count <= 24 {
                let body = String(repeating: "a", count: max(0, n - 8)) + middle
                ids.append(String("abcdefgh".prefix(n)) + body + (n > 8 ? "-tail-08" : ""))
            }
        }
        ids = Array(Set(ids)).sorted()
        var table = IdTable()
        for (i, id) in ids.enumerated() { #expect(table.insert(id, value: Int32(i)) == nil, "\(id)") }
        for (i, id) in ids.enumerated() {
            #expect(Array(id.utf8).withUnsafeBytes { table.findExact($0) } == Int32(i), "\(id)")
            #expect(table.withExactLookup { l in Array(id.utf8).withUnsafeBytes { l.find($0) } } == Int32(i), "\(id)")
            for near in [id + "q", String(id.dropLast()), "Q" + id.dropFirst()]
            where !ids.contains(near) && !near.isEmpty {
                #expect(Array(near.utf8).withUnsafeBytes { table.findExact($0) } == nil, "\(near)")
            }
        }
    }

    @Test func byteLookupsFindASCIIIdsOnly() {
        var table = IdTable()
        for (i, id) in ["alpha", "b", "a-very-long-claim-identifier"].enumerated() {
            _ = table.insert(id, value: Int32(i))
        }
        func find(_ s: String) -> Int32? { Array(s.utf8).withUnsafeBytes { table.findExact($0) } }
        #expect(find("alpha") == 0 && find("b") == 1 && find("a-very-long-claim-identifier") == 2)
        #expect(find("alph") == nil && find("beta") == nil)
        let both = table.withExactLookup { lookup in
            Array("a-very-long-claim-identifier".utf8).withUnsafeBytes { lookup.find($0) }
        }
        #expect(both == 2)
        #expect(Array("é".utf8).withUnsafeBytes { table.findExact($0) } == nil, "non-ASCII is never found by bytes")
    }

    @Test func aNonASCIIIdSwitchesToStringComparison() {
        var table = IdTable()
        _ = table.insert("plain", value: 0)
        _ = table.insert("caf\u{E9}", value: 1)  // é precomposed
        #expect(table["cafe\u{301}"] == 1, "canonically equivalent spellings are one id, as Swift strings are")
        #expect(table.insert("cafe\u{301}", value: 2) == 1)
        #expect(table["plain"] == 0 && table.count == 2)
        #expect(
            Array("plain".utf8).withUnsafeBytes { table.findExact($0) } == nil, "byte lookups stop after the switch")
    }
}
