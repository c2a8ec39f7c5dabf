import ArgumentGraphAnalysis
import ArgumentGraphText
import ArgumentGraphFormats
import ArgumentGraphModel
import Foundation

/// Everything argraph can export to: the graph formats and pictures drawn by Graphviz.
public enum ExportFormat: String, Sendable, CaseIterable, CustomStringConvertible {
    /// Graphviz DOT.
    case dot
    /// An SVG picture (needs Graphviz).
    case svg
    /// A PNG picture (needs Graphviz).
    case png
    /// A PDF picture (needs Graphviz).
    case pdf
    /// GraphML.
    case graphml
    /// AIF JSON.
    case aif
    /// Argdown.
    case argdown
    /// The native JSON form.
    case json
    /// The native text form.
    case arg
    /// ICCMA 2023 attack framework.
    case i23
    /// Aspartix attack framework.
    case apx
    /// Trivial Graph Format attack framework.
    case tgf
    /// One self-contained HTML page: the map (drawn by Graphviz when installed), claims, quotes, filters, agreement.
    case html

    /// The format's name as typed.
    public var description: String { rawValue }

    /// Whether the output is binary (PNG, PDF).
    public var isBinary: Bool { self == .png || self == .pdf }

    /// Whether the output is a picture drawn by Graphviz.
    public var isPicture: Bool { self == .svg || self == .png || self == .pdf }

    /// The format a path's extension names, if any.
    public static func infer(fromPath path: String) -> ExportFormat? {
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        if let f = ExportFormat(rawValue: ext) { return f }
        if ext == "htm" { return .html }
        return GraphFormat.infer(fromPath: path).flatMap { ExportFormat(rawValue: $0.rawValue) }
    }
}

/// One call for the command line and the REPL: cut out a part of a graph and write it in a format.
public enum GraphExport {
    /// The warnings for writing the `selection` of `graph` in `format`: a format that cannot hold linked relations
    /// writes them one relation per premise, and says so (never silently). GraphML still warns, though each of its
    /// edges carries the premise list: Gephi, yEd and Cytoscape see the edges one by one.
    public static func warnings(of graph: Graph, as format: ExportFormat, selection: GraphSelection = .all)
        -> [Diagnostic]
    {
        switch format {
        case .arg, .json, .aif, .dot, .svg, .png, .pdf, .html: return []
        case .argdown, .graphml, .i23, .apx, .tgf:
            guard graph.relations.contains(where: \.isLinked), let sub = try? selection.subgraph(of: graph) else {
                return []
            }
            // Argdown writes a linked support as a premise–conclusion structure; only linked attacks are split.
            let kept: Set<RelationKind> = format == .argdown ? [.support] : []
            let form =
                format == .graphml
                ? "one edge per premise, with the premise list on each edge (data 'premises' and 'linked')"
                : "one relation per premise"
            return sub.graph.linkedRelationWarning(writing: format.rawValue, as: form, keeping: kept).map { [$0] } ?? []
        }
    }

    /// The bytes of the `selection` of `graph` in `format`.
    ///
    /// `options.strengths` and `options.labels` are indexed by the claims of the whole `graph`;
    /// they are carried over to the sub-graph. Pictures need Graphviz (see ``Graphviz``). Throws for
    /// an unknown claim, actor or tag, or when Graphviz is missing or fails. An HTML page shows the
    /// grounded labels and DF-QuAD strengths of the whole graph, and has no map (saying why) rather
    /// than failing without Graphviz.
    public static func data(
        of graph: Graph, as format: ExportFormat, selection: GraphSelection = .all,
        options: DOTExporter.Options = DOTExporter.Options()
    ) throws(DiagnosticError) -> Data {
        let sub = try selection.subgraph(of: graph)
        var o = options
        o.strengths = options.strengths.flatMap { sub.remap($0) }
        o.labels = options.labels.flatMap { sub.remap($0) }
        if o.compare == nil, case let .compare(a, b) = selection { o.compare = (a, b) }
        if o.title == nil, let part = selection.caption(in: graph) {
            o.title = (graph.title ?? graph.name).map { $0 + ": " + part } ?? part
        }
        let g = sub.graph
        switch format {
        case .dot: return Data(DOTExporter.write(g, options: o).utf8)
        case .svg, .png, .pdf: return try Graphviz.render(DOTExporter.write(g, options: o), format: format.rawValue)
        case .graphml: return GraphFile.data(of: g, as: .graphml)
        case .aif: return GraphFile.data(of: g, as: .aif)
        case .argdown: return GraphFile.data(of: g, as: .argdown)
        case .json: return GraphFile.data(of: g, as: .json)
        case .arg: return GraphFile.data(of: g, as: .arg)
        case .i23: return GraphFile.data(of: g, as: .i23)
        case .apx: return GraphFile.data(of: g, as: .apx)
        case .tgf: return GraphFile.data(of: g, as: .tgf)
        case .html:
            var page = HTMLExporter.Options()
            page.map = o
            let scores = WhatIf.score(graph)
            page.labels = sub.remap(scores.labels)
            page.strengths = sub.remap(scores.strengths)
            return Data(HTMLExporter.write(g, options: page).utf8)
        }
    }
}

extension GraphSelection {
    /// A short description of the part, for a picture's title; nil for the whole graph.
    public func caption(in graph: Graph) -> String? {
        func actorName(_ id: String) -> String { graph.actor(id)?.name ?? id }
        switch self {
        case .all: return nil
        case let .around(claim, depth): return "around \(claim) (depth \(depth))"
        case let .actor(a): return "the position of \(actorName(a))"
        case let .compare(a, b): return "\(actorName(a)) compared with \(actorName(b))"
        case let .tag(t): return "claims tagged \(t)"
        }
    }
}
