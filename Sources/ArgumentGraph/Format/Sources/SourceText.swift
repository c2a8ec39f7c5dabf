import ArgumentGraphModel
import Foundation

/// A line and column in a text, both 1-based; the column counts Unicode scalars.
public struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The 1-based line.
    public var line: Int
    /// The 1-based column, in Unicode scalars.
    public var column: Int

    /// Creates a position.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// `LINE:COLUMN`.
    public var description: String { "\(line):\(column)" }

    /// Orders by line, then column.
    public static func < (a: SourcePosition, b: SourcePosition) -> Bool { (a.line, a.column) < (b.line, b.column) }
}

/// A stretch of a source text: its Unicode scalar offsets and where it starts and ends.
public struct SourceSpan: Sendable, Hashable {
    /// Unicode scalar offsets in the file, end exclusive.
    public var characters: Range<Int>
    /// The position of the first character.
    public var start: SourcePosition
    /// The position just after the last character (on the last character's line).
    public var end: SourcePosition

    /// The lines the span touches.
    public var lines: ClosedRange<Int> { start.line...max(start.line, end.column > 1 ? end.line : end.line - 1) }

    /// The span's line location as written in `.arg` files: `L12` or `L12-14`.
    public var lineLocation: QuoteLocation { .lines(first: lines.lowerBound, last: lines.upperBound) }
}

/// A document's text split into words, with each word's place in the file.
///
/// Words are the white-space separated tokens, with the damage of PDF extraction undone: a word
/// hyphenated across a line break (`rela-` / `tive`) is one word (`relative`; `US-` / `Japan` stays
/// `US-Japan`), a footnote marker glued after punctuation (`alliance.12`) or standing alone (`[3]`, `¹²`)
/// is dropped, and an em dash separates words. Each word has a ``Word/key`` for comparison (see
/// ``TextNormalizer/key(_:)``) and a ``Word/surface``, the text as it reads.
public struct SourceText: Sendable {
    /// One word of the text.
    public struct Word: Sendable, Hashable {
        /// The comparison form: lower case letters and digits only.
        public var key: String
        /// The word as it reads, with a hyphenated line break joined.
        public var surface: String
        /// Its place in the file (Unicode scalar offsets, end exclusive).
        public var range: Range<Int>
        /// Whether a blank line (a paragraph break) comes before it.
        public var startsParagraph: Bool
    }

    /// The file's text.
    public let text: String
    /// The file's Unicode scalars, for offsets.
    public let scalars: [Unicode.Scalar]
    /// The offset at which each line starts.
    public let lineStarts: [Int]
    /// The words, in order.
    public let words: [Word]
    /// For each key, the indices of the words that have it.
    public let index: [String: [Int]]

    /// Prepares a text.
    public init(_ text: String) {
        self.text = text
        let s = Array(text.unicodeScalars)
        scalars = s
        var starts = [0]
        for (i, c) in s.enumerated() where c == "\n" { starts.append(i + 1) }
        lineStarts = starts
        words = SourceText.tokenize(s)
        var idx: [String: [Int]] = [:]
        for (i, w) in words.enumerated() { idx[w.key, default: []].append(i) }
        index = idx
    }

    /// Splits scalars into words (see the type's description).
    static func tokenize(_ s: [Unicode.Scalar]) -> [Word] {
        var out: [Word] = []
        var i = 0
        var newlines = 2
        while i < s.count {
            let c = s[i]
            if TextNormalizer.isSpace(c) || TextNormalizer.isWordBreak(c) {
                if c == "\n" { newlines += 1 }
                i += 1
                continue
            }
            var j = i
            var surface = String.UnicodeScalarView()
            while j < s.count, !TextNormalizer.isSpace(s[j]), !TextNormalizer.isWordBreak(s[j]) {
                surface.append(s[j]); j += 1
            }
            // A word hyphenated at a line break continues after the break.
            while let last = surface.last, last == "-" || last == "\u{00AD}", surface.count > 1,
                surface[surface.index(surface.endIndex, offsetBy: -2)].properties.isAlphabetic
            {
                var k = j, sawBreak = false
                while k < s.count, TextNormalizer.isSpace(s[k]) { if s[k] == "\n" { sawBreak = true }; k += 1 }
                guard sawBreak, k < s.count, s[k].properties.isAlphabetic else { break }
                if s[k].properties.isLowercase { surface.removeLast() }
                j = k
                while j < s.count, !TextNormalizer.isSpace(s[j]), !TextNormalizer.isWordBreak(s[j]) {
                    surface.append(s[j]); j += 1
                }
            }
            var word = String(surface)
            word = TextNormalizer.strippingFootnoteMarker(word)
            let key = TextNormalizer.key(word)
            if !key.isEmpty, !TextNormalizer.isFootnoteMarker(word) {
                out.append(Word(key: key, surface: word, range: i..<j, startsParagraph: newlines >= 2))
                newlines = 0
            }
            i = j
        }
        return out
    }

    /// The position of a scalar offset.
    public func position(of offset: Int) -> SourcePosition {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return SourcePosition(line: lo + 1, column: offset - lineStarts[lo] + 1)
    }

    /// The span of scalar offsets `r`.
    public func span(_ r: Range<Int>) -> SourceSpan {
        SourceSpan(characters: r, start: position(of: r.lowerBound), end: position(of: r.upperBound))
    }

    /// The span of words `first...last`.
    public func span(words r: ClosedRange<Int>) -> SourceSpan {
        span(words[r.lowerBound].range.lowerBound..<words[r.upperBound].range.upperBound)
    }

    /// The words `r` as a quote would give them: surfaces joined by single spaces, or by the em dash that
    /// joins them in the source (footnote markers and line breaks between them are left out).
    public func quoteText(words r: ClosedRange<Int>) -> String {
        var out = words[r.lowerBound].surface
        var k = r.lowerBound
        while k < r.upperBound {
            out += separator(after: k) + words[k + 1].surface
            k += 1
        }
        return out
    }

    /// What stands between word `k` and the next: `—` (with the spaces around it, folded) or one space.
    func separator(after k: Int) -> String {
        let gap = scalars[words[k].range.upperBound..<words[k + 1].range.lowerBound]
        guard let dash = gap.firstIndex(where: TextNormalizer.isWordBreak) else { return " " }
        let before = gap[gap.startIndex..<dash].contains(where: TextNormalizer.isSpace)
        let after = gap[(dash + 1)...].contains(where: TextNormalizer.isSpace)
        return (before ? " " : "") + String(gap[dash]) + (after ? " " : "")
    }

    /// The number of lines.
    public var lineCount: Int { lineStarts.count - (scalars.last == "\n" ? 1 : 0) }

    /// Line `n` (1-based) without its line break.
    public func line(_ n: Int) -> String {
        guard n >= 1, n <= lineStarts.count else { return "" }
        let a = lineStarts[n - 1]
        var b = n < lineStarts.count ? lineStarts[n] - 1 : scalars.count
        if b > a, scalars[b - 1] == "\r" { b -= 1 }
        var v = String.UnicodeScalarView()
        v.append(contentsOf: scalars[a..<max(a, b)])
        return String(v)
    }

    /// The index of the first word that ends after `offset`, or `words.count`.
    public func wordIndex(atOrAfter offset: Int) -> Int {
        var lo = 0, hi = words.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if words[mid].range.upperBound <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
