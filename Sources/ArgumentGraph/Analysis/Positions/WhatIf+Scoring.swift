import ArgumentGraphModel

extension WhatIf {
    /// The grounded labels (of the claims only) and the gradual strengths of a graph.
    ///
    /// `cancel` is passed to ``Strengths/compute(_:options:cancel:)``.
    public static func score(
        _ graph: Graph, options: StrengthOptions = .init(),
        framework: FrameworkOptions = .init(), cancel: (() -> Bool)? = nil
    ) -> (labels: [Label], strengths: [Double]) {
        let labels = Array(Extensions.grounded(AttackFramework(graph, options: framework)).prefix(graph.claims.count))
        return (labels, Strengths.compute(graph, options: options, cancel: cancel).strengths)
    }

    /// The options with actor indices (credibility overrides, exclusions) carried through an edit's actor map.
    public static func remap(_ options: StrengthOptions, through edit: EditedGraph) -> StrengthOptions {
        var o = options
        o.credibility = [:]
        for (a, c) in options.credibility {
            if a >= 0 && a < edit.actorMap.count, let n = edit.actorMap[a] { o.credibility[n] = c }
        }
        o.excludedActors = Set(
            options.excludedActors.compactMap { $0 >= 0 && $0 < edit.actorMap.count ? edit.actorMap[$0] : nil })
        return o
    }

    /// Scores the graph before and after an edit and reports what changed: flipped grounded labels and
    /// strengths that moved by more than `threshold`, largest first (see ``ScoreDiff``).
    ///
    /// The options are carried through the edit's actor map; `afterOptions`, when given, replaces them
    /// for the edited graph (already in its indices). `cancel` is passed to both scorings; a cancelled
    /// comparison is meaningless.
    public static func compare(
        before: Graph, after: EditedGraph, options: StrengthOptions = .init(),
        afterOptions: StrengthOptions? = nil, framework: FrameworkOptions = .init(),
        threshold: Double = 0.05, cancel: (() -> Bool)? = nil
    ) -> ScoreDiff {
        let b = score(before, options: options, framework: framework, cancel: cancel)
        let a = score(
            after.graph, options: afterOptions ?? remap(options, through: after), framework: framework, cancel: cancel)
        return ScoreDiff(
            before: b.strengths, after: a.strengths, labelsBefore: b.labels.map(\.rawValue),
            labelsAfter: a.labels.map(\.rawValue), claimMap: after.claimMap, threshold: threshold)
    }

    /// What changes when an actor's credibility is set to `value`: the override replaces any in `options`.
    public static func compareCredibility(
        actor a: Int, to value: Double, in graph: Graph, options: StrengthOptions = .init(),
        framework: FrameworkOptions = .init(), threshold: Double = 0.05
    ) -> ScoreDiff {
        let edit = setCredibility(actor: a, to: value, in: graph)
        var after = options
        if a >= 0 && a < graph.actors.count, !value.isNaN { after.credibility[a] = min(1, max(0, value)) }
        return compare(
            before: graph, after: edit, options: options, afterOptions: after, framework: framework,
            threshold: threshold)
    }
}
