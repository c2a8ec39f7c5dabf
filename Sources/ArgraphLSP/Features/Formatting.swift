import ArgumentGraph

/// Formatting: the whole document as `argraph fmt` prints it, comments kept.
enum Formatting {
    /// One edit replacing the text, none when it is already formatted or does not read (its errors are shown).
    static func format(_ doc: OpenDocument) -> JSON {
        guard let parsed = doc.analysis.parsed else { return [] }
        let text = doc.text
        let formatted = ArgFormatter.format(text.text, parsed: parsed)
        guard formatted != text.text else { return [] }
        let whole = TextRange(Position(line: 0, character: 0), text.position(of: text.bytes.count))
        return [LSP.textEdit(whole, formatted)]
    }
}
