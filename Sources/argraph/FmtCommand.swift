import ArgumentParser
import ArgumentGraph
import Foundation

/// `argraph fmt FILE`: prints the canonical `.arg` form, keeping the comments of an `.arg` file.
struct FmtCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Print a graph in the canonical .arg form (an .arg file keeps its comments).",
        discussion: """
            --locate also writes each quote's line location (`quote L12: ...`), found in the document's source text as \
            verify finds it, so that a reader can jump to it; a quote that already has a location keeps it, and one \
            that is not found word for word gets none (verify says why).

            Example: argraph fmt graphs/us-japan-alliance.arg --locate --sources ../shared/seeds -i
            """)

    @Argument(help: "The graph file.", completion: .file())
    var file: String

    @Flag(
        name: .shortAndLong,
        help:
            "Rewrite the file in place (atomically) instead of printing; refused if the file changed while it was read, or is read-only."
    )
    var inPlace = false

    @Flag(help: "Write each quote's line location from its source text (needs the sources).")
    var locate = false

    @Option(help: "The folder holding the documents' source files (for --locate).", completion: .directory)
    var sources: String?

    func run() throws {
        // What was there before reading: the rewrite refuses if the file changed meanwhile (or is read-only).
        let before = inPlace ? try? FileSnapshot.current(file) : nil
        let parsed = try CLI.load(file)
        var graph = parsed.graph
        if locate {
            let library = try CLI.sourceLibrary(explicit: sources, graphFile: file, graph: graph)
            let checks = QuoteChecker(library: library).check(graph)
            let (located, n) = QuoteFix.locating(checks, in: graph)
            graph = located
            let missed = checks.count { !$0.isVerified }
            CLI.printError(
                "located \(NumberText.counted(n, "quote"))"
                    + (missed > 0 ? "; \(missed) not found word for word (see argraph verify)" : ""))
        } else if sources != nil {
            throw ValidationError("--sources is used with --locate")
        }
        // Declarations are known only for .arg text, whose comments are then kept.
        let source = parsed.declarations.isEmpty ? nil : try? String(contentsOfFile: file, encoding: .utf8)
        let text = source.map { ArgFormatter.format($0, parsed: parsed, as: graph) } ?? ArgWriter.write(graph)
        if inPlace {
            do { try GraphFile.save(Data(text.utf8), to: file, expecting: before ?? .missing(at: file)) } catch {
                CLI.printError("error: \(error.description); not rewritten")
                throw ExitCode(1)
            }
        } else {
            print(text, terminator: "")
        }
    }
}
