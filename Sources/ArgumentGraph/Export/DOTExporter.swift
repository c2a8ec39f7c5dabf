import ArgumentGraphModel
import ArgumentGraphText

/// Writes a graph as Graphviz DOT: claims as wrapped, coloured nodes, relations as styled edges.
///
/// Shapes show the claim kind (claim: rounded box, evidence: note, proposal: hexagon); the fill
/// shows the first actor who asserts the claim (a colour-blind-safe palette, listed in a legend),
/// or, when comparing two actors, who holds it. Supports are solid green arrows, attacks dashed
/// vermilion lines ending in a bar, undercuts dotted purple lines aimed at a point on the edge
/// they attack. Weights below 1 thin the pen and label the edge.
public enum DOTExporter {
    /// How to group nodes into boxes.
    public enum Clustering: String, Sendable, CaseIterable {
        /// No boxes.
        case none
        /// One box per document: the document of a claim's first stance.
        case document
        /// One box per actor: a claim's first asserting actor.
        case actor
    }

    /// Which way relations point on the page.
    public enum Direction: String, Sendable, CaseIterable {
        /// Supporters below what they support (the usual argument map).
        case up
        /// Supporters above.
        case down
        /// Supporters to the left: reads left to right, suits wide graphs on tall pages.
        case right
        /// Supporters to the right.
        case left

        /// Graphviz's `rankdir` for this direction.
        public var rankdir: String {
            switch self {
            case .up: "BT"
            case .down: "TB"
            case .right: "LR"
            case .left: "RL"
            }
        }
    }

    /// What to draw and how.
    public struct Options: Sendable {
        /// Which way relations point.
        public var direction: Direction = .up
        /// Wrap claim text to about this many characters per line.
        public var wrapWidth: Int = 32
        /// One strength in [0, 1] per claim (by claim index), shown as text and as fill intensity.
        public var strengths: [Double]?
        /// One short label per claim (such as `IN`, `OUT`), shown under the text.
        public var labels: [String]?
        /// Boxes by document or actor.
        public var clustering: Clustering = .none
        /// Two actor ids: colour claims by which of the two holds them instead of by first actor.
        public var compare: (String, String)?
        /// Whether to draw the legend.
        public var legend: Bool = true
        /// Whether to print the claim id above its text.
        public var showIDs: Bool = false
        /// A title drawn above the map; nil uses the graph's title.
        public var title: String?
        /// Whether to give each node and edge an `id` for SVG output, so that a page can find them:
        /// `ag-c<claim index>` for claims, `ag-p<relation index>` for the point on an undercut relation,
        /// `ag-r<relation index>` for an edge (`-a` and `-b` for the two halves of an undercut relation's edge).
        public var svgIDs: Bool = false

        /// Default options.
        public init() {}
    }

    /// The Okabe–Ito palette (colour-blind safe), lightened for fills; the actors who hold the most
    /// claims get these colours, in that order.
    public static let palette: [String] = ["#F2CF80", "#AAD9F4", "#80CEB9", "#F7F1A0", "#80B8D8", "#EAAE80", "#E5BCD3"]
    /// The fill of claims that no actor asserts.
    public static let noHolderFill = "#FFFFFF"
    /// The fill of claims held by actors beyond the palette.
    public static let otherFill = "#D9D9D9"
    /// Edge colours: support, attack, undercut.
    public static let supportColor = "#007A5A", attackColor = "#D55E00", undercutColor = "#AA4499"

