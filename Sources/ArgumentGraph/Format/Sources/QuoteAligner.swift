import ArgumentGraphModel

/// One word of a quote set against the source.
public struct WordEdit: Sendable, Hashable {
    /// How the quote's word and the source's word differ.
    public enum Kind: String, Sendable, Hashable {
        /// The same word, as written.
        case same
        /// The same word written differently: case, curly or straight quotes, punctuation.
        case cosmetic
        /// A different word.
        case changed
        /// A word of the quote that the source does not have here.
        case dropped
        /// A word of the source that the quote leaves out.
        case added
        /// Source words the quote elides with an ellipsis.
        case elided
    }

    /// The difference.
    public var kind: Kind
    /// The quote's word (nil for `added` and `elided`).
    public var quote: String?
    /// The source's word (nil for `dropped`); for `elided`, the number of words left out.
    public var source: String?
}

/// The best place of a quote in one source text, word by word.
public struct QuoteAlignment: Sendable, Hashable {
    /// The source words the passage runs over.
    public var words: ClosedRange<Int>
    /// The passage in the source file.
    public var span: SourceSpan
    /// The number of changed, dropped and added words (cosmetic differences cost nothing).
    public var cost: Int
    /// The quote's words (without ellipses).
    public var quoteWords: Int
    /// The word-by-word difference, in order.
    public var edits: [WordEdit]
    /// The quote rewritten to the source's words, keeping its ellipses.
    public var fixedText: String

    /// 1 − cost / quote words: 1 for a perfect match, 0 or less for none.
    public var similarity: Double { quoteWords == 0 ? 0 : 1 - Double(cost) / Double(quoteWords) }

    /// Whether every word stands in the source exactly as quoted (ellipses aside).
    public var isVerbatim: Bool { edits.allSatisfy { $0.kind == .same || $0.kind == .elided } }

    /// Whether the words are all there and only their writing differs.
    public var isCosmetic: Bool { cost == 0 && !isVerbatim }

    /// How many of the quote's words match a source word (exactly or cosmetically).
    public var matchedWords: Int { edits.count { $0.kind == .same || $0.kind == .cosmetic } }
}

/// Finds the passages of a source text closest to a quote by a word-level alignment.
///
/// Candidate places come from the words the quote shares with the source (rarer words weigh more);
/// each place is aligned in a window a little wider than the quote (plus room for what an ellipsis
/// elides), so a quote costs O(quote × window) per candidate, never a scan of the whole text.
/// Cost: a changed, dropped or added word costs 1; case, quotation marks, apostrophes, dashes and
/// punctuation cost nothing (they are ``WordEdit/Kind/cosmetic``); an ellipsis in the quote skips any
/// number of source words for free; the first and last quoted words may be cut from a longer word.
public struct QuoteAligner: Sendable {
    /// The most candidate places aligned per quote.
    public var candidates = 6
    /// How many source words an ellipsis may skip.
    public var maxElided = 400
    /// The longest quote aligned, in words: the alignment costs quote × window per candidate, so a longer
    /// quote (a pasted page) gets no alignment rather than hundreds of megabytes.
    public var maxQuoteWords = 1500

    /// An aligner with the default limits.
    public init() {}

