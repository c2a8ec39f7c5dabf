import ArgumentParser
import ArgraphLSP
import Foundation

/// `argraph lsp`: the language server for `.arg` files, on standard input and output.
struct LSPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Run the language server for .arg files (LSP 3.17 over standard input and output).",
        discussion: "Editors start it; see docs/editors.md. Quotes are checked against the documents' source files, "
            + "looked up in --sources (as given, then relative to the graph file), $ARGRAPH_SOURCES, the graph file's folder, or its sources/ subfolder."
    )

    @Option(
        help: "The folder holding the documents' source files, as `verify --sources` takes it.", completion: .directory)
    var sources: String?

    func run() throws {
        let code = ServerLoop.runOnStandardStreams(LanguageServer(options: .init(sources: sources)))
        throw ExitCode(code)
    }
}
