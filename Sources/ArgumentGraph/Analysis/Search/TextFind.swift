import ArgumentGraphModel
import Foundation

/// Finds claims by their text and their quotes: a case- and accent-blind substring, or `/REGEX/`.
public enum TextFind {
    /// A claim found, with the text to show: its own text, or `actor: “quote”` when only a quote matched.
    public struct Hit: Sendable, Equatable {
        /// The claim's index.
        public let claim: Int
        /// The claim's text, or the matching quote with its actor.
        public let shown: String
    }

    /// Up to `limit` claims whose text or quotes contain `query` (ignoring case and accents), or match
    /// it as a regular expression (case-insensitive) when written `/REGEX/`, in claim order; and how many
    /// match in all. `index` gives the folded texts' scan (``FoldedTextScan/init(_:)-(Graph)``), for a caller
    /// that keeps one; nil when `cancel` said stop. Throws for an invalid regular expression.
    public static func find(
        _ query: String, in g: Graph, limit: Int,
        index: (() -> FoldedTextScan)? = nil,
        cancel: (() -> Bool)? = nil
    ) throws(DiagnosticError) -> (hits: [Hit], total: Int)? {
        var hits: [Hit] = []
        var total = 0
        func quote(of claim: Int, _ matches: (String) -> Bool) -> String? {
            for s in g.stancesOfClaim[claim] {
                let st = g.stances[Int(s)]
                if let q = st.quotes.first(where: { matches($0.text) }) {
                    return g.actors[st.actor].id + ": “" + q.text + "”"
                }
            }
            return nil
        }
        if query.count >= 2, query.hasPrefix("/"), query.hasSuffix("/") {
            let pattern = String(query.dropFirst().dropLast())
            let regex: Regex<AnyRegexOutput>
            do { regex = try Regex(pattern).ignoresCase() } catch {
                throw DiagnosticError([Diagnostic(.error, "invalid regular expression /\(pattern)/", hint: "\(error)")])
            }
            for (i, c) in g.claims.enumerated() {
                if i % 1024 == 0, let cancel, cancel() { return nil }
                let shown = c.text.contains(regex) ? c.text : quote(of: i) { $0.contains(regex) }
                guard let shown else { continue }
                total += 1
                if hits.count < limit { hits.append(Hit(claim: i, shown: shown)) }
            }
        } else {
            let needle = TextSearch.fold(query)
            let scan = index?() ?? FoldedTextScan(g)
            for (n, i) in scan.matches(needle).enumerated() {
                if n % 1024 == 0, let cancel, cancel() { return nil }
                total += 1
                guard hits.count < limit else { continue }
                let c = g.claims[i]
                let own = TextSearch.fold(c.text).contains(needle)
                hits.append(
                    Hit(claim: i, shown: own ? c.text : quote(of: i) { TextSearch.fold($0).contains(needle) } ?? c.text)
                )
            }
        }
        return (hits, total)
    }

    /// Each claim's text and quotes, folded for case- and diacritic-insensitive search: the texts
    /// ``FoldedTextScan`` lays out (it folds them itself, without this array).
    public static func foldedTexts(_ g: Graph) -> [String] {
        g.claims.indices.map { c in
            var s = g.claims[c].text
            for st in g.stancesOfClaim[c] { for q in g.stances[Int(st)].quotes { s += "\n" + q.text } }
            return TextSearch.fold(s)
        }
    }
}

/// Case- and diacritic-insensitive text matching.
public enum TextSearch {
    /// Lower-cases and strips accents: `Tōkyō` → `tokyo`.
    public static func fold(_ s: String) -> String {
        // ASCII folds to its lower case (checked against Foundation for every ASCII character in the tests).
        let ascii = s.utf8.withContiguousStorageIfAvailable { b -> String? in
            guard b.allSatisfy({ $0 < 0x80 }) else { return nil }
            return String(unsafeUninitializedCapacity: b.count) { out in
                for i in b.indices { let c = b[i]; out[i] = c >= 0x41 && c <= 0x5A ? c | 0x20 : c }
                return b.count
            }
        }
        if let folded = ascii ?? nil { return folded }
        return s.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }
}

/// Folded claim texts laid out for fast substring search: the all-ASCII ones end to end in one byte
/// array (each followed by a NUL), the others kept apart as strings. It is the only copy of the folded
/// texts a caller needs to keep: on a graph of 10^6 claims, an array of one folded `String` per claim
/// beside it would take about as much memory again.
///
/// For an ASCII needle without NUL, a byte match in an ASCII text is exactly what `String.contains`
/// answers there (no character of ASCII text spans several bytes); every other case falls back to it.
public struct FoldedTextScan: Sendable, Equatable {
    /// The ASCII texts, each followed by a NUL byte.
    let bytes: [UInt8]
    /// Where each ASCII text starts in ``bytes``, and one past the last.
    let starts: [Int]
    /// The claim index of each ASCII text.
    let claims: [Int32]
    /// The claims whose folded text is not all ASCII (or holds a NUL), in index order.
    let others: [Int32]
    /// Their folded texts.
    let otherTexts: [String]

