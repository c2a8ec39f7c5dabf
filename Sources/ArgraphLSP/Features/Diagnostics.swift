import ArgumentGraph

/// The `textDocument/publishDiagnostics` of a document: the reader's errors and warnings, and the quote issues.
enum Diagnostics {
    /// The range of a reader diagnostic: from its line and column to the end of the word there (an id ends before a
    /// `:` or `->` that touches it; nothing past the line's end); diagnostics without a place stand at the start.
    static func range(of d: Diagnostic, in text: TextDocument) -> TextRange {
        guard let loc = d.location else {
            return TextRange(Position(line: 0, character: 0), Position(line: 0, character: 0))
        }
        let start = text.position(line: loc.line, scalarColumn: loc.column)
        let from = text.offset(of: start)
        let line = text.lineBytes(start.line)
        func isBlank(_ i: Int) -> Bool { line[i] == 0x20 || line[i] == 0x09 }
        func endsID(_ i: Int) -> Bool {
            line[i] == UInt8(ascii: ":")
                || (line[i] == UInt8(ascii: "-") && i + 1 < line.endIndex && line[i + 1] == UInt8(ascii: ">"))
        }
        var end = from
        while end < line.endIndex, !isBlank(end), !endsID(end) { end += 1 }
        // A diagnostic on the `:` or `->` itself covers that word.
        if end == from { while end < line.endIndex, !isBlank(end) { end += 1 } }
        return TextRange(start, text.position(of: end))
    }

    static func severity(_ s: Diagnostic.Severity) -> LSP.Severity {
        switch s {
        case .error: .error
        case .warning: .warning
        case .note: .information
        }
    }

    /// One LSP diagnostic; the hint, when there is one, is a second line of the message.
    static func json(_ d: Diagnostic, in text: TextDocument) -> JSON {
        let message = d.message + (d.hint.map { "\nhint: " + $0 } ?? "")
        return [
            "range": range(of: d, in: text).json, "severity": .int(severity(d.severity).rawValue),
            "source": "argraph", "message": .string(message),
        ]
    }

    static func json(_ q: QuoteIssue) -> JSON? {
        guard let range = q.range else { return nil }
        var d: [String: JSON] = [
            "range": range.json, "severity": .int(severity(q.severity).rawValue),
            "source": "argraph verify", "code": "quote", "message": .string(q.message),
        ]
        if let r = q.replacement { d["data"] = ["replacement": .string(r)] }
        return .object(d)
    }

    /// The most diagnostics published for one document (a file of a million isolated claims stays usable).
    static let limit = 1000

    /// The notification's params for a document.
    static func publish(_ doc: OpenDocument) -> JSON {
        var items = doc.analysis.diagnostics.prefix(limit).map { json($0, in: doc.text) }
        items += doc.quoteIssues.compactMap(json)
        return ["uri": .string(doc.uri), "version": .int(doc.version), "diagnostics": .array(items)]
    }
}
