import ArgumentGraphModel
import Foundation

/// What a file held when argraph read or wrote it, so that a later save can tell whether someone
/// else changed it in between (see ``GraphFile/save(_:to:expecting:force:)``).
///
/// The content is identified by its size and a hash (``ContentHash``: a 64-bit non-cryptographic
/// hash of 8 bytes a step, taken line by line), never by the modification time alone: Linux stamps
/// files with a clock that ticks every few milliseconds, so two writes in one tick can share a time.
/// The line hashes let a conflict say how many lines differ without keeping the text.
public struct FileSnapshot: Sendable, Equatable {
    /// The path as given.
    public let path: String
    /// Whether a file was there; false for a file argraph is about to create.
    public let exists: Bool
    /// The size in bytes (0 when missing).
    public let size: Int
    /// The modification time, when the file exists.
    public let modified: Date?
    /// The hash of the whole content (see ``ContentHash/hashes(_:)``).
    public let contentHash: UInt64
    /// One 32-bit hash per line (the pieces between newlines, the last one possibly empty), to count changed lines.
    public let lineHashes: [UInt32]
    /// What `stat` said: device, inode, size and modification time, for ``looksUnchanged``.
    let stamp: Stamp?

    /// The parts of `stat` that change when a file is written or replaced.
    struct Stamp: Sendable, Equatable {
        var device: UInt64, inode: UInt64, size: Int, seconds: Int, nanoseconds: Int

        init(_ st: stat) {
            device = UInt64(st.st_dev)
            inode = UInt64(st.st_ino)
            size = Int(st.st_size)
            seconds = Int(st.st_mtim.tv_sec)
            nanoseconds = Int(st.st_mtim.tv_nsec)
        }

        var date: Date { Date(timeIntervalSince1970: Double(seconds) + Double(nanoseconds) / 1e9) }
    }

    /// The snapshot of content `bytes` at `path`, with what `stat` said about it (if anything).
    init(path: String, bytes: UnsafeRawBufferPointer, stat st: stat?) {
        self.path = path
        exists = true
        size = bytes.count
        stamp = st.map(Stamp.init)
        modified = stamp?.date
        (lineHashes, contentHash) = ContentHash.hashes(bytes)
    }

    private init(missing path: String) {
        self.path = path
        exists = false
        size = 0
        modified = nil
        contentHash = 0
        lineHashes = []
        stamp = nil
    }

    /// The snapshot of a file that is not there: a save expecting it refuses if one appeared.
    public static func missing(at path: String) -> FileSnapshot { FileSnapshot(missing: path) }

    /// The snapshot of `bytes` as the content of `path` (without a modification time).
    public init(path: String, bytes: some Collection<UInt8>) {
        let array = Array(bytes)
        self = array.withUnsafeBytes { FileSnapshot(path: path, bytes: $0, stat: nil) }
    }

    /// Reads the file at `path`: its bytes and their snapshot, from one read of one open file.
    public static func read(_ path: String) throws(SaveError) -> (snapshot: FileSnapshot, bytes: [UInt8]) {
        let file = try readUnhashed(path)
        return (file.snapshot(), file.bytes)
    }

    /// A file's bytes as read, with what `stat` said, before they are hashed into a snapshot.
    public struct Unhashed: Sendable {
        public let path: String
        public let bytes: [UInt8]
        let stat: stat

        /// The snapshot of these bytes (the hashing: one pass over them, which a reader may run beside its parse).
        public func snapshot() -> FileSnapshot {
            bytes.withUnsafeBytes { FileSnapshot(path: path, bytes: $0, stat: stat) }
        }
    }

    /// Reads the file at `path` (as ``read(_:)`` does), leaving the hashing to ``Unhashed/snapshot()``.
    public static func readUnhashed(_ path: String) throws(SaveError) -> Unhashed {
        switch try disk(path) {
        case let .file(file): return file
        case .missing: throw SaveError.unreadable(path: path, reason: "no such file")
        }
    }

    /// What is at `path` now: a snapshot of it, or a missing one.
    public static func current(_ path: String) throws(SaveError) -> FileSnapshot {
        switch try disk(path) {
        case let .file(file): return file.snapshot()
        case .missing: return .missing(at: path)
        }
    }

    private enum Disk { case missing, file(Unhashed) }

