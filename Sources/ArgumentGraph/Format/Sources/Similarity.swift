import ArgumentGraphModel
import Foundation

/// TF-IDF vectors of short texts over stemmed words, stop words removed, compared by cosine.
public struct SimilarityIndex: Sendable {
    /// Common English words that carry no position.
    public static let stopWords: Set<String> = Set(
        """
        a about above after again against all also am an and any are as at be because been before being below between both but by \
        can could did do does doing down during each even few for from further had has have having he her here hers him his how i if \
        in into is it its itself just may might more most must my no nor not now of off on once only or other our ours out over own \
        same shall she should so some such than that the their theirs them then there these they this those through thus to too under \
        until up upon us very was we were what when where whether which while who whom why will with within without would yet you your \
        s t one two also however rather
        """.split(separator: " ").map(String.init))

    /// The terms of a text: word keys (see ``TextNormalizer/key(_:)``), stop words removed, stemmed.
    public static func terms(_ text: String) -> [String] {
        TextNormalizer.quoteTokens(text).compactMap { t in
            let k = TextNormalizer.key(t)
            guard k.count > 1, !stopWords.contains(k), !k.allSatisfy(\.isNumber) else { return nil }
            return Stemmer.stem(k)
        }
    }

    /// Per text, its unit-length vector as (term id, weight), sorted by term id.
    public let vectors: [[(term: Int, weight: Double)]]

    /// Builds vectors for texts: weight (1 + ln tf) · ln(N / df), then normalised (a term in every text weighs nothing).
    public init(_ texts: [String]) {
        var ids: [String: Int] = [:]
        var counts: [[Int: Int]] = []
        var df: [Int] = []
        for t in texts {
            var c: [Int: Int] = [:]
            for term in SimilarityIndex.terms(t) {
                let id: Int
                if let i = ids[term] { id = i } else { id = ids.count; ids[term] = id; df.append(0) }
                c[id, default: 0] += 1
            }
            for id in c.keys { df[id] += 1 }
            counts.append(c)
        }
        let n = Double(texts.count)
        vectors = counts.map { c in
            var v = c.map { (term: $0.key, weight: (1 + log(Double($0.value))) * log(n / Double(df[$0.key]))) }
            let norm = sqrt(v.reduce(0) { $0 + $1.weight * $1.weight })
            if norm > 0 { v = v.map { ($0.term, $0.weight / norm) } }
            return v.sorted { $0.term < $1.term }
        }
    }

    /// The cosine of texts `a` and `b` (0 to 1).
    public func cosine(_ a: Int, _ b: Int) -> Double {
        let x = vectors[a], y = vectors[b]
        var i = 0, j = 0, s = 0.0
        while i < x.count && j < y.count {
            if x[i].term == y[j].term {
                s += x[i].weight * y[j].weight; i += 1; j += 1
            } else if x[i].term < y[j].term {
                i += 1
            } else {
                j += 1
            }
        }
        return s
    }
}

/// Pairs of claims, or of a claim and an uncovered sentence, from different documents whose wording is alike:
/// candidates for one shared claim with a stance from each document.
public enum Restatements {
    /// One side of a pair: a claim's quotes in one document, or a sentence no quote covers.
    public struct Side: Sendable, Hashable {
        /// The claim, or nil for an uncovered sentence.
        public var claim: Int?
        /// The document (nil: the claim's stances name none).
        public var document: Int?
        /// The words shown: the claim's quotes in that document (its text if it has none), or the sentence.
        public var text: String
        /// The words compared: for a claim, its text and its quotes in that document; for a sentence, the sentence.
        public var compared: String
        /// Where the sentence stands, for an uncovered sentence.
        public var span: SourceSpan?
    }

    /// A ranked pair.
    public struct Pair: Sendable, Hashable {
        /// The claim side.
        public var first: Side
        /// A claim of another document, or an uncovered sentence.
        public var second: Side
        /// The TF-IDF cosine (0 to 1).
        public var score: Double

        /// Whether both sides are one claim, quoted in two documents.
        public var isSameClaim: Bool { first.claim != nil && first.claim == second.claim }
    }

    /// The pairs scoring at least `minimum`, best first; with `claim`, only pairs that include it.
    ///
    /// `coverage` (from ``Coverage/compute(_:library:)``) adds each document's uncovered sentences.
    /// A pair of two claims is listed once, for its best-scoring pair of documents. With `sameClaim`, a claim
    /// quoted in two documents (a position already shared) is paired with itself too, scored on its quotes
    /// alone (``Pair/isSameClaim``): these show what the measure finds for known restatements.
    public static func rank(
        _ graph: Graph, coverage: [DocumentCoverage] = [], minimum: Double = 0.2, claim: Int? = nil,
        sameClaim: Bool = false
    ) -> [Pair] {
        var sides: [Side] = []
        for c in graph.claims.indices {
            var byDoc: [Int?: [String]] = [:]
            var order: [Int?] = []
            for s in graph.stancesOfClaim[c] {
                let st = graph.stances[Int(s)]
                if byDoc[st.document] == nil { order.append(st.document); byDoc[st.document] = [] }
                byDoc[st.document]!.append(contentsOf: st.quotes.map(\.text))
            }
            for d in order {
                let quotes = byDoc[d] ?? []
                sides.append(
                    Side(
                        claim: c, document: d,
                        text: quotes.isEmpty ? graph.claims[c].text : quotes.joined(separator: " … "),
                        compared: ([graph.claims[c].text] + quotes).joined(separator: " ")))
            }
        }
        let claimSides = sides.count
        for cov in coverage {
            for s in cov.uncovered {
                sides.append(Side(claim: nil, document: cov.document, text: s.text, compared: s.text, span: s.span))
            }
        }
        let index = SimilarityIndex(sides.map(\.compared))
        let quotesOnly = sameClaim ? SimilarityIndex(sides.map(\.text)) : index
        var best: [String: Pair] = [:]
        for i in 0..<claimSides {
            for j in (i + 1)..<sides.count {
                let a = sides[i], b = sides[j]
                guard a.document != b.document, sameClaim || a.claim != b.claim else { continue }
                if let claim, a.claim != claim, b.claim != claim { continue }
                let score = a.claim == b.claim ? quotesOnly.cosine(i, j) : index.cosine(i, j)
                guard score >= minimum else { continue }
                let key = b.claim.map { "c\(min($0, a.claim!))-\(max($0, a.claim!))" } ?? "s\(i)-\(j)"
                if let old = best[key], old.score >= score { continue }
                best[key] = Pair(first: a, second: b, score: score)
            }
        }
        return best.values.sorted {
            $0.score != $1.score
                ? $0.score > $1.score
                : ($0.first.claim ?? 0, $0.second.claim ?? -1) < ($1.first.claim ?? 0, $1.second.claim ?? -1)
        }
    }
}
