import ArgumentGraphAnalysis
import ArgumentGraphModel
import ArgumentGraphText

/// A part of a graph to show or export: the whole graph, the neighbourhood of a claim, one actor's
/// position, two actors compared, or the claims with a tag.
///
/// The selection is a set of claims; ``subgraph(of:)`` adds the relations among them (and the
/// undercuts of those relations whose undercutter is selected), the stances on them, and the
/// actors and documents those refer to.
public enum GraphSelection: Sendable, Hashable {
    /// Every claim.
    case all
    /// A claim and every claim within `depth` relation steps of it, in either direction.
    case around(claim: String, depth: Int)
    /// The claims an actor asserts or denies, and the endpoints of the relations the actor draws.
    case actor(String)
    /// The claims either of two actors asserts or denies.
    case compare(String, String)
    /// The claims that carry a tag.
    case tag(String)

    /// The selected claims' indices in `graph`, ascending; throws for an unknown id or tag or a negative depth.
    public func claimIndices(in graph: Graph) throws(DiagnosticError) -> [Int] {
        var keep = [Bool](repeating: false, count: graph.claims.count)
        switch self {
        case .all:
            return Array(graph.claims.indices)
        case let .around(id, depth):
            let c = try Self.resolveClaim(id, in: graph)
            guard depth >= 0 else {
                throw DiagnosticError([Diagnostic(.error, "depth must be 0 or more, not \(depth)")])
            }
            Self.neighbourhood(of: c, depth: depth, in: graph, into: &keep)
        case let .actor(id):
            let a = try Self.resolveActor(id, in: graph)
            for s in graph.stancesOfActor[a] { keep[graph.stances[Int(s)].claim] = true }
            for r in graph.relations where r.actor == a {
                for p in r.premises { keep[p] = true }
                if let t = r.targetClaim { keep[t] = true }
            }
        case let .compare(x, y):
            let a = try Self.resolveActor(x, in: graph), b = try Self.resolveActor(y, in: graph)
            for s in graph.stancesOfActor[a] { keep[graph.stances[Int(s)].claim] = true }
            for s in graph.stancesOfActor[b] { keep[graph.stances[Int(s)].claim] = true }
        case let .tag(t):
            guard graph.claims.contains(where: { $0.tags.contains(t) }) else {
                throw DiagnosticError([
                    Diagnostic(.error, "no claim has the tag '\(t)'", hint: Suggestions.hint(for: t, in: graph.tags))
                ])
            }
            for (i, c) in graph.claims.enumerated() where c.tags.contains(t) { keep[i] = true }
        }
        return keep.indices.filter { keep[$0] }
    }

    /// The induced sub-graph of the selected claims, built with ``GraphBuilder``.
    public func subgraph(of graph: Graph) throws(DiagnosticError) -> SubGraph {
        // The whole graph is the graph itself, with the actors and documents that hold no stance yet.
        if case .all = self { return SubGraph(whole: graph) }
        return SubGraph(of: graph, claims: try claimIndices(in: graph))
    }

    /// Marks every claim within `depth` undirected steps of `start`; breadth-first, iterative.
    static func neighbourhood(of start: Int, depth: Int, in graph: Graph, into keep: inout [Bool]) {
        var undercutsFrom = [[Int]](repeating: [], count: graph.claims.count)
        for (i, rel) in graph.relations.enumerated() where rel.isUndercut {
            for p in rel.premises { undercutsFrom[p].append(i) }
        }
        var dist = [Int](repeating: -1, count: graph.claims.count)
        var queue = [start]
        dist[start] = 0
        var head = 0
        while head < queue.count {
            let c = queue[head]
            head += 1
            keep[c] = true
            guard dist[c] < depth else { continue }
            var next: [Int] = []
            for r in graph.supportsFrom[c] { next.append(contentsOf: Self.claimEnds(ofRelation: Int(r), in: graph)) }
            for r in graph.attacksFrom[c] { next.append(contentsOf: Self.claimEnds(ofRelation: Int(r), in: graph)) }
            for r in graph.supportsTo[c] { next.append(contentsOf: graph.relations[Int(r)].premises) }
            for r in graph.attacksTo[c] { next.append(contentsOf: graph.relations[Int(r)].premises) }
            // Undercuts: a claim is next to the undercutters of its relations, and an undercutter
            // is next to both ends of the relation it attacks.
            for list in [graph.supportsFrom[c], graph.attacksFrom[c], graph.supportsTo[c], graph.attacksTo[c]] {
                for r in list {
                    for u in graph.relationsTo[Int(r)] { next.append(contentsOf: graph.relations[Int(u)].premises) }
                }
            }
            for i in undercutsFrom[c] { next.append(contentsOf: Self.claimEnds(ofRelation: i, in: graph)) }
            for n in next where dist[n] < 0 {
                dist[n] = dist[c] + 1
                queue.append(n)
            }
        }
    }

