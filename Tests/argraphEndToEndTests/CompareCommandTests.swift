import Foundation
import Testing
import ArgraphTestSupport

@Suite struct CompareCommandTests {
    static let graph = BinaryRunner.repositoryRoot.appendingPathComponent("graphs/us-japan-alliance.arg").path

    @Test func comparesTwoActorsOfTheBundledGraph() throws {
        let r = try BinaryRunner.run(["compare", Self.graph, "welch", "ishii"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("welch vs ishii: agreement index "))
        #expect(r.stdout.contains("Common ground"))
    }

    @Test func unknownActorIsAnErrorWithAHint() throws {
        let r = try BinaryRunner.run(["compare", Self.graph, "welch", "ishi"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("unknown actor 'ishi'; did you mean 'ishii'?"))
    }

    @Test func matrixAsCSVAndSVG() throws {
        let svg = try ScratchDirectory.file("matrix.svg", prefix: "matrix").path
        defer { try? FileManager.default.removeItem(atPath: svg) }
        let r = try BinaryRunner.run(["compare", "matrix", Self.graph, "--csv", "--svg", svg])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = r.stdout.split(separator: "\n")
        #expect(rows.first?.hasPrefix("actor,") == true)
        #expect(rows.count == (rows.first?.split(separator: ",").count ?? 0))
        let text = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(text.hasPrefix("<?xml") && text.hasSuffix("</svg>\n"))
    }
}
