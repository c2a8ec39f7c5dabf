import ArgumentGraphModel

/// What-if edits: pure functions from a graph to a smaller or changed graph, with index maps.
///
/// **Drop an actor**: remove the actor, their stances, and the relations they draw (`by:`). A claim
/// that had stances and now has none (no one else holds or denies it) is removed too, with every
/// relation from or to it. Claims that never had a stance (an analyst's evidence) stay.
///
/// **Drop a document**: remove the document and the stances made in it; claims left without any
/// stance are removed as above.
///
/// **Retract a claim**: remove the claim, the stances on it and every relation from or to it.
///
/// In every case, removing a relation also removes the undercuts that target it, and their undercuts,
/// and so on. Everything else keeps its order, so indices shift down. The surgery is ``GraphCut``'s,
/// shared with editing, undo and sub-graph export.
public enum WhatIf {
    /// The rule for dropping an actor or a document, as shown by `help whatif`.
    public static let dropRule = """
        drop ACTOR removes the actor, their stances and the relations they draw; a claim that had \
        stances and is left with none (nobody else holds or denies it) is removed with its relations. \
        drop DOCUMENT removes the stances made in it, with the same rule for claims. retract CLAIM \
        removes the claim, the stances on it and its relations. Undercuts of a removed relation go too.
        """

    /// The graph without an actor (see the type's rule): ``GraphEdit/dropActor(_:)``.
    public static func drop(actor a: Int, from graph: Graph) -> EditedGraph {
        guard a >= 0 && a < graph.actors.count else { return identity(graph) }
        return edited(.dropActor(graph.actors[a].id), graph)
    }

    /// The graph without a document and the stances made in it (see the type's rule): ``GraphEdit/dropDocument(_:)``.
    public static func drop(document d: Int, from graph: Graph) -> EditedGraph {
        guard d >= 0 && d < graph.documents.count else { return identity(graph) }
        return edited(.dropDocument(graph.documents[d].id), graph)
    }

    /// The graph without a claim, its stances and its relations.
    public static func retract(claim c: Int, from graph: Graph) -> EditedGraph {
        retract(claims: [c], from: graph)
    }

    /// The graph without several claims, their stances and their relations.
    public static func retract(claims: Set<Int>, from graph: Graph) -> EditedGraph {
        GraphCut(claims: claims).apply(to: graph).edited
    }

    /// The graph with one actor's credibility replaced (clamped to [0, 1]); indices do not change.
    public static func setCredibility(actor a: Int, to value: Double, in graph: Graph) -> EditedGraph {
        guard a >= 0 && a < graph.actors.count, !value.isNaN else { return identity(graph) }
        return edited(.setCredibility(actor: graph.actors[a].id, value), graph)
    }

    /// The graph unchanged, with identity maps.
    public static func identity(_ graph: Graph) -> EditedGraph { .unchanged(graph) }

    /// An edit of parts known to exist, which cannot fail.
    private static func edited(_ edit: GraphEdit, _ graph: Graph) -> EditedGraph {
        (try? edit.apply(to: graph))?.edited ?? .unchanged(graph)
    }
}
