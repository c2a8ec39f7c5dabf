import Testing
@testable import ArgumentGraph

@Suite struct ExtensionsTests {
    /// Dung (1995), Example 3 style: a ⇄ b, b → c, c → d… here the classic "a attacks b, b attacks c": grounded {a, c}.
    @Test func groundedOfAChainAlternates() {
        let af = AttackFramework(count: 3, attacks: [(0, 1), (1, 2)])
        #expect(Extensions.grounded(af) == [.in, .out, .in])
    }

    @Test func groundedIsIterativeOnALongChain() {
        let n = 300_000
        let af = AttackFramework(count: n, attacks: (0..<(n - 1)).map { (Int32($0), Int32($0 + 1)) })
        let g = Extensions.grounded(af)
        #expect(g[n - 1] == (n % 2 == 1 ? .in : .out))
        #expect(g.indices.allSatisfy { g[$0] == ($0 % 2 == 0 ? .in : .out) })
    }

    @Test func selfAttackerAndOddCycle() {
        // a → a: no stable extension; the empty set is the only complete extension.
        let selfLoop = AttackFramework(count: 1, attacks: [(0, 0)])
        #expect(Extensions.one(.stable, selfLoop) == nil)
        #expect(Extensions.enumerate(.preferred, selfLoop, limit: 10).extensions == [[.undecided]])
        #expect(Extensions.skeptical(.stable, selfLoop, argument: 0), "vacuously true without stable extensions")
        #expect(!Extensions.credulous(.stable, selfLoop, argument: 0))
        // Odd cycle: everything undecided; no stable extension; semi-stable = preferred = {∅}.
        let odd = AttackFramework(count: 3, attacks: [(0, 1), (1, 2), (2, 0)])
        #expect(Extensions.one(.stable, odd) == nil)
        #expect(Extensions.one(.semiStable, odd) == [.undecided, .undecided, .undecided])
    }

    @Test func enumerationLimitReportsIncompleteness() {
        // Four disjoint 2-cycles: 16 preferred (and stable) extensions.
        var attacks: [(Int32, Int32)] = []
        for k in 0..<4 { attacks += [(Int32(2 * k), Int32(2 * k + 1)), (Int32(2 * k + 1), Int32(2 * k))] }
        let af = AttackFramework(count: 8, attacks: attacks)
        let some = Extensions.enumerate(.preferred, af, limit: 5)
        #expect(some.extensions.count == 5 && !some.complete)
        let all = Extensions.enumerate(.stable, af, limit: 100)
        #expect(all.extensions.count == 16 && all.complete)
        #expect(Extensions.count(.complete, af) == 81)
        let exact = Extensions.enumerate(.stable, af, limit: 16)
        #expect(exact.complete, "a limit equal to the count is still complete")
    }

    @Test func cancellationStopsEnumeration() {
        var attacks: [(Int32, Int32)] = []
        for k in 0..<12 { attacks += [(Int32(2 * k), Int32(2 * k + 1)), (Int32(2 * k + 1), Int32(2 * k))] }
        let af = AttackFramework(count: 24, attacks: attacks)
        let r = Extensions.enumerate(.stable, af, limit: .max, cancel: { true })
        #expect(!r.complete)
        #expect(r.extensions.count < 4096)
    }

