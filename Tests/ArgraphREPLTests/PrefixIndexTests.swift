import Testing
@testable import ArgraphREPL

@Suite struct PrefixIndexTests {
    /// Property: on random ids, binary search finds exactly what a linear scan finds.
    @Test func agreesWithALinearScan() {
        var rng = Fixture.Random(seed: 7)
        let letters = Array("abc-é1")
        var words: [String] = []
        for _ in 0..<3000 {
            words.append(String((0..<Int.random(in: 1...6, using: &rng)).map { _ in letters.randomElement(using: &rng) ?? "a" }))
        }
        let index = PrefixIndex(words)
        for _ in 0..<300 {
            let prefix = String((0..<Int.random(in: 0...3, using: &rng)).map { _ in letters.randomElement(using: &rng) ?? "a" })
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
