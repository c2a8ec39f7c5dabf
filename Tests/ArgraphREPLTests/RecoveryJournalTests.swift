import ArgumentGraph
import Foundation
import Testing
import ArgraphTestSupport
@testable import ArgraphREPL

/// The recovery journal as a value, without a process: what it writes after each command, what it
/// removes, what it offers back and how a restore looks.
@Suite struct RecoveryJournalTests {
    /// A process id no live process has (Linux's pid_max is at most 2^22).
    static let deadPID: Int32 = 2_000_000_001

    static func scratch() throws -> String {
        try ScratchDirectory.make("argraph-journal").path
    }

    static func files(_ dir: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted()
    }

    @Test func theJournalFollowsEditsUndoAndFinish() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let journal = RecoveryJournal(directory: dir, journalling: true, processID: Self.deadPID)
        let (s, _) = Fixture.session()
        s.journal = journal
        let shell = Shell(session: s)
        #expect(shell.execute("info"))
        journal.flush()
        #expect(Self.files(dir).isEmpty, "nothing unsaved, nothing written")

        #expect(shell.execute("add claim extra 'An extra claim.'"))
        journal.flush()
        #expect(Self.files(dir) == ["fixture-\(Self.deadPID).arg"])
        let text = try String(contentsOfFile: dir + "/" + Self.files(dir)[0], encoding: .utf8)
        #expect(text.hasPrefix("# argraph recovery\n# name: fixture\n"))
        #expect(try ArgReader.read(text).graph == s.current.base)

        #expect(shell.execute("undo"))
        journal.flush()
        #expect(Self.files(dir).isEmpty, "back to the saved graph: the file goes")

        #expect(shell.execute("remove con"))
        journal.flush()
        #expect(Self.files(dir).count == 1)
        journal.finish()
        #expect(Self.files(dir).isEmpty)
        // Off after finish: a later publish writes nothing.
        journal.publish(s)
        journal.flush()
        #expect(Self.files(dir).isEmpty)
    }

    @Test func keptFilesAreOfferedBackAndRestoredAsUnsavedEdits() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let first = RecoveryJournal(directory: dir, journalling: true, processID: Self.deadPID)
        let (s1, _) = Fixture.session()
        s1.journal = first
        #expect(Shell(session: s1).execute("add claim kept 'Kept for later.'"))
        let kept = first.keepForNextStart()
        #expect(kept == [dir + "/fixture-\(Self.deadPID).arg"])
        #expect(first.keepForNextStart().isEmpty, "the journal is off once its files are kept")

        // The next start, in another process: it sees the dead session's file, and a "no" keeps it.
        let next = RecoveryJournal(directory: dir, journalling: true, processID: getpid())
        #expect(next.pending().map(\.name) == ["fixture"])
        let (s2, out2) = Fixture.session()
        next.offer(to: s2, reader: ScriptLineReader(lines: ["n"]))
        #expect(out2.take().hasSuffix("it will be offered again at the next start.\n"))
        #expect(Self.files(dir).count == 1 && !s2.current.hasUnsavedChanges)

        let (s3, out3) = Fixture.session()
        next.offer(to: s3, reader: ScriptLineReader(lines: ["y"]))
        #expect(out3.take().contains("restored 'fixture'"))
        #expect(Self.files(dir).isEmpty)
        let restored = try #require(s3.graphs.first { $0.graph.claimIndex(of: "kept") != nil })
        #expect(restored.hasUnsavedChanges && restored.undoLabel == "restore unsaved edits")
        #expect(restored.undo() == "restore unsaved edits" && restored.graph.claimIndex(of: "kept") == nil)
    }

    @Test func aScriptRunWritesOnlyWhenStopped() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let journal = RecoveryJournal(directory: dir, journalling: false, processID: Self.deadPID)
        let (s, _) = Fixture.session()
        s.journal = journal
        #expect(Shell(session: s).execute("add claim x 'X.'"))
        journal.flush()
        #expect(Self.files(dir).isEmpty)
        #expect(journal.writePublished() == [dir + "/fixture-\(Self.deadPID).arg"], "what a stop by a signal writes")
        #expect(journal.keepForNextStart().isEmpty)
    }

    @Test func aLiveSessionsFilesAreLeftAlone() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // This test process plays the other, running session.
        let running = RecoveryJournal(directory: dir, journalling: false, processID: getpid())
        running.publish([RecoveryJournal.Entry(name: "g", path: nil, graph: Fixture.parsed().graph)])
        #expect(running.writePublished().count == 1)
        #expect(RecoveryJournal(directory: dir, journalling: true, processID: Self.deadPID).pending().isEmpty)
    }

    @Test func namesAreCutToSafeFileNamesWithoutClashes() {
        let j = RecoveryJournal(directory: "/r", journalling: false, processID: 7)
        let g = Graph.empty
        let names = j.fileNames([
            .init(name: "a/b", path: nil, graph: g), .init(name: "a_b", path: nil, graph: g),
            .init(name: "ü", path: nil, graph: g),
        ])
        #expect(names == ["/r/a_b-7.arg", "/r/a_b-2-7.arg", "/r/_-7.arg"])
    }
}
