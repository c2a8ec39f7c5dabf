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
    // Stored as 32-bit numbers (20 bytes a span, not 40: a file of 4·10^6 declarations keeps 80 MB less);
    // a file with 2^31 lines would be over 2 GB, and the numbers saturate rather than wrap.
    private var index32: Int32
    private var leading32: Int32
    private var first32: Int32
    private var last32: Int32

    /// The entity's index in its array of the graph (0 for the header).
    public var index: Int {
        get { Int(index32) }
        set { index32 = Int32(clamping: newValue) }
    }
    /// The first line (1-based) of the declaration, including the comments and blank lines directly above it.
    public var leadingLine: Int {
        get { Int(leading32) }
        set { leading32 = Int32(clamping: newValue) }
    }
    /// The header's line (1-based).
    public var firstLine: Int {
        get { Int(first32) }
        set { first32 = Int32(clamping: newValue) }
    }
    /// The last line (1-based) of the declaration's properties.
    public var lastLine: Int {
        get { Int(last32) }
        set { last32 = Int32(clamping: newValue) }
    }

    init(kind: Kind, index: Int, leadingLine: Int, firstLine: Int, lastLine: Int) {
        self.kind = kind
        index32 = Int32(clamping: index)
        leading32 = Int32(clamping: leadingLine)
        first32 = Int32(clamping: firstLine)
        last32 = Int32(clamping: lastLine)
    }
}
