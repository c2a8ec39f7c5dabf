import Testing
@testable import ArgumentGraph

@Suite struct WhatIfTests {
    @Test func dropActorRemovesClaimsOnlyTheyHold() throws {
        let g = try PositionFixtures.forum()
        let e = WhatIf.drop(actor: 0, from: g)
        #expect(e.removedClaims.map { g.claims[$0].id } == ["p2", "p7"])
        #expect(e.removedRelations == [0, 1, 5])  // drawn by a, or touching p2
        #expect(e.removedStances == 5)
        #expect(e.graph.actors.map(\.id) == ["b", "c", "d"])
        #expect(e.graph.relations.count == 4)
        #expect(e.graph.relations[3].target == .relation(1))  // the undercut follows r51 to its new index
        #expect(e.graph.claimIndex(of: "p3") == e.claimMap[2])
        #expect(e.claimOrigin == [0, 2, 3, 4, 5, 7, 8, 9])
    }

    @Test func dropActorCascadesUndercuts() throws {
        let g = try PositionFixtures.forum()
        let e = WhatIf.drop(actor: 2, from: g)  // c holds p5 only
        #expect(e.removedClaims == [4])
        #expect(e.removedRelations == [3, 4, 6])  // r51, p1 -> p5, and the undercut of r51
    }

    @Test func dropSilentActorChangesNothingButTheActorList() throws {
        let g = try PositionFixtures.forum()
        let e = WhatIf.drop(actor: 3, from: g)
        #expect(e.graph.claims == g.claims && e.graph.stances == g.stances && e.graph.relations == g.relations)
        #expect(e.removedClaims.isEmpty && e.removedRelations.isEmpty && e.removedStances == 0)
        #expect(e.actorMap == [0, 1, 2, nil])
    }

    @Test func dropDocument() throws {
        let g = try PositionFixtures.forum()
        let e = WhatIf.drop(document: 1, from: g)
        #expect(e.graph.claims.map(\.id) == ["p1", "p2", "p5", "ev"])  // ev never had a stance: it stays
        #expect(e.removedRelations == [1, 2, 6])
        #expect(e.graph.documents.map(\.id) == ["doc1"])
        #expect(e.graph.stances.count == 3 && e.graph.stances.allSatisfy { $0.document == nil || $0.document == 0 })
    }

    @Test func retractClaim() throws {
        let g = try PositionFixtures.forum()
        let e = WhatIf.retract(claim: 0, from: g)
        #expect(e.removedClaims == [0])
        #expect(e.removedRelations == [0, 3, 4, 6])
        #expect(e.removedStances == 2)
        #expect(WhatIf.retract(claim: 99, from: g).graph == g)
    }

    @Test func undercutChainsGoWithTheirTarget() throws {
        let g = try PositionFixtures.graph(
            """
            claim a: A.
            claim b: B.
            claim u: U.
            claim v: V.
            support r: a -> b
            undercut s: u -> r
            undercut v -> s
            """)
        #expect(WhatIf.retract(claim: 0, from: g).removedRelations == [0, 1, 2])
        #expect(WhatIf.retract(claim: 2, from: g).removedRelations == [1, 2])
    }

    @Test func setCredibilityClamps() throws {
        let g = try PositionFixtures.forum()
        #expect(WhatIf.setCredibility(actor: 1, to: 1.7, in: g).graph.actors[1].credibility == 1)
        #expect(WhatIf.setCredibility(actor: 1, to: 0.25, in: g).graph.actors[1].credibility == 0.25)
        #expect(WhatIf.setCredibility(actor: 1, to: .nan, in: g).graph == g)
    }

    /// Dropping X leaves every other actor's explicit position intact (mapped), and the edited graph is valid.
    @Test func dropKeepsOthersPositionsOnRandomGraphs() throws {
        for seed in UInt64(1)...20 {
            let g = PositionFixtures.random(seed: seed)
            for x in 0..<g.actors.count {
                let e = WhatIf.drop(actor: x, from: g)
                _ = try GraphBuilder(e.graph).build()  // every index in range, every reference resolves
                for y in 0..<g.actors.count where y != x {
                    guard let ny = e.actorMap[y] else { Issue.record("actor \(y) lost"); continue }
                    let before = Position(g, actor: y), after = Position(e.graph, actor: ny)
                    #expect(Set(before.asserted.compactMap { e.claimMap[$0] }) == after.asserted)
                    #expect(Set(before.denied.compactMap { e.claimMap[$0] }) == after.denied)
                    #expect(before.asserted.allSatisfy { e.claimMap[$0] != nil })
                }
                for (old, r) in g.relations.enumerated() {
                    guard let new = e.relationMap[old] else { continue }
                    #expect(e.graph.relations[new].source == e.claimMap[r.source])
                }
            }
        }
    }
}
