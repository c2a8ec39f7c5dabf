import Foundation
import Testing
import ArgraphTestSupport
@testable import ArgumentGraph

@Suite struct QuoteVerifierTests {
    func fixture(_ source: String, quotes: [Quote]) throws -> (Graph, String) {
        let dir = try ScratchDirectory.make("qv")
        try source.write(to: dir.appendingPathComponent("s.txt"), atomically: true, encoding: .utf8)
        let g = Graph(
            documents: [Document(id: "d", title: "D", file: "s.txt")], actors: [Actor(id: "a")],
            claims: [Claim(id: "x", text: "X")], stances: [Stance(actor: 0, claim: 0, document: 0, quotes: quotes)])
        return (g, dir.path)
    }

    @Test func foldsWhiteSpaceAndJoinsHyphenatedLineBreaks() throws {
        let (g, dir) = try fixture(
            "The alliance is\n  a rela-\ntive success, and so\ton.\n",
            quotes: [
                Quote("alliance is a relative success"), Quote("and so on."), Quote("a rela- tive"),
            ])
        let checks = QuoteVerifier(sourceDirectory: dir).verify(g)
        #expect(checks.map(\.isVerified) == [true, true, true])
        #expect(checks[0].passage?.span.characters == 4..<38)
        #expect(checks[0].passage?.span.lines == 1...3)
    }

    @Test func aChangedWordIsANearMissWithItsPassageAndFix() throws {
        let (g, dir) = try fixture(
            "Intro.\nGeneral Welch noted the complex dynamism and fast pace of change that characterizes threats.\n",
            quotes: [Quote("the complex dynamism and rapid pace of change")])
        let c = QuoteVerifier(sourceDirectory: dir).verify(g)[0]
        #expect(c.verdict == .nearMiss)
        #expect(c.passage?.span.start == SourcePosition(line: 2, column: 21))
        #expect(c.passage?.edits.filter { $0.kind != .same }.map(\.kind) == [.changed])
        #expect(c.fix == "the complex dynamism and fast pace of change")
    }

    @Test func checksRecordedLocations() throws {
        let (g, dir) = try fixture(
            "one\ntwo words\nthree\n",
            quotes: [
                Quote("two words", location: .lines(first: 2, last: 2)),
                Quote("two words", location: .lines(first: 3, last: 3)),
                Quote("two words", location: .characters(start: 4, end: 13)),
            ])
        let checks = QuoteVerifier(sourceDirectory: dir).verify(g)
        #expect(checks.map(\.isVerified) == [true, false, true])
        #expect(checks[1].verdict == .wrongLocation)
        #expect(checks[1].passage?.span.characters == 4..<13)
    }

    @Test func missingSourcesAreReportedNotSkipped() throws {
        let (g, _) = try fixture("x", quotes: [Quote("x")])
        let checks = QuoteVerifier(sourceDirectory: "/nonexistent").verify(g)
        #expect(checks.count == 1)
        if case .noSource = checks[0].verdict {} else { Issue.record("expected noSource, got \(checks[0].verdict)") }
    }

    @Test func resultsCarryTheQuotesPlaceInTheArgFile() throws {
        let (_, dir) = try fixture("Japan should engage China.\n", quotes: [])
        let text = """
            document d
              title: D
              file: s.txt
            actor a
            claim x: X
            # a comment
            stance a asserts x in d
              quote: Japan should engage China.
              quote L1: Japan should contain
                China
            """
        let parsed = try ArgReader.read(text)
        let checks = QuoteVerifier(sourceDirectory: dir).verify(parsed, text: text)
        #expect(checks.map(\.isVerified) == [true, false])
        #expect(checks[1].place?.stanceStart == SourcePosition(line: 7, column: 1))
        #expect(checks[1].place?.start == SourcePosition(line: 9, column: 3))
        #expect(checks[1].place?.valueStart == SourcePosition(line: 9, column: 13))
        #expect(checks[1].place?.end == SourcePosition(line: 10, column: 10))
    }
}
