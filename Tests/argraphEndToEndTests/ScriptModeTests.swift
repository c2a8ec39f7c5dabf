import Foundation
import Testing
import ArgraphTestSupport

@Suite struct ScriptModeTests {
    static let fixture = """
        # A small graph for exact output.
        graph tiny
        claim top: The top claim.
        claim pro: A reason.
        support pro -> top

        """

    func fixtureFile() throws -> (dir: URL, path: String) {
        let dir = try ScratchDirectory.make("e2e")
        let path = dir.appendingPathComponent("tiny.arg").path
        try Self.fixture.write(toFile: path, atomically: true, encoding: .utf8)
        return (dir, path)
    }

    @Test func dashCRunsCommandsAndPrintsOnlyTheirOutput() throws {
        let (_, path) = try fixtureFile()
        let r = try BinaryRunner.run([path, "-c", "go top; down; where"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "top: The top claim.\npro: A reason.\ntop → pro (here)\n")
        #expect(r.stderr.isEmpty)
    }

    @Test func aFailingCommandMakesTheStatusNonZero() throws {
        let (_, path) = try fixtureFile()
        let r = try BinaryRunner.run([path, "-c", "go tpo; go top"])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "error: unknown claim 'tpo'\n  hint: did you mean 'top'?\n")
        let k = try BinaryRunner.run([path, "--keep-going", "-c", "go tpo; go top"])
        #expect(k.status == 1)
        #expect(k.stdout == "top: The top claim.\n")
    }

    @Test func scriptFileAndPipedInput() throws {
        let (dir, path) = try fixtureFile()
        let script = dir.appendingPathComponent("s.argraph").path
        try "# comment\ngo pro\nup\n".write(toFile: script, atomically: true, encoding: .utf8)
        let r = try BinaryRunner.run([path, "--script", script])
        #expect(r.status == 0)
        #expect(r.stdout == "pro: A reason.\ntop: The top claim.\n")
        let piped = try BinaryRunner.run([path], stdin: "go pro\nup\n")
        #expect(piped.status == 0)
        #expect(piped.stdout == "pro: A reason.\ntop: The top claim.\n", "no prompt, no echo")
        let failing = try BinaryRunner.run([path], stdin: "frob\ngo pro\n")
        #expect(failing.status == 1)
        #expect(failing.stdout.isEmpty)
    }

    @Test func editAndSaveKeepsTheComment() throws {
        let (_, path) = try fixtureFile()
        let r = try BinaryRunner.run([path, "-c", "add claim con --attacks top 'A reason against.'; save"])
        #expect(r.status == 0, "\(r.stderr)")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(
            text
                == "# A small graph for exact output.\ngraph tiny\nclaim top: The top claim.\nclaim pro: A reason.\nclaim con: A reason against.\nsupport pro -> top\nattack con -> top\n"
        )
        let check = try BinaryRunner.run(["check", path])
        #expect(check.status == 0)
    }

    @Test func dashCAndScriptTogetherAreRejected() throws {
        let (_, path) = try fixtureFile()
        let r = try BinaryRunner.run([path, "-c", "info", "--script", "x"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("give -c or --script, not both"))
    }

    /// The example scripts walk through the bundled graph, whatever its content, without an error.
    @Test(arguments: ["explore", "edit-and-save", "several-graphs", "settings"])
    func exampleScriptRuns(_ name: String) throws {
        let dir = try ScratchDirectory.make("e2e")
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = BinaryRunner.repositoryRoot.appendingPathComponent("examples/\(name).argraph").path
        let r = try BinaryRunner.run(["--script", script], cwd: dir)
        #expect(r.status == 0, "\(name): \(r.stderr)")
        #expect(!r.stderr.contains("error:"), "\(name): \(r.stderr)")
        #expect(!r.stdout.isEmpty)
        if name == "edit-and-save" {
            let saved = try String(contentsOf: dir.appendingPathComponent("edited.arg"), encoding: .utf8)
            #expect(saved.contains("claim my-rebuttal: This claim rests on assumptions the texts do not defend."))
            #expect(try BinaryRunner.run(["check", dir.appendingPathComponent("edited.arg").path]).status == 0)
        }
    }
}
