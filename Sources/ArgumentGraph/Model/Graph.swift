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
        var (sf, st, af, at, rt, linked) = Graph.relationTables(relations, claims: n)
        if linked {
            relations.withUnsafeBufferPointer { rel in
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
        }
        (supportsFrom, supportsTo, attacksFrom, attacksTo, relationsTo) = (sf, st, af, at, rt)
        (stancesOfClaim, stancesOfActor) = stances.withUnsafeBufferPointer { st in
            (
                Adjacency(count: n, items: st.count) { Int32(truncatingIfNeeded: st[$0].claim) },
                Adjacency(count: actors.count, items: st.count) { Int32(truncatingIfNeeded: st[$0].actor) }
            )
        }
    }

    /// An empty graph.
    public static let empty = Graph()

    /// The supports and attacks between claims by source and by target (first premises only), the undercuts by
    /// target relation, and whether any relation is linked. Each side (by source, by target) is one counting pass and
    /// one placing pass over the relations (a counting sort per table, with the entries of a node in increasing
    /// order); for a large graph the two sides are built at once on two threads, since each writes only its own
    /// tables. `concurrently` forces the choice (for tests).
    static func relationTables(_ relations: [Relation], claims n: Int, concurrently: Bool? = nil) -> (
        Adjacency, Adjacency, Adjacency, Adjacency, Adjacency, linked: Bool
    ) {
        typealias Side = (supports: Adjacency, attacks: Adjacency, undercuts: Adjacency?, linked: Bool)
        func side(_ bySource: Bool) -> Side {
            relations.withUnsafeBufferPointer { relationTables($0, claims: n, bySource: bySource) }
        }
        // Two variables, one per thread: a write to one field of a shared tuple would access the whole tuple.
        var from: Side?
        var to: Side?
        if concurrently ?? (relations.count >= 1 << 16) {
            Parallel.both({ from = side(true) }, { to = side(false) })
        } else {
            (from, to) = (side(true), side(false))
        }
        let (f, t) = (from!, to!)
        return (f.supports, t.supports, f.attacks, t.attacks, t.undercuts!, f.linked)
    }

    /// One side of ``relationTables(_:claims:concurrently:)``: the supports and attacks by source, and whether a
    /// relation is linked; or by target, and the undercuts by target relation.
    private static func relationTables(_ rel: UnsafeBufferPointer<Relation>, claims n: Int, bySource: Bool) -> (
        supports: Adjacency, attacks: Adjacency, undercuts: Adjacency?, linked: Bool
    ) {
        let m = rel.count
        // Supports and attacks (n + 1 offsets each), then on the target side the undercuts by target (m + 1).
        var offsets = [[Int32](repeating: 0, count: n + 1), [Int32](repeating: 0, count: n + 1)]
        if !bySource { offsets.append([Int32](repeating: 0, count: m + 1)) }
        var supports = 0, attacks = 0, undercuts = 0, linked = false
        // Raw buffers have no bounds checks in release builds: an index out of range traps here, as it did in the arrays.
        @inline(__always) func node(_ v: Int, _ limit: Int) -> Int {
            let k = Int(Int32(truncatingIfNeeded: v))
            precondition(UInt(bitPattern: k) < UInt(bitPattern: limit), "index out of range")
            return k
        }
        withMutableBuffers(&offsets) { o in
            let (s, a, u) = (o[0], o[1], bySource ? o[0] : o[2])
            for i in 0..<m {
                if bySource && !rel[i].otherPremises.isEmpty { linked = true }
                switch rel[i].target {
                case let .claim(t):
                    let k = node(bySource ? rel[i].source : t, n) + 1
                    if rel[i].kind == .support {
                        s[k] += 1
                        supports += 1
                    } else {
                        a[k] += 1
                        attacks += 1
                    }
                case let .relation(t):
                    if !bySource { u[node(t, m) + 1] += 1 }
                    undercuts += 1
                }
            }
            for i in 0..<n {
                s[i + 1] += s[i]
                a[i + 1] += a[i]
            }
            if !bySource { for i in 0..<m { u[i + 1] += u[i] } }
        }
        var entries = [[Int32](repeating: 0, count: supports), [Int32](repeating: 0, count: attacks)]
        if !bySource { entries.append([Int32](repeating: 0, count: undercuts)) }
        typealias Buffer = UnsafeMutableBufferPointer<Int32>
        // The offsets serve as the cursors (each ends at the next node's start), then move up by one: no copies.
        @inline(__always) func put(_ f: Buffer, _ e: Buffer, _ v: Int, _ i: Int) {
            let k = Int(Int32(truncatingIfNeeded: v))  // checked in the first pass
            let slot = Int(f[k])
            e[slot] = Int32(truncatingIfNeeded: i)
            f[k] = Int32(truncatingIfNeeded: slot + 1)
        }
        @inline(__always) func shift(_ f: Buffer) {
            var i = f.count - 1
            while i > 0 {
                f[i] = f[i - 1]
                i -= 1
            }
            f[0] = 0
        }
        withMutableBuffers(&offsets) { f in
            withMutableBuffers(&entries) { e in
                let (fs, fa, fu) = (f[0], f[1], bySource ? f[0] : f[2])
                let (es, ea, eu) = (e[0], e[1], bySource ? e[0] : e[2])
                for i in 0..<m {
                    switch rel[i].target {
                    case let .claim(t):
                        let v = bySource ? rel[i].source : t
                        if rel[i].kind == .support { put(fs, es, v, i) } else { put(fa, ea, v, i) }
                    case let .relation(t): if !bySource { put(fu, eu, t, i) }
                    }
                }
            }
            for table in f { shift(table) }
        }
        return (
            Adjacency(offsets: offsets[0], entries: entries[0]), Adjacency(offsets: offsets[1], entries: entries[1]),
            bySource ? nil : Adjacency(offsets: offsets[2], entries: entries[2]), linked
        )
    }

    /// Lends the storage of every array in `arrays` at once, in order, for a loop that writes several of them (the
    /// nesting of one `withUnsafeMutableBufferPointer` per array, kept out of the caller).
    private static func withMutableBuffers(
        _ arrays: inout [[Int32]], _ body: ([UnsafeMutableBufferPointer<Int32>]) -> Void
    ) {
        arrays.withUnsafeMutableBufferPointer { outer in
            var lent: [UnsafeMutableBufferPointer<Int32>] = []
            lent.reserveCapacity(outer.count)
            func lend(_ k: Int) {
                guard k < outer.count else { return body(lent) }
                outer[k].withUnsafeMutableBufferPointer { buffer in
                    lent.append(buffer)
                    lend(k + 1)
                }
            }
            lend(0)
        }
    }
}

extension Graph: Equatable {
    /// Two graphs are equal when their header and entity arrays are equal; the indexes follow from those.
    public static func == (lhs: Graph, rhs: Graph) -> Bool {
        lhs.name == rhs.name && lhs.title == rhs.title && lhs.description == rhs.description
            && lhs.documents == rhs.documents && lhs.actors == rhs.actors && lhs.claims == rhs.claims
            && lhs.stances == rhs.stances && lhs.relations == rhs.relations
    }
}