    private static func disk(_ path: String) throws(SaveError) -> Disk {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)  // a FIFO must not block
        guard fd >= 0 else {
            let e = errno
            if e == ENOENT { return .missing }
            if e == EISDIR { throw SaveError.notAFile(path: path, kind: "a directory") }
            throw SaveError.unreadable(path: path, reason: String(cString: strerror(e)))
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            throw SaveError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        switch st.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw SaveError.notAFile(path: path, kind: "a directory")
        default: throw SaveError.notAFile(path: path, kind: "not a regular file")
        }
        let (bytes, failure) = FileBytes.readAll(fd, expected: Int(st.st_size))
        if failure != 0 { throw SaveError.unreadable(path: path, reason: String(cString: strerror(failure))) }
        return .file(Unhashed(path: path, bytes: bytes, stat: st))
    }

    /// Whether `other` holds the same content (or both are missing); times do not count.
    public func sameContent(as other: FileSnapshot) -> Bool {
        exists == other.exists && size == other.size && contentHash == other.contentHash
    }

    /// Throws unless the file at ``path`` still holds what this snapshot recorded: ``SaveError/changed(path:modified:linesDiffering:)``,
    /// ``SaveError/deleted(path:)``, ``SaveError/appeared(path:modified:)`` or ``SaveError/notAFile(path:kind:)``.
    /// Reads and hashes the whole file.
    public func check() throws(SaveError) {
        let now = try FileSnapshot.current(path)
        if sameContent(as: now) { return }
        if !now.exists { throw SaveError.deleted(path: path) }
        if !exists { throw SaveError.appeared(path: path, modified: now.modified) }
        throw SaveError.changed(
            path: path, modified: now.modified, linesDiffering: LineDiff.changedLines(lineHashes, now.lineHashes))
    }

    /// Whether `stat` finds the file as recorded (same device, inode, size and modification time; or
    /// still missing). Cheap, for a check at every prompt; a save still reads the content.
    public var looksUnchanged: Bool {
        var st = stat()
        guard statPath(path, &st) == 0 else { return !exists && errno == ENOENT }
        guard exists, let stamp else { return false }
        return Stamp(st) == stamp
    }

    /// Throws ``SaveError/readOnly(path:)`` if the file at `path` exists and must not be written: no
    /// write bit at all in its mode (as after `chmod a-w`; root is stopped too, as by an editor), or
    /// `access` denies writing.
    public static func checkWritable(_ path: String) throws(SaveError) {
        var st = stat()
        guard statPath(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return }
        if st.st_mode & 0o222 == 0 || access(path, W_OK) != 0 { throw SaveError.readOnly(path: path) }
    }
}

/// `stat(2)` (inside ``FileSnapshot`` the name means the type).
private func statPath(_ path: String, _ st: inout stat) -> Int32 { stat(path, &st) }

/// A 64-bit non-cryptographic hash of file content, 8 bytes a step, line by line: it tells whether a
/// file changed (not whether someone forged a change) and how many lines did.
public enum ContentHash {
    /// The hash of each line of `bytes` (the pieces between newlines, the last one possibly empty), cut to its upper
    /// 32 bits, and of the whole text (the full 64-bit line hashes folded in order). The cut hashes only count changed
    /// lines for a message, where a collision once in 2^32 comparisons would miscount one line; whether the file
    /// changed at all is the 64-bit content hash's to say. At 4 bytes a line, a file of 5·10^6 lines keeps 19 MB.
    public static func hashes(_ bytes: UnsafeRawBufferPointer) -> (lines: [UInt32], content: UInt64) {
        var lines: [UInt32] = []
        var content: UInt64 = 0x1319_8A2E_0370_7344
        func add(_ l: UInt64) {
            lines.append(UInt32(truncatingIfNeeded: l >> 32))
            content = step(content, l)
        }
        if let base = bytes.baseAddress {
            var start = 0
            let count = bytes.count
            while start <= count {
                let rest = count - start
                let nl = rest > 0 ? memchr(base + start, 0x0A, rest) : nil
                let end = nl.map { UnsafeRawPointer($0) - base } ?? count
                add(line(UnsafeRawBufferPointer(start: base + start, count: end - start)))
                start = end + 1
            }
        } else {
            add(line(UnsafeRawBufferPointer(start: nil, count: 0)))
        }
        return (lines, finish(step(content, UInt64(lines.count))))
    }

    /// The hash of one line's bytes.
    public static func line(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0x243F_6A88_85A3_08D3 ^ (UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15)
        guard let base = bytes.baseAddress else { return finish(h) }
        var i = 0
        while i + 8 <= bytes.count {
            h = step(h, base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        if i < bytes.count {
            var tail: UInt64 = 0
            for j in i..<bytes.count {
                tail |= UInt64(base.load(fromByteOffset: j, as: UInt8.self)) << (8 * UInt64(j - i))
            }
            h = step(h, tail)
        }
        return finish(h)
    }

    @inline(__always) static func step(_ h: UInt64, _ w: UInt64) -> UInt64 {
        var x = (h ^ w) &* 0xBF58_476D_1CE4_E5B9
        x ^= x >> 31
        return (x << 27 | x >> 37) &* 0x94D0_49BB_1331_11EB
    }

    /// The SplitMix64 finaliser: every input bit reaches every output bit.
    @inline(__always) static func finish(_ h: UInt64) -> UInt64 {
        var z = h
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
