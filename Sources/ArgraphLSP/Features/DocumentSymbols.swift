/// The outline: documents, actors, claims and relations, in the order of the text.
enum DocumentSymbols {
    static func symbols(_ doc: OpenDocument) -> JSON {
        let text = doc.text
        var out: [JSON] = []
        for d in doc.analysis.syntax.declarations {
            guard let kind = d.kind else { continue }
            let name: String
            let detail: String?
            let symbol: LSP.SymbolKind
            let lastLine = text.lineBytes(d.lastLine)
            let whole = text.range(of: text.lineStarts[d.firstLine]..<lastLine.endIndex)
            var selection = d.idBytes.map(text.range(of:))
            switch kind {
            case .document:
                guard let id = d.id else { continue }
                (name, detail, symbol) = (id, d.property("title"), .file)
            case .actor:
                guard let id = d.id else { continue }
                (name, detail, symbol) = (id, d.property("name"), .class)
            case .claim:
                guard let id = d.id else { continue }
                symbol = d.keyword == "evidence" ? .constant : d.keyword == "proposal" ? .function : .variable
                (name, detail) = (id, d.claimText)
            case .relation:
                // A relation is named by its id, or by its `FROM -> TO`.
                let arrow = d.headerRest.split(separator: " ").filter { !$0.hasSuffix(":") && $0 != ":" }.joined(
                    separator: " ")
                name = d.id.map { "\($0): \(d.keyword)" } ?? "\(d.keyword) \(arrow)"
                detail = d.id == nil ? nil : arrow
                symbol = d.keyword == "undercut" ? .event : .operator
                if selection == nil {
                    selection = text.range(
                        of: text.lineBytes(d.firstLine).startIndex..<text.lineBytes(d.firstLine).endIndex)
                }
            }
            var item: [String: JSON] = [
                "name": .string(name.isEmpty ? d.keyword : name), "kind": .int(symbol.rawValue),
                "range": whole.json, "selectionRange": (selection ?? whole).json,
            ]
            if let detail, !detail.isEmpty { item["detail"] = .string(String(detail.prefix(120))) }
            out.append(.object(item))
        }
        return .array(out)
    }
}
