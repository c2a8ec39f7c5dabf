import Foundation

/// Writes a graph as AIF JSON (AIFdb/OVA node set).
///
/// Claims become I-nodes (nodeID = claim id); each support an RA node, each attack a CA node,
/// each undercut a CA node aimed at the RA or CA node of the relation it attacks; a pair of
/// supports noted `rephrase (MA)` becomes one MA node. Each asserting stance becomes an L-node
/// `Name : text` (with a locution naming the participant) linked to the I-node by an `Asserting`
/// YA node. Weights, kinds, tags, documents, quotes and denials have no AIF form and are left out.
public enum AIFWriter {
    /// The AIF JSON bytes of `graph`, pretty-printed with sorted keys.
    public static func write(_ graph: Graph) -> Data {
        var nodes: [[String: Any]] = []
        var edges: [[String: Any]] = []
        var edgeCount = 0
        func edge(_ from: String, _ to: String) {
            edgeCount += 1
            edges.append(["edgeID": "_e\(edgeCount)", "fromID": from, "toID": to])
        }
        for c in graph.claims { nodes.append(["nodeID": c.id, "type": "I", "text": c.text]) }

        // One S-node per relation, except that mutual rephrase supports share one MA node.
        var sNode = [String](repeating: "", count: graph.relations.count)
        var pairOf: [String: Int] = [:]
        for (i, r) in graph.relations.enumerated() where r.kind == .support && r.note == AIFReader.rephraseNote {
            if case let .claim(t) = r.target { pairOf["\(r.source)>\(t)"] = i }
        }
        // Node ids are claim ids and made-up names; a made-up name never takes a claim's id.
        var usedNames = Set(graph.claims.map(\.id))
        func fresh(_ name: String) -> String {
            var n = name
            while usedNames.contains(n) { n += "_" }
            usedNames.insert(n)
            return n
        }
        for (i, r) in graph.relations.enumerated() {
            var name = "_" + (r.id ?? "r\(i)")
            if usedNames.contains(name) { name += "-\(i)" }
            name = fresh(name)
            if r.kind == .support, r.note == AIFReader.rephraseNote, case let .claim(t) = r.target,
               let back = pairOf["\(t)>\(r.source)"], back < i, !sNode[back].isEmpty {
                sNode[i] = sNode[back]
                continue
            }
            sNode[i] = name
        }
        var emitted = Set<String>()
        for (i, r) in graph.relations.enumerated() {
            let isMA = r.kind == .support && r.note == AIFReader.rephraseNote
            if !emitted.insert(sNode[i]).inserted { continue }
            let type = isMA ? "MA" : (r.kind == .support ? "RA" : "CA")
            let text = isMA ? "Default Rephrase" : (r.note ?? (r.kind == .support ? "Default Inference" : "Default Conflict"))
            nodes.append(["nodeID": sNode[i], "type": type, "text": text])
            edge(graph.claims[r.source].id, sNode[i])
            switch r.target {
            case let .claim(c): edge(sNode[i], graph.claims[c].id)
            case let .relation(t): edge(sNode[i], sNode[t])
            }
        }

        // Speakers: one L and one YA node per asserting stance.
        var locutions: [[String: Any]] = []
        var seen = Set<String>()
        var l = 0
        for s in graph.stances where s.kind == .asserts && seen.insert("\(s.actor)>\(s.claim)").inserted {
            l += 1
            let actor = graph.actors[s.actor], claim = graph.claims[s.claim]
            let lNode = fresh("_l\(l)"), yaNode = fresh("_ya\(l)")
            nodes.append(["nodeID": lNode, "type": "L", "text": actor.name + " : " + claim.text])
            nodes.append(["nodeID": yaNode, "type": "YA", "text": "Asserting"])
            edge(lNode, yaNode)
            edge(yaNode, claim.id)
            locutions.append(["nodeID": lNode, "personID": s.actor + 1])
        }
        var participants: [[String: Any]] = []
        let speaking = Set(graph.stances.filter { $0.kind == .asserts }.map(\.actor))
        for a in speaking.sorted() {
            let words = graph.actors[a].name.split(separator: " ", maxSplits: 1)
            participants.append(["participantID": a + 1, "firstname": words.first.map(String.init) ?? "",
                                 "surname": words.count > 1 ? String(words[1]) : ""])
        }
        let root: [String: Any] = ["nodes": nodes, "edges": edges, "locutions": locutions, "participants": participants]
        let data = (try? JSONSerialization.data(withJSONObject: root, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return data + Data("\n".utf8)
    }
}
