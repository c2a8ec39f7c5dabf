import ArgumentGraph
import Foundation

extension CommandRegistry {
    /// The options shared by `export` and `render`: which part of the graph, and how to draw it.
    static let exportOptions: [OptionSpec] = [
        OptionSpec("--around", .claim), OptionSpec("--depth", .free), OptionSpec("--actor", .actor),
        OptionSpec("--compare", .actor), OptionSpec("--tag", .tag),
        OptionSpec("--cluster", .choice(DOTExporter.Clustering.allCases.map(\.rawValue))),
        OptionSpec("--direction", .choice(DOTExporter.Direction.allCases.map(\.rawValue))),
        OptionSpec("--wrap", .free), .flag("--ids"), .flag("--no-legend"), .flag("--force"),
    ]

    static let exportDetails = """
        Parts: --around ID (. for the focused claim) with --depth N (default 2; --depth alone means around the \
        focus), --actor A, --compare A,B (coloured by who holds each claim), --tag T. Drawing: --cluster \
        document|actor, --direction up|down|right|left, --wrap N, --ids, --no-legend. Pictures need Graphviz \
        (apt-get install graphviz). 'export html map.html' writes one page to open in a browser: the map (when \
        Graphviz is installed), claims with their quotes, filters and the agreement heat map. docs/export.md \
        describes every format. An existing FILE that this session \
        did not write (or that changed since it did) is replaced only with --force.
        """

    /// Commands that write graphs in other formats and draw them.
    static let exportCommands: [Command] = [
        Command(
            "export", group: .export,
            arguments: [
                ArgumentSpec("FORMAT", .choice(ExportFormat.allCases.map(\.rawValue))), ArgumentSpec("FILE", .file),
            ],
            options: exportOptions,
            summary:
                "Write the current graph, or a part of it, as DOT, SVG, PNG, PDF, GraphML, AIF, Argdown, JSON, .arg, ICCMA or one HTML page.",
            usage:
                "export FORMAT FILE [--around ID|. [--depth N]] [--actor A] [--compare A,B] [--tag T] [--cluster C] [--direction D]",
            example: "export dot around.dot --around . --depth 2",
            details: exportDetails
        ) { ctx in
            try ctx.expectAtMost(2)
            let name = try ctx.requireArgument(0, "FORMAT")
            guard let format = ExportFormat(rawValue: name.lowercased()) else {
                throw CommandError(
                    "unknown format '\(name)'",
                    hint: Nearest.hint(for: name, in: ExportFormat.allCases.map(\.rawValue))
                        ?? "one of " + ExportFormat.allCases.map(\.rawValue).joined(separator: ", "))
            }
            try ExportWork.write(ctx, format: format, path: try ctx.requireArgument(1, "FILE"))
        },
        Command(
            "render", group: .export, arguments: [ArgumentSpec("FILE", .file)], options: exportOptions,
            summary:
                "Draw the current graph, or a part of it, with Graphviz: the picture's format comes from FILE (.svg, .png, .pdf).",
            usage:
                "render FILE [--around ID|. [--depth N]] [--actor A] [--compare A,B] [--tag T] [--cluster C] [--direction D]",
            example: "render map.svg --compare alice,bob",
            details: exportDetails
        ) { ctx in
            try ctx.expectAtMost(1)
            let path = try ctx.requireArgument(0, "FILE")
            let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
            guard let format = ExportFormat(rawValue: ext), format.isPicture else {
                throw CommandError(
                    "cannot tell the picture format from '\(path)'", hint: "name the file .svg, .png or .pdf")
            }
            try ExportWork.write(ctx, format: format, path: path)
        },
    ]
}

/// The work behind `export` and `render`.
enum ExportWork {
    /// The part of the graph the options name.
    static func selection(_ ctx: CommandContext) throws -> GraphSelection {
        let depth = try ctx.intOption("--depth", default: 2, in: 0...1_000_000)
        var chosen: [GraphSelection] = []
        if let around = ctx.option("--around") { chosen.append(.around(claim: try ctx.claimID(around), depth: depth)) }
        if let a = ctx.option("--actor") { chosen.append(.actor(ctx.graph.actors[try ctx.actor(a)].id)) }
        if let pair = ctx.option("--compare") {
            let parts = pair.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else {
                throw CommandError.usage(
                    ctx.command, "--compare takes two actors separated by a comma: --compare alice,bob")
            }
            chosen.append(
                .compare(ctx.graph.actors[try ctx.actor(parts[0])].id, ctx.graph.actors[try ctx.actor(parts[1])].id))
        }
        if let t = ctx.option("--tag") { chosen.append(.tag(t)) }
        if chosen.count > 1 {
            throw CommandError.usage(ctx.command, "choose at most one of --around, --actor, --compare and --tag")
        }
        if chosen.isEmpty, ctx.option("--depth") != nil { return .around(claim: try ctx.claimID("."), depth: depth) }
        return chosen.first ?? .all
    }

    /// The drawing options the flags name.
    static func options(_ ctx: CommandContext) throws -> DOTExporter.Options {
        var o = DOTExporter.Options()
        if let c = ctx.option("--cluster") {
            guard let v = DOTExporter.Clustering(rawValue: c) else {
                throw CommandError.usage(ctx.command, "--cluster is none, document or actor")
            }
            o.clustering = v
        }
        if let d = ctx.option("--direction") {
            guard let v = DOTExporter.Direction(rawValue: d) else {
                throw CommandError.usage(ctx.command, "--direction is up, down, right or left")
            }
            o.direction = v
        }
        o.wrapWidth = try ctx.intOption("--wrap", default: 32, in: 8...200)
        o.showIDs = ctx.flag("--ids")
        o.legend = !ctx.flag("--no-legend")
        return o
    }

    /// Writes the selected part of the current graph to `path` in `format`, atomically.
    static func write(_ ctx: CommandContext, format: ExportFormat, path raw: String) throws {
        let path = (raw as NSString).expandingTildeInPath
        let selection = try selection(ctx)
        let data: Data
        do {
            data = try GraphExport.data(of: ctx.graph, as: format, selection: selection, options: try options(ctx))
        } catch let error as DiagnosticError {
            throw CommandError(error)
        }
        try SaveWork.writeOther(ctx, data, to: path, command: ctx.command.name)
        let part = selection.caption(in: ctx.graph).map { ", " + $0 } ?? ""
        ctx.print("wrote \(path) (\(format)\(part), \(data.count) bytes)")
        for w in GraphExport.warnings(of: ctx.graph, as: format, selection: selection) {
            ctx.print("  warning: " + w.message + (w.hint.map { " (\($0))" } ?? ""))
        }
    }
}
