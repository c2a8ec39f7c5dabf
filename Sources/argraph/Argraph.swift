import ArgumentParser
import ArgumentGraph
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
        discussion: "With no subcommand, opens the interactive session on the given graphs (default: the bundled us-japan-alliance graph).",
        subcommands: [ReplCommand.self, CheckCommand.self, FmtCommand.self, ConvertCommand.self, VerifyCommand.self, SolveCommand.self,
                      ExportCommand.self, RenderCommand.self, CompareCommand.self,
                      GenerateCommand.self],
        defaultSubcommand: ReplCommand.self
    )
}

/// Helpers shared by the subcommands.
enum CLI {
    /// Writes diagnostics to standard error, with source lines and carets where the source is known.
    static func report(_ diagnostics: [Diagnostic], source path: String?) {
        // Only the lines the diagnostics point at are kept, so that 50 warnings about a 150 MB file cost little.
        let renderer = path.map { DiagnosticRenderer(path: $0, lines: diagnostics.compactMap { $0.location?.line }) }
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

    /// Reads a graph file or exits with its diagnostics on standard error.
    static func load(_ path: String, format: GraphFormat? = nil) throws -> ParsedGraph {
        do {
            return try GraphFile.read(path: path, format: format)
        } catch {
            report(error.diagnostics, source: path)
            let n = error.errors.count
            printError("\(path): \(n) error\(n == 1 ? "" : "s")")
            throw ExitCode(1)
        }
    }
}

extension GraphFormat: ExpressibleByArgument {}
