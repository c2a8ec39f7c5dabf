import Foundation

/// A file format argraph reads or writes, chosen by flag or by file extension.
public enum GraphFormat: String, Sendable, CaseIterable, CustomStringConvertible {
    /// The native text format (`docs/format.md`).
    case arg
    /// The native, lossless JSON form.
    case json

    /// The usual file extensions, without the dot.
    public var extensions: [String] {
        switch self {
        case .arg: ["arg"]
        case .json: ["json"]
        }
    }

    /// The format's name as typed on the command line.
    public var description: String { rawValue }

    /// The format a path's extension names, if any.
    public static func infer(fromPath path: String) -> GraphFormat? {
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        return allCases.first { $0.extensions.contains(ext) }
    }
}

/// Reading and writing graph files in any ``GraphFormat``.
public enum GraphFile {
    /// Reads a file, in the given format or the one its extension names.
    public static func read(path: String, format: GraphFormat? = nil) throws(DiagnosticError) -> ParsedGraph {
        guard let format = format ?? GraphFormat.infer(fromPath: path) else {
            throw DiagnosticError([Diagnostic(.error, "cannot tell the format of '\(path)' from its extension",
                                              hint: "name it with --format (\(GraphFormat.allCases.map(\.rawValue).joined(separator: ", ")))")])
        }
        switch format {
        case .arg:
            return try ArgReader.read(contentsOf: path)
        case .json:
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
                throw DiagnosticError([Diagnostic(.error, "cannot read '\(path)': \(FileError.describe(error))")])
            }
            return ParsedGraph(graph: try GraphJSON.decode(data, file: path), warnings: [], declarations: [])
        }
    }

    /// The bytes of `graph` in `format`.
    public static func data(of graph: Graph, as format: GraphFormat) -> Data {
        switch format {
        case .arg: Data(ArgWriter.write(graph).utf8)
        case .json: GraphJSON.encode(graph)
        }
    }

    /// Writes `data` to `path` atomically: a temporary file in the same folder, flushed, then renamed over the target.
    ///
    /// On any failure the old file is left as it was and the error says why.
    public static func writeAtomically(_ data: Data, to path: String) throws(DiagnosticError) {
        try writeAtomically(data, to: path, calls: .system)
    }

    /// `writeAtomically` with the system calls it makes given, so that tests can inject faults.
    static func writeAtomically(_ data: Data, to path: String, calls: AtomicWriteCalls) throws(DiagnosticError) {
        // Save through a symbolic link to the file it names, so that the link stays a link.
        let target = FileManager.default.fileExists(atPath: path) ? URL(fileURLWithPath: path).resolvingSymlinksInPath().path : path
        let url = URL(fileURLWithPath: target)
        let dir = url.deletingLastPathComponent().path
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: target, isDirectory: &isDir), isDir.boolValue {
            throw DiagnosticError([Diagnostic(.error, "cannot save to '\(path)': it is a directory")])
        }
        let tmp = dir + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = calls.open(tmp)
        guard fd >= 0 else {
            throw DiagnosticError([Diagnostic(.error, "cannot save to '\(path)': \(String(cString: strerror(errno)))")])
        }
        // Keep the old file's permissions (a private 0600 file stays private).
        var old = stat()
        if stat(target, &old) == 0 { _ = fchmod(fd, old.st_mode & 0o7777) }
        var failure: String?
        data.withUnsafeBytes { (buf: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buf.count {
                let n = calls.write(fd, buf.baseAddress! + offset, buf.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                if n == 0 {
                    failure = "the system wrote no bytes (no progress)"
                    return
                }
                offset += n
            }
        }
        if failure == nil, calls.fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        if calls.close(fd) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        if failure == nil, calls.rename(tmp, target) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(tmp)
            throw DiagnosticError([Diagnostic(.error, "cannot save to '\(path)': \(failure); the old file is unchanged")])
        }
        // Make the rename itself durable; the new file is complete either way.
        let dirfd = open(dir.isEmpty ? "." : dir, O_RDONLY)
        if dirfd >= 0 { _ = fsync(dirfd); _ = close(dirfd) }
    }
}

/// The system calls behind ``GraphFile/writeAtomically(_:to:)``; tests replace them to simulate faults.
struct AtomicWriteCalls: Sendable {
    /// Creates the temporary file; returns a descriptor or -1 with `errno` set.
    var open: @Sendable (String) -> Int32 = { Foundation.open($0, O_WRONLY | O_CREAT | O_EXCL, 0o644) }
    /// Writes bytes; returns the count written or -1 with `errno` set.
    var write: @Sendable (Int32, UnsafeRawPointer, Int) -> Int = { Foundation.write($0, $1, $2) }
    /// Flushes the file to disk.
    var fsync: @Sendable (Int32) -> Int32 = { Foundation.fsync($0) }
    /// Closes the file.
    var close: @Sendable (Int32) -> Int32 = { Foundation.close($0) }
    /// Renames the temporary file over the target.
    var rename: @Sendable (String, String) -> Int32 = { Foundation.rename($0, $1) }

    /// The real system calls.
    static let system = AtomicWriteCalls()
}
