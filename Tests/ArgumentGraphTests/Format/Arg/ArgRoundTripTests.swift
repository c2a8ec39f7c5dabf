import Foundation
import Testing
@testable import ArgumentGraph

/// `read(write(g)) == g`, on hand-written graphs and on thousands of random ones.
@Suite struct ArgRoundTripTests {
    @Test func handWrittenGraphSurvivesAndFormattingIsIdempotent() throws {
        let src = """
            # a comment
            graph g
              title: A "title" with # and : inside
              description: |
                First line.
                  Indented second line.

                After a blank line.

            document d
              title: Doc
              date: 2008-03

            actor a
              name: Ann \\ Backslash
              kind: institution
              credibility: 0.25

            claim x: Text with "quotes", #hash and a: colon
              tags: t1, t-2
              base: 0.125
            evidence y
              text: folded
                over two lines
            proposal z: Z.

            stance a asserts x in d
              quote: said "x"
              quote L3-4: more
              quote 10-20: |
                two
                lines
            stance a denies z

            support r1: y -> x
              weight: 0.5
              by: a
              note: because
            attack z -> x
            undercut z -> r1
            """
        let g = try ArgReader.read(src).graph
        #expect(g.title == "A \"title\" with # and : inside")
        #expect(g.description == "First line.\n  Indented second line.\n\nAfter a blank line.")
        #expect(g.claims[1].text == "folded over two lines")
        #expect(g.actors[0].name == "Ann \\ Backslash")
        #expect(
            g.stances[0].quotes.map(\.location) == [nil, .lines(first: 3, last: 4), .characters(start: 10, end: 20)])
        #expect(g.stances[0].quotes[2].text == "two\nlines")
        #expect(g.relations[2].target == .relation(0))
        let text = ArgWriter.write(g)
        let back = try ArgReader.read(text).graph
        #expect(back == g)
        #expect(ArgWriter.write(back) == text)
    }

    @Test func randomGraphsRoundTripThroughArg() throws {
        for seed in UInt64(0)..<600 {
            var options = GraphGenerator.Options()
            options.claims = Int(seed % 30) + 1
            options.relations = Int(seed % 45)
            options.actors = Int(seed % 5)
            options.documents = Int(seed % 4)
            let g = GraphGenerator(options).generate(seed: seed)
            let text = ArgWriter.write(g)
            let back: Graph
            do { back = try ArgReader.read(text).graph } catch {
                Issue.record("seed \(seed): \(error.description)\n\(text)")
                return
            }
            #expect(back == g, "seed \(seed)")
            if back != g { return }
        }
    }

    @Test func randomGraphsRoundTripThroughJSON() throws {
        for seed in UInt64(0)..<500 {
            let g = GraphGenerator().generate(seed: seed)
            let back = try GraphJSON.decode(GraphJSON.encode(g))
            #expect(back == g, "seed \(seed)")
            if back != g { return }
        }
    }

    @Test func bundledGraphRoundTripsThroughArgAndJSON() throws {
        let g = try ArgReader.read(contentsOf: TestPaths.repo("graphs/us-japan-alliance.arg")).graph
        #expect(try ArgReader.read(ArgWriter.write(g)).graph == g)
        #expect(try GraphJSON.decode(GraphJSON.encode(g)) == g)
    }

    @Test func crlfAndByteOrderMarkAreAccepted() throws {
        let src = "\u{FEFF}claim x: X.\r\nclaim y: Y.\r\nsupport x -> y\r\n"
        let g = try ArgReader.read(src).graph
        #expect(g.claims.map(\.text) == ["X.", "Y."])
        #expect(g.supportCount == 1)
    }

    @Test func declarationSpansIncludeLeadingComments() throws {
        let src = "claim x: X.\n\n# why y\n# matters\nclaim y: Y.\n  tags: t\nsupport x -> y\n"
        let spans = try ArgReader.read(src).declarations
        #expect(spans.map(\.kind) == [.claim, .claim, .relation])
        #expect(spans[1].leadingLine == 3)
        #expect(spans[1].firstLine == 5)
        #expect(spans[1].lastLine == 6)
        #expect(spans[1].index == 1)
    }
}
