import ArgumentGraphModel

extension Strengths {
    /// The premise through which relation `r` acts, given claim strengths `s`: its source for a plain relation;
    /// for a linked relation the weakest premise (the first of equal ones, `source` first).
    ///
    /// A linked relation's premises support or attack only together, so it acts as one unit as strong as its
    /// weakest premise: the aggregation of Yun & Vesic, "Gradual semantics for weighted bipolar SETAFs"
    /// (ECSQARU 2021), where a set of attackers or supporters enters DF-QuAD and Euler-based semantics with the
    /// minimum of its members' strengths (times the relation's weight). Defeating one premise (strength 0)
    /// removes the unit's contribution. Every gradual computation, explanation and chain reads a relation's
    /// premises through here, so they agree.
    @inline(__always)
    static func weakestPremise(_ r: Int, _ rels: [Relation], _ s: [Double]) -> Int {
        let source = rels[r].source
        guard !rels[r].otherPremises.isEmpty else { return source }
        var weakest = source
        for p in rels[r].otherPremises where s[p] < s[weakest] { weakest = p }
        return weakest
    }

    /// The strength with which relation `r`'s premises act together: that of its ``weakestPremise(_:_:_:)``.
    @inline(__always)
    static func premiseStrength(_ r: Int, _ rels: [Relation], _ s: [Double]) -> Double {
        s[weakestPremise(r, rels, s)]
    }

    /// Whether some relation of `graph` is linked, without reading every relation: a linked relation into a claim
    /// is listed under each premise, so the from-lists are longer than the to-lists; only undercuts are read.
    static func hasLinkedRelations(_ graph: Graph) -> Bool {
        graph.supportsFrom.entries.count != graph.supportsTo.entries.count
            || graph.attacksFrom.entries.count != graph.attacksTo.entries.count
            || graph.relationsTo.entries.contains { graph.relations[Int($0)].isLinked }
    }
}
