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
/// and so on (a work list, no recursion). Everything else keeps its order, so indices shift down.
public enum WhatIf {
    /// The rule for dropping an actor or a document, as shown by `help whatif`.
    public static let dropRule = """
        drop ACTOR removes the actor, their stances and the relations they draw; a claim that had \
        stances and is left with none (nobody else holds or denies it) is removed with its relations. \
        drop DOCUMENT removes the stances made in it, with the same rule for claims. retract CLAIM \
        removes the claim, the stances on it and its relations. Undercuts of a removed relation go too.
        """

    /// The graph without an actor (see the type's rule).
    public static func drop(actor a: Int, from graph: Graph) -> EditedGraph {
        guard a >= 0 && a < graph.actors.count else { return identity(graph) }
        var relations = Set<Int>()
        for (i, r) in graph.relations.enumerated() where r.actor == a { relations.insert(i) }
        return edit(graph, dropStance: { $0.actor == a }, orphanRule: true, claims: [], relations: relations,
                    actor: a, document: nil)
    }

    /// The graph without a document and the stances made in it (see the type's rule).
    public static func drop(document d: Int, from graph: Graph) -> EditedGraph {
        guard d >= 0 && d < graph.documents.count else { return identity(graph) }
        return edit(graph, dropStance: { $0.document == d }, orphanRule: true, claims: [], relations: [],
                    actor: nil, document: d)
    }

    /// The graph without a claim, its stances and its relations.
    public static func retract(claim c: Int, from graph: Graph) -> EditedGraph {
        guard c >= 0 && c < graph.claims.count else { return identity(graph) }
        return edit(graph, dropStance: { _ in false }, orphanRule: false, claims: [c], relations: [], actor: nil, document: nil)
    }

    /// The graph without several claims, their stances and their relations.
    public static func retract(claims: Set<Int>, from graph: Graph) -> EditedGraph {
        edit(graph, dropStance: { _ in false }, orphanRule: false, claims: claims.filter { $0 >= 0 && $0 < graph.claims.count },
             relations: [], actor: nil, document: nil)
    }

    /// The graph with one actor's credibility replaced (clamped to [0, 1]); indices do not change.
    public static func setCredibility(actor a: Int, to value: Double, in graph: Graph) -> EditedGraph {
        guard a >= 0 && a < graph.actors.count, !value.isNaN else { return identity(graph) }
        var actors = graph.actors
        actors[a].credibility = min(1, max(0, value))
        let g = Graph(name: graph.name, title: graph.title, description: graph.description, documents: graph.documents,
                      actors: actors, claims: graph.claims, stances: graph.stances, relations: graph.relations)
        return EditedGraph(graph: g, claimMap: graph.claims.indices.map { $0 }, relationMap: graph.relations.indices.map { $0 },
                           actorMap: graph.actors.indices.map { $0 }, documentMap: graph.documents.indices.map { $0 },
                           removedStances: 0)
    }

    /// The graph unchanged, with identity maps.
    public static func identity(_ graph: Graph) -> EditedGraph {
        EditedGraph(graph: graph, claimMap: graph.claims.indices.map { $0 }, relationMap: graph.relations.indices.map { $0 },
                    actorMap: graph.actors.indices.map { $0 }, documentMap: graph.documents.indices.map { $0 },
                    removedStances: 0)
    }

    /// Removes stances, claims, relations, an actor and a document, then renumbers everything.
    static func edit(_ graph: Graph, dropStance: (Stance) -> Bool, orphanRule: Bool, claims removeClaims: Set<Int>,
                     relations removeRelations: Set<Int>, actor: Int?, document: Int?) -> EditedGraph {
        var claimGone = [Bool](repeating: false, count: graph.claims.count)
        for c in removeClaims { claimGone[c] = true }
        var stanceGone = graph.stances.map(dropStance)
        if orphanRule {
            for c in graph.claims.indices where !claimGone[c] && graph.stancesOfClaim.degree(c) > 0 {
                if graph.stancesOfClaim[c].allSatisfy({ stanceGone[Int($0)] }) { claimGone[c] = true }
            }
        }
        for (i, s) in graph.stances.enumerated() where claimGone[s.claim] { stanceGone[i] = true }

        var relationGone = [Bool](repeating: false, count: graph.relations.count)
        var work: [Int] = []
        func remove(_ r: Int) { if !relationGone[r] { relationGone[r] = true; work.append(r) } }
        for r in removeRelations where r >= 0 && r < graph.relations.count { remove(r) }
        for (i, r) in graph.relations.enumerated() {
            if claimGone[r.source] { remove(i) }
            if let t = r.targetClaim, claimGone[t] { remove(i) }
        }
        while let r = work.popLast() {
            for u in graph.relationsTo[r] { remove(Int(u)) }
        }

        let claimMap = renumber(claimGone)
        let relationMap = renumber(relationGone)
        let actorMap = renumber(graph.actors.indices.map { $0 == actor })
        let documentMap = renumber(graph.documents.indices.map { $0 == document })

        var stances: [Stance] = []
        for (i, s) in graph.stances.enumerated() where !stanceGone[i] {
            guard let a = actorMap[s.actor], let c = claimMap[s.claim] else { continue }
            var t = s
            t.actor = a
            t.claim = c
            t.document = s.document.flatMap { documentMap[$0] }
            stances.append(t)
        }
        var relations: [Relation] = []
        for (i, r) in graph.relations.enumerated() where !relationGone[i] {
            guard let src = claimMap[r.source] else { continue }
            var t = r
            t.source = src
            switch r.target {
            case let .claim(c):
                guard let nc = claimMap[c] else { continue }
                t.target = .claim(nc)
            case let .relation(x):
                guard let nx = relationMap[x] else { continue }
                t.target = .relation(nx)
            }
            t.actor = r.actor.flatMap { actorMap[$0] }
            relations.append(t)
        }
        let g = Graph(name: graph.name, title: graph.title, description: graph.description,
                      documents: graph.documents.indices.filter { documentMap[$0] != nil }.map { graph.documents[$0] },
                      actors: graph.actors.indices.filter { actorMap[$0] != nil }.map { graph.actors[$0] },
                      claims: graph.claims.indices.filter { claimMap[$0] != nil }.map { graph.claims[$0] },
                      stances: stances, relations: relations)
        return EditedGraph(graph: g, claimMap: claimMap, relationMap: relationMap, actorMap: actorMap,
                           documentMap: documentMap, removedStances: graph.stances.count - stances.count)
    }

    /// New indices for the items not marked gone.
    static func renumber(_ gone: [Bool]) -> [Int?] {
        var next = 0
        return gone.map { g in
            if g { return nil }
            defer { next += 1 }
            return next
        }
    }
}