    /// The DOT text of `graph`.
    public static func write(_ graph: Graph, options: Options = Options()) -> String {
        var out = "digraph argraph {\n"
        out +=
            "  graph [charset=\"UTF-8\", rankdir=\(options.direction.rankdir), nodesep=0.3, ranksep=0.45, fontname=\"Helvetica,Arial,sans-serif\""
        if let title = options.title ?? graph.title ?? graph.name {
            out +=
                ", label=" + DOTEscaping.label(lines: WordWrap.lines(title, width: 80, keepingLineBreaks: false))
                + ", labelloc=t, fontsize=18"
        }
        // Clusters with edges between them can make dot's classic ranking fail ("trouble in init_rank",
        // Graphviz 2.43, on the bundled graph by document); the newer ranking handles them.
        if options.clustering != .none { out += ", newrank=true" }
        out += "];\n"
        out +=
            "  node [fontname=\"Helvetica,Arial,sans-serif\", fontsize=11, style=\"filled,rounded\", shape=box, color=\"#555555\", penwidth=1];\n"
        out += "  edge [fontname=\"Helvetica,Arial,sans-serif\", fontsize=9];\n"

        let fills = fillColors(graph, options: options)
        // Nodes, inside clusters when asked.
        let groups = clusterOf(graph, options.clustering)
        var byCluster: [Int: [Int]] = [:]
        var loose: [Int] = []
        for c in graph.claims.indices {
            if let g = groups[c] { byCluster[g, default: []].append(c) } else { loose.append(c) }
        }
        for g in byCluster.keys.sorted() {
            let title: String
            switch options.clustering {
            case .document: title = graph.documents[g].title
            case .actor: title = graph.actors[g].name
            case .none: title = ""
            }
            out += "  subgraph \(DOTEscaping.quoted("cluster_\(g)")) {\n"
            out +=
                "    label=" + DOTEscaping.label(lines: WordWrap.lines(title, width: 50, keepingLineBreaks: false))
                + "; style=\"rounded\"; color=\"#999999\";\n"
            for c in byCluster[g] ?? [] { out += "    " + node(c, graph, options, fills[c]) + "\n" }
            out += "  }\n"
        }
        for c in loose { out += "  " + node(c, graph, options, fills[c]) + "\n" }

        // Point nodes on relations that are undercut, and junctions where a linked relation's premises meet.
        for r in graph.relations.indices where graph.relationsTo.degree(r) > 0 || graph.relations[r].isLinked {
            let color = edgeColor(graph.relations[r])
            let id = options.svgIDs ? ", id=\"ag-p\(r)\"" : ""
            out +=
                "  \(relationPoint(r)) [shape=point, width=0.07, color=\"\(color)\", fillcolor=\"\(color)\", label=\"\"\(id)];\n"
        }
        // Edges.
        for (i, r) in graph.relations.enumerated() {
            let from = nodeID(r.source, graph)
            let others = r.otherPremises.map { nodeID($0, graph) }
            let to: String
            switch r.target {
            case let .claim(c): to = nodeID(c, graph)
            case let .relation(t): to = relationPoint(t)
            }
            func id(_ part: String) -> String { options.svgIDs ? ", id=\"ag-r\(i)\(part)\"" : "" }
            if graph.relationsTo.degree(i) > 0 || r.isLinked {
                out += "  \(from) -> \(relationPoint(i)) [\(edgeAttributes(i, graph, arrowhead: "none"))\(id("-a"))];\n"
                for (k, p) in others.enumerated() {
                    out +=
                        "  \(p) -> \(relationPoint(i)) [\(edgeAttributes(i, graph, labelled: false, arrowhead: "none"))\(id("-a\(k + 2)"))];\n"
                }
                out += "  \(relationPoint(i)) -> \(to) [\(edgeAttributes(i, graph, labelled: false))\(id("-b"))];\n"
            } else {
                out += "  \(from) -> \(to) [\(edgeAttributes(i, graph))\(id(""))];\n"
            }
        }
        if options.legend, let legend = legend(graph, options: options, fills: fills) { out += legend }
        out += "}\n"
        return out
    }

    /// The quoted id of the point drawn on relation `r`.
    static func relationPoint(_ r: Int) -> String { "\"@r\(r)\"" }

    /// The quoted DOT id of claim `c`: its own id, unless that holds a control character or line break
    /// (which DOT strings cannot show, so two ids could become one) or starts with `@` (argraph's own
    /// nodes: `@r1`, `@legend`); then `@c` and the claim's index, which no other node has.
    static func nodeID(_ c: Int, _ graph: Graph) -> String {
        let id = graph.claims[c].id
        if id.hasPrefix("@") || id.unicodeScalars.contains(where: DOTEscaping.isControlOrBreak) { return "\"@c\(c)\"" }
        return DOTEscaping.quoted(id)
    }

    static func edgeColor(_ r: Relation) -> String {
        r.isUndercut ? undercutColor : (r.kind == .support ? supportColor : attackColor)
    }

