import Foundation
import Testing
import ArgumentGraph
@testable import ArgumentGraphFormats

/// A relation's actor (`by:`), weight and note through AIF: the actor is an L-node of that speaker linked to the
/// relation's S-node by a YA node, the weight the S-node's own `weight` field, the note its text.
@Suite struct AIFRelationActorTests {
    static func read(_ json: String) throws -> ParsedGraph { try AIFReader.read(Data(json.utf8), file: "t.json") }

    /// `nodes` as (id, type, text), `edges` as (from, to), `locutions` as (L-node, person id), `participants` as
    /// (person id, first name).
    static func aif(
        _ nodes: [(String, String, String)], _ edges: [(String, String)], locutions: [(String, Int)] = [],
        participants: [(Int, String)] = []
    ) -> String {
        let n = nodes.map { #"{"nodeID": "\#($0.0)", "type": "\#($0.1)", "text": "\#($0.2)"}"# }
        let e = edges.map { #"{"fromID": "\#($0.0)", "toID": "\#($0.1)"}"# }
        let l = locutions.map { #"{"nodeID": "\#($0.0)", "personID": \#($0.1)}"# }
        let p = participants.map { #"{"participantID": \#($0.0), "firstname": "\#($0.1)", "surname": ""}"# }
        return #"""
            {"nodes": [\#(n.joined(separator: ", "))], "edges": [\#(e.joined(separator: ", "))],
             "locutions": [\#(l.joined(separator: ", "))], "participants": [\#(p.joined(separator: ", "))]}
            """#
    }

    func actorName(_ g: Graph, _ id: String) throws -> String? {
        try #require(g.relations.first { $0.id == id }).actor.map { g.actors[$0].name }
    }

    @Test func aLocutionArguingIntoAnSNodeIsTheActorOfItsRelations() throws {
        let json = Self.aif(
            [
                ("a", "I", "A"), ("b", "I", "B"), ("c", "I", "C"), ("ra", "RA", "Default Inference"),
                ("ca", "CA", "Default Conflict"), ("u", "CA", "Default Conflict"),
                ("l1", "L", "Ann : B, so A"), ("y1", "YA", "Arguing"),
                ("l2", "L", "Bo : C, not A"), ("y2", "YA", "Disagreeing"),
                ("l3", "L", "whatever"), ("y3", "YA", "Disagreeing"),
            ],
            [
                ("b", "ra"), ("ra", "a"), ("c", "ca"), ("ca", "a"), ("c", "u"), ("u", "ra"),
                ("l1", "y1"), ("y1", "ra"), ("l2", "y2"), ("y2", "ca"), ("l3", "y3"), ("y3", "u"),
            ],
            locutions: [("l3", 7)], participants: [(7, "Cy")])
        let parsed = try Self.read(json)
        let g = parsed.graph
        #expect(try actorName(g, "ra") == "Ann")
        #expect(try actorName(g, "ca") == "Bo")
        #expect(try actorName(g, "u") == "Cy")
        // Drawing an inference is no stance on a claim.
        #expect(g.stances.isEmpty)
        #expect(g.actors.map(\.name) == ["Ann", "Bo", "Cy"])
        #expect(!parsed.warnings.contains { $0.message.contains("speaker") })
    }

    @Test func anIllocutionAnchoredInATransitionGivesNoActor() throws {
        // As in AIFdb and QT30: L → TA → L, and TA → YA (Arguing) → RA. A transition joins two locutions, which
        // may be two speakers'; it names no one, so the relation keeps no actor (the real samples read as before).
        let json = Self.aif(
            [
                ("a", "I", "A"), ("b", "I", "B"), ("ra", "RA", "Default Inference"),
                ("l1", "L", "Ann : A"), ("l2", "L", "Bo : because B"), ("ta", "TA", "Default Transition"),
                ("y", "YA", "Arguing"), ("ya", "YA", "Asserting"), ("yb", "YA", "Asserting"),
            ],
            [
                ("b", "ra"), ("ra", "a"), ("l1", "ta"), ("ta", "l2"), ("ta", "y"), ("y", "ra"),
                ("l1", "ya"), ("ya", "a"), ("l2", "yb"), ("yb", "b"),
            ])
        let g = try Self.read(json).graph
        #expect(try actorName(g, "ra") == nil)
        #expect(AIFFormatTests.speakerSet(g) == ["Ann > a", "Bo > b"])
    }

    @Test func questioningOrChallengingGivesNoActor() throws {
        let json = Self.aif(
            [
                ("a", "I", "A"), ("b", "I", "B"), ("ra", "RA", "Default Inference"),
                ("l", "L", "Ann : why?"), ("y", "YA", "Challenging"),
            ],
            [("b", "ra"), ("ra", "a"), ("l", "y"), ("y", "ra")])
        #expect(try actorName(try Self.read(json).graph, "ra") == nil)
    }

    @Test func severalSpeakersOfOneSNodeKeepTheFirstWithAWarning() throws {
        let json = Self.aif(
            [
                ("a", "I", "A"), ("b", "I", "B"), ("ra", "RA", "Default Inference"),
                ("l1", "L", "Ann : B, so A"), ("y1", "YA", "Arguing"), ("l2", "L", "Bo : B, so A"),
                ("y2", "YA", "Arguing"), ("l3", "L", "Ann : again, B so A"), ("y3", "YA", "Arguing"),
            ],
            [
                ("b", "ra"), ("ra", "a"), ("l1", "y1"), ("y1", "ra"), ("l2", "y2"), ("y2", "ra"), ("l3", "y3"),
                ("y3", "ra"),
            ])
        let parsed = try Self.read(json)
        #expect(try actorName(parsed.graph, "ra") == "Ann")
        #expect(
            parsed.warnings.map(\.message) == [
                "RA node 'ra' is drawn by more than one speaker; read as drawn by Ann (L-node 'l1')"
            ])
        // An actor is made for every speaker named, even one whose word is not kept.
        #expect(parsed.graph.actors.map(\.name) == ["Ann", "Bo"])
    }

    @Test func aWeightFieldIsTheWeightOfEveryRelationOfItsSNode() throws {
        let json = #"""
            {"nodes": [
              {"nodeID": "a", "type": "I", "text": "A"}, {"nodeID": "b", "type": "I", "text": "B"},
              {"nodeID": "c", "type": "I", "text": "C"},
              {"nodeID": "ra", "type": "RA", "text": "Default Inference", "weight": 0.25},
              {"nodeID": "u", "type": "CA", "text": "Not here", "weight": 0},
              {"nodeID": "ma", "type": "MA", "text": "Default Rephrase", "weight": 0.5},
              {"nodeID": "bad", "type": "CA", "text": "Default Conflict", "weight": 2},
              {"nodeID": "worse", "type": "CA", "text": "Default Conflict", "weight": "heavy"},
              {"nodeID": "i", "type": "I", "text": "I", "weight": 7}
            ],
            "edges": [
              {"fromID": "b", "toID": "ra"}, {"fromID": "ra", "toID": "a"}, {"fromID": "c", "toID": "u"},
              {"fromID": "u", "toID": "ra"}, {"fromID": "a", "toID": "ma"}, {"fromID": "ma", "toID": "c"},
              {"fromID": "c", "toID": "bad"}, {"fromID": "bad", "toID": "b"},
              {"fromID": "a", "toID": "worse"}, {"fromID": "worse", "toID": "b"}
            ]}
            """#
        let parsed = try Self.read(json)
        let g = parsed.graph
        func weight(_ id: String) -> Double? { g.relations.first { $0.id == id }?.weight }
        #expect(weight("ra") == 0.25 && weight("u") == 0 && weight("ma") == 0.5 && weight("ma-back") == 0.5)
        #expect(weight("bad") == 1 && weight("worse") == 1)
        // An undercut keeps its CA node's text as its note, as a relation on a claim does.
        #expect(g.relations.first { $0.id == "u" }?.note == "Not here")
        #expect(
            parsed.warnings.map(\.message).filter { $0.contains("weight") } == [
                "CA node 'bad' has a weight that is not a number in [0, 1]; read as 1",
                "CA node 'worse' has a weight that is not a number in [0, 1]; read as 1",
            ])
    }

    @Test func rephrasesWithDifferentActorsOrWeightsOrNoPairComeBackAsTheyWere() throws {
        let g = try ArgReader.read(
            """
            actor ann
              name: Ann
            actor bo
              name: Bo
            claim a: A
            claim b: B
            claim c: C
            claim d: D
            support r1: a -> b
              by: ann
              note: rephrase (MA)
            support r2: b -> a
              by: ann
              note: rephrase (MA)
            support r3: b -> c
              by: ann
              note: rephrase (MA)
            support r4: c -> b
              by: bo
              note: rephrase (MA)
            support r5: c -> d
              weight: 0.5
              note: rephrase (MA)
            support r6: d -> c
              note: rephrase (MA)
            support r7: a -> d
              note: rephrase (MA)

            """
        ).graph
        let data = AIFWriter.write(g)
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let nodes = try #require(root["nodes"] as? [[String: Any]])
        // One MA node for the pair that agrees, restated by Ann; the rest are RA nodes noted as rephrases.
        #expect(nodes.filter { $0["type"] as? String == "MA" }.count == 1)
        #expect(nodes.filter { $0["type"] as? String == "RA" }.count == 5)
        #expect(nodes.filter { $0["text"] as? String == "Restating" }.count == 1)
        let back = try AIFReader.read(data).graph
        #expect(AIFLinkedRelationTests.relations(back) == AIFLinkedRelationTests.relations(g))
    }

    /// A random graph: 3–8 claims, 0–3 actors, 1–10 supports and attacks of 1–3 premises on claims (never
    /// repeated), undercuts of earlier relations; each with an id, maybe an actor, a weight and a note.
    static func randomGraph(seed: UInt64) throws -> Graph {
        var rng = SplitMix64(seed: seed)
        var b = GraphBuilder()
        b.lint = false
        let claims = Int.random(in: 3...8, using: &rng)
        for c in 0..<claims { b.add(Claim(id: "c\(c)", text: "Statement \(c)")) }
        let actors = Int.random(in: 0...3, using: &rng)
        for a in 0..<actors { b.add(Actor(id: "actor-\(a)", name: "Actor \(a)")) }
        let weights: [Double] = [1, 1, 0.5, 0, 0.1, 1.0 / 3, 0.75]
        let notes: [String?] = [nil, nil, "Expert Opinion", "why not"]
        var seen = Set<String>()
        var ids: [String] = []
        for k in 0..<Int.random(in: 1...10, using: &rng) {
            var pool = Array(0..<claims).shuffled(using: &rng)
            let undercut = !ids.isEmpty && Int.random(in: 0..<3, using: &rng) == 0
            let target: GraphBuilder.TargetDraft =
                undercut ? .relation(ids.randomElement(using: &rng)!) : .claim("c\(pool.removeLast())")
            let premises = pool.prefix(Int.random(in: 1...3, using: &rng)).map { "c\($0)" }
            let kind: RelationKind = undercut || Bool.random(using: &rng) ? .attack : .support
            guard seen.insert("\(kind) \(premises) \(target)").inserted else { continue }
            let actor =
                actors > 0 && Bool.random(using: &rng) ? "actor-\(Int.random(in: 0..<actors, using: &rng))" : nil
            b.add(
                GraphBuilder.RelationDraft(
                    id: "r\(k)", kind: kind, premises: premises, target: target,
                    weight: weights.randomElement(using: &rng)!, actor: actor, note: notes.randomElement(using: &rng)!))
            ids.append("r\(k)")
        }
        return try b.build().graph
    }

    @Test func randomGraphsKeepActorsWeightsAndNotesThroughAIF() throws {
        var actors = 0
        for seed in UInt64(1)...300 {
            let g = try Self.randomGraph(seed: seed)
            let back = try AIFReader.read(AIFWriter.write(g)).graph
            #expect(AIFLinkedRelationTests.relations(back) == AIFLinkedRelationTests.relations(g), "seed \(seed)")
            #expect(Set(back.relations.map(\.id)) == Set(g.relations.map(\.id)), "seed \(seed)")
            actors += g.relations.filter { $0.actor != nil }.count
        }
        #expect(actors > 300)
    }

    /// The real samples read as before: their S-nodes are anchored in transitions only, so no relation has an
    /// actor; none has a weight; the counts are those of AIFFormatTests.realSamplesImportWithHandCheckedCounts.
    @Test(
        .enabled(if: ExportFixtures.sharedData != nil, "needs ../shared/data/aif"),
        arguments: ["nodeset21145.json", "qt30-test_map1.json"])
    func realSamplesGainNoActorWeightOrWarning(_ file: String) throws {
        let dir = try #require(ExportFixtures.sharedData)
        let parsed = try AIFReader.read(contentsOf: dir.appendingPathComponent("aif/\(file)").path)
        #expect(parsed.graph.relations.allSatisfy { $0.actor == nil && $0.weight == 1 })
        #expect(!parsed.warnings.contains { $0.message.contains("drawn by") || $0.message.contains("weight") })
        // Through AIF and back, still none.
        let back = try AIFReader.read(AIFWriter.write(parsed.graph)).graph
        #expect(back.relations.allSatisfy { $0.actor == nil && $0.weight == 1 })
    }
}
