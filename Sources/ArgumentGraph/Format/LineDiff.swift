import ArgumentGraphModel
import ArgumentGraphText

/// Line-based differences between two texts: Myers' O(ND) shortest edit script and a unified diff.
///
/// Common leading and trailing lines are set aside first; when more than ``maxEdits`` edits remain
/// the middle is given as all removed then all added (a longer script, never a wrong one).
public enum LineDiff {
    /// One step of an edit script, with line positions (0-based) in the old and new sequences.
    public enum Step: Sendable, Equatable {
        /// The line is in both: old position, new position.
        case same(Int, Int)
        /// The old line at this position is removed.
        case delete(Int)
        /// The new line at this position is added.
        case insert(Int)
    }

    /// Beyond this many edits the middle of the texts is not searched for common lines (the search
    /// keeps O(D²) positions).
    public static let maxEdits = 1_500

    /// A shortest edit script from `a` to `b` (up to ``maxEdits`` edits).
    public static func script<T: Equatable>(_ a: [T], _ b: [T]) -> [Step] {
        var head = 0
        while head < a.count, head < b.count, a[head] == b[head] { head += 1 }
        var tail = 0
        while tail < a.count - head, tail < b.count - head, a[a.count - 1 - tail] == b[b.count - 1 - tail] { tail += 1 }
        var steps = (0..<head).map { Step.same($0, $0) }
        let n = a.count - head - tail, m = b.count - head - tail
        if let middle = myers(n, m, equal: { a[head + $0] == b[head + $1] }) {
            for s in middle {
                switch s {
                case let .same(i, j): steps.append(.same(head + i, head + j))
                case let .delete(i): steps.append(.delete(head + i))
                case let .insert(j): steps.append(.insert(head + j))
                }
            }
        } else {
            steps += (0..<n).map { .delete(head + $0) }
            steps += (0..<m).map { .insert(head + $0) }
        }
        steps += (0..<tail).map { .same(a.count - tail + $0, b.count - tail + $0) }
        return steps
    }

    /// How many lines differ from `a` to `b`: in each run of changes, the larger of the lines removed
    /// and the lines added (a line rewritten in place counts once).
    public static func changedLines<T: Equatable>(_ a: [T], _ b: [T]) -> Int {
        var total = 0, deleted = 0, inserted = 0
        for s in script(a, b) + [.same(-1, -1)] {
            switch s {
            case .delete: deleted += 1
            case .insert: inserted += 1
            case .same:
                total += max(deleted, inserted)
                deleted = 0
                inserted = 0
            }
        }
        return total
    }

    /// The script for sequences of lengths `n` and `m`, or nil past ``maxEdits``.
    static func myers(_ n: Int, _ m: Int, equal: (Int, Int) -> Bool) -> [Step]? {
        let limit = min(n + m, maxEdits)
        let offset = limit + 1
        var v = [Int](repeating: 0, count: 2 * limit + 3)
        var trace: [[Int]] = []  // trace[d]: v[-d...d] before round d
        var found = false
        search: for d in 0...limit {
            trace.append(Array(v[(offset - d)...(offset + d)]))
            for k in stride(from: -d, through: d, by: 2) {
                var x =
                    k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])
                    ? v[offset + k + 1] : v[offset + k - 1] + 1
                var y = x - k
                while x < n, y < m, equal(x, y) { x += 1; y += 1 }
                v[offset + k] = x
                if x >= n, y >= m { found = true; break search }
            }
        }
        guard found else { return nil }
        var steps: [Step] = []
        var x = n, y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let saved = trace[d]
            func at(_ k: Int) -> Int { saved[k + d] }
            let k = x - y
            let prevK = k == -d || (k != d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1
            let prevX = d == 0 ? 0 : at(prevK), prevY = d == 0 ? 0 : prevX - prevK
            while x > prevX, y > prevY { steps.append(.same(x - 1, y - 1)); x -= 1; y -= 1 }
            if d > 0 { steps.append(x == prevX ? .insert(y - 1) : .delete(x - 1)) }
            x = prevX
            y = prevY
        }
        return steps.reversed()
    }

    /// The lines of a text: split at newlines as ``SourceLines`` splits them (a `\r\n` file's lines too), without the
    /// empty piece after a final newline.
    public static func lines(_ text: String) -> [Substring] {
        var out = SourceLines.of(text)
        if out.last == "" { out.removeLast() }
        return out
    }

    /// A unified diff (`diff -u` form, `context` lines around each change) from `old` to `new`, or ""
    /// when they are the same.
    public static func unified(old: String, new: String, oldLabel: String, newLabel: String, context: Int = 3) -> String
    {
        let a = lines(old), b = lines(new)
        let steps = script(a, b)
        let changed = steps.indices.filter { if case .same = steps[$0] { false } else { true } }
        guard !changed.isEmpty else { return "" }
        var out = "--- \(oldLabel)\n+++ \(newLabel)\n"
        var g = 0
        while g < changed.count {
            // A hunk: changes closer than 2 × context lines apart, with context around.
            var last = g
            while last + 1 < changed.count, changed[last + 1] - changed[last] <= 2 * context { last += 1 }
            let lo = max(0, changed[g] - context), hi = min(steps.count - 1, changed[last] + context)
            var oldStart = 0, newStart = 0, oldCount = 0, newCount = 0, body = ""
            // The hunk starts after the lines of both texts that come before step `lo`.
            for s in steps[..<lo] {
                switch s {
                case .same: oldStart += 1; newStart += 1
                case .delete: oldStart += 1
                case .insert: newStart += 1
                }
            }
            for s in steps[lo...hi] {
                switch s {
                case let .same(i, _): body += " " + a[i] + "\n"; oldCount += 1; newCount += 1
                case let .delete(i): body += "-" + a[i] + "\n"; oldCount += 1
                case let .insert(j): body += "+" + b[j] + "\n"; newCount += 1
                }
            }
            func range(_ start: Int, _ count: Int) -> String {
                count == 1 ? "\(start + 1)" : "\(count == 0 ? start : start + 1),\(count)"
            }
            out += "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n" + body
            g = last + 1
        }
        return out
    }
}
