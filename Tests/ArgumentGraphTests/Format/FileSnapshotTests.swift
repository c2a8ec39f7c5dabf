import Foundation
import Testing
import ArgraphTestSupport
import ArgumentGraph
@testable import ArgumentGraphFormats

/// `FileSnapshot` and `GraphFile.save(_:to:expecting:force:)`: a save that would overwrite a change
/// made since the file was read is refused with a typed error, and the file is left as it was (issue #17).
@Suite struct FileSnapshotTests {
    static let old = "graph g\n# kept\nclaim a: A.\nclaim b: B.\n"

    /// A fresh folder with `g.arg` holding `old`; returns the folder, the file and its snapshot.
    static func setUp() throws -> (dir: String, file: String, snapshot: FileSnapshot) {
        let dir = try ScratchDirectory.make("argraph-snapshot").path
        let file = dir + "/g.arg"
        try old.write(toFile: file, atomically: false, encoding: .utf8)
        return (dir, file, try FileSnapshot.read(file).snapshot)
    }

    static func contents(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }

    /// Saving `new` expecting `snapshot` must throw `expected`; the file keeps `before` and no temporary file is left.
    static func expectRefusal(
        _ file: String, expecting snapshot: FileSnapshot, before: String?,
        sourceLocation: Testing.SourceLocation = #_sourceLocation, _ matches: (SaveError) -> Bool
    ) {
        do {
            try GraphFile.save(Data("claim new: New.\n".utf8), to: file, expecting: snapshot)
            Issue.record("the stale save succeeded", sourceLocation: sourceLocation)
        } catch {
            #expect(matches(error), "\(error)", sourceLocation: sourceLocation)
        }
        #expect(contents(file) == before, sourceLocation: sourceLocation)
        let dir = URL(fileURLWithPath: file).deletingLastPathComponent().path
        let strays = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.contains(".tmp-") }
        #expect(strays.isEmpty, "\(strays)", sourceLocation: sourceLocation)
    }

    // MARK: Reading

    /// Files of every size around the read's boundaries come back whole, with the snapshot of exactly those bytes.
    @Test(arguments: [0, 1, 4095, 65_536, 65_537, 3 << 20])
    func readGivesEveryByteAndTheirSnapshot(size: Int) throws {
        let dir = try ScratchDirectory.make("argraph-snapshot").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/f.arg"
        let bytes = (0..<size).map { i in i % 61 == 60 ? UInt8(ascii: "\n") : UInt8(truncatingIfNeeded: 97 + i % 26) }
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        let read = try FileSnapshot.read(file)
        #expect(read.bytes == bytes)
        let expected = FileSnapshot(path: file, bytes: bytes)
        #expect(read.snapshot.size == size)
        #expect(read.snapshot.contentHash == expected.contentHash)
        #expect(read.snapshot.lineHashes == expected.lineHashes)
        let unhashed = try FileSnapshot.readUnhashed(file)
        #expect(unhashed.bytes == bytes)
        #expect(unhashed.snapshot() == read.snapshot)
    }

    // MARK: The hash

    @Test func theHashTellsApartEveryOneBitChangeAndEveryLength() {
        var rng = SplitMix64(seed: 17)
        var seen = Set<UInt64>()
        for length in 0..<70 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let h = FileSnapshot(path: "x", bytes: bytes).contentHash
            #expect(h == FileSnapshot(path: "x", bytes: bytes).contentHash)
            #expect(seen.insert(h).inserted, "collision at length \(length)")
            for bit in 0..<(length * 8) where bit % 7 == 0 {
                var flipped = bytes
                flipped[bit / 8] ^= 1 << UInt8(bit % 8)
                #expect(FileSnapshot(path: "x", bytes: flipped).contentHash != h, "bit \(bit) of \(length) bytes")
            }
            // A trailing zero byte is a change.
            #expect(FileSnapshot(path: "x", bytes: bytes + [0]).contentHash != h)
        }
    }

    @Test func linesAreHashedOneByOne() {
        let s = FileSnapshot(path: "x", bytes: Array("a\nb\n\na\n".utf8))
        #expect(s.lineHashes.count == 5)  // a, b, "", a, and the empty piece after the last newline
        #expect(s.lineHashes[0] == s.lineHashes[3])
        #expect(s.lineHashes[2] == s.lineHashes[4])
        #expect(s.lineHashes[0] != s.lineHashes[1])
        #expect(
            FileSnapshot(path: "x", bytes: Array("a\nb".utf8)).contentHash
                != FileSnapshot(path: "x", bytes: Array("a\nb\n".utf8)).contentHash)
    }

    // MARK: The check

    @Test func anUnchangedOrMerelyTouchedFileIsSavedAndTheNewSnapshotIsReturned() throws {
        let (dir, file, snapshot) = try Self.setUp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try snapshot.check()
        #expect(snapshot.looksUnchanged)
        // Same content, new time: not a change.
        var times = [timespec(tv_sec: 1_000_000, tv_nsec: 0), timespec(tv_sec: 1_000_000, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, file, &times, 0) == 0)
        #expect(!snapshot.looksUnchanged)
        try snapshot.check()
        let written = try GraphFile.save(Data("claim new: New.\n".utf8), to: file, expecting: snapshot)
        #expect(Self.contents(file) == "claim new: New.\n")
        let reread = try FileSnapshot.read(file).snapshot
        #expect(written.sameContent(as: reread))
        #expect(written.looksUnchanged)
        // The next save expects what this one wrote.
        try GraphFile.save(Data("claim newer: Newer.\n".utf8), to: file, expecting: written)
        Self.expectRefusal(file, expecting: written, before: "claim newer: Newer.\n") {
            if case .changed = $0 { true } else { false }
        }
    }

    @Test func anAppendedLineIsAChangeThatSaysWhenAndHowManyLines() throws {
        let (dir, file, snapshot) = try Self.setUp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let handle = try #require(FileHandle(forWritingAtPath: file))
        handle.seekToEndOfFile()
        handle.write(Data("claim c: From another editor.\n".utf8))
        try handle.close()
        let after = Self.old + "claim c: From another editor.\n"
        Self.expectRefusal(file, expecting: snapshot, before: after) { error in
            guard case let .changed(path, modified, lines) = error else { return false }
            return path == file && lines == 1 && modified != nil && error.isConflict
                && error.description.contains("'\(file)' was changed on disk at ")
                && error.description.contains("1 line differs")
        }
        // Forced, it writes.
        try GraphFile.save(Data("x\n".utf8), to: file, expecting: snapshot, force: true)
        #expect(Self.contents(file) == "x\n")
    }

    @Test func aSameSizeChangeWithTheOldTimeIsStillSeen() throws {
        let (dir, file, snapshot) = try Self.setUp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var st = stat()
        #expect(stat(file, &st) == 0)
        let changed = Self.old.replacingOccurrences(of: "claim b: B.", with: "claim b: X.")
        try changed.write(toFile: file, atomically: false, encoding: .utf8)
        var times = [st.st_atim, st.st_mtim]
        #expect(utimensat(AT_FDCWD, file, &times, 0) == 0)
        #expect(snapshot.looksUnchanged, "stat sees nothing: only the content hash can tell")
        Self.expectRefusal(file, expecting: snapshot, before: changed) {
            $0 == .changed(path: file, modified: $0.modifiedDate, linesDiffering: 1)
        }
    }

    @Test func aDeletedFileIsNotSilentlyWrittenAgain() throws {
        let (dir, file, snapshot) = try Self.setUp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.removeItem(atPath: file)
        #expect(!snapshot.looksUnchanged)
        Self.expectRefusal(file, expecting: snapshot, before: nil) {
            $0 == .deleted(path: file) && $0.description == "'\(file)' was deleted since argraph read it"
        }
        try GraphFile.save(Data("x\n".utf8), to: file, expecting: snapshot, force: true)
        #expect(Self.contents(file) == "x\n")
    }

    @Test func aFileThatAppearedIsNotOverwritten() throws {
        let (dir, _, _) = try Self.setUp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/new.arg"
        let expected = FileSnapshot.missing(at: file)
        try expected.check()
        try "claim theirs: Theirs.\n".write(toFile: file, atomically: false, encoding: .utf8)
        Self.expectRefusal(file, expecting: expected, before: "claim theirs: Theirs.\n") { error in
            if case .appeared(file, .some) = error {
                error.description.hasPrefix("'\(file)' did not exist when argraph looked")
            } else {
                false
            }
        }
        // Created when still missing.
        let other = dir + "/other.arg"
        let written = try GraphFile.save(Data("claim a: A.\n".utf8), to: other, expecting: .missing(at: other))
        #expect(written.exists && Self.contents(other) == "claim a: A.\n")
    }

    @Test func aFileReplacedByADirectoryIsRefusedEvenWhenForced() throws {
        let (dir, file, snapshot) = try Self.setUp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.removeItem(atPath: file)
        try FileManager.default.createDirectory(atPath: file, withIntermediateDirectories: false)
        for force in [false, true] {
            do {
                try GraphFile.save(Data("x\n".utf8), to: file, expecting: snapshot, force: force)
                Issue.record("saved over a directory")
            } catch {
                #expect(error == .notAFile(path: file, kind: "a directory") && !error.isConflict)
                #expect(error.description == "cannot save to '\(file)': it is a directory")
            }
        }
        #expect(throws: SaveError.notAFile(path: file, kind: "a directory")) { try FileSnapshot.current(file) }
        var isDir: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: file, isDirectory: &isDir) && isDir.boolValue)
    }

    @Test func aFIFOIsNotAFileAndDoesNotBlock() throws {
        let (dir, _, _) = try Self.setUp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fifo = dir + "/pipe.arg"
        #expect(mkfifo(fifo, 0o644) == 0)
        #expect(throws: SaveError.notAFile(path: fifo, kind: "not a regular file")) { try FileSnapshot.current(fifo) }
        #expect(throws: SaveError.self) {
            try GraphFile.save(Data("x\n".utf8), to: fifo, expecting: .missing(at: fifo))
        }
    }

    /// Mode bits, not `access`, decide for root: a file without any write bit is read-only to argraph.
    @Test func aReadOnlyFileIsRefusedUnlessForcedAndKeepsItsMode() throws {
        let (dir, file, snapshot) = try Self.setUp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(chmod(file, 0o444) == 0)
        Self.expectRefusal(file, expecting: snapshot, before: Self.old) { $0 == .readOnly(path: file) && $0.isConflict }
        try GraphFile.save(Data("x\n".utf8), to: file, expecting: snapshot, force: true)
        #expect(Self.contents(file) == "x\n")
        var st = stat()
        #expect(stat(file, &st) == 0 && st.st_mode & 0o777 == 0o444)
    }

    @Test func aFailedRenameLeavesTheFileAndSaysWhy() throws {
        let (dir, file, snapshot) = try Self.setUp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var calls = AtomicWriteCalls()
        calls.rename = { _, _ in
            errno = EXDEV; return -1
        }
        #expect(throws: SaveError.writeFailed(path: file, reason: String(cString: strerror(EXDEV)), unchanged: true)) {
            try GraphFile.save(Data("x\n".utf8), to: file, expecting: snapshot, calls: calls)
        }
        #expect(Self.contents(file) == Self.old)
    }

    /// Two writers holding the same snapshot save at once, many times: the `flock` around the check
    /// and the rename lets exactly one of them through each time.
    @Test func ofTwoConcurrentSavesExpectingTheSameFileExactlyOneWins() throws {
        let (dir, file, _) = try Self.setUp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for round in 0..<40 {
            let snapshot = try FileSnapshot.read(file).snapshot
            let wins = LockedCounter()
            DispatchQueue.concurrentPerform(iterations: 2) { writer in
                let data = Data("claim r\(round)w\(writer): Round \(round), writer \(writer).\n".utf8)
                if (try? GraphFile.save(data, to: file, expecting: snapshot)) != nil { wins.add() }
            }
            #expect(wins.value == 1, "round \(round): \(wins.value) saves passed the check")
        }
    }
}

extension SaveError {
    /// The modification time a `.changed` error carries, for comparing whole errors in tests.
    var modifiedDate: Date? { if case let .changed(_, modified, _) = self { modified } else { nil } }
}

/// A counter shared by threads.
final class LockedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func add() { lock.lock(); n += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return n }
}
