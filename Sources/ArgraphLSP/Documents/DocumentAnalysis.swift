import ArgumentGraph

/// What is known of one version of a document: its syntax index, and its graph when the text reads.
///
/// The syntax index, the grounded labelling and the DF-QuAD strengths are computed on first use (a request, or a
/// quote to place), once per version: a keystroke costs one read of the text.
public final class DocumentAnalysis {
    public let text: TextDocument
    public private(set) lazy var syntax = ArgSyntax(text)
    /// The graph, when the text reads without errors.
    public let parsed: ParsedGraph?
    /// Every error and warning, as `check` reports them.
    public let diagnostics: [Diagnostic]

    public init(_ text: TextDocument, file: String) {
        self.text = text
        do {
            let p = try ArgReader.read(text.bytes, file: file)
            parsed = p
            diagnostics = Array(p.warnings.prefix(Diagnostics.limit))
        } catch {
            parsed = nil
            diagnostics = error.diagnostics
        }
    }

    /// The grounded label of each claim.
    public private(set) lazy var grounded: [Label]? = parsed.map { p in
        Array(Extensions.grounded(AttackFramework(p.graph)).prefix(p.graph.claims.count))
    }

    /// The DF-QuAD strengths.
    public private(set) lazy var strengths: StrengthResult? = parsed.map { Strengths.compute($0.graph) }
}