    static func edgeAttributes(_ i: Int, _ graph: Graph, labelled: Bool = true, arrowhead: String? = nil) -> String {
        let r = graph.relations[i]
        var a: [String] = []
        let color = edgeColor(r)
        a.append("color=\"\(color)\"")
        if r.isUndercut {
            a.append("style=dotted"); a.append("arrowhead=" + (arrowhead ?? "tee"))
        } else if r.kind == .support {
            a.append("style=solid"); a.append("arrowhead=" + (arrowhead ?? "normal"))
        } else {
            a.append("style=dashed"); a.append("arrowhead=" + (arrowhead ?? "tee"))
        }
        let w = r.weight.isFinite ? min(max(r.weight, 0), 1) : 1
        a.append("penwidth=\(number(0.6 + 2.0 * w))")
        if labelled, w < 1 {
            a.append("label=\(DOTEscaping.quoted(number(w)))"); a.append("fontcolor=\"\(color)\"")
        }
        var tip = r.kind.rawValue + (r.isUndercut ? " (undercut)" : "") + " " + graph.label(ofRelation: i)
        if let note = r.note { tip += ": " + note }
        a.append("tooltip=\(DOTEscaping.tooltip(tip))")
        return a.joined(separator: ", ")
    }

    static func node(_ c: Int, _ graph: Graph, _ options: Options, _ fill: String) -> String {
        let claim = graph.claims[c]
        var lines: [String] = []
        if options.showIDs { lines.append("[" + claim.id + "]") }
        // A hexagon holds less text per width than a box: wrap proposals a little narrower.
        let width = claim.kind == .proposal ? max(8, options.wrapWidth * 4 / 5) : options.wrapWidth
        lines += WordWrap.lines(claim.text, width: width, keepingLineBreaks: false)
        var extra: [String] = []
        if let labels = options.labels, labels.indices.contains(c), !labels[c].isEmpty { extra.append(labels[c]) }
        let strength = strengthOf(c, options)
        if let s = strength { extra.append(NumberText.strength(s)) }
        if !extra.isEmpty { lines.append(extra.joined(separator: " ")) }
        var fillColor = fill
        if let s = strength, fill.count == 7 {
            let alpha = Int((0.2 + 0.8 * s) * 255 + 0.5)
            fillColor += String(alpha, radix: 16, uppercase: true).leftPadded(to: 2)
        }
        var attrs: [String] = []
        switch claim.kind {
        case .claim: break
        case .evidence: attrs.append("shape=note"); attrs.append("style=filled")
        case .proposal:
            attrs.append("shape=hexagon"); attrs.append("style=filled"); attrs.append("margin=\"0.02,0.04\"")
        }
        attrs.append("fillcolor=\"\(fillColor)\"")
        if options.svgIDs { attrs.append("id=\"ag-c\(c)\"") }
        attrs.append("label=" + DOTEscaping.label(lines: lines))
        attrs.append("tooltip=" + DOTEscaping.tooltip(claim.id + " (" + claim.kind.rawValue + "): " + claim.text))
        return nodeID(c, graph) + " [" + attrs.joined(separator: ", ") + "];"
    }

    static func strengthOf(_ c: Int, _ options: Options) -> Double? {
        guard let s = options.strengths, s.indices.contains(c), s[c].isFinite else { return nil }
        return min(max(s[c], 0), 1)
    }

    /// The fill colour of every claim.
    static func fillColors(_ graph: Graph, options: Options) -> [String] {
        if let (x, y) = options.compare, let a = graph.actorIndex(of: x), let b = graph.actorIndex(of: y) {
            return graph.claims.indices.map { compareFill(compareCategory($0, a, b, graph)) }
        }
        let colour = actorColours(graph)
        return graph.claims.indices.map { c in
            guard let a = graph.holders(of: c).first else { return noHolderFill }
            return colour[a] ?? otherFill
        }
    }

    /// Palette colours for the actors who are first holders of the most claims (ties: declaration order).
    public static func actorColours(_ graph: Graph) -> [Int: String] {
        var count = [Int](repeating: 0, count: graph.actors.count)
        for c in graph.claims.indices { if let a = graph.holders(of: c).first { count[a] += 1 } }
        let ranked = graph.actors.indices.filter { count[$0] > 0 }.sorted {
            count[$0] != count[$1] ? count[$0] > count[$1] : $0 < $1
        }
        var colour: [Int: String] = [:]
        for (k, a) in ranked.prefix(palette.count).enumerated() { colour[a] = palette[k] }
        return colour
    }

    /// Who of two actors holds a claim.
    enum CompareCategory: Int, CaseIterable {
        case first, second, both, disputed, neither
    }

    static func compareCategory(_ c: Int, _ a: Int, _ b: Int, _ graph: Graph) -> CompareCategory {
        var aAsserts = false, aDenies = false, bAsserts = false, bDenies = false
        for s in graph.stances(onClaim: c) {
            if s.actor == a { if s.kind == .asserts { aAsserts = true } else { aDenies = true } }
            if s.actor == b { if s.kind == .asserts { bAsserts = true } else { bDenies = true } }
        }
        if (aAsserts && bDenies) || (bAsserts && aDenies) { return .disputed }
        if aAsserts && bAsserts { return .both }
        if aAsserts { return .first }
        if bAsserts { return .second }
        return .neither
    }

