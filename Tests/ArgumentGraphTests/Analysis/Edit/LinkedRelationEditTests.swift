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

    /// A premise added to, or removed from, a named relation in place: indices stay, the inverse restores the
    /// order, and a repeated premise, the target, an unknown id or the last premise are refused with a reason.
    @Test func addingAndRemovingOnePremise() throws {
        let g = try ArgReader.read(
            "claim a: A.\nclaim b: B.\nclaim c: C.\nclaim d: D.\nsupport r: a -> c\nundercut u: d -> r\n"
        ).graph
        let added = try GraphEdit.addPremise(relation: "r", premise: "b").apply(to: g)
        #expect(added.graph.relations[0].premises == [0, 1] && added.summary == "r: a + b -> c")
        #expect(added.graph.supportsFrom[1].map(Int.init) == [0])  // listed under the new premise too
        #expect(try added.inverse.apply(to: added.graph).graph == g)
        let linkedUndercut = try GraphEdit.addPremise(relation: "u", premise: "a").apply(to: added.graph)
        #expect(linkedUndercut.graph.relations[1].premises == [3, 0])
        let removed = try GraphEdit.removePremise(relation: "r", premise: "a").apply(to: added.graph)
        #expect(removed.graph.relations[0].premises == [1])
        #expect(try removed.inverse.apply(to: removed.graph).graph == added.graph)  // a first again
        for (edit, message) in [
            (GraphEdit.addPremise(relation: "r", premise: "a"), "'a' is already a premise of 'r'"),
            (.addPremise(relation: "r", premise: "c"), "'c' is what 'r' bears on, not a premise of it"),
            (.removePremise(relation: "r", premise: "a"), "'r' has no other premise"),
            (.removePremise(relation: "r", premise: "b"), "'b' is not a premise of 'r'"),
            (.addPremise(relation: "q", premise: "b"), "unknown relation 'q'"),
        ] {
            #expect(throws: DiagnosticError.self) { try edit.apply(to: g) }
            do { _ = try edit.apply(to: g) } catch { #expect(error.errors.first?.message == message) }
        }
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
