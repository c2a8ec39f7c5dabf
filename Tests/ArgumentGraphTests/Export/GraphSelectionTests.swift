import Testing
@testable import ArgumentGraph

@Suite struct GraphSelectionTests {
    @Test func aroundFollowsRelationsBothWaysToTheDepth() throws {
        let g = try ExportFixtures.chain(10)
        #expect(try GraphSelection.around(claim: "c5", depth: 0).claimIndices(in: g) == [5])
        #expect(try GraphSelection.around(claim: "c5", depth: 2).claimIndices(in: g) == [3, 4, 5, 6, 7])
        #expect(try GraphSelection.around(claim: "c0", depth: 100).claimIndices(in: g).count == 10)
        let sub = try GraphSelection.around(claim: "c5", depth: 1).subgraph(of: g)
        #expect(sub.graph.claims.map(\.id) == ["c4", "c5", "c6"])
        #expect(sub.graph.relations.count == 2)
        #expect(sub.originalClaim == [4, 5, 6])
        #expect(sub.remap(Array(0..<10).map(Double.init)) == [4, 5, 6])
    }

    @Test func aroundCountsAnUndercutterAsANeighbourOfBothEnds() throws {
        let g = try ExportFixtures.nixon()
        let ids = try GraphSelection.around(claim: "nixon-quaker", depth: 1).claimIndices(in: g).map { g.claims[$0].id }
        #expect(Set(ids) == ["nixon-quaker", "nixon-pacifist", "study-nixon"])
        // The undercut survives in the sub-graph, aimed at the kept relation.
        let sub = try GraphSelection.around(claim: "nixon-quaker", depth: 1).subgraph(of: g).graph
        #expect(sub.undercutCount == 1 && sub.supportCount == 1)
    }

    @Test func actorCompareAndTag() throws {
        let g = try ExportFixtures.nixon()
        let reiter = try GraphSelection.actor("reiter").subgraph(of: g).graph
        #expect(reiter.claims.map(\.id) == ["nixon-quaker", "nixon-pacifist"])
        #expect(reiter.actors.map(\.id) == ["reiter", "quakers"])  // Quakers also hold nixon-pacifist
        let both = try GraphSelection.compare("reiter", "quakers").claimIndices(in: g)
        #expect(both.count == 4)
        let adv = try ExportFixtures.adversarial()
        #expect(try GraphSelection.tag("t1").claimIndices(in: adv) == [1, 3, 5, 7])
    }

    @Test func unknownNamesAreErrorsWithHints() throws {
        let g = try ExportFixtures.nixon()
        #expect { try GraphSelection.around(claim: "nixon-quakr", depth: 1).claimIndices(in: g) } throws: { error in
            let d = (error as? DiagnosticError)?.diagnostics.first
            return d?.message == "unknown claim 'nixon-quakr'" && d?.hint == "did you mean 'nixon-quaker'?"
        }
        #expect(throws: DiagnosticError.self) { try GraphSelection.actor("nobody").claimIndices(in: g) }
        #expect(throws: DiagnosticError.self) { try GraphSelection.tag("nope").claimIndices(in: g) }
        #expect(throws: DiagnosticError.self) {
            try GraphSelection.around(claim: "nixon-quaker", depth: -1).claimIndices(in: g)
        }
    }

    /// A 30,000-claim chain: iterative code neither recurses nor stalls.
    @Test func longChainsAreHandledIteratively() throws {
        let g = try ExportFixtures.chain(30_000)
        let ids = try GraphSelection.around(claim: "c0", depth: 1_000_000).claimIndices(in: g)
        #expect(ids.count == 30_000)
        let sub = try GraphSelection.around(claim: "c15000", depth: 3).subgraph(of: g).graph
        #expect(sub.claims.count == 7 && sub.relations.count == 6)
    }

    /// Sub-graphs of random graphs keep exactly the relations whose ends were selected (seeded, deterministic).
    @Test func subgraphsKeepExactlyTheInducedRelations() throws {
        var rng = SplitMix(seed: 42)
        for _ in 0..<20 {
            var b = GraphBuilder()
            b.lint = false
            let n = Int(rng.next() % 30) + 2
            for i in 0..<n { b.add(Claim(id: "c\(i)", text: "C\(i)")) }
            for k in 0..<(n * 2) {
                let s = Int(rng.next() % UInt64(n)), t = Int(rng.next() % UInt64(n))
                if s != t {
                    b.add(
                        GraphBuilder.RelationDraft(
                            id: "r\(k)", kind: rng.next() % 2 == 0 ? .support : .attack, source: "c\(s)",
                            target: .claim("c\(t)")))
                }
            }
            let g = try b.build().graph
            let pick = g.claims.indices.filter { _ in rng.next() % 2 == 0 }
            let sub = SubGraph(of: g, claims: pick).graph
            let picked = Set(pick.map { g.claims[$0].id })
            let expected = g.relations.filter { r in
                picked.contains(g.claims[r.source].id) && r.targetClaim.map { picked.contains(g.claims[$0].id) } == true
            }
            #expect(sub.relations.count == expected.count)
            #expect(Set(sub.claims.map(\.id)) == picked)
        }
    }
}

/// A small deterministic generator (the library's SplitMix64).
typealias SplitMix = SplitMix64
