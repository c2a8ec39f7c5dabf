import ArgumentGraph
@testable import ArgumentGraphFormats
import Foundation
import Testing
import ArgraphTestSupport

/// Linked relations in `.arg` and JSON (issue 21): `support r: a + b -> c`, premises that hold only together.
@Suite struct ArgLinkedRelationTests {
    static let claims = "claim a: A.\nclaim b: B.\nclaim c: C.\nclaim d: D.\n"

    @Test func readsLinkedSupportAttackAndUndercut() throws {
        let src = Self.claims + "support r7: a + b -> c\nattack c + d -> a\nundercut a + d -> r7\nsupport d -> c\n"
        let g = try ArgReader.read(src).graph
        #expect(g.relations[0].premises == [0, 1])
        #expect(g.relations[0].source == 0)
        #expect(g.relations[0].isLinked)
        #expect(g.relations[1].premises == [2, 3])
        #expect(g.relations[2].premises == [0, 3])
        #expect(g.relations[2].target == .relation(0))
        #expect(!g.relations[3].isLinked)
        #expect(g.relations[3].premises == [3])
        // A linked relation is listed under each premise, and counted once.
        #expect(Array(g.supportsFrom[1]) == [0])
        #expect(Array(g.supportsFrom[0]) == [0])
        #expect(Array(g.attacksFrom[3]) == [1])
        #expect(g.supportCount == 2)
        #expect(g.attackCount == 1)
        #expect(g.label(ofRelation: 1) == "c + d -> a")
    }

