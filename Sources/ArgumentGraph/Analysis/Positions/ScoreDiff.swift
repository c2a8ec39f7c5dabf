/// What changed between two scorings of a graph and of its what-if edit.
///
/// Claims are matched through the edit's claim map; removed claims are listed apart. A claim
/// *changed* when its label flipped, or its strength moved by more than the threshold. Changes are
/// sorted by size: label flips first, then by the absolute strength change, largest first, then by
/// claim index.
public struct ScoreDiff: Sendable {
    /// How one surviving claim's score changed.
    public struct Change: Sendable, Hashable {
        /// The claim's index in the graph before the edit.
        public let claim: Int
        /// The claim's index after the edit.
        public let newClaim: Int
        /// The strength before.
        public let before: Double
        /// The strength after.
        public let after: Double
        /// The label before, if labels were given.
        public let labelBefore: String?
        /// The label after, if labels were given.
        public let labelAfter: String?
        /// `after - before`.
        public var delta: Double { after - before }
        /// Whether the label changed.
        public var flipped: Bool { labelBefore != labelAfter }
    }

    /// The changed claims, largest change first.
    public let changes: [Change]
    /// The claims the edit removed (old indices), ascending.
    public let removed: [Int]
    /// The smallest strength move reported.
    public let threshold: Double

    /// Compares scores before and after an edit; labels are optional (pass nil for strengths only).
    public init(
        before: [Double], after: [Double], labelsBefore: [String]? = nil, labelsAfter: [String]? = nil,
        claimMap: [Int?], threshold: Double = 0.05
    ) {
        self.threshold = threshold
        var changes: [Change] = []
        var removed: [Int] = []
        for (old, mapped) in claimMap.enumerated() {
            guard let new = mapped else { removed.append(old); continue }
            guard old < before.count, new < after.count else { continue }
            let lb = labelsBefore.flatMap { old < $0.count ? $0[old] : nil }
            let la = labelsAfter.flatMap { new < $0.count ? $0[new] : nil }
            let c = Change(
                claim: old, newClaim: new, before: before[old], after: after[new], labelBefore: lb, labelAfter: la)
            if c.flipped || abs(c.delta) > threshold { changes.append(c) }
        }
        changes.sort { a, b in
            if a.flipped != b.flipped { return a.flipped }
            if abs(a.delta) != abs(b.delta) { return abs(a.delta) > abs(b.delta) }
            return a.claim < b.claim
        }
        self.changes = changes
        self.removed = removed
    }

    /// Whether nothing changed and nothing was removed.
    public var isEmpty: Bool { changes.isEmpty && removed.isEmpty }
}
