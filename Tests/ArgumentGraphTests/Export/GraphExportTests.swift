import Foundation
import Testing
@testable import ArgumentGraph

@Suite struct GraphExportTests {
    /// Strengths given for the whole graph follow their claims into the part that is exported.
    @Test func strengthsFollowTheirClaimsIntoASelection() throws {
        let g = try ExportFixtures.chain(6)
        var o = DOTExporter.Options()
        o.strengths = [0, 0.1, 0.2, 0.3, 0.4, 0.5]
        o.labels = ["a", "b", "c", "d", "e", "f"]
        let dot = String(
            decoding: try GraphExport.data(of: g, as: .dot, selection: .around(claim: "c4", depth: 1), options: o),
            as: UTF8.self)
        #expect(dot.contains(#"label="Claim 3\nd 0.300""#))
        #expect(dot.contains(#"label="Claim 5\nf 0.500""#))
        #expect(!dot.contains("Claim 2"))
    }

    @Test func everyTextFormatOfASelection() throws {
        let g = try ExportFixtures.nixon()
        for format in ExportFormat.allCases where !format.isPicture {
            let data = try GraphExport.data(of: g, as: format, selection: .actor("quakers"))
            #expect(!data.isEmpty, "\(format)")
            #expect(!String(decoding: data, as: UTF8.self).contains("Nixon is a Quaker."), "\(format)")
        }
        #expect(ExportFormat.infer(fromPath: "x/map.SVG") == .svg)
        #expect(ExportFormat.infer(fromPath: "x/map.gv") == .dot)
        #expect(ExportFormat.infer(fromPath: "x/map.txt") == nil)
    }

    @Test(.enabled(if: ExportFixtures.dotAvailable, "needs Graphviz 'dot' (apt-get install graphviz)"))

    func picturesWhenGraphvizIsThere() throws {
        let svg = try GraphExport.data(of: try ExportFixtures.adversarial(), as: .svg)
        #expect(String(decoding: svg, as: UTF8.self).contains("<svg"))
        let png = try GraphExport.data(
            of: try ExportFixtures.nixon(), as: .png, selection: .compare("reiter", "quakers"))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }
}
