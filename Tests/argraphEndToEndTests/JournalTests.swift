import Foundation
#if canImport(Glibc)
    import Glibc
#endif
import Testing

/// The recovery journal: after each command that changes an unsaved graph the session rewrites
/// its recovery file, so even SIGKILL loses at most the command that was running; the file goes
/// once the graph is saved or the session ends normally (issue #9).
@Suite struct JournalTests {
    typealias Setup = ReplTerminalRecoveryTests.Setup

    /// Waits (at most 20 s) until the recovery files satisfy `condition`.
    static func waitForFiles(_ setup: Setup, _ condition: ([String]) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if condition(setup.recoveryFiles()) { return true }
            usleep(50_000)
        }
        return condition(setup.recoveryFiles())
    }

    static func holdsFreshClaim(_ files: [String]) -> Bool {
        files.count == 1 && files[0].contains("claim fresh-claim: A brand new claim.")
    }

    @Test func aKilledSessionKeepsItsEditsAndTheNextStartOffersThem() throws {
        let setup = try Setup()
        defer { try? FileManager.default.removeItem(at: setup.dir) }
        let t = try ReplTerminalRecoveryTests.editedSession(setup)
        #expect(Self.waitForFiles(setup, Self.holdsFreshClaim), "no journal: \(setup.recoveryFiles())")
        kill(t.pid, SIGKILL)
        #expect(t.exitStatus() == 128 + SIGKILL)
        #expect(Self.holdsFreshClaim(setup.recoveryFiles()))

        let next = try PseudoTerminal(arguments: [setup.graph], environment: setup.env)
        #expect(next.waitFor("Restore them? [y/N]"), "\(next.output)")
        next.send("y\r")
        #expect(next.waitFor("restored 'g'"), "\(next.output)")
        #expect(next.waitFor("g*> "))
        let mark = next.output.endIndex
        next.send("show fresh-claim\r")
        #expect(next.waitFor("A brand new claim.", after: mark), "\(next.output[mark...])")
        // The restored edits are journalled again at once, under the new session's id.
        #expect(Self.waitForFiles(setup) { Self.holdsFreshClaim($0) }, "\(setup.recoveryFiles())")
        next.send("quit\r")
        #expect(next.waitFor("quit anyway? [y/N]"))
        next.send("y\r")
        #expect(next.exitStatus() == 0)
        #expect(setup.recoveryFiles().isEmpty, "a normal end leaves no recovery file")
    }

    @Test func theJournalFollowsUndoAndSave() throws {
        let setup = try Setup()
        defer { try? FileManager.default.removeItem(at: setup.dir) }
        let t = try ReplTerminalRecoveryTests.editedSession(setup)
        #expect(Self.waitForFiles(setup, Self.holdsFreshClaim))
        // Undo returns to the file's state: nothing unsaved, no recovery file.
        t.send("undo\r")
        #expect(t.waitFor("g> ", after: t.output.range(of: "undo", options: .backwards)?.upperBound), "\(t.output)")
        #expect(Self.waitForFiles(setup) { $0.isEmpty }, "\(setup.recoveryFiles())")
        t.send("redo\r")
        #expect(Self.waitForFiles(setup, Self.holdsFreshClaim))
        t.send("save\r")
        #expect(t.waitFor("g> ", after: t.output.range(of: "save", options: .backwards)?.upperBound), "\(t.output)")
        #expect(Self.waitForFiles(setup) { $0.isEmpty }, "\(setup.recoveryFiles())")
        #expect(try String(contentsOfFile: setup.graph, encoding: .utf8).contains("fresh-claim"))
        t.send("\u{04}")
        #expect(t.exitStatus() == 0)
    }

    @Test func ctrlDAtTheQuitQuestionQuitsButKeepsTheEditsForTheNextStart() throws {
        let setup = try Setup()
        defer { try? FileManager.default.removeItem(at: setup.dir) }
        let t = try ReplTerminalRecoveryTests.editedSession(setup)
        t.send("\u{04}")
        #expect(t.waitFor("quit anyway? [y/N]"), "\(t.output)")
        t.send("\u{04}")  // no answer: not a yes
        #expect(t.exitStatus() == 0)
        #expect(t.output.contains("unsaved edits kept in"), "\(t.output)")
        #expect(Self.holdsFreshClaim(setup.recoveryFiles()), "\(setup.recoveryFiles())")
        let next = try PseudoTerminal(arguments: [setup.graph], environment: setup.env)
        #expect(next.waitFor("Restore them? [y/N]"), "\(next.output)")
        next.send("n\r")
        #expect(next.waitFor("g> "), "\(next.output)")
        next.send("\u{04}")
        #expect(next.exitStatus() == 0)
        // Declined, the file stays for a later start.
        #expect(Self.holdsFreshClaim(setup.recoveryFiles()))
    }

    @Test func aRunningSessionsJournalIsNotOfferedToAnother() throws {
        let setup = try Setup()
        defer { try? FileManager.default.removeItem(at: setup.dir) }
        let first = try ReplTerminalRecoveryTests.editedSession(setup)
        #expect(Self.waitForFiles(setup, Self.holdsFreshClaim))
        let second = try PseudoTerminal(arguments: [setup.graph], environment: setup.env)
        #expect(second.waitFor("g> "), "\(second.output)")
        #expect(!second.output.contains("Restore them?"))
        second.send("\u{04}")
        #expect(second.exitStatus() == 0)
        #expect(Self.holdsFreshClaim(setup.recoveryFiles()), "the second session touched the first one's journal")
        first.send("quit\r")
        #expect(first.waitFor("quit anyway? [y/N]"))
        first.send("y\r")
        #expect(first.exitStatus() == 0)
        #expect(setup.recoveryFiles().isEmpty)
    }
}
