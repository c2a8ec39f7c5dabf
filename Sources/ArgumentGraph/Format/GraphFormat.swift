import ArgumentGraphModel
import Foundation

/// A file format argraph reads or writes, chosen by flag or by file extension.
public enum GraphFormat: String, Sendable, CaseIterable, CustomStringConvertible {
    /// The native text format (`docs/format.md`).
    case arg
    /// The native, lossless JSON form.
    case json
    /// AIF JSON, the node sets of AIFdb and OVA (read and write).
    case aif
    /// Argdown, the common subset (read and write).
    case argdown
    /// GraphML for Gephi, yEd and Neo4j (write only).
    case graphml
    /// Graphviz DOT (write only).
    case dot
    /// ICCMA 2023 abstract framework (`p af N`): the attack graph only.
    case i23
    /// Aspartix facts (`arg(a).`, `att(a,b).`): the attack graph only.
    case apx
    /// Trivial Graph Format as used by ICCMA: the attack graph only.
    case tgf

    /// The usual file extensions, without the dot.
    public var extensions: [String] {
        switch self {
        case .arg: ["arg"]
        case .json: ["json"]
        case .aif: ["aif"]
        case .argdown: ["argdown", "ad"]
        case .graphml: ["graphml"]
        case .dot: ["dot", "gv"]
        case .i23: ["i23", "af"]
        case .apx: ["apx"]
        case .tgf: ["tgf"]
        }
    }

    /// Whether argraph can read this format (GraphML and DOT are written only).
    public var isReadable: Bool {
        switch self {
        case .graphml, .dot: false
        default: true
        }
    }

    /// The formats argraph can read.
    public static var readable: [GraphFormat] { allCases.filter(\.isReadable) }

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
    /// Reads a file, in the given format or the one its extension names. Without `declarations`, an `.arg` file's
    /// declarations are not kept (see ``ArgReader/read(contentsOf:declarations:)``).
    public static func read(
        path: String, format: GraphFormat? = nil, declarations: Bool = true
    ) throws(DiagnosticError) -> ParsedGraph {
        let inferred = format == nil
        guard let format = format ?? GraphFormat.infer(fromPath: path) else {
            throw DiagnosticError([
                Diagnostic(
                    .error, "cannot tell the format of '\(path)' from its extension",
                    hint: "name it with --format (\(GraphFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
            ])
        }
        switch format {
        case .arg:
            return try ArgReader.read(contentsOf: path, declarations: declarations)
        case .json, .aif:
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
                throw DiagnosticError([Diagnostic(.error, "cannot read '\(path)': \(FileError.describe(error))")])
            }
            // `.json` is shared by the native form and AIF: AIF has top-level `nodes` and `edges`.
            if format == .aif || (inferred && AIFReader.looksLikeAIF(data)) {
                return try AIFReader.read(data, file: path)
            }
            let graph = try GraphJSON.decode(data, file: path)
            return ParsedGraph(graph: graph, warnings: [], declarations: [])
        case .argdown:
            return try ArgdownReader.read(contentsOf: path)
        case .i23, .apx, .tgf:
            let iccma = ICCMAFormat(rawValue: format.rawValue) ?? .i23
            return try GraphFile.graph(from: ICCMAReader.read(path: path, format: iccma), file: path)
        case .graphml, .dot:
            throw DiagnosticError([
                Diagnostic(
                    .error, "argraph writes \(format.rawValue) but cannot read it",
                    hint: "read one of \(GraphFormat.readable.map(\.rawValue).joined(separator: ", "))")
            ])
        }
    }

    /// A graph of an abstract framework: one claim per argument (id: its name when that is a valid
    /// id, else a slug of it; text: `Argument NAME`), one attack per attack. Self-attacks have no
    /// argraph form and are dropped with a warning.
    public static func graph(from iccma: ICCMAFramework, file: String = "<input>") throws(DiagnosticError)
        -> ParsedGraph
    {
        var b = GraphBuilder()
        b.lint = false
        b.name = IDMaker.slugify(URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent).nilIfEmpty
        var ids = IDMaker()
        let af = iccma.framework
        var claimIDs: [String] = []
        claimIDs.reserveCapacity(af.count)
        for a in 0..<af.count {
            let name = a < iccma.names.count ? iccma.names[a] : String(a + 1)
            let id = ids.make(Slug.isValid(name) ? name : "a" + name, fallback: "a\(a + 1)")
            claimIDs.append(id)
            b.add(Claim(id: id, text: "Argument " + name))
        }
        var warnings: [Diagnostic] = []
        for a in 0..<af.count {
            for t in af.attacked[a] {
                if Int(t) == a {
                    warnings.append(
                        Diagnostic(
                            .warning,
                            "argument '\(claimIDs[a])' attacks itself; argraph relations cannot, so this attack is dropped",
                            at: SourceLocation(file: file, line: 1, column: 1)))
                    continue
                }
                b.add(GraphBuilder.RelationDraft(kind: .attack, source: claimIDs[a], target: .claim(claimIDs[Int(t)])))
            }
        }
        let built = try b.build()
        return ParsedGraph(graph: built.graph, warnings: warnings + built.warnings, declarations: [])
    }

    /// Writes `data` to `path` atomically: a temporary file in the same folder, flushed, then renamed over the target.
    ///
    /// On any failure the old file is left as it was and the error says why.
    public static func writeAtomically(_ data: Data, to path: String) throws(DiagnosticError) {
        try writeAtomically(data, to: path, calls: .system)
    }

