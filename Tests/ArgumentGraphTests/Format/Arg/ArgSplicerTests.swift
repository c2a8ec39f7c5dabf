import ArgumentGraph
@testable import ArgumentGraphFormats
import Foundation
import Testing

/// A graph with every kind of entity, a quote, an undercut and comments (`Tests/Fixtures/repl-fixture.arg`, the REPL tests' fixture).
private enum Fixture {
    static let text =
        (try? String(
            contentsOf: TestPaths.root.appendingPathComponent("Tests/Fixtures/repl-fixture.arg"), encoding: .utf8))
        ?? ""

    /// The fixture graph as read.
    static func parsed() -> (graph: Graph, declarations: [DeclarationSpan]) {
        // The fixture is valid; a failure shows up as an empty graph in the expectations.
        guard let p = try? ArgReader.read(text, file: "fixture.arg") else { return (.empty, []) }
        return (p.graph, p.declarations)
    }

    typealias Random = SplitMix64
}

@Suite struct ArgSplicerTests {
    /// A file whose lines end in `\r\n` keeps its comments and untouched declarations through edits, and what is
    /// written into it ends its lines the same way. (The splice once numbered lines by `Character`, where a `\r\n`
    /// is one, so their numbers fell short of the reader's and the REPL crashed on `save`.)
    @Test func aFileWithCRLFLineEndsKeepsThemAndItsComments() throws {
        let text = Fixture.text.replacingOccurrences(of: "\n", with: "\r\n")
        let p = try ArgReader.read(text)
        #expect(ArgSplicer.splice(text, declarations: p.declarations, original: p.graph, edited: p.graph) == text)
        var g = p.graph
        for edit: GraphEdit in [
            .addClaim(Claim(id: "fresh", text: "A new claim.", tags: ["t"])), .removeClaim("con"),
            .addRelation(.init(kind: .attack, source: "fresh", target: .claim("top"))),
        ] {
            g = try edit.apply(to: g).graph
        }
        var b = GraphBuilder(g)
        if let i = b.claims.firstIndex(where: { $0.0.id == "pro" }) { b.claims[i].0.text = "A better reason." }
        g = try b.build().graph
        let spliced = ArgSplicer.attempt(text, declarations: p.declarations, original: p.graph, edited: g)
        #expect(try ArgReader.read(spliced).graph == g)
        #expect(spliced.hasPrefix("# The REPL test fixture.\r\n"))
        #expect(spliced.contains("# Why the top claim holds.\r\nclaim pro: A better reason.\r\n"), "\(spliced)")
        #expect(spliced.contains("claim fresh: A new claim.\r\n"))
        let bytes = Array(spliced.utf8)
        #expect(bytes.indices.allSatisfy { bytes[$0] != 0x0A || ($0 > 0 && bytes[$0 - 1] == 0x0D) }, "a bare \\n")
        #expect(ArgSplicer.splice(text, declarations: p.declarations, original: p.graph, edited: g) == spliced)
    }

    @Test func noEditGivesBackTheSameText() {
        let p = Fixture.parsed()
        #expect(
            ArgSplicer.splice(Fixture.text, declarations: p.declarations, original: p.graph, edited: p.graph)
                == Fixture.text)
    }

    @Test func aChangedClaimIsRewrittenInPlaceUnderItsComment() throws {
        let p = Fixture.parsed()
        var b = GraphBuilder(p.graph)
        if let i = b.claims.firstIndex(where: { $0.0.id == "pro" }) { b.claims[i].0.text = "A better reason." }
        let edited = try b.build().graph
        let text = ArgSplicer.attempt(Fixture.text, declarations: p.declarations, original: p.graph, edited: edited)
        #expect(
            text.contains("# Why the top claim holds.\nclaim pro: A better reason.\n  tags: main, reasons\nclaim con:"))
        #expect(try ArgReader.read(text).graph == edited)
    }

    /// Property: random sequences of edits on the fixture splice to text that reads back to the edited graph.
    @Test func randomEditsSpliceToTextThatReadsBack() throws {
        var rng = Fixture.Random(seed: 42)
        let p = Fixture.parsed()
        for round in 0..<60 {
            var g = p.graph
            for step in 0..<Int.random(in: 1...5, using: &rng) {
                let ids = g.claims.map(\.id)
                let a = ids.randomElement(using: &rng) ?? "top", b = ids.randomElement(using: &rng) ?? "top"
                let edit: GraphEdit
                switch Int.random(in: 0..<5, using: &rng) {
                case 0: edit = .addClaim(Claim(id: "n\(round)-\(step)", text: "New \(step).", tags: ["t"]))
                case 1: edit = .addRelation(.init(kind: .attack, source: a, target: .claim(b), weight: 0.5))
                case 2: edit = .removeClaim(a)
                case 3: edit = .addStance(.init(actor: "alice", claim: a, kind: .denies, quotes: [Quote("q \(step)")]))
                default: edit = .unlink(source: a, target: b)
                }
                if let applied = try? edit.apply(to: g) { g = applied.graph }
            }
            let text = ArgSplicer.attempt(Fixture.text, declarations: p.declarations, original: p.graph, edited: g)
            #expect(try ArgReader.read(text).graph == g, "round \(round)")
            #expect(text.hasPrefix("# The REPL test fixture.\n"))
        }
    }
}
