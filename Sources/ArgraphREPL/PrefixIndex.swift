/// A sorted set of words answering "which start with this prefix" by binary search.
public struct PrefixIndex: Sendable {
    /// The words, without duplicates, in byte order.
    public let words: [String]

    /// Indexes words; duplicates are dropped.
    public init(_ words: some Sequence<String>) {
        var sorted = Array(words)
        sorted.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var unique: [String] = []
        unique.reserveCapacity(sorted.count)
        for w in sorted where unique.last != w { unique.append(w) }
        self.words = unique
    }

    /// The number of words.
    public var count: Int { words.count }

    /// The range of words that start with `prefix`.
    public func range(of prefix: String) -> Range<Int> {
        let p = Array(prefix.utf8)
        var lo = 0, hi = words.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if words[mid].utf8.lexicographicallyPrecedes(p) { lo = mid + 1 } else { hi = mid }
        }
        var end = lo
        // Upper bound: the first word that does not start with the prefix.
        var lo2 = lo, hi2 = words.count
        while lo2 < hi2 {
            let mid = (lo2 + hi2) / 2
            if words[mid].utf8.starts(with: p) { lo2 = mid + 1 } else { hi2 = mid }
        }
        end = lo2
        return lo..<end
    }

    /// Up to `limit` words starting with `prefix`; when more match, the last match is kept so their common prefix is right.
    public func matches(prefix: String, limit: Int = 2000) -> [String] {
        let r = range(of: prefix)
        if r.count <= limit { return Array(words[r]) }
        return Array(words[r.lowerBound..<(r.lowerBound + limit - 1)]) + [words[r.upperBound - 1]]
    }
}
