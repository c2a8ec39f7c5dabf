import ArgumentGraphModel

/// What checking one quote against the sources found: where it stands, or the closest passage, and
/// whether rewriting the quote to that passage is safe.
public struct QuoteCheck: Sendable, Hashable {
    /// The outcome.
    public enum Verdict: Sendable, Hashable {
        /// Word for word in its document (ellipses aside), at its stated location if it has one.
        case verbatim
        /// Word for word, but not at its stated location; ``QuoteCheck/passage`` is where it stands.
        case wrongLocation
        /// Not word for word; ``QuoteCheck/passage`` is the closest passage of its document.
        case nearMiss
        /// Not in its document, but in another: ``QuoteCheck/elsewhere``.
        case otherDocument
        /// No plausible passage in any document.
        case noPassage
        /// The stance names no document, or its text could not be read.
        case noSource(String)
    }

    /// The quote's passage in another document.
    public struct Elsewhere: Sendable, Hashable {
        /// The document's index.
        public var document: Int
        /// The passage there.
        public var alignment: QuoteAlignment
    }

    /// The index of the stance in `Graph.stances`.
    public var stance: Int
    /// The index of the quote in the stance.
    public var quote: Int
    /// The outcome.
    public var verdict: Verdict
    /// The best passage in the stance's document (verbatim, misplaced or closest), if any is plausible.
    public var passage: QuoteAlignment?
    /// The next best passage at another place in the document, if any is plausible.
    public var runnerUp: QuoteAlignment?
    /// The passage in another document, when the quote stands there better than in its own.
    public var elsewhere: Elsewhere?
    /// Where the quote is written in the `.arg` file, when the file's text was given.
    public var place: ArgQuotePlace?

    /// Whether the quote was verified.
    public var isVerified: Bool { verdict == .verbatim }

    /// Whether ``fix`` may be applied without asking: a near miss whose passage is plausible, clearly
    /// better than the next (by at least 2 words or a quarter of the quote) and than any other document's.
    public var isSafeFix: Bool {
        guard verdict == .nearMiss, let p = passage, p.quoteWords >= 3, p.similarity >= QuoteCheck.fixSimilarity else {
            return false
        }
        if let r = runnerUp, r.fixedText != p.fixedText, r.cost < p.cost + max(2, p.quoteWords / 4) { return false }
        return true
    }

    /// The quote's text rewritten to its passage, when ``isSafeFix``.
    public var fix: String? { isSafeFix ? passage?.fixedText : nil }

    /// The least similarity (1 − changed words / quote words) for a passage to count as plausible.
    public static let plausibleSimilarity = 0.5
    /// The least similarity for a fix to be offered.
    public static let fixSimilarity = 0.6

    /// Whether an alignment is close enough to show as the quote's passage.
    public static func isPlausible(_ a: QuoteAlignment) -> Bool {
        a.similarity >= plausibleSimilarity && (a.matchedWords >= 2 || a.quoteWords == 1 && a.matchedWords == 1)
    }
}

/// Checks quotes against a ``SourceLibrary``.
public struct QuoteChecker: Sendable {
    /// The source texts.
    public let library: SourceLibrary
    /// The aligner used.
    public var aligner = QuoteAligner()

    /// A checker over these sources.
    public init(library: SourceLibrary) { self.library = library }

    /// Checks one quote of a stance in `document` (nil: the stance names none).
    public func check(_ q: Quote, document: Int?, stance: Int = 0, quote: Int = 0) -> QuoteCheck {
        var result = QuoteCheck(stance: stance, quote: quote, verdict: .noPassage)
        guard let d = document else { result.verdict = .noSource("the stance names no document"); return result }
        guard let text = library.text(of: d) else {
            result.verdict = .noSource(
                d < library.problems.count ? library.problems[d] ?? "no source text" : "no source text")
            return result
        }
        let found = aligner.align(q.text, in: text).filter(QuoteCheck.isPlausible)
        let verbatim = found.filter(\.isVerbatim)
        if let first = verbatim.first {
            if let loc = q.location {
                if let at = verbatim.first(where: { QuoteChecker.holds(loc, $0.span) }) {
                    result.verdict = .verbatim
                    result.passage = at
                } else {
                    result.verdict = .wrongLocation
                    result.passage = first
                }
            } else {
                result.verdict = .verbatim
                result.passage = first
            }
            result.runnerUp = found.first { $0 != result.passage }
            return result
        }
        result.passage = found.first
        result.runnerUp = found.dropFirst().first
        // Another document may hold it better (a quote filed under the wrong document).
        var best: QuoteCheck.Elsewhere?
        for (o, t) in library.texts.enumerated() where o != d {
            guard let t, let a = aligner.align(q.text, in: t).first, QuoteCheck.isPlausible(a) else { continue }
            if a.cost < (best?.alignment.cost ?? (result.passage?.cost ?? Int.max)) {
                best = .init(document: o, alignment: a)
            }
        }
        if let best {
            result.elsewhere = best
            result.verdict = .otherDocument
        } else {
            result.verdict = result.passage == nil ? .noPassage : .nearMiss
        }
        return result
    }

    /// Whether a stated location holds a span: the same characters, or lines within the stated lines.
    public static func holds(_ location: QuoteLocation, _ span: SourceSpan) -> Bool {
        switch location {
        case let .characters(start, end): span.characters == start..<end
        case let .lines(a, b): span.lines.lowerBound >= a && span.lines.upperBound <= b
        }
    }

    /// Checks every quote of every stance; `places` (from ``ArgQuoteLocator``) adds where each is written.
    public func check(_ graph: Graph, places: [[ArgQuotePlace]]? = nil) -> [QuoteCheck] {
        var out: [QuoteCheck] = []
        for (si, s) in graph.stances.enumerated() {
            for (qi, q) in s.quotes.enumerated() {
                var c = check(q, document: s.document, stance: si, quote: qi)
                if let places, si < places.count, qi < places[si].count { c.place = places[si][qi] }
                out.append(c)
            }
        }
        return out
    }
}
