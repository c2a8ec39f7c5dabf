import Foundation
import Testing
@testable import ArgumentGraph

/// Writers and exports of linked relations: exact where the format can hold them (AIF, DOT junctions, the HTML page,
/// tested in HTMLExporterTests, Argdown supports as premise–conclusion structures), one relation per premise with a
/// warning where it cannot (Argdown attacks, GraphML, ICCMA); never silently. GraphML's edges carry the premise list.
@Suite struct LinkedRelationExportTests {
    static func graph() throws -> Graph {
        try ArgReader.read(
            "claim a: A.\nclaim b: B.\nclaim c: C.\nclaim d: D.\nattack r1: a + b -> c\nsupport d -> c\n"
        ).graph
    }

    @Test func aifHasOneNodeWithAnEdgeFromEachPremise() throws {
        let text = String(decoding: AIFWriter.write(try Self.graph()), as: UTF8.self)
        #expect(text.contains("\"fromID\" : \"a\""))
        #expect(text.contains("\"fromID\" : \"b\""))
        #expect(GraphExport.warnings(of: try Self.graph(), as: .aif).isEmpty)
    }

    @Test func dotDrawsAJunction() throws {
        let dot = DOTExporter.write(try Self.graph())
        #expect(dot.contains("shape=point"))
        let edges = dot.split(separator: "\n").filter { $0.contains("->") }
        #expect(edges.count == 4, "a and b into the junction, junction to c, d to c: \(edges)")
        #expect(GraphExport.warnings(of: try Self.graph(), as: .dot).isEmpty)
        #expect(dot.contains("premises meet: a reason only together (linked)"))
        let plain = try ArgReader.read("claim a: A.\nclaim c: C.\nattack a -> c\n").graph
        #expect(!DOTExporter.write(plain).contains("premises meet"))
    }

    @Test func argdownGraphMLAndICCMAWriteOneRelationPerPremiseAndWarn() throws {
        let g = try Self.graph()
        let argdown = ArgdownWriter.write(g)
        #expect(argdown.contains("  <- [a]\n  <- [b]\n"))
        let graphml = GraphMLWriter.write(g)
        #expect(graphml.contains("id=\"e0\" source=\"n0\""))
        #expect(graphml.contains("id=\"e0.2\" source=\"n1\""))
        let i23 = ICCMAWriter.write(g, format: .i23)
        #expect(i23.contains("1 3\n") && i23.contains("2 3\n"))
        for format in [ExportFormat.argdown, .graphml, .i23, .apx, .tgf] {
            let w = GraphExport.warnings(of: g, as: format)
            #expect(w.count == 1 && w[0].severity == .warning, "\(format)")
            #expect(w.first?.message.contains("'r1'") == true, "\(format)")
        }
        #expect(GraphExport.warnings(of: g, as: .graphml).first?.message.contains("premise list") == true)
        let plain = try ArgReader.read("claim a: A.\nclaim b: B.\nattack a -> b\n").graph
        #expect(GraphExport.warnings(of: plain, as: .argdown).isEmpty)
        // Argdown writes a linked support whole, as a premise–conclusion structure; GraphML still cannot.
        let support = try ArgReader.read("claim a: A.\nclaim b: B.\nclaim c: C.\nsupport r1: a + b -> c\n").graph
        #expect(GraphExport.warnings(of: support, as: .argdown).isEmpty)
        #expect(ArgdownWriter.write(support).contains("<r1>\n\n(1) [a]\n(2) [b]\n----\n(3) [c]\n"))
        #expect(GraphExport.warnings(of: support, as: .graphml).count == 1)
    }

    @Test func everyGraphMLEdgeOfALinkedRelationCarriesTheSamePremiseList() throws {
        let graphml = GraphMLWriter.write(try Self.graph())
        #expect(graphml.contains("<key id=\"e_premises\" for=\"edge\" attr.name=\"premises\" attr.type=\"string\"/>"))
        #expect(graphml.contains("<key id=\"e_linked\" for=\"edge\" attr.name=\"linked\" attr.type=\"string\"/>"))
        let edges = graphml.components(separatedBy: "<edge ").dropFirst()
        #expect(edges.count == 3)
        let linked = edges.filter { $0.contains("<data key=\"e_premises\">a + b</data>") }
        #expect(linked.count == 2 && linked.allSatisfy { $0.contains("<data key=\"e_linked\">e0</data>") })
        #expect(
            edges.filter { $0.contains("e_premises") || $0.contains("e_linked") }.count == 2, "d -> c carries neither")
    }

    /// A graph without linked relations is written exactly as before linked relations came (no new keys): the text is
    /// what main's `argraph convert --to graphml` wrote before the premise list was added.
    @Test func graphMLWithoutLinkedRelationsIsUnchanged() throws {
        let plain = try ArgReader.read("claim a: A.\nclaim b: B.\nattack r1: a -> b\n").graph
        #expect(GraphMLWriter.write(plain) == Self.plainGraphML)
    }

    static let plainGraphML = """
        <?xml version="1.0" encoding="UTF-8"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
          <key id="n_label" for="node" attr.name="label" attr.type="string"/>
          <key id="n_text" for="node" attr.name="text" attr.type="string"/>
          <key id="n_kind" for="node" attr.name="kind" attr.type="string"/>
          <key id="n_tags" for="node" attr.name="tags" attr.type="string"/>
          <key id="n_actors" for="node" attr.name="actors" attr.type="string"/>
          <key id="n_deniedBy" for="node" attr.name="deniedBy" attr.type="string"/>
          <key id="e_kind" for="edge" attr.name="kind" attr.type="string"/>
          <key id="e_weight" for="edge" attr.name="weight" attr.type="double"><default>1.0</default></key>
          <key id="e_note" for="edge" attr.name="note" attr.type="string"/>
          <key id="e_by" for="edge" attr.name="by" attr.type="string"/>
          <key id="e_relation" for="edge" attr.name="relation" attr.type="string"/>
          <key id="e_undercuts" for="edge" attr.name="undercuts" attr.type="string"/>
          <graph id="argraph" edgedefault="directed">
            <node id="n0">
              <data key="n_label">a</data>
              <data key="n_text">A.</data>
              <data key="n_kind">claim</data>
            </node>
            <node id="n1">
              <data key="n_label">b</data>
              <data key="n_text">B.</data>
              <data key="n_kind">claim</data>
            </node>
            <edge id="e0" source="n0" target="n1">
              <data key="e_kind">attack</data>
              <data key="e_weight">1.0</data>
              <data key="e_relation">r1</data>
            </edge>
          </graph>
        </graphml>

        """

    @Test func iccmaSplitsCollectiveAttacks() {
        let af = AttackFramework(count: 3, attacks: [], collective: [CollectiveAttack(attackers: [0, 1], target: 2)])
        #expect(ICCMAWriter.write(af, format: .i23) == "p af 3\n1 3\n2 3\n")
    }
}