    static func compareFill(_ k: CompareCategory) -> String {
        switch k {
        case .first: palette[0]
        case .second: palette[1]
        case .both: palette[2]
        case .disputed: palette[5]
        case .neither: noHolderFill
        }
    }

    /// The cluster (document or actor index) of each claim, if any.
    static func clusterOf(_ graph: Graph, _ clustering: Clustering) -> [Int?] {
        switch clustering {
        case .none:
            return [Int?](repeating: nil, count: graph.claims.count)
        case .document:
            return graph.claims.indices.map { c in graph.stances(onClaim: c).lazy.compactMap(\.document).first }
        case .actor:
            return graph.claims.indices.map { graph.holders(of: $0).first }
        }
    }

    /// An HTML-like table naming what the colours and lines mean; nil when there is nothing to explain.
    static func legend(_ graph: Graph, options: Options, fills: [String]) -> String? {
        let rows = legendRows(graph, options: options)
        var kinds: [(String, String)] = []
        if graph.supportCount > 0 { kinds.append((supportColor, "&#8594; supports (solid)")) }
        if graph.attackCount > 0 { kinds.append((attackColor, "&#8867; attacks (dashed)")) }
        if graph.undercutCount > 0 { kinds.append((undercutColor, "&#8867; undercuts a link (dotted)")) }
        if graph.relations.contains(where: \.isLinked) {
            kinds.append(("black", "&#8226; premises meet: a reason only together (linked)"))
        }
        guard !rows.isEmpty || !kinds.isEmpty else { return nil }
        var html = "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"4\">"
        html += "<TR><TD COLSPAN=\"2\"><B>Legend</B></TD></TR>"
        for (color, name) in rows {
            html +=
                "<TR><TD BGCOLOR=\"\(color)\" WIDTH=\"18\"></TD><TD ALIGN=\"LEFT\">\(DOTEscaping.html(name))</TD></TR>"
        }
        for (color, text) in kinds {
            html += "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><FONT COLOR=\"\(color)\">\(text)</FONT></TD></TR>"
        }
        html += "</TABLE>"
        return "  \"@legend\" [shape=plaintext, style=\"\", label=<\(html)>];\n"
    }

    /// What the fills mean, as (fill, plain-text meaning) in legend order: the actors with palette
    /// colours, `N other actors`, `no actor asserts it`; or, when comparing, who of the two holds a claim.
    public static func legendRows(_ graph: Graph, options: Options) -> [(fill: String, meaning: String)] {
        var rows: [(fill: String, meaning: String)] = []
        if let (x, y) = options.compare, let a = graph.actorIndex(of: x), let b = graph.actorIndex(of: y) {
            let na = graph.actors[a].name, nb = graph.actors[b].name
            let names: [CompareCategory: String] = [
                .first: "held by \(na) only", .second: "held by \(nb) only",
                .both: "held by both", .disputed: "asserted by one, denied by the other",
                .neither: "held by neither",
            ]
            var present = Set<CompareCategory>()
            for c in graph.claims.indices { present.insert(compareCategory(c, a, b, graph)) }
            for k in CompareCategory.allCases where present.contains(k) {
                rows.append((compareFill(k), names[k] ?? ""))
            }
        } else {
            let colour = actorColours(graph)
            var others = Set<Int>()
            var anyNone = false
            for c in graph.claims.indices {
                if let a = graph.holders(of: c).first {
                    if colour[a] == nil { others.insert(a) }
                } else {
                    anyNone = true
                }
            }
            for (a, fill) in colour.sorted(by: {
                (palette.firstIndex(of: $0.value) ?? 0) < (palette.firstIndex(of: $1.value) ?? 0)
            }) {
                rows.append((fill, graph.actors[a].name))
            }
            if !others.isEmpty {
                rows.append((otherFill, "\(NumberText.counted(others.count, "other actor"))"))
            }
            if anyNone, !rows.isEmpty { rows.append((noHolderFill, "no actor asserts it")) }
        }
        return rows
    }

    /// A drawing attribute or a weight: at most `digits` decimals, no trailing zeros (``NumberText/compact(_:decimals:)``).
    static func number(_ x: Double, digits: Int = 2) -> String { NumberText.compact(x, decimals: digits) }
}

extension String {
    /// The string left-padded with zeros to `n` characters.
    func leftPadded(to n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}
