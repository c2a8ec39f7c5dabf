import Foundation
import Testing
@testable import ArgumentGraph

/// Writers and exports of linked relations: exact where the format can hold them (AIF, DOT junctions, the HTML page,
/// tested in HTMLExporterTests), one relation per premise with a warning where it cannot (Argdown, GraphML, ICCMA);
/// never silently.
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
        let plain = try ArgReader.read("claim a: A.\nclaim b: B.\nattack a -> b\n").graph
        #expect(GraphExport.warnings(of: plain, as: .argdown).isEmpty)
    }

    @Test func iccmaSplitsCollectiveAttacks() {
        let af = AttackFramework(count: 3, attacks: [], collective: [CollectiveAttack(attackers: [0, 1], target: 2)])
        #expect(ICCMAWriter.write(af, format: .i23) == "p af 3\n1 3\n2 3\n")
    }
}
