import Testing
import ArgumentGraph
@testable import ArgumentGraphFormats

/// `LineDiff`: a shortest edit script (checked against the LCS by dynamic programming on random
/// sequences) and the unified diff `save --diff` shows (issue #17).
@Suite struct LineDiffTests {
    /// Applies a script to `a`, checking that it keeps `a`'s lines in order and yields `b`.
    static func apply(_ steps: [LineDiff.Step], _ a: [Int], _ b: [Int]) -> [Int]? {
        var out: [Int] = [], nextA = 0, nextB = 0
        for s in steps {
            switch s {
            case let .same(i, j):
                guard i == nextA, j == nextB, a[i] == b[j] else { return nil }
                out.append(a[i]); nextA += 1; nextB += 1
            case let .delete(i):
                guard i == nextA else { return nil }
                nextA += 1
            case let .insert(j):
                guard j == nextB else { return nil }
                out.append(b[j]); nextB += 1
            }
        }
        return nextA == a.count ? out : nil
    }

    static func lcs(_ a: [Int], _ b: [Int]) -> Int {
        var t = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in a.indices.reversed() {
            for j in b.indices.reversed() {
                t[i][j] = a[i] == b[j] ? t[i + 1][j + 1] + 1 : max(t[i + 1][j], t[i][j + 1])
            }
        }
        return t[0][0]
    }

    @Test func theScriptIsValidAndShortestOnRandomSequences() {
        var rng = SplitMix64(seed: 2026)
        for _ in 0..<400 {
            let a = (0..<Int.random(in: 0...30, using: &rng)).map { _ in Int.random(in: 0...4, using: &rng) }
            var b = a
            for _ in 0..<Int.random(in: 0...8, using: &rng) {
                if !b.isEmpty, Bool.random(using: &rng) {
                    b.remove(at: Int.random(in: b.indices, using: &rng))
                } else {
                    b.insert(Int.random(in: 0...4, using: &rng), at: Int.random(in: 0...b.count, using: &rng))
                }
            }
            let steps = LineDiff.script(a, b)
            #expect(Self.apply(steps, a, b) == b, "\(a) → \(b)")
            let edits = steps.filter { if case .same = $0 { false } else { true } }.count
            #expect(edits == a.count + b.count - 2 * Self.lcs(a, b), "\(a) → \(b): not shortest")
        }
    }

    @Test func pastTheEditLimitTheScriptIsStillValid() {
        let a = Array(0..<(LineDiff.maxEdits + 10)), b = a.map { $0 + 1_000_000 }
        let steps = LineDiff.script(a, b)
        #expect(Self.apply(steps, a, b) == b)
        #expect(LineDiff.changedLines(a, b) == a.count)
    }

    @Test func changedLinesCountsARewrittenLineOnce() {
        #expect(LineDiff.changedLines(["a", "b", "c"], ["a", "x", "c"]) == 1)
        #expect(LineDiff.changedLines(["a", "b", "c"], ["a", "b", "c", "d"]) == 1)
        #expect(LineDiff.changedLines(["a", "b", "c"], ["c"]) == 2)
        #expect(LineDiff.changedLines(["a"], ["a"]) == 0)
    }

    @Test func theUnifiedDiffHasHunksWithContext() {
        let old = (1...12).map { "line \($0)" }.joined(separator: "\n") + "\n"
        let new = old.replacingOccurrences(of: "line 2\n", with: "line two\n").replacingOccurrences(
            of: "line 12\n", with: "line 12\nline 13\n")
        let diff = LineDiff.unified(old: old, new: new, oldLabel: "g.arg (on disk)", newLabel: "g.arg (to be written)")
        #expect(
            diff == """
                --- g.arg (on disk)
                +++ g.arg (to be written)
                @@ -1,5 +1,5 @@
                 line 1
                -line 2
                +line two
                 line 3
                 line 4
                 line 5
                @@ -10,3 +10,4 @@
                 line 10
                 line 11
                 line 12
                +line 13

                """)
        #expect(LineDiff.unified(old: old, new: old, oldLabel: "a", newLabel: "b") == "")
        #expect(
            LineDiff.unified(old: "", new: "x\n", oldLabel: "a", newLabel: "b") == "--- a\n+++ b\n@@ -0,0 +1 @@\n+x\n")
    }
}
