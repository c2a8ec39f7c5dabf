import Testing
@testable import ArgumentGraph

/// Comparing positions when premises hold only together: a linked relation is one argument, held by an actor who
/// asserts every premise, and broken by a reply to any one premise.
@Suite struct LinkedPositionsTests {
    /// `a` asserts p and q, which together attack t; `b` asserts t; `c` asserts p only. Indices: a=0 b=1 c=2;
    /// p=0 q=1 t=2 u=3 s=4; relation 0 is the linked attack, 1 the linked support p + q -> s.
    static func graph(_ extra: String = "") throws -> Graph {
        try PositionFixtures.graph(
            """
            actor a
            actor b
            actor c
            claim p: P.
            claim q: Q.
            claim t: T.
            claim u: U.
            claim s: S.
            stance a asserts p
              quote: a on p
            stance a asserts q
              quote: a on q
            stance b asserts t
              quote: b on t
            stance c asserts p
            attack r1: p + q -> t
              by: a
            support r2: p + q -> s
              by: a
            """ + "\n" + extra)
    }

    @Test func holdingEveryPremiseHoldsTheArgument() throws {
        let g = try Self.graph()
        let ab = Comparison(g, actor: 0, actor: 1)
        #expect(ab.conflicts.map(\.kind) == [.attacks])
        #expect(ab.conflicts[0].relation == 0 && ab.conflicts[0].claim == 0 && ab.conflicts[0].side == .first)
        // c asserts p alone: no argument, so no contact with b (and none counted twice for the two premises).
        let cb = Comparison(g, actor: 2, actor: 1)
        #expect(cb.agreements.isEmpty && cb.conflicts.isEmpty)
        let m = AgreementMatrix(g, ordered: false)
        #expect(m.cells[0][1].conflicts == 1 && m.cells[2][1].conflicts == 0 && !m.cells[2][1].hasContact)
    }

    @Test func denyingAPremiseIsAContradictionOnIt() throws {
        let g = try Self.graph("stance b denies q\n")
        let ab = Comparison(g, actor: 0, actor: 1)
        #expect(ab.conflicts.map(\.kind) == [.contradicts, .attacks])
        #expect(ab.conflicts[0].claim == 1)
        #expect(AgreementMatrix(g, ordered: false).cells[0][1].conflicts == 2)
    }

    @Test func conflictsNameEveryPremiseWithItsQuotes() throws {
        let g = try Self.graph()
        let pairs = Conflicts.pairs(in: g)
        #expect(pairs.count == 1)
        let attack = try #require(pairs.first?.attacks.first)
        #expect(attack.attacker == 0 && attack.attackingClaims == [0, 1] && attack.defender == 1)
        #expect(attack.attackerQuotes.map(\.text) == ["a on p", "a on q"])
        let text = PositionReport.conflicts(pairs, in: g)
        #expect(text.contains("a: p + q"))
    }

    @Test func aReplyToOnePremiseAnswersTheLinkedAttack() throws {
        let open = Unanswered.attacks(on: Position(try Self.graph(), actor: 1), in: try Self.graph())
        #expect(open.count == 1 && open[0].isUnanswered && open[0].attackers == [0, 1])
        #expect(open[0].attackerHolders == [0])  // c holds p only
        // b attacks q, the second premise: a counter-attack on the unit.
        let g = try Self.graph("stance b asserts u\nattack u -> q\n")
        let answered = Unanswered.attacks(on: Position(g, actor: 1), in: g)
        #expect(answered.map { $0.answers.map(\.answer) } == [[.counterAttack]])
        // b denies the second premise: a rejection of the unit.
        let h = try Self.graph("stance b denies q\n")
        let rejected = Unanswered.attacks(on: Position(h, actor: 1), in: h)
        #expect(rejected.map { $0.answers.map(\.answer) } == [[.rejection]])
        #expect(PositionReport.unanswered(rejected, in: h, all: true).contains("rejection (denies q)"))
    }

    @Test func impliedClaimsFollowALinkedSupportOnlyWithEveryPremise() throws {
        let g = try Self.graph()
        #expect(Position(g, actor: 0, includeImplied: true).implied == [4])
        #expect(Position(g, actor: 2, includeImplied: true).implied.isEmpty)
        // The second premise reached later along an analyst's support still completes the unit r3 (no `by:`);
        // r2 is a's inference, not c's, and is not followed.
        let h = try Self.graph("claim w: W.\nstance c asserts w\nsupport w -> q\nsupport r3: p + q -> u\n")
        #expect(Position(h, actor: 2, includeImplied: true).implied == [1, 3])
    }

    @Test func eachPremiseOfALinkedCrossAttackIsACrux() throws {
        let g = try Self.graph()
        #expect(Cruxes.crossAttacks(g, 0, 1) == [0])
        #expect(Cruxes.crossAttacks(g, 2, 1).isEmpty)
        let cruxes = Cruxes.between(0, 1, in: g, score: hCategoriser)
        // Retracting either premise removes the whole attack: the force falls to 0.
        for premise in [0, 1] {
            let crux = try #require(cruxes.first { $0.claim == premise })
            #expect(crux.role == .endpoint && crux.after == 0 && crux.before > 0)
        }
    }

    @Test func conflictForceTakesTheWeakestPremise() throws {
        let g = try Self.graph()
        // weight 1 × min(0.9, 0.4) × 0.5
        #expect(Cruxes.conflictForce(g, attacks: [0], strengths: [0.9, 0.4, 0.5, 1, 1]) == 0.2)
    }

    @Test func droppingTheActorWhoHoldsOnePremiseRemovesTheArgument() throws {
        let g = try Self.graph()
        let dropped = WhatIf.drop(actor: 0, from: g)
        // q had no other holder and goes, and with it both linked relations; p stays (c holds it).
        #expect(dropped.graph.claims.map(\.id) == ["p", "t", "u", "s"])
        #expect(dropped.graph.relations.isEmpty)
    }

    /// x asserts t in 2008; in 2009 asserts p, then q: the linked attack p + q -> t is complete only with q.
    @Test func aTimelineMarksTheStanceThatCompletesALinkedAttack() throws {
        let g = try PositionFixtures.graph(
            """
            document d1
              title: One
              date: 2008
            document d2
              title: Two
              date: 2009
            actor x
            claim p: P.
            claim q: Q.
            claim t: T.
            stance x asserts t in d1
            stance x asserts p in d2
            stance x asserts q in d2
            attack p + q -> t
            """)
        let t = Timeline(g, actor: 0)
        #expect(t.entries.map(\.changes) == [[.new], [.new], [.reversed]])
        #expect(t.entries[2].earlier == [2])
    }

    @Test func comparisonAndMatrixAgreeWhereLinkedUnitsCount() {
        // Not vacuous: across these seeds some linked relation is held whole by one side and counts.
        var counted = 0
        for seed in UInt64(1)...12 {
            let g = PositionFixtures.random(seed: seed, claims: 30, actors: 5, linked: true)
            for a in g.actors.indices {
                for b in g.actors.indices where a < b {
                    let c = Comparison(g, actor: a, actor: b)
                    counted +=
                        (c.agreements + c.conflicts).filter { p in
                            p.relation.map { g.relations[$0].isLinked } ?? false
                        }.count
                }
            }
        }
        #expect(counted > 10)
    }
}
