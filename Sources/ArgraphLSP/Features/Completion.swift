import ArgumentGraph

/// Completion: what may stand where the cursor is, read from the line typed so far.
enum Completion {
    /// The declaration keywords, with their syntax.
    static let keywords: [(String, String)] = [
        ("graph", "`graph [ID]` — the graph's name; properties `title`, `description`"),
        (
            "document",
            "`document ID` — a source text; properties `title` (required), `publisher`, `date`, `url`, `file`"
        ),
        (
            "actor",
            "`actor ID` — someone who speaks in the documents; `name`, `kind`, `affiliation`, `role`, `credibility`"
        ),
        ("claim", "`claim ID: TEXT` — a position"),
        ("evidence", "`evidence ID: TEXT` — an observed fact or statistic"),
        ("proposal", "`proposal ID: TEXT` — a course of action"),
        ("stance", "`stance ACTOR asserts|denies CLAIM [in DOCUMENT]` — who holds what, with `quote:` lines"),
        ("support", "`support [ID:] FROM -> TO` — FROM gives reason to accept TO"),
        ("attack", "`attack [ID:] FROM -> TO` — FROM gives reason to reject TO"),
        ("undercut", "`undercut [ID:] FROM -> RELATION` — FROM attacks the link named RELATION"),
    ]

    /// The properties of each kind of declaration (as `docs/format.md` lists them), with what each holds.
    static let keys: [String: [(String, String)]] = {
        let claim = [
            ("text", "the claim's text, when it is not on the header line"), ("tags", "comma-separated slugs"),
            ("base", "an explicit base score in [0, 1]"),
        ]
        let relation = [
            ("weight", "a number in [0, 1] (default 1)"), ("by", "the actor who draws this relation"),
            ("note", "a remark, such as why an analyst inferred it"),
        ]
        return [
            "graph": [("title", "the graph's title"), ("description", "what the graph covers")],
            "document": [
                ("title", "the document's title (required)"), ("publisher", "who published it"),
                ("date", "YYYY, YYYY-MM or YYYY-MM-DD"), ("url", "where it is published"),
                ("file", "its source text, for checking quotes (relative to the sources folder)"),
            ],
            "actor": [
                ("name", "the full name (defaults to the id)"), ("kind", "person, institution or group"),
                ("affiliation", "where the actor works"), ("role", "the actor's role"),
                ("credibility", "a number in [0, 1], the base score of what the actor asserts"),
            ],
            "claim": claim, "evidence": claim, "proposal": claim,
            "stance": [("quote", "the actor's words, verbatim from the document (`quote L12:` gives its line)")],
            "support": relation, "attack": relation, "undercut": relation,
        ]
    }()

    static func complete(_ doc: OpenDocument, at p: Position) -> JSON {
        let text = doc.text
        let line = text.lineBytes(p.line)
        let cursor = min(max(text.offset(of: p), line.startIndex), line.endIndex)
        var wordStart = cursor
        while wordStart > line.startIndex, line[wordStart - 1] != 0x20, line[wordStart - 1] != 0x09 { wordStart -= 1 }
        let before = String(decoding: line[line.startIndex..<wordStart], as: UTF8.self)
        let partial = String(decoding: line[wordStart..<cursor], as: UTF8.self)
        let replace = text.range(of: wordStart..<cursor)
        let items: [JSON]
        if line.first != 0x20, line.first != 0x09 {
            items = header(before: before, partial: partial, replace: replace, doc: doc, text: text)
        } else {
            items = property(before: before, partial: partial, replace: replace, line: p.line, doc: doc)
        }
        return ["isIncomplete": false, "items": .array(items)]
    }

    /// Completion on a declaration's header line.
    static func header(before: String, partial: String, replace: TextRange, doc: OpenDocument, text: TextDocument)
        -> [JSON]
    {
        let words = before.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let keyword = words.first else {
            return keywords.map { item($0.0, kind: .keyword, doc: $0.1, replace: replace) }
        }
        switch keyword {
        case "stance":
            switch words.count {
            case 1: return ids(.actor, doc, replace)
            case 2:
                return StanceKind.allCases.map {
                    item($0.rawValue, kind: .keyword, doc: "the actor \($0.rawValue) the claim", replace: replace)
                }
            case 3: return ids(.claim, doc, replace)
            case 4:
                return [
                    item(
                        "in", kind: .keyword, doc: "`in DOCUMENT` — where the actor takes this stance", replace: replace
                    )
                ]
            case 5 where words[4] == "in": return ids(.document, doc, replace)
            default: return []
            }
        case "support", "attack", "undercut":
            let target: ArgSyntax.IDKind = keyword == "undercut" ? .relation : .claim
            // The arrow may touch the word being typed: `a->b`.
            if let arrow = partial.range(of: "->") {
                let offset = text.offset(of: replace.start) + partial[..<arrow.upperBound].utf8.count
                let rest = TextRange(text.position(of: offset), replace.end)
                return ids(target, doc, rest)
            }
            if before.contains("->") {
                let after = before[before.range(of: "->")!.upperBound...]
                return after.split(separator: " ").isEmpty ? ids(target, doc, replace) : []
            }
            // Before the arrow: the premises (claims joined by `+`), then the arrow.
            let named = words.count > 1 && (words[1].hasSuffix(":") || (words.count > 2 && words[2] == ":"))
            let sourceGiven = words.count - (named ? (words[1].hasSuffix(":") ? 2 : 3) : 1)
            if sourceGiven <= 0 || words.last?.hasSuffix("+") == true { return ids(.claim, doc, replace) }
            return [
                item(
                    "->", kind: .operator,
                    doc: "then the \(keyword == "undercut" ? "relation" : "claim") it \(keyword)s", replace: replace),
                item(
                    "+", kind: .operator,
                    doc: "another premise: a linked \(keyword), whose premises give a reason only together",
                    replace: replace),
            ]
        default:
            return []
        }
    }

