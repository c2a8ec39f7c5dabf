import ArgumentGraphModel

/// Writes a graph as Argdown: one titled statement per claim, then, for each claim with
/// supporters or attackers, a reference with them as children (`<+ [source]`, `<- [source]`).
///
/// A linked support becomes a premise–conclusion structure (its premises `(1) [a]`, `(2) [b]`, `----`, its
/// conclusion), titled `<id>: note` when it has an id, which is how the Argdown reader gives it back; a linked
/// attack is still one `<-` per premise (``Graph/linkedRelationWarning(writing:keeping:)``).
/// Tags become `#tags`; the actors who assert a claim and its kind (when not `claim`) go into
/// `{author: ..., kind: ...}` metadata. Argdown can only undercut arguments: an undercut by one claim of a
/// titled linked support is written `_> <id>`, and other undercuts of relations as comments. Weights, notes of
/// other relations, documents, quotes and denials are left out.
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
        for c in graph.claims.indices {
            let supports = graph.supportsTo[c].map { graph.relations[Int($0)] }.filter { !$0.isLinked }
            let attacks = graph.attacksTo[c].map { graph.relations[Int($0)] }
            guard !supports.isEmpty || !attacks.isEmpty else { continue }
            out += "[" + graph.claims[c].id + "]\n"
            for r in supports { out += "  <+ [" + graph.claims[r.source].id + "]\n" }
            // A linked attack has no Argdown form here: one line per premise (``Graph/linkedRelationWarning(writing:keeping:)``).
            for r in attacks {
                for p in r.premises { out += "  <- [" + graph.claims[p].id + "]\n" }
            }
            out += "\n"
        }
        // Linked supports as premise–conclusion structures; those with an id can be undercut by title.
        var titled = Set<Int>()
        for (i, r) in graph.relations.enumerated() where r.kind == .support && r.isLinked {
            guard case let .claim(c) = r.target else { continue }
            if let id = r.id {
                titled.insert(i)
                out += "<" + escape(id) + ">" + (r.note.map { ": " + escape(oneLine($0)) } ?? "") + "\n\n"
            }
            for (k, p) in r.premises.enumerated() { out += "(\(k + 1)) [" + graph.claims[p].id + "]\n" }
            out += "----\n(\(r.premises.count + 1)) [" + graph.claims[c].id + "]\n\n"
        }
        for r in graph.relations where r.isUndercut {
            guard case let .relation(t) = r.target else { continue }
            let link = graph.relations[t]
            if titled.contains(t), !r.isLinked, let id = link.id {
                out += "[" + graph.claims[r.source].id + "]\n  _> <" + escape(id) + ">\n\n"
                continue
            }
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
