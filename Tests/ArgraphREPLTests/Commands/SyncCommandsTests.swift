@testable import ArgumentGraph
import Foundation
import Testing
import ArgraphTestSupport
@testable import ArgraphREPL

/// `save`, `reload`, `merge`, `load`, `export` and the prompt's check when the file changed on disk
/// (issue #17), run in-process on scripted sessions.
@Suite struct SyncCommandsTests {
    static let text = "graph g\n# Their comment.\nclaim a: A.\nclaim b: B.\nattack a -> b\n"

    /// A folder with `g.arg`, a session that opened it, a shell and the output.
    struct Setup {
        let dir: String, file: String, session: Session, shell: Shell, out: BufferedOutput
        init(_ text: String = SyncCommandsTests.text) throws {
            dir = try ScratchDirectory.make("argraph-sync").path
            file = dir + "/g.arg"
            try text.write(toFile: file, atomically: false, encoding: .utf8)
            out = BufferedOutput()
            session = Session(graphs: [try LoadedGraph.open(path: file)], output: out, errorOutput: out)
            shell = Shell(session: session)
        }
        func disk(_ name: String = "g.arg") -> String {
            (try? String(contentsOfFile: dir + "/" + name, encoding: .utf8)) ?? "<none>"
        }
        func append(_ line: String) throws {
            let h = try #require(FileHandle(forWritingAtPath: file))
            h.seekToEndOfFile()
            h.write(Data(line.utf8))
            try h.close()
        }
        /// The output since the last call.
        func take() -> String { out.take() }
    }

