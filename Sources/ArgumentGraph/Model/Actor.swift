/// Someone who holds positions: a person, an institution or a group.
public struct Actor: Sendable, Hashable, Codable {
    /// The actor's unique slug, such as `welch`.
    public var id: String
    /// The name shown to a reader.
    public var name: String
    /// Whether the actor is a person, an institution or a group.
    public var kind: ActorKind
    /// The organisation the actor belongs to, if any.
    public var affiliation: String?
    /// The actor's role, such as `Political Minister`.
    public var role: String?
    /// How far the actor's word is trusted, in [0, 1]; nil means the default.
    public var credibility: Double?

    /// Creates an actor; the name defaults to the id.
    public init(
        id: String, name: String? = nil, kind: ActorKind = .person, affiliation: String? = nil,
        role: String? = nil, credibility: Double? = nil
    ) {
        self.id = id
        self.name = name ?? id
        self.kind = kind
        self.affiliation = affiliation
        self.role = role
        self.credibility = credibility
    }

    enum CodingKeys: String, CodingKey { case id, name, kind, affiliation, role, credibility }

    /// Decodes an actor; `name` defaults to the id and `kind` to `person`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decodeIfPresent(String.self, forKey: .name) ?? id
        kind = try c.decodeIfPresent(ActorKind.self, forKey: .kind) ?? .person
        affiliation = try c.decodeIfPresent(String.self, forKey: .affiliation)
        role = try c.decodeIfPresent(String.self, forKey: .role)
        credibility = try c.decodeIfPresent(Double.self, forKey: .credibility)
    }
}

/// What sort of actor this is.
public enum ActorKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A single person.
    case person
    /// An organisation such as a government, a think tank or a university.
    case institution
    /// A loose set of people who share a position, such as "the pundits".
    case group
}