    /// ``writeAtomically(_:to:)`` of a text's UTF-8, read in place rather than copied into a `Data` first (a recovery
    /// file of a graph of 10^6 claims would be held twice, 156 MB more).
    public static func writeAtomically(text: String, to path: String) throws(DiagnosticError) {
        var text = text
        let written = text.withUTF8 { buffer -> Result<Void, DiagnosticError> in
            let data =
                buffer.baseAddress.map {
                    Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: $0), count: buffer.count, deallocator: .none)
                } ?? Data()
            do throws(DiagnosticError) {
                try writeAtomically(data, to: path)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try written.get()
    }

    /// `writeAtomically` with the system calls it makes given, so that tests can inject faults.
    static func writeAtomically(_ data: Data, to path: String, calls: AtomicWriteCalls) throws(DiagnosticError) {
        do { _ = try replace(path, with: data, calls: calls, expecting: nil, force: true) } catch {
            throw DiagnosticError([error.diagnostic])
        }
    }

    /// Writes `data` over `path` atomically; with `expecting` (and not `force`), only if the file is
    /// still as that snapshot recorded and writable, checked after the data is on disk and just
    /// before the rename. Returns the snapshot of what was written.
    ///
    /// argraph processes saving one file take an exclusive `flock` on it around the check and the
    /// rename, so two of them cannot both pass the check; another program can still write in the
    /// microseconds between the check and the rename. A file expected missing is put in place with
    /// `link`, which fails if one appeared meanwhile.
    static func replace(
        _ path: String, with data: Data, calls: AtomicWriteCalls, expecting: FileSnapshot?,
        force: Bool
    ) throws(SaveError) -> FileSnapshot {
        // Save through a symbolic link to the file it names, so that the link stays a link.
        let target =
            FileManager.default.fileExists(atPath: path)
            ? URL(fileURLWithPath: path).resolvingSymlinksInPath().path : path
        let url = URL(fileURLWithPath: target)
        let dir = url.deletingLastPathComponent().path
        var existing = stat()
        if stat(target, &existing) == 0 {
            switch existing.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFDIR: throw SaveError.notAFile(path: path, kind: "a directory")
            // A device (/dev/null, /dev/stdout), a pipe or a socket: there is no file to replace, and a
            // rename would put a plain file in its place (as root, even over /dev/null). An output (no
            // snapshot expected) is written into it; a graph saved over what it was read from is refused.
            default:
                guard expecting == nil else { throw SaveError.notAFile(path: path, kind: "not a regular file") }
                return try writeThrough(data, to: target, path: path, calls: calls)
            }
        }
        let tmp = dir + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = calls.open(tmp)
        guard fd >= 0 else {
            throw SaveError.writeFailed(path: path, reason: String(cString: strerror(errno)), unchanged: false)
        }
        // Keep the old file's permissions (a private 0600 file stays private).
        var old = stat()
        if stat(target, &old) == 0 { _ = fchmod(fd, old.st_mode & 0o7777) }
        var failure = writeAll(data, to: fd, calls: calls)
        if failure == nil, calls.fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        var written = stat()
        if failure == nil, fstat(fd, &written) != 0 { failure = String(cString: strerror(errno)) }
        if calls.close(fd) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        var lock: Int32 = -1
        defer { if lock >= 0 { close(lock) } }
        if failure == nil, let expecting, !force {
            lock = open(target, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
            if lock >= 0 { while flock(lock, LOCK_EX) != 0 && errno == EINTR {} }
            do {
                try expecting.check()
                try FileSnapshot.checkWritable(target)
            } catch {
                unlink(tmp)
                throw error
            }
        }
        if failure == nil {
            var linked = false
            if let expecting, !expecting.exists, !force {
                if link(tmp, target) == 0 {
                    linked = true
                    unlink(tmp)
                } else if errno == EEXIST {
                    unlink(tmp)
                    throw SaveError.appeared(path: path, modified: (try? FileSnapshot.current(target))?.modified)
                }
                // Other failures (a file system without hard links): rename, after the check above.
            }
            if !linked, calls.rename(tmp, target) != 0 { failure = String(cString: strerror(errno)) }
        }
        if let failure {
            unlink(tmp)
            throw SaveError.writeFailed(path: path, reason: failure, unchanged: true)
        }
        // Make the rename itself durable; the new file is complete either way.
        let dirfd = open(dir.isEmpty ? "." : dir, O_RDONLY)
        if dirfd >= 0 { _ = fsync(dirfd); _ = close(dirfd) }
        return data.withUnsafeBytes { FileSnapshot(path: path, bytes: $0, stat: written) }
    }
}

extension GraphFile {
    /// Writes all of `data` to `fd`, going on after an interrupted or short write; nil, or why it failed.
    static func writeAll(_ data: Data, to fd: Int32, calls: AtomicWriteCalls) -> String? {
        data.withUnsafeBytes { (buf: UnsafeRawBufferPointer) -> String? in
            var offset = 0
            while offset < buf.count {
                let n = calls.write(fd, buf.baseAddress! + offset, buf.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                if n == 0 { return "the system wrote no bytes (no progress)" }
                offset += n
            }
            return nil
        }
    }

    /// Writes `data` into an existing device, pipe or socket at `target`, as `cat > target` would; a pipe
    /// that no program reads is an error at once, not a wait.
    static func writeThrough(
        _ data: Data, to target: String, path: String,
        calls: AtomicWriteCalls
    ) throws(SaveError) -> FileSnapshot {
        let fd = Foundation.open(target, O_WRONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let reason = errno == ENXIO ? "it is a pipe that no program is reading" : String(cString: strerror(errno))
            throw SaveError.writeFailed(path: path, reason: reason, unchanged: true)
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        var failure = writeAll(data, to: fd, calls: calls)
        if calls.close(fd) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        if let failure { throw SaveError.writeFailed(path: path, reason: failure, unchanged: false) }
        return data.withUnsafeBytes { FileSnapshot(path: path, bytes: $0, stat: nil) }
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
