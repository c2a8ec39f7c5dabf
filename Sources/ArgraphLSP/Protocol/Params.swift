/// Reading the members every request carries, with an `InvalidParams` error that names what is missing.
extension JSON {
    /// `textDocument.uri`.
    func documentURI() throws(ResponseError) -> String {
        guard let uri = self["textDocument"]?["uri"]?.string else { throw .invalidParams("missing 'textDocument.uri'") }
        return uri
    }

    /// `position`.
    func position() throws(ResponseError) -> Position {
        guard let p = Position(self["position"]) else { throw .invalidParams("missing or invalid 'position'") }
        return p
    }

    /// A required string member.
    func requiredString(_ key: String) throws(ResponseError) -> String {
        guard let s = self[key]?.string else { throw .invalidParams("missing or invalid '\(key)'") }
        return s
    }

    /// A required integer member.
    func requiredInt(_ key: String) throws(ResponseError) -> Int {
        guard let i = self[key]?.int else { throw .invalidParams("missing or invalid '\(key)'") }
        return i
    }
}

/// The JSON shapes of LSP results built from this target's types.
enum LSP {
    static func location(_ uri: String, _ range: TextRange) -> JSON {
        ["uri": .string(uri), "range": range.json]
    }

    static func textEdit(_ range: TextRange, _ newText: String) -> JSON {
        ["range": range.json, "newText": .string(newText)]
    }

    /// A `WorkspaceEdit` of edits to one document.
    static func workspaceEdit(_ uri: String, _ edits: [JSON]) -> JSON {
        ["changes": .object([uri: .array(edits)])]
    }

    static func markdown(_ text: String) -> JSON {
        ["kind": "markdown", "value": .string(text)]
    }

    /// `DiagnosticSeverity`: 1 error, 2 warning, 3 information, 4 hint.
    enum Severity: Int {
        case error = 1, warning, information, hint
    }

    /// `SymbolKind` values used here.
    enum SymbolKind: Int {
        case file = 1, module = 2, namespace = 3, `class` = 5, function = 12, variable = 13, constant = 14,
            string = 15, object = 19, event = 24, `operator` = 25
    }

    /// `CompletionItemKind` values used here.
    enum CompletionKind: Int {
        case text = 1, function = 3, field = 5, variable = 6, `class` = 7, module = 9, property = 10, value = 12,
            keyword = 14, file = 17, reference = 18, constant = 21, `operator` = 24
    }
}
