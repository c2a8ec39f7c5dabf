import ArgumentGraphModel

/// A graph read from an `.arg` file, with its warnings and where each declaration stands.
public struct ParsedGraph: Sendable {
    /// The graph.
    public var graph: Graph
    /// Warnings (isolated claims, claims no one holds); the graph is usable.
    public var warnings: Warnings
    /// Every declaration in file order, with its line range, so that edits can keep untouched text.
    public var declarations: [DeclarationSpan]

    /// Creates a parsed graph, for readers of other formats and for tests.
    public init(graph: Graph, warnings: [Diagnostic] = [], declarations: [DeclarationSpan] = []) {
        self.graph = graph
        self.warnings = Warnings(warnings)
        self.declarations = declarations
    }

    init(graph: Graph, warnings: Warnings, declarations: [DeclarationSpan]) {
        self.graph = graph
        self.warnings = warnings
        self.declarations = declarations
    }

    /// A list of warnings whose diagnostics about claims are made when read, so that a graph of a million claims no
    /// one holds keeps a million small records, not a million messages.
    public struct Warnings: RandomAccessCollection, ExpressibleByArrayLiteral, Sendable, CustomStringConvertible {
        /// Diagnostics given as they are.
        private var given: [Diagnostic]
        /// The claims the lint records refer to.
        private let claims: [Claim]
        /// Per record: the claim's index times two, plus one for "no actor holds it" (else "isolated").
        private let records: [UInt32]
        /// Per record: the line and column of the claim's id (line 0: no location), as 32-bit numbers (saturated).
        private let lines: [Int32]
        private let columns: [Int32]
        private let file: String

        /// A list of these diagnostics.
        public init(_ diagnostics: [Diagnostic]) {
            given = diagnostics
            claims = []
            records = []
            lines = []
            columns = []
            file = ""
        }

        /// A list of these diagnostics.
        public init(arrayLiteral elements: Diagnostic...) { self.init(elements) }

        /// Lint records about `claims`, with the place of each in `file` (see ``records``).
        init(
            claims: [Claim], records: [UInt32], lines: [Int32], columns: [Int32], file: String, given: [Diagnostic] = []
        ) {
            self.given = given
            self.claims = claims
            self.records = records
            self.lines = lines
            self.columns = columns
            self.file = file
        }

        /// The first position.
        public var startIndex: Int { 0 }
        /// One past the last position.
        public var endIndex: Int { given.count + records.count }

        /// The diagnostic at position `i`.
        public subscript(i: Int) -> Diagnostic {
            if i < given.count { return given[i] }
            let k = i - given.count
            return GraphAssembly.lintDiagnostic(
                Int(records[k]), claims: claims,
                at: lines[k] > 0 ? SourceLocation(file: file, line: Int(lines[k]), column: Int(columns[k])) : nil)
        }

        /// The diagnostics, one per line.
        public var description: String { map(\.description).joined(separator: "\n") }
    }
}
