import ArgumentGraphModel

/// Every choice the analyses take from their user, as one value: which semantics, how supports count,
/// whose credibility is overridden, and how large a change a what-if reports.
///
/// Credibility overrides are keyed by actor id, not index, so they survive edits that renumber the
/// actors (a what-if that drops one, an undo); ``strengthOptions(for:)`` resolves them against a graph.
/// The REPL's `set` and the command line's flags fill this value; `status`, `score`, `why`, `chains`,
/// `whatif` and `cruxes` read it, so they agree by construction.
public struct AnalysisOptions: Sendable, Equatable {
    /// The extension semantics for labels and acceptance (`status`).
    public var semantics: ExtensionSemantics = .grounded
    /// The gradual semantics for strengths (`score`, `why`, `chains`, `whatif`, `cruxes`).
    public var gradual: GradualSemantics = .dfquad
    /// How supports turn into attacks for extension semantics.
    public var bipolar: BipolarMapping = .none
    /// Credibility overrides in [0, 1] by actor id.
    public var credibility: [String: Double] = [:]
    /// The credibility of an actor with none declared or overridden.
    public var defaultCredibility = 0.5
    /// A what-if lists strengths that move by more than this.
    public var threshold = 0.05

    /// The defaults: grounded, DF-QuAD, supports ignored, no overrides, credibility 0.5, threshold 0.05.
    public init() {}

    /// The gradual-strength options for `graph`: its actors' overrides looked up by id (ids it lacks are skipped).
    public func strengthOptions(for graph: Graph) -> StrengthOptions {
        var o = StrengthOptions(semantics: gradual)
        o.defaultCredibility = defaultCredibility
        for (id, value) in credibility {
            if let a = graph.actorIndex(of: id) { o.credibility[a] = value }
        }
        return o
    }

    /// The options for building the attack framework of extension semantics.
    public var frameworkOptions: FrameworkOptions { FrameworkOptions(bipolar: bipolar) }
}

extension Strengths {
    /// Strengths of all claims under the gradual semantics and credibility of `analysis`.
    public static func compute(_ graph: Graph, analysis: AnalysisOptions, cancel: (() -> Bool)? = nil) -> StrengthResult
    {
        compute(graph, options: analysis.strengthOptions(for: graph), cancel: cancel)
    }
}

extension Extensions {
    /// Every claim's label and acceptance under the extension semantics and bipolar mapping of `analysis`.
    public static func status(
        _ graph: Graph, analysis: AnalysisOptions, limit: Int = 1000,
        cancel: (@Sendable () -> Bool)? = nil
    ) -> ClaimStatus {
        status(graph, semantics: analysis.semantics, options: analysis.frameworkOptions, limit: limit, cancel: cancel)
    }
}

extension WhatIf {
    /// Scores the graph before and after an edit under `analysis` and reports what changed: flipped grounded
    /// labels (with the bipolar mapping) and strengths that moved by more than its threshold.
    ///
    /// Each graph gets the credibility overrides its own actors carry, by id; `afterAnalysis`, when given,
    /// scores the edited graph instead (a what-if credibility replaces an override). `cancel` is passed to both scorings.
    public static func compare(
        before: Graph, after: EditedGraph, analysis: AnalysisOptions, afterAnalysis: AnalysisOptions? = nil,
        cancel: (() -> Bool)? = nil
    ) -> ScoreDiff {
        compare(
            before: before, after: after, options: analysis.strengthOptions(for: before),
            afterOptions: (afterAnalysis ?? analysis).strengthOptions(for: after.graph),
            framework: analysis.frameworkOptions,
            threshold: analysis.threshold, cancel: cancel)
    }
}

extension Cruxes {
    /// Ranks claims by how much retracting each changes the target's strength under `analysis`.
    public static func forTarget(
        _ target: Int, in graph: Graph, analysis: AnalysisOptions, limit: Int? = nil,
        cancel: (() -> Bool)? = nil
    ) -> [Crux] {
        forTarget(target, in: graph, limit: limit, cancel: cancel) {
            Strengths.compute($0, analysis: analysis, cancel: cancel).strengths
        }
    }

    /// Ranks claims by how much retracting each changes the conflict force between two actors under `analysis`.
    public static func between(
        _ a: Int, _ b: Int, in graph: Graph, analysis: AnalysisOptions, limit: Int? = nil,
        cancel: (() -> Bool)? = nil
    ) -> [Crux] {
        between(a, b, in: graph, limit: limit, cancel: cancel) {
            Strengths.compute($0, analysis: analysis, cancel: cancel).strengths
        }
    }
}
