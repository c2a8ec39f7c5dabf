import ArgumentGraphModel

/// Parts of a graph to remove, by index: the one piece of graph surgery that editing, undo, what-if,
/// cruxes and sub-graph export share.
///
/// Applying a cut first closes it, so that nothing left refers to a removed part: a removed claim takes
/// its stances and every relation from or to it; a removed actor takes their stances; a removed relation
/// takes the undercuts on it, and theirs (a work list, no recursion). A relation drawn by a removed actor
/// stays without its `by`, and a stance made in a removed document stays without its document, unless
/// the cut names them too. Everything left keeps its order, so indices shift down. Indices out of range
/// are ignored.
public struct GraphCut: Sendable, Equatable {
    /// Documents to remove.
    public var documents: Set<Int>
    /// Actors to remove.
    public var actors: Set<Int>
    /// Claims to remove.
    public var claims: Set<Int>
    /// Stances to remove.
    public var stances: Set<Int>
    /// Relations to remove.
    public var relations: Set<Int>

    /// A cut of the given parts.
    public init(
        documents: Set<Int> = [], actors: Set<Int> = [], claims: Set<Int> = [], stances: Set<Int> = [],
        relations: Set<Int> = []
    ) {
        self.documents = documents
        self.actors = actors
        self.claims = claims
        self.stances = stances
        self.relations = relations
    }

    /// Whether the cut names nothing.
    public var isEmpty: Bool {
        documents.isEmpty && actors.isEmpty && claims.isEmpty && stances.isEmpty && relations.isEmpty
    }

    /// Adds the claims that had stances before the cut and have none after it (nobody holds or denies
    /// them any more); claims that never had a stance (an analyst's evidence) stay. The what-if rule.
    public func withOrphanedClaims(in graph: Graph) -> GraphCut {
        var c = self
        let marks = Marks(self, in: graph)
        for claim in graph.claims.indices where !marks.claim[claim] && graph.stancesOfClaim.degree(claim) > 0 {
            if graph.stancesOfClaim[claim].allSatisfy({ marks.stance[Int($0)] }) { c.claims.insert(claim) }
        }
        return c
    }

    /// The cut that keeps only `claims` and what they need: the relations among them (undercuts whose
    /// undercutter and target stay), the stances on them, and the actors and documents still referred to.
    public static func restrict(_ graph: Graph, to claims: some Sequence<Int>) -> GraphCut {
        var keepClaim = [Bool](repeating: false, count: graph.claims.count)
        for c in claims where graph.claims.indices.contains(c) { keepClaim[c] = true }
        var cut = GraphCut(claims: Set(graph.claims.indices.filter { !keepClaim[$0] }))
        let marks = Marks(cut, in: graph)
        var keepActor = [Bool](repeating: false, count: graph.actors.count)
        var keepDocument = [Bool](repeating: false, count: graph.documents.count)
        for (i, s) in graph.stances.enumerated() where !marks.stance[i] {
            keepActor[s.actor] = true
            if let d = s.document { keepDocument[d] = true }
        }
        for (i, r) in graph.relations.enumerated() where !marks.relation[i] {
            if let a = r.actor { keepActor[a] = true }
        }
        cut.actors = Set(graph.actors.indices.filter { !keepActor[$0] })
        cut.documents = Set(graph.documents.indices.filter { !keepDocument[$0] })
        return cut
    }

