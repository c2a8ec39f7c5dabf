import Testing
import ArgumentGraph
@testable import ArgumentGraphAnalysis

/// Edits on graphs with linked relations: removing any premise claim removes the relation; every edit inverts.
@Suite struct LinkedRelationEditTests {
    static func linkedGraph(_ seed: UInt64) -> Graph {
        var o = GraphGenerator.Options()
        o.claims = Int(seed % 10) + 3
        o.relations = Int(seed % 20) + 2
        o.undercuts = 2
        o.linkedShare = 0.5
        return GraphGenerator(o).generate(seed: seed)
    }

    @Test func removingASecondPremiseRemovesTheLinkedRelation() throws {
        let g = try ArgReader.read(
            "claim a: A.\nclaim b: B.\nclaim c: C.\nsupport r: a + b -> c\nundercut c + a -> r\nattack a -> b\n"
        ).graph
        let applied = try GraphEdit.removeClaim("b").apply(to: g)
        // r goes with its premise b, and the undercut of r goes with r; a -> b goes with b.
        #expect(applied.graph.relations.isEmpty)
        #expect(try applied.inverse.apply(to: applied.graph).graph == g)
        let cut = try GraphEdit.removeClaim("c").apply(to: g)
        #expect(cut.graph.relations.count == 1)
    }

    @Test func addingALinkedRelationThroughTheEditAPI() throws {
        let g = try ArgReader.read("claim a: A.\nclaim b: B.\nclaim c: C.\n").graph
        let edit = GraphEdit.addRelation(.init(kind: .attack, premises: ["a", "b"], target: .claim("c")))
        #expect(edit.label == "link a + b attacks c")
        let applied = try edit.apply(to: g)
        #expect(applied.graph.relations.map(\.premises) == [[0, 1]])
        #expect(try applied.inverse.apply(to: applied.graph).graph == g)
        let bad = GraphEdit.addRelation(.init(kind: .attack, premises: ["a", "a"], target: .claim("c")))
        #expect(throws: (any Error).self) { try bad.apply(to: g) }
    }

    @Test func removalsAndInversesOnRandomLinkedGraphs() throws {
        var rng = SplitMix64(seed: 21)
        var linkedRemoved = 0
        for seed in UInt64(0)..<300 {
            let g = Self.linkedGraph(seed)
            let c = Int.random(in: 0..<g.claims.count, using: &rng)
            let applied = try GraphEdit.removeClaim(g.claims[c].id).apply(to: g)
            #expect(GraphEditTests.danglingReferences(applied.graph).isEmpty, "seed \(seed)")
            #expect(
                applied.graph.relations.allSatisfy { r in
                    r.premises.allSatisfy { applied.graph.claims.indices.contains($0) }
                })
            linkedRemoved += g.relations.filter { $0.isLinked && $0.otherPremises.contains(c) }.count
            #expect(try applied.inverse.apply(to: applied.graph).graph == g, "seed \(seed)")
        }
        #expect(linkedRemoved > 20)
    }
}
