import ArgumentGraph
import Foundation
import Testing
@testable import ArgraphREPL

@Suite struct PrefixIndexTests {
    /// Property: on random ids, binary search finds exactly what a linear scan finds.
    @Test func agreesWithALinearScan() {
        var rng = Fixture.Random(seed: 7)
        let letters = Array("abc-é1")
        var words: [String] = []
        for _ in 0..<3000 {
            words.append(
                String((0..<Int.random(in: 1...6, using: &rng)).map { _ in letters.randomElement(using: &rng) ?? "a" }))
        }
        let index = PrefixIndex(words)
        for _ in 0..<300 {
            let prefix = String(
                (0..<Int.random(in: 0...3, using: &rng)).map { _ in letters.randomElement(using: &rng) ?? "a" })
            let expected = Set(words.filter { $0.utf8.starts(with: prefix.utf8) })
            let got = index.matches(prefix: prefix, limit: 10_000)
            #expect(Set(got) == expected, "prefix \(prefix)")
            #expect(got.count == expected.count)
        }
    }

    @Test func limitKeepsTheLastMatchSoTheCommonPrefixIsRight() {
        let index = PrefixIndex((0..<100).map { "claim-\($0)" } + ["other"])
        let m = index.matches(prefix: "claim-", limit: 10)
        #expect(m.count == 10)
        #expect(m.first == "claim-0" && m.last == "claim-99")
        #expect(index.matches(prefix: "zzz").isEmpty)
        #expect(index.count == 101)
    }
}

/// The byte scan behind `find` and the ASCII shortcut of folding, against Foundation's answers.
@Suite struct FoldedTextScanTests {
    static func foundationFold(_ s: String) -> String {
        s.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    @Test func asciiFoldsLikeFoundation() {
        for b in UInt8(0)..<0x80 {
            let s = String(decoding: [b], as: UTF8.self)
            #expect(Array(TextSearch.fold(s).utf8) == Array(FoldedTextScanTests.foundationFold(s).utf8), "byte \(b)")
        }
        for s in ["Hello World\r\n ABC xyz ~^`", "Tōkyō ÉCOLE", "ＡＢＣ", "", "MiXeD 123 [] {}"] {
            #expect(TextSearch.fold(s) == FoldedTextScanTests.foundationFold(s))
        }
    }

    /// The scan a graph folds itself is the scan of ``TextFind/foldedTexts(_:)``: claims with quotes or
    /// without, ASCII or not, upper case, NUL bytes, and a needle that only a non-ASCII scalar spells
    /// (the Kelvin sign, canonically `K`).
    @Test func scanOfAGraphIsTheScanOfItsFoldedTexts() {
        var rng = SplitMix64(seed: 5)
        let alphabet: [String] = ["a", "B", "c ", "QU", "\n", "é", "E\u{301}", "日本", "\u{0}", "\u{212A}", "ﬁ", "K"]
        func text() -> String {
            (0..<Int(rng.next() % 8)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }.joined()
        }
        for _ in 0..<150 {
            let n = 1 + Int(rng.next() % 12)
            let claims = (0..<n).map { Claim(id: "c\($0)", text: text()) }
            let stances = (0..<Int(rng.next() % 10)).map { _ in
                Stance(
                    actor: 0, claim: Int(rng.next() % UInt64(n)), document: 0,
                    quotes: (0..<Int(rng.next() % 3)).map { _ in Quote(text()) })
            }
            let g = Graph(
                documents: [Document(id: "d", title: "D")], actors: [Actor(id: "a")], claims: claims, stances: stances)
            let folded = TextFind.foldedTexts(g)
            let scan = FoldedTextScan(g)
            #expect(scan == FoldedTextScan(folded))
            for needle in ["a", "b c", "qu", "e", "日", "k", "\u{212A}", "\u{0}", "fi", "\n"] {
                let f = TextSearch.fold(needle)
                #expect(
                    scan.matches(f) == folded.indices.filter { folded[$0].contains(f) }, "\(needle.debugDescription)")
            }
        }
    }

    @Test func matchesWhatContainsAnswers() {
        var rng = SplitMix64(seed: 3)
        let alphabet: [String] = ["a", "b", "c", "ab", " ", "\n", "\r\n", "é", "e\u{301}", "日本", "\u{0}", "Z", "ﬁ"]
        for _ in 0..<200 {
            let texts = (0..<Int(rng.next() % 30)).map { _ in
                (0..<Int(rng.next() % 12)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }.joined()
            }
            let folded = texts.map(TextSearch.fold)
            let scan = FoldedTextScan(folded)
            for needle in ["a", "ab", "b c", "c\n", "\r", "é", "e", "", "日", "\u{0}", "z", "abc", "fi"] {
                let n = TextSearch.fold(needle)
                #expect(
                    scan.matches(n) == folded.indices.filter { folded[$0].contains(n) },
                    "needle \(needle.debugDescription)")
            }
        }
    }
}
