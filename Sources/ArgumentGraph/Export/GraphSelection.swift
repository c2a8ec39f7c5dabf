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
            guard depth >= 0 else { throw DiagnosticError([Diagnostic(.error, "depth must be 0 or more, not \(depth)")]) }
            Self.neighbourhood(of: c, depth: depth, in: graph, into: &keep)
        case let .actor(id):
            let a = try Self.resolveActor(id, in: graph)
            for s in graph.stancesOfActor[a] { keep[graph.stances[Int(s)].claim] = true }
            for r in graph.relations where r.actor == a {
                keep[r.source] = true
                if let t = r.targetClaim { keep[t] = true }
            }
        case let .compare(x, y):
            let a = try Self.resolveActor(x, in: graph), b = try Self.resolveActor(y, in: graph)
            for s in graph.stancesOfActor[a] { keep[graph.stances[Int(s)].claim] = true }
            for s in graph.stancesOfActor[b] { keep[graph.stances[Int(s)].claim] = true }
        case let .tag(t):
            guard graph.claims.contains(where: { $0.tags.contains(t) }) else {
                throw DiagnosticError([Diagnostic(.error, "no claim has the tag '\(t)'", hint: Suggestions.hint(for: t, in: graph.tags))])
            }
            for (i, c) in graph.claims.enumerated() where c.tags.contains(t) { keep[i] = true }
        }
        return keep.indices.filter { keep[$0] }
    }

    /// The induced sub-graph of the selected claims, built with ``GraphBuilder``.
    public func subgraph(of graph: Graph) throws(DiagnosticError) -> SubGraph {
        SubGraph(of: graph, claims: try claimIndices(in: graph))
    }

    /// Marks every claim within `depth` undirected steps of `start`; breadth-first, iterative.
    static func neighbourhood(of start: Int, depth: Int, in graph: Graph, into keep: inout [Bool]) {
        var undercutsFrom = [[Int]](repeating: [], count: graph.claims.count)
        for (i, rel) in graph.relations.enumerated() where rel.isUndercut { undercutsFrom[rel.source].append(i) }
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
            for r in graph.supportsTo[c] { next.append(graph.relations[Int(r)].source) }
            for r in graph.attacksTo[c] { next.append(graph.relations[Int(r)].source) }
            // Undercuts: a claim is next to the undercutters of its relations, and an undercutter
            // is next to both ends of the relation it attacks.
            for list in [graph.supportsFrom[c], graph.attacksFrom[c], graph.supportsTo[c], graph.attacksTo[c]] {
                for r in list { for u in graph.relationsTo[Int(r)] { next.append(graph.relations[Int(u)].source) } }
            }
            for i in undercutsFrom[c] { next.append(contentsOf: Self.claimEnds(ofRelation: i, in: graph)) }
            for n in next where dist[n] < 0 {
                dist[n] = dist[c] + 1
                queue.append(n)
            }
        }
    }

    /// The claims at the ends of a relation, following undercut targets down to a claim (iteratively).
    static func claimEnds(ofRelation r: Int, in graph: Graph) -> [Int] {
        var ends = [graph.relations[r].source]
        var current = r
        var steps = 0
        while steps <= graph.relations.count {
            switch graph.relations[current].target {
            case let .claim(c): ends.append(c); return ends
            case let .relation(t): ends.append(graph.relations[t].source); current = t
            }
            steps += 1
        }
        return ends
    }

    static func resolveClaim(_ id: String, in graph: Graph) throws(DiagnosticError) -> Int {
        if let c = graph.claimIndex(of: id) { return c }
        throw DiagnosticError([Diagnostic(.error, "unknown claim '\(id)'", hint: Suggestions.hint(for: id, in: graph.claims.map(\.id)))])
    }

    static func resolveActor(_ id: String, in graph: Graph) throws(DiagnosticError) -> Int {
        if let a = graph.actorIndex(of: id) { return a }
        throw DiagnosticError([Diagnostic(.error, "unknown actor '\(id)'", hint: Suggestions.hint(for: id, in: graph.actors.map(\.id)))])
    }
}

