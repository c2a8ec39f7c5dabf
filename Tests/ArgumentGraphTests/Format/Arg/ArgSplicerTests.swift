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

    /// Keeping the declarations whose fields show that they are written alike gives exactly the text that writing and
    /// comparing both gave: random edits of random graphs (awkward texts, linked relations, undercuts, comments
    /// between declarations), among them a text re-spelled in another normal form (equal as a `String`, written
    /// differently), a weight set to -0 (written as 0), and removals that shift every later index.
    @Test func comparingFieldsSplicesAsWritingBothDoes() throws {
        var options = GraphGenerator.Options()
        options.claims = 25
        options.relations = 40
        options.linkedShare = 0.3
        var kept = 0
        for seed in 0..<60 {
            var rng = Fixture.Random(seed: UInt64(seed))
            var text = ""
            // Some texts with an accent, so that re-spelling them in the other normal form changes their bytes.
            var accented = GraphBuilder(GraphGenerator(options).generate(seed: UInt64(seed)))
            for i in accented.claims.indices where i % 3 == 0 { accented.claims[i].0.text += " Café." }
            for line in ArgWriter.write(try accented.build().graph).split(
                separator: "\n", omittingEmptySubsequences: false)
            {
                if line.first.map({ $0 != " " }) ?? false, Int.random(in: 0..<4, using: &rng) == 0 {
                    text += "# note\n"
                }
                text += line + "\n"
            }
            let p = try ArgReader.read(text, file: "g.arg")
            var g = p.graph
            for step in 0..<Int.random(in: 1...6, using: &rng) {
                let ids = g.claims.map(\.id)
                let a = ids.randomElement(using: &rng)!, b = ids.randomElement(using: &rng)!
                var builder = GraphBuilder(g)
                switch Int.random(in: 0..<7, using: &rng) {
                case 0: g = try GraphEdit.addClaim(Claim(id: "n\(step)", text: "New claim \(step).")).apply(to: g).graph
                case 1:
                    let edit = GraphEdit.addRelation(.init(kind: .support, source: a, target: .claim(b)))
                    g = (try? edit.apply(to: g).graph) ?? g
                case 2: g = (try? GraphEdit.removeClaim(a).apply(to: g).graph) ?? g
                case 3: g = (try? GraphEdit.unlink(source: a, target: b).apply(to: g).graph) ?? g
                case 4:
                    let i = Int.random(in: builder.claims.indices, using: &rng)
                    builder.claims[i].0.text = builder.claims[i].0.text.decomposedStringWithCanonicalMapping + "é"
                    g = try builder.build().graph
                case 5:
                    let i = Int.random(in: builder.claims.indices, using: &rng)
                    let t = builder.claims[i].0.text
                    builder.claims[i].0.text =
                        t.precomposedStringWithCanonicalMapping == t
                        ? t.decomposedStringWithCanonicalMapping : t.precomposedStringWithCanonicalMapping
                    g = try builder.build().graph
                default:
                    guard !builder.relations.isEmpty else { continue }
                    let i = Int.random(in: builder.relations.indices, using: &rng)
                    builder.relations[i].weight = [-0.0, 0, 0.5, 1].randomElement(using: &rng)!
                    g = try builder.build().graph
                }
            }
            let fast = ArgSplicer.attempt(text, declarations: p.declarations, original: p.graph, edited: g)
            let slow = ArgSplicer.attempt(
                text, declarations: p.declarations, original: p.graph, edited: g, comparesFields: false)
            #expect(fast == slow, "seed \(seed)")
            kept +=
                p.declarations.indices.filter { k in
                    let s = p.declarations[k]
                    return s.kind == .claim && s.index < g.claims.count
                        && ArgWriter.writesAlike(.claim, s.index, in: p.graph, s.index, in: g)
                }.count
        }
        #expect(kept > 500)  // the field comparison was taken, not only the writing
    }

    /// Declarations found written alike by their fields are written as the same text, for every pair of claims,
    /// stances and relations of two random graphs and of a graph with itself.
    @Test func declarationsWrittenAlikeAreTheSameText() {
        var options = GraphGenerator.Options()
        options.linkedShare = 0.3
        for seed in 0..<20 {
            let a = GraphGenerator(options).generate(seed: UInt64(seed))
            let b = GraphGenerator(options).generate(seed: UInt64(seed % 4))
            for (x, y) in [(a, a), (a, b)] {
                var alike = 0
                for i in x.claims.indices {
                    for j in y.claims.indices where ArgWriter.writesAlike(.claim, i, in: x, j, in: y) {
                        #expect(ArgWriter.claim(x.claims[i]) == ArgWriter.claim(y.claims[j]))
                        alike += 1
                    }
                }
                for i in x.stances.indices {
                    for j in y.stances.indices where ArgWriter.writesAlike(.stance, i, in: x, j, in: y) {
                        #expect(ArgWriter.stance(x.stances[i], in: x) == ArgWriter.stance(y.stances[j], in: y))
                    }
                }
                for i in x.relations.indices {
                    for j in y.relations.indices where ArgWriter.writesAlike(.relation, i, in: x, j, in: y) {
                        #expect(ArgWriter.relation(x.relations[i], in: x) == ArgWriter.relation(y.relations[j], in: y))
                        alike += 1
                    }
                }
                if x.relations.count == y.relations.count, x.claims.count == y.claims.count, seed % 4 == seed {
                    #expect(alike >= x.claims.count)
                }
            }
        }
    }
}
