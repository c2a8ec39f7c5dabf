import Testing

@testable import ArgumentGraph

/// The CSR build (`AttackFramework+CSR.swift`) against a plain reference: sets of pairs, sorted per row.
@Suite struct AttackFrameworkCSRTests {
    /// Both tables as the reference makes them: rows sorted, duplicates merged, pairs outside `0..<n` dropped.
    static func reference(_ n: Int, _ pairs: [(Int32, Int32)]) -> (attackers: [[Int32]], attacked: [[Int32]]) {
        var attackers = [Set<Int32>](repeating: [], count: n), attacked = [Set<Int32>](repeating: [], count: n)
        for (a, b) in pairs where a >= 0 && Int(a) < n && b >= 0 && Int(b) < n {
            attacked[Int(a)].insert(b); attackers[Int(b)].insert(a)
        }
        return (attackers.map { $0.sorted() }, attacked.map { $0.sorted() })
    }

    static func rows(_ t: Adjacency) -> [[Int32]] { (0..<t.count).map { Array(t[$0]) } }

    /// Random frameworks whose rows run from empty to a few dozen entries, so that every way a row is sorted (the
    /// network on up to 8 entries, also at the end of the table, insertion up to 24, a full sort beyond) is taken,
    /// with duplicates, self-attacks and pairs out of range.
    @Test func agreesWithAReferenceOnRandomPairs() {
        var rng = SeededGenerator(seed: 23)
        for trial in 0..<600 {
            let n = Int.random(in: 0...60, using: &rng)
            let perRow = [1, 3, 6, 9, 20, 40][trial % 6]
            let m = Int.random(in: 0...(n * perRow + 2), using: &rng)
            var pairs: [(Int32, Int32)] = []
            for _ in 0..<m {
                let a = Int32.random(in: -1...Int32(n), using: &rng)
                let b = trial % 5 == 0 ? a : Int32.random(in: -1...Int32(n), using: &rng)
                pairs.append((a, b))
            }
            if trial % 3 == 0, !pairs.isEmpty {  // repeated pairs
                for _ in 0..<(m / 3) { pairs.append(pairs[Int.random(in: 0..<pairs.count, using: &rng)]) }
            }
            pairs.shuffle(using: &rng)
            let f = AttackFramework(count: n, attacks: pairs)
            let expected = AttackFrameworkCSRTests.reference(n, pairs)
            #expect(AttackFrameworkCSRTests.rows(f.attacked) == expected.attacked, "trial \(trial)")
            #expect(AttackFrameworkCSRTests.rows(f.attackers) == expected.attackers, "trial \(trial)")
            #expect(f.attackCount == expected.attacked.reduce(0) { $0 + $1.count })
        }
    }
}
