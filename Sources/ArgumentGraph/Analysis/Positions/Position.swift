import ArgumentGraphModel

/// Whose position to read: one actor, a group of actors, the stances made in some documents, or both filters.
///
/// A stance is in scope when its actor is in `actors` (or `actors` is nil) and its document is in
/// `documents` (or `documents` is nil; a stance without a document is then in scope too).
public struct PositionScope: Sendable, Hashable {
    /// The actors whose stances count; nil means every actor.
    public var actors: Set<Int>?
    /// The documents whose stances count; nil means any document, or none.
    public var documents: Set<Int>?

    /// Creates a scope from both filters.
    public init(actors: Set<Int>? = nil, documents: Set<Int>? = nil) {
        self.actors = actors
        self.documents = documents
    }

    /// The position of one actor.
    public static func actor(_ a: Int) -> PositionScope { PositionScope(actors: [a]) }
    /// The joint position of a group of actors.
    public static func actors(_ group: some Sequence<Int>) -> PositionScope { PositionScope(actors: Set(group)) }
    /// Everything asserted or denied in one document, by anyone.
    public static func document(_ d: Int) -> PositionScope { PositionScope(documents: [d]) }

    /// Whether a stance falls in this scope.
    public func includes(_ stance: Stance) -> Bool {
        if let actors, !actors.contains(stance.actor) { return false }
        if let documents {
            guard let d = stance.document, documents.contains(d) else { return false }
        }
        return true
    }

    /// A short name for the scope, such as `welch`, `welch+ishii` or `in stimson-2008`.
    public func label(in graph: Graph) -> String {
        var parts: [String] = []
        if let actors { parts.append(actors.sorted().map { graph.actors[$0].id }.joined(separator: "+")) }
        if let documents {
            parts.append("in " + documents.sorted().map { graph.documents[$0].id }.joined(separator: "+"))
        }
        return parts.isEmpty ? "everyone" : parts.joined(separator: " ")
    }
}

/// How a position stands on one claim.
public enum PositionStance: String, Sendable, Hashable, CaseIterable {
    /// Asserted explicitly, and never denied in scope.
    case asserts
    /// Denied explicitly, and never asserted in scope.
    case denies
    /// Both asserted and denied in scope (a change of mind, or a split group); left out of comparisons.
    case mixed
    /// Not stated, but reached from an asserted claim along the position's own support links.
    case implied
}

/// One claim in a position, with the stances behind it.
public struct PositionEntry: Sendable, Hashable {
    /// The claim's index.
    public let claim: Int
    /// How the position stands on it.
    public let stance: PositionStance
    /// The indices (in `Graph.stances`) of the explicit stances on it, in declaration order; empty when implied.
    public let stances: [Int]
    /// For an implied claim, the support relation through which it was first reached.
    public let via: Int?
}

/// What an actor, a group or a document holds: the claims asserted and denied, and optionally what follows.
///
/// **Explicit position**: every claim with an in-scope stance; `asserts` if all those stances assert,
/// `denies` if all deny, `mixed` if both occur.
///
/// **Implied position** (only with `includeImplied`): start from the asserted claims and follow support
/// relations forwards, repeatedly, as long as the relation is the position's own: drawn (`by:`) by an
/// actor in scope, or by no actor (an analyst's link). A linked support (premises that hold only together) is
/// followed only once the position holds every one of its premises. For a document scope, the actors in scope are
/// those with a stance in the document. Every claim reached that has no explicit stance is `implied`.
/// The walk does not pass through claims the position denies or is mixed on; a denied claim that is
/// reached is a *tension* (the position denies what its own claims support). The walk is a
/// breadth-first search with an explicit queue, so chains of any length and cycles are fine.
public struct Position: Sendable {
    /// The scope this position was read for.
    public let scope: PositionScope
    /// Every claim in the position, by claim index.
    public let entries: [PositionEntry]
    /// Claims asserted (and not denied).
    public let asserted: Set<Int>
    /// Claims denied (and not asserted).
    public let denied: Set<Int>
    /// Claims both asserted and denied.
    public let mixed: Set<Int>
    /// Claims implied by support links; empty unless implied claims were requested.
    public let implied: Set<Int>
    /// Denied or mixed claims that the asserted claims support along the position's own links.
    public let tensions: [Int]
    /// The actors whose reasoning is the position's own: the scope's actors, or (for a document scope)
    /// the actors with a stance in scope. Relations they drew (`by:`) are the position's inferences.
    public let actors: Set<Int>

