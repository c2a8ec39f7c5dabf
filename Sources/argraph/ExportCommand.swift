import ArgumentParser
import ArgumentGraph
import Foundation

/// The part of the graph to export and how to draw it; shared by `export` and `render`.
struct ExportOptions: ParsableArguments {
    @Option(help: "Read the input in this format instead of guessing from the extension.")
    var from: GraphFormat?

    @Option(help: ArgumentHelp("Show only this claim and its neighbours (see --depth).", valueName: "claim"))
    var around: String?

    @Option(help: "With --around: how many relation steps to include.")
    var depth: Int = 2

    @Option(help: ArgumentHelp("Show only the claims this actor asserts or denies.", valueName: "actor"))
    var actor: String?

    @Option(
        help: ArgumentHelp("Compare two actors: both actors' claims, coloured by who holds them.", valueName: "A,B"))
    var compare: String?

    @Option(help: ArgumentHelp("Show only the claims with this tag.", valueName: "tag"))
    var tag: String?

    @Option(
        help: ArgumentHelp(
            "Group nodes into boxes (DOT, SVG, PNG, PDF, and the HTML page's map).", valueName: "none|document|actor"))
    var cluster: DOTExporter.Clustering = .none

    @Option(
        help: ArgumentHelp(
            "Which way supports point: up (the usual map), down, right (left to right), left.",
            valueName: "up|down|right|left"))
    var direction: DOTExporter.Direction = .up

    @Option(help: "Wrap claim text at about this many characters (DOT, SVG, PNG, PDF, HTML map).")
    var wrap: Int = 32

    @Flag(help: "Print each claim's id above its text (DOT, SVG, PNG, PDF, HTML map).")
    var ids = false

    @Flag(help: "Leave out the legend (DOT, SVG, PNG, PDF; the HTML page always has one).")
    var noLegend = false

    func validate() throws {
        let chosen = [around != nil, actor != nil, compare != nil, tag != nil].filter { $0 }.count
        if chosen > 1 { throw ValidationError("choose at most one of --around, --actor, --compare and --tag") }
        if let compare, compare.split(separator: ",").count != 2 {
            throw ValidationError(
                "--compare takes two actor ids separated by a comma, such as --compare welch,armitage")
        }
        if depth < 0 { throw ValidationError("--depth must be 0 or more") }
        if wrap < 8 { throw ValidationError("--wrap must be at least 8") }
        if let from, !from.isReadable { throw ValidationError("argraph writes \(from.rawValue) but cannot read it") }
    }

    /// The selection the flags name.
    var selection: GraphSelection {
        if let around { return .around(claim: around, depth: depth) }
        if let actor { return .actor(actor) }
        if let compare {
            let parts = compare.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            return .compare(parts[0], parts[1])
        }
        if let tag { return .tag(tag) }
        return .all
    }

    /// The DOT drawing options the flags name.
    var dotOptions: DOTExporter.Options {
        var o = DOTExporter.Options()
        o.clustering = cluster
        o.direction = direction
        o.wrapWidth = wrap
        o.showIDs = ids
        o.legend = !noLegend
        if case let .compare(a, b) = selection { o.compare = (a, b) }
        return o
    }

    /// Loads the file, reports its warnings, and cuts out the selection.
    func load(_ file: String) throws -> Graph {
        let parsed = try CLI.load(file, format: from, declarations: false)
        CLI.report(Array(parsed.warnings), source: file)
        do {
            return try selection.subgraph(of: parsed.graph).graph
        } catch {
            CLI.report(error.diagnostics, source: nil)
            throw ExitCode(1)
        }
    }
}

extension DOTExporter.Clustering: ExpressibleByArgument {}

extension DOTExporter.Direction: ExpressibleByArgument {}

extension ExportFormat: ExpressibleByArgument {}

/// `argraph export FILE --format F [-o OUT]`: writes the graph, or a part of it, for other tools.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract:
            "Export a graph, or a part of it, as DOT, SVG, PNG, PDF, GraphML, AIF, Argdown, JSON or one HTML page.",
        discussion: """
            Parts: --around CLAIM [--depth N], --actor ACTOR, --compare A,B, --tag TAG. Pictures (svg, png, pdf) need \
            Graphviz's dot. html writes one self-contained page (map, claims with their quotes, filters, agreement heat \
            map) to open in a browser; without Graphviz it has no map and says why. The format comes from --format or \
            the extension of -o.
            """)

    @Argument(help: "The graph file to read.", completion: .file())
    var file: String

    @Option(name: [.customShort("f"), .long], help: "The output format (default: from the extension of -o).")
    var format: ExportFormat?

    @Option(name: .shortAndLong, help: "Write here (atomically) instead of standard output.", completion: .file())
    var output: String?

    @OptionGroup var options: ExportOptions

    func validate() throws {
        if format == nil, output.flatMap(ExportFormat.infer(fromPath:)) == nil {
            throw ValidationError(
                "name the output format with --format (\(ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")))"
            )
        }
    }

    func run() throws {
        let parsed = try CLI.load(file, format: options.from, declarations: false)
        CLI.report(Array(parsed.warnings), source: file)
        guard let format = format ?? output.flatMap(ExportFormat.infer(fromPath:)) else { throw ExitCode(2) }
        let data: Data
        do {
            data = try GraphExport.data(
                of: parsed.graph, as: format, selection: options.selection, options: options.dotOptions)
            CLI.report(GraphExport.warnings(of: parsed.graph, as: format, selection: options.selection), source: nil)
        } catch {
            CLI.report(error.diagnostics, source: nil)
            throw ExitCode(1)
        }
        try CLI.emit(data, to: output, binary: format.isBinary)
    }
}

extension CLI {
    /// Renders a graph through Graphviz, or exits with a message that names the package to install.
    static func render(_ graph: Graph, options: DOTExporter.Options, format: String) throws -> Data {
        do {
            return try Graphviz.render(DOTExporter.write(graph, options: options), format: format)
        } catch {
            report(error.diagnostics, source: nil)
            throw ExitCode(1)
        }
    }

    /// Writes bytes to a file atomically, or to standard output (refusing binary output on a terminal).
    static func emit(_ data: Data, to output: String?, binary: Bool) throws {
        if let output {
            do { try GraphFile.writeAtomically(data, to: output) } catch {
                report(error.diagnostics, source: nil)
                throw ExitCode(1)
            }
        } else {
            if binary, isatty(1) != 0 {
                printError("error: not writing a binary picture to the terminal; name a file with -o")
                throw ExitCode(1)
            }
            FileHandle.standardOutput.write(data)
            if !binary, data.last != UInt8(ascii: "\n") { print() }
        }
    }
}
