import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
import Testing
@testable import ArgumentGraph

/// Properties of every exporter on seeded random graphs with awkward text (quotes, `#`, `:`,
/// backslashes, braces, `<tag>`, non-ASCII, line breaks).
@Suite struct RandomGraphExportTests {
    static let seeds: [UInt64] = Array(1...25)

    static func graph(_ seed: UInt64) -> Graph {
        var o = GraphGenerator.Options()
        o.claims = 15
        o.relations = 25
        o.undercuts = 3
        return GraphGenerator(o).generate(seed: seed)
    }

    static func words(_ s: String) -> String { s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ") }

    static func plainRelations(_ g: Graph) -> Set<String> {
        Set(
            g.relations.compactMap { r in r.targetClaim.map { "\(r.kind) \(g.claims[r.source].id) \(g.claims[$0].id)" }
            })
    }

    static func assertions(_ g: Graph) -> Set<String> {
        Set(
            g.stances.filter { $0.kind == .asserts }.map {
                words(g.actors[$0.actor].name) + " > " + g.claims[$0.claim].id
            })
    }

    @Test func argdownKeepsClaimsTagsKindsRelationsAndAuthors() throws {
        for seed in Self.seeds {
            let g = Self.graph(seed)
            let back = try ArgdownReader.read(ArgdownWriter.write(g))
            #expect(back.warnings.isEmpty, "seed \(seed): \(back.warnings)")
            let b = back.graph
            #expect(b.claims.map(\.id) == g.claims.map(\.id), "seed \(seed)")
            #expect(b.claims.map(\.text) == g.claims.map { Self.words($0.text) }, "seed \(seed)")
            #expect(b.claims.map(\.kind) == g.claims.map(\.kind), "seed \(seed)")
            #expect(b.claims.map(\.tags) == g.claims.map(\.tags), "seed \(seed)")
            #expect(Self.plainRelations(b) == Self.plainRelations(g), "seed \(seed)")
            #expect(Self.assertions(b) == Self.assertions(g), "seed \(seed)")
        }
    }

    @Test func aifKeepsClaimsRelationsAndSpeakers() throws {
        for seed in Self.seeds {
            let g = Self.graph(seed)
            let b = try AIFReader.read(AIFWriter.write(g)).graph
            #expect(b.claims.map(\.id) == g.claims.map(\.id), "seed \(seed)")
            #expect(
                b.claims.map(\.text) == g.claims.map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) },
                "seed \(seed)")
            #expect(b.relations.count == g.relations.count, "seed \(seed)")
            #expect(b.undercutCount == g.undercutCount, "seed \(seed)")
            #expect(Self.plainRelations(b) == Self.plainRelations(g), "seed \(seed)")
            let speakers = Set(
                g.stances.filter { $0.kind == .asserts }.map { g.actors[$0.actor].name + " > " + g.claims[$0.claim].id }
            )
            let back = Set(b.stances.map { b.actors[$0.actor].name + " > " + b.claims[$0.claim].id })
            #expect(back == speakers, "seed \(seed)")
        }
    }

    @Test func graphMLParsesAndKeepsEveryText() {
        for seed in Self.seeds {
            let g = Self.graph(seed)
            let (c, ok) = GraphMLCollector.parse(GraphMLWriter.write(g))
            #expect(ok, "seed \(seed)")
            #expect(c.nodes.count == g.claims.count && c.edges.count == g.relations.count, "seed \(seed)")
            #expect(c.data.filter { $0.0 == "n_text" }.map(\.1) == g.claims.map(\.text), "seed \(seed)")
        }
    }

    @Test(.enabled(if: ExportFixtures.dotAvailable, "needs Graphviz 'dot' (apt-get install graphviz)"))

    func dotIsAcceptedByGraphviz() throws {
        for seed in Self.seeds.prefix(8) {
            var o = DOTExporter.Options()
            o.clustering = seed % 2 == 0 ? .document : .actor
            let text = DOTExporter.write(Self.graph(seed), options: o)
            #expect(throws: Never.self, "seed \(seed)") { _ = try Graphviz.render(text, format: "canon") }
        }
    }
}
