/// The one "did you mean" engine: for a mistyped id, command, option, setting or value, the candidates within a small
/// edit distance, nearest first.
///
/// The distance is Damerau's restricted one (optimal string alignment): inserting, deleting or changing a letter,
/// or swapping two neighbours (`shwo` → `show`), is one edit; letter case is ignored. Up to 4 letters one edit is
/// near, up to 7 two, longer words three. A candidate that begins with a word of 3 or more letters is one edit away.
public enum Suggestions {
    /// Up to `limit` candidates near `word`, nearest first, then in alphabetical order.
    public static func nearest(to word: String, in candidates: some Sequence<String>, limit: Int = 3) -> [String] {
        let lw = word.lowercased()
        let w = Array(lw.unicodeScalars)
        // Nobody mistypes a 10 MB id: past a few hundred characters there is nothing to suggest.
        guard !w.isEmpty, w.count <= maxWordLength else { return [] }
        let threshold = max(1, min(3, (w.count + 1) / 3))
        var scored: [(Int, String)] = []
        for c in candidates where c.utf8.count <= 4 * maxWordLength {
            let lc = c.lowercased()
            let cs = Array(lc.unicodeScalars)
            let isPrefix = w.count >= 3 && cs.count > w.count && lc.hasPrefix(lw)
            if abs(cs.count - w.count) > threshold, !isPrefix { continue }
            let d = isPrefix ? 1 : distance(w, cs, cap: threshold)
            if d <= threshold { scored.append((d, c)) }
        }
        scored.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        return scored.prefix(limit).map(\.1)
    }

    /// The longest word (in characters) for which suggestions are sought; candidates may be four times longer.
    static let maxWordLength = 100

    /// `did you mean 'a' or 'b'?`, or nil when nothing is near.
    public static func hint(for word: String, in candidates: some Sequence<String>) -> String? {
        let near = nearest(to: word, in: candidates)
        guard !near.isEmpty else { return nil }
        return "did you mean " + near.map { "'\($0)'" }.joined(separator: " or ") + "?"
    }

    /// The optimal string alignment distance, or `cap + 1` as soon as every cell of a row exceeds `cap`.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], cap: Int) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var twoBack = [Int](repeating: 0, count: b.count + 1)
        var prev = Array(0...b.count)
        var cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            var rowMin = i
            for j in 1...b.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { cur[j] = min(cur[j], twoBack[j - 2] + 1) }
                rowMin = min(rowMin, cur[j])
            }
            // A swap reaches back two rows, so stop only when both rows are past the cap.
            if rowMin > cap, prev.min()! > cap { return cap + 1 }
            (twoBack, prev, cur) = (prev, cur, twoBack)
        }
        return prev[b.count]
    }
}
