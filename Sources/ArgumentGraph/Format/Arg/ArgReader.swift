import ArgumentGraphModel
import Foundation

/// Reads the `.arg` format (see `docs/format.md`), reporting every error with its line and column.
///
/// The reader works on bytes, line by line, with no recursion, so any input — binary data, a
/// 10 MB line, a million relations — gives a graph or diagnostics in time linear in its size.
public struct ArgReader {
    /// The most errors reported before the reader stops collecting.
    public static let errorLimit = 100

    /// Reads a file from disk; the path names the file in diagnostics. Without `declarations`, the result has none
    /// (``ParsedGraph/declarations`` is empty): less memory for a reader that will not save the file with its comments.
    public static func read(contentsOf path: String, declarations: Bool = true) throws(DiagnosticError) -> ParsedGraph {
        try read(fileBytes: try FileBytes.read(path), path: path, declarations: declarations)
    }

    /// Reads `bytes`, just read from the file at `path`, letting them go as it reads when that is a regular file (every
    /// 8 MB, the pages before the declaration being read): handed over, they are freed before the graph's indexes are
    /// built, and an error is placed from the file read again. A caller that still holds the same array gets a copy
    /// parsed instead of its bytes let go.
    public static func read(
        fileBytes bytes: consuming [UInt8], path: String, declarations: Bool
    ) throws(DiagnosticError) -> ParsedGraph {
        var own = consume bytes
        own.withUnsafeMutableBufferPointer { _ in }  // its own buffer, were the caller's still shared
        var parser = ArgParser(bytes: own, file: path)
        own = []
        parser.keepsDeclarations = declarations
        // Only a regular file's: a pipe could not be read again, and a FIFO would wait for a writer.
        if FileBytes.isRegularFile(path) { parser.release = .init(every: 8 << 20) }
        return try read(&parser) { try? FileBytes.read(path) }
    }

    /// Reads `.arg` text.
    public static func read(_ text: String, file: String = "<input>") throws(DiagnosticError) -> ParsedGraph {
        try read(Array(text.utf8), file: file)
    }

    /// Reads `.arg` bytes.
    public static func read(_ bytes: [UInt8], file: String = "<input>") throws(DiagnosticError) -> ParsedGraph {
        try read(bytes, file: file, fastPaths: true)
    }

    /// Reads `.arg` bytes, with the parser's fast paths for common lines on or off (the same result either way), and
    /// with or without the declarations.
    /// With `releaseEvery`, the parser lets the bytes go as it reads (on a copy of them), poisoning them so that any
    /// later read of them would show; diagnostics are then placed from `bytes`, as from the file.
    package static func read(
        _ bytes: [UInt8], file: String, fastPaths: Bool, declarations: Bool = true, releaseEvery: Int? = nil
    ) throws(DiagnosticError) -> ParsedGraph {
        var own = bytes
        if releaseEvery != nil { own.withUnsafeMutableBufferPointer { _ in } }  // a copy of its own, to poison
        var parser = ArgParser(bytes: own, file: file)
        parser.fastPaths = fastPaths
        parser.keepsDeclarations = declarations
        parser.release = releaseEvery.map { .init(every: $0, poison: 0xFF) }
        return try read(&parser) { bytes }
    }

    /// Reads with `parser`; `reload` gives the bytes again, to place an error once the parser has let them go.
    private static func read(
        _ parser: inout ArgParser, reload: @escaping () -> [UInt8]? = { nil }
    ) throws(DiagnosticError) -> ParsedGraph {
        let file = parser.file
        let locator = SourceLocator(bytes: parser.bytes, file: file)
        parser.parse(parser.bytes)
        parser.indexAndResolve(final: true)
        if parser.releasedUpTo > 0 { locator.reload(reload) }
        parser.bytes = []  // the locator keeps them while diagnostics may need them
        var diagnostics = parser.diagnostics
        if parser.errorCount >= errorLimit {
            diagnostics.append(Diagnostic(.note, "too many errors; stopped after \(errorLimit)"))
            throw DiagnosticError(diagnostics)
        }
        let built: (graph: Graph, lint: [UInt32])
        // The claims' places for the warnings, before the indexes are built; then the bytes are let go.
        var lines: [Int32] = [], columns: [Int32] = []
        let claimLines = parser.claimLines, claimColumns = parser.claimColumns, parseErrors = parser.errorCount
        parser.claimLines = []
        parser.claimColumns = []
        do {
            built = try parser.assembly.assemble(errorLimit: errorLimit, lint: true, locate: locator.locate) { lint in
                // The claims' places, kept as they were read.
                lines = lint.map { claimLines[Int($0 >> 1)] }
                columns = lint.map { claimColumns[Int($0 >> 1)] }
                if parseErrors == 0 { locator.release() }
            }
        } catch {
            let all = (diagnostics + error.diagnostics).enumerated().sorted { a, b in
                let la = a.element.location?.line ?? Int.max, lb = b.element.location?.line ?? Int.max
                return la != lb ? la < lb : a.offset < b.offset
            }.map(\.element)
            throw DiagnosticError(Array(all.prefix(errorLimit)))
        }
        if parser.errorCount > 0 { throw DiagnosticError(diagnostics) }
        let warnings = ParsedGraph.Warnings(
            claims: built.graph.claims, records: built.lint, lines: lines, columns: columns, file: file, given: [])
        return ParsedGraph(
            graph: built.graph, warnings: warnings, declarations: parser.keepsDeclarations ? parser.spans : [])
    }
}
