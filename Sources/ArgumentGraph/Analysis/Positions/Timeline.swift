import ArgumentGraphModel

/// An actor's stances in document order, marking where a view is restated, extended or reversed.
///
/// Documents are ordered by date (``PartialDate`` order: a year sorts before the months of that
/// year), then by declaration; undated documents come after the dated ones, and stances without a
/// document last. "Earlier" means earlier in this order. For each stance of an actor:
/// - **restated**: the actor took the same stance on the same claim in an earlier document;
/// - **reversed**: the actor took the opposite stance on that claim earlier, or the claim (asserted
///   now) attacks a claim the actor asserted earlier;
/// - **extended**: the claim (asserted now) is new for the actor and supports a claim the actor
///   asserted earlier;
/// - **new**: none of these.
/// A stance may be both reversed and extended; the list of changes names every one that applies. A linked
/// relation (premises that hold only together) attacks or supports once the actor asserts every premise: the
/// stance that completes the premises, in an earlier document or this one, is the one marked.
public struct Timeline: Sendable {
    /// How a stance relates to the actor's earlier stances.
    public enum Change: String, Sendable, Hashable, CaseIterable {
        /// First stance on this claim, with no link to earlier claims.
        case new
        /// The same stance on the same claim as before.
        case restated
        /// A new claim that supports an earlier one.
        case extended
        /// The opposite stance to an earlier one, or an attack on an earlier claim.
        case reversed
    }

    /// One stance in the timeline.
    public struct Entry: Sendable, Hashable {
        /// The stance's index in `Graph.stances`.
        public let stance: Int
        /// The actor.
        public let actor: Int
        /// The claim.
        public let claim: Int
        /// Asserts or denies.
        public let kind: StanceKind
        /// The document, if any.
        public let document: Int?
        /// The document's date, if known.
        public let date: PartialDate?
        /// What changed relative to the actor's earlier stances; never empty.
        public let changes: [Change]
        /// The earlier claims involved: restated or reversed claims, or the claims extended or attacked.
        public let earlier: [Int]
    }

    /// The entries, in document order, then actor index, then stance order.
    public let entries: [Entry]

    /// The timeline of one actor, or of every actor when `actor` is nil.
    public init(_ graph: Graph, actor: Int? = nil) {
        let docOrder = Timeline.documentOrder(graph)
        var rank = [Int](repeating: 0, count: graph.documents.count)
        for (k, d) in docOrder.enumerated() { rank[d] = k }
        let noDocument = graph.documents.count
        let stanceIndices: [Int]
        if let actor {
            stanceIndices = actor >= 0 && actor < graph.actors.count ? graph.stancesOfActor[actor].map(Int.init) : []
        } else {
            stanceIndices = Array(graph.stances.indices)
        }
        let sorted = stanceIndices.sorted { a, b in
            let sa = graph.stances[a], sb = graph.stances[b]
            let ra = sa.document.map { rank[$0] } ?? noDocument, rb = sb.document.map { rank[$0] } ?? noDocument
            return (ra, sa.actor, a) < (rb, sb.actor, b)
        }
        // Per actor: what they said in strictly earlier documents. A "slot" is a document rank.
        struct Memory { var asserted = Set<Int>(); var denied = Set<Int>() }
        var committed: [Int: Memory] = [:]
        var pending: [Int: Memory] = [:]
        var currentSlot = -1
        var out: [Entry] = []
        for s in sorted {
            let st = graph.stances[s]
            let slot = st.document.map { rank[$0] } ?? noDocument
            if slot != currentSlot {
                for (a, m) in pending {
                    committed[a, default: Memory()].asserted.formUnion(m.asserted)
                    committed[a, default: Memory()].denied.formUnion(m.denied)
                }
                pending = [:]
                currentSlot = slot
            }
            let before = committed[st.actor] ?? Memory()
            var changes: [Change] = [], earlier: [Int] = []
            let same = st.kind == .asserts ? before.asserted : before.denied
            let opposite = st.kind == .asserts ? before.denied : before.asserted
            if same.contains(st.claim) { changes.append(.restated); earlier.append(st.claim) }
            var reversed = false
            if opposite.contains(st.claim) { reversed = true; earlier.append(st.claim) }
            if st.kind == .asserts {
                // A linked relation counts once the actor asserts its other premises too, earlier or in this document.
                let now = pending[st.actor]?.asserted ?? []
                let whole = { (r: Int32) -> Int? in
                    let rel = graph.relations[Int(r)]
                    guard let t = rel.targetClaim, before.asserted.contains(t) else { return nil }
                    if rel.isLinked
                        && !rel.allPremises({ $0 == st.claim || before.asserted.contains($0) || now.contains($0) })
                    {
                        return nil
                    }
                    return t
                }
                for t in graph.attacksFrom[st.claim].compactMap(whole) {
                    reversed = true
                    earlier.append(t)
                }
                let isNew = !before.asserted.contains(st.claim) && !before.denied.contains(st.claim)
                if isNew {
                    let extendedTargets = graph.supportsFrom[st.claim].compactMap(whole)
                    if !extendedTargets.isEmpty {
                        changes.append(.extended); earlier.append(contentsOf: extendedTargets)
                    }
                }
            }
            if reversed { changes.append(.reversed) }
            if changes.isEmpty { changes = [.new] }
            var seen = Set<Int>()
            out.append(
                Entry(
                    stance: s, actor: st.actor, claim: st.claim, kind: st.kind, document: st.document,
                    date: st.document.flatMap { graph.documents[$0].date }, changes: changes,
                    earlier: earlier.filter { seen.insert($0).inserted }))
            if st.kind == .asserts {
                pending[st.actor, default: Memory()].asserted.insert(st.claim)
            } else {
                pending[st.actor, default: Memory()].denied.insert(st.claim)
            }
        }
        entries = out
    }

    /// Document indices in timeline order: dated by date (then declaration order), then undated in declaration order.
    public static func documentOrder(_ graph: Graph) -> [Int] {
        graph.documents.indices.sorted { a, b in
            switch (graph.documents[a].date, graph.documents[b].date) {
            case let (da?, db?): return da != db ? da < db : a < b
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a < b
            }
        }
    }
}
