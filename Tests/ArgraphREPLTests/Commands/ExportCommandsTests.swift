import ArgumentGraph
import Foundation
import Testing
import ArgraphTestSupport
@testable import ArgraphREPL

@Suite struct ExportCommandsTests {
    static func tempDir() throws -> URL {
        let dir = try ScratchDirectory.make("argraph-repl-export")
        return dir
    }

    @Test func exportsAroundTheFocusAndEveryFormat() throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let dot = dir.appendingPathComponent("a.dot").path
        let out = Fixture.run(["go fact", "export dot \(dot) --depth 1"])
        #expect(out.contains("wrote \(dot) (dot, around fact (depth 1)"), "\(out)")
        let text = try String(contentsOfFile: dot, encoding: .utf8)
        // One step from fact: pro (fact supports it) and con (it undercuts fact -> pro); top is two steps away.
        #expect(text.contains("\"fact\" [") && text.contains("\"pro\" [") && text.contains("\"con\" ["))
        #expect(!text.contains("\"top\" ["))
        for format in ExportFormat.allCases where !format.isPicture {
            let path = dir.appendingPathComponent("g.\(format)").path
            let r = Fixture.run(["export \(format) \(path) --tag main"])
            #expect(r.contains("wrote \(path)"), "\(format): \(r)")
            #expect(FileManager.default.fileExists(atPath: path), "\(format)")
        }
        let argdown = try String(contentsOfFile: dir.appendingPathComponent("g.argdown").path, encoding: .utf8)
        #expect(argdown.contains("[top]: The top claim.") && !argdown.contains("[con]"))
    }

    @Test func mistakesAreClearErrors() throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("x.dot").path
        #expect(Fixture.run(["export dto \(path)"]).contains("unknown format 'dto'"))
        #expect(Fixture.run(["export dot \(path) --around tpo"]).contains("tpo"))
        #expect(Fixture.run(["export dot \(path) --depth 1"]).contains("no claim is focused"))
        #expect(Fixture.run(["export dot \(path) --actor alice --tag main"]).contains("at most one of"))
        #expect(Fixture.run(["export dot \(path) --compare alice"]).contains("two actors"))
        #expect(Fixture.run(["render \(dir.appendingPathComponent("x.txt").path)"]).contains(".svg, .png or .pdf"))
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test(.enabled(if: Graphviz.isAvailable, "needs Graphviz 'dot' (apt-get install graphviz)"))

    func rendersWithGraphviz() throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let svg = dir.appendingPathComponent("c.svg").path
        let out = Fixture.run(["render \(svg) --compare alice,bob"])
        #expect(out.contains("wrote \(svg) (svg, Alice Adams compared with Bob Brown"), "\(out)")
        let text = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(text.contains("<svg") && text.contains("asserted by one, denied by the other"))
    }
}
