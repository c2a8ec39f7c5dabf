import Foundation
import Testing
@testable import ArgumentGraph

/// Writers and exports of linked relations: exact where the format can hold them (AIF, DOT junctions, Argdown
/// supports as premise–conclusion structures), one relation per premise with a warning where it cannot (Argdown
/// attacks, GraphML, HTML, ICCMA); never silently.
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
        for format in [ExportFormat.argdown, .graphml, .i23, .apx, .tgf, .html] {
            let w = GraphExport.warnings(of: g, as: format)
            #expect(w.count == 1 && w[0].severity == .warning, "\(format)")
            #expect(w.first?.message.contains("'r1'") == true, "\(format)")
        }
        let plain = try ArgReader.read("claim a: A.\nclaim b: B.\nattack a -> b\n").graph
        #expect(GraphExport.warnings(of: plain, as: .argdown).isEmpty)
        // Argdown writes a linked support whole, as a premise–conclusion structure; GraphML still cannot.
        let support = try ArgReader.read("claim a: A.\nclaim b: B.\nclaim c: C.\nsupport r1: a + b -> c\n").graph
        #expect(GraphExport.warnings(of: support, as: .argdown).isEmpty)
        #expect(ArgdownWriter.write(support).contains("<r1>\n\n(1) [a]\n(2) [b]\n----\n(3) [c]\n"))
        #expect(GraphExport.warnings(of: support, as: .graphml).count == 1)
    }

    @Test func iccmaSplitsCollectiveAttacks() {
        let af = AttackFramework(count: 3, attacks: [], collective: [CollectiveAttack(attackers: [0, 1], target: 2)])
        #expect(ICCMAWriter.write(af, format: .i23) == "p af 3\n1 3\n2 3\n")
    }
}
