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
    /// Reads a file, in the given format or the one its extension names.
    public static func read(path: String, format: GraphFormat? = nil) throws(DiagnosticError) -> ParsedGraph {
        let inferred = format == nil
        guard let format = format ?? GraphFormat.infer(fromPath: path) else {
            throw DiagnosticError([Diagnostic(.error, "cannot tell the format of '\(path)' from its extension",
                                              hint: "name it with --format (\(GraphFormat.allCases.map(\.rawValue).joined(separator: ", ")))")])
        }
        switch format {
        case .arg:
            return try ArgReader.read(contentsOf: path)
        case .json, .aif:
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
                throw DiagnosticError([Diagnostic(.error, "cannot read '\(path)': \(FileError.describe(error))")])
            }
            // `.json` is shared by the native form and AIF: AIF has top-level `nodes` and `edges`.
            if format == .aif || (inferred && AIFReader.looksLikeAIF(data)) {
                return try AIFReader.read(data, file: path)
            }
            return ParsedGraph(graph: try GraphJSON.decode(data, file: path), warnings: [], declarations: [])
        case .argdown:
            return try ArgdownReader.read(contentsOf: path)
        case .i23, .apx, .tgf:
            let iccma = ICCMAFormat(rawValue: format.rawValue) ?? .i23
            return try GraphFile.graph(from: ICCMAReader.read(path: path, format: iccma), file: path)
        case .graphml, .dot:
            throw DiagnosticError([Diagnostic(.error, "argraph writes \(format.rawValue) but cannot read it",
                                              hint: "read one of \(GraphFormat.readable.map(\.rawValue).joined(separator: ", "))")])
        }
    }

    /// The bytes of `graph` in `format`.
    public static func data(of graph: Graph, as format: GraphFormat) -> Data {
        switch format {
        case .arg: Data(ArgWriter.write(graph).utf8)
        case .json: GraphJSON.encode(graph)
        case .aif: AIFWriter.write(graph)
        case .argdown: Data(ArgdownWriter.write(graph).utf8)
        case .graphml: Data(GraphMLWriter.write(graph).utf8)
        case .dot: Data(DOTExporter.write(graph).utf8)
        case .i23: Data(ICCMAWriter.write(graph, format: .i23).utf8)
        case .apx: Data(ICCMAWriter.write(graph, format: .apx).utf8)
        case .tgf: Data(ICCMAWriter.write(graph, format: .tgf).utf8)
        }
    }

    /// A graph of an abstract framework: one claim per argument (id: its name when that is a valid
    /// id, else a slug of it; text: `Argument NAME`), one attack per attack. Self-attacks have no
    /// argraph form and are dropped with a warning.
    public static func graph(from iccma: ICCMAFramework, file: String = "<input>") throws(DiagnosticError) -> ParsedGraph {
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
                    warnings.append(Diagnostic(.warning, "argument '\(claimIDs[a])' attacks itself; argraph relations cannot, so this attack is dropped", at: SourceLocation(file: file, line: 1, column: 1)))
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
