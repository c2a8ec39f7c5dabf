import Foundation
import Testing
@testable import ArgumentGraph

/// `ArgFormatter`: the canonical form of `ArgWriter`, with the text's comments kept.
@Suite struct ArgFormatterTests {
    @Test func commentsFollowTheirDeclarationIntoCanonicalOrder() throws {
        let text = """
            # File comment.

            # About the support.
            support s1: a -> b
              weight: 0.5
            # About claim a.
            claim a: A.
              # inside a's block
              tags: t
            claim b: B.
            stance ann asserts a
            actor ann
            # Trailing comment.
            """
        let out = try ArgFormatter.format(text)
        let expected = """
            actor ann

            # About claim a.
            # inside a's block
            claim a: A.
              tags: t

            claim b: B.

            stance ann asserts a

            # File comment.

            # About the support.
            support s1: a -> b
              weight: 0.5

            # Trailing comment.

            """
        #expect(out == expected)
        #expect(try ArgFormatter.format(out) == out, "formatting twice changes nothing")
        #expect(try ArgReader.read(out).graph == ArgReader.read(text).graph)
    }

    @Test func hashLinesInsideALiteralBlockAreTextNotComments() throws {
        let text = """
            claim a
              text: |
                # not a comment
                second line
            # a real comment
            claim b: B.
            support a -> b
            """
        let out = try ArgFormatter.format(text)
        #expect(out.contains("    # not a comment\n"))
        #expect(out.contains("# a real comment\nclaim b: B."))
        let graph = try ArgReader.read(out).graph
        #expect(graph.claim("a")?.text == "# not a comment\nsecond line")
        #expect(try ArgFormatter.format(out) == out)
    }

    @Test func anIndentedCommentAfterALiteralBlockDoesNotJoinIt() throws {
        // Written from column 1, the comment cannot become part of the block above it.
        let text = """
            claim b: B.
            claim a
              text: |
                line
                # deep comment-looking text
              # indented comment
            support a -> b
            """
        let before = try ArgReader.read(text).graph
        let out = try ArgFormatter.format(text)
        #expect(try ArgReader.read(out).graph == before)
        #expect(out.contains("\n# indented comment\nsupport a -> b"))
    }

    /// A file with `\r\n` line ends formats as the same file with `\n` ones (it crashed: split by `Character`, its
    /// lines were numbered short of the reader's).
    @Test func crlfLineEndsFormatAsNewlinesDo() throws {
        let text =
            "# File comment.\n\n# About a.\nclaim a: A.\nclaim b\n  text: |\n    # not a comment\n# Last.\nattack a -> b\n"
        let crlf = text.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(try ArgFormatter.format(crlf) == ArgFormatter.format(text))
        #expect(try ArgFormatter.format(crlf).contains("# About a.\nclaim a: A."))
    }

    @Test func withoutCommentsItIsTheWritersOutput() throws {
        let text = "claim b: B.\nclaim a: A.\nattack a -> b\n"
        let parsed = try ArgReader.read(text)
        #expect(ArgFormatter.format(text, parsed: parsed) == ArgWriter.write(parsed.graph))
    }

    @Test func theBundledGraphKeepsEveryComment() throws {
        let path = TestPaths.repo("graphs/us-japan-alliance.arg")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let out = try ArgFormatter.format(text)
        func comments(_ s: String) -> [String] {
            s.split(separator: "\n").map { $0.drop { $0 == " " } }.filter { $0.hasPrefix("#") }.map(String.init)
                .sorted()
        }
        #expect(comments(out) == comments(text))
        #expect(try ArgReader.read(out).graph == ArgReader.read(text).graph)
        #expect(try ArgFormatter.format(out) == out)
    }
}

extension ArgFormatterTests {
    @Test func aGraphDifferingInValuesIsWrittenWithTheTextsComments() throws {
        let text = "# about a\nclaim a: A.\nstance ann asserts a\n  # the quote\n  quote: words\nactor ann\n"
        let parsed = try ArgReader.read(text)
        var stances = parsed.graph.stances
        stances[0].quotes[0].location = .lines(first: 12, last: 12)
        let g = parsed.graph
        let located = Graph(
            documents: g.documents, actors: g.actors, claims: g.claims, stances: stances, relations: g.relations)
        let out = ArgFormatter.format(text, parsed: parsed, as: located)
        #expect(out.contains("# the quote\nstance ann asserts a\n  quote L12: words\n"))
        #expect(out.hasPrefix("actor ann\n\n# about a\nclaim a: A.\n"))
        #expect(try ArgReader.read(out).graph == located)
    }
}
