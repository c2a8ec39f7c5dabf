import ArgumentGraphModel

/// Why a claim has its strength: the base score and where it came from, each direct influence, and the chain that carries it.
public struct ClaimExplanation: Sendable {
    /// One actor's part in a derived base score.
    public struct StanceTerm: Sendable, Hashable {
        /// The actor's index.
        public let actor: Int
        /// Asserts or denies.
        public let kind: StanceKind
        /// The credibility used.
        public let credibility: Double
    }

    /// One incoming support or attack and what it does to the claim.
    ///
    /// A linked relation acts as one unit: its premises together are as strong as the weakest of them
    /// (``Strengths/premiseStrength(_:_:_:)``), which is its part in the contribution.
    public struct Influence: Sendable, Hashable {
        /// The relation's index.
        public let relation: Int
        /// Support or attack.
        public let kind: RelationKind
        /// The source claim's index (a linked relation's first premise).
        public let source: Int
        /// The source claim's strength.
        public let sourceStrength: Double
        /// Every premise's index, `source` first (just `source` for a plain relation).
        public let premises: [Int]
        /// Each premise's strength, in the order of `premises`.
        public let premiseStrengths: [Double]
        /// The premise that sets the unit's strength: the weakest (`source` for a plain relation).
        public let weakestPremise: Int
        /// The strength with which the premises act together: that of `weakestPremise`.
        public let premiseStrength: Double
        /// The relation's declared weight.
        public let weight: Double
        /// The weight after undercuts on the relation (equal to `weight` when none).
        public let effectiveWeight: Double
        /// The undercut relations on this relation.
        public let undercuts: [Int]
        /// The claim's strength minus what it would be without this relation, all other strengths held fixed:
        /// positive for a support that helps, negative for an attack that hurts.
        public let contribution: Double
    }

    /// The claim's index.
    public let claim: Int
    /// The semantics that produced the strength.
    public let semantics: GradualSemantics
    /// The claim's strength.
    public let strength: Double
    /// The claim's base score.
    public let base: Double
    /// True when the base score was declared on the claim, false when derived from stances.
    public let explicitBase: Bool
    /// The stances that derived the base score (empty for an explicit base).
    public let stanceTerms: [StanceTerm]
    /// The incoming supports and attacks, largest absolute contribution first.
    public let influences: [Influence]
    /// Whether the computation converged (false: the strength is the last iterate of a cyclic graph).
    public let converged: Bool
    /// Whether the strength is exact from one topological pass.
    public let acyclic: Bool
    /// The strongest support chain into the claim (weakest link), if any.
    public let chain: Chain?
}

/// Builds explanations of strengths.
public enum Explanation {
    /// Explains claim `claim`'s strength in `result` (computed from `graph` with `options`).
    public static func why(_ graph: Graph, claim: Int, result: StrengthResult, options: StrengthOptions = .init())
        -> ClaimExplanation
    {
        var opts = options
        opts.semantics = result.semantics
        let model = Strengths.Model(graph, semantics: result.semantics, base: result.base)
        let s = result.strengths
        let weights = model.effectiveWeights(s)
        let full = Strengths.clamp(model.update(claim, s, weight: { weights[$0] }))
        var influences: [ClaimExplanation.Influence] = []
        let incoming =
            graph.attacksTo[claim].map(Int.init)
            + (result.semantics.usesSupports ? graph.supportsTo[claim].map(Int.init) : [])
        for r in incoming {
            let without = Strengths.clamp(model.update(claim, s, weight: { $0 == r ? 0 : weights[$0] }))
            let rel = graph.relations[r]
            let weakest = Strengths.weakestPremise(r, graph.relations, s)
            influences.append(
                .init(
                    relation: r, kind: rel.kind, source: rel.source, sourceStrength: s[rel.source],
                    premises: rel.premises, premiseStrengths: rel.premises.map { s[$0] }, weakestPremise: weakest,
                    premiseStrength: s[weakest], weight: rel.weight, effectiveWeight: weights[r],
                    undercuts: graph.relationsTo[r].map(Int.init).filter { graph.relations[$0].kind == .attack },
                    contribution: full - without))
        }
        influences.sort {
            abs($0.contribution) != abs($1.contribution)
                ? abs($0.contribution) > abs($1.contribution) : $0.relation < $1.relation
        }
        var terms: [ClaimExplanation.StanceTerm] = []
        let explicit = graph.claims[claim].base != nil
        if !explicit {
            var seen = Set<Int>()
            for st in graph.stances(onClaim: claim)
            where !opts.excludedActors.contains(st.actor)
                && seen.insert(st.actor * 2 + (st.kind == .asserts ? 0 : 1)).inserted
            {
                terms.append(
                    .init(actor: st.actor, kind: st.kind, credibility: Strengths.credibility(of: st.actor, graph, opts))
                )
            }
        }
        return ClaimExplanation(
            claim: claim, semantics: result.semantics, strength: s[claim], base: result.base[claim],
            explicitBase: explicit, stanceTerms: terms, influences: influences,
            converged: result.converged, acyclic: result.acyclic,
            chain: Chains.top(graph, to: claim, k: 1, scoring: .weakestLink, strengths: s).first)
    }
}
