import ArgumentGraphModel
import ArgumentGraphText

/// Writes a graph as GraphML, for Gephi, yEd, Cytoscape and the Neo4j importer.
///
/// Nodes are claims with data keys `label` (the id), `text`, `kind`, `tags`, `actors` (who assert
/// it) and `deniedBy`; edges are relations with `kind` (support, attack or undercut), `weight`,
/// `note`, `by` and `relation` (the relation's id). GraphML edges join nodes only, so an undercut
/// is drawn from the undercutter to the claim the undercut relation points at, with `undercuts`
/// naming the edge it attacks. A linked relation becomes one edge per premise, `e<i>`, `e<i>.2`, …, each with
/// `premises` (the premise ids joined by ` + `) and `linked` (`e<i>`, the same on all of them), so the premises
/// that hold only together can be found again; those keys are declared only when the graph has a linked relation.
/// Every string is XML-escaped; characters XML forbids are dropped.
public enum GraphMLWriter {
    /// The GraphML text of `graph`.
    public static func write(_ graph: Graph) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out +=
            "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        out +=
            "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
        let nodeKeys = ["label", "text", "kind", "tags", "actors", "deniedBy"]
        for k in nodeKeys { out += "  <key id=\"n_\(k)\" for=\"node\" attr.name=\"\(k)\" attr.type=\"string\"/>\n" }
        out += "  <key id=\"e_kind\" for=\"edge\" attr.name=\"kind\" attr.type=\"string\"/>\n"
        out +=
            "  <key id=\"e_weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"><default>1.0</default></key>\n"
        let linkedKeys = graph.relations.contains(where: \.isLinked) ? ["premises", "linked"] : []
        for k in ["note", "by", "relation", "undercuts"] + linkedKeys {
            out += "  <key id=\"e_\(k)\" for=\"edge\" attr.name=\"\(k)\" attr.type=\"string\"/>\n"
        }
        out += "  <graph id=\(attr(graph.name ?? "argraph")) edgedefault=\"directed\">\n"
        if let title = graph.title { out += "    <desc>\(escape(title))</desc>\n" }
        for (c, claim) in graph.claims.enumerated() {
            out += "    <node id=\(attr("n\(c)"))>\n"
            var data: [(String, String)] = [("label", claim.id), ("text", claim.text), ("kind", claim.kind.rawValue)]
            if !claim.tags.isEmpty { data.append(("tags", claim.tags.joined(separator: ","))) }
            let holders = graph.holders(of: c).map { graph.actors[$0].name }
            if !holders.isEmpty { data.append(("actors", holders.joined(separator: "; "))) }
            let deniers = graph.stances(onClaim: c).filter { $0.kind == .denies }.map { graph.actors[$0.actor].name }
            if !deniers.isEmpty { data.append(("deniedBy", deniers.joined(separator: "; "))) }
            for (k, v) in data { out += "      <data key=\"n_\(k)\">\(escape(v))</data>\n" }
            out += "    </node>\n"
        }
        // A linked relation becomes one edge per premise, `e<i>`, `e<i>.2`, …, each with the premise list
        // (``Graph/linkedRelationWarning(writing:as:keeping:)``).
        for (i, r) in graph.relations.enumerated() {
            for (k, p) in r.premises.enumerated() {
                let target = finalClaim(of: i, in: graph)
                out +=
                    "    <edge id=\(attr(k == 0 ? "e\(i)" : "e\(i).\(k + 1)")) source=\(attr("n\(p)")) target=\(attr("n\(target)"))>\n"
                var data: [(String, String)] = [
                    ("kind", r.isUndercut ? "undercut" : r.kind.rawValue), ("weight", String(r.weight)),
                ]
                if let id = r.id { data.append(("relation", id)) }
                if case let .relation(t) = r.target { data.append(("undercuts", "e\(t)")) }
                if let note = r.note { data.append(("note", note)) }
                if let a = r.actor { data.append(("by", graph.actors[a].name)) }
                if r.isLinked {
                    data.append(("premises", graph.premiseText(r.premises)))
                    data.append(("linked", "e\(i)"))
                }
                for (k, v) in data { out += "      <data key=\"e_\(k)\">\(escape(v))</data>\n" }
                out += "    </edge>\n"
            }
        }
        out += "  </graph>\n</graphml>\n"
        return out
    }

    /// The claim a relation finally points at, following undercut targets (iteratively, cycle-safe).
    static func finalClaim(of r: Int, in graph: Graph) -> Int {
        var current = r
        for _ in 0...graph.relations.count {
            switch graph.relations[current].target {
            case let .claim(c): return c
            case let .relation(t): current = t
            }
        }
        return graph.relations[r].source
    }

    /// `text` as a double-quoted XML attribute value.
    static func attr(_ text: String) -> String { "\"" + escape(text) + "\"" }

    /// `text` escaped for XML content or attributes; characters XML 1.0 forbids are dropped (``XMLText``).
    public static func escape(_ text: String) -> String { XMLText.escape(text) }
}
