import ArgumentParser
import ArgumentGraph

/// `argraph [FILE...]`: opens the interactive session (the default subcommand).
struct ReplCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "Open an interactive session on graphs (the default).")

    @Argument(help: "Graph files to open (default: the bundled us-japan-alliance graph).", completion: .file())
    var files: [String] = []

    func run() throws {
        let paths = files.isEmpty ? [BundledGraphs.defaultGraphPath()].compactMap { $0 } : files
        guard !paths.isEmpty else {
            CLI.printError("error: the bundled graph is missing; pass a graph file")
            throw ExitCode(1)
        }
        for path in paths {
            let g = try CLI.load(path).graph
            print("\(g.name ?? path): \(g.claims.count) claims, \(g.actors.count) actors, \(g.relations.count) relations")
        }
    }
}
