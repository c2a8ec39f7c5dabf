/// Finds the words nearest to a mistyped one, for "did you mean" hints.
public enum Nearest {
    /// Up to three words within a small edit distance of `word`, counting a swap of two
    /// neighbouring letters as one edit (`shwo` → `show`) and a word the input begins as one edit, nearest first.
    public static func words(to word: String, in names: some Sequence<String>) -> [String] {
        let w = Array(word.lowercased())
        guard !w.isEmpty else { return [] }
        let threshold = max(1, min(3, (w.count + 1) / 3))
        var scored: [(Int, String)] = []
        for name in names {
            let n = Array(name.lowercased())
            let isPrefix = w.count >= 3 && n.starts(with: w)
            if abs(n.count - w.count) > threshold, !isPrefix { continue }
            let d = isPrefix ? 1 : optimalStringAlignment(w, n)
            if d <= threshold { scored.append((d, name)) }
        }
        scored.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        return scored.prefix(3).map(\.1)
    }

    /// The edit distance with adjacent transpositions (optimal string alignment), by rows.
    static func optimalStringAlignment(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var twoBack = [Int](repeating: 0, count: b.count + 1)
        var prev = Array(0...b.count)
        var cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { cur[j] = min(cur[j], twoBack[j - 2] + 1) }
            }
            (twoBack, prev, cur) = (prev, cur, twoBack)
        }
        return prev[b.count]
    }

    /// A "did you mean" hint, or nil when nothing is near.
    public static func hint(for word: String, in names: some Sequence<String>) -> String? {
        let near = words(to: word, in: names)
        return near.isEmpty ? nil : "did you mean " + near.map { "'\($0)'" }.joined(separator: " or ") + "?"
    }
}
