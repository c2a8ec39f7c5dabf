import ArgumentGraph
import Foundation

/// Hover on an id: what the graph says of it.
enum Hover {
    static func hover(_ doc: OpenDocument, at p: Position) -> JSON {
        guard let o = Navigation.occurrence(doc, at: p), let markdown = describe(o.kind, o.id, in: doc) else {
            return .null
        }
        return ["contents": LSP.markdown(markdown), "range": doc.text.range(of: o.bytes).json]
    }

    /// Markdown for an id: from the graph when the text reads (or read a moment ago), else from the syntax index.
    static func describe(_ kind: ArgSyntax.IDKind, _ id: String, in doc: OpenDocument) -> String? {
        let analysis = doc.analysis.parsed != nil ? doc.analysis : doc.lastGood
        if let analysis, let graph = analysis.parsed?.graph {
            switch kind {
            case .claim: if let c = graph.claimIndex(of: id) { return claim(c, graph, analysis, doc) }
            case .actor: if let a = graph.actorIndex(of: id) { return actor(a, graph) }
            case .document: if let d = graph.documentIndex(of: id) { return document(d, graph) }
            case .relation: if let r = graph.relationIndex(of: id) { return relation(r, graph) }
            }
        }
        guard let decl = doc.analysis.syntax.declaration(of: kind, id) else { return nil }
        let summary = kind == .claim ? decl.claimText : decl.property(kind == .actor ? "name" : "title")
        return "**\(decl.keyword) \(id)**" + (summary.map { "\n\n" + $0 } ?? "")
    }

    static func claim(_ c: Int, _ graph: Graph, _ analysis: DocumentAnalysis, _ doc: OpenDocument) -> String {
        let claim = graph.claims[c]
        var s = "**\(claim.kind.rawValue) \(claim.id)**\n\n\(claim.text)"
        if !claim.tags.isEmpty { s += "\n\ntags: " + claim.tags.joined(separator: ", ") }
        let stances = graph.stances(onClaim: c)
        for kind in StanceKind.allCases {
            let some = stances.filter { $0.kind == kind }
            guard !some.isEmpty else { continue }
            let who = some.map { st in
                graph.actors[st.actor].id + (st.document.map { " in " + graph.documents[$0].id } ?? "")
            }
            s += "\n\n\(kind.rawValue) by: " + who.joined(separator: "; ")
        }
        if stances.isEmpty { s += "\n\nheld by no actor" }
        var status: [String] = []
        if let labels = analysis.grounded, c < labels.count { status.append("grounded: **\(labels[c].rawValue)**") }
        if let r = analysis.strengths, c < r.strengths.count {
            status.append("DF-QuAD strength: **\(Hover.number(r.strengths[c]))** (base \(Hover.number(r.base[c])))")
        }
        if !status.isEmpty { s += "\n\n" + status.joined(separator: " · ") }
        if doc.analysis.parsed == nil { s += "\n\n_(as the file last read without errors)_" }
        return s
    }

    static func actor(_ a: Int, _ graph: Graph) -> String {
        let actor = graph.actors[a]
        var s = "**actor \(actor.id)**"
        if actor.name != actor.id { s += " — \(actor.name)" }
        s += " (\(actor.kind.rawValue))"
        let details = [actor.role, actor.affiliation].compactMap { $0 }
        if !details.isEmpty { s += "\n\n" + details.joined(separator: "; ") }
        let stances = graph.stances(ofActor: a)
        let asserted = Set(stances.filter { $0.kind == .asserts }.map(\.claim)).count
        let denied = Set(stances.filter { $0.kind == .denies }.map(\.claim)).count
        let claims = Set(stances.map(\.claim)).count
        s += "\n\n\(NumberText.counted(claims, "claim")) (\(asserted) asserted, \(denied) denied)"
        var docs: [String] = []
        for st in stances {
            if let d = st.document, !docs.contains(graph.documents[d].id) { docs.append(graph.documents[d].id) }
        }
        s += docs.isEmpty ? "; in no document" : " in " + docs.joined(separator: ", ")
        if let c = actor.credibility { s += "\n\ncredibility: \(ArgWriter.number(c))" }
        return s
    }

    static func document(_ d: Int, _ graph: Graph) -> String {
        let doc = graph.documents[d]
        var s = "**document \(doc.id)**\n\n\(doc.title)"
        let details = [doc.publisher, doc.date?.description, doc.file].compactMap { $0 }
        if !details.isEmpty { s += "\n\n" + details.joined(separator: " · ") }
        let stances = graph.stances.filter { $0.document == d }
        let actors = Set(stances.map(\.actor)).count
        s += "\n\n\(NumberText.counted(stances.count, "stance")) by \(NumberText.counted(actors, "actor"))"
        return s
    }

    static func relation(_ r: Int, _ graph: Graph) -> String {
        let rel = graph.relations[r]
        let target: String
        switch rel.target {
        case let .claim(c): target = graph.claims[c].id
        case let .relation(t): target = graph.relations[t].id ?? "#\(t + 1)"
        }
        let keyword = rel.isUndercut ? "undercut" : rel.kind.rawValue
        var s =
            "**\(keyword)\(rel.id.map { " " + $0 } ?? "")**: \(graph.premiseText(rel.premises)) -> \(target)"
        if rel.weight != 1 { s += "\n\nweight: \(ArgWriter.number(rel.weight))" }
        if let a = rel.actor { s += "\n\nby: \(graph.actors[a].id)" }
        if let note = rel.note { s += "\n\nnote: \(note)" }
        return s
    }

    /// A score with three decimals, as the REPL's `score` prints it.
    static func number(_ x: Double) -> String { NumberText.strength(x) }
}
