import ArgumentParser
import ArgumentGraph
import Foundation

/// `argraph convert FILE --to FORMAT [-o OUT]`: converts a graph between formats.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a graph to another format.",
        discussion: "Formats: \(GraphFormat.allCases.map(\.rawValue).joined(separator: ", ")). The input format is guessed from the extension unless --from is given; the output format from --to or from the extension of -o.")

    @Argument(help: "The graph file to read.", completion: .file())
    var file: String

    @Option(help: "The input format.")
    var from: GraphFormat?

    @Option(help: "The output format.")
    var to: GraphFormat?

    @Option(name: .shortAndLong, help: "Write here (atomically) instead of standard output.", completion: .file())
    var output: String?

    func validate() throws {
        if let from, !from.isReadable {
            throw ValidationError("argraph writes \(from.rawValue) but cannot read it; read one of \(GraphFormat.readable.map(\.rawValue).joined(separator: ", "))")
        }
        if to == nil, output.flatMap(GraphFormat.infer(fromPath:)) == nil {
            throw ValidationError("name the output format with --to (\(GraphFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
    }

    func run() throws {
        let parsed = try CLI.load(file, format: from)
        CLI.report(Array(parsed.warnings), source: file)
        let format = to ?? output.flatMap(GraphFormat.infer(fromPath:))!
        let data = GraphFile.data(of: parsed.graph, as: format)
        if let output {
            do { try GraphFile.writeAtomically(data, to: output) } catch {
                CLI.report(error.diagnostics, source: nil)
                throw ExitCode(1)
            }
        } else {
            FileHandle.standardOutput.write(data)
            if data.last != UInt8(ascii: "\n") { print() }
        }
    }
}
