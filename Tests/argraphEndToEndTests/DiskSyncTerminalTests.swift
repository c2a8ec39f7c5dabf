import Foundation
#if canImport(Glibc)
    import Glibc
#endif
import Testing

/// At a terminal, a save never overwrites a change made to the file by someone else: it refuses,
/// says what changed, and offers `merge`, `reload` and `save --force`; the prompt reloads an
/// unedited graph whose file changed (issue #17).
@Suite struct DiskSyncTerminalTests {
    typealias Setup = ReplTerminalRecoveryTests.Setup

    /// Types `line`, waits for `expected` in the answer and then for `prompt`; returns the answer.
    @discardableResult
    static func type(
        _ t: PseudoTerminal, _ line: String, expect expected: String, prompt: String,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> String {
        let mark = t.output.endIndex
        t.send(line + "\r")
        #expect(
            t.waitFor(expected, after: mark), "no '\(expected)' after '\(line)': \(t.output[mark...])",
            sourceLocation: sourceLocation)
        let answered = t.output.range(of: expected, range: mark..<t.output.endIndex)?.upperBound ?? mark
        #expect(
            t.waitFor(prompt, after: answered), "no prompt '\(prompt)' after '\(line)': \(t.output[mark...])",
            sourceLocation: sourceLocation)
        return String(t.output[mark...])
    }

    static func disk(_ setup: Setup) -> String {
        (try? String(contentsOfFile: setup.graph, encoding: .utf8)) ?? "<none>"
    }

    static func append(_ text: String, to path: String) throws {
        let h = try #require(FileHandle(forWritingAtPath: path))
        h.seekToEndOfFile()
        h.write(Data(text.utf8))
        try h.close()
    }

    static func quit(_ t: PseudoTerminal) {
        t.send("quit --force\r")
        #expect(t.exitStatus() == 0)
    }

    @Test func anExternalAppendIsNotOverwrittenAndMergeKeepsBoth() throws {
        let setup = try Setup()
        defer { try? FileManager.default.removeItem(at: setup.dir) }
        let t = try ReplTerminalRecoveryTests.editedSession(setup)
        try Self.append("claim from-editor: Added in another editor.\n", to: setup.graph)
        let refused = Self.type(t, "save", expect: "not saved", prompt: "g*> ")
        #expect(refused.contains("was changed on disk at ") && refused.contains("1 line differs"), "\(refused)")
        #expect(refused.contains("hint: 'merge' replays your 1 unsaved edit (add claim fresh-claim)"), "\(refused)")
        #expect(!refused.contains("warning:"), "the prompt repeats what save said: \(refused)")
        #expect(Self.disk(setup).hasSuffix("claim from-editor: Added in another editor.\n"))
        Self.type(t, "merge", expect: "merged 1 edit onto", prompt: "g> ")
        let merged = Self.disk(setup)
        #expect(
            merged.contains("claim from-editor: Added in another editor.")
                && merged.contains("claim fresh-claim: A brand new claim."), "\(merged)")
        Self.quit(t)
    }

    @Test func anEditWhoseClaimWasRemovedOnDiskIsReportedAndNothingIsWritten() throws {
        let setup = try Setup()
        defer { try? FileManager.default.removeItem(at: setup.dir) }
        let t = try ReplTerminalRecoveryTests.editedSession(setup)  // fresh-claim attacks a
        let theirs = "graph g\nclaim b: B.\n"
        try theirs.write(toFile: setup.graph, atomically: true, encoding: .utf8)
        Self.type(t, "save", expect: "not saved", prompt: "g*> ")
        let report = Self.type(t, "merge", expect: "could not be applied", prompt: "g> ")
        #expect(report.contains("not merged: add claim fresh-claim: claim 'a' was removed on disk"), "\(report)")
        #expect(Self.disk(setup) == theirs)
        Self.quit(t)
    }

    @Test func twoSessionsSavingInTurnNeitherLosesTheOthersEdit() throws {
        let setup = try Setup()
        defer { try? FileManager.default.removeItem(at: setup.dir) }
        let first = try PseudoTerminal(arguments: [setup.graph], environment: setup.env)
        let second = try PseudoTerminal(arguments: [setup.graph], environment: setup.env)
        #expect(first.waitFor("g> ") && second.waitFor("g> "))
        Self.type(first, "add claim x X from the first.", expect: "added claim x", prompt: "g*> ")
        Self.type(second, "add claim y Y from the second.", expect: "added claim y", prompt: "g*> ")
        Self.type(first, "save", expect: "saved ", prompt: "g> ")
        let refused = Self.type(second, "save", expect: "not saved", prompt: "g*> ")
        #expect(refused.contains("was changed on disk"), "\(refused)")
        Self.type(second, "merge", expect: "merged 1 edit onto", prompt: "g> ")
        #expect(
            Self.disk(setup).contains("claim x: X from the first.")
                && Self.disk(setup).contains("claim y: Y from the second."))
        // The first has nothing unsaved: its next prompt reloads the file and says so.
        let reloaded = Self.type(
            first, "", expect: "changed on disk (1 line differs); reloaded g: 4 claims", prompt: "g> ")
        #expect(!reloaded.contains("warning"), "\(reloaded)")
        Self.type(first, "show y", expect: "Y from the second.", prompt: "g> ")
        Self.quit(first)
        Self.quit(second)
    }

    @Test func aFileDeletedWhileOpenIsWrittenAgainOnlyWithForce() throws {
        let setup = try Setup()
        defer { try? FileManager.default.removeItem(at: setup.dir) }
        let t = try ReplTerminalRecoveryTests.editedSession(setup)
        try FileManager.default.removeItem(atPath: setup.graph)
        let warned = Self.type(t, "", expect: "was deleted on disk", prompt: "g*> ")
        #expect(warned.contains("'save --force' writes it again"), "\(warned)")
        let refused = Self.type(t, "save", expect: "was deleted since argraph read it; not saved", prompt: "g*> ")
        #expect(refused.contains("hint: 'save --force' writes it again"))
        #expect(!FileManager.default.fileExists(atPath: setup.graph))
        Self.type(t, "save --force", expect: "saved ", prompt: "g> ")
        #expect(Self.disk(setup).contains("claim fresh-claim"))
        Self.quit(t)
    }

    @Test func aFileReplacedByADirectoryIsNeverWrittenOver() throws {
        let setup = try Setup()
        defer { try? FileManager.default.removeItem(at: setup.dir) }
        let t = try ReplTerminalRecoveryTests.editedSession(setup)
        try FileManager.default.removeItem(atPath: setup.graph)
        try FileManager.default.createDirectory(atPath: setup.graph, withIntermediateDirectories: false)
        Self.type(t, "", expect: "is now a directory", prompt: "g*> ")
        for line in ["save", "save --force"] {
            let refused = Self.type(
                t, line, expect: "it is a directory (it was a file when argraph read it); not saved", prompt: "g*> ")
            #expect(refused.contains("hint: save OTHER-FILE.arg"), "\(refused)")
        }
        let elsewhere = setup.dir.appendingPathComponent("elsewhere.arg").path
        Self.type(t, "save \(elsewhere)", expect: "saved \(elsewhere)", prompt: "g> ")
        #expect(try String(contentsOfFile: elsewhere, encoding: .utf8).contains("claim fresh-claim"))
        Self.quit(t)
    }

    /// Mode bits decide, also for root (CI runs as root, where `chmod` alone does not stop a write):
    /// argraph itself refuses a file with no write bit.
    @Test func aFileMadeReadOnlyIsWrittenOnlyWithForce() throws {
        let setup = try Setup()
        defer { try? FileManager.default.removeItem(at: setup.dir) }
        let t = try ReplTerminalRecoveryTests.editedSession(setup)
        #expect(chmod(setup.graph, 0o444) == 0)
        let refused = Self.type(t, "save", expect: "is read-only; not saved", prompt: "g*> ")
        #expect(refused.contains("hint: 'save --force' writes it anyway"), "\(refused)")
        #expect(!Self.disk(setup).contains("fresh-claim"))
        Self.type(t, "save --force", expect: "saved ", prompt: "g> ")
        #expect(Self.disk(setup).contains("claim fresh-claim"))
        var st = stat()
        #expect(stat(setup.graph, &st) == 0 && st.st_mode & 0o777 == 0o444, "the file stays read-only")
        Self.quit(t)
    }
}
