import Foundation
import Testing
import ArgraphTestSupport
@testable import ArgumentGraph

/// `GraphFile` reads and writes every `GraphFormat`, chosen by extension.
@Suite struct GraphFormatConversionTests {
    static func tempDir() throws -> URL {
        let dir = try ScratchDirectory.make("argraph-formats")
        return dir
    }

    @Test func everyReadableFormatReadsBackWhatWasWritten() throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let g = try ExportFixtures.nixon()
        for format in GraphFormat.allCases {
            let path = dir.appendingPathComponent("g." + format.extensions[0]).path
            try GraphFile.writeAtomically(GraphFile.data(of: g, as: format), to: path)
            #expect(GraphFormat.infer(fromPath: path) == format)
            guard format.isReadable else {
                #expect(throws: DiagnosticError.self, "\(format)") { try GraphFile.read(path: path) }
                continue
            }
            let back = try GraphFile.read(path: path).graph
            switch format {
            case .i23:
                // i23 numbers the arguments; the ids are comments, so only the structure comes back.
                #expect(back.claims.count == g.claims.count && back.attackCount == g.attackCount, "\(format)")
            case .apx, .tgf:
                #expect(back.claims.map(\.id) == g.claims.map(\.id), "\(format)")
                #expect(back.attackCount == g.attackCount && back.supportCount == 0, "\(format)")
            default:
                #expect(back.claims.map(\.id) == g.claims.map(\.id), "\(format)")
                #expect(back.supportCount == g.supportCount && back.attackCount == g.attackCount, "\(format)")
            }
        }
    }

    /// ICCMA frameworks become claims and attacks; a self-attack is reported and dropped.
    @Test func iccmaFrameworksBecomeAttackGraphs() throws {
        let af = try ICCMAReader.read(bytes: Array("p af 3\n1 2\n2 3\n3 3\n".utf8), format: .i23)
        let parsed = try GraphFile.graph(from: af)
        #expect(parsed.graph.claims.map(\.id) == ["1", "2", "3"])
        #expect(parsed.graph.relations.map { "\($0.source)>\($0.targetClaim ?? -1)" } == ["0>1", "1>2"])
        #expect(parsed.warnings.count == 1 && parsed.warnings[0].message.contains("attacks itself"))
    }
}
