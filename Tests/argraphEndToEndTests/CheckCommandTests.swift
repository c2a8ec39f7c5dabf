import ArgumentGraph
import Foundation
import Testing
import ArgraphTestSupport

@Suite struct CheckCommandTests {
    @Test func acceptsEveryGraphInGraphsFolder() throws {
        let dir = BinaryRunner.repositoryRoot.appendingPathComponent("graphs")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".arg") }
            .sorted()
        #expect(!files.isEmpty)
        for file in files {
            let r = try BinaryRunner.run(["check", "--strict", dir.appendingPathComponent(file).path])
            #expect(r.status == 0, "\(file): \(r.stderr)")
            #expect(r.stdout.contains(": ok: "), "\(file)")
            #expect(r.stderr.isEmpty, "\(file) has warnings: \(r.stderr)")
        }
    }

    @Test func rejectsABadFileWithPositionsOnStandardError() throws {
        let dir = try ScratchDirectory.make("e2e")
        let file = dir.appendingPathComponent("bad.arg")
        try "claim a: A.\nsupport a -> b\n".write(to: file, atomically: true, encoding: .utf8)
        let r = try BinaryRunner.run(["check", file.path])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("\(file.path):2:14: error: unknown claim 'b'"))
        #expect(r.stderr.contains("  support a -> b\n               ^"))
        #expect(r.stderr.contains("1 error"))
    }

    /// The summary counts each kind with its noun in the singular for one ("1 claim", not "1 claims").
    @Test func theSummaryCountsInWords() throws {
        let dir = try ScratchDirectory.make("e2e")
        let file = dir.appendingPathComponent("one.arg")
        try "actor ann\nclaim a: A.\nclaim b: B.\nstance ann asserts a\nsupport b -> a\n".write(
            to: file, atomically: true, encoding: .utf8)
        let r = try BinaryRunner.run(["check", file.path])
        #expect(
            r.stdout
                == "\(file.path): ok: 2 claims, 1 actor, 0 documents, 1 stance, 1 support, 0 attacks, 0 undercuts; "
                + "1 warning\n")
    }

    @Test func missingFileIsAClearError() throws {
        let r = try BinaryRunner.run(["check", "/nonexistent/x.arg"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("cannot read '/nonexistent/x.arg': no such file"))
    }

    @Test func fmtIsIdempotentAndConvertRoundTripsThroughJSON() throws {
        let dir = try ScratchDirectory.make("e2e")
        let src = BinaryRunner.repositoryRoot.appendingPathComponent("graphs/us-japan-alliance.arg").path
        let once = try BinaryRunner.run(["fmt", src])
        #expect(once.status == 0)
        let canonical = dir.appendingPathComponent("c.arg")
        try once.stdout.write(to: canonical, atomically: true, encoding: .utf8)
        let twice = try BinaryRunner.run(["fmt", canonical.path])
        #expect(twice.stdout == once.stdout)
        // The file's comments are kept (the first lines of the bundled graph are one).
        #expect(once.stdout.hasPrefix("# The US–Japan alliance"))

        let json = dir.appendingPathComponent("g.json").path
        #expect(try BinaryRunner.run(["convert", src, "-o", json]).status == 0)
        let back = try BinaryRunner.run(["convert", json, "--to", "arg"])
        #expect(back.status == 0)
        // JSON keeps no comments: the same graph, in the canonical form without them.
        #expect(try ArgReader.read(back.stdout).graph == ArgReader.read(once.stdout).graph)
        #expect(back.stdout == ArgWriter.write(try ArgReader.read(once.stdout).graph))
    }

    @Test func fmtInPlaceRewritesButNotAReadOnlyFile() throws {
        let dir = try ScratchDirectory.make("e2e")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("g.arg").path
        try "claim   a:  A.\n".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try BinaryRunner.run(["fmt", "-i", file]).status == 0)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "claim a: A.\n")
        try "claim   a:  A.\n".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(chmod(file, 0o444) == 0)
        let r = try BinaryRunner.run(["fmt", "-i", file])
        #expect(r.status == 1)
        #expect(r.stderr == "error: '\(file)' is read-only; not rewritten\n", "\(r.stderr)")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "claim   a:  A.\n")
    }

    @Test func convertWithoutAFormatExplainsItself() throws {
        let src = BinaryRunner.repositoryRoot.appendingPathComponent("graphs/us-japan-alliance.arg").path
        let r = try BinaryRunner.run(["convert", src])
        #expect(r.status != 0)
        #expect(r.stderr.contains("--to"))
    }
}
