import ArgumentGraphModel
import Foundation

/// Reads the `.arg` format (see `docs/format.md`), reporting every error with its line and column.
///
/// The reader works on bytes, line by line, with no recursion, so any input — binary data, a
/// 10 MB line, a million relations — gives a graph or diagnostics in time linear in its size.
public struct ArgReader {
    /// The most errors reported before the reader stops collecting.
    public static let errorLimit = 100

    /// Reads a file from disk; the path names the file in diagnostics.
    public static func read(contentsOf path: String) throws(DiagnosticError) -> ParsedGraph {
        return try read(FileBytes.read(path), file: path)
    }

    /// Reads `.arg` text.
    public static func read(_ text: String, file: String = "<input>") throws(DiagnosticError) -> ParsedGraph {
        try read(Array(text.utf8), file: file)
    }

    /// Reads `.arg` bytes.
    public static func read(_ bytes: [UInt8], file: String = "<input>") throws(DiagnosticError) -> ParsedGraph {
        var parser = ArgParser(bytes: bytes, file: file)
        parser.parse()
        parser.resolveClaimReferences()
        var diagnostics = parser.diagnostics
        if parser.errorCount >= errorLimit {
            diagnostics.append(Diagnostic(.note, "too many errors; stopped after \(errorLimit)"))
            throw DiagnosticError(diagnostics)
        }
        let built: (graph: Graph, lint: [Int])
        let locator = SourceLocator(bytes: bytes, file: file)
        do {
            built = try parser.assembly.assemble(errorLimit: errorLimit, lint: true, locate: locator.locate)
        } catch {
            let all = (diagnostics + error.diagnostics).enumerated().sorted { a, b in
                let la = a.element.location?.line ?? Int.max, lb = b.element.location?.line ?? Int.max
                return la != lb ? la < lb : a.offset < b.offset
            }.map(\.element)
            throw DiagnosticError(Array(all.prefix(errorLimit)))
        }
        if parser.errorCount > 0 { throw DiagnosticError(diagnostics) }
        // The claims' places, found in one forward scan since the claims come in file order.
        var lines: [Int32] = [], columns: [Int32] = []
        lines.reserveCapacity(built.lint.count)
        columns.reserveCapacity(built.lint.count)
        for r in built.lint {
            let loc = locator.locate(parser.assembly.claimMarks[r >> 1])
            lines.append(Int32(clamping: loc?.line ?? 0))
            columns.append(Int32(clamping: loc?.column ?? 0))
        }
        let warnings = ParsedGraph.Warnings(
            claims: built.graph.claims, records: built.lint, lines: lines, columns: columns, file: file, given: [])
        return ParsedGraph(graph: built.graph, warnings: warnings, declarations: parser.spans)
    }
}
