import Foundation
import Testing
@testable import ArgumentGraph
@testable import ArgumentGraphFormats
@testable import ArgumentGraphModel

/// The byte-level tables and parsers the `.arg` reader uses for property lines, held to what they stand in for: the
/// key table to the format's documented keys, the byte parsers to the `String` algorithms they replaced.
@Suite struct ArgPropertyTableTests {
    typealias Key = ArgParser.PropertyKey

    @Test func ordinalsFollowDeclarationOrderAndBitsAreDistinct() {
        for (i, k) in Key.allCases.enumerated() { #expect(Int(k.ordinal) == i, "\(k)") }
        #expect(Set(Key.allCases.map(\.bit)).count == Key.allCases.count)
    }

    @Test func keysAreReadFromTheirBytesAndNothingElseIs() {
        func key(_ s: String) -> Key? {
            Array(s.utf8).withUnsafeBufferPointer { Key($0[...]) }
        }
        for k in Key.allCases {
            #expect(key(k.rawValue) == k)
            #expect(key(k.rawValue + "s") == nil)
            #expect(key(String(k.rawValue.dropLast())) == nil)
            #expect(key(k.rawValue.uppercased()) == nil)
        }
        for s in ["", "t", "x", "tex", "texts", "quote ", "b", "bye"] { #expect(key(s) == nil, "\(s)") }
    }

    /// The keys each declaration allows, as docs/format.md lists them (the order messages name them in).
    @Test func allowedKeysPerDeclaration() {
        let expected: [(DeclarationSpan.Kind, [Key])] = [
            (.graph, [.title, .description]),
            (.document, [.title, .publisher, .date, .url, .file, .skip]),
            (.actor, [.name, .kind, .affiliation, .role, .credibility]),
            (.claim, [.text, .tags, .base]),
            (.stance, [.quote]),
            (.relation, [.weight, .by, .note]),
        ]
        for (kind, keys) in expected {
            #expect(ArgParser.keys(kind) == keys, "\(kind)")
            for k in Key.allCases { #expect((ArgParser.allowedKeys(kind) & k.bit != 0) == keys.contains(k)) }
        }
    }

    /// The `String` parser `QuoteLocation` had before it read bytes, kept here as the reference.
    static func referenceLocation(_ text: String) -> QuoteLocation? {
        var body = Substring(text)
        let isLines = body.first == "L"
        if isLines { body = body.dropFirst() }
        let parts = body.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count) else { return nil }
        var numbers: [Int] = []
        for part in parts {
            guard !part.isEmpty, part.count <= 12, part.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(part)
            else { return nil }
            numbers.append(n)
        }
        if isLines {
            let last = numbers.count == 2 ? numbers[1] : numbers[0]
            guard numbers[0] >= 1, last >= numbers[0] else { return nil }
            return .lines(first: numbers[0], last: last)
        }
        guard numbers.count == 2, numbers[1] > numbers[0] else { return nil }
        return .characters(start: numbers[0], end: numbers[1])
    }

    @Test func quoteLocationsReadAsTheStringParserDid() {
        let pieces = [
            "L", "L", "-", "-", "0", "1", "2", "9", "12", "999999999999", "0000000000001", "\u{0663}", "\u{FF11}",
            "\u{301}", "l", " ", "\r\n", "é", "x",
        ]
        var rng = SeededGenerator(seed: 23)
        var valid = 0
        for _ in 0..<20_000 {
            // Half of them in the shape of a location ([L]N[-N]), with a random piece put in now and then.
            var s = (0..<Int.random(in: 0...5, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            if Bool.random(using: &rng) {
                let n = { String(Int.random(in: 0...2000, using: &rng)) }
                s = (Bool.random(using: &rng) ? "L" : "") + n() + (Bool.random(using: &rng) ? "-" + n() : "")
                if Int.random(in: 0..<4, using: &rng) == 0 { s += pieces.randomElement(using: &rng)! }
            }
            let expected = Self.referenceLocation(s)
            #expect(QuoteLocation(s) == expected, "\(s.debugDescription)")
            #expect(QuoteLocation(utf8: Array(s.utf8)) == expected, "\(s.debugDescription)")
            if expected != nil { valid += 1 }
        }
        #expect(valid > 1000)  // the alphabet makes valid locations often enough to test both branches
    }

    @Test func tagPiecesSplitAndTrimAsFoundationDid() {
        let pieces = ["a", "b-c", ",", ",", " ", "\t", "é", "\u{00A0}", "x.y", "  "]
        var rng = SeededGenerator(seed: 5)
        for _ in 0..<5000 {
            let s = (0..<Int.random(in: 0...8, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let expected = s.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(ArgParser.tagPieces(s) == expected, "\(s.debugDescription)")
        }
    }
}
