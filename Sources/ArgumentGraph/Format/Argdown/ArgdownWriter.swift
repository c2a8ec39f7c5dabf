import ArgumentGraphModel

/// Writes a graph as Argdown: one titled statement per claim, then, for each claim with
/// supporters or attackers, a reference with them as children (`<+ [source]`, `<- [source]`).
///
/// Tags become `#tags`; the actors who assert a claim and its kind (when not `claim`) go into
/// `{author: ..., kind: ...}` metadata. Argdown can only undercut arguments, so undercuts of
/// relations are written as comments. Weights, notes, documents, quotes and denials are left out.
public enum ArgdownWriter {
    /// The Argdown text of `graph`.
    public static func write(_ graph: Graph) -> String {
        var out = ""
        if let title = graph.title ?? graph.name { out += "// " + oneLine(title) + "\n\n" }
        for (c, claim) in graph.claims.enumerated() {
            var line = "[" + claim.id + "]: " + escape(oneLine(claim.text))
            for t in claim.tags { line += " #(" + t + ")" }
            var meta: [String] = []
            let authors = graph.holders(of: c).map { quote(graph.actors[$0].name) }
            if authors.count == 1 {
                meta.append("author: " + authors[0])
            } else if authors.count > 1 {
                meta.append("author: [" + authors.joined(separator: ", ") + "]")
            }
            if claim.kind != .claim { meta.append("kind: " + claim.kind.rawValue) }
            if !meta.isEmpty { line += " {" + meta.joined(separator: ", ") + "}" }
            out += line + "\n\n"
        }
        // Relations after every statement, so that statements read back in the same order.
        for c in graph.claims.indices where graph.supportsTo.degree(c) + graph.attacksTo.degree(c) > 0 {
            out += "[" + graph.claims[c].id + "]\n"
            // A linked relation has no Argdown form here: one line per premise (``Graph/linkedRelationWarning(writing:)``).
            for r in graph.supportsTo[c] {
                for p in graph.relations[Int(r)].premises { out += "  <+ [" + graph.claims[p].id + "]\n" }
            }
            for r in graph.attacksTo[c] {
                for p in graph.relations[Int(r)].premises { out += "  <- [" + graph.claims[p].id + "]\n" }
            }
            out += "\n"
        }
        for r in graph.relations where r.isUndercut {
            guard case let .relation(t) = r.target else { continue }
            let link = graph.relations[t]
            let to = link.targetClaim.map { "[" + graph.claims[$0].id + "]" } ?? "another link"
            out +=
                "// undercut (not expressible in Argdown): "
                + r.premises.map { "[" + graph.claims[$0].id + "]" }.joined(separator: " + ")
                + " attacks the link " + link.premises.map { "[" + graph.claims[$0].id + "]" }.joined(separator: " + ")
                + " -> " + to + (link.id.map { " (" + $0 + ")" } ?? "") + "\n"
        }
        return out
    }

    /// Text on one line: line breaks and tabs become spaces.
    static func oneLine(_ s: String) -> String {
        s.split(whereSeparator: { $0.isNewline || $0 == "\t" }).joined(separator: " ")
    }

    /// Escapes the characters Argdown would read as markup: `\ # [ ] < > { } @` and `/` before `/` or `*`.
    public static func escape(_ s: String) -> String {
        var out = ""
        let chars = Array(s)
        for (k, c) in chars.enumerated() {
            switch c {
            case "\\", "#", "[", "]", "<", ">", "{", "}", "@": out += "\\" + String(c)
            case "/" where k + 1 < chars.count && (chars[k + 1] == "/" || chars[k + 1] == "*"): out += "\\/"
            default:
                if let v = c.unicodeScalars.first?.value, v < 0x20 { out += " " } else { out.append(c) }
            }
        }
        return out
    }

    /// A YAML double-quoted string.
    static func quote(_ s: String) -> String {
        "\"" + oneLine(s).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            + "\""
    }
}