    /// The graph without the cut parts, with index maps, and the restoration that puts them back.
    public func apply(to graph: Graph) -> (edited: EditedGraph, restoration: GraphRestoration) {
        let marks = Marks(self, in: graph)
        let claimMap = Self.renumber(marks.claim), relationMap = Self.renumber(marks.relation)
        let actorMap = Self.renumber(marks.actor), documentMap = Self.renumber(marks.document)
        var restoration = GraphRestoration(
            graph: graph, claimMap: claimMap, relationMap: relationMap, actorMap: actorMap,
            documentMap: documentMap, stanceMap: Self.renumber(marks.stance))
        var stances: [Stance] = []
        stances.reserveCapacity(graph.stances.count)
        for (i, s) in graph.stances.enumerated() {
            guard !marks.stance[i], let a = actorMap[s.actor], let c = claimMap[s.claim] else {
                restoration.stances.append(.init(index: i, value: s))
                continue
            }
            var t = s
            t.actor = a
            t.claim = c
            if let d = s.document {
                t.document = documentMap[d]
                if t.document == nil { restoration.stanceDocuments.append(.init(index: i, value: d)) }
            }
            stances.append(t)
        }
        var relations: [Relation] = []
        relations.reserveCapacity(graph.relations.count)
        for (i, r) in graph.relations.enumerated() {
            guard !marks.relation[i], let src = claimMap[r.source] else {
                restoration.relations.append(.init(index: i, value: r))
                continue
            }
            var t = r
            t.source = src
            if r.isLinked { t.otherPremises = r.otherPremises.map { claimMap[$0]! } }  // closed: every premise is kept
            switch r.target {
            case let .claim(c): t.target = .claim(claimMap[c]!)  // closed: a kept relation's ends are kept
            case let .relation(x): t.target = .relation(relationMap[x]!)
            }
            if let a = r.actor {
                t.actor = actorMap[a]
                if t.actor == nil { restoration.relationActors.append(.init(index: i, value: a)) }
            }
            relations.append(t)
        }
        func kept<T>(_ items: [T], _ map: [Int?], removed: inout [GraphRestoration.Item<T>]) -> [T] {
            var out: [T] = []
            out.reserveCapacity(items.count)
            for (i, x) in items.enumerated() {
                if map[i] != nil { out.append(x) } else { removed.append(.init(index: i, value: x)) }
            }
            return out
        }
        let g = Graph(
            name: graph.name, title: graph.title, description: graph.description,
            documents: kept(graph.documents, documentMap, removed: &restoration.documents),
            actors: kept(graph.actors, actorMap, removed: &restoration.actors),
            claims: kept(graph.claims, claimMap, removed: &restoration.claims),
            stances: stances, relations: relations)
        let edited = EditedGraph(
            graph: g, claimMap: claimMap, relationMap: relationMap, actorMap: actorMap,
            documentMap: documentMap, removedStances: graph.stances.count - stances.count)
        return (edited, restoration)
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

    /// The cut closed over `graph`, as one flag per part.
    struct Marks {
        var document: [Bool], actor: [Bool], claim: [Bool], stance: [Bool], relation: [Bool]

        init(_ cut: GraphCut, in graph: Graph) {
            func flags(_ count: Int, _ set: Set<Int>) -> [Bool] {
                var f = [Bool](repeating: false, count: count)
                for i in set where i >= 0 && i < count { f[i] = true }
                return f
            }
            document = flags(graph.documents.count, cut.documents)
            actor = flags(graph.actors.count, cut.actors)
            claim = flags(graph.claims.count, cut.claims)
            stance = flags(graph.stances.count, cut.stances)
            relation = flags(graph.relations.count, cut.relations)
            for (i, s) in graph.stances.enumerated() where claim[s.claim] || actor[s.actor] { stance[i] = true }
            var work = relation.indices.filter { relation[$0] }
            for (i, r) in graph.relations.enumerated() where !relation[i] {
                // A linked relation goes with any of its premises.
                if claim[r.source] || r.otherPremises.contains(where: { claim[$0] })
                    || r.targetClaim.map({ claim[$0] }) == true
                {
                    relation[i] = true
                    work.append(i)
                }
            }
            while let r = work.popLast() {
                for u in graph.relationsTo[r] where !relation[Int(u)] {
                    relation[Int(u)] = true
                    work.append(Int(u))
                }
            }
        }
    }
}

/// What a ``GraphCut`` removed from a graph and where it stood, so that applying this to the cut graph
/// gives back the original exactly (the inverse of a cut).
public struct GraphRestoration: Sendable, Equatable {
    /// A part and its index in the original graph.
    public struct Item<T: Sendable & Equatable>: Sendable, Equatable {
        /// Its index in the original graph.
        public var index: Int
        /// The part, with indices into the original graph.
        public var value: T
    }

