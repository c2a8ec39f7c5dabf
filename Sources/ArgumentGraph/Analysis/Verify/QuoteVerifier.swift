import Foundation

/// Checks that every quote in a graph stands word for word in its document's source text.
///
/// A quote matches when it is a substring of the source after white space is folded to single
/// spaces; words hyphenated across a line break (`rela-` / `tive`, as PDF extraction leaves them)
/// may also be joined. A quote that carries a location must stand at that location.
public struct QuoteVerifier: Sendable {
    /// The folder that holds the documents' `file`s.
    public var sourceDirectory: String

    /// Creates a verifier reading sources from `sourceDirectory`.
    public init(sourceDirectory: String) { self.sourceDirectory = sourceDirectory }

    /// The outcome for one quote.
    public enum Status: Sendable, Hashable {
        /// Found; `characters` is its place in the source file (Unicode scalar offsets, end exclusive).
        case found(characters: Range<Int>, lines: ClosedRange<Int>)
        /// Not in the source; `matchedPrefix` is how many characters of the quote were found in a row.
        case notFound(matchedPrefix: String)
        /// Found, but not where the quote's location says.
        case wrongLocation(actual: Range<Int>, lines: ClosedRange<Int>)
        /// The stance names no document, or the document names no file, so nothing can be checked.
        case noSource(String)
    }

    /// One quote's result.
    public struct Check: Sendable, Hashable {
        /// The index of the stance in `Graph.stances`.
        public var stance: Int
        /// The index of the quote in the stance.
        public var quote: Int
        /// What was found.
        public var status: Status

        /// Whether the quote was verified.
        public var isVerified: Bool {
            if case .found = status { return true }
            return false
        }
    }

    /// Checks every quote; a source file that cannot be read is reported for each of its quotes.
    public func verify(_ graph: Graph) -> [Check] {
        var cache: [String: SourceText?] = [:]
        var checks: [Check] = []
        for (si, stance) in graph.stances.enumerated() {
            for (qi, quote) in stance.quotes.enumerated() {
                guard let d = stance.document else {
                    checks.append(Check(stance: si, quote: qi, status: .noSource("the stance names no document")))
                    continue
                }
                let doc = graph.documents[d]
                guard let file = doc.file else {
                    checks.append(Check(stance: si, quote: qi, status: .noSource("document '\(doc.id)' names no file")))
                    continue
                }
                if cache[file] == nil {
                    let path = (sourceDirectory as NSString).appendingPathComponent(file)
                    cache[file] = (try? String(contentsOfFile: path, encoding: .utf8)).map(SourceText.init)
                }
                guard let source = cache[file] ?? nil else {
                    checks.append(Check(stance: si, quote: qi, status: .noSource("cannot read '\(file)' in \(sourceDirectory)")))
                    continue
                }
                checks.append(Check(stance: si, quote: qi, status: source.locate(quote)))
            }
        }
        return checks
    }
}

/// A source text prepared for quote search, in two foldings, with maps back to the original offsets.
struct SourceText {
    let original: [Unicode.Scalar]
    let lineStarts: [Int]
    let folded: Folded
    let joined: Folded

    struct Folded {
        let scalars: [Unicode.Scalar]
        /// For each folded scalar, its offset in the original.
        let offsets: [Int]
    }

    init(_ text: String) {
        original = Array(text.unicodeScalars)
        var starts = [0]
        for (i, s) in original.enumerated() where s == "\n" { starts.append(i + 1) }
        lineStarts = starts
        folded = SourceText.fold(original, joinHyphens: false)
        joined = SourceText.fold(original, joinHyphens: true)
    }

    static func isSpace(_ s: Unicode.Scalar) -> Bool { s.properties.isWhitespace }

    /// Folds runs of white space to one space; optionally drops `-` + line break + white space before a letter.
    static func fold(_ input: [Unicode.Scalar], joinHyphens: Bool) -> Folded {
        var out: [Unicode.Scalar] = []
        var offsets: [Int] = []
        out.reserveCapacity(input.count)
        offsets.reserveCapacity(input.count)
        var i = 0
        while i < input.count {
            let s = input[i]
            if joinHyphens, s == "-" {
                var j = i + 1
                var sawBreak = false
                while j < input.count, isSpace(input[j]) {
                    if input[j] == "\n" { sawBreak = true }
                    j += 1
                }
                if sawBreak, j < input.count, input[j].properties.isAlphabetic, i > 0, input[i - 1].properties.isAlphabetic {
                    i = j
                    continue
                }
            }
            if isSpace(s) {
                var j = i
                while j < input.count, isSpace(input[j]) { j += 1 }
                if !out.isEmpty { out.append(" "); offsets.append(i) }
                i = j
                continue
            }
            out.append(s)
            offsets.append(i)
            i += 1
        }
        if out.last == " " { out.removeLast(); offsets.removeLast() }
        return Folded(scalars: out, offsets: offsets)
    }

    func line(of offset: Int) -> Int {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo + 1
    }

    func locate(_ quote: Quote) -> QuoteVerifier.Status {
        let q = SourceText.fold(Array(quote.text.unicodeScalars), joinHyphens: false).scalars
        guard !q.isEmpty else { return .notFound(matchedPrefix: "") }
        var ranges: [Range<Int>] = []
        for f in [folded, joined] {
            var from = 0
            while let hit = SourceText.find(q, in: f.scalars, from: from) {
                let r = f.offsets[hit]..<(f.offsets[hit + q.count - 1] + 1)
                if !ranges.contains(r) { ranges.append(r) }
                from = hit + 1
            }
        }
        guard let first = ranges.first else {
            // Find the longest prefix that does occur, to show where the quote departs from the source.
            var lo = 0, hi = q.count
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                let prefix = Array(q[0..<mid])
                if SourceText.find(prefix, in: folded.scalars, from: 0) != nil || SourceText.find(prefix, in: joined.scalars, from: 0) != nil {
                    lo = mid
                } else {
                    hi = mid - 1
                }
            }
            var s = String.UnicodeScalarView()
            s.append(contentsOf: q[0..<lo])
            return .notFound(matchedPrefix: String(s))
        }
        func lines(_ r: Range<Int>) -> ClosedRange<Int> { line(of: r.lowerBound)...line(of: max(r.lowerBound, r.upperBound - 1)) }
        switch quote.location {
        case nil:
            return .found(characters: first, lines: lines(first))
        case let .characters(start, end)?:
            if let r = ranges.first(where: { $0 == start..<end }) { return .found(characters: r, lines: lines(r)) }
            return .wrongLocation(actual: first, lines: lines(first))
        case let .lines(a, b)?:
            if let r = ranges.first(where: { lines($0).lowerBound >= a && lines($0).upperBound <= b }) {
                return .found(characters: r, lines: lines(r))
            }
            return .wrongLocation(actual: first, lines: lines(first))
        }
    }

    static func find(_ needle: [Unicode.Scalar], in haystack: [Unicode.Scalar], from: Int) -> Int? {
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        var i = from
        let last = haystack.count - needle.count
        let first = needle[0]
        while i <= last {
            if haystack[i] == first {
                var k = 1
                while k < needle.count, haystack[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