    /// Every analysis treats a linked relation as a unit (issue 21), so a graph with linked relations reads without
    /// a warning, in `.arg` and in JSON.
    @Test func linkedRelationsReadWithoutWarnings() throws {
        let src = Self.claims + "support d -> c\nsupport r7: a + b -> c\nattack c + d -> a\n"
        #expect(try ArgReader.read(src).warnings.allSatisfy { !$0.message.contains("linked") })
        let json = GraphJSON.encode(try ArgReader.read(src).graph)
        let dir = try ScratchDirectory.make("argraph-linked")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("g.json").path
        try json.write(to: URL(fileURLWithPath: path))
        let read = try GraphFile.read(path: path)
        #expect(
            read.warnings.allSatisfy { !$0.message.contains("linked") }
                && read.graph.relations.map(\.premises) == [[3], [0, 1], [2, 3]])
    }

    @Test func spacingAroundThePlusIsFree() throws {
        let g = try ArgReader.read(Self.claims + "support a+b  +d -> c\n").graph
        #expect(g.relations[0].premises == [0, 1, 3])
    }

    @Test func writerAndFormatterPrintLinkedRelationsCanonically() throws {
        let src = Self.claims + "support r7: a+b -> c\n  weight: 0.5\nattack c +d -> a\nundercut a + d -> r7\n"
        let g = try ArgReader.read(src).graph
        let text = ArgWriter.write(g)
        #expect(text.contains("support r7: a + b -> c\n  weight: 0.5\n"))
        #expect(text.contains("attack c + d -> a\n"))
        #expect(text.contains("undercut a + d -> r7\n"))
        let formatted = try ArgFormatter.format("# linked\n" + src)
        #expect(formatted.contains("# linked"))
        #expect(formatted.contains("support r7: a + b -> c\n"))
        #expect(try ArgFormatter.format(formatted) == formatted)
        #expect(try ArgReader.read(formatted).graph == g)
    }

    @Test func splicerWritesAnAddedLinkedRelationAndKeepsComments() throws {
        let src = "# the claims\n" + Self.claims + "# a plain support\nsupport d -> c\n"
        let parsed = try ArgReader.read(src)
        var b = GraphBuilder(parsed.graph)
        b.add(GraphBuilder.RelationDraft(kind: .attack, premises: ["a", "b"], target: .claim("d")))
        let edited = try b.build().graph
        let text = ArgSplicer.splice(src, declarations: parsed.declarations, original: parsed.graph, edited: edited)
        #expect(text.contains("# a plain support\nsupport d -> c\n"))
        #expect(text.contains("attack a + b -> d\n"))
        #expect(try ArgReader.read(text).graph == edited)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let line: String
        let expected: String
        var testDescription: String { name }
    }

    static let errorCases: [Case] = [
        Case(
            name: "empty last premise", line: "support a + -> c",
            expected: "5:11: error: empty premise in a linked relation"),
        Case(
            name: "empty first premise", line: "support + b -> c",
            expected: "5:9: error: empty premise in a linked relation"),
        Case(
            name: "empty middle premise", line: "attack a + + b -> c",
            expected: "5:12: error: empty premise in a linked relation"),
        Case(
            name: "repeated premise", line: "support a + b + a -> c",
            expected: "5:17: error: premise 'a' is repeated in the relation"),
        Case(
            name: "repeated first premise", line: "attack a + a -> c",
            expected: "5:12: error: premise 'a' is repeated in the relation"),
        Case(
            name: "premise is the conclusion", line: "support a + c -> c",
            expected: "5:13: error: claim 'c' is both a premise and the conclusion of the relation"),
        Case(
            name: "first premise is the conclusion", line: "attack c + a -> c",
            expected: "5:17: error: claim 'c' cannot attack itself"),
        Case(name: "unknown premise", line: "support a + zz -> c", expected: "5:13: error: unknown claim 'zz'"),
        Case(
            name: "two words in a premise", line: "support a + b d -> c",
            expected: "5:15: error: unexpected 'd' in a premise"),
        Case(
            name: "empty premise of an undercut", line: "support r: a -> c\nundercut + b -> r",
            expected: "6:10: error: empty premise in a linked relation"),
    ]

    @Test(arguments: errorCases)
    func malformedLinkedRelationsReportLineAndColumn(_ c: Case) throws {
        let error = try #require(throws: DiagnosticError.self) {
            try ArgReader.read(Self.claims + c.line + "\n", file: "t.arg")
        }
        let rendered = error.diagnostics.map(\.description)
        #expect(rendered.contains { $0.hasPrefix("t.arg:" + c.expected) }, "got: \(rendered)")
    }

    @Test func builderReportsTheSameMistakes() throws {
        var b = GraphBuilder()
        for id in ["a", "b", "c"] { b.add(Claim(id: id, text: id.uppercased())) }
        b.add(GraphBuilder.RelationDraft(kind: .support, premises: ["a", "b", "a"], target: .claim("c")))
        b.add(GraphBuilder.RelationDraft(kind: .attack, premises: ["a", "c"], target: .claim("c")))
        b.add(GraphBuilder.RelationDraft(kind: .attack, premises: ["a", ""], target: .claim("b")))
        let error = try #require(throws: DiagnosticError.self) { try b.build() }
        let messages = error.errors.map(\.message)
        #expect(messages.contains("premise 'a' is repeated in the relation"))
        #expect(messages.contains("claim 'c' is both a premise and the conclusion of the relation"))
        #expect(messages.contains("empty premise in a linked relation"))
    }

    @Test func jsonCarriesThePremiseListAndReadsOldFiles() throws {
        let g = try ArgReader.read(Self.claims + "support r7: a + b -> c\nattack d -> a\n").graph
        let json = String(decoding: GraphJSON.encode(g), as: UTF8.self)
        #expect(json.contains("\"from\" : [\n        \"a\",\n        \"b\"\n      ]"))
        #expect(json.contains("\"from\" : \"d\""))
        #expect(try GraphJSON.decode(GraphJSON.encode(g)) == g)
        let old =
            #"{"claims":[{"id":"x","text":"X"},{"id":"y","text":"Y"}],"relations":[{"kind":"attack","from":"x","to":"y"}]}"#
        let plain = try GraphJSON.decode(Data(old.utf8))
        #expect(plain.relations[0].premises == [0])
        let empty = #"{"claims":[{"id":"x","text":"X"}],"relations":[{"kind":"attack","from":[],"to":"x"}]}"#
        #expect(throws: DiagnosticError.self) { try GraphJSON.decode(Data(empty.utf8)) }
    }

    static func linkedOptions(_ seed: UInt64) -> GraphGenerator.Options {
        var o = GraphGenerator.Options()
        o.claims = Int(seed % 25) + 3
        o.relations = Int(seed % 40)
        o.undercuts = Int(seed % 4)
        o.actors = Int(seed % 3)
        o.documents = Int(seed % 2)
        o.linkedShare = 0.4
        return o
    }

    @Test func randomLinkedGraphsRoundTripThroughArgAndJSON() throws {
        var linked = 0
        for seed in UInt64(0)..<400 {
            let g = GraphGenerator(Self.linkedOptions(seed)).generate(seed: seed)
            linked += g.relations.filter(\.isLinked).count
            let text = ArgWriter.write(g)
            let back: Graph
            do { back = try ArgReader.read(text).graph } catch {
                Issue.record("seed \(seed): \(error.description)\n\(text)")
                return
            }
            #expect(back == g, "seed \(seed) through .arg")
            #expect(try GraphJSON.decode(GraphJSON.encode(g)) == g, "seed \(seed) through JSON")
            #expect(try ArgFormatter.format(text) == text, "seed \(seed): formatting is idempotent")
            if back != g { return }
        }
        #expect(linked > 1000)
    }
}