    /// Reads the position of `scope` in `graph`.
    public init(_ graph: Graph, scope: PositionScope, includeImplied: Bool = false) {
        var candidates: [Int]
        if let actors = scope.actors {
            candidates = []
            for a in actors where a >= 0 && a < graph.actors.count {
                candidates.append(contentsOf: graph.stancesOfActor[a].map(Int.init))
            }
            candidates.sort()
        } else {
            candidates = Array(graph.stances.indices)
        }
        self.init(
            graph, scope: scope, stanceIndices: candidates.filter { scope.includes(graph.stances[$0]) },
            includeImplied: includeImplied)
    }

    /// Reads the position of one actor.
    public init(_ graph: Graph, actor: Int, includeImplied: Bool = false) {
        self.init(graph, scope: .actor(actor), includeImplied: includeImplied)
    }

    /// Builds the position from in-scope stance indices, sorted ascending.
    init(_ graph: Graph, scope: PositionScope, stanceIndices: [Int], includeImplied: Bool) {
        self.scope = scope
        var byClaim: [Int: [Int]] = [:]
        var order: [Int] = []
        for s in stanceIndices {
            let c = graph.stances[s].claim
            if byClaim[c] == nil { order.append(c) }
            byClaim[c, default: []].append(s)
        }
        var asserted = Set<Int>(), denied = Set<Int>(), mixed = Set<Int>()
        var entries: [PositionEntry] = []
        for c in order {
            let list = byClaim[c] ?? []
            let kinds = Set(list.map { graph.stances[$0].kind })
            let stance: PositionStance
            if kinds.count > 1 {
                stance = .mixed; mixed.insert(c)
            } else if kinds.contains(.denies) {
                stance = .denies; denied.insert(c)
            } else {
                stance = .asserts; asserted.insert(c)
            }
            entries.append(PositionEntry(claim: c, stance: stance, stances: list, via: nil))
        }
        let linkActors = scope.actors ?? Set(stanceIndices.map { graph.stances[$0].actor })
        var implied = Set<Int>()
        var tensions: [Int] = []
        if includeImplied {
            var queue = asserted.sorted()
            var head = 0
            var seenTension = Set<Int>()
            while head < queue.count {
                let c = queue[head]
                head += 1
                for r in graph.supportsFrom[c] {
                    let rel = graph.relations[Int(r)]
                    if let a = rel.actor, !linkActors.contains(a) { continue }
                    guard let t = rel.targetClaim else { continue }
                    // A linked support carries only once every premise is held; the last premise reached
                    // (listed under each premise in `supportsFrom`) takes the walk through.
                    if rel.isLinked, !rel.allPremises({ asserted.contains($0) || implied.contains($0) }) { continue }
                    if denied.contains(t) || mixed.contains(t) {
                        if seenTension.insert(t).inserted { tensions.append(t) }
                        continue
                    }
                    if asserted.contains(t) || implied.contains(t) { continue }
                    implied.insert(t)
                    entries.append(PositionEntry(claim: t, stance: .implied, stances: [], via: Int(r)))
                    queue.append(t)
                }
            }
        }
        entries.sort { $0.claim < $1.claim }
        self.entries = entries
        self.asserted = asserted
        self.denied = denied
        self.mixed = mixed
        self.implied = implied
        self.tensions = tensions.sorted()
        self.actors = linkActors
    }

    /// Claims the position holds: asserted or implied.
    public var held: Set<Int> { asserted.union(implied) }

    /// Every claim the position takes any stance on, implied included.
    public var addressed: Set<Int> { held.union(denied).union(mixed) }

    /// Whether the position says nothing at all.
    public var isEmpty: Bool { entries.isEmpty }

    /// How the position stands on a claim, or nil if it says nothing about it.
    public func stance(on claim: Int) -> PositionStance? {
        if asserted.contains(claim) { return .asserts }
        if denied.contains(claim) { return .denies }
        if mixed.contains(claim) { return .mixed }
        if implied.contains(claim) { return .implied }
        return nil
    }

    /// The quotes of the explicit stances on a claim, in declaration order.
    public func quotes(on claim: Int, in graph: Graph) -> [Quote] {
        guard let e = entry(for: claim) else { return [] }
        return e.stances.flatMap { graph.stances[$0].quotes }
    }

    /// The entry for a claim, if the position has one (binary search over the sorted entries).
    public func entry(for claim: Int) -> PositionEntry? {
        var lo = 0, hi = entries.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if entries[mid].claim < claim { lo = mid + 1 } else { hi = mid }
        }
        return lo < entries.count && entries[lo].claim == claim ? entries[lo] : nil
    }
}
