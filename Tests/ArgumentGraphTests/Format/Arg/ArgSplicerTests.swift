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
    /// The lines found on the bytes are the lines `split` finds on the characters, for texts with and without `\r`,
    /// combining marks after a newline, multi-byte and empty lines.
    @Test func linesOfATextAreItsCharactersSplitAtNewlines() {
        var rng = Fixture.Random(seed: 8)
        let alphabet = ["a", "\n", "\n\n", " ", "é", "e\u{301}", "\u{301}", "日本", "👩‍👩‍👧", "#", "\t", "\r", "\r\n"]
        for round in 0..<400 {
            let text = (0..<Int(rng.next() % 20)).map { _ in
                let k = Int(rng.next() % UInt64(alphabet.count - (round % 2 == 0 ? 0 : 2)))
                return alphabet[k]
            }.joined()
            #expect(
                ArgSplicer.lines(of: text)
                    == text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init),
                "\(text.debugDescription)")
        }
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
