/// A proposition in the graph: a position, a piece of evidence or a proposal.
public struct Claim: Sendable, Hashable, Codable {
    /// The claim's unique slug, such as `deterrence-credibility`.
    public var id: String
    /// The proposition in plain words.
    public var text: String
    /// Themes for filtering, without duplicates, in the order given.
    public var tags: [String]
    /// An explicit base score in [0, 1] for gradual semantics; nil derives it from the actors.
    public var base: Double?
    /// Whether this is a position, evidence or a proposal (stored after `base`, which leaves a claim 56 bytes, not 64).
    public var kind: ClaimKind

    /// Creates a claim.
    public init(id: String, text: String, kind: ClaimKind = .claim, tags: [String] = [], base: Double? = nil) {
        self.id = id
        self.text = text
        self.kind = kind
        self.tags = tags
        self.base = base
    }

    enum CodingKeys: String, CodingKey { case id, text, kind, tags, base }

    /// Decodes a claim; `kind` defaults to `claim` and `tags` to none.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        text = try c.decode(String.self, forKey: .text)
        kind = try c.decodeIfPresent(ClaimKind.self, forKey: .kind) ?? .claim
        tags = try c.decodeIfPresent([String].self, forKey: .tags) ?? []
        base = try c.decodeIfPresent(Double.self, forKey: .base)
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