    /// The best alignments of `quote` in `source`, best first, at different (non-overlapping) places.
    public func align(_ quote: String, in source: SourceText) -> [QuoteAlignment] {
        let tokens = TextNormalizer.quoteTokens(quote)
        let keys = tokens.map { TextNormalizer.isEllipsis($0) ? "" : TextNormalizer.key($0) }
        let m = tokens.count
        let wordCount = keys.count { !$0.isEmpty }
        guard wordCount > 0, m <= maxQuoteWords, !source.words.isEmpty else { return [] }
        let hasEllipsis = keys.contains("")
        // Vote for diagonals (source index − quote index), rarer words weighing more.
        var votes: [Int: Double] = [:]
        for (i, k) in keys.enumerated() where !k.isEmpty {
            guard let hits = source.index[k] else { continue }
            let w = 1 / Double(hits.count)
            for p in hits { votes[p - i, default: 0] += w }
        }
        if votes.isEmpty { return [] }
        let slack = max(4, m / 3)
        var chosen: [Int] = []
        for (d, _) in votes.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }) {
            if chosen.count >= candidates { break }
            if chosen.contains(where: { abs($0 - d) <= m / 2 + 2 }) && !hasEllipsis { continue }
            if hasEllipsis && chosen.contains(where: { abs($0 - d) <= 2 }) { continue }
            chosen.append(d)
        }
        var results: [QuoteAlignment] = []
        for d in chosen {
            let a = max(0, d - slack), b = min(source.words.count, d + m + slack + (hasEllipsis ? maxElided : 0))
            guard a < b, let r = alignWindow(tokens, keys, source, a..<b) else { continue }
            results.append(r)
        }
        results.sort { $0.cost != $1.cost ? $0.cost < $1.cost : $0.words.lowerBound < $1.words.lowerBound }
        // Keep the best per place.
        var out: [QuoteAlignment] = []
        for r in results where !out.contains(where: { $0.words.overlaps(r.words) }) { out.append(r) }
        return out
    }

    /// Joins the pieces of a fixed quote as the source joins its words (see ``SourceText/quoteText(words:)``).
    static func join(_ pieces: [(text: String, from: Int, to: Int)], _ source: SourceText) -> String {
        var out = ""
        for (k, p) in pieces.enumerated() {
            if k > 0 {
                let prev = pieces[k - 1]
                out += prev.to >= 0 && p.from == prev.to + 1 ? source.separator(after: prev.to) : " "
            }
            out += p.text
        }
        return out
    }

    /// Step costs in tenths: a source word the quote leaves out costs a little less than a dropped or changed
    /// word, so that of two equally good alignments the one keeping the quote's last words is taken.
    static let changeCost: Int32 = 10, dropCost: Int32 = 10, addCost: Int32 = 9

    private enum Step: UInt8 { case none, diagonal, dropQuote, addSource, gap, splitInSource, splitInQuote }

    /// The semi-global alignment of the quote against source words `window` (free start and end).
    private func alignWindow(_ tokens: [String], _ keys: [String], _ source: SourceText, _ window: Range<Int>)
        -> QuoteAlignment?
    {
        let m = tokens.count, n = window.count
        let w = n + 1
        var cost = [Int32](repeating: 0, count: (m + 1) * w)
        var step = [Step](repeating: .none, count: (m + 1) * w)
        var gapFrom = [Int32](repeating: 0, count: (m + 1) * w)
        let lastWord = keys.lastIndex { !$0.isEmpty } ?? 0
        let firstWord = keys.firstIndex { !$0.isEmpty } ?? 0
        func sub(_ i: Int, _ j: Int) -> Int32 {
            let sk = source.words[window.lowerBound + j].key, qk = keys[i]
            if sk == qk { return 0 }
            if i == firstWord, qk.count >= 2, sk.hasSuffix(qk),
                source.words[window.lowerBound + j].surface.hasSuffix(tokens[i])
            {
                return 0
            }
            if i == lastWord, qk.count >= 2, sk.hasPrefix(qk),
                source.words[window.lowerBound + j].surface.hasPrefix(tokens[i])
            {
                return 0
            }
            return 1
        }
        for i in 1...m {
            let row = i * w, prev = (i - 1) * w
            if keys[i - 1].isEmpty {
                var bestJ = 0
                for j in 0...n {
                    if cost[prev + j] < cost[prev + bestJ] { bestJ = j }
                    if j - bestJ > maxElided {  // the gap may not exceed maxElided: rescan the allowed stretch
                        bestJ = j - maxElided
                        for k in (j - maxElided)...j where cost[prev + k] < cost[prev + bestJ] { bestJ = k }
                    }
                    cost[row + j] = cost[prev + bestJ]
                    step[row + j] = .gap
                    gapFrom[row + j] = Int32(bestJ)
                }
                continue
            }
            cost[row] = cost[prev] + Self.dropCost
            step[row] = .dropQuote
            for j in 1...max(1, n) where j <= n {
                var c = cost[prev + j - 1] + sub(i - 1, j - 1) * Self.changeCost, s = Step.diagonal
                if cost[prev + j] + Self.dropCost < c { c = cost[prev + j] + Self.dropCost; s = .dropQuote }
                // Inside the passage a skipped source word costs; before the first quote word it is free (semi-global).
                if cost[row + j - 1] + Self.addCost < c { c = cost[row + j - 1] + Self.addCost; s = .addSource }
                // One word written as two (`U.S.-Japan` against `U.S.- Japan`), either way round, costs nothing.
                if j >= 2, cost[prev + j - 2] < c, keys[i - 1].count > 1,
                    source.words[window.lowerBound + j - 2].key + source.words[window.lowerBound + j - 1].key
                        == keys[i - 1]
                {
                    c = cost[prev + j - 2]; s = .splitInSource
                }
                if i >= 2, !keys[i - 2].isEmpty, cost[(i - 2) * w + j - 1] < c,
                    source.words[window.lowerBound + j - 1].key.count > 1,
                    keys[i - 2] + keys[i - 1] == source.words[window.lowerBound + j - 1].key
                {
                    c = cost[(i - 2) * w + j - 1]; s = .splitInQuote
                }
                cost[row + j] = c
                step[row + j] = s
            }
        }
        // Of equally cheap ends, the last: a changed last word is set against the source's word there rather than
        // dropped (as a changed first word already is), so the passage and its fix keep the quote's length.
        var end = 0
        for j in 0...n where cost[m * w + j] <= cost[m * w + end] { end = j }
        // Trace back.
        var edits: [WordEdit] = []
        var fixed: [(text: String, from: Int, to: Int)] = []  // pieces with their source words (-1: none)
        var i = m, j = end
        var first = Int.max, last = -1
        var startCut: Int?, endCut: Int?  // offsets where a quote cut from a longer word starts or ends
        while i > 0 {
            switch step[i * w + j] {
            case .diagonal:
                let sw = source.words[window.lowerBound + j - 1]
                let q = tokens[i - 1]
                let kind: WordEdit.Kind
                let sameCount = sw.surface.unicodeScalars.count == sw.range.count
                if sw.surface == q {
                    kind = .same
                } else if i - 1 == firstWord, sw.surface.hasSuffix(q), sub(i - 1, j - 1) == 0 {
                    kind = .same
                    if sameCount { startCut = sw.range.upperBound - q.unicodeScalars.count }
                } else if i - 1 == lastWord, sw.surface.hasPrefix(q), sub(i - 1, j - 1) == 0 {
                    kind = .same
                    if sameCount { endCut = sw.range.lowerBound + q.unicodeScalars.count }
                } else {
                    kind = sw.key == keys[i - 1] ? .cosmetic : .changed
                }
                edits.append(WordEdit(kind: kind, quote: q, source: sw.surface))
                fixed.append((kind == .same ? q : sw.surface, window.lowerBound + j - 1, window.lowerBound + j - 1))
                first = min(first, window.lowerBound + j - 1)
                last = max(last, window.lowerBound + j - 1)
                i -= 1; j -= 1
            case .splitInSource:
                let a = source.words[window.lowerBound + j - 2].surface,
                    b = source.words[window.lowerBound + j - 1].surface
                edits.append(WordEdit(kind: .cosmetic, quote: tokens[i - 1], source: a + " " + b))
                fixed.append(
                    (
                        a + source.separator(after: window.lowerBound + j - 2) + b, window.lowerBound + j - 2,
                        window.lowerBound + j - 1
                    ))
                first = min(first, window.lowerBound + j - 2)
                last = max(last, window.lowerBound + j - 1)
                i -= 1; j -= 2
            case .splitInQuote:
                let sw = source.words[window.lowerBound + j - 1].surface
                edits.append(WordEdit(kind: .cosmetic, quote: tokens[i - 2] + " " + tokens[i - 1], source: sw))
                fixed.append((sw, window.lowerBound + j - 1, window.lowerBound + j - 1))
                first = min(first, window.lowerBound + j - 1)
                last = max(last, window.lowerBound + j - 1)
                i -= 2; j -= 1
            case .dropQuote:
                edits.append(WordEdit(kind: .dropped, quote: tokens[i - 1], source: nil))
                i -= 1
            case .addSource:
                let sw = source.words[window.lowerBound + j - 1]
                edits.append(WordEdit(kind: .added, quote: nil, source: sw.surface))
                fixed.append((sw.surface, window.lowerBound + j - 1, window.lowerBound + j - 1))
                first = min(first, window.lowerBound + j - 1)
                last = max(last, window.lowerBound + j - 1)
                j -= 1
            case .gap:
                let from = Int(gapFrom[i * w + j])
                edits.append(
                    WordEdit(kind: .elided, quote: tokens[i - 1], source: i == 1 || i == m ? nil : String(j - from)))
                fixed.append((tokens[i - 1], -1, -1))
                j = from
                i -= 1
            case .none:
                i = 0
            }
        }
        guard last >= 0 else { return nil }
        edits.reverse()
        fixed.reverse()
        var lower = source.words[first].range.lowerBound, upper = source.words[last].range.upperBound
        if let c = startCut, c > lower, c < upper { lower = c }
        if let c = endCut, c > lower, c < upper { upper = c }
        let r = lower..<upper
        return QuoteAlignment(
            words: first...last, span: source.span(r),
            cost: edits.count { $0.kind == .changed || $0.kind == .dropped || $0.kind == .added },
            quoteWords: keys.count { !$0.isEmpty }, edits: edits, fixedText: Self.join(fixed, source))
    }
}
