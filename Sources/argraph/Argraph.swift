import ArgumentParser
import ArgumentGraph
import ArgraphREPL
import Foundation

/// The program's entry: `argraph solve` as ICCMA harnesses call it takes ``SolveFastPath``; everything else the
/// full command tree.
@main
enum ArgraphMain {
    static func main() {
        if SolveFastPath.run(CommandLine.arguments) { return }
        Argraph.main()
    }
}

/// The `argraph` command: subcommands for files, and the REPL when none is named.
struct Argraph: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "argraph",
        abstract: "Analyse arguments as graphs: claims, evidence, who holds what, and what survives.",
        discussion:
            "With no subcommand, opens the interactive session on the given graphs (default: the bundled us-japan-alliance graph).",
        subcommands: [
            ReplCommand.self, CheckCommand.self, FmtCommand.self, ConvertCommand.self, VerifyCommand.self,
            SolveCommand.self,
            ExportCommand.self, RenderCommand.self, CompareCommand.self, QuoteCommand.self, CoverageCommand.self,
            SimilarCommand.self,
            GenerateCommand.self, LSPCommand.self,
        ],
        defaultSubcommand: ReplCommand.self
    )
}

/// Helpers shared by the subcommands.
enum CLI {
    /// Writes diagnostics to standard error, with source lines and carets where the source is known.
    static func report(_ diagnostics: [Diagnostic], source path: String?) {
        // Only the lines the diagnostics point at are kept, so that 50 warnings about a 150 MB file cost little.
        let renderer =
            path.map { DiagnosticRenderer(path: $0, lines: diagnostics.compactMap { $0.location?.line }) }
            ?? DiagnosticRenderer(source: nil)
        for d in diagnostics { printError(renderer.render(d)) }
    }

    /// The process's CPU time so far (user + system), in seconds.
    static func cpuSeconds() -> Double {
        var u = rusage()
        #if os(Linux)
            getrusage(RUSAGE_SELF.rawValue, &u)
        #else
            getrusage(RUSAGE_SELF, &u)
        #endif
        return Double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + Double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6
    }

    /// Prints a line to standard error.
    static func printError(_ s: String) {
        FileHandle.standardError.write(Data((s + "\n").utf8))
    }

    /// Reads a graph file or exits with its diagnostics on standard error. A command that never rewrites the file nor
    /// points into it (only its graph and warnings) passes `declarations: false`: less memory for a large `.arg` file.
    static func load(_ path: String, format: GraphFormat? = nil, declarations: Bool = true) throws -> ParsedGraph {
        try load(path) { () throws(DiagnosticError) in
            try GraphFile.read(path: path, format: format, declarations: declarations)
        }
    }

    /// Runs `read` on a graph file or exits with its diagnostics on standard error.
    static func load<T>(_ path: String, _ read: () throws(DiagnosticError) -> T) throws -> T {
        do {
            return try read()
        } catch {
            report(error.diagnostics, source: path)
            let n = error.errors.count
            printError("\(path): \(NumberText.counted(n, "error"))")
            throw ExitCode(1)
        }
    }
}

extension GraphFormat: ExpressibleByArgument {}

extension CLI {
    /// The sources of a graph's documents, from `--sources` or the places ``SourceLibrary/locate`` tries;
    /// exits with an error naming the places tried when there are none.
    static func sourceLibrary(explicit: String?, graphFile: String?, graph: Graph) throws -> SourceLibrary {
        let (dir, tried) = SourceLibrary.locate(explicit: explicit, graphFile: graphFile, graph: graph)
        guard let dir else {
            printError(
                "error: no folder holds the documents' source files (looked in \(tried.isEmpty ? "none" : tried.joined(separator: ", ")))"
            )
            printError("  hint: give --sources DIR, or set ARGRAPH_SOURCES")
            throw ExitCode(1)
        }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
            printError("error: --sources: no folder '\(dir)'")
            throw ExitCode(1)
        }
        return SourceLibrary(graph: graph, directory: dir)
    }

    /// Colour for standard output (or standard error) when it is a terminal and NO_COLOR is not set.
    static func style(forStandardError: Bool = false) -> Style {
        .detect(isTerminal: isatty(forStandardError ? 2 : 1) != 0, environment: ProcessInfo.processInfo.environment)
    }

    /// The terminal's width, or 100.
    static var width: Int {
        var w = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &w) == 0, w.ws_col > 20 { return Int(w.ws_col) }
        return 100
    }
}
