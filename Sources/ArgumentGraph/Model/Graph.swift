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

    let documentIndex: [String: Int]
    let actorIndex: [String: Int]
    let claimIndex: [String: Int]
    let relationIndex: [String: Int]

    /// For each claim, the indices of the support relations that start from it.
    public let supportsFrom: Adjacency
    /// For each claim, the indices of the support relations that end at it.
    public let supportsTo: Adjacency
    /// For each claim, the indices of the attack relations on claims that start from it.
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
    public init(name: String? = nil, title: String? = nil, description: String? = nil,
                documents: [Document] = [], actors: [Actor] = [], claims: [Claim] = [],
                stances: [Stance] = [], relations: [Relation] = []) {
        self.name = name
        self.title = title
        self.description = description
        self.documents = documents
        self.actors = actors
        self.claims = claims
        self.stances = stances
        self.relations = relations
        documentIndex = Graph.index(documents.map(\.id))
        actorIndex = Graph.index(actors.map(\.id))
        claimIndex = Graph.index(claims.map(\.id))
        var relIndex: [String: Int] = [:]
        for (i, r) in relations.enumerated() { if let id = r.id { relIndex[id] = i } }
        relationIndex = relIndex

        var sFrom: [(node: Int32, entry: Int32)] = [], sTo: [(node: Int32, entry: Int32)] = []
        var aFrom: [(node: Int32, entry: Int32)] = [], aTo: [(node: Int32, entry: Int32)] = []
        var rTo: [(node: Int32, entry: Int32)] = []
        for (i, r) in relations.enumerated() {
            let e = Int32(i)
            switch (r.kind, r.target) {
            case let (.support, .claim(t)):
                sFrom.append((Int32(r.source), e)); sTo.append((Int32(t), e))
            case let (.attack, .claim(t)):
                aFrom.append((Int32(r.source), e)); aTo.append((Int32(t), e))
            case let (_, .relation(t)):
                rTo.append((Int32(t), e))
            }
        }
        supportsFrom = Adjacency(count: claims.count, pairs: sFrom)
        supportsTo = Adjacency(count: claims.count, pairs: sTo)
        attacksFrom = Adjacency(count: claims.count, pairs: aFrom)
        attacksTo = Adjacency(count: claims.count, pairs: aTo)
        relationsTo = Adjacency(count: relations.count, pairs: rTo)
        stancesOfClaim = Adjacency(count: claims.count,
                                   pairs: stances.enumerated().map { (Int32($0.element.claim), Int32($0.offset)) })
        stancesOfActor = Adjacency(count: actors.count,
                                   pairs: stances.enumerated().map { (Int32($0.element.actor), Int32($0.offset)) })
    }

    private static func index(_ ids: [String]) -> [String: Int] {
        var d: [String: Int] = [:]
        d.reserveCapacity(ids.count)
        for (i, id) in ids.enumerated() { d[id] = i }
        return d
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
