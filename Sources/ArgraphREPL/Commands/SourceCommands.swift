import ArgumentGraph
import Foundation

extension CommandRegistry {
    static let sourcesOption = OptionSpec("--sources", .file)

    /// Commands that work from the documents' source texts.
    static let sourceCommands: [Command] = [
        Command(
            "quote", group: .sources,
            arguments: [ArgumentSpec("DOC", .document, optional: true), ArgumentSpec("TEXT", .free, repeats: true)],
            options: [OptionSpec("--limit", .free), sourcesOption],
            summary:
                "Find a passage in the source texts (as verify matches quotes) with a ready-to-paste 'quote L12: ...' line.",
            usage: "quote [DOC] TEXT | quote [DOC] /REGEX/ [--limit N] [--sources DIR]",
            example: "quote stimson-2008 fast pace of change",
            details:
                "Case, quotation marks, punctuation, dashes and hyphenated line breaks do not matter; '…' skips words. When nothing matches, the closest passages are shown. Without DOC, every document is searched.",
            completion: { i, _ in i == 0 ? .document : .free }
        ) { ctx in
            try SourceCommands.quote(ctx)
        },
        Command(
            "coverage", group: .sources, arguments: [ArgumentSpec("DOC", .document, optional: true)],
            options: [.flag("--summary"), sourcesOption],
            summary:
                "Per document, the share of its sentences that quotes cover, then the uncovered sentences with their lines.",
            usage: "coverage [DOC] [--summary] [--sources DIR]", example: "coverage crossroads-2009",
            details:
                "A sentence is covered when quotes cover half of its words, or six of them. Passages a document marks 'skip:' do not count (see docs/format.md)."
        ) { ctx in
            try ctx.expectAtMost(1)
            try SourceCommands.coverage(ctx)
        },
        Command(
            "context", group: .sources, arguments: [ArgumentSpec("CLAIM", .claim, optional: true)],
            options: [sourcesOption],
            summary:
                "Each quote of a claim inside its paragraph, the quoted words highlighted, with document, date and line.",
            usage: "context [CLAIM] [--sources DIR]", example: "context expand-alliance-scope",
            details:
                "Without CLAIM, the focused claim. The quoted words are bold on a terminal and in [brackets] otherwise. 'show --context' adds this to 'show'."
        ) { ctx in
            try ctx.expectAtMost(1)
            let c = try ctx.claimOrFocus(0)
            ctx.print(
                lines: SourceViews.context(
                    claim: c, graph: ctx.graph, library: try SourceCommands.library(ctx), style: ctx.style,
                    width: ctx.width))
        },
        Command(
            "similar", group: .sources, arguments: [ArgumentSpec("CLAIM", .claim, optional: true)],
            options: [
                OptionSpec("--min", .free), OptionSpec("--limit", .free), .flag("--claims-only"), .flag("--new-only"),
                sourcesOption,
            ],
            summary:
                "Pairs of claims (or a claim and an uncovered sentence) from different documents worded alike, best first.",
            usage: "similar [CLAIM] [--min S] [--limit N] [--claims-only] [--new-only] [--sources DIR]",
            example: "similar --min 0.3",
            details:
                "Scores are TF-IDF cosines over stemmed words, stop words removed (0 to 1; default --min 0.2, --limit 20). A high pair may be one position that two texts share: one claim with a stance from each, not two claims and a support. A claim already quoted in two documents is listed too, marked '(one claim already)' (--new-only leaves these out)."
        ) { ctx in
            try ctx.expectAtMost(1)
            try SourceCommands.similar(ctx)
        },
    ]
}

/// The work behind the source commands; the views are in ``SourceViews``.
enum SourceCommands {
    /// The current graph's sources: `--sources DIR` (remembered for the graph), else the places ``SourceLibrary/locate`` tries.
    static func library(_ ctx: CommandContext) throws -> SourceLibrary {
        let lg = ctx.session.current
        if let dir = ctx.option("--sources") {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
                throw CommandError(
                    "no folder '\(dir)'", hint: "--sources names the folder of the documents' source files")
            }
            lg.sourcesDirectory = dir
        }
        let (dir, tried) = SourceLibrary.locate(explicit: lg.sourcesDirectory, graphFile: lg.path, graph: ctx.graph)
        guard let dir else {
            throw CommandError(
                "no folder holds the documents' source files"
                    + (tried.isEmpty ? "" : " (looked in \(tried.joined(separator: ", ")))"),
                hint: "give --sources DIR (it is remembered for this graph) or set ARGRAPH_SOURCES")
        }
        let library = SourceLibrary(graph: ctx.graph, directory: dir)
        if library.isEmpty {
            throw CommandError(
                "no document's source file is in \(dir)", hint: "check the documents' 'file:' and --sources DIR")
        }
        return library
    }

    static func quote(_ ctx: CommandContext) throws {
        var words = ctx.arguments
        var docs = Array(ctx.graph.documents.indices)
        if words.count >= 2, let d = ctx.graph.documentIndex(of: words[0]) { docs = [d]; words.removeFirst() }
        let query = words.joined(separator: " ")
        guard !query.isEmpty else { throw CommandError.usage(ctx.command, "missing TEXT") }
        let limit = try ctx.intOption("--limit", default: 20, in: 1...10_000)
        ctx.print(
            lines: try SourceViews.search(
                query, documents: docs, graph: ctx.graph, library: try library(ctx), limit: limit,
                style: ctx.style, width: ctx.width))
    }

    static func coverage(_ ctx: CommandContext) throws {
        let only = try ctx.argument(0).map { try ctx.document($0) }
        let lib = try library(ctx)
        let covs = Coverage.compute(ctx.graph, library: lib).filter { only == nil || $0.document == only }
        if covs.isEmpty {
            throw CommandError("no source text for \(only.map { ctx.graph.documents[$0].id } ?? "any document")")
        }
        ctx.print(
            lines: SourceViews.coverage(
                covs, graph: ctx.graph, style: ctx.style, width: ctx.width, listUncovered: !ctx.flag("--summary")))
    }

    static func similar(_ ctx: CommandContext) throws {
        let claim = try ctx.argument(0).map { try ctx.claim($0) }
        var minimum = 0.2
        if let s = ctx.option("--min") {
            guard let m = Double(s), (0...1).contains(m) else {
                throw CommandError.usage(ctx.command, "--min needs a number from 0 to 1")
            }
            minimum = m
        }
        let limit = try ctx.intOption("--limit", default: 20, in: 1...10_000)
        var coverage: [DocumentCoverage] = []
        if !ctx.flag("--claims-only") {
            if let lib = try? library(ctx) {
                coverage = Coverage.compute(ctx.graph, library: lib)
            } else {
                ctx.print(
                    ctx.style.dim("(no sources found: comparing claims only; --sources DIR adds uncovered sentences)"))
            }
        }
        let pairs = Array(
            Restatements.rank(
                ctx.graph, coverage: coverage, minimum: minimum, claim: claim, sameClaim: !ctx.flag("--new-only")
            ).prefix(limit))
        if pairs.isEmpty { ctx.print("no pair scores \(minimum) or more"); return }
        ctx.print(lines: SourceViews.similar(pairs, graph: ctx.graph, style: ctx.style, width: ctx.width))
    }
}