    /// Lays out folded texts, one per claim.
    public init(_ folded: [String]) {
        var b = Builder()
        for (i, text) in folded.enumerated() { b.add(claim: i, folded: text) }
        self.init(b)
    }

    /// Folds and lays out each claim's text and quotes, as ``TextFind/foldedTexts(_:)`` folds them, without
    /// making a `String` for each: all-ASCII texts and quotes are lower-cased straight into the byte array.
    public init(_ g: Graph) {
        var b = Builder()
        var quotes: [String] = []
        for c in g.claims.indices {
            quotes.removeAll(keepingCapacity: true)
            for st in g.stancesOfClaim[c] { for q in g.stances[Int(st)].quotes { quotes.append(q.text) } }
            if !b.addASCII(claim: c, text: g.claims[c].storedText, quotes: quotes) {
                b.add(claim: c, folded: TextSearch.fold(([g.claims[c].text] + quotes).joined(separator: "\n")))
            }
        }
        self.init(b)
    }

    private init(_ b: Builder) {
        bytes = b.bytes
        starts = b.starts + [b.bytes.count]
        claims = b.claims
        others = b.others
        otherTexts = b.otherTexts
    }

    /// The number of texts laid out (one per claim).
    public var count: Int { claims.count + others.count }

    /// Collects the layout, claim by claim in index order.
    private struct Builder {
        var bytes: [UInt8] = [], starts: [Int] = [], claims: [Int32] = []
        var others: [Int32] = [], otherTexts: [String] = []

        /// Adds a folded text.
        mutating func add(claim: Int, folded text: String) {
            let utf8 = text.utf8
            let ascii =
                utf8.withContiguousStorageIfAvailable { b in b.allSatisfy { $0 < 0x80 && $0 != 0 } }
                ?? utf8.allSatisfy { $0 < 0x80 && $0 != 0 }
            if ascii {
                starts.append(bytes.count)
                claims.append(Int32(claim))
                if utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) == nil {
                    bytes.append(contentsOf: utf8)
                }
                bytes.append(0)
            } else {
                others.append(Int32(claim))
                otherTexts.append(text)
            }
        }

        /// Adds a claim's text and its quotes joined by newlines and lower-cased, when every byte is ASCII and none is
        /// NUL (folding is then lower-casing, byte by byte); false, adding nothing, otherwise.
        mutating func addASCII(claim: Int, text: ClaimText, quotes: [String]) -> Bool {
            let start = bytes.count
            func add(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
                for c in p {
                    guard c < 0x80, c != 0 else { return false }
                    bytes.append(c >= 0x41 && c <= 0x5A ? c | 0x20 : c)
                }
                return true
            }
            var ok = text.withUTF8(add)
            for quote in quotes where ok {
                bytes.append(0x0A)
                var quote = quote
                ok = quote.withUTF8(add)
            }
            if !ok {
                bytes.removeSubrange(start...)
                return false
            }
            bytes.append(0)
            starts.append(start)
            claims.append(Int32(claim))
            return true
        }
    }

    /// The claims (ascending) whose folded text contains `needle`, as `String.contains` answers on each.
    public func matches(_ needle: String) -> [Int] {
        let n = Array(needle.utf8)
        let rest = others.indices.filter { otherTexts[$0].contains(needle) }.map { Int(others[$0]) }
        guard !n.isEmpty, n.allSatisfy({ $0 < 0x80 && $0 != 0 }) else {
            // Exactly what `contains` says on every text, ASCII ones included (a needle of other scalars may
            // still be canonically equivalent to ASCII text).
            let ascii = claims.indices.filter { k in
                String(decoding: bytes[starts[k]..<(starts[k + 1] - 1)], as: UTF8.self).contains(needle)
            }.map { Int(claims[$0]) }
            return Self.merge(ascii, rest)
        }
        var found: [Int] = []
        bytes.withUnsafeBufferPointer { hay in
            let first = n[0], count = hay.count, m = n.count
            var text = 0, p = 0
            while p + m <= count {
                if hay[p] != first { p += 1; continue }
                var k = 1
                while k < m && hay[p + k] == n[k] { k += 1 }
                if k < m { p += 1; continue }
                // A match at p: find its text (the last start at or before p), record it, skip to the next text.
                var lo = text, hi = starts.count - 1
                while lo + 1 < hi { let mid = (lo + hi) / 2; if starts[mid] <= p { lo = mid } else { hi = mid } }
                text = lo
                found.append(Int(claims[text]))
                text += 1
                p = starts[text]
            }
        }
        return Self.merge(found, rest)
    }

    /// Two ascending lists of claims as one.
    private static func merge(_ a: [Int], _ b: [Int]) -> [Int] {
        if b.isEmpty { return a }
        if a.isEmpty { return b }
        var out: [Int] = [], i = 0, j = 0
        out.reserveCapacity(a.count + b.count)
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i] < b[j]) {
                out.append(a[i]); i += 1
            } else {
                out.append(b[j]); j += 1
            }
        }
        return out
    }
}