    /// Every extension found is checked against its definition by brute force, and the enumeration finds them all.
    @Test func agreesWithBruteForceOnRandomFrameworks() {
        var rng = SeededGenerator(seed: 20_240_501)
        var checked = 0
        for round in 0..<600 {
            let n = 1 + round % 10
            let p = [0.1, 0.2, 0.3, 0.45][round % 4]
            let af = randomFramework(n, p, &rng)
            let bf = BruteForce(af)
            for s in ExtensionSemantics.allCases {
                let expected = Set(bf.extensions(s))
                let (found, complete) = Extensions.enumerate(s, af, limit: 10_000)
                let masks = found.map(mask)
                #expect(complete)
                #expect(Set(masks) == expected, "\(s) on \(af.attacks) round \(round)")
                #expect(masks.count == Set(masks).count, "\(s) enumerated a duplicate")
                for l in found {
                    #expect(
                        l == Extensions.labelling(af, in: (0..<n).filter { l[$0] == .in }), "labels follow the in-set")
                }
                if let one = Extensions.one(s, af) {
                    #expect(expected.contains(mask(one)))
                } else {
                    #expect(expected.isEmpty)
                }
                // Acceptance queries on every fourth framework (each query is its own SAT run).
                for a in 0..<n where round % 4 == 0 {
                    let bit: UInt32 = 1 << UInt32(a)
                    #expect(
                        Extensions.credulous(s, af, argument: a) == expected.contains { $0 & bit != 0 },
                        "cred \(s) \(a) \(af.attacks)")
                    #expect(
                        Extensions.skeptical(s, af, argument: a) == expected.allSatisfy { $0 & bit != 0 },
                        "skept \(s) \(a) \(af.attacks)")
                }
                checked += 1
            }
        }
        #expect(checked == 600 * 6)
    }

    /// Structural properties: grounded is the least complete extension and lies in every preferred one;
    /// every stable is preferred; every preferred is admissible and maximal; semi-stable ⊆ preferred.
    @Test func latticePropertiesOnThousandsOfRandomFrameworks() {
        var rng = SeededGenerator(seed: 7)
        for round in 0..<1500 {
            let n = 2 + round % 12
            let af = randomFramework(n, [0.08, 0.15, 0.25][round % 3], &rng)
            let bf = BruteForce(af)
            let g = mask(Extensions.grounded(af))
            let co = Extensions.enumerate(.complete, af, limit: 100_000).extensions.map(mask)
            #expect(co.allSatisfy { $0 & g == g })
            #expect(co.contains(g))
            let pr = Extensions.enumerate(.preferred, af, limit: 100_000).extensions.map(mask)
            #expect(pr.allSatisfy { $0 & g == g && bf.admissible($0) })
            #expect(pr.allSatisfy { p in !co.contains { $0 != p && $0 & p == p } }, "preferred is maximal")
            let st = Extensions.enumerate(.stable, af, limit: 100_000).extensions.map(mask)
            #expect(st.allSatisfy { pr.contains($0) })
            let sst = Extensions.enumerate(.semiStable, af, limit: 100_000).extensions.map(mask)
            #expect(sst.allSatisfy { pr.contains($0) })
            if !st.isEmpty { #expect(Set(sst) == Set(st), "semi-stable equals stable when stable exists") }
            let id = mask(Extensions.one(.ideal, af) ?? [])
            #expect(id & g == g && pr.allSatisfy { $0 & id == id } && bf.admissible(id))
        }
    }

    @Test func largeRandomFrameworkSolvesAndChecks() {
        var rng = SeededGenerator(seed: 99)
        let n = 2000
        var attacks: [(Int32, Int32)] = []
        for _ in 0..<(2 * n) {
            attacks.append((Int32.random(in: 0..<Int32(n), using: &rng), Int32.random(in: 0..<Int32(n), using: &rng)))
        }
        let af = AttackFramework(count: n, attacks: attacks)
        for s in [ExtensionSemantics.preferred, .stable, .semiStable, .ideal] {
            guard let l = Extensions.one(s, af) else { continue }
            // Complete-labelling conditions (Caminada 2006), checked directly.
            for a in 0..<n {
                let att = af.attackers[a].map { l[Int($0)] }
                switch l[a] {
                case .in: #expect(att.allSatisfy { $0 == .out })
                case .out: #expect(att.contains(.in))
                case .undecided: #expect(!att.contains(.in) && att.contains(.undecided))
                }
            }
            if s == .stable { #expect(!l.contains(.undecided)) }
        }
    }
}
