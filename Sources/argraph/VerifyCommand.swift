import ArgumentParser
import ArgumentGraph
import ArgraphREPL
import Foundation

/// `argraph verify FILE [--sources DIR] [--fix]`: checks every quote against the source texts.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract:
            "Check that every quote stands word for word in its document's source file; find and fix near misses.",
        discussion: """
            Each document's `file:` is read from the sources folder (--sources DIR; else $ARGRAPH_SOURCES, the graph \
            file's folder, or a `sources` folder beside it). Words are compared after folding white space and joining \
            words hyphenated across line breaks. A quote that is not word for word is reported at its line in the graph \
            file with the closest passage of its document, the source line, and the difference word by word \
            ([-quote-]{+source+}); a quote filed under the wrong document names the document that holds it. \
            --fix rewrites a quote to its passage only when that passage is clearly closer than any other, keeping the \
            file's comments and layout.

            Example: argraph verify graphs/us-japan-alliance.arg --sources ../shared/seeds --fix
            """)

    @Argument(help: "The graph file.", completion: .file())
    var file: String

    @Option(help: "The folder holding the documents' source files.", completion: .directory)
    var sources: String?

    @Flag(help: "Print each verified quote's place (line:column and character offsets) in its source.")
    var locations = false

    @Flag(
        help:
            "Rewrite near-miss quotes to their passage (and misplaced locations) in the file, when the match is clear.")
    var fix = false

    func run() throws {
        let parsed = try CLI.load(file)
        let text = GraphFormat.infer(fromPath: file) == .arg ? try? String(contentsOfFile: file, encoding: .utf8) : nil
        let library = try CLI.sourceLibrary(explicit: sources, graphFile: file, graph: parsed.graph)
        let verifier = QuoteVerifier(sourceDirectory: library.directory)
        let checks = text.map { verifier.verify(parsed, text: $0) } ?? verifier.verify(parsed.graph)
        let style = CLI.style(forStandardError: true)
        var failures = 0
        for c in checks {
            if c.isVerified {
                if locations, let p = c.passage {
                    let s = parsed.graph.stances[c.stance]
                    print(
                        "ok   \(SourceViews.who(parsed.graph, s)): L\(p.span.start.line):\(p.span.start.column) (\(p.span.characters.lowerBound)-\(p.span.characters.upperBound))"
                    )
                }
                continue
            }
            failures += 1
            for l in SourceViews.check(c, graph: parsed.graph, library: library, file: file, style: style) {
                CLI.printError(l)
            }
        }
        print("\(checks.count - failures) of \(checks.count) quotes verified")
        guard fix, failures > 0 else {
            if failures > 0 { throw ExitCode(1) }
            return
        }
        guard let text else {
            CLI.printError("\(file): error: --fix rewrites .arg files only")
            throw ExitCode(1)
        }
        let (edited, applied) = QuoteFix.applying(checks, to: parsed.graph)
        if applied.isEmpty {
            print("nothing fixed: no near miss has a clearly closest passage")
            throw ExitCode(1)
        }
        let changes = applied.compactMap { c in c.place.map { ($0, edited.stances[c.stance].quotes[c.quote]) } }
        let out = ArgQuoteLocator.replacing(changes, in: text)
        // Never write a file that does not read back to the fixed graph.
        guard changes.count == applied.count, let reread = try? ArgReader.read(out, file: file), reread.graph == edited
        else {
            CLI.printError(
                "\(file): error: the fixes could not be written without changing more of the file; nothing written")
            throw ExitCode(1)
        }
        do { try GraphFile.writeAtomically(Data(out.utf8), to: file) } catch {
            CLI.report(error.diagnostics, source: nil)
            throw ExitCode(1)
        }
        print(
            "fixed \(NumberText.counted(applied.count, "quote")) in \(file); \(failures - applied.count) left to look at"
        )
        if failures > applied.count { throw ExitCode(1) }
    }
}