    /// The original graph's header.
    let name: String?, title: String?, description: String?
    /// Maps from the original indices to the cut graph's (nil: removed).
    let claimMap: [Int?], relationMap: [Int?], actorMap: [Int?], documentMap: [Int?], stanceMap: [Int?]
    /// The removed parts, by original index, ascending.
    var documents: [Item<Document>] = [], actors: [Item<Actor>] = [], claims: [Item<Claim>] = []
    var stances: [Item<Stance>] = [], relations: [Item<Relation>] = []
    /// Kept stances that lost their document, and kept relations that lost their actor (original indices).
    var stanceDocuments: [Item<Int>] = [], relationActors: [Item<Int>] = []

    init(graph: Graph, claimMap: [Int?], relationMap: [Int?], actorMap: [Int?], documentMap: [Int?], stanceMap: [Int?])
    {
        (name, title, description) = (graph.name, graph.title, graph.description)
        (self.claimMap, self.relationMap, self.actorMap, self.documentMap, self.stanceMap) =
            (claimMap, relationMap, actorMap, documentMap, stanceMap)
    }

    /// The cut that removes again what this puts back (applied to the restored graph).
    public var cut: GraphCut {
        GraphCut(
            documents: Set(documents.map(\.index)), actors: Set(actors.map(\.index)), claims: Set(claims.map(\.index)),
            stances: Set(stances.map(\.index)), relations: Set(relations.map(\.index)))
    }

    /// How many claims, relations and stances the cut removed.
    public var removedCounts: (claims: Int, relations: Int, stances: Int) {
        (claims.count, relations.count, stances.count)
    }

    /// The original graph, from the graph the cut produced; nil when `graph` is not that graph's shape.
    public func apply(to graph: Graph) -> Graph? {
        func keptCount(_ map: [Int?]) -> Int { map.lazy.filter { $0 != nil }.count }
        guard graph.claims.count == keptCount(claimMap), graph.relations.count == keptCount(relationMap),
            graph.actors.count == keptCount(actorMap), graph.documents.count == keptCount(documentMap),
            graph.stances.count == keptCount(stanceMap)
        else { return nil }
        func origins(_ map: [Int?], count: Int) -> [Int] {
            var out = [Int](repeating: 0, count: count)
            for (old, new) in map.enumerated() { if let new { out[new] = old } }
            return out
        }
        let claimOrigin = origins(claimMap, count: graph.claims.count)
        let relationOrigin = origins(relationMap, count: graph.relations.count)
        let actorOrigin = origins(actorMap, count: graph.actors.count)
        let documentOrigin = origins(documentMap, count: graph.documents.count)
        /// Interleaves the kept parts (renumbered back) with the removed ones at their old places.
        func merge<T>(_ map: [Int?], _ kept: [T], _ removed: [Item<T>], back: (T, Int) -> T) -> [T] {
            var out: [T] = []
            out.reserveCapacity(map.count)
            var r = 0
            for (old, new) in map.enumerated() {
                if let new {
                    out.append(back(kept[new], old))
                } else {
                    out.append(removed[r].value)
                    r += 1
                }
            }
            return out
        }
        let lostDocument = Dictionary(stanceDocuments.map { ($0.index, $0.value) }, uniquingKeysWith: { a, _ in a })
        let lostActor = Dictionary(relationActors.map { ($0.index, $0.value) }, uniquingKeysWith: { a, _ in a })
        let stances = merge(stanceMap, graph.stances, self.stances) { s, old in
            var t = s
            t.actor = actorOrigin[s.actor]
            t.claim = claimOrigin[s.claim]
            t.document = s.document.map { documentOrigin[$0] } ?? lostDocument[old]
            return t
        }
        let relations = merge(relationMap, graph.relations, self.relations) { r, old in
            var t = r
            t.source = claimOrigin[r.source]
            if r.isLinked { t.otherPremises = r.otherPremises.map { claimOrigin[$0] } }
            switch r.target {
            case let .claim(c): t.target = .claim(claimOrigin[c])
            case let .relation(x): t.target = .relation(relationOrigin[x])
            }
            t.actor = r.actor.map { actorOrigin[$0] } ?? lostActor[old]
            return t
        }
        return Graph(
            name: name, title: title, description: description,
            documents: merge(documentMap, graph.documents, documents) { d, _ in d },
            actors: merge(actorMap, graph.actors, actors) { a, _ in a },
            claims: merge(claimMap, graph.claims, claims) { c, _ in c },
            stances: stances, relations: relations)
    }
}
