import ArgumentGraphModel

/// A passage of a source text that a search found.
public struct PassageHit: Sendable, Hashable {
    /// The source words it runs over.
    public var words: ClosedRange<Int>
    /// Where it stands in the file.
    public var span: SourceSpan
    /// The passage as a quote gives it (the source's words joined by single spaces).
    public var text: String
    /// 1 for an exact hit; below 1 for a closest passage offered when nothing matched exactly.
    public var similarity: Double

    /// The line to paste under a stance: `quote L12: TEXT`.
    public var quoteLine: String { "quote \(span.lineLocation): \(text)" }
}

/// Searches a source text with the normalisation quotes are checked with (see ``TextNormalizer``).
public enum PassageSearch {
    /// The passages whose words are the query's (case, quotation marks, punctuation and hyphenated
    /// line breaks aside; the first and last query words may be cut from longer words; an ellipsis
    /// skips words). When none match, up to three closest passages (similarity ≥ 0.5) instead.
    public static func find(_ query: String, in source: SourceText, limit: Int = 100) -> [PassageHit] {
        let tokens = TextNormalizer.quoteTokens(query)
        let keys = tokens.map(TextNormalizer.key)
        guard !tokens.isEmpty else { return [] }
        if tokens.contains(where: TextNormalizer.isEllipsis) {
            let found = QuoteAligner().align(query, in: source)
            let exact = found.filter { $0.cost == 0 }.prefix(limit)
            if !exact.isEmpty { return exact.map { hit($0, source, similarity: 1) } }
            return fuzzy(found)
        }
        var hits: [PassageHit] = []
        let m = keys.count, words = source.words
        if words.count >= m {
            for start in 0...(words.count - m) {
                var ok = true
                for k in 0..<m {
                    let w = words[start + k].key, q = keys[k]
                    if w == q { continue }
                    if m == 1 ? w.contains(q) : (k == 0 && w.hasSuffix(q)) || (k == m - 1 && w.hasPrefix(q)) {
                        continue
                    }
                    ok = false
                    break
                }
                guard ok else { continue }
                let r = start...(start + m - 1)
                hits.append(
                    PassageHit(words: r, span: source.span(words: r), text: source.quoteText(words: r), similarity: 1))
                if hits.count >= limit { break }
            }
        }
        if !hits.isEmpty { return hits }
        return fuzzy(QuoteAligner().align(query, in: source))
    }

    private static func hit(_ a: QuoteAlignment, _ source: SourceText, similarity: Double) -> PassageHit {
        PassageHit(
            words: a.words, span: source.span(words: a.words), text: source.quoteText(words: a.words),
            similarity: similarity)
    }

    private static func fuzzy(_ found: [QuoteAlignment]) -> [PassageHit] {
        found.filter { $0.similarity >= 0.5 && $0.matchedWords >= 1 }.prefix(3).map {
            PassageHit(words: $0.words, span: $0.span, text: $0.fixedText, similarity: $0.similarity)
        }
    }

    /// The passages matching a regular expression, run over the text with white space folded and
    /// hyphenated line breaks joined (words joined by single spaces); a hit is widened to whole words.
    public static func find(regex: Regex<AnyRegexOutput>, in source: SourceText, limit: Int = 100) -> [PassageHit] {
        guard !source.words.isEmpty else { return [] }
        var starts: [Int] = []  // scalar offset of each word in the joined text
        var joined = String.UnicodeScalarView()
        for (i, w) in source.words.enumerated() {
            if i > 0 { joined.append(" ") }
            starts.append(joined.count)
            joined.append(contentsOf: w.surface.unicodeScalars)
        }
        let text = String(joined)
        func word(at offset: Int) -> Int {
            var lo = 0, hi = starts.count - 1
            while lo < hi { let mid = (lo + hi + 1) / 2; if starts[mid] <= offset { lo = mid } else { hi = mid - 1 } }
            return lo
        }
        var hits: [PassageHit] = []
        for match in text.matches(of: regex) where !match.range.isEmpty {
            let a = text.unicodeScalars.distance(from: text.startIndex, to: match.range.lowerBound)
            let b = text.unicodeScalars.distance(from: text.startIndex, to: match.range.upperBound)
            let r = word(at: a)...word(at: max(a, b - 1))
            if let last = hits.last, last.words.overlaps(r) { continue }
            hits.append(
                PassageHit(words: r, span: source.span(words: r), text: source.quoteText(words: r), similarity: 1))
            if hits.count >= limit { break }
        }
        return hits
    }

    /// Up to `count` words before and after a passage, within its paragraph, and whether the paragraph goes on
    /// beyond them (before and after).
    public static func context(of words: ClosedRange<Int>, in source: SourceText, count: Int = 8)
        -> (before: String, after: String, moreBefore: Bool, moreAfter: Bool)
    {
        var a = words.lowerBound
        while a > 0, words.lowerBound - a < count, !source.words[a].startsParagraph { a -= 1 }
        var b = words.upperBound
        while b + 1 < source.words.count, b - words.upperBound < count, !source.words[b + 1].startsParagraph { b += 1 }
        let before = a < words.lowerBound ? source.quoteText(words: a...(words.lowerBound - 1)) : ""
        let after = b > words.upperBound ? source.quoteText(words: (words.upperBound + 1)...b) : ""
        let moreBefore = a > 0 && !source.words[a].startsParagraph
        let moreAfter = b + 1 < source.words.count && !source.words[b + 1].startsParagraph
        return (before, after, moreBefore, moreAfter)
    }

    /// The paragraph (blank-line separated) around a passage, as word indices.
    public static func paragraph(of words: ClosedRange<Int>, in source: SourceText) -> ClosedRange<Int> {
        var a = words.lowerBound
        while a > 0, !source.words[a].startsParagraph { a -= 1 }
        var b = words.upperBound
        while b + 1 < source.words.count, !source.words[b + 1].startsParagraph { b += 1 }
        return a...b
    }
}
