import ArgumentGraphModel

/// A graph produced by a what-if edit, with maps from the old indices to the new ones.
public struct EditedGraph: Sendable {
    /// The edited graph.
    public let graph: Graph
    /// For each old claim, its new index, or nil if it was removed.
    public let claimMap: [Int?]
    /// For each old relation, its new index, or nil if it was removed.
    public let relationMap: [Int?]
    /// For each old actor, its new index, or nil if it was removed.
    public let actorMap: [Int?]
    /// For each old document, its new index, or nil if it was removed.
    public let documentMap: [Int?]
    /// The number of stances removed.
    public let removedStances: Int

    /// The old indices of the removed claims, ascending.
    public var removedClaims: [Int] { claimMap.indices.filter { claimMap[$0] == nil } }
    /// The old indices of the removed relations, ascending.
    public var removedRelations: [Int] { relationMap.indices.filter { relationMap[$0] == nil } }

    /// For each new claim, its old index (the inverse of ``claimMap``).
    public var claimOrigin: [Int] {
        var out = [Int](repeating: 0, count: graph.claims.count)
        for (old, new) in claimMap.enumerated() { if let new { out[new] = old } }
        return out
    }
}
