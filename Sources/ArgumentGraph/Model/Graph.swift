/// An immutable argument graph: documents, actors, claims, stances and relations, indexed for speed.
///
/// Entities live in plain arrays; everything refers to everything else by index. Ids map to
/// indices in O(1), and the relations are also stored as compressed adjacency tables in both
/// directions, so analyses run over arrays of integers. Build one with ``GraphBuilder`` or read
/// one with ``ArgReader`` or ``GraphJSON``.
public struct Graph: Sendable {
    /// The graph's slug, such as `us-japan-alliance`, if declared.
    public let name: String?
    /// A human title, if declared.
    public let title: String?
    /// A longer description, if declared.
    public let description: String?
    /// The documents, in declaration order.
    public let documents: [Document]
    /// The actors, in declaration order.
    public let actors: [Actor]
    /// The claims, in declaration order.
    public let claims: [Claim]
    /// The stances, in declaration order.
    public let stances: [Stance]
    /// The relations, in declaration order.
    public let relations: [Relation]

    let documentIndex: IdTable
    let actorIndex: IdTable
    let claimIndex: IdTable
    let relationIndex: IdTable

    /// For each claim, the indices of the support relations that start from it; a linked relation is listed under
    /// each of its premises.
    public let supportsFrom: Adjacency
    /// For each claim, the indices of the support relations that end at it.
    public let supportsTo: Adjacency
    /// For each claim, the indices of the attack relations on claims that start from it; a linked relation is listed
    /// under each of its premises.
    public let attacksFrom: Adjacency
    /// For each claim, the indices of the attack relations that end at it.
    public let attacksTo: Adjacency
    /// For each relation, the indices of the relations (undercuts) that target it.
    public let relationsTo: Adjacency
    /// For each claim, the indices of its stances.
    public let stancesOfClaim: Adjacency
    /// For each actor, the indices of their stances.
    public let stancesOfActor: Adjacency

    /// Creates a graph from entities whose indices have already been checked.
    ///
    /// Every index must be in range and every id unique per kind; ``GraphBuilder`` guarantees
    /// this. The initializer traps on a violated precondition.
    public init(
        name: String? = nil, title: String? = nil, description: String? = nil,
        documents: [Document] = [], actors: [Actor] = [], claims: [Claim] = [],
        stances: [Stance] = [], relations: [Relation] = []
    ) {
        self.init(
            name: name, title: title, description: description, documents: documents, actors: actors,
            claims: claims, stances: stances, relations: relations,
            documentIndex: Graph.lastWins(documents.map(\.id)), actorIndex: Graph.lastWins(actors.map(\.id)),
            claimIndex: Graph.lastWins(claims.map(\.id)), relationIndex: nil)
    }

    /// A table of ids where a repeated id maps to its last position.
    private static func lastWins(_ ids: [String]) -> IdTable {
        var t = IdTable(capacity: ids.count)
        for i in ids.indices.reversed() { _ = t.insert(ids[i], value: Int32(i)) }
        return t
    }

    /// Creates a graph with id tables already built (first declaration wins); a nil relation table is built here.
    init(
        name: String?, title: String?, description: String?, documents: [Document], actors: [Actor], claims: [Claim],
        stances: [Stance], relations: [Relation], documentIndex: IdTable, actorIndex: IdTable, claimIndex: IdTable,
        relationIndex: IdTable?
    ) {
        self.name = name
        self.title = title
        self.description = description
        self.documents = documents
        self.actors = actors
        self.claims = claims
        self.stances = stances
        self.relations = relations
        self.documentIndex = documentIndex
        self.actorIndex = actorIndex
        self.claimIndex = claimIndex
        if let relationIndex {
            self.relationIndex = relationIndex
        } else {
            // The last relation with an id wins, as it always has for graphs built directly.
            var t = IdTable()
            for (i, r) in relations.enumerated().reversed() { if let id = r.id { _ = t.insert(id, value: Int32(i)) } }
            self.relationIndex = t
        }

        let n = claims.count
        (supportsFrom, supportsTo, attacksFrom, attacksTo, relationsTo) = relations.withUnsafeBufferPointer { rel in
            func claimEnds(_ kind: RelationKind) -> (Adjacency, Adjacency) {
                // Fields are read one by one: binding the whole relation would copy (retain and release) its strings.
                (
                    Adjacency(count: n, items: rel.count) { i in
                        if rel[i].kind == kind, case .claim = rel[i].target {
                            return Int32(truncatingIfNeeded: rel[i].source)
                        }
                        return nil
                    },
                    Adjacency(count: n, items: rel.count) { i in
                        if rel[i].kind == kind, case let .claim(t) = rel[i].target {
                            return Int32(truncatingIfNeeded: t)
                        }
                        return nil
                    }
                )
            }
            let (sf0, st) = claimEnds(.support)
            let (af0, at) = claimEnds(.attack)
            var sf = sf0, af = af0
            if rel.indices.contains(where: { !rel[$0].otherPremises.isEmpty }) {
                // Linked relations: every premise lists the relation (a slower pass, only for graphs that have them).
                func fromEveryPremise(_ kind: RelationKind) -> Adjacency {
                    var pairs: [(node: Int32, entry: Int32)] = []
                    for i in rel.indices where rel[i].kind == kind {
                        guard case .claim = rel[i].target else { continue }
                        pairs.append((Int32(truncatingIfNeeded: rel[i].source), Int32(i)))
                        for p in rel[i].otherPremises { pairs.append((Int32(truncatingIfNeeded: p), Int32(i))) }
                    }
                    return Adjacency(count: n, pairs: pairs)
                }
                sf = fromEveryPremise(.support)
                af = fromEveryPremise(.attack)
            }
            let rt = Adjacency(count: rel.count, items: rel.count) { i in
                if case let .relation(t) = rel[i].target { return Int32(truncatingIfNeeded: t) }
                return nil
            }
            return (sf, st, af, at, rt)
        }
        (stancesOfClaim, stancesOfActor) = stances.withUnsafeBufferPointer { st in
            (
                Adjacency(count: n, items: st.count) { Int32(truncatingIfNeeded: st[$0].claim) },
                Adjacency(count: actors.count, items: st.count) { Int32(truncatingIfNeeded: st[$0].actor) }
            )
        }
    }

    /// An empty graph.
    public static let empty = Graph()
}

extension Graph: Equatable {
    /// Two graphs are equal when their header and entity arrays are equal; the indexes follow from those.
    public static func == (lhs: Graph, rhs: Graph) -> Bool {
        lhs.name == rhs.name && lhs.title == rhs.title && lhs.description == rhs.description
            && lhs.documents == rhs.documents && lhs.actors == rhs.actors && lhs.claims == rhs.claims
            && lhs.stances == rhs.stances && lhs.relations == rhs.relations
    }
}
