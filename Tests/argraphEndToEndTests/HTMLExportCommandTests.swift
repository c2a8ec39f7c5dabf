import ArgumentGraph
import Foundation
import Testing
import ArgraphTestSupport

/// `export -f html`, `convert --to html` and the session's `export html` write the page.
@Suite struct HTMLExportCommandTests {
    @Test func exportConvertAndTheSessionWriteThePage() throws {
        let tmp = try ScratchDirectory.make("e2e")
        let graph = ExportCommandTests.graph
        // A part, without Graphviz on PATH: the page has the part's claims and says why it has no map.
        let out = tmp.appendingPathComponent("map.html").path
        let r = try BinaryRunner.run(
            ["export", graph, "-f", "html", "-o", out, "--actor", "welch"], environment: ["PATH": "/nonexistent"])
        #expect(r.status == 0, "\(r.stderr)")
        let data = try #require(HTMLExporter.data(inPage: try String(contentsOfFile: out, encoding: .utf8)))
        #expect(data.claims.map(\.id) == ["engage-china", "alliance-vital"])
        #expect(data.mapNote?.contains("apt-get install graphviz") == true)
        #expect(data.title.contains("Gen. Larry Welch"))
        // convert: to standard output with --to, and by the extension of -o.
        let c = try BinaryRunner.run(["convert", graph, "--to", "html"])
        #expect(c.status == 0 && c.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(HTMLExporter.data(inPage: c.stdout)?.claims.count == 3)
        let htm = tmp.appendingPathComponent("g.htm").path
        #expect(try BinaryRunner.run(["convert", graph, "-o", htm]).status == 0)
        #expect(HTMLExporter.data(inPage: try String(contentsOfFile: htm, encoding: .utf8)) != nil)
        // The session.
        let repl = tmp.appendingPathComponent("repl.html").path
        let s = try BinaryRunner.run([graph, "-c", "export html \(repl) --tag china"], cwd: tmp)
        #expect(s.status == 0, "\(s.stderr)")
        #expect(s.stdout.contains("wrote \(repl) (html, claims tagged china"))
        #expect(
            HTMLExporter.data(inPage: try String(contentsOfFile: repl, encoding: .utf8))?.claims.map(\.id) == [
                "engage-china"
            ])
    }
}
