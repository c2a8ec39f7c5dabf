/// Where one declaration stands in an `.arg` file.
public struct DeclarationSpan: Sendable, Hashable {
    /// What a declaration declares.
    public enum Kind: String, Sendable, Hashable {
        /// The `graph` header.
        case graph
        /// A `document`.
        case document
        /// An `actor`.
        case actor
        /// A `claim`, `evidence` or `proposal`.
        case claim
        /// A `stance`.
        case stance
        /// A `support`, `attack` or `undercut`.
        case relation
    }

    /// The kind of entity declared.
    public var kind: Kind
    /// The entity's index in its array of the graph (0 for the header).
    public var index: Int
    /// The first line (1-based) of the declaration, including the comments and blank lines directly above it.
    public var leadingLine: Int
    /// The header's line (1-based).
    public var firstLine: Int
    /// The last line (1-based) of the declaration's properties.
    public var lastLine: Int
}
