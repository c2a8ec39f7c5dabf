/// A support or attack from one claim, or from several claims together (a linked relation), to a claim or to
/// another relation (an undercut).
///
/// A linked relation's premises support or attack only together (Argdown premise–conclusion structures, AIF
/// nodes with several premises, SETAF collective attacks): `source` is the first premise and `otherPremises` the
/// rest. A plain relation has no other premises, and everything that reads `source` alone sees it exactly as before.
public struct Relation: Sendable, Hashable, Codable {
    // The stored fields, ordered so that a relation takes 48 bytes (it took 88 with the optional fields inline,
    // which most relations leave empty: a file of 3·10^6 relations keeps 120 MB less). The actor is kept inline
    // as a 32-bit number when it fits (always, for a real index), the id and the note in a box.
    /// The index of the claim the relation starts from; for a linked relation, its first premise.
    public var source: Int
    /// The premises after the first of a linked relation, in the order written; empty for a plain relation.
    public var otherPremises: [Int] = []
    /// The claim or relation it bears on.
    public var target: RelationTarget
    /// Support or attack.
    public var kind: RelationKind
    /// The actor: ``Relation/noActor`` for none, ``Relation/wideActor`` for one kept in the box, else its value.
    @usableFromInline var actor32: Int32
    /// The relation's strength in [0, 1].
    public var weight: Double
    /// The id and note (and an actor that does not fit in 32 bits), boxed; nil when there are none.
    @usableFromInline var extra: Extra?

    @inlinable static var noActor: Int32 { Int32.min }
    @inlinable static var wideActor: Int32 { Int32.min + 1 }

    /// A relation's rarer fields, immutable (a change makes a new box, so relations keep value semantics).
    @usableFromInline final class Extra: Sendable {
        @usableFromInline let id: String?
        @usableFromInline let note: String?
        @usableFromInline let actor: Int?

        init(id: String?, note: String?, actor: Int?) {
            self.id = id
            self.note = note
            self.actor = actor
        }
    }

    /// Stores the id, actor and note: the actor inline when it fits, the rest in a box (none when all are nil).
    @usableFromInline mutating func store(id: String?, actor: Int?, note: String?) {
        var wide: Int?
        if let actor {
            if let a = Int32(exactly: actor), a > Relation.wideActor {
                actor32 = a
            } else {
                actor32 = Relation.wideActor
                wide = actor
            }
        } else {
            actor32 = Relation.noActor
        }
        extra = id == nil && note == nil && wide == nil ? nil : Extra(id: id, note: note, actor: wide)
    }

    /// An optional slug, needed only when an undercut targets this relation.
    public var id: String? {
        @inlinable get { extra?.id }
        set { store(id: newValue, actor: actor, note: note) }
    }
    /// The index of the actor who draws this link; nil for an analyst's link.
    public var actor: Int? {
        @inlinable get {
            actor32 == Relation.noActor ? nil : actor32 == Relation.wideActor ? extra?.actor : Int(actor32)
        }
        set {
            if let newValue, let a = Int32(exactly: newValue), a > Relation.wideActor, extra?.actor == nil {
                actor32 = a  // the common case: no box to make
            } else {
                store(id: id, actor: newValue, note: note)
            }
        }
    }
    /// A free-text note, such as why an analyst drew the link.
    public var note: String? {
        @inlinable get { extra?.note }
        set { store(id: id, actor: actor, note: newValue) }
    }

    /// Creates a relation from indices.
    public init(
        id: String? = nil, kind: RelationKind, source: Int, target: RelationTarget, weight: Double = 1,
        actor: Int? = nil, note: String? = nil
    ) {
        self.kind = kind
        self.source = source
        self.target = target
        self.weight = weight
        self.actor32 = Relation.noActor
        store(id: id, actor: actor, note: note)
    }

    /// A plain relation (one premise, weight 1, no id, actor or note), made inline: the one a reader makes most.
    @inlinable package init(plain kind: RelationKind, source: Int, target: RelationTarget) {
        self.kind = kind
        self.source = source
        self.target = target
        self.weight = 1
        self.actor32 = Relation.noActor
        self.extra = nil
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

    /// Sets the id, actor and note at once (one box, or none).
    package mutating func setOptionalFields(id: String?, actor: Int?, note: String?) {
        store(id: id, actor: actor, note: note)
    }

    enum CodingKeys: String, CodingKey { case id, kind, source, otherPremises, target, weight, actor, note }

    /// Decodes a relation as the synthesized conformance did when every field was stored.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let id = try c.decodeIfPresent(String.self, forKey: .id)
        kind = try c.decode(RelationKind.self, forKey: .kind)
        source = try c.decode(Int.self, forKey: .source)
        otherPremises = try c.decode([Int].self, forKey: .otherPremises)
        target = try c.decode(RelationTarget.self, forKey: .target)
        weight = try c.decode(Double.self, forKey: .weight)
        let actor = try c.decodeIfPresent(Int.self, forKey: .actor)
        let note = try c.decodeIfPresent(String.self, forKey: .note)
        actor32 = Relation.noActor
        store(id: id, actor: actor, note: note)
    }

    /// Encodes a relation as the synthesized conformance did when every field was stored.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(id, forKey: .id)
        try c.encode(kind, forKey: .kind)
        try c.encode(source, forKey: .source)
        try c.encode(otherPremises, forKey: .otherPremises)
        try c.encode(target, forKey: .target)
        try c.encode(weight, forKey: .weight)
        try c.encodeIfPresent(actor, forKey: .actor)
        try c.encodeIfPresent(note, forKey: .note)
    }

    /// Field by field, the box by its contents.
    public static func == (a: Relation, b: Relation) -> Bool {
        a.source == b.source && a.kind == b.kind && a.target == b.target && a.weight == b.weight
            && a.otherPremises == b.otherPremises
            && a.actor == b.actor && (a.extra === b.extra || (a.id == b.id && a.note == b.note))
    }

    /// Hashes the fields that ``==`` compares.
    public func hash(into h: inout Hasher) {
        h.combine(id)
        h.combine(kind)
        h.combine(source)
        h.combine(otherPremises)
        h.combine(target)
        h.combine(weight)
        h.combine(actor)
        h.combine(note)
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
