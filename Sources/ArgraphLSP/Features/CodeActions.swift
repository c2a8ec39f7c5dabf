/// Quick fixes: a quote that did not verify is replaced by the passage its check proposes, where it proposes one.
enum CodeActions {
    static func actions(_ doc: OpenDocument, in range: TextRange) -> JSON {
        var out: [JSON] = []
        for issue in doc.quoteIssues {
            guard let r = issue.range, let passage = issue.replacement, r.start <= range.end, range.start <= r.end,
                let diagnostic = Diagnostics.json(issue)
            else { continue }
            out.append([
                "title": .string("Replace the quote with the source's words"),
                "kind": "quickfix",
                "diagnostics": [diagnostic],
                "isPreferred": true,
                "edit": LSP.workspaceEdit(doc.uri, [LSP.textEdit(r, inline(passage))]),
            ])
        }
        return .array(out)
    }

    /// The passage on one line, as a quote's value (white space folded, as the verifier compares it).
    static func inline(_ passage: String) -> String {
        passage.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).joined(separator: " ")
    }
}