    /// The graph keeps no copy of its file: a save reads it again for the comments, and a forced save over a file
    /// changed since it was read writes the graph in canonical form, saying why the comments are gone.
    @Test func aSaveReadsTheFileAgainForItsCommentsAndSaysWhenItCannot() throws {
        let s = try Setup()
        defer { try? FileManager.default.removeItem(atPath: s.dir) }
        #expect(s.shell.execute("add claim c --attacks a C.; save"))
        #expect(s.disk().hasPrefix("graph g\n# Their comment.\nclaim a: A.\n"), "\(s.disk())")
        #expect(s.shell.execute("add claim d D.; save"))
        #expect(s.disk().contains("# Their comment.") && s.disk().contains("claim d: D."), "\(s.disk())")
        _ = s.take()
        try s.append("# Another comment.\n")
        #expect(s.shell.execute("add claim e E.; save --force"))
        let said = s.take()
        #expect(
            said.contains(
                "note: \(s.file) is no longer as it was read, so its comments and layout cannot be kept; the graph is written in canonical form"
            ), "\(said)")
        #expect(!s.disk().contains("comment."), "\(s.disk())")
        #expect(try ArgReader.read(s.disk()).graph == s.session.current.base)
        // What was written is the source of the next save: no note, and the canonical text is kept as it is.
        let written = s.disk()
        #expect(s.shell.execute("add claim f F.; save"))
        #expect(!s.take().contains("note:"))
        #expect(s.disk().hasPrefix(String(written.prefix(while: { $0 != "\n" }))))
    }

    /// When the edits spliced into the file's text would not read back as the graph (a relation without an id changed
    /// in place moves to the end of the relations), the save writes canonical text and says so; it used to be silent.
    @Test func aSaveSaysWhenTheEditsCannotBePlacedInTheText() throws {
        let s = try Setup("graph g\n# Their comment.\nclaim a: A.\nclaim b: B.\nattack a -> b\nsupport b -> a\n")
        defer { try? FileManager.default.removeItem(atPath: s.dir) }
        var b = GraphBuilder(s.session.current.base)
        b.relations[0].weight = 0.5
        _ = try s.session.current.apply(.replace(with: try b.build().graph, label: "weight"))
        _ = s.take()
        #expect(s.shell.execute("save"))
        #expect(
            s.take().contains(
                "note: the edits could not be placed in \(s.file)'s text, so its comments and layout cannot be kept; the graph is written in canonical form"
            ))
        #expect(try ArgReader.read(s.disk()).graph == s.session.current.base)
    }

    /// A graph read from a file with `\r\n` line ends saves with its comments and its line ends (this crashed).
    @Test func aFileWithCRLFLineEndsSavesWithItsComments() throws {
        let s = try Setup(Self.text.replacingOccurrences(of: "\n", with: "\r\n"))
        defer { try? FileManager.default.removeItem(atPath: s.dir) }
        #expect(s.shell.execute("add claim c --attacks a C.; save"))
        #expect(
            s.disk()
                == "graph g\r\n# Their comment.\r\nclaim a: A.\r\nclaim b: B.\r\nclaim c: C.\r\nattack a -> b\r\nattack c -> a\r\n",
            "\(s.disk().debugDescription)")
    }

    @Test func saveRefusesAfterAnExternalAppendAndMergeKeepsBothChanges() throws {
        let s = try Setup()
        defer { try? FileManager.default.removeItem(atPath: s.dir) }
        #expect(s.shell.execute("add claim c --attacks a C."))
        try s.append("claim ext: From the editor.\n")
        _ = s.take()
        #expect(!s.shell.execute("save"))
        let refusal = s.take()
        #expect(refusal.contains("error: '\(s.file)' was changed on disk at "), "\(refusal)")
        #expect(refusal.contains("since argraph read it: 1 line differs; not saved"))
        #expect(
            refusal.contains(
                "hint: 'merge' replays your 1 unsaved edit (add claim c) onto it; 'save --force' overwrites it; 'reload --discard' drops your edits"
            ), "\(refusal)")
        #expect(s.disk() == Self.text + "claim ext: From the editor.\n")
        #expect(s.shell.execute("merge"))
        #expect(s.take().contains("merged 1 edit onto \(s.file) as it is now and saved"))
        let merged = s.disk()
        #expect(merged.hasPrefix("graph g\n# Their comment.\nclaim a: A.\n"), "\(merged)")
        #expect(
            merged.contains("claim ext: From the editor.") && merged.contains("claim c: C.")
                && merged.contains("attack c -> a"))
        #expect(!s.session.current.hasUnsavedChanges)
        // What was written is what the next save expects.
        #expect(s.shell.execute("add claim d D.; save"))
        #expect(s.disk().contains("claim d: D."))
    }

    @Test func aJSONFileIsGuardedAndMergedToo() throws {
        let s = try Setup()
        defer { try? FileManager.default.removeItem(atPath: s.dir) }
        let json = s.dir + "/g.json"
        let original = try ArgReader.read(Self.text).graph
        try GraphFile.data(of: original, as: .json).write(to: URL(fileURLWithPath: json))
        #expect(s.shell.execute("load \(json) --as j; add claim c C."))
        let theirs = try ArgReader.read(Self.text + "claim ext: E.\n").graph
        try GraphFile.data(of: theirs, as: .json).write(to: URL(fileURLWithPath: json))
        _ = s.take()
        #expect(!s.shell.execute("save"))
        #expect(s.take().contains("error: '\(json)' was changed on disk at "))
        #expect(s.shell.execute("merge"), "\(s.take())")
        let merged = try GraphFile.read(path: json).graph
        #expect(merged.claimIndex(of: "c") != nil && merged.claimIndex(of: "ext") != nil)
    }

    @Test func anEditWhoseClaimWasRemovedOnDiskIsReportedNotGuessed() throws {
        let s = try Setup()
        defer { try? FileManager.default.removeItem(atPath: s.dir) }
        #expect(s.shell.execute("add claim c C.; link c supports b; add claim d D."))
        try "graph g\n# Their comment.\nclaim a: A.\n".write(toFile: s.file, atomically: true, encoding: .utf8)
        #expect(!s.shell.execute("save"))
        _ = s.take()
        #expect(s.shell.execute("merge"))
        let report = s.take()
        #expect(report.contains("not merged: link c supports b: claim 'b' was removed on disk"), "\(report)")
        #expect(
            report.contains("merged 2 edits of 3 onto \(s.file) as it is now; not saved: 1 could not be applied"),
            "\(report)")
        #expect(s.disk() == "graph g\n# Their comment.\nclaim a: A.\n", "nothing is written when an edit was refused")
        // The edits that applied stay as unsaved edits on top of the file, and save now writes them.
        #expect(s.session.current.hasUnsavedChanges)
        #expect(s.shell.execute("save"))
        #expect(s.disk() == "graph g\n# Their comment.\nclaim a: A.\nclaim c: C.\nclaim d: D.\n", "\(s.disk())")
    }

    @Test func removingAClaimChangedOnDiskIsRefused() throws {
        let s = try Setup()
        defer { try? FileManager.default.removeItem(atPath: s.dir) }
        #expect(s.shell.execute("remove b"))
        try Self.text.replacingOccurrences(of: "claim b: B.", with: "claim b: B, reworded by a colleague.").write(
            toFile: s.file, atomically: true, encoding: .utf8)
        _ = s.take()
        #expect(s.shell.execute("merge"))
        #expect(s.take().contains("not merged: remove claim b: claim 'b' was changed on disk"))
        #expect(s.disk().contains("reworded by a colleague"))
    }

    @Test func reloadSaysWhatItWouldDropAndDiscardDropsIt() throws {
        let s = try Setup()
        defer { try? FileManager.default.removeItem(atPath: s.dir) }
        #expect(s.shell.execute("add claim c C."))
        try s.append("claim ext: E.\n")
        _ = s.take()
        #expect(!s.shell.execute("reload"))
        #expect(
            s.take()
                == "error: reloading would drop g's 1 unsaved edit (add claim c)\n  hint: 'reload --discard' drops them; 'merge' keeps them on top of the file as it is now\n"
        )
        #expect(s.shell.execute("reload --discard"))
        #expect(
            s.take()
                == "reloaded g from \(s.file): 3 claims, 1 line differs from what was read; dropped 1 unsaved edit (add claim c)\n"
        )
        #expect(
            s.session.current.graph.claimIndex(of: "ext") != nil && s.session.current.graph.claimIndex(of: "c") == nil)
        #expect(!s.session.current.hasUnsavedChanges)
    }

    @Test func saveDiffShowsTheChangesAgainstTheFileFirst() throws {
        let s = try Setup()
        defer { try? FileManager.default.removeItem(atPath: s.dir) }
        #expect(s.shell.execute("add claim c C."))
        _ = s.take()
        #expect(s.shell.execute("save --diff"))
        #expect(
            s.take() == """
                --- \(s.file) (on disk)
                +++ \(s.file) (to be written)
                @@ -2,4 +2,5 @@
                 # Their comment.
                 claim a: A.
                 claim b: B.
                +claim c: C.
                 attack a -> b
                saved \(s.file) (3 claims, 1 relation)

                """)
        // A no at the question writes nothing.
        s.session.confirm = { _ in false }
        #expect(s.shell.execute("add claim d D.; save --diff"))
        #expect(s.take().hasSuffix("not saved\n"))
        #expect(!s.disk().contains("claim d"))
    }

    @Test func undoPastTheSaveCannotBeMergedAndSaysWhy() throws {
        let s = try Setup()
        defer { try? FileManager.default.removeItem(atPath: s.dir) }
        #expect(s.shell.execute("add claim c C.; save; undo; add claim d D."))
        try s.append("claim ext: E.\n")
        _ = s.take()
        #expect(!s.shell.execute("merge"))
        #expect(
            s.take().contains(
                "error: cannot merge: g's unsaved changes are not a list of edits (undo went back past the last save"))
    }

    @Test func savingOverAFileThisSessionNeverSawNeedsForce() throws {
        let s = try Setup()
        defer { try? FileManager.default.removeItem(atPath: s.dir) }
        let other = s.dir + "/other.arg"
        try "claim theirs: Theirs.\n".write(toFile: other, atomically: true, encoding: .utf8)
        #expect(!s.shell.execute("save \(other)"))
        #expect(
            s.take()
                == "error: '\(other)' exists and argraph did not write or open it in this session; save would replace it\n  hint: save --force … replaces it; or choose another file\n"
        )
        #expect(s.disk("other.arg") == "claim theirs: Theirs.\n")
        #expect(s.shell.execute("save --force \(other)"))
        #expect(s.session.current.path == other)
        // The file the session opened may be written again: it is unchanged since.
        #expect(s.shell.execute("save \(s.file)"), "\(s.take())")
        // A new file needs nothing; once written, saving to it again is fine.
        let fresh = s.dir + "/fresh.arg"
        #expect(s.shell.execute("save \(fresh); add claim z Z.; save \(fresh)"))
        #expect(s.disk("fresh.arg").contains("claim z: Z."))
    }

    @Test func exportReplacesOnlyFilesThisSessionWroteUnchanged() throws {
        let s = try Setup()
        defer { try? FileManager.default.removeItem(atPath: s.dir) }
        let dot = s.dir + "/g.dot"
        try "digraph mine {}\n".write(toFile: dot, atomically: true, encoding: .utf8)
        #expect(!s.shell.execute("export dot \(dot)"))
        #expect(
            s.take().contains(
                "error: '\(dot)' exists and argraph did not write or open it in this session; export would replace it"))
        #expect(s.disk("g.dot") == "digraph mine {}\n")
        #expect(s.shell.execute("export dot \(dot) --force; export dot \(dot)"))
        try "digraph edited {}\n".write(toFile: dot, atomically: true, encoding: .utf8)
        _ = s.take()
        #expect(!s.shell.execute("export dot \(dot)"))
        #expect(s.take().contains("error: '\(dot)' was changed on disk at "))
        #expect(s.disk("g.dot") == "digraph edited {}\n")
    }

    @Test func loadDoesNotDropUnsavedEditsWithoutForce() throws {
        let s = try Setup()
        defer { try? FileManager.default.removeItem(atPath: s.dir) }
        #expect(s.shell.execute("add claim c C."))
        _ = s.take()
        #expect(!s.shell.execute("load \(s.file)"))
        #expect(
            s.take()
                == "error: not loaded: it would replace 'g', which has 1 unsaved edit (add claim c)\n  hint: load \(s.file) --as OTHER-NAME, or load --force \(s.file) to drop them\n"
        )
        #expect(s.shell.execute("load --force \(s.file)"))
        #expect(!s.session.current.hasUnsavedChanges)
    }

    @Test func thePromptReloadsAnUneditedGraphAndWarnsOnceAboutAnEditedOne() throws {
        let s = try Setup()
        defer { try? FileManager.default.removeItem(atPath: s.dir) }
        try s.append("claim ext: E.\n")
        s.session.checkFilesOnDisk()
        #expect(s.take() == "'\(s.file)' changed on disk (1 line differs); reloaded g: 3 claims\n")
        #expect(s.session.current.graph.claimIndex(of: "ext") != nil)
        s.session.checkFilesOnDisk()
        #expect(s.take() == "")
        #expect(s.shell.execute("add claim c C."))
        _ = s.take()
        try s.append("claim ext2: E2.\n")
        s.session.checkFilesOnDisk()
        s.session.checkFilesOnDisk()
        #expect(
            s.take()
                == "warning: '\(s.file)' changed on disk (1 line differs) while g has 1 unsaved edit (add claim c): 'merge' replays your edits onto it, 'save --force' overwrites it, 'reload --discard' drops your edits\n"
        )
        // A further change warns again.
        try s.append("claim ext3: E3.\n")
        s.session.checkFilesOnDisk()
        #expect(s.take().contains("(2 lines differ)"))
    }
}
