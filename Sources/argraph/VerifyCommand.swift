import ArgumentParser
import ArgumentGraph
import Foundation

/// `argraph verify FILE --sources DIR`: checks every quote against the source texts.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check that every quote stands word for word in its document's source file.",
        discussion: "Each document's `file:` is looked up in the --sources folder. White space is folded, and words hyphenated across line breaks may be joined.")

    @Argument(help: "The graph file.", completion: .file())
    var file: String

    @Option(help: "The folder holding the documents' source files.", completion: .directory)
    var sources: String

    @Flag(help: "Print each quote's place (character offsets and lines) in its source.")
    var locations = false

    func run() throws {
        let graph = try CLI.load(file).graph
        let checks = QuoteVerifier(sourceDirectory: sources).verify(graph)
        var failures = 0
        for c in checks {
            let stance = graph.stances[c.stance]
            let who = "\(graph.actors[stance.actor].id) \(stance.kind.rawValue) \(graph.claims[stance.claim].id)"
            let quote = stance.quotes[c.quote].text
            switch c.status {
            case let .found(chars, lines):
                if locations { print("ok   \(who): \(chars.lowerBound)-\(chars.upperBound) (L\(lines.lowerBound)\(lines.count > 1 ? "-\(lines.upperBound)" : ""))") }
            case let .notFound(prefix):
                failures += 1
                CLI.printError("\(file): error: quote not found in source (\(who)): \"\(quote)\"")
                CLI.printError("  matches up to: \"\(prefix)\"")
            case let .wrongLocation(actual, lines):
                failures += 1
                CLI.printError("\(file): error: quote is not at its recorded location (\(who)); it stands at \(actual.lowerBound)-\(actual.upperBound) (L\(lines.lowerBound))")
            case let .noSource(reason):
                failures += 1
                CLI.printError("\(file): error: cannot check a quote of \(who): \(reason)")
            }
        }
        print("\(checks.count - failures) of \(checks.count) quotes verified")
        if failures > 0 { throw ExitCode(1) }
    }
}
