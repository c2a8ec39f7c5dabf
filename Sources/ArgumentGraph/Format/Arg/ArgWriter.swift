import ArgumentGraphModel

/// Prints a graph in the canonical `.arg` form, which ``ArgReader`` reads back to an equal graph.
public enum ArgWriter {
    /// The whole graph: header, documents, actors, claims, stances and relations, in declaration order.
    public static func write(_ graph: Graph) -> String {
        var out = ""
        out.reserveCapacity(graph.claims.count * 120 + graph.relations.count * 40)
        if let header = header(of: graph) { out += header }
        func section(_ blocks: some Sequence<String>) {
            for b in blocks {
                if !out.isEmpty { out += "\n" }
                out += b
            }
        }
        section(graph.documents.lazy.map(document))
        section(graph.actors.lazy.map(actor))
        section(graph.claims.lazy.map(claim))
        section(graph.stances.lazy.map { stance($0, in: graph) })
        section(graph.relations.lazy.map { relation($0, in: graph) })
        return out
    }

    /// The `graph` header block, or nil when the graph has no name, title or description.
    public static func header(of graph: Graph) -> String? {
        guard graph.name != nil || graph.title != nil || graph.description != nil else { return nil }
        var s = "graph" + (graph.name.map { " " + $0 } ?? "") + "\n"
        property("title", graph.title, into: &s)
        property("description", graph.description, into: &s)
        return s
    }

    /// One `document` block.
    public static func document(_ d: Document) -> String {
        var s = "document \(d.id)\n"
        property("title", d.title, into: &s)
        property("publisher", d.publisher, into: &s)
        property("date", d.date?.description, into: &s)
        property("url", d.url, into: &s)
        property("file", d.file, into: &s)
        for q in d.skips {
            property("skip" + (q.location.map { " \($0)" } ?? ""), q.text, into: &s)
        }
        return s
    }

    /// One `actor` block.
    public static func actor(_ a: Actor) -> String {
        var s = "actor \(a.id)\n"
        if a.name != a.id { property("name", a.name, into: &s) }
        if a.kind != .person { property("kind", a.kind.rawValue, into: &s) }
        property("affiliation", a.affiliation, into: &s)
        property("role", a.role, into: &s)
        property("credibility", a.credibility.map(number), into: &s)
        return s
    }

    /// One `claim`, `evidence` or `proposal` block.
    public static func claim(_ c: Claim) -> String {
        var s = c.kind.rawValue + " " + c.id
        if isInline(c.text) {
            s += ": " + c.text + "\n"
        } else {
            s += "\n"
            property("text", c.text, into: &s)
        }
        if !c.tags.isEmpty { property("tags", c.tags.joined(separator: ", "), into: &s) }
        property("base", c.base.map(number), into: &s)
        return s
    }

    /// One `stance` block.
    public static func stance(_ st: Stance, in graph: Graph) -> String {
        var s = "stance \(graph.actors[st.actor].id) \(st.kind.rawValue) \(graph.claims[st.claim].id)"
        if let d = st.document { s += " in " + graph.documents[d].id }
        s += "\n"
        for q in st.quotes {
            property("quote" + (q.location.map { " \($0)" } ?? ""), q.text, into: &s)
        }
        return s
    }

    /// One `support`, `attack` or `undercut` block.
    public static func relation(_ r: Relation, in graph: Graph) -> String {
        let keyword: String
        let target: String
        switch r.target {
        case let .claim(c):
            keyword = r.kind.rawValue
            target = graph.claims[c].id
        case let .relation(t):
            keyword = "undercut"
            target = graph.relations[t].id ?? "#\(t)"
        }
        let from =
            r.isLinked ? graph.premiseText(r.premises) : graph.claims[r.source].id
        var s = keyword + " " + (r.id.map { $0 + ": " } ?? "") + from + " -> " + target + "\n"
        if r.weight != 1 { property("weight", number(r.weight), into: &s) }
        property("by", r.actor.map { graph.actors[$0].id }, into: &s)
        property("note", r.note, into: &s)
        return s
    }

    /// A number as the shortest decimal that reads back to the same value (`1`, `0.8`).
    public static func number(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        return String(x)
    }

    /// Whether a value can stand on one line after `key: ` and read back unchanged.
    static func isInline(_ value: String) -> Bool {
        guard !value.isEmpty, value != "|" else { return false }
        var first = true
        var last: Unicode.Scalar = " "
        for u in value.unicodeScalars {
            if u == "\n" || u == "\r" { return false }
            if first, u == " " || u == "\t" { return false }
            first = false
            last = u
        }
        return last != " " && last != "\t"
    }

    static func property(_ key: String, _ value: String?, into s: inout String) {
        guard let value else { return }
        if isInline(value) {
            s += "  " + key + ": " + value + "\n"
        } else {
            s += "  " + key + ": |\n"
            // Split on the scalar: "\r\n" is one Character and would not match "\n" (the text after
            // it then started in column 1 and the file did not read back). CRs that end lines are dropped.
            for line in value.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
                var line = line
                while line.last == "\r" { line.removeLast() }
                s += line.isEmpty ? "\n" : "    " + String(String.UnicodeScalarView(line)) + "\n"
            }
        }
    }
}
