import ArgumentGraphModel

/// Where two positions meet: common ground, conflicts, what each leaves unaddressed, and an agreement index.
///
/// Each side *holds* its asserted claims (plus its implied claims when those were requested) and
/// *denies* its denied claims; claims a side is mixed on count for neither.
///
/// A side *holds* a relation's source when it holds the claim, and for a linked relation (premises that give a
/// reason only together) when it holds every premise: the linked argument then counts once, as one unit, and a side
/// holding only some premises holds no argument. A side that denies a premise the other side holds already
/// contradicts it on that premise, which counts once as a contradiction.
///
/// **Agreements** (each claim or relation counted once):
/// - *both assert* a claim; *both deny* a claim;
/// - a *support* relation whose source one side holds and whose target the other side holds, when one of the
///   two sides drew it (`by:`): an inference an author draws. A link the analyst drew (no `by:`), or a third
///   party drew, between two authors' claims is not their agreement, and does not count.
///
/// **Conflicts** (each claim or relation counted once):
/// - *contradiction*: one side holds a claim the other denies;
/// - an *attack* relation whose source one side holds and whose target the other side holds;
/// - an *undercut* whose source one side holds, on a relation whose source the other side holds — unless
///   that relation was drawn (`by:`) by the undercutting side itself: then the undercut qualifies the side's
///   own inference (a concession), which is no conflict with whoever shares the inference's premise.
///
/// **Agreement index**: (agreements − conflicts) / (agreements + conflicts), and 0 when both are 0.
///
/// **Unaddressed**: the claims one side takes a stance on (or implies) that the other side neither takes
/// a stance on nor touches with any relation between their claims.
public struct Comparison: Sendable {
    /// The text shown by `help compare`: the definition of the agreement index.
    public static let definition = """
        Agreement index = (agreements - conflicts) / (agreements + conflicts), in [-1, 1]; 0 when both \
        counts are 0. Agreements: claims both assert, claims both deny, and support relations from a \
        claim one holds to a claim the other holds that one of the two drew (by:; a link the analyst or a \
        third party drew is not their agreement). Conflicts: claims one asserts and the other denies, \
        attack relations from a claim one holds to a claim the other holds, and undercuts by one of a \
        relation whose source the other holds (not when the undercut relation is one the undercutting side \
        drew itself: that is a concession). A linked relation (premises joined by +) is a side's only when \
        the side holds every premise, and counts once. Each claim or relation counts once. Claims an actor \
        both asserts and denies count for neither. +1: only agreement; -1: only conflict.
        """

    /// Which of the two positions.
    public enum Side: String, Sendable, Hashable {
        /// The first position.
        case first
        /// The second position.
        case second
    }

    /// The kind of a point of agreement or conflict.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Both assert the claim.
        case bothAssert = "both assert"
        /// Both deny the claim.
        case bothDeny = "both deny"
        /// One side's claim supports the other's.
        case supports
        /// One asserts what the other denies.
        case contradicts
        /// One side's claim attacks the other's.
        case attacks
        /// One side's claim undercuts a relation from the other's claim.
        case undercuts

