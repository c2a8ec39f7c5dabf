/// Go to definition and find references, on the ids of the syntax index.
enum Navigation {
    /// The id under the cursor.
    static func occurrence(_ doc: OpenDocument, at p: Position) -> ArgSyntax.Occurrence? {
        doc.analysis.syntax.occurrence(at: doc.text.offset(of: p))
    }

    /// Where the id under the cursor is declared (null when it is not an id or is declared nowhere).
    static func definition(_ doc: OpenDocument, at p: Position) -> JSON {
        guard let o = occurrence(doc, at: p) else { return .null }
        let decls = doc.analysis.syntax.occurrences(of: o.kind, o.id).filter(\.isDeclaration)
        guard !decls.isEmpty else { return .null }
        return .array(decls.map { LSP.location(doc.uri, doc.text.range(of: $0.bytes)) })
    }

    /// Every place the id under the cursor is written.
    static func references(_ doc: OpenDocument, at p: Position, includeDeclaration: Bool) -> JSON {
        guard let o = occurrence(doc, at: p) else { return .null }
        let all = doc.analysis.syntax.occurrences(of: o.kind, o.id).filter { includeDeclaration || !$0.isDeclaration }
        return .array(all.map { LSP.location(doc.uri, doc.text.range(of: $0.bytes)) })
    }
}
