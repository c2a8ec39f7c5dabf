import Testing
@testable import ArgumentGraph

@Suite struct ConflictsTests {
    @Test func pairsOfTheForum() throws {
        let g = try PositionFixtures.forum()
        let pairs = Conflicts.pairs(in: g)
        #expect(pairs.map { [$0.first, $0.second] } == [[0, 2], [1, 2], [0, 1]])
        #expect(pairs.map { $0.attacks.map(\.relation) } == [[3, 4], [3, 4], [1]])
        #expect(pairs[2].contradictions == [2])  // b asserts p3, a denies it
        let ca = pairs[0].attacks[0]
        #expect(ca.attacker == 2 && ca.attackingClaim == 4 && ca.defender == 0 && ca.attackedClaim == 0)
        #expect(ca.attackerQuotes.isEmpty && ca.defenderQuotes.map(\.text) == ["a says p1"])
        #expect(Conflicts.pairs(in: g, actor: 0).map(\.second) == [2, 1])
        #expect(Conflicts.pairs(in: g, actor: 3).isEmpty)
        #expect(Conflicts.attacks(between: 1, and: 0, in: g).map(\.relation) == [1])
    }

    @Test func attacksWithinOneActorAreNotCrossActor() throws {
        let g = try PositionFixtures.selfAttack()
        #expect(Conflicts.pairs(in: g).isEmpty)
    }

    /// The attacks listed for each pair are exactly those found by scanning stances and relations directly.
    @Test func matchesAnIndependentScanOnRandomGraphs() {
        for seed in UInt64(1)...15 {
            let g = PositionFixtures.random(seed: seed)
            for x in 0..<g.actors.count {
                for y in (x + 1)..<g.actors.count {
                    var expected: [Int] = []
                    let holds = { (a: Int, c: Int) in
                        g.stances.contains { $0.actor == a && $0.claim == c && $0.kind == .asserts }
                    }
                    for (i, r) in g.relations.enumerated() where r.kind == .attack {
                        guard case let .claim(t) = r.target else { continue }
                        if (holds(x, r.source) && holds(y, t)) || (holds(y, r.source) && holds(x, t)) {
                            expected.append(i)
                        }
                    }
                    let got = Conflicts.attacks(between: x, and: y, in: g).map(\.relation)
                    #expect(Array(Set(got)).sorted() == expected, "seed \(seed) pair \(x) \(y)")
                }
            }
        }
    }
}
