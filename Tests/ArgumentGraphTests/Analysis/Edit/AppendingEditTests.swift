import ArgumentGraph
import Testing

@testable import ArgumentGraphAnalysis

/// Adding a claim, a stance or a relation appends it to the graph instead of building the whole graph again. Held to the
/// rebuild on random graphs (linked relations, undercuts, awkward texts) and random additions, valid and not: the
/// same graph, the same errors word for word, the same inverse.
@Suite struct AppendingEditTests {
    /// A random addition to `g`: a claim, a stance or a relation, sometimes one the builder refuses.
    static func addition(to g: Graph, _ rng: inout SplitMix64, _ n: Int) -> GraphEdit {
        let ids = g.claims.map(\.id) + ["no-such-claim"]
        func id() -> String { ids.randomElement(using: &rng)! }
        switch Int.random(in: 0..<10, using: &rng) {
        case 0:
            let text = ["A new claim.", "", "   ", "Two\nlines.", "Café, 日本."].randomElement(using: &rng)!
            let newID = ["n\(n)", "bad id", "x-\(n).y", g.claims.first?.id ?? "c"].randomElement(using: &rng)!
            let base: Double? = [nil, 0.4, 1.5, -0.0, Double.nan].randomElement(using: &rng)!
            let tags = [[], ["t"], ["t", "u", "t"]].randomElement(using: &rng)!
            return .addClaim(Claim(id: newID, text: text, kind: .evidence, tags: tags, base: base))
        case 1:
            return .addClaim(Claim(id: "fresh-\(n)", text: "A fresh claim \(n).", tags: ["a"]))
        case 2, 3:
            let actor = [g.actors.randomElement(using: &rng)?.id ?? "a", "nobody"].randomElement(using: &rng)!
            let document = [nil, g.documents.randomElement(using: &rng)?.id, "no-doc"].randomElement(using: &rng)!
            let quotes = [[], [Quote("A quote.")], [Quote(" ")], [Quote("Q.", location: .lines(first: 2, last: 3))]]
            return .addStance(
                GraphBuilder.StanceDraft(
                    actor: actor, claim: id(), kind: Bool.random(using: &rng) ? .asserts : .denies,
                    document: document, quotes: quotes.randomElement(using: &rng)!))
        default:
            let premises = (0..<[1, 1, 1, 2, 3].randomElement(using: &rng)!).map { _ in id() }
            let target: GraphBuilder.TargetDraft =
                Int.random(in: 0..<8, using: &rng) == 0
                ? .relation(g.relations.compactMap(\.id).randomElement(using: &rng) ?? "r0") : .claim(id())
            let actor = [nil, nil, g.actors.randomElement(using: &rng)?.id, "nobody"].randomElement(using: &rng)!
            let weight = [1, 1, 0.5, 0, 1.5].randomElement(using: &rng)!
            let relationID = [nil, nil, "new-r\(n)", g.relations.compactMap(\.id).first].randomElement(using: &rng)!
            return .addRelation(
                GraphBuilder.RelationDraft(
                    id: relationID, kind: Bool.random(using: &rng) ? .support : .attack, premises: premises,
                    target: target, weight: weight, actor: actor,
                    note: Bool.random(using: &rng) ? nil : "a note"))
        }
    }

    @Test func addingAppendsWhatARebuildWouldBuild() {
        var options = GraphGenerator.Options()
        options.linkedShare = 0.3
        var appended = 0, refused = 0
        for seed in 0..<80 {
            var rng = SplitMix64(seed: UInt64(seed))
            var g = GraphGenerator(options).generate(seed: UInt64(seed))
            for step in 0..<8 {
                let edit = Self.addition(to: g, &rng, step)
                let fast = Result { () throws(DiagnosticError) in try edit.apply(to: g) }
                let slow = Result { () throws(DiagnosticError) in try edit.apply(to: g, rebuilding: true) }
                switch (fast, slow) {
                case let (.success(a), .success(b)):
                    #expect(a.graph == b.graph, "seed \(seed) step \(step): \(edit.label)")
                    #expect(a.summary == b.summary)
                    #expect((try? a.inverse.apply(to: a.graph).graph) == g)
                    g = a.graph
                    appended += 1
                case let (.failure(a), .failure(b)):
                    #expect(a.description == b.description, "seed \(seed) step \(step): \(edit.label)")
                    refused += 1
                default:
                    Issue.record("seed \(seed) step \(step): \(edit.label): \(fast) against \(slow)")
                }
            }
        }
        #expect(appended > 200 && refused > 100)
    }
}
