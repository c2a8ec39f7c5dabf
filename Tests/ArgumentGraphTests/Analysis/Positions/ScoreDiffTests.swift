import Testing
@testable import ArgumentGraph

@Suite struct ScoreDiffTests {
    @Test func flipsFirstThenLargestMoves() {
        // old 0 -> new 0 moves 0.02 (below threshold); old 1 removed; old 2 moves +0.1; old 3 moves -0.25;
        // old 4 moves +0.5 and flips out -> in.
        let d = ScoreDiff(
            before: [0.50, 0.90, 0.20, 0.70, 0.40], after: [0.52, 0.30, 0.45, 0.90],
            labelsBefore: ["in", "in", "out", "in", "out"], labelsAfter: ["in", "out", "in", "in"],
            claimMap: [0, nil, 1, 2, 3], threshold: 0.05)
        #expect(d.removed == [1])
        #expect(d.changes.map(\.claim) == [4, 3, 2])
        #expect(d.changes[0].flipped && d.changes[0].labelBefore == "out" && d.changes[0].labelAfter == "in")
        #expect(d.changes[1].newClaim == 2 && abs(d.changes[1].delta + 0.25) < 1e-12)
        #expect(!d.changes[2].flipped)
    }

    @Test func labelFlipWithoutStrengthMoveIsReported() {
        let d = ScoreDiff(before: [0.5], after: [0.5], labelsBefore: ["in"], labelsAfter: ["undecided"], claimMap: [0])
        #expect(d.changes.count == 1 && d.changes[0].flipped)
    }

    @Test func nothingChanged() {
        let d = ScoreDiff(before: [0.1, 0.2], after: [0.1, 0.2], claimMap: [0, 1])
        #expect(d.isEmpty)
    }
}
