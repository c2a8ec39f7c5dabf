import ArgumentParser
import ArgumentGraph
import Foundation

/// `argraph convert FILE --to FORMAT [-o OUT]`: converts a graph between formats.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a graph to another format.",
        discussion:
            "Formats: \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")) (svg, png and pdf need Graphviz; html is one page to open in a browser). The input format is guessed from the extension unless --from is given; the output format from --to or from the extension of -o."
    )

    @Argument(help: "The graph file to read.", completion: .file())
    var file: String

    @Option(help: "The input format.")
    var from: GraphFormat?

    @Option(help: "The output format.")
    var to: ExportFormat?

    @Option(name: .shortAndLong, help: "Write here (atomically) instead of standard output.", completion: .file())
    var output: String?

    func validate() throws {
        if let from, !from.isReadable {
            throw ValidationError(
                "argraph writes \(from.rawValue) but cannot read it; read one of \(GraphFormat.readable.map(\.rawValue).joined(separator: ", "))"
            )
        }
        if to == nil, output.flatMap(ExportFormat.infer(fromPath:)) == nil {
            throw ValidationError(
                "name the output format with --to (\(ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
    }

    func run() throws {
        let parsed = try CLI.load(file, format: from, declarations: false)
        CLI.report(Array(parsed.warnings), source: file)
        let format = to ?? output.flatMap(ExportFormat.infer(fromPath:))!
        let data: Data
        do {
            data = try GraphExport.data(of: parsed.graph, as: format)
            CLI.report(GraphExport.warnings(of: parsed.graph, as: format), source: nil)
        } catch {
            CLI.report(error.diagnostics, source: nil)
            throw ExitCode(1)
        }
        try CLI.emit(data, to: output, binary: format.isBinary)
    }
}
