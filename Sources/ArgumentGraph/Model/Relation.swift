/// A support or attack from one claim, or from several claims together (a linked relation), to a claim or to
/// another relation (an undercut).
///
/// A linked relation's premises support or attack only together (Argdown premise–conclusion structures, AIF
/// nodes with several premises, SETAF collective attacks): `source` is the first premise and `otherPremises` the
/// rest. A plain relation has no other premises, and everything that reads `source` alone sees it exactly as before.
public struct Relation: Sendable, Hashable, Codable {
    /// An optional slug, needed only when an undercut targets this relation.
    public var id: String?
    /// Support or attack.
    public var kind: RelationKind
    /// The index of the claim the relation starts from; for a linked relation, its first premise.
    public var source: Int
    /// The premises after the first of a linked relation, in the order written; empty for a plain relation.
    public var otherPremises: [Int] = []
    /// The claim or relation it bears on.
    public var target: RelationTarget
    /// The relation's strength in [0, 1].
    public var weight: Double
    /// The index of the actor who draws this link; nil for an analyst's link.
    public var actor: Int?
    /// A free-text note, such as why an analyst drew the link.
    public var note: String?

    /// Creates a relation from indices.
    public init(
        id: String? = nil, kind: RelationKind, source: Int, target: RelationTarget, weight: Double = 1,
        actor: Int? = nil, note: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.source = source
        self.target = target
        self.weight = weight
        self.actor = actor
        self.note = note
    }

    /// Creates a relation whose premises (at least one, the first being `source`) hold only together.
    public init(
        id: String? = nil, kind: RelationKind, premises: [Int], target: RelationTarget, weight: Double = 1,
        actor: Int? = nil, note: String? = nil
    ) {
        precondition(!premises.isEmpty, "a relation needs at least one premise")
        self.init(id: id, kind: kind, source: premises[0], target: target, weight: weight, actor: actor, note: note)
        otherPremises = Array(premises.dropFirst())
    }

    /// Every premise, `source` first.
    public var premises: [Int] {
        otherPremises.isEmpty ? [source] : [source] + otherPremises
    }

    /// Whether the relation has more than one premise.
    public var isLinked: Bool { !otherPremises.isEmpty }

    /// Whether this is an attack on another relation rather than on a claim.
    public var isUndercut: Bool {
        if case .relation = target { return kind == .attack }
        return false
    }

    /// The target claim's index, or nil when the target is a relation.
    public var targetClaim: Int? {
        if case let .claim(c) = target { return c }
        return nil
    }
}

/// Whether a relation supports or attacks its target.
public enum RelationKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// The source gives a reason for the target.
    case support
    /// The source gives a reason against the target.
    case attack
}

/// What a relation bears on: a claim, or (for an undercut) another relation.
public enum RelationTarget: Sendable, Hashable, Codable {
    /// The claim at this index.
    case claim(Int)
    /// The relation at this index.
    case relation(Int)
}
