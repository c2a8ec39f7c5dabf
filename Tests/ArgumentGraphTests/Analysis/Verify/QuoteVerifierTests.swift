import Foundation
import Testing
@testable import ArgumentGraph

@Suite struct QuoteVerifierTests {
    func fixture(_ source: String, quotes: [Quote]) throws -> (Graph, String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try source.write(to: dir.appendingPathComponent("s.txt"), atomically: true, encoding: .utf8)
        let g = Graph(documents: [Document(id: "d", title: "D", file: "s.txt")], actors: [Actor(id: "a")],
                      claims: [Claim(id: "x", text: "X")], stances: [Stance(actor: 0, claim: 0, document: 0, quotes: quotes)])
        return (g, dir.path)
    }

    @Test func foldsWhiteSpaceAndJoinsHyphenatedLineBreaks() throws {
        let (g, dir) = try fixture("The alliance is\n  a rela-\ntive success, and so\ton.\n", quotes: [
            Quote("alliance is a relative success"), Quote("and so on."), Quote("a rela- tive"),
        ])
        let checks = QuoteVerifier(sourceDirectory: dir).verify(g)
        #expect(checks.map(\.isVerified) == [true, true, true])
        #expect(checks[0].status == .found(characters: 4..<38, lines: 1...3))
    }

    @Test func reportsWhereAQuoteDepartsFromTheSource() throws {
        let (g, dir) = try fixture("Japan should engage China.\n", quotes: [Quote("Japan should contain China")])
        let checks = QuoteVerifier(sourceDirectory: dir).verify(g)
        #expect(checks[0].status == .notFound(matchedPrefix: "Japan should "))
    }

    @Test func checksRecordedLocations() throws {
        let (g, dir) = try fixture("one\ntwo words\nthree\n", quotes: [
            Quote("two words", location: .lines(first: 2, last: 2)),
            Quote("two words", location: .lines(first: 3, last: 3)),
            Quote("two words", location: .characters(start: 4, end: 13)),
        ])
        let checks = QuoteVerifier(sourceDirectory: dir).verify(g)
        #expect(checks.map(\.isVerified) == [true, false, true])
        #expect(checks[1].status == .wrongLocation(actual: 4..<13, lines: 2...2))
    }

    @Test func missingSourcesAreReportedNotSkipped() throws {
        let (g, _) = try fixture("x", quotes: [Quote("x")])
        let checks = QuoteVerifier(sourceDirectory: "/nonexistent").verify(g)
        #expect(checks.count == 1)
        if case .noSource = checks[0].status {} else { Issue.record("expected noSource, got \(checks[0].status)") }
    }
}