        /// Whether this kind counts as agreement (else as conflict).
        public var isAgreement: Bool { self == .bothAssert || self == .bothDeny || self == .supports }
    }

    /// One point of agreement or conflict.
    public struct Point: Sendable, Hashable {
        /// What kind of point it is.
        public let kind: Kind
        /// The shared claim, or the source claim of the relation (a linked relation's first premise), or (for a
        /// contradiction) the claim.
        public let claim: Int
        /// The target claim of a support or attack; for an undercut, the source claim (first premise) of the undercut
        /// relation.
        public let other: Int?
        /// The relation involved, if any.
        public let relation: Int?
        /// The side that holds `claim` (the asserting side for a contradiction); nil when both share it.
        public let side: Side?
    }

    /// The first position.
    public let first: Position
    /// The second position.
    public let second: Position
    /// The points of agreement, by kind then claim.
    public let agreements: [Point]
    /// The points of conflict, by kind then claim.
    public let conflicts: [Point]
    /// Claims of the first position that the second does not address.
    public let onlyFirst: [Int]
    /// Claims of the second position that the first does not address.
    public let onlySecond: [Int]

    /// The agreement index for these counts: (a − c) / (a + c), and 0 when both are 0.
    public static func index(agreements a: Int, conflicts c: Int) -> Double {
        a + c == 0 ? 0 : Double(a - c) / Double(a + c)
    }

    /// The agreement index of the two positions, in [−1, 1].
    public var index: Double { Comparison.index(agreements: agreements.count, conflicts: conflicts.count) }

    /// Compares the positions of two scopes.
    public init(_ graph: Graph, _ a: PositionScope, _ b: PositionScope, includeImplied: Bool = false) {
        self.init(
            graph, Position(graph, scope: a, includeImplied: includeImplied),
            Position(graph, scope: b, includeImplied: includeImplied))
    }

    /// Compares two actors.
    public init(_ graph: Graph, actor a: Int, actor b: Int, includeImplied: Bool = false) {
        self.init(graph, .actor(a), .actor(b), includeImplied: includeImplied)
    }

    /// Compares two positions already read.
    public init(_ graph: Graph, _ p: Position, _ q: Position) {
        self.init(graph, p, q, undercutsFrom: nil)
    }

    /// Compares two positions; `undercutsFrom` (undercut relations by source claim) may be precomputed.
    init(_ graph: Graph, _ p: Position, _ q: Position, undercutsFrom: Adjacency?) {
        first = p
        second = q
        let hp = p.held, hq = q.held
        var agree: [Point] = [], conflict: [Point] = []
        for c in hp.intersection(hq).sorted() {
            agree.append(Point(kind: .bothAssert, claim: c, other: nil, relation: nil, side: nil))
        }
        for c in p.denied.intersection(q.denied).sorted() {
            agree.append(Point(kind: .bothDeny, claim: c, other: nil, relation: nil, side: nil))
        }
        for c in hp.intersection(q.denied).sorted() {
            conflict.append(Point(kind: .contradicts, claim: c, other: nil, relation: nil, side: .first))
        }
        for c in hq.intersection(p.denied).sorted() {
            conflict.append(Point(kind: .contradicts, claim: c, other: nil, relation: nil, side: .second))
        }

        // Relations from a held claim of one side to a held claim of the other, each once.
        var seen = Set<Int>()
        var links: [Point] = []
        for (from, to, side) in [(hp, hq, Side.first), (hq, hp, Side.second)] {
            for s in from.sorted() {
                for r32 in graph.supportsFrom[s] + graph.attacksFrom[s] {
                    let r = Int(r32)
                    // Fields read in place: a copy of the relation would retain its strings.
                    guard let t = graph.relations[r].targetClaim, to.contains(t) else { continue }
                    // A linked relation is one side's argument only when that side holds every premise.
                    if graph.relations[r].isLinked, !graph.relations[r].allPremises(from.contains) { continue }
                    let kind = graph.relations[r].kind
                    if kind == .support, !Comparison.drawn(graph, r, byOneOf: p.actors, q.actors) { continue }
                    guard seen.insert(r).inserted else { continue }
                    links.append(
                        Point(
                            kind: kind == .support ? .supports : .attacks, claim: graph.relations[r].source, other: t,
                            relation: r, side: side))
                }
            }
        }
        let undercuts = undercutsFrom ?? Comparison.undercutsBySource(graph)
        for (from, to, side, own) in [(hp, hq, Side.first, p.actors), (hq, hp, Side.second, q.actors)] {
            for s in from.sorted() {
                for u32 in undercuts[s] {
                    let u = Int(u32)
                    guard case let .relation(target) = graph.relations[u].target else { continue }
                    let src = graph.relations[target].source
                    guard graph.relations[u].allPremises(from.contains),
                        graph.relations[target].allPremises(to.contains),
                        !Comparison.qualifiesOwnInference(graph, undercut: u, of: own), seen.insert(u).inserted
                    else { continue }
                    links.append(Point(kind: .undercuts, claim: s, other: src, relation: u, side: side))
                }
            }
        }
        links.sort { ($0.relation ?? 0) < ($1.relation ?? 0) }
        for l in links { if l.kind.isAgreement { agree.append(l) } else { conflict.append(l) } }
        let order = Kind.allCases
        let rank = { (k: Kind) in order.firstIndex(of: k) ?? 0 }
        agreements = agree.enumerated().sorted {
            (rank($0.element.kind), $0.offset) < (rank($1.element.kind), $1.offset)
        }.map(\.element)
        conflicts = conflict.enumerated().sorted {
            (rank($0.element.kind), $0.offset) < (rank($1.element.kind), $1.offset)
        }.map(\.element)

        onlyFirst = Comparison.unaddressed(graph, p, by: q)
        onlySecond = Comparison.unaddressed(graph, q, by: p)
    }

    /// Whether relation `r` was drawn (`by:`) by an actor of either side: a support counts as agreement only then.
    static func drawn(_ graph: Graph, _ r: Int, byOneOf first: Set<Int>, _ second: Set<Int>) -> Bool {
        guard let a = graph.relations[r].actor else { return false }
        return first.contains(a) || second.contains(a)
    }

    /// Whether undercut `u` targets a relation drawn (`by:`) by one of `actors`: a concession, not a conflict.
    static func qualifiesOwnInference(_ graph: Graph, undercut u: Int, of actors: Set<Int>) -> Bool {
        guard case let .relation(t) = graph.relations[u].target, let a = graph.relations[t].actor else { return false }
        return actors.contains(a)
    }

    /// The undercut relations indexed by their source claim (for a linked undercut, its first premise).
    static func undercutsBySource(_ graph: Graph) -> Adjacency {
        var pairs: [(node: Int32, entry: Int32)] = []
        for (i, r) in graph.relations.enumerated() where r.isUndercut { pairs.append((Int32(r.source), Int32(i))) }
        return Adjacency(count: graph.claims.count, pairs: pairs)
    }

    /// The claims of `p` that `q` neither takes a stance on nor links to by a relation between their claims.
    static func unaddressed(_ graph: Graph, _ p: Position, by q: Position) -> [Int] {
        let theirs = q.addressed
        var out: [Int] = []
        for c in p.addressed.sorted() where !theirs.contains(c) {
            var touched = false
            for list in [graph.supportsFrom[c], graph.attacksFrom[c]] where !touched {
                for r in list {
                    if let t = graph.relations[Int(r)].targetClaim, theirs.contains(t) { touched = true; break }
                }
            }
            for list in [graph.supportsTo[c], graph.attacksTo[c]] where !touched {
                for r in list where graph.relations[Int(r)].anyPremise(theirs.contains) { touched = true; break }
            }
            if !touched { out.append(c) }
        }
        return out
    }
}
