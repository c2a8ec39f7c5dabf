import ArgumentParser
import ArgumentGraph
import Foundation

/// `argraph fmt FILE`: prints the canonical `.arg` form.
struct FmtCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Print a graph in the canonical .arg form.")

    @Argument(help: "The graph file.", completion: .file())
    var file: String

    @Flag(name: .shortAndLong, help: "Rewrite the file in place (atomically) instead of printing.")
    var inPlace = false

    func run() throws {
        let parsed = try CLI.load(file)
        let text = ArgWriter.write(parsed.graph)
        if inPlace {
            do { try GraphFile.writeAtomically(Data(text.utf8), to: file) } catch {
                CLI.report(error.diagnostics, source: nil)
                throw ExitCode(1)
            }
        } else {
            print(text, terminator: "")
        }
    }
}
