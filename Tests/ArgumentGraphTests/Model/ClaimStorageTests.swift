import Foundation
import Testing

@testable import ArgumentGraphModel

/// A claim keeps its text as a `String` of its own or as bytes in a chunk shared with other claims (``ClaimText``),
/// and its base score as a word. These tests hold both to what plain stored fields would give: every text reads
/// back as it was stored, whichever chunk it landed in; equality and hashing follow the strings (canonical
/// equivalence included), not the storage; JSON is what the synthesized conformance wrote.
@Suite struct ClaimStorageTests {
    /// The fields as a plain struct, encoded as the synthesized conformance encoded `Claim`.
    struct Model: Codable, Equatable {
        var id: String
        var text: String
        var kind: ClaimKind
        var tags: [String]
        var base: Double?
    }

    /// A random text: empty, short, around the 15 bytes a `String` holds inline, long; ASCII or not.
    static func text(_ rng: inout SeededGenerator) -> String {
        let alphabets: [[String]] = [
            ["a", "b", " ", "Z", "."], ["é", "e\u{301}", "ß", "日", "🇯🇵", "\r\n", "\u{3000}"], ["x", "\n", "\t"],
        ]
        let letters = alphabets.randomElement(using: &rng)!
        let n = [0, 1, 14, 15, 16, 17, 40, 300, 5000].randomElement(using: &rng)! + Int.random(in: 0...2, using: &rng)
        return String((0..<n).map { _ in letters.randomElement(using: &rng)! }.joined().prefix(n))
    }

    @Test func aClaimTakes56Bytes() {
        #expect(MemoryLayout<ClaimText>.size <= 17)
        #expect(MemoryLayout<Claim>.stride <= 56)
    }

    @Test func storedTextsReadBackWhicheverChunkTheyLandIn() {
        var rng = SeededGenerator(seed: 5)
        for budget in [0, 100, 5000, 1 << 22] {
            var writer = TextChunk.Writer(expectedBytes: budget)
            var stored: [(String, ClaimText)] = []
            for _ in 0..<600 {
                let s = Self.text(&rng)
                var copy = s
                let t = copy.withUTF8 { writer.store($0) }
                if s.utf8.count > 15 {
                    guard case .stored = t else {
                        Issue.record("a text of \(s.utf8.count) bytes was not stored in a chunk")
                        return
                    }
                }
                stored.append((s, t))
            }
            // A text longer than a chunk gets one of its own; the earlier ones are untouched by the later stores.
            let long = String(repeating: "long text ", count: TextChunk.Writer.chunkSize / 5)
            stored.append((long, writer.store(.owned(long))))
            for (s, t) in stored {
                #expect(t.string == s)
                #expect(t.withUTF8 { Array($0) } == Array(s.utf8))
                #expect(t.isBlank == s.allSatisfy(\.isWhitespace))
            }
        }
    }

    @Test func equalityAndHashingFollowTheStringsNotTheStorage() {
        var rng = SeededGenerator(seed: 8)
        var writer = TextChunk.Writer(expectedBytes: 1 << 16)
        var texts = ["café au lait, with milk", "cafe\u{301} au lait, with milk", "cafe au lait, with milk", ""]
        for _ in 0..<60 { texts.append(Self.text(&rng)) }
        let both = texts.flatMap { s in [ClaimText.owned(s), writer.store(.owned(s))] }
        for a in both {
            for b in both {
                #expect((a == b) == (a.string == b.string), "\(a.string.debugDescription) \(b.string.debugDescription)")
                if a == b { #expect(a.hashValue == b.hashValue) }
            }
        }
        // Canonically equivalent spellings are one text, stored or not.
        #expect(writer.store(.owned(texts[0])) == .owned(texts[1]))
    }

    @Test func editsReadBackAsPlainFieldsWould() throws {
        var rng = SeededGenerator(seed: 13)
        var writer = TextChunk.Writer(expectedBytes: 1 << 16)
        let bases: [Double?] = [nil, 0, 1, 0.5, -0.0, .nan, .infinity, Double(bitPattern: UInt64.max - 1)]
        for _ in 0..<500 {
            var model = Model(id: "c1", text: Self.text(&rng), kind: .claim, tags: [], base: nil)
            var c = Claim(id: "c1", storedText: writer.store(.owned(model.text)))
            for _ in 0..<Int.random(in: 1...6, using: &rng) {
                switch Int.random(in: 0..<4, using: &rng) {
                case 0:
                    model.text = Self.text(&rng)
                    c.text = model.text
                case 1:
                    model.text = Self.text(&rng)
                    c.storedText = writer.store(.owned(model.text))
                case 2:
                    model.base = bases.randomElement(using: &rng)!
                    c.base = model.base
                default:
                    model.tags = [["t"], [], ["a", "b"]].randomElement(using: &rng)!
                    model.kind = ClaimKind.allCases.randomElement(using: &rng)!
                    c.tags = model.tags
                    c.kind = model.kind
                }
            }
            #expect(c.text == model.text)
            #expect(c.base?.bitPattern == model.base?.bitPattern)
            #expect(c.tags == model.tags && c.kind == model.kind)
            let made = Claim(id: "c1", text: model.text, kind: model.kind, tags: model.tags, base: model.base)
            if model.base?.isNaN != true {
                #expect(c == made)
                #expect(c.hashValue == made.hashValue)
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            if model.base.map(\.isFinite) ?? true {
                #expect(try encoder.encode(c) == encoder.encode(model))
                #expect(try JSONDecoder().decode(Claim.self, from: encoder.encode(c)).text == model.text)
            }
        }
    }
}
