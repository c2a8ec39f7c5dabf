import ArgumentGraph
@testable import ArgumentGraphFormats
import Testing

/// Where `verify --fix` finds a stance's quotes in the file, and how it rewrites them.
@Suite struct ArgQuoteLocatorTests {
    static let text = """
        graph g
        document d
          title: D
        actor a
        claim c: C.
        # Before the stance.
        stance a asserts c in d
          quote: The first
            words, continued.
          # between
          quote L3: Second.

        """

    static func places(_ text: String) throws -> [[ArgQuotePlace]] {
        let parsed = try ArgReader.read(text)
        return ArgQuoteLocator.places(
            in: text, declarations: parsed.declarations, stanceCount: parsed.graph.stances.count)
    }

    @Test func findsEachQuoteFromItsKeyToItsLastContinuationLine() throws {
        let p = try Self.places(Self.text)
        #expect(p.count == 1 && p[0].count == 2)
        #expect(p[0][0].start == SourcePosition(line: 8, column: 3))
        #expect(p[0][0].valueStart == SourcePosition(line: 8, column: 10))
        #expect(p[0][0].end == SourcePosition(line: 9, column: 22))
        #expect(p[0][1].start == SourcePosition(line: 11, column: 3))
        #expect(p[0][1].end == SourcePosition(line: 11, column: 20))
    }

    /// With `\r\n` line ends the places are the same (split by `Character`, a `\r\n` ends no line, and none was
    /// found), and a rewritten quote keeps its line end.
    @Test func crlfLineEndsGiveTheSamePlacesAndKeepTheirEnds() throws {
        let crlf = Self.text.replacingOccurrences(of: "\n", with: "\r\n")
        let p = try Self.places(crlf)
        #expect(p == (try Self.places(Self.text)))
        let fixed = ArgQuoteLocator.replacing([(p[0][0], Quote("The first words, continued."))], in: crlf)
        #expect(
            fixed.contains("\r\n  quote: The first words, continued.\r\n  # between\r\n"), "\(fixed.debugDescription)")
        #expect(
            try ArgReader.read(fixed).graph.stances[0].quotes.map(\.text) == ["The first words, continued.", "Second."])
    }
}
