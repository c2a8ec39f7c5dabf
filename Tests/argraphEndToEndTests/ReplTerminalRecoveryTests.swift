import Foundation
#if canImport(Glibc)
    import Glibc
#endif
import Testing
import ArgraphTestSupport

/// At a real terminal (readline active), a session closed by its terminal (SIGHUP) or stopped by
/// SIGTERM keeps its unsaved edits in a recovery file; Ctrl-C stops a long command and keeps the
/// edits; `quit` with unsaved edits asks first (issue #9).
@Suite struct ReplTerminalRecoveryTests {
    struct Setup {
        let dir: URL, graph: String, state: String, env: [String: String]
        var recovery: String { state + "/argraph/recovery" }

        init(graphText: String = "graph g\nclaim a: A.\nclaim b: B.\nattack a -> b\n") throws {
            dir = try ScratchDirectory.make("e2e")
            graph = dir.appendingPathComponent("g.arg").path
            try graphText.write(toFile: graph, atomically: true, encoding: .utf8)
            state = dir.appendingPathComponent("state").path
            env = [
                "XDG_STATE_HOME": state, "HOME": dir.path, "TERM": "xterm", "NO_COLOR": "1",
                "INPUTRC": try BinaryRunner.emptyInputrc(in: dir),
                "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin",
            ]
        }

        /// The texts of the recovery files.
        func recoveryFiles() -> [String] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: recovery)) ?? []
            return names.filter { $0.hasSuffix(".arg") }.compactMap {
                try? String(contentsOfFile: recovery + "/" + $0, encoding: .utf8)
            }
        }
    }

    /// Starts a session at a terminal and makes one edit; returns it at the prompt.
    static func editedSession(_ setup: Setup) throws -> PseudoTerminal {
        let t = try PseudoTerminal(arguments: [setup.graph], environment: setup.env)
        #expect(t.waitFor("g> "), "no prompt: \(t.output)")
        t.send("add claim fresh-claim --attacks a A brand new claim.\r")
        #expect(t.waitFor("added claim fresh-claim"), "\(t.output)")
        #expect(t.waitFor("g*> ", after: t.output.range(of: "added claim fresh-claim")?.upperBound), "\(t.output)")
        return t
    }

    @Test func closingTheTerminalKeepsTheEdits() throws {
        let setup = try Setup()
        defer { try? FileManager.default.removeItem(at: setup.dir) }
        let t = try Self.editedSession(setup)
        t.hangUp()
        let status = t.exitStatus()
        #expect(status == 128 + SIGHUP, "exit status \(status)")
        let files = setup.recoveryFiles()
        #expect(files.count == 1, "recovery files: \(files)")
        #expect(files.first?.contains("claim fresh-claim: A brand new claim.") == true, "\(files)")
        #expect(try String(contentsOfFile: setup.graph, encoding: .utf8).contains("fresh-claim") == false)
    }

    @Test func sigtermAtTheTerminalKeepsTheEditsAndRestoresTheTerminal() throws {
        let setup = try Setup()
        defer { try? FileManager.default.removeItem(at: setup.dir) }
        let t = try Self.editedSession(setup)
        // Waiting at the prompt, readline has the terminal in character mode.
        let waiting = t.modes()
        #expect(waiting.map { $0.c_lflag & tcflag_t(ICANON) == 0 } == true)
        kill(t.pid, SIGTERM)
        #expect(t.waitFor("unsaved edits kept in"), "\(t.output)")
        let status = t.exitStatus()
        #expect(status == 128 + SIGTERM, "exit status \(status)")
        let files = setup.recoveryFiles()
        #expect(files.count == 1, "recovery files: \(files)")
        #expect(files.first?.contains("claim fresh-claim: A brand new claim.") == true, "\(files)")
        // The terminal is left in line mode with echo, as the shell expects it.
        let after = t.modes()
        #expect(
            after.map { $0.c_lflag & tcflag_t(ICANON) != 0 && $0.c_lflag & tcflag_t(ECHO) != 0 } == true,
            "terminal left in character mode")
    }

    @Test func ctrlCStopsALongCommandAndQuitAsksFirst() throws {
        // A cyclic graph of 2000 claims: 'cruxes' re-scores it once per upstream claim (minutes in a debug build).
        let setup = try Setup()
        defer { try? FileManager.default.removeItem(at: setup.dir) }
        let generated = try BinaryRunner.run(["generate", "--family", "random", "--claims", "2000", "-o", setup.graph])
        #expect(generated.status == 0, "\(generated.stderr)")
        let t = try PseudoTerminal(arguments: [setup.graph], environment: setup.env)
        #expect(t.waitFor("random-2000> "), "no prompt: \(t.output)")
        t.send("add claim fresh-claim --attacks c0 A brand new claim.\r")
        #expect(
            t.waitFor("random-2000*> ", after: t.output.range(of: "added claim fresh-claim")?.upperBound), "\(t.output)"
        )
        let mark = t.output.endIndex
        t.send("cruxes --target c0\r")
        #expect(t.waitFor("cruxes --target c0", after: mark))
        usleep(1_500_000)  // let it get going
        #expect(!t.output[mark...].contains("strength of c0"), "cruxes finished before Ctrl-C: \(t.output[mark...])")
        t.send("\u{03}")
        #expect(
            t.waitFor("error: interrupted", after: mark, timeout: 20),
            "Ctrl-C did not stop cruxes: \(t.output[mark...])")
        #expect(
            t.waitFor(
                "random-2000*> ",
                after: t.output.range(of: "error: interrupted", range: mark..<t.output.endIndex)?.upperBound))
        // The edit is still there.
        let shown = t.output.endIndex
        t.send("show fresh-claim\r")
        #expect(t.waitFor("A brand new claim.", after: shown), "\(t.output[shown...])")
        #expect(
            t.waitFor(
                "random-2000*",
                after: t.output.range(of: "A brand new claim.", range: shown..<t.output.endIndex)?.upperBound))
        // quit asks; no keeps the session.
        t.send("quit\r")
        #expect(t.waitFor("quit anyway? [y/N]"), "\(t.output)")
        let declined = t.output.endIndex
        t.send("n\r")
        #expect(t.waitFor("random-2000*", after: declined), "\(t.output[declined...])")
        t.send("quit\r")
        #expect(t.waitFor("quit anyway? [y/N]", after: declined))
        t.send("y\r")
        #expect(t.exitStatus() == 0)
        #expect(setup.recoveryFiles().isEmpty)
    }
}
