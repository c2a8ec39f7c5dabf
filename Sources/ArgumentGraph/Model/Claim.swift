/// A proposition in the graph: a position, a piece of evidence or a proposal.
public struct Claim: Sendable, Hashable, Codable {
    // The stored fields, ordered so that a claim takes 56 bytes: the text takes 17 (``ClaimText``), so the base score
    // is kept as a plain 8-byte word rather than a 9-byte `Double?`.
    /// The claim's unique slug, such as `deterrence-credibility`.
    public var id: String
    /// Themes for filtering, without duplicates, in the order given.
    public var tags: [String]
    /// The base score's bits, or ``Claim/noBase`` for none (a NaN no arithmetic makes, and no reader stores).
    @usableFromInline var baseBits: UInt64
    /// The text, its own `String` or a reader's shared bytes.
    @usableFromInline package var storedText: ClaimText
    /// Whether this is a position, evidence or a proposal.
    public var kind: ClaimKind

    @inlinable static var noBase: UInt64 { UInt64.max }

    /// The proposition in plain words.
    public var text: String {
        @inlinable get { storedText.string }
        set { storedText = .owned(newValue) }
    }

    /// An explicit base score in [0, 1] for gradual semantics; nil derives it from the actors.
    public var base: Double? {
        @inlinable get { baseBits == Claim.noBase ? nil : Double(bitPattern: baseBits) }
        set { baseBits = newValue?.bitPattern ?? Claim.noBase }
    }

    /// Creates a claim.
    public init(id: String, text: String, kind: ClaimKind = .claim, tags: [String] = [], base: Double? = nil) {
        self.init(id: id, storedText: .owned(text), kind: kind, tags: tags, base: base)
    }

    /// Creates a claim whose text is kept as `storedText` (a reader's shared bytes, say).
    package init(id: String, storedText: ClaimText, kind: ClaimKind = .claim, tags: [String] = [], base: Double? = nil)
    {
        self.id = id
        self.tags = tags
        self.baseBits = base?.bitPattern ?? Claim.noBase
        self.storedText = storedText
        self.kind = kind
    }

    /// Whether the text is empty or only white space.
    package var hasBlankText: Bool { storedText.isBlank }

    enum CodingKeys: String, CodingKey { case id, text, kind, tags, base }

    /// Decodes a claim; `kind` defaults to `claim` and `tags` to none.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(String.self, forKey: .id), text: try c.decode(String.self, forKey: .text),
            kind: try c.decodeIfPresent(ClaimKind.self, forKey: .kind) ?? .claim,
            tags: try c.decodeIfPresent([String].self, forKey: .tags) ?? [],
            base: try c.decodeIfPresent(Double.self, forKey: .base))
    }

    /// Encodes a claim as the synthesized conformance did when the text and base score were stored as they read.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(text, forKey: .text)
        try c.encode(kind, forKey: .kind)
        try c.encode(tags, forKey: .tags)
        try c.encodeIfPresent(base, forKey: .base)
    }

    /// Field by field, the text by its string.
    public static func == (a: Claim, b: Claim) -> Bool {
        a.id == b.id && a.kind == b.kind && a.base == b.base && a.tags == b.tags && a.storedText == b.storedText
    }

    /// Hashes the fields that ``==`` compares.
    public func hash(into h: inout Hasher) {
        h.combine(id)
        h.combine(storedText)
        h.combine(tags)
        h.combine(base)
        h.combine(kind)
    }
}

/// The kind of a claim.
public enum ClaimKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A position someone argues for.
    case claim
    /// An observed fact, event or statistic.
    case evidence
    /// A course of action someone recommends.
    case proposal
}
