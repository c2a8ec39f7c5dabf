import ArgumentGraph

/// Renaming an id everywhere in the file.
enum Rename {
    /// The id under the cursor and its range, or null where nothing can be renamed.
    static func prepare(_ doc: OpenDocument, at p: Position) -> JSON {
        guard let o = Navigation.occurrence(doc, at: p) else { return .null }
        return ["range": doc.text.range(of: o.bytes).json, "placeholder": .string(o.id)]
    }

    /// The edit that renames the id under the cursor; refused (RequestFailed) when the new id is not a valid id or
    /// another of the same kind has it.
    static func rename(_ doc: OpenDocument, at p: Position, to newID: String) throws(ResponseError) -> JSON {
        guard let o = Navigation.occurrence(doc, at: p) else { throw .requestFailed("there is no id here to rename") }
        let syntax = doc.analysis.syntax
        guard Slug.isValid(newID) else {
            throw .requestFailed(
                "'\(newID)' is not a valid id: ids use letters, digits, '-', '_' and '.', and start with a letter or digit"
            )
        }
        if newID == o.id { return LSP.workspaceEdit(doc.uri, []) }
        if let taken = syntax.declaration(of: o.kind, newID) {
            throw .requestFailed("\(o.kind.rawValue) id '\(newID)' is already taken (line \(taken.firstLine + 1))")
        }
        let edits = syntax.occurrences(of: o.kind, o.id).map { LSP.textEdit(doc.text.range(of: $0.bytes), newID) }
        return LSP.workspaceEdit(doc.uri, edits)
    }
}