    /// Completion on an indented line: a property key, or a value that names something.
    static func property(before: String, partial: String, replace: TextRange, line: Int, doc: OpenDocument) -> [JSON] {
        let syntax = doc.analysis.syntax
        guard let decl = syntax.declarations.last(where: { $0.firstLine < line }),
            !isContinuation(line, of: decl, in: doc.text)
        else { return [] }
        let typed = before.drop { $0 == " " || $0 == "\t" }
        guard let colon = (typed + partial).firstIndex(of: ":") else {
            // The key: those of this declaration not yet given (quotes repeat).
            let given = Set(decl.properties.map(\.key)).subtracting(["quote"])
            return (keys[decl.keyword] ?? []).filter { !given.contains($0.0) || $0.0 == partial }.map { key, help in
                item(key, kind: .property, doc: help, replace: replace, insert: key + ": ")
            }
        }
        let key = String((typed + partial)[..<colon]).split(separator: " ").first.map(String.init) ?? ""
        switch (decl.keyword, key) {
        case ("support", "by"), ("attack", "by"), ("undercut", "by"):
            return ids(.actor, doc, replace)
        case ("actor", "kind"):
            return ActorKind.allCases.map {
                item($0.rawValue, kind: .value, doc: "an actor of kind \($0.rawValue)", replace: replace)
            }
        default:
            return []
        }
    }

    /// Whether `line` continues a property's value (it is deeper than a property line above it in the declaration,
    /// or inside a `|` block), where nothing is completed.
    static func isContinuation(_ line: Int, of decl: ArgSyntax.Declaration, in text: TextDocument) -> Bool {
        func indent(_ n: Int) -> Int? {
            let b = text.lineBytes(n)
            let blanks = b.prefix { $0 == 0x20 || $0 == 0x09 }.count
            return blanks == b.count || b[b.startIndex + blanks] == UInt8(ascii: "#") ? nil : blanks
        }
        guard let own = indent(line) ?? Optional(text.lineBytes(line).count) else { return false }
        let above = ((decl.firstLine + 1)..<line).compactMap(indent)
        if let least = above.min(), own > least { return true }
        // A `key: |` line directly above (blank lines aside) starts a literal block.
        for n in stride(from: line - 1, to: decl.firstLine, by: -1) where indent(n) != nil {
            return text.line(n).trimmed.hasSuffix(": |") || text.line(n).trimmed.hasSuffix(":|")
        }
        return false
    }

    /// The declared ids of a kind, each with what hover would say of it.
    static func ids(_ kind: ArgSyntax.IDKind, _ doc: OpenDocument, _ replace: TextRange) -> [JSON] {
        var seen = Set<String>()
        var out: [JSON] = []
        let itemKind: LSP.CompletionKind =
            switch kind {
            case .claim: .value
            case .actor: .class
            case .document: .file
            case .relation: .reference
            }
        for d in doc.analysis.syntax.declarations(of: kind) {
            guard let id = d.id, seen.insert(id).inserted else { continue }
            let detail = kind == .claim ? d.keyword : kind.rawValue
            out.append(
                item(id, kind: itemKind, doc: Hover.describe(kind, id, in: doc) ?? "", replace: replace, detail: detail)
            )
        }
        return out
    }

    static func item(
        _ label: String, kind: LSP.CompletionKind, doc: String, replace: TextRange, insert: String? = nil,
        detail: String? = nil
    ) -> JSON {
        var o: [String: JSON] = [
            "label": .string(label), "kind": .int(kind.rawValue), "documentation": LSP.markdown(doc),
            "textEdit": LSP.textEdit(replace, insert ?? label),
        ]
        if let detail { o["detail"] = .string(detail) }
        return .object(o)
    }
}
