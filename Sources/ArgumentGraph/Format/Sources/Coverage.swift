import ArgumentGraphModel

extension SourceText {
    /// Words that end with a full stop without ending a sentence.
    static let abbreviations: Set<String> = [
        "u.s.", "u.s.-japan", "u.k.", "u.n.", "mr.", "mrs.", "ms.", "dr.", "gen.", "lt.", "col.", "ret.",
        "e.g.", "i.e.", "no.", "st.", "vs.", "jr.", "sr.", "prof.", "gov.", "sen.", "rep.", "amb.", "p.", "pp.", "cf.",
        "al.",
    ]

    /// The sentences, as word ranges: a sentence ends at a word ending in `.`, `!` or `?` (closing quotes
    /// and brackets aside) that is not an abbreviation or an initial and is followed by a word that does not
    /// start in lower case, and at a paragraph break (a blank line) before a word that does not start in lower case.
    public func sentences() -> [ClosedRange<Int>] {
        var out: [ClosedRange<Int>] = []
        var start = 0
        for i in words.indices {
            // A blank line ends a sentence, unless it falls inside one (a page break: the next word starts in lower case).
            if i > start, words[i].startsParagraph, words[i].surface.first(where: { $0.isLetter })?.isLowercase != true
            {
                out.append(start...(i - 1)); start = i
            }
            var s = Substring(words[i].surface)
            while let l = s.last, "\"”’')]".contains(l) { s = s.dropLast() }
            guard let end = s.last, end == "." || end == "!" || end == "?" else { continue }
            if end == ".", SourceText.abbreviations.contains(s.lowercased()) || (s.count == 2 && s.first!.isUppercase) {
                continue
            }
            if i + 1 < words.count, let next = words[i + 1].surface.first(where: { $0.isLetter || $0.isNumber }),
                next.isLowercase
            {
                continue
            }
            out.append(start...i)
            start = i + 1
        }
        if start < words.count { out.append(start...(words.count - 1)) }
        return out
    }
}

/// How much of one document the graph's quotes cover.
public struct DocumentCoverage: Sendable, Hashable {
    /// One sentence of the source.
    public struct Sentence: Sendable, Hashable {
        /// Its words.
        public var words: ClosedRange<Int>
        /// Where it stands.
        public var span: SourceSpan
        /// Its text, words joined by single spaces.
        public var text: String
        /// Whether quotes cover it (at least half its words, or six of them).
        public var isCovered: Bool
        /// Whether a `skip` of the document covers at least half of it; skipped sentences do not count.
        public var isSkipped: Bool
    }

    /// The document's index.
    public var document: Int
    /// Its sentences, in order.
    public var sentences: [Sentence]

    /// The sentences that count (not skipped).
    public var counted: Int { sentences.count { !$0.isSkipped } }
    /// The counted sentences that quotes cover.
    public var covered: Int { sentences.count { !$0.isSkipped && $0.isCovered } }
    /// covered / counted (1 when nothing counts).
    public var share: Double { counted == 0 ? 1 : Double(covered) / Double(counted) }
    /// The sentences still to map, in order.
    public var uncovered: [Sentence] { sentences.filter { !$0.isSkipped && !$0.isCovered } }
}

/// Which sentences of each document the graph's quotes cover.
public enum Coverage {
    /// The quoted words a sentence needs to count as covered when it is long (else half of its words).
    public static let coveringWords = 6

    /// The coverage of every document whose text the library holds, in document order.
    ///
    /// A quote covers its passage (a verbatim one, or the closest plausible passage of a near miss);
    /// a document's `skip` passages are found the same way (every occurrence, or the one at its location).
    public static func compute(_ graph: Graph, library: SourceLibrary) -> [DocumentCoverage] {
        var out: [DocumentCoverage] = []
        let aligner = QuoteAligner()
        var skipAligner = QuoteAligner()
        skipAligner.candidates = 64  // boilerplate repeats: find every occurrence
        for (d, doc) in graph.documents.enumerated() {
            guard let text = library.text(of: d) else { continue }
            var quoted = [Bool](repeating: false, count: text.words.count)
            var skipped = quoted
            for s in graph.stances where s.document == d {
                for q in s.quotes {
                    let found = aligner.align(q.text, in: text).filter(QuoteCheck.isPlausible)
                    let at =
                        q.location.flatMap { loc in found.first { QuoteChecker.holds(loc, $0.span) } } ?? found.first
                    if let at { for w in at.words { quoted[w] = true } }
                }
            }
            for q in doc.skips {
                for a in skipAligner.align(q.text, in: text) where a.cost == 0 {
                    if let loc = q.location, !QuoteChecker.holds(loc, a.span) { continue }
                    for w in a.words { skipped[w] = true }
                }
            }
            let sentences = text.sentences().map { r -> DocumentCoverage.Sentence in
                let n = r.count
                let q = r.count { quoted[$0] }, k = r.count { skipped[$0] }
                return .init(
                    words: r, span: text.span(words: r), text: text.quoteText(words: r),
                    isCovered: q * 2 >= n || q >= coveringWords, isSkipped: k * 2 >= n)
            }
            out.append(DocumentCoverage(document: d, sentences: sentences))
        }
        return out
    }
}
