@testable import ArgumentGraph

/// A deterministic generator for seeded random tests (the library's SplitMix64).
typealias SeededGenerator = SplitMix64

/// A random framework with `n` arguments where each ordered pair (self-attacks included) is an attack with probability `p`.
func randomFramework(_ n: Int, _ p: Double, _ rng: inout SeededGenerator) -> AttackFramework {
    var attacks: [(Int32, Int32)] = []
    for a in 0..<n {
        for b in 0..<n where Double.random(in: 0..<1, using: &rng) < p { attacks.append((Int32(a), Int32(b))) }
    }
    return AttackFramework(count: n, attacks: attacks)
}

/// The in-set of a labelling as a bit mask.
func mask(_ labels: [Label]) -> UInt32 {
    var m: UInt32 = 0
    for (i, l) in labels.enumerated() where l == .in { m |= 1 << UInt32(i) }
    return m
}

/// Independent brute-force semantics over all subsets (Dung 1995 definitions), for frameworks of at most 15 arguments.
struct BruteForce {
    let n: Int
    var attackersOf: [UInt32]
    var attackedBy: [UInt32]

    init(_ af: AttackFramework) {
        n = af.count
        attackersOf = [UInt32](repeating: 0, count: n)
        attackedBy = [UInt32](repeating: 0, count: n)
        for a in 0..<n {
            for b in af.attacked[a] { attackedBy[a] |= 1 << UInt32(b); attackersOf[Int(b)] |= 1 << UInt32(a) }
        }
    }

    func plus(_ s: UInt32) -> UInt32 {
        var r: UInt32 = 0
        for a in 0..<n where s & (1 << UInt32(a)) != 0 { r |= attackedBy[a] }
        return r
    }
    func conflictFree(_ s: UInt32) -> Bool { s & plus(s) == 0 }
    func defended(_ s: UInt32) -> UInt32 {
        let p = plus(s)
        var r: UInt32 = 0
        for a in 0..<n where attackersOf[a] & ~p == 0 { r |= 1 << UInt32(a) }
        return r
    }
    func admissible(_ s: UInt32) -> Bool { conflictFree(s) && s & ~defended(s) == 0 }
    func complete(_ s: UInt32) -> Bool { conflictFree(s) && defended(s) == s }
    func stable(_ s: UInt32) -> Bool { conflictFree(s) && (s | plus(s)) == all }
    var all: UInt32 { n == 32 ? ~0 : (1 << UInt32(n)) - 1 }
    var subsets: [UInt32] { (0...all).map { $0 } }

    var completes: [UInt32] { subsets.filter(complete) }
    var admissibles: [UInt32] { subsets.filter(admissible) }
    var grounded: UInt32 { completes.min { $0.nonzeroBitCount < $1.nonzeroBitCount } ?? 0 }
    var preferred: [UInt32] {
        let adm = admissibles
        return adm.filter { s in !adm.contains { $0 != s && $0 & s == s } }
    }
    var stables: [UInt32] { subsets.filter(stable) }
    var semiStable: [UInt32] {
        let co = completes
        let ranges = co.map { $0 | plus($0) }
        return co.indices.filter { i in !ranges.contains { $0 != ranges[i] && $0 & ranges[i] == ranges[i] } }.map {
            co[$0]
        }
    }
    var ideal: UInt32 {
        let pref = preferred
        let inter = pref.reduce(all) { $0 & $1 }
        return admissibles.filter { $0 & ~inter == 0 }.max { $0.nonzeroBitCount < $1.nonzeroBitCount } ?? 0
    }

    func extensions(_ s: ExtensionSemantics) -> [UInt32] {
        switch s {
        case .grounded: [grounded]
        case .complete: completes
        case .preferred: preferred
        case .stable: stables
        case .semiStable: semiStable
        case .ideal: [ideal]
        }
    }
}