    /// The claims at the ends of a relation (every premise of a linked one), following undercut targets down to a
    /// claim (iteratively).
    static func claimEnds(ofRelation r: Int, in graph: Graph) -> [Int] {
        var ends = graph.relations[r].premises
        var current = r
        var steps = 0
        while steps <= graph.relations.count {
            switch graph.relations[current].target {
            case let .claim(c): ends.append(c); return ends
            case let .relation(t): ends.append(contentsOf: graph.relations[t].premises); current = t
            }
            steps += 1
        }
        return ends
    }

    static func resolveClaim(_ id: String, in graph: Graph) throws(DiagnosticError) -> Int {
        try graph.index(ofClaim: id)
    }

    static func resolveActor(_ id: String, in graph: Graph) throws(DiagnosticError) -> Int {
        try graph.index(ofActor: id)
    }
}

/// A part of a graph as a graph of its own, with the way back to the original claim indices.
public struct SubGraph: Sendable {
    /// The induced sub-graph.
    public let graph: Graph
    /// For each claim of ``graph``, its index in the original graph.
    public let originalClaim: [Int]

    /// Builds the sub-graph induced by `claims` (indices into `graph`): the cut ``GraphCut/restrict(_:to:)``.
    ///
    /// Keeps the relations between kept claims, undercuts whose undercutter and target relation are
    /// kept, the stances on kept claims, and only the actors and documents still referred to. A kept
    /// relation that is undercut but has no id gets one (`r` and its index), so that the part can be
    /// written as `.arg`.
    public init(of graph: Graph, claims: [Int]) {
        let edited = GraphCut.restrict(graph, to: claims).apply(to: graph).edited
        var g = edited.graph
        if g.relations.indices.contains(where: { g.relations[$0].id == nil && g.relationsTo.degree($0) > 0 }) {
            var used = Set(graph.relations.compactMap(\.id))
            var relations = g.relations
            let origin = edited.relationMap.enumerated().reduce(into: [Int](repeating: 0, count: relations.count)) {
                o, e in
                if let n = e.element { o[n] = e.offset }
            }
            for i in relations.indices where relations[i].id == nil && g.relationsTo.degree(i) > 0 {
                var n = origin[i]
                while used.contains("r\(n)") { n += graph.relations.count }
                relations[i].id = "r\(n)"
                used.insert("r\(n)")
            }
            g = Graph(
                name: g.name, title: g.title, description: g.description, documents: g.documents, actors: g.actors,
                claims: g.claims, stances: g.stances, relations: relations)
        }
        self.graph = g
        self.originalClaim = edited.claimOrigin
    }

    /// The whole of `graph`, unchanged.
    public init(whole graph: Graph) {
        self.graph = graph
        self.originalClaim = Array(graph.claims.indices)
    }

    /// Picks, for each claim of the sub-graph, the value the original graph's claim had.
    public func remap<T>(_ values: [T]) -> [T]? {
        guard originalClaim.allSatisfy({ values.indices.contains($0) }) else { return nil }
        return originalClaim.map { values[$0] }
    }
}
