import ArgumentParser
import ArgumentGraph
import ArgraphREPL
import Foundation

/// `argraph quote GRAPH [DOC] TEXT|/REGEX/`: finds passages in the source texts.
struct QuoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quote",
        abstract: "Find a passage in the documents' source texts and print a ready-to-paste quote line.",
        discussion: """
            TEXT is matched word by word as verify matches quotes (case, quotation marks, punctuation, dashes and \
            hyphenated line breaks aside; '…' skips words); /REGEX/ is matched, ignoring case, against the text with \
            white space folded. Each hit shows its document, line and column, some context, and a line to paste under \
            a stance. When TEXT is found nowhere, the closest passages are shown. Without DOC, every document is searched.

            Example: argraph quote graphs/us-japan-alliance.arg stimson-2008 fast pace of change
            """)

    @Argument(help: "The graph file.", completion: .file())
    var file: String

    @Argument(help: "[DOC] TEXT: a document id (optional), then the words to find, or /REGEX/.")
    var words: [String] = []

    @Option(help: "The folder holding the documents' source files.", completion: .directory)
    var sources: String?

    @Option(help: "The most hits per document.")
    var limit = 20

    func run() throws {
        let g = try CLI.load(file, declarations: false).graph
        var words = words
        var doc: Int?
        if words.count >= 2, let d = g.documentIndex(of: words[0]) { doc = d; words.removeFirst() }
        let query = words.joined(separator: " ")
        guard !query.isEmpty else { throw ValidationError("missing TEXT: give the words to find, or /REGEX/") }
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
        let library = try CLI.sourceLibrary(explicit: sources, graphFile: file, graph: g)
        do {
            let lines = try SourceViews.search(
                query, documents: doc.map { [$0] } ?? Array(g.documents.indices), graph: g,
                library: library, limit: limit, style: CLI.style(), width: CLI.width)
            for l in lines { print(l) }
        } catch let e as CommandError {
            CLI.printError("\(e)")
            throw ExitCode(1)
        }
    }
}

/// `argraph coverage GRAPH [DOC] [--json]`: the share of each document's sentences that quotes cover.
struct CoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract:
            "Per document, the share of its sentences that some quote covers, then the uncovered sentences with their lines.",
        discussion: """
            A sentence is covered when quotes cover at least half of its words, or six of them. Passages a document \
            marks with `skip:` (navigation, sharing links, citation lines) do not count; see docs/format.md.

            Example: argraph coverage graphs/us-japan-alliance.arg crossroads-2009
            """)

    @Argument(help: "The graph file.", completion: .file())
    var file: String

    @Argument(help: "Only this document (an id).")
    var document: String?

    @Option(help: "The folder holding the documents' source files.", completion: .directory)
    var sources: String?

    @Flag(help: "Print JSON for tools instead of text.")
    var json = false

    @Flag(help: "Print only the table of shares, not the uncovered sentences.")
    var summary = false

    func run() throws {
        let g = try CLI.load(file, declarations: false).graph
        let only = try document.map {
            try CLI.index(of: $0, "document", in: g.documents.map(\.id), g.documentIndex(of:))
        }
        let library = try CLI.sourceLibrary(explicit: sources, graphFile: file, graph: g)
        var covs = Coverage.compute(g, library: library)
        if let only { covs = covs.filter { $0.document == only } }
        for (d, p) in library.problems.enumerated() where p != nil && (only == nil || only == d) {
            CLI.printError("warning: \(g.documents[d].id): \(p!)")
        }
        if json {
            print(SourceViews.coverageJSON(covs, graph: g))
        } else {
            for l in SourceViews.coverage(covs, graph: g, style: CLI.style(), width: CLI.width, listUncovered: !summary)
            { print(l) }
        }
    }
}

/// `argraph similar GRAPH [--min S]`: claims (or a claim and an uncovered sentence) of different documents worded alike.
struct SimilarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "similar",
        abstract:
            "Rank pairs of claims, or a claim and an uncovered sentence, from different documents whose wording is alike.",
        discussion: """
            Each claim's quotes in a document are compared with the others' by TF-IDF cosine over stemmed words, stop \
            words removed. A high pair is a candidate for one shared claim with a stance from each document, rather \
            than two claims joined by a support. When the sources are found, uncovered sentences are compared too. A \
            claim already quoted in two documents is listed as well, marked '(one claim already)' and scored on its \
            quotes alone: it shows what score a known restatement gets (--new-only leaves these out).

            Example: argraph similar graphs/us-japan-alliance.arg --min 0.3 --limit 10
            """)

    @Argument(help: "The graph file.", completion: .file())
    var file: String

    @Option(help: "The least score shown (0–1).")
    var min = 0.2

    @Option(help: "The most pairs shown.")
    var limit = 20

    @Option(help: "Only pairs that include this claim.")
    var claim: String?

    @Option(help: "The folder holding the documents' source files (for uncovered sentences).", completion: .directory)
    var sources: String?

    @Flag(help: "Compare claims only, not uncovered sentences.")
    var claimsOnly = false

    @Flag(help: "Leave out claims already quoted in two documents (listed as '(one claim already)').")
    var newOnly = false

    func run() throws {
        guard (0...1).contains(min) else { throw ValidationError("--min must be between 0 and 1") }
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
        let g = try CLI.load(file, declarations: false).graph
        let c = try claim.map { try CLI.index(of: $0, "claim", in: g.claims.map(\.id), g.claimIndex(of:)) }
        var coverage: [DocumentCoverage] = []
        if !claimsOnly {
            let (dir, _) = SourceLibrary.locate(explicit: sources, graphFile: file, graph: g)
            if let dir {
                coverage = Coverage.compute(g, library: SourceLibrary(graph: g, directory: dir))
            } else {
                CLI.printError("note: no sources found (--sources DIR); comparing claims only")
            }
        }
        let pairs = Array(
            Restatements.rank(g, coverage: coverage, minimum: min, claim: c, sameClaim: !newOnly).prefix(limit))
        if pairs.isEmpty { print("no pair scores \(min) or more"); return }
        for l in SourceViews.similar(pairs, graph: g, style: CLI.style(), width: CLI.width) { print(l) }
    }
}

extension CLI {
    /// The index of an id, or a usage error naming its kind with the nearest ids.
    static func index(of id: String, _ kind: String, in ids: [String], _ lookup: (String) -> Int?) throws -> Int {
        if let i = lookup(id) { return i }
        throw ValidationError("unknown \(kind) '\(id)'" + (Suggestions.hint(for: id, in: ids).map { "; \($0)" } ?? ""))
    }
}
