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

    /// The usual file extensions, without the dot.
    public var extensions: [String] {
        switch self {
        case .arg: ["arg"]
        case .json: ["json"]
        case .aif: ["aif"]
        case .argdown: ["argdown", "ad"]
        case .graphml: ["graphml"]
        case .dot: ["dot", "gv"]
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
        }
    }

    /// Writes `data` to `path` atomically: a temporary file in the same folder, flushed, then renamed over the target.
    ///
    /// On any failure the old file is left as it was and the error says why.
    public static func writeAtomically(_ data: Data, to path: String) throws(DiagnosticError) {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
            throw DiagnosticError([Diagnostic(.error, "cannot save to '\(path)': it is a directory")])
        }
        let tmp = dir + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else {
            throw DiagnosticError([Diagnostic(.error, "cannot save to '\(path)': \(String(cString: strerror(errno)))")])
        }
        var failure: String?
        data.withUnsafeBytes { (buf: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buf.count {
                let n = Foundation.write(fd, buf.baseAddress! + offset, buf.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += n
            }
        }
        if failure == nil, fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        if close(fd) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        if failure == nil, rename(tmp, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(tmp)
            throw DiagnosticError([Diagnostic(.error, "cannot save to '\(path)': \(failure); the old file is unchanged")])
        }
    }
}
