import Foundation
import Testing
import ArgraphTestSupport

@Suite struct ExportCommandTests {
    /// A small graph of our own, so that the tests do not depend on the bundled graph's contents.
    static let graph: String = {
        let dir = (try? ScratchDirectory.make("e2e")) ?? ScratchDirectory.root
        let file = dir.appendingPathComponent("small.arg")
        try? """
        graph small
          title: A small graph
        actor welch
          name: Gen. Larry Welch
        actor ishii
          name: Ishii Koichi
        claim engage-china: The US and Japan should reach out to China together.
          tags: china
        claim alliance-vital: The alliance remains vital.
        claim drift: The alliance has drifted.
        stance welch asserts engage-china
        stance welch asserts alliance-vital
        stance ishii asserts drift
        support engage-china -> alliance-vital
        attack drift -> alliance-vital
        """.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }()
    static let dotInstalled =
        ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/dot")
        } ?? false

    /// The DOT export of every bundled graph, clustered by document, as written to a file.
    static func dotExports() throws -> [(file: String, path: String)] {
        let dir = BinaryRunner.repositoryRoot.appendingPathComponent("graphs")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".arg") }
            .sorted()
        let tmp = try ScratchDirectory.make("e2e")
        return try files.map { file in
            let out = tmp.appendingPathComponent(file + ".dot").path
            let r = try BinaryRunner.run([
                "export", dir.appendingPathComponent(file).path, "--format", "dot", "-o", out, "--cluster", "document",
            ])
            #expect(r.status == 0, "\(r.stderr)")
            return (file, out)
        }
    }

    @Test func exportsDotOfEveryGraph() throws {
        for (_, out) in try Self.dotExports() {
            #expect(try String(contentsOfFile: out, encoding: .utf8).hasPrefix("digraph argraph {"))
        }
    }

    @Test(.enabled(if: dotInstalled, "needs Graphviz 'dot' (apt-get install graphviz)"))
    func dotAcceptsTheExportOfEveryGraph() throws {
        for (file, out) in try Self.dotExports() {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["dot", "-Tcanon", out]
            p.standardOutput = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
            #expect(p.terminationStatus == 0, "dot rejected the export of \(file)")
        }
    }

    @Test func selectionsAndTheirErrors() throws {
        let around = try BinaryRunner.run([
            "export", Self.graph, "--format", "dot", "--around", "engage-china", "--depth", "0",
        ])
        #expect(around.status == 0)
        #expect(around.stdout.contains("\"engage-china\" ["))
        #expect(!around.stdout.contains("\"alliance-vital\" ["))
        let bad = try BinaryRunner.run(["export", Self.graph, "--format", "dot", "--around", "engage-chna"])
        #expect(bad.status == 1)
        #expect(
            bad.stderr.contains("unknown claim 'engage-chna'") && bad.stderr.contains("did you mean 'engage-china'?"))
        let both = try BinaryRunner.run(["export", Self.graph, "--format", "dot", "--tag", "china", "--actor", "welch"])
        #expect(both.status != 0)
        #expect(both.stderr.contains("at most one of"))
        let tag = try BinaryRunner.run(["export", Self.graph, "-f", "graphml", "--tag", "china"])
        #expect(tag.status == 0)
        #expect(
            tag.stdout.contains("<graphml") && tag.stdout.contains("engage-china")
                && !tag.stdout.contains("alliance-vital"))
    }

    @Test(.enabled(if: dotInstalled, "needs Graphviz 'dot' (apt-get install graphviz)"))
    func renderWritesSVG() throws {
        let svg = try ScratchDirectory.make("e2e").appendingPathComponent("g.svg").path
        let r = try BinaryRunner.run(["render", Self.graph, "-o", svg])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try String(contentsOfFile: svg, encoding: .utf8).contains("<svg"))
    }

    @Test func renderWithoutGraphvizNamesThePackage() throws {
        let tmp = try ScratchDirectory.make("e2e")
        // With no dot on PATH, the message names the package to install and nothing is written.
        let missing = tmp.appendingPathComponent("none.svg").path
        let r = try BinaryRunner.run(["render", Self.graph, "-o", missing], environment: ["PATH": "/nonexistent"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("apt-get install graphviz"))
        #expect(!FileManager.default.fileExists(atPath: missing))
        let unknown = try BinaryRunner.run(["render", Self.graph, "-o", tmp.appendingPathComponent("g.txt").path])
        #expect(unknown.status != 0 && unknown.stderr.contains(".svg, .png or .pdf"))
    }

    @Test func convertRoundTripsThroughAIFAndArgdownAndRefusesToReadWriteOnlyFormats() throws {
        let tmp = try ScratchDirectory.make("e2e")
        let aif = tmp.appendingPathComponent("g.json").path
        #expect(try BinaryRunner.run(["convert", Self.graph, "--to", "aif", "-o", aif]).status == 0)
        // `.json` holding AIF is recognised by its content.
        let back = try BinaryRunner.run(["convert", aif, "--to", "arg"])
        #expect(back.status == 0, "\(back.stderr)")
        #expect(back.stdout.contains("claim engage-china: The US and Japan should reach out to China together."))
        #expect(back.stdout.contains("support") && back.stdout.contains("engage-china -> alliance-vital"))
        #expect(back.stdout.contains("stance gen-larry-welch asserts engage-china"))
        let ad = tmp.appendingPathComponent("g.argdown").path
        #expect(try BinaryRunner.run(["convert", Self.graph, "-o", ad]).status == 0)
        let fromArgdown = try BinaryRunner.run(["convert", ad, "--to", "arg"])
        #expect(fromArgdown.stdout.contains("support engage-china -> alliance-vital"))
        let dot = tmp.appendingPathComponent("g.dot").path
        #expect(try BinaryRunner.run(["convert", Self.graph, "-o", dot]).status == 0)
        let readDot = try BinaryRunner.run(["convert", dot, "--to", "arg"])
        #expect(readDot.status == 1)
        #expect(readDot.stderr.contains("writes dot but cannot read it"))
    }

    @Test func argdownWarningsReachTheUser() throws {
        let tmp = try ScratchDirectory.make("e2e")
        let file = tmp.appendingPathComponent("p.argdown")
        try "Some prose.\n\n[a]: A.\n  + [b]: B.\n".write(to: file, atomically: true, encoding: .utf8)
        let r = try BinaryRunner.run(["convert", file.path, "--to", "arg"])
        #expect(r.status == 0)
        #expect(r.stderr.contains("\(file.path):1:1: warning: skipped an untitled paragraph"))
        #expect(r.stdout.contains("support b -> a"))
    }
}
