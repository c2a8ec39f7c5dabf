import Foundation
import Testing
import ArgumentGraph
@testable import ArgumentGraphFormats

/// Linked relations through AIF: an RA or CA node with several I-node premises is one relation whose premises hold
/// only together, read and written as one S-node.
@Suite struct AIFLinkedRelationTests {
    static func read(_ json: String) throws -> ParsedGraph { try AIFReader.read(Data(json.utf8), file: "t.json") }

    /// Nodes and edges as AIF JSON: `nodes` as (id, type, text), `edges` as (from, to), in order.
    static func aif(_ nodes: [(String, String, String)], _ edges: [(String, String)]) -> String {
        let n = nodes.map { #"{"nodeID": "\#($0.0)", "type": "\#($0.1)", "text": "\#($0.2)"}"# }
        let e = edges.map { #"{"fromID": "\#($0.0)", "toID": "\#($0.1)"}"# }
        return #"{"nodes": [\#(n.joined(separator: ", "))], "edges": [\#(e.joined(separator: ", "))]}"#
    }

    // MARK: Reading

    @Test func aNodeWithSeveralPremisesIsOneLinkedRelationPerConclusion() throws {
        let json = Self.aif(
            [
                ("a", "I", "A"), ("b", "I", "B"), ("c", "I", "C"), ("d", "I", "D"), ("e", "I", "E"),
                ("ra", "RA", "Default Inference"), ("ca", "CA", "Default Conflict"), ("two", "RA", "Expert Opinion"),
            ],
            [
                // The premises in the order of the edges: b before a.
                ("b", "ra"), ("a", "ra"), ("ra", "c"),
                ("d", "ca"), ("e", "ca"), ("a", "ca"), ("ca", "c"),
                ("a", "two"), ("b", "two"), ("two", "d"), ("two", "e"),
            ])
        let parsed = try Self.read(json)
        let g = parsed.graph
        func ids(_ r: Relation) -> [String] { r.premises.map { g.claims[$0].id } }
        #expect(parsed.warnings.allSatisfy { !$0.message.contains("linked relation") })
        #expect(g.relations.count == 4)
        let ra = try #require(g.relations.first { $0.id == "ra" })
        #expect(ra.kind == .support && ids(ra) == ["b", "a"] && ra.targetClaim.map { g.claims[$0].id } == "c")
        let ca = try #require(g.relations.first { $0.id == "ca" })
        #expect(ca.kind == .attack && ids(ca) == ["d", "e", "a"])
        // Two conclusions: one relation each, both linked with every premise, both noted with the scheme.
        let two = g.relations.filter { $0.note == "Expert Opinion" }
        #expect(two.map(\.id) == ["two-1", "two-2"])
        #expect(two.allSatisfy { ids($0) == ["a", "b"] })
        #expect(two.compactMap(\.targetClaim).map { g.claims[$0].id } == ["d", "e"])
    }

    @Test func aConflictWithSeveralPremisesAimedAtAnInferenceIsOneLinkedUndercut() throws {
        let json = Self.aif(
            [
                ("p", "I", "P"), ("q", "I", "Q"), ("c", "I", "C"), ("x", "I", "X"), ("y", "I", "Y"),
                ("ra", "RA", "Default Inference"), ("u", "CA", "Default Conflict"),
            ],
            [("p", "ra"), ("q", "ra"), ("ra", "c"), ("y", "u"), ("x", "u"), ("u", "ra")])
        let g = try Self.read(json).graph
        #expect(g.supportCount == 1 && g.undercutCount == 1)
        let u = try #require(g.relations.first { $0.isUndercut })
        #expect(u.id == "u")
        #expect(u.premises.map { g.claims[$0].id } == ["y", "x"])
        #expect(u.target == .relation(try #require(g.relations.firstIndex { $0.id == "ra" })))
    }

    @Test func aPremiseThatIsTheConclusionIsDroppedAndANodeLeftWithoutPremiseIsSkipped() throws {
        let json = Self.aif(
            [
                ("a", "I", "A"), ("b", "I", "B"), ("c", "I", "C"),
                ("ra", "RA", "Default Inference"), ("self", "CA", "Default Conflict"),
            ],
            [("a", "ra"), ("c", "ra"), ("b", "ra"), ("ra", "c"), ("a", "self"), ("self", "a")])
        let parsed = try Self.read(json)
        let g = parsed.graph
        #expect(g.relations.count == 1)
        #expect(g.relations[0].premises.map { g.claims[$0].id } == ["a", "b"])
        #expect(
            parsed.warnings.contains {
                $0.message == "CA node 'self' has no I-node premise besides its conclusion 'a'; skipped"
            })
    }

    @Test func aRephraseStaysMutualSupportPairByPair() throws {
        let json = Self.aif(
            [("a", "I", "A"), ("b", "I", "B"), ("c", "I", "C"), ("ma", "MA", "Default Rephrase")],
            [("a", "ma"), ("b", "ma"), ("ma", "c")])
        let g = try Self.read(json).graph
        #expect(g.relations.count == 4)
        #expect(g.relations.allSatisfy { !$0.isLinked && $0.note == AIFReader.rephraseNote })
    }

    // MARK: Round trips

    /// Linked supports, attacks and undercuts of 2–4 premises, beside plain ones, with speakers, and with the
    /// actors (one of them no speaker), weights and notes of relations. The actor ids are those AIF reads back
    /// (slugs of the names), so that the .arg text itself comes back.
    static let linkedArg = """
        graph linked

        actor ann-lee
          name: Ann Lee
        actor bo-diddley
          name: Bo Diddley
        actor cy-young
          name: Cy Young
        claim a: Taxes should rise.
        claim b: Schools need money.
        claim c: Growth will suffer.
        claim d: Growth is not the goal.
        claim e: Money is fungible.
        claim f: Schools waste money.
        stance ann-lee asserts a
        stance ann-lee asserts b
        stance bo-diddley asserts c
        stance bo-diddley asserts f
        support r1: b + e -> a
          weight: 0.75
          by: ann-lee
          note: Practical Reasoning
        support r2: d -> a
          by: bo-diddley
        attack r3: c + f + e -> a
          by: bo-diddley
          note: they say so
        attack r4: b + d + e + f -> c
          weight: 0.3
        support r5: f -> c
          weight: 0
        attack r6: e -> b
          by: cy-young
        undercut u1: f + c -> r1
          weight: 0.1
          by: bo-diddley
          note: not in this case
        undercut u2: d -> r3
          by: ann-lee
        undercut u3: a + b + c -> u1
          by: cy-young

        """

    /// A relation as its kind, premises (ids, in order), target (a claim id, or the target relation described
    /// the same way), actor's name, weight and note.
    static func describe(_ g: Graph, _ i: Int) -> String {
        let r = g.relations[i]
        let target: String
        switch r.target {
        case let .claim(c): target = g.claims[c].id
        case let .relation(t): target = "(" + describe(g, t) + ")"
        }
        let premises = r.premises.map { g.claims[$0].id }.joined(separator: " + ")
        return
            "\(r.kind) \(premises) -> \(target) by \(r.actor.map { g.actors[$0].name } ?? "-") weight \(r.weight) note \(r.note ?? "-")"
    }

    static func relations(_ g: Graph) -> [String] { g.relations.indices.map { describe(g, $0) }.sorted() }

    /// Every S-node of an AIF document as its type, the texts of its I-node premises (sorted) and its conclusions
    /// (an I-node's text, or an S-node described the same way); sorted. S-nodes without an I-node premise or
    /// conclusion are left out (a reader skips them).
    static func sNodes(_ data: Data) throws -> [String] {
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let nodes = try #require(root["nodes"] as? [[String: Any]])
        let edges = try #require(root["edges"] as? [[String: Any]])
        func id(_ v: Any?) -> String { AIFReader.Parser.idString(v) ?? "" }
        var type: [String: String] = [:]
        var text: [String: String] = [:]
        for n in nodes {
            type[id(n["nodeID"])] = n["type"] as? String
            text[id(n["nodeID"])] = (n["text"] as? String)?.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        var into: [String: [String]] = [:]
        var from: [String: [String]] = [:]
        for e in edges {
            into[id(e["toID"]), default: []].append(id(e["fromID"]))
            from[id(e["fromID"]), default: []].append(id(e["toID"]))
        }
        let sTypes: Set<String> = ["RA", "CA", "MA"]
        func describe(_ s: String, _ seen: Set<String>) -> String {
            let premises = (into[s] ?? []).filter { type[$0] == "I" }.map { text[$0] ?? "" }.sorted()
            let conclusions = (from[s] ?? []).compactMap { t -> String? in
                if type[t] == "I" { return text[t] ?? "" }
                guard let ty = type[t], sTypes.contains(ty) else { return nil }
                return seen.contains(t) ? "(cycle)" : "(" + describe(t, seen.union([s])) + ")"
            }.sorted()
            return
                "\(type[s] ?? "?") {\(premises.joined(separator: " | "))} -> {\(conclusions.joined(separator: " | "))}"
        }
        return nodes.map { id($0["nodeID"]) }.filter { s in
            sTypes.contains(type[s] ?? "") && (into[s] ?? []).contains { type[$0] == "I" }
                && (from[s] ?? []).contains { type[$0] == "I" || sTypes.contains(type[$0] ?? "") }
        }.map { describe($0, [$0]) }.sorted()
    }

    @Test func argToAIFAndBackKeepsEveryLinkedRelation() throws {
        let g = try ArgReader.read(Self.linkedArg).graph
        #expect(g.relations.filter(\.isLinked).count == 5)  // r1, r3, r4, u1, u3
        #expect(g.relations.filter { $0.actor != nil }.count == 7)
        #expect(g.relations.filter { $0.weight != 1 }.count == 4)
        let data = AIFWriter.write(g)
        let back = try AIFReader.read(data, file: "linked.json").graph
        #expect(Self.relations(back) == Self.relations(g))
        #expect(back.relations.map(\.id) == g.relations.map(\.id))
        #expect(back.relations.map(\.actor) == g.relations.map(\.actor))
        #expect(back.relations.map(\.weight) == g.relations.map(\.weight))
        #expect(back.relations.map(\.note) == g.relations.map(\.note))
        #expect(back.actors == g.actors)
        #expect(AIFFormatTests.speakerSet(back) == AIFFormatTests.speakerSet(g))
        // The .arg text itself comes back.
        #expect(ArgWriter.write(back) == ArgWriter.write(g))
        // And AIF → graph → AIF: the same S-nodes, and the same text.
        #expect(try Self.sNodes(AIFWriter.write(back)) == Self.sNodes(data))
        #expect(try Self.sNodes(data).count == 9)
        #expect(AIFWriter.write(back) == data)
    }

    /// The node pattern that carries a relation's actor: L-node → YA node → S-node, the YA node `Arguing` for an RA
    /// node and `Disagreeing` for a CA node, the L-node's locution naming the participant.
    @Test func anActorIsALocutionArguingIntoTheSNode() throws {
        let g = try ArgReader.read(Self.linkedArg).graph
        let root = try #require(try JSONSerialization.jsonObject(with: AIFWriter.write(g)) as? [String: Any])
        let nodes = try #require(root["nodes"] as? [[String: Any]])
        let edges = try #require(root["edges"] as? [[String: String]])
        let locutions = try #require(root["locutions"] as? [[String: Any]])
        let participants = try #require(root["participants"] as? [[String: Any]])
        var node: [String: [String: Any]] = [:]
        for n in nodes { node[n["nodeID"] as? String ?? ""] = n }
        func type(_ id: String) -> String { node[id]?["type"] as? String ?? "?" }
        func text(_ id: String) -> String { node[id]?["text"] as? String ?? "?" }
        var acts: [String] = []
        for e in edges where type(e["fromID"] ?? "") == "YA" && ["RA", "CA"].contains(type(e["toID"] ?? "")) {
            let ya = e["fromID"] ?? "", s = e["toID"] ?? ""
            let l = try #require(edges.first { $0["toID"] == ya }?["fromID"])
            #expect(type(l) == "L")
            let person = try #require(locutions.first { $0["nodeID"] as? String == l }?["personID"] as? Int)
            let p = try #require(participants.first { $0["participantID"] as? Int == person })
            acts.append("\(p["firstname"] ?? "") \(text(ya)) \(type(s)) \(s) (\(text(l)))")
        }
        #expect(
            acts == [
                "Ann Arguing RA _r1 (Ann Lee : Schools need money. Money is fungible.)",
                "Bo Arguing RA _r2 (Bo Diddley : Growth is not the goal.)",
                "Bo Disagreeing CA _r3 (Bo Diddley : Growth will suffer. Schools waste money. Money is fungible.)",
                "Cy Disagreeing CA _r6 (Cy Young : Money is fungible.)",
                "Bo Disagreeing CA _u1 (Bo Diddley : Schools waste money. Growth will suffer.)",
                "Ann Disagreeing CA _u2 (Ann Lee : Growth is not the goal.)",
                "Cy Disagreeing CA _u3 (Cy Young : Taxes should rise. Schools need money. Growth will suffer.)",
            ])
        // Weights other than 1 are the S-node's `weight`; notes its text.
        #expect(node["_r1"]?["weight"] as? Double == 0.75 && text("_r1") == "Practical Reasoning")
        #expect(node["_r5"]?["weight"] as? Double == 0 && text("_r5") == "Default Inference")
        #expect(node["_r2"]?["weight"] == nil)
    }

    @Test func aifToGraphAndBackKeepsEveryLinkedSNode() throws {
        let json = Self.aif(
            [
                ("a", "I", "A"), ("b", "I", "B"), ("c", "I", "C"), ("d", "I", "D"), ("e", "I", "E"),
                ("ra", "RA", "Default Inference"), ("ca", "CA", "Default Conflict"), ("u", "CA", "Default Conflict"),
                ("uu", "CA", "Default Conflict"), ("ma", "MA", "Default Rephrase"),
            ],
            [
                ("a", "ra"), ("b", "ra"), ("ra", "c"), ("d", "ca"), ("e", "ca"), ("b", "ca"), ("ca", "a"),
                ("d", "u"), ("e", "u"), ("u", "ra"), ("a", "uu"), ("c", "uu"), ("uu", "u"), ("d", "ma"), ("ma", "e"),
            ])
        let data = Data(json.utf8)
        let g = try AIFReader.read(data).graph
        let again = AIFWriter.write(g)
        #expect(try Self.sNodes(again) == Self.sNodes(data))
        #expect(Self.relations(try AIFReader.read(again).graph) == Self.relations(g))
    }

    /// A random AIF document: 3–10 I-nodes, then 1–8 RA and CA nodes, each with 1–4 distinct I-node premises and one
    /// conclusion, an I-node other than its premises; about a third of the CA nodes aim at an earlier RA node instead.
    static func randomAIF(seed: UInt64) -> Data {
        var rng = SplitMix64(seed: seed)
        let claims = Int.random(in: 3...10, using: &rng)
        var nodes = (0..<claims).map { ("i\($0)", "I", "Statement \($0)") }
        var edges: [(String, String)] = []
        var inferences: [String] = []
        for k in 0..<Int.random(in: 1...8, using: &rng) {
            let isConflict = Bool.random(using: &rng)
            let s = (isConflict ? "ca" : "ra") + "\(k)"
            nodes.append((s, isConflict ? "CA" : "RA", isConflict ? "Default Conflict" : "Default Inference"))
            var pool = Array(0..<claims).shuffled(using: &rng)
            let undercuts = isConflict && !inferences.isEmpty && Int.random(in: 0..<3, using: &rng) == 0
            let conclusion = undercuts ? inferences.randomElement(using: &rng)! : "i\(pool.removeLast())"
            for p in pool.prefix(Int.random(in: 1...min(4, pool.count), using: &rng)) { edges.append(("i\(p)", s)) }
            edges.append((s, conclusion))
            if !isConflict { inferences.append(s) }
        }
        return Data(aif(nodes, edges).utf8)
    }

    @Test func randomAIFKeepsEveryPremiseSetThroughImportExportImport() throws {
        var linked = 0
        for seed in UInt64(1)...400 {
            let data = Self.randomAIF(seed: seed)
            let g = try AIFReader.read(data).graph
            let exported = AIFWriter.write(g)
            let back = try AIFReader.read(exported).graph
            #expect(try Self.sNodes(exported) == Self.sNodes(data), "seed \(seed)")
            #expect(Self.relations(back) == Self.relations(g), "seed \(seed)")
            linked += g.relations.filter(\.isLinked).count
        }
        #expect(linked > 400)
    }

    @Test(
        .enabled(if: ExportFixtures.sharedData != nil, "needs ../shared/data/aif"),
        arguments: [("nodeset21145.json", 5), ("qt30-test_map1.json", 7)])
    func realSamplesKeepEveryPremiseSetThroughImportExportImport(_ file: String, _ sNodes: Int) throws {
        let dir = try #require(ExportFixtures.sharedData)
        let data = try Data(contentsOf: dir.appendingPathComponent("aif/\(file)"))
        let g = try AIFReader.read(data).graph
        let exported = AIFWriter.write(g)
        let back = try AIFReader.read(exported).graph
        #expect(Self.relations(back) == Self.relations(g))
        // Every S-node the reader keeps (all but qt30's RA whose only premise is an L-node) comes back the same.
        #expect(try Self.sNodes(data).count == sNodes)
        #expect(try Self.sNodes(exported) == Self.sNodes(data))
    }
}
