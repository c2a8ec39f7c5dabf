import ArgumentGraphModel
import Foundation

/// Gradual semantics: each assigns every claim a strength in [0, 1] from its base score and its attackers and supporters.
public enum GradualSemantics: String, CaseIterable, Sendable {
    /// DF-QuAD (Rago, Toni, Aurisicchio & Baroni 2016): probabilistic-sum aggregation, linear combination with the base.
    case dfquad = "df-quad"
    /// Quadratic energy (Potyka 2018): energy = Σ support − Σ attack, squashed by x²/(1+x²); continuous model for cycles.
    case quadraticEnergy = "quadratic-energy"
    /// Euler-based (Amgoud & Ben-Naim 2018): 1 − (1 − w²)/(1 + w·e^E).
    case euler
    /// Weighted h-categorizer (Besnard & Hunter 2001; Amgoud et al. 2017): w / (1 + Σ attackers); attacks only.
    case hCategorizer = "h-categorizer"

    /// Whether the semantics reads supports.
    public var usesSupports: Bool { self != .hCategorizer }
}

/// Options for ``Strengths/compute(_:options:)``.
public struct StrengthOptions: Sendable {
    /// The gradual semantics.
    public var semantics: GradualSemantics = .dfquad
    /// Credibility overrides per actor index, in [0, 1].
    public var credibility: [Int: Double] = [:]
    /// The credibility of an actor with none declared or overridden.
    public var defaultCredibility = 0.5
    /// Actors whose stances are ignored when deriving base scores.
    public var excludedActors: Set<Int> = []
    /// Iteration stops once no strength changes by more than this (for the continuous model: |dσ/dt| ≤ tolerance).
    public var tolerance = 1e-9
    /// The most iterations (or integration steps) before giving up and reporting non-convergence.
    public var maxIterations = 10_000

    /// Default options: DF-QuAD, credibility 0.5.
    public init(semantics: GradualSemantics = .dfquad) { self.semantics = semantics }
}

/// The strengths of all claims under one gradual semantics, with how they were reached.
public struct StrengthResult: Sendable {
    /// The strength of each claim, by claim index.
    public let strengths: [Double]
    /// The base score of each claim, by claim index.
    public let base: [Double]
    /// False when a cyclic graph did not settle within the iteration limit: the strengths are then the last iterate.
    public let converged: Bool
    /// Iterations (or integration steps) used; 1 for the one-pass acyclic computation.
    public let iterations: Int
    /// The semantics used.
    public let semantics: GradualSemantics
    /// Whether the graph's dependencies were acyclic (strengths then exact from one topological pass).
    public let acyclic: Bool
}

/// Computes gradual strengths and base scores.
public enum Strengths {
    /// The base score of each claim: the explicit `base`, else derived from the stances (see `docs/scoring.md`):
    /// `A = 1 − Π(1 − c)` over asserting actors (or the default credibility when none asserts),
    /// `D = 1 − Π(1 − c)` over denying actors, base = `A · (1 − D)`.
    public static func baseScores(_ graph: Graph, options: StrengthOptions) -> [Double] {
        graph.claims.indices.map { c in
            if let b = graph.claims[c].base { return clamp(b) }
            var notAsserted = 1.0, notDenied = 1.0, asserters = 0
            var seen = Set<Int>()
            for s in graph.stancesOfClaim[c] {
                let st = graph.stances[Int(s)]
                guard !options.excludedActors.contains(st.actor),
                    seen.insert(st.actor * 2 + (st.kind == .asserts ? 0 : 1)).inserted
                else { continue }
                let cred = credibility(of: st.actor, graph, options)
                if st.kind == .asserts { notAsserted *= 1 - cred; asserters += 1 } else { notDenied *= 1 - cred }
            }
            let asserted = asserters > 0 ? 1 - notAsserted : clamp(options.defaultCredibility)
            return clamp(asserted * notDenied)
        }
    }

    /// The credibility used for actor `a`: the override, else the actor's own, else the default.
    public static func credibility(of a: Int, _ graph: Graph, _ options: StrengthOptions) -> Double {
        clamp(options.credibility[a] ?? graph.actors[a].credibility ?? options.defaultCredibility)
    }

    /// Strengths of all claims. Acyclic graphs: one pass in topological order. Cyclic graphs: simultaneous
    /// (Jacobi) iteration from the base scores until the largest change is at most the tolerance, or — for
    /// quadratic energy — Runge–Kutta (RK4) integration of Potyka's continuous model until |dσ/dt| ≤ tolerance.
    ///
    /// `cancel` is polled before each iteration of a cyclic graph; once it returns true the iteration stops and
    /// the last iterate is returned as not converged (the caller, who cancelled, knows why).
    public static func compute(_ graph: Graph, options: StrengthOptions = .init(), cancel: (() -> Bool)? = nil)
        -> StrengthResult
    {
        let base = baseScores(graph, options: options)
        let model = Model(graph, semantics: options.semantics, base: base)
        return model.solve(options, cancel: cancel)
    }

    static func clamp(_ x: Double) -> Double { x.isNaN ? 0 : min(1, max(0, x)) }
}
