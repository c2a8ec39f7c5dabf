import ArgumentGraphModel

/// The claims on which a disagreement (or one claim's standing) hinges, found by retracting each in turn.
///
/// A linked relation (premises that hold only together) goes with any one of its premises, so retracting a single
/// premise removes the whole argument: that premise can be the crux of a linked argument.
///
/// For a **target claim**, the measure is the target's strength. For **two actors A and B**, the measure
/// is the *conflict force*: the sum, over the cross attacks between them (an attack relation from a
/// claim one asserts to a claim the other asserts), of weight × strength(source) × strength(target).
/// For each candidate claim, the claim is retracted (``WhatIf/retract(claim:from:)``), the graph is
/// re-scored and the measure taken again; claims are ranked by the absolute change, largest first
/// (ties by claim index). Candidates are the claims from which the target (or an endpoint of a cross
/// attack) can be reached along relations, undercuts included: no other claim can change the
/// measure under a semantics where a claim's strength depends only on what reaches it. The target itself
/// is not a candidate.
public enum Cruxes {
    /// The text shown by `help cruxes`.
    public static let definition = """
        A crux is a claim whose retraction most changes the measure: the target's strength with \
        --target, else the conflict force between A and B = the sum over attacks from a claim one \
        asserts to a claim the other asserts of weight x strength(attacker) x strength(attacked). \
        Each claim upstream of the measure is retracted in turn and the graph re-scored; claims are \
        ranked by the size of the change.
        """

    /// Whether a crux is a claim in the measure itself or upstream of it.
    public enum Role: String, Sendable, Hashable {
        /// An endpoint of a cross attack (for a pair of actors).
        case endpoint
        /// A claim whose influence reaches the measure through relations.
        case upstream
    }

    /// One candidate claim and the effect of retracting it.
    public struct Crux: Sendable, Hashable {
        /// The claim's index.
        public let claim: Int
        /// The measure with every claim in place.
        public let before: Double
        /// The measure with this claim retracted.
        public let after: Double
        /// Whether the claim is in the measure itself or upstream.
        public let role: Role
        /// `after - before`.
        public var delta: Double { after - before }
    }

    /// The cross attacks between two actors: attack relations from a claim one asserts to a claim the other asserts
    /// (for a linked attack, from premises one asserts every one of).
    public static func crossAttacks(_ graph: Graph, _ a: Int, _ b: Int) -> [Int] {
        let pa = Position(graph, actor: a).asserted, pb = Position(graph, actor: b).asserted
        var out: [Int] = []
        for (i, r) in graph.relations.enumerated() where r.kind == .attack {
            guard let t = r.targetClaim else { continue }
            if (r.allPremises(pa.contains) && pb.contains(t)) || (r.allPremises(pb.contains) && pa.contains(t)) {
                out.append(i)
            }
        }
        return out
    }

    /// The conflict force of the given attack relations under the given strengths; a linked attack's premises
    /// count together as their weakest (``Strengths/premiseStrength(_:_:_:)``).
    public static func conflictForce(_ graph: Graph, attacks: [Int], strengths: [Double]) -> Double {
        var total = 0.0
        for r in attacks {
            let rel = graph.relations[r]
            guard let t = rel.targetClaim, t < strengths.count, rel.allPremises({ $0 < strengths.count }) else {
                continue
            }
            total += rel.weight * Strengths.premiseStrength(r, graph.relations, strengths) * strengths[t]
        }
        return total
    }

    /// The claims from which any of `sinks` can be reached along relations (undercuts included), sinks included, ascending.
    public static func upstream(of sinks: [Int], in graph: Graph) -> [Int] {
        var seen = [Bool](repeating: false, count: graph.claims.count)
        var stack: [Int] = []
        for s in sinks where s >= 0 && s < graph.claims.count && !seen[s] { seen[s] = true; stack.append(s) }
        // Relations reaching a claim: supports and attacks on it; undercuts reach the target of the relation they hit.
        var visitedRelation = [Bool](repeating: false, count: graph.relations.count)
        var relStack: [Int] = []
        while !stack.isEmpty || !relStack.isEmpty {
            if let c = stack.popLast() {
                for r in graph.supportsTo[c] + graph.attacksTo[c] {
                    let ri = Int(r)
                    if !visitedRelation[ri] { visitedRelation[ri] = true; relStack.append(ri) }
                }
            } else if let r = relStack.popLast() {
                for src in graph.relations[r].premises where !seen[src] { seen[src] = true; stack.append(src) }
                for u in graph.relationsTo[r] {
                    let ui = Int(u)
                    if !visitedRelation[ui] { visitedRelation[ui] = true; relStack.append(ui) }
                }
            }
        }
        return seen.indices.filter { seen[$0] }
    }

    /// Ranks claims by how much retracting each changes the target's strength; `score` maps a graph to strengths.
    ///
    /// `cancel` is polled before each re-scoring; once it returns true the scan stops and the ranking
    /// covers only the claims scanned so far (the caller, who cancelled, knows it is partial).
    public static func forTarget(
        _ target: Int, in graph: Graph, limit: Int? = nil, cancel: (() -> Bool)? = nil,
        score: (Graph) -> [Double]
    ) -> [Crux] {
        guard target >= 0 && target < graph.claims.count else { return [] }
        let base = score(graph)
        let before = target < base.count ? base[target] : 0
        var out: [Crux] = []
        for c in upstream(of: [target], in: graph) where c != target {
            if let cancel, cancel() { break }
            let edited = WhatIf.retract(claim: c, from: graph)
            guard let t = edited.claimMap[target] else { continue }
            let s = score(edited.graph)
            out.append(Crux(claim: c, before: before, after: t < s.count ? s[t] : 0, role: .upstream))
        }
        return rank(out, limit: limit)
    }

    /// Ranks claims by how much retracting each changes the conflict force between actors `a` and `b`.
    ///
    /// `cancel` is polled before each re-scoring, as in ``forTarget(_:in:limit:cancel:score:)``.
    public static func between(
        _ a: Int, _ b: Int, in graph: Graph, limit: Int? = nil, cancel: (() -> Bool)? = nil,
        score: (Graph) -> [Double]
    ) -> [Crux] {
        let attacks = crossAttacks(graph, a, b)
        guard !attacks.isEmpty else { return [] }
        let before = conflictForce(graph, attacks: attacks, strengths: score(graph))
        var endpoints = Set<Int>()
        for r in attacks {
            endpoints.formUnion(graph.relations[r].premises)
            if let t = graph.relations[r].targetClaim { endpoints.insert(t) }
        }
        var out: [Crux] = []
        for c in upstream(of: endpoints.sorted(), in: graph) {
            if let cancel, cancel() { break }
            let edited = WhatIf.retract(claim: c, from: graph)
            let mapped = attacks.compactMap { edited.relationMap[$0] }
            let after = conflictForce(edited.graph, attacks: mapped, strengths: score(edited.graph))
            out.append(
                Crux(claim: c, before: before, after: after, role: endpoints.contains(c) ? .endpoint : .upstream))
        }
        return rank(out, limit: limit)
    }

    static func rank(_ cruxes: [Crux], limit: Int?) -> [Crux] {
        let sorted = cruxes.sorted { x, y in
            abs(x.delta) != abs(y.delta) ? abs(x.delta) > abs(y.delta) : x.claim < y.claim
        }
        if let limit { return Array(sorted.prefix(max(0, limit))) }
        return sorted
    }
}
