import ArgumentParser
import ArgumentGraph

/// `argraph check FILE...`: reads each graph and reports every error and warning.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check graph files: report every error and warning with its line and column.")

    @Argument(help: "The graph files to check.", completion: .file())
    var files: [String]

    @Option(help: "Read the files in this format instead of guessing from the extension.")
    var format: GraphFormat?

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(name: .shortAndLong, help: "Print nothing for files that pass.")
    var quiet = false

    @Option(help: "Print at most this many warnings per file (0: all).")
    var maxWarnings = 50

    func run() throws {
        var failed = false
        for file in files {
            do {
                let parsed = try GraphFile.read(path: file, format: format, declarations: false)
                let shown = maxWarnings > 0 ? Array(parsed.warnings.prefix(maxWarnings)) : Array(parsed.warnings)
                CLI.report(shown, source: file)
                if shown.count < parsed.warnings.count {
                    CLI.printError(
                        "\(file): \(parsed.warnings.count - shown.count) more warnings not shown (--max-warnings 0 shows all)"
                    )
                }
                let g = parsed.graph
                if !quiet {
                    print(
                        "\(file): ok: "
                            + [
                                (g.claims.count, "claim"), (g.actors.count, "actor"), (g.documents.count, "document"),
                                (g.stances.count, "stance"), (g.supportCount, "support"), (g.attackCount, "attack"),
                                (g.undercutCount, "undercut"),
                            ].map(NumberText.counted).joined(separator: ", ")
                            + "; \(NumberText.counted(parsed.warnings.count, "warning"))"
                    )
                }
                if strict, !parsed.warnings.isEmpty { failed = true }
                // The last file's graph is left for the process's exit to free, all at once: freeing a graph of
                // 10^6 claims piece by piece takes about a tenth of its reading.
                if file == files.last { _ = Unmanaged.passRetained(Kept(parsed)) }
            } catch {
                CLI.report(error.diagnostics, source: file)
                let n = error.errors.count
                CLI.printError("\(file): \(NumberText.counted(n, "error"))")
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
    }
}

/// A graph kept alive until the process exits (see ``CheckCommand/run()``).
private final class Kept {
    let parsed: ParsedGraph
    init(_ parsed: ParsedGraph) { self.parsed = parsed }
}
