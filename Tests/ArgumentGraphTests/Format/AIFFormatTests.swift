import Foundation
import Testing
import ArgraphTestSupport
import ArgumentGraph
@testable import ArgumentGraphFormats

@Suite struct AIFFormatTests {
    static func read(_ json: String) throws -> ParsedGraph { try AIFReader.read(Data(json.utf8), file: "t.json") }

    /// The real samples, with counts made independently by scripts/aif-counts.py and checked by hand:
    /// claims = I-nodes; supports = RA (premise, conclusion) pairs + 2 per MA pair; speakers via YA.
    @Test(
        .enabled(if: ExportFixtures.sharedData != nil, "needs ../shared/data beside the repository (the real samples)"),
        arguments: [
            (
                "qt30-test_map1.json", 19, 9, 1, 0,
                ["AudienceMember 20210912QT02", "Boris Johnson", "Fiona Bruce", "Maggie Throup"], 18
            ),
            ("nodeset21145.json", 14, 4, 1, 0, ["Lynda Chalker", "Paul Dean", "Unknown Buchan"], 15),
        ])
    func realSamplesImportWithHandCheckedCounts(
        _ file: String, _ claims: Int, _ supports: Int, _ attacks: Int, _ undercuts: Int,
        _ speakers: [String], _ stances: Int
    ) throws {
        let dir = try #require(ExportFixtures.sharedData)
        let parsed = try AIFReader.read(contentsOf: dir.appendingPathComponent("aif/\(file)").path)
        let g = parsed.graph
        #expect(g.claims.count == claims)
        #expect(g.supportCount == supports)
        #expect(g.attackCount == attacks)
        #expect(g.undercutCount == undercuts)
        #expect(g.actors.map(\.name).sorted() == speakers)
        #expect(g.stances.count == stances)
        // The annotator ("Steffi", "Ella") of doubly prefixed L-nodes is never taken for a speaker.
        #expect(!g.actors.contains { $0.name == "Steffi" || $0.name == "Ella" })
    }

    @Test(
        .enabled(if: ExportFixtures.sharedData != nil, "needs ../shared/data beside the repository (the real samples)"))

    func qt30RephrasesAreMutualSupportsWithANote() throws {
        let dir = try #require(ExportFixtures.sharedData)
        let g = try AIFReader.read(contentsOf: dir.appendingPathComponent("aif/qt30-test_map1.json").path).graph
        let rephrases = g.relations.filter { $0.note == AIFReader.rephraseNote }
        #expect(rephrases.count == 6)  // 3 MA nodes, each both ways
        for r in rephrases {
            let back = rephrases.contains { $0.source == r.targetClaim && $0.targetClaim == r.source }
            #expect(back)
        }
        // The RA node whose premise is an L-node, not an I-node, is reported, not silently lost.
    }

