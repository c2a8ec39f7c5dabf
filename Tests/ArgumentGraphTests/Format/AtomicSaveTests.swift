import Foundation
import Testing
import ArgraphTestSupport
import ArgumentGraph
@testable import ArgumentGraphFormats

/// `GraphFile.writeAtomically` under faults: every failure leaves the old file as it was,
/// leaves no temporary file behind, and says why.
///
/// The tests run as root in CI, where a folder's mode bits do not stop writes, so a read-only
/// and a full file system are real small tmpfs mounts (skipped, with a note, where `mount`
/// is not allowed), and the rarer faults (EIO on write or fsync, a failed rename) are injected
/// through ``AtomicWriteCalls``.
@Suite struct AtomicSaveTests {
    static let old = Data("claim a: the old file\n".utf8)
    static let new = Data("claim a: the new file\n".utf8)

    /// A fresh folder holding `graph.arg` with the old content.
    static func folderWithOldFile() throws -> (dir: String, file: String) {
        let dir = try ScratchDirectory.make("argraph-atomic").path
        let file = dir + "/graph.arg"
        try old.write(to: URL(fileURLWithPath: file))
        return (dir, file)
    }

    /// The names in `dir` other than `keep`, such as leftover temporary files.
    static func strays(in dir: String, keeping keep: Set<String> = ["graph.arg"]) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { !keep.contains($0) }
    }

    static func contents(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    /// Asserts that saving `data` to `path` fails with a message containing `reason`, and that the old file survived.
    static func expectFailure(
        saving data: Data = new, to path: String, old oldPath: String, reason: String,
        calls: AtomicWriteCalls = .system, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        do {
            try GraphFile.writeAtomically(data, to: path, calls: calls)
            Issue.record("the save succeeded", sourceLocation: sourceLocation)
        } catch {
            let message = error.errors.first?.message ?? ""
            #expect(message.contains("cannot save to '\(path)'"), "\(message)", sourceLocation: sourceLocation)
            #expect(message.contains(reason), "\(message)", sourceLocation: sourceLocation)
        }
        #expect(contents(oldPath) == old, "the old file changed", sourceLocation: sourceLocation)
    }

    // MARK: Paths that cannot be written

    @Test func savingReplacesTheFileAndLeavesNoTemporaryFile() throws {
        let (dir, file) = try Self.folderWithOldFile()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try GraphFile.writeAtomically(Self.new, to: file)
        #expect(Self.contents(file) == Self.new)
        #expect(Self.strays(in: dir).isEmpty)
    }

    /// A text is written as its UTF-8 bytes, read in place (an empty text and one of several scripts included), and
    /// an error still says why.
    @Test(arguments: ["", "claim a: Café, 日本, 🇯🇵.\r\n", String(repeating: "x", count: 100_000)])
    func aTextIsWrittenAsItsBytes(_ text: String) throws {
        let (dir, file) = try Self.folderWithOldFile()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try GraphFile.writeAtomically(text: text, to: file)
        #expect(Self.contents(file) == Data(text.utf8))
        #expect(Self.strays(in: dir).isEmpty)
        #expect(throws: DiagnosticError.self) {
            try GraphFile.writeAtomically(text: text, to: dir + "/no/such/folder/f")
        }
    }

    /// A pipe (like /dev/null or /dev/stdout, a path that is not a plain file) is written into, never
    /// replaced: a rename over /dev/null as root once left a plain file there, and every later reader of
    /// /dev/null (readline's INPUTRC among them) read an old export.
    @Test func aPipeIsWrittenIntoAndStaysAPipe() throws {
        let (dir, _) = try Self.folderWithOldFile()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fifo = dir + "/pipe"
        #expect(mkfifo(fifo, 0o600) == 0)
        // The reading end is open before the save, as a shell's `| reader` would be.
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }
        try GraphFile.writeAtomically(Self.new, to: fifo)
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = read(reader, &buffer, buffer.count)
        #expect(n >= 0 && Data(buffer[0..<max(n, 0)]) == Self.new)
        var st = stat()
        #expect(lstat(fifo, &st) == 0 && st.st_mode & S_IFMT == S_IFIFO, "the pipe was replaced by a file")
        #expect(Self.strays(in: dir, keeping: ["graph.arg", "pipe"]).isEmpty)
    }

    /// A pipe nobody reads is an error at once, not a save that waits for ever.
    @Test func aPipeWithoutAReaderIsAnErrorNotAWait() throws {
        let (dir, file) = try Self.folderWithOldFile()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fifo = dir + "/pipe"
        #expect(mkfifo(fifo, 0o600) == 0)
        Self.expectFailure(to: fifo, old: file, reason: "no program is reading")
        var st = stat()
        #expect(lstat(fifo, &st) == 0 && st.st_mode & S_IFMT == S_IFIFO)
    }

    @Test func aPathThatIsADirectoryIsRefused() throws {
        let (dir, file) = try Self.folderWithOldFile()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let target = dir + "/sub"
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: false)
        Self.expectFailure(to: target, old: file, reason: "it is a directory")
        #expect(try FileManager.default.contentsOfDirectory(atPath: target).isEmpty)
        #expect(Self.strays(in: dir, keeping: ["graph.arg", "sub"]).isEmpty)
    }

    @Test func aPathWhoseParentIsAFileIsRefused() throws {
        let (dir, file) = try Self.folderWithOldFile()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // The "folder" is the old graph file itself: nothing can be created inside it.
        Self.expectFailure(to: file + "/graph.arg", old: file, reason: "Not a directory")
        #expect(Self.strays(in: dir).isEmpty)
    }

    @Test func aMissingFolderIsRefused() throws {
        let (dir, file) = try Self.folderWithOldFile()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        Self.expectFailure(to: dir + "/no/such/folder/graph.arg", old: file, reason: "No such file or directory")
    }

    // MARK: Real read-only and full file systems (small tmpfs mounts)

    /// Mounts a tmpfs of `size` at a fresh folder, or returns nil where mounting is not allowed.
    static func mountTmpfs(size: String) -> String? {
        let dir = NSTemporaryDirectory() + "argraph-tmpfs-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        guard getuid() == 0, run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(size)", "tmpfs", dir]) else {
            try? FileManager.default.removeItem(atPath: dir)
            return nil
        }
        return dir
    }

    /// Whether this process may mount a tmpfs (root with mount permission; not in most containers), tried once.
    static let canMountTmpfs: Bool = {
        guard let dir = mountTmpfs(size: "16k") else { return false }
        unmount(dir)
        return true
    }()

    static func unmount(_ dir: String) {
        _ = run("/bin/umount", ["-l", dir])
        try? FileManager.default.removeItem(atPath: dir)
    }

    @discardableResult
    static func run(_ tool: String, _ arguments: [String]) -> Bool {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = arguments
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }

    @Test(.enabled(if: AtomicSaveTests.canMountTmpfs, "needs root and permission to mount a tmpfs"))

    func aReadOnlyFileSystemKeepsTheOldFile() throws {
        let dir = try #require(Self.mountTmpfs(size: "64k"))
        defer { Self.unmount(dir) }
        let file = dir + "/graph.arg"
        try Self.old.write(to: URL(fileURLWithPath: file))
        // Root ignores mode bits, but not a read-only mount.
        try #require(
            Self.run("/bin/mount", ["-o", "remount,ro", dir]), "a tmpfs this process mounted remounts read-only")
        Self.expectFailure(to: file, old: file, reason: "Read-only file system")
        #expect(Self.strays(in: dir).isEmpty)
    }

    @Test(.enabled(if: AtomicSaveTests.canMountTmpfs, "needs root and permission to mount a tmpfs"))

    func aFullFileSystemKeepsTheOldFileAndRemovesTheTemporaryFile() throws {
        let dir = try #require(Self.mountTmpfs(size: "64k"))
        defer { Self.unmount(dir) }
        let file = dir + "/graph.arg"
        try Self.old.write(to: URL(fileURLWithPath: file))
        // 200 KB cannot fit in a 64 KB file system beside the old file.
        let big = Data(repeating: UInt8(ascii: "x"), count: 200_000)
        Self.expectFailure(saving: big, to: file, old: file, reason: "No space left on device")
        #expect(Self.strays(in: dir).isEmpty)
        // Once there is room again, the same save works.
        try GraphFile.writeAtomically(Self.new, to: file)
        #expect(Self.contents(file) == Self.new)
    }

    // MARK: Injected faults

    @Test func aWriteErrorHalfwayKeepsTheOldFile() throws {
        let (dir, file) = try Self.folderWithOldFile()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var calls = AtomicWriteCalls.system
        // The first write gets half the bytes out, the second fails with EIO.
        let state = AtomicSaveCallCounter()
        calls.write = { fd, p, n in
            if state.next() == 0 { return Foundation.write(fd, p, max(1, n / 2)) }
            errno = EIO
            return -1
        }
        Self.expectFailure(to: file, old: file, reason: String(cString: strerror(EIO)), calls: calls)
        #expect(Self.strays(in: dir).isEmpty)
    }

    @Test func anFsyncErrorKeepsTheOldFile() throws {
        let (dir, file) = try Self.folderWithOldFile()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var calls = AtomicWriteCalls.system
        calls.fsync = { _ in
            errno = EIO; return -1
        }
        Self.expectFailure(to: file, old: file, reason: String(cString: strerror(EIO)), calls: calls)
        #expect(Self.strays(in: dir).isEmpty)
    }

    @Test func aFailedRenameKeepsTheOldFile() throws {
        let (dir, file) = try Self.folderWithOldFile()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var calls = AtomicWriteCalls.system
        calls.rename = { _, _ in
            errno = EXDEV; return -1
        }
        Self.expectFailure(to: file, old: file, reason: String(cString: strerror(EXDEV)), calls: calls)
        #expect(Self.strays(in: dir).isEmpty)
    }

    @Test func interruptedAndShortWritesStillSaveEveryByte() throws {
        let (dir, file) = try Self.folderWithOldFile()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var calls = AtomicWriteCalls.system
        // Every other call is interrupted by a signal; the others write at most 7 bytes.
        let state = AtomicSaveCallCounter()
        calls.write = { fd, p, n in
            if state.next() % 2 == 0 { errno = EINTR; return -1 }
            return Foundation.write(fd, p, min(n, 7))
        }
        let data = Data((0..<1000).map { UInt8($0 % 251) })
        try GraphFile.writeAtomically(data, to: file, calls: calls)
        #expect(Self.contents(file) == data)
        #expect(Self.strays(in: dir).isEmpty)
    }

    @Test func aWriteThatMakesNoProgressFailsInsteadOfSpinning() throws {
        let (dir, file) = try Self.folderWithOldFile()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var calls = AtomicWriteCalls.system
        let state = AtomicSaveCallCounter()
        calls.write = { _, _, _ in
            // Guard against a hang in this test if the writer loops.
            if state.next() > 1000 { errno = EIO; return -1 }
            return 0
        }
        Self.expectFailure(to: file, old: file, reason: "no progress", calls: calls)
        #expect(state.value <= 2)
        #expect(Self.strays(in: dir).isEmpty)
    }

    // MARK: What the old file was

    @Test func savingKeepsTheFilesPermissions() throws {
        let (dir, file) = try Self.folderWithOldFile()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        chmod(file, 0o600)
        try GraphFile.writeAtomically(Self.new, to: file)
        var st = stat()
        #expect(stat(file, &st) == 0)
        #expect(st.st_mode & 0o777 == 0o600)
    }

    @Test func savingThroughASymlinkUpdatesItsTarget() throws {
        let (dir, file) = try Self.folderWithOldFile()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let link = dir + "/link.arg"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "graph.arg")
        try GraphFile.writeAtomically(Self.new, to: link)
        #expect(Self.contents(file) == Self.new)
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: link)) == "graph.arg")
        #expect(Self.strays(in: dir, keeping: ["graph.arg", "link.arg"]).isEmpty)
    }
}

/// A thread-safe call counter for the injected system calls.
final class AtomicSaveCallCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    /// The count before this call.
    func next() -> Int { lock.lock(); defer { lock.unlock() }; count += 1; return count - 1 }

    /// The number of calls so far.
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}