/// A part of a graph as a graph of its own, with the way back to the original claim indices.
public struct SubGraph: Sendable {
    /// The induced sub-graph.
    public let graph: Graph
    /// For each claim of ``graph``, its index in the original graph.
    public let originalClaim: [Int]

    /// Builds the sub-graph induced by `claims` (indices into `graph`).
    ///
    /// Keeps the relations between kept claims, undercuts whose undercutter and target relation are
    /// kept, the stances on kept claims, and only the actors and documents still referred to.
    public init(of graph: Graph, claims: [Int]) {
        var keepClaim = [Bool](repeating: false, count: graph.claims.count)
        for c in claims where graph.claims.indices.contains(c) { keepClaim[c] = true }
        // Relations: those between kept claims, then undercuts reachable from kept relations (worklist).
        var keepRel = [Bool](repeating: false, count: graph.relations.count)
        var work: [Int] = []
        for (i, r) in graph.relations.enumerated() {
            if let t = r.targetClaim, keepClaim[r.source], keepClaim[t] { keepRel[i] = true; work.append(i) }
        }
        while let t = work.popLast() {
            for u in graph.relationsTo[t] where !keepRel[Int(u)] && keepClaim[graph.relations[Int(u)].source] {
                keepRel[Int(u)] = true
                work.append(Int(u))
            }
        }
        var keepActor = [Bool](repeating: false, count: graph.actors.count)
        var keepDoc = [Bool](repeating: false, count: graph.documents.count)
        for s in graph.stances where keepClaim[s.claim] {
            keepActor[s.actor] = true
            if let d = s.document { keepDoc[d] = true }
        }
        for (i, r) in graph.relations.enumerated() where keepRel[i] { if let a = r.actor { keepActor[a] = true } }

        var b = GraphBuilder()
        b.lint = false
        b.name = graph.name
        b.title = graph.title
        b.description = graph.description
        for (i, d) in graph.documents.enumerated() where keepDoc[i] { b.add(d) }
        for (i, a) in graph.actors.enumerated() where keepActor[i] { b.add(a) }
        var original: [Int] = []
        for (i, c) in graph.claims.enumerated() where keepClaim[i] { b.add(c); original.append(i) }
        for s in graph.stances where keepClaim[s.claim] {
            b.add(GraphBuilder.StanceDraft(actor: graph.actors[s.actor].id, claim: graph.claims[s.claim].id, kind: s.kind,
                                           document: s.document.map { graph.documents[$0].id }, quotes: s.quotes))
        }
        // Relations that are undercut need an id to be referred to; invent one where missing.
        var used = Set(graph.relations.compactMap(\.id))
        var relID = graph.relations.map(\.id)
        for (i, r) in graph.relations.enumerated() where keepRel[i] && r.id == nil && graph.relationsTo.degree(i) > 0 {
            var n = i
            while used.contains("r\(n)") { n += graph.relations.count }
            relID[i] = "r\(n)"
            used.insert("r\(n)")
        }
        for (i, r) in graph.relations.enumerated() where keepRel[i] {
            let target: GraphBuilder.TargetDraft
            switch r.target {
            case let .claim(c): target = .claim(graph.claims[c].id)
            case let .relation(t): target = .relation(relID[t] ?? "r\(t)")
            }
            b.add(GraphBuilder.RelationDraft(id: relID[i], kind: r.kind, source: graph.claims[r.source].id, target: target,
                                             weight: r.weight, actor: r.actor.map { graph.actors[$0].id }, note: r.note))
        }
        // The parts of a valid graph form a valid graph; fall back to an empty one rather than trap.
        self.graph = (try? b.build().graph) ?? Graph.empty
        self.originalClaim = self.graph.claims.isEmpty ? [] : original
    }

    /// Picks, for each claim of the sub-graph, the value the original graph's claim had.
    public func remap<T>(_ values: [T]) -> [T]? {
        guard originalClaim.allSatisfy({ values.indices.contains($0) }) else { return nil }
        return originalClaim.map { values[$0] }
    }
}
