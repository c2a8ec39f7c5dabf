import Foundation
import Testing
import ArgumentGraph
@testable import ArgumentGraphFormats

/// Damages quotes of the bundled graph the way people do and checks that `verify` finds their passages
/// again, and that a fix never rewrites a quote to a wrong passage.
@Suite struct QuoteMutationTests {
    enum Damage: CaseIterable {
        case dropWord, swapWords, changeWord, changeCase, changePunctuation, straightenQuotes, wrongDocument
    }

    struct Original {
        var stance: Int
        var quote: Int
        var document: Int
        var characters: Range<Int>
    }

    static let replacements = [
        "rapid", "policy", "strong", "certain", "global", "never", "regional", "broad", "weak", "modern",
    ]

    /// Damages one quote; returns the new text and the document it is filed under.
    static func damage(_ text: String, _ kind: Damage, document: Int, documents: Int, rng: inout SplitMix64) -> (
        String, Int, Damage
    ) {
        var words = text.split(separator: " ").map(String.init)
        let i = Int.random(in: 0..<words.count, using: &rng)
        switch kind {
        case .dropWord:
            words.remove(at: i)
        case .swapWords:
            let j = min(i + 1, words.count - 1), a = j == i ? i - 1 : i
            words.swapAt(a, j)
        case .changeWord:
            var r = replacements[Int.random(in: 0..<replacements.count, using: &rng)]
            if TextNormalizer.key(r) == TextNormalizer.key(words[i]) { r = "otherwise" }
            words[i] = r
        case .changeCase:
            let w = words[i]
            words[i] = w.first!.isUppercase ? w.lowercased() : w.uppercased()
            if words[i] == w { words[i] = w.capitalized == w ? w.lowercased() : w.capitalized }
        case .changePunctuation:
            let w = words[i]
            if let l = w.last, l.isPunctuation { words[i] = String(w.dropLast()) } else { words[i] = w + "," }
        case .straightenQuotes:
            let plain = TextNormalizer.plain(text)
            if plain != text { return (plain, document, kind) }
            return damage(text, .changePunctuation, document: document, documents: documents, rng: &rng)
        case .wrongDocument:
            let d = (document + Int.random(in: 1..<documents, using: &rng)) % documents
            return (text, d, kind)
        }
        return (words.joined(separator: " "), document, kind)
    }

    /// Whether a passage is the original one: in the same document, over at least 80% of its characters,
    /// and not much longer.
    static func isOriginal(_ span: SourceSpan, in document: Int, _ o: Original) -> Bool {
        guard document == o.document else { return false }
        let common = max(
            0,
            min(span.characters.upperBound, o.characters.upperBound)
                - max(span.characters.lowerBound, o.characters.lowerBound))
        return Double(common) >= 0.8 * Double(o.characters.count)
            && span.characters.count <= o.characters.count * 5 / 4 + 20
    }

    @Test(.enabled(if: TestPaths.seeds != nil, "needs ../shared/seeds (or ARGRAPH_SHARED)"))
    func twoHundredDamagedQuotesFindTheirPassagesAndNoFixGoesWrong() throws {
        let graph = try ArgReader.read(contentsOf: TestPaths.repo("graphs/us-japan-alliance.arg")).graph
        let library = SourceLibrary(graph: graph, directory: TestPaths.seeds!)
        let checker = QuoteChecker(library: library)
        var originals: [Original] = []
        for c in checker.check(graph) where c.isVerified {
            let q = graph.stances[c.stance].quotes[c.quote].text
            guard q.split(separator: " ").count >= 3, let d = graph.stances[c.stance].document, let p = c.passage else {
                continue
            }
            originals.append(Original(stance: c.stance, quote: c.quote, document: d, characters: p.span.characters))
        }
        #expect(originals.count >= 100)
        let curly = originals.filter { o in
            let t = graph.stances[o.stance].quotes[o.quote].text; return TextNormalizer.plain(t) != t
        }
        #expect(!curly.isEmpty)
        var rng = SplitMix64(seed: 18)
        var proposed = 0, fixes = 0, wrongFixes: [String] = [], missed: [String] = []
        var byKind: [String: (Int, Int)] = [:]
        for n in 0..<200 {
            let kind = Damage.allCases[n % Damage.allCases.count]
            let pool = kind == .straightenQuotes ? curly : originals
            let o = pool[Int.random(in: 0..<pool.count, using: &rng)]
            let text = graph.stances[o.stance].quotes[o.quote].text
            let (damaged, doc, applied) = Self.damage(
                text, kind, document: o.document, documents: graph.documents.count, rng: &rng)
            let c = checker.check(Quote(damaged), document: doc)
            var ok = false
            if let p = c.passage, Self.isOriginal(p.span, in: doc, o) { ok = true }
            if let e = c.elsewhere, Self.isOriginal(e.alignment.span, in: e.document, o) { ok = true }
            if ok {
                proposed += 1
            } else {
                missed.append("\(applied): \(damaged) → \(c.verdict) \(c.passage?.fixedText ?? "-")")
            }
            byKind["\(applied)", default: (0, 0)].0 += ok ? 1 : 0
            byKind["\(applied)", default: (0, 0)].1 += 1
            if let fix = c.fix, let p = c.passage {
                fixes += 1
                let again = checker.check(Quote(fix), document: doc)
                if !Self.isOriginal(p.span, in: doc, o) || !again.isVerified {
                    wrongFixes.append("\(applied): \(damaged) → \(fix)")
                }
            }
        }
        print(
            "quote mutations: \(proposed)/200 passages proposed, \(fixes) safe fixes, \(wrongFixes.count) wrong; by kind: \(byKind.sorted { $0.key < $1.key })"
        )
        for m in missed { print("  missed: \(m)") }
        #expect(proposed >= 190, "proposed the original passage for \(proposed) of 200")
        #expect(wrongFixes.isEmpty, "\(wrongFixes)")
        #expect(fixes >= 100)
    }
}