    @Test func speakerIsTheLastPrefix() {
        #expect(AIFReader.speakerPrefixes(of: "Ella : Paul Dean : I welcome it") == ["Ella", "Paul Dean"])
        #expect(
            AIFReader.speakerPrefixes(of: "Steffi: AudienceMember 20210912QT02: My parents") == [
                "Steffi", "AudienceMember 20210912QT02",
            ])
        #expect(AIFReader.speakerPrefixes(of: "Fiona Bruce: what? no: yes") == ["Fiona Bruce"])
        #expect(AIFReader.speakerPrefixes(of: "my parents are from south London").isEmpty)
        #expect(AIFReader.speakerPrefixes(of: "Paul Dean : ").isEmpty)
    }

    static let small = """
        {"nodes": [
          {"nodeID": 1, "type": "I", "text": "Taxes should rise."},
          {"nodeID": 2, "type": "I", "text": "Schools need money."},
          {"nodeID": 3, "type": "I", "text": "Growth will suffer."},
          {"nodeID": 4, "type": "I", "text": "Growth is not the goal."},
          {"nodeID": 5, "type": "RA", "text": "Default Inference"},
          {"nodeID": 6, "type": "CA", "text": "Default Conflict"},
          {"nodeID": 7, "type": "CA", "text": "Default Conflict"},
          {"nodeID": 8, "type": "L", "text": "Ann Lee : Schools need money."},
          {"nodeID": 9, "type": "YA", "text": "Asserting"},
          {"nodeID": 10, "type": "L", "text": "Schools need money, he said."},
          {"nodeID": 11, "type": "YA", "text": "Asserting"},
          {"nodeID": 12, "type": "PA", "text": "Default Preference"}
        ],
        "edges": [
          {"edgeID": 1, "fromID": 2, "toID": 5}, {"edgeID": 2, "fromID": 5, "toID": 1},
          {"edgeID": 3, "fromID": 3, "toID": 6}, {"edgeID": 4, "fromID": 6, "toID": 1},
          {"edgeID": 5, "fromID": 4, "toID": 7}, {"edgeID": 6, "fromID": 7, "toID": 5},
          {"edgeID": 7, "fromID": 8, "toID": 9}, {"edgeID": 8, "fromID": 9, "toID": 2},
          {"edgeID": 9, "fromID": 10, "toID": 11}, {"edgeID": 10, "fromID": 11, "toID": 3}
        ],
        "locutions": [{"nodeID": 10, "personID": 7}],
        "participants": [{"participantID": 7, "firstname": "Bo", "surname": "Diddley"}]}
        """

    @Test func readsInferenceConflictUndercutAndSpeakers() throws {
        let parsed = try Self.read(Self.small)
        let g = parsed.graph
        #expect(g.claims.map(\.id) == ["1", "2", "3", "4"])
        #expect(g.supportCount == 1 && g.attackCount == 1 && g.undercutCount == 1)
        let undercut = try #require(g.relations.first { $0.isUndercut })
        #expect(g.claims[undercut.source].id == "4")
        if case let .relation(t) = undercut.target {
            #expect(g.relations[t].kind == .support)
        } else {
            Issue.record("not an undercut")
        }
        #expect(g.actors.map(\.name) == ["Ann Lee", "Bo Diddley"])
        #expect(g.holders(of: 1).map { g.actors[$0].name } == ["Ann Lee"])
        #expect(g.holders(of: 2).map { g.actors[$0].name } == ["Bo Diddley"])
        #expect(parsed.warnings.contains { $0.message.contains("skipped 1 PA node") })
    }

    @Test func roundTripKeepsClaimsRelationsAndSpeakers() throws {
        let colons = try ArgReader.read(
            "actor a\n  name: Ann Lee\nclaim x: Note: Capital Idea: yes\nstance a asserts x\n"
        ).graph
        for g in [
            try Self.read(Self.small).graph, try ExportFixtures.nixon(), try ExportFixtures.adversarial(), colons,
            try ExportFixtures.undercutChain(),
        ] {
            let data = AIFWriter.write(g)
            #expect(AIFReader.looksLikeAIF(data))
            let back = try AIFReader.read(data).graph
            #expect(back.claims.map(\.id) == g.claims.map(\.id))
            #expect(back.claims.map(\.text) == g.claims.map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) })
            #expect(Self.relationSet(back) == Self.relationSet(g))
            #expect(Self.speakerSet(back) == Self.speakerSet(g))
        }
        if let dir = ExportFixtures.sharedData {
            for file in ["qt30-test_map1.json", "nodeset21145.json"] {
                let g = try AIFReader.read(contentsOf: dir.appendingPathComponent("aif/\(file)").path).graph
                let back = try AIFReader.read(AIFWriter.write(g)).graph
                #expect(back.claims.map(\.text) == g.claims.map(\.text))
                #expect(Self.relationSet(back) == Self.relationSet(g))
                #expect(Self.speakerSet(back) == Self.speakerSet(g))
            }
        }
    }

    /// Texts that a JSON writer must escape or pass through untouched.
    static let hostile: [String] = [
        #"He said "no" \ "yes""#, "back\\slash\\", "trailing \\", "\"", "\u{0}nul",
        "ctl \u{1}\u{7}\u{8}\u{B}\u{C}\u{1B}\u{1F} end",
        "tab\tnew\nline\r\ncr", "del \u{7F}", "slash / and </script>", "line sep \u{2028} para sep \u{2029}",
        "café naïve 日本語 🎭👩‍👩‍👧", "\u{301}lone combining mark", "e\u{301} decomposed vs é", "zero\u{200B}width",
        "{\"nodes\": []}",
        "inner\u{FEFF}BOM", "Z\u{336}\u{335}\u{334}algo", String(repeating: "\\\"", count: 50),
    ]

    @Test func hostileTextsSurviveWriteAndParse() throws {
        var b = GraphBuilder()
        b.lint = false
        for (i, text) in Self.hostile.enumerated() {
            b.add(Actor(id: "a\(i)", name: "N\(i) " + text))
            b.add(Claim(id: "c\(i)", text: text))
            b.add(GraphBuilder.StanceDraft(actor: "a\(i)", claim: "c\(i)"))
            if i > 0 {
                b.add(
                    GraphBuilder.RelationDraft(kind: .attack, source: "c\(i)", target: .claim("c\(i - 1)"), note: text))
            }
        }
        let g = try b.build().graph
        let data = AIFWriter.write(g)
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let nodes = try #require(root["nodes"] as? [[String: Any]])
        func scalars(_ s: String?) -> [Unicode.Scalar]? { s.map { Array($0.unicodeScalars) } }
        let inodes = nodes.filter { $0["type"] as? String == "I" }
        #expect(inodes.map { scalars($0["text"] as? String) } == g.claims.map { scalars($0.text) })
        let cas = nodes.filter { $0["type"] as? String == "CA" }
        #expect(cas.map { scalars($0["text"] as? String) } == Self.hostile.dropFirst().map { scalars($0) })
        let lnodes = nodes.filter { $0["type"] as? String == "L" }
        #expect(
            lnodes.map { scalars($0["text"] as? String) }
                == g.claims.indices.map { scalars(g.actors[$0].name + " : " + g.claims[$0].text) })
        let participants = try #require(root["participants"] as? [[String: Any]])
        #expect(
            participants.map { scalars(($0["firstname"] as? String ?? "") + " " + ($0["surname"] as? String ?? "")) }
                == g.actors.map { scalars($0.name) })
        #expect(String(decoding: data, as: UTF8.self).unicodeScalars.allSatisfy { $0.value >= 0x20 || $0 == "\n" })
        // The text is what JSONSerialization writes for the same objects (the writer's former output).
        let again = try JSONSerialization.data(
            withJSONObject: root, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        #expect(String(decoding: again + Data("\n".utf8), as: UTF8.self) == String(decoding: data, as: UTF8.self))
        #expect(again + Data("\n".utf8) == data)
    }

    @Test func writesAsJSONSerializationDoes() throws {
        let empty = Graph()
        for g in [
            empty, try Self.read(Self.small).graph, try ExportFixtures.nixon(), try ExportFixtures.adversarial(),
            try ExportFixtures.undercutChain(),
        ] {
            let data = AIFWriter.write(g)
            let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let again = try JSONSerialization.data(
                withJSONObject: root, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            #expect(again + Data("\n".utf8) == data)
        }
    }

    /// Relations as (kind, source id, target description) strings.
    static func relationSet(_ g: Graph) -> [String] {
        g.relations.map { r in
            let target: String
            switch r.target {
            case let .claim(c): target = g.claims[c].id
            case let .relation(t):
                target =
                    "(" + g.claims[g.relations[t].source].id + ">"
                    + (g.relations[t].targetClaim.map { g.claims[$0].id } ?? "?") + ")"
            }
            return "\(r.kind) \(g.claims[r.source].id) \(target) \(r.note == AIFReader.rephraseNote)"
        }.sorted()
    }

    static func speakerSet(_ g: Graph) -> [String] {
        g.stances.filter { $0.kind == .asserts }.map { g.actors[$0.actor].name + " > " + g.claims[$0.claim].id }
            .sorted()
    }

    /// A JSON error is placed on its line, whether the lines end in `\n` or `\r\n`.
    @Test(arguments: ["\n", "\r\n"])
    func aJSONErrorIsPlacedOnItsLine(_ newline: String) {
        let json = ["{", #"  "nodes": [],"#, #"  "edges": [}"#, "}"].joined(separator: newline)
        #expect { try Self.read(json) } throws: { error in
            guard let e = error as? DiagnosticError else { return false }
            return e.errors.contains { $0.message.contains("not valid JSON") && $0.location?.line == 3 }
        }
    }

    @Test(arguments: [
        ("not json", "not valid JSON"),
        ("[1, 2]", "must be an object"),
        (#"{"edges": []}"#, "no 'nodes' array"),
        (#"{"nodes": []}"#, "no 'edges' array"),
        (#"{"nodes": [{"type": "I", "text": "x"}], "edges": []}"#, "has no nodeID"),
        (#"{"nodes": [{"nodeID": "a", "text": "x"}], "edges": []}"#, "node 'a' has no type"),
        (
            #"{"nodes": [{"nodeID": "a", "type": "I", "text": "x"}, {"nodeID": "a", "type": "I", "text": "y"}], "edges": []}"#,
            "duplicate nodeID 'a'"
        ),
        (
            #"{"nodes": [{"nodeID": "a", "type": "I", "text": "x"}], "edges": [{"fromID": "a", "toID": "zz"}]}"#,
            "edge to unknown node 'zz'"
        ),
        (
            #"{"nodes": [{"nodeID": "a", "type": "I", "text": "x"}], "edges": [{"fromID": "a"}]}"#,
            "needs a fromID and a toID"
        ),
    ])
    func malformedFilesAreClearErrors(_ json: String, _ message: String) {
        #expect { try Self.read(json) } throws: { error in
            guard let e = error as? DiagnosticError else { return false }
            return e.errors.contains { $0.message.contains(message) && $0.location?.file == "t.json" }
        }
    }

    @Test func errorsPointAtTheLineAndColumn() {
        let cases: [(String, Int, Int)] = [
            ("{\"nodes\": [\n {\"nodeID\": 1, \"type\": \"I\" \"text\": \"x\"}\n], \"edges\": []}", 2, 28),
            (
                "{\"nodes\": [\n {\"nodeID\": 1, \"type\": \"I\", \"text\": \"y\"},\n {\"nodeID\": 1, \"type\": \"I\", \"text\": \"z\"}\n], \"edges\": []}",
                3, 3
            ),
            (
                "{\"nodes\": [{\"nodeID\": 19, \"type\": \"I\", \"text\": \"x\"}],\n \"edges\": [{\"fromID\": 19, \"toID\": 1}]}",
                2, 27
            ),
        ]
        for (json, line, column) in cases {
            #expect { try Self.read(json) } throws: { error in
                let loc = (error as? DiagnosticError)?.errors.first?.location
                return loc?.line == line && loc?.column == column
            }
        }
    }

    @Test func detectsAIFByContentWhenTheExtensionIsJSON() throws {
        let dir = try ScratchDirectory.make("argraph-aif")
        defer { try? FileManager.default.removeItem(at: dir) }
        let aif = dir.appendingPathComponent("a.json"), native = dir.appendingPathComponent("n.json")
        try Data(Self.small.utf8).write(to: aif)
        try GraphJSON.encode(try ExportFixtures.nixon()).write(to: native)
        #expect(try GraphFile.read(path: aif.path).graph.claims.count == 4)
        #expect(try GraphFile.read(path: native.path).graph == (try ExportFixtures.nixon()))
        #expect(throws: DiagnosticError.self) { try GraphFile.read(path: native.path, format: .aif) }
    }

    /// `looksLikeAIF` as it was: the whole text parsed by JSONSerialization.
    static func parsedLooksLikeAIF(_ data: Data) -> Bool {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return false }
        return object["nodes"] is [Any] && object["edges"] is [Any]
    }

    @Test func keyScanDecidesAsAFullParseDoes() throws {
        var texts = [
            #"{"nodes": [], "edges": []}"#, #"{"edges":[1,{"a":"}"}],"nodes":[[]]}"#,
            " \n\t{ \"nodes\" : [ ] ,\r\n \"edges\" : [ ] } ",
            #"{"nodes": [], "edges": {}}"#, #"{"nodes": "[]", "edges": []}"#,
            #"{"claims": [{"nodes": [], "edges": []}]}"#,
            #"{"nod\u0065s": [], "edges": []}"#, #"{"nodes": [], "edges": [], "nodes": 1}"#,
            #"{"nodes": 1, "edges": [], "nodes": []}"#,
            #"{"format": "argraph/1", "n": 12.5e3, "t": true, "f": false, "z": null, "nodes": [], "edges": []}"#,
            #"{"s": "a \" } [ ] \\", "nodes": [], "edges": []}"#, #"{"s": "a \" } [ ] \\", "claims": []}"#,
            #"{"nodes": [], "edges": [}"#, #"{"nodes": [], "edges": []"#, #"{"nodes": [], "edges": []} x"#,
            #"{"nodes" [], "edges": []}"#,
            "{}", "{ }", "[]", #"[{"nodes": [], "edges": []}]"#, "", "   ", "not json", #"{"nodes": []}"#,
            #"{"edges": []}"#,
            "\u{FEFF}{\"nodes\": [], \"edges\": []}", #"{"nødes": [], "edges": []}"#,
            #"{"nodes":[],"edges":[],"x":-0}"#,
            #"{"nodes": [], "edges": [], "a": 1 }"#, #"{"a": 1 , "nodes": [], "edges": []}"#,
            #"{"a": [1, [2, [3]]], "nodes": [], "edges": [] }"#,
        ]
        texts.append(String(decoding: GraphJSON.encode(try ExportFixtures.nixon()), as: UTF8.self))
        texts.append(String(decoding: AIFWriter.write(try ExportFixtures.adversarial()), as: UTF8.self))
        texts.append(Self.small)
        var datas = texts.map { Data($0.utf8) }
        datas.append(try #require(#"{"nodes": [], "edges": []}"#.data(using: .utf16LittleEndian)))
        datas.append(try #require(#"{"nodes": [], "edges": []}"#.data(using: .utf16)))
        // Every prefix of a valid AIF text and of a native one: truncated files decide as before.
        for text in [#"{"nodes": [{"a": "b"}], "edges": [1, 2]}"#, #"{"claims": [{"id": "x"}], "edges": []}"#] {
            for k in 0...text.utf8.count { datas.append(Data(text.utf8.prefix(k))) }
        }
        for d in datas {
            #expect(
                AIFReader.looksLikeAIF(d) == Self.parsedLooksLikeAIF(d),
                "\(String(decoding: d, as: UTF8.self).debugDescription)")
        }
        #expect(AIFReader.looksLikeAIF(Data(#"{"nodes": [], "edges": []}"#.utf8)))
        #expect(!AIFReader.mayHaveNodesAndEdges(GraphJSON.encode(try ExportFixtures.nixon())))
    }
}

@Suite struct AIFByteOrderMarkTests {
    @Test func aByteOrderMarkInsideATextIsKept() throws {
        // JSONSerialization drops a raw U+FEFF at the start of a string or after an escape; the reader escapes it first.
        let json =
            "\u{FEFF}{\"nodes\": [{\"nodeID\": \"1\", \"type\": \"I\", \"text\": \"\u{FEFF}a\\n\u{FEFF}b\u{FEFF}\"}], \"edges\": []}"
        let g = try AIFReader.read(Data(json.utf8)).graph
        #expect(Array(g.claims[0].text.unicodeScalars) == Array("\u{FEFF}a\n\u{FEFF}b\u{FEFF}".unicodeScalars))
    }

    @Test func anErrorAfterAnEscapedMarkIsPlacedInTheOriginalText() throws {
        // The error is the stray 'x' on line 2, column 3; three marks before it grew the bytes by 9.
        let json = "{\"nodes\": [\"\u{FEFF}\u{FEFF}\u{FEFF}\"],\n  x \"edges\": []}"
        let error = #expect(throws: DiagnosticError.self) { try AIFReader.read(Data(json.utf8)) }
        let at = try #require(error?.diagnostics.first?.location)
        #expect(at.line == 2 && at.column == 3, "\(at)")
    }
}
