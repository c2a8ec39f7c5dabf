/// A support or attack from one claim, or from several claims together (a linked relation), to a claim or to
/// another relation (an undercut).
///
/// A linked relation's premises support or attack only together (Argdown premise–conclusion structures, AIF
/// nodes with several premises, SETAF collective attacks): `source` is the first premise and `otherPremises` the
/// rest. A plain relation has no other premises, and everything that reads `source` alone sees it exactly as before.
public struct Relation: Sendable, Hashable, Codable {
    // The stored fields, ordered so that a relation takes 32 bytes (it took 88 with the optional fields inline, 48
    // with the weight and the other premises inline: most relations have weight 1 and one premise, and a file of
    // 3·10^6 relations keeps 168 MB less). The actor is kept inline as a 32-bit number when it fits (always, for a
    // real index); the id, the note, a weight other than 1 and the premises after the first in a box.
    /// The index of the claim the relation starts from; for a linked relation, its first premise.
    public var source: Int
    /// The claim or relation it bears on.
    public var target: RelationTarget
    /// Support or attack.
    public var kind: RelationKind
    /// The actor: ``Relation/noActor`` for none, ``Relation/wideActor`` for one kept in the box, else its value.
    @usableFromInline var actor32: Int32
    /// The rarer fields, boxed; nil when all have their defaults.
    @usableFromInline var extra: Extra?

    @inlinable static var noActor: Int32 { Int32.min }
    @inlinable static var wideActor: Int32 { Int32.min + 1 }

    /// A relation's rarer fields, immutable (a change makes a new box, so relations keep value semantics).
    @usableFromInline final class Extra: Sendable {
        @usableFromInline let id: String?
        @usableFromInline let note: String?
        @usableFromInline let actor: Int?
        @usableFromInline let weight: Double
        @usableFromInline let otherPremises: [Int]

        init(id: String?, note: String?, actor: Int?, weight: Double, otherPremises: [Int]) {
            self.id = id
            self.note = note
            self.actor = actor
            self.weight = weight
            self.otherPremises = otherPremises
        }
    }

    /// Stores the optional fields: the actor inline when it fits, the rest in a box (none when all are defaults).
    @usableFromInline mutating func store(
        id: String?, actor: Int?, note: String?, weight: Double, otherPremises: [Int]
    ) {
        let (inline, box) = Relation.packed(
            id: id, actor: actor, note: note, weight: weight, otherPremises: otherPremises)
        actor32 = inline
        extra = box
    }

    /// The inline actor and the box for the optional fields (an initializer assigns them; it calls nothing mutating
    /// on a relation not yet whole).
    static func packed(
        id: String?, actor: Int?, note: String?, weight: Double, otherPremises: [Int]
    ) -> (Int32, Extra?) {
        var wide: Int?
        var inline = Relation.noActor
        if let actor {
            if let a = Int32(exactly: actor), a > Relation.wideActor {
                inline = a
            } else {
                inline = Relation.wideActor
                wide = actor
            }
        }
        let plain = id == nil && note == nil && wide == nil && weight == 1 && otherPremises.isEmpty
        return (
            inline, plain ? nil : Extra(id: id, note: note, actor: wide, weight: weight, otherPremises: otherPremises)
        )
    }

    /// An optional slug, needed only when an undercut targets this relation.
    public var id: String? {
        @inlinable get { extra?.id }
        set { store(id: newValue, actor: actor, note: note, weight: weight, otherPremises: otherPremises) }
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
                store(id: id, actor: newValue, note: note, weight: weight, otherPremises: otherPremises)
            }
        }
    }
    /// A free-text note, such as why an analyst drew the link.
    public var note: String? {
        @inlinable get { extra?.note }
        set { store(id: id, actor: actor, note: newValue, weight: weight, otherPremises: otherPremises) }
    }
    /// The relation's strength in [0, 1].
    public var weight: Double {
        @inlinable get { extra?.weight ?? 1 }
        set {
            if newValue.bitPattern == weight.bitPattern { return }  // most often 1 on 1: no box to make
            store(id: id, actor: actor, note: note, weight: newValue, otherPremises: otherPremises)
        }
    }
    /// The premises after the first of a linked relation, in the order written; empty for a plain relation.
    public var otherPremises: [Int] {
        @inlinable get { extra?.otherPremises ?? [] }
        set {
            if newValue.isEmpty && extra?.otherPremises.isEmpty ?? true { return }
            store(id: id, actor: actor, note: note, weight: weight, otherPremises: newValue)
        }
    }

    /// Creates a relation from indices.
    public init(
        id: String? = nil, kind: RelationKind, source: Int, target: RelationTarget, weight: Double = 1,
        actor: Int? = nil, note: String? = nil
    ) {
        self.kind = kind
        self.source = source
        self.target = target
        let (inline, box) = Relation.packed(id: id, actor: actor, note: note, weight: weight, otherPremises: [])
        actor32 = inline
        extra = box
    }

    /// A plain relation (one premise, weight 1, no id, actor or note), made inline: the one a reader makes most.
    @inlinable package init(plain kind: RelationKind, source: Int, target: RelationTarget) {
        self.kind = kind
        self.source = source
        self.target = target
        self.actor32 = Relation.noActor
        self.extra = nil
    }

    /// Creates a relation whose premises (at least one, the first being `source`) hold only together.
    public init(
        id: String? = nil, kind: RelationKind, premises: [Int], target: RelationTarget, weight: Double = 1,
        actor: Int? = nil, note: String? = nil
    ) {
        precondition(!premises.isEmpty, "a relation needs at least one premise")
        self.kind = kind
        self.source = premises[0]
        self.target = target
        let (inline, box) = Relation.packed(
            id: id, actor: actor, note: note, weight: weight, otherPremises: Array(premises.dropFirst()))
        actor32 = inline
        extra = box
    }

    /// Sets the id, actor, note, weight and other premises at once (one box, or none).
    package mutating func setOptionalFields(
        id: String?, actor: Int?, note: String?, weight: Double = 1, otherPremises: [Int] = []
    ) {
        store(id: id, actor: actor, note: note, weight: weight, otherPremises: otherPremises)
    }

    enum CodingKeys: String, CodingKey { case id, kind, source, otherPremises, target, weight, actor, note }

    /// Decodes a relation as the synthesized conformance did when every field was stored.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let id = try c.decodeIfPresent(String.self, forKey: .id)
        kind = try c.decode(RelationKind.self, forKey: .kind)
        source = try c.decode(Int.self, forKey: .source)
        let otherPremises = try c.decode([Int].self, forKey: .otherPremises)
        target = try c.decode(RelationTarget.self, forKey: .target)
        let weight = try c.decode(Double.self, forKey: .weight)
        let actor = try c.decodeIfPresent(Int.self, forKey: .actor)
        let note = try c.decodeIfPresent(String.self, forKey: .note)
        let (inline, box) = Relation.packed(
            id: id, actor: actor, note: note, weight: weight, otherPremises: otherPremises)
        actor32 = inline
        extra = box
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
