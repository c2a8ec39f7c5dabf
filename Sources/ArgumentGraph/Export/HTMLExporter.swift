import ArgumentGraphAnalysis
import ArgumentGraphFormats
import ArgumentGraphModel
import ArgumentGraphText
import Foundation

/// Writes a graph as one self-contained HTML page: the map drawn by Graphviz (zoomable and
/// pannable), a panel with each claim's stances, quotes, relations, grounded label and strength,
/// filters by actor, document and tag, a search box, and the actor × actor agreement heat map.
///
/// The page fetches nothing (a Content-Security-Policy forbids it): the SVG, the style and the
/// script are inline, and the data is one JSON island (``HTMLPageData``) that the script renders
/// with DOM text nodes only, so no claim text, quote or name can become markup. The one text
/// written as markup, the title, is escaped by ``DOTEscaping/html(_:)``. The island writes
/// `<`, `>`, `&`, U+2028 and U+2029 as `\u` escapes, so no text can end the `<script>` element.
/// Without Graphviz, or above ``Options/mapLimit`` claims, the page has no map and says why; the
/// lists, the panel, the filters and the heat map work the same.
public enum HTMLExporter {
    /// What the page shows and how.
    public struct Options: Sendable {
        /// How the map is drawn (direction, wrapping, clusters, ids, colours by compared actors, title).
        /// Its legend is left out: the page has its own.
        public var map = DOTExporter.Options()
        /// The grounded label of each claim (by claim index); computed when nil.
        public var labels: [Label]?
        /// The DF-QuAD strength of each claim (by claim index); computed when nil.
        public var strengths: [Double]?
        /// Whether to run Graphviz for the map; false leaves the map out (as when Graphviz is missing).
        public var useGraphviz = true
        /// Above this many claims the map is left out: `dot` takes minutes, and a browser slows down.
        public var mapLimit = 1000
        /// Graphviz is stopped after this many seconds and the map left out (a dense graph of a
        /// few hundred claims can take `dot` many minutes to lay out).
        public var mapTimeout: Double = 60
        /// Above this many actors with stances the heat map is left out (its cells grow with the square).
        public var matrixLimit = 100

        /// Default options.
        public init() {}
    }

    /// The id of the `<script>` element that holds the data.
    public static let islandID = "argraph-data"

    /// The page of `graph`.
    public static func write(_ graph: Graph, options: Options = Options()) -> String {
        var dot = options.map
        dot.legend = false
        dot.svgIDs = true
        let title = dot.title ?? graph.title ?? graph.name ?? "Argument graph"
        let (svg, mapNote) = map(
            graph, options: dot, useGraphviz: options.useGraphviz, limit: options.mapLimit,
            timeout: options.mapTimeout)
        let data = HTMLPageData(
            graph, title: title, labels: options.labels, strengths: options.strengths,
            legend: DOTExporter.legendRows(graph, options: dot),
            fills: DOTExporter.fillColors(graph, options: dot), mapNote: mapNote,
            matrixLimit: options.matrixLimit)
        return page(data, svg: svg)
    }

    /// The map as inline SVG, or nil and why there is none.
    static func map(_ graph: Graph, options: DOTExporter.Options, useGraphviz: Bool, limit: Int, timeout: Double) -> (
        String?, String?
    ) {
        if graph.claims.isEmpty { return (nil, "The graph has no claims, so there is no map.") }
        guard useGraphviz else { return (nil, "The map was left out when this page was written (without Graphviz).") }
        if graph.claims.count > limit {
            return (
                nil,
                "The map is left out: the graph has \(graph.claims.count) claims, and the page draws one for at most \(limit) "
                    + "(Graphviz takes minutes on more, and a browser slows down). Export a part with --around, --actor, --tag or --compare "
                    + "to get a map of it."
            )
        }
        guard Graphviz.isAvailable else {
            return (
                nil,
                "There is no map because Graphviz was not installed where this page was written: "
                    + Graphviz.missingMessage + "."
            )
        }
        do {
            let data = try Graphviz.render(DOTExporter.write(graph, options: options), format: "svg", timeout: timeout)
            return (inlineSVG(String(decoding: data, as: UTF8.self)), nil)
        } catch {
            return (
                nil,
                "There is no map because " + error.diagnostics.map(\.message).joined(separator: "; ")
                    + ". Export a part with --around, --actor, --tag or --compare to get a map of it."
            )
        }
    }

    /// Graphviz's SVG made fit to sit inside HTML: from `<svg` on, without comments (which repeat
    /// node names) and without the fixed size (the page sizes it).
    static func inlineSVG(_ svg: String) -> String {
        guard let start = svg.range(of: "<svg") else { return "" }
        var out = ""
        var rest = svg[start.lowerBound...]
        while let open = rest.range(of: "<!--") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "-->") else { rest = rest[rest.endIndex...]; break }
            rest = rest[close.upperBound...]
        }
        out += rest
        // `width="612pt" height="400pt"` on the root element only.
        if let tagEnd = out.firstIndex(of: ">") {
            var head = String(out[..<tagEnd])
            for attribute in ["width", "height"] {
                if let r = head.range(of: " \(attribute)=\"[^\"]*\"", options: .regularExpression) {
                    head.removeSubrange(r)
                }
            }
            out = head + out[tagEnd...]
        }
        return out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The page around its data and map.
    static func page(_ data: HTMLPageData, svg: String?) -> String {
        let toolbar = """
            <div class="toolbar" aria-label="Zoom"><button type="button" data-zoom="in" title="Zoom in (+)">+</button>\
            <button type="button" data-zoom="out" title="Zoom out (−)">−</button>\
            <button type="button" data-zoom="fit" title="Fit the map (0)">Fit</button></div>
            """
        let mapPart =
            svg.map {
                toolbar
                    + "\n<div id=\"map\" tabindex=\"0\" aria-label=\"The map: drag to pan, wheel or + and − to zoom, 0 to fit\">\($0)</div>"
            }
            ?? "<div id=\"map-missing\" role=\"note\"><p id=\"map-note\"></p><p>The claims are listed below; select one to read it.</p></div>"
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
            <meta name="generator" content="argraph">
            <title>\(DOTEscaping.html(data.title))</title>
            <style>
            \(style)
            </style>
            </head>
            <body>
            <a class="skip" href="#claims">Skip to the list of claims</a>
            <header>
            <h1>\(DOTEscaping.html(data.title))</h1>
            <p id="summary"></p>
            <div id="controls" role="search">
            <label>Search <input id="search" type="search" placeholder="claim text or quote  ( / )" autocomplete="off"></label>
            <label>Actor <select id="f-actor"><option value="-1">all actors</option></select></label>
            <label>Document <select id="f-doc"><option value="-1">all documents</option></select></label>
            <label>Tag <select id="f-tag"><option value="">all tags</option></select></label>
            <button id="clear" type="button">Clear filters</button>
            <span id="count" aria-live="polite"></span>
            </div>
            </header>
            <main id="top">
            <section id="map-box" aria-label="Map">
            \(mapPart)
            </section>
            <aside id="panel" tabindex="-1" aria-live="polite" aria-label="The selected claim">\
            <p class="empty">Select a claim on the map or in the list (or press j and k) to read who holds it, their quotes, \
            and what supports and attacks it.</p></aside>
            </main>
            <section id="claims" aria-labelledby="claims-h"><h2 id="claims-h">Claims</h2><ol id="claim-list"></ol></section>
            <section id="agreement" aria-labelledby="agreement-h"><h2 id="agreement-h">Who agrees with whom</h2>
            <p id="definition"></p><div id="heatmap"></div><div id="pair" aria-live="polite"></div></section>
            \(legendHTML)
            <noscript><p class="note">This page needs JavaScript to show the claims, quotes and agreement; the map above is a picture.</p></noscript>
            <script type="application/json" id="\(islandID)">\(island(data))</script>
            <script>
            (function () {
            'use strict';
            \(script)
            \(mapScript)
            init();
            })();
            </script>
            </body>
            </html>

            """
    }

    /// The data as JSON that can sit inside a `<script>` element: `<`, `>`, `&`, U+2028 and U+2029 as `\u` escapes.
    public static func island(_ data: HTMLPageData) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = (try? encoder.encode(data)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        var out = ""
        out.unicodeScalars.reserveCapacity(json.unicodeScalars.count)
        for s in json.unicodeScalars {
            switch s {
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default: out.unicodeScalars.append(s)
            }
        }
        return out
    }

    /// The data of a page this exporter wrote, read back from its JSON island; nil when there is none.
    public static func data(inPage html: String) -> HTMLPageData? {
        guard let open = html.range(of: "<script type=\"application/json\" id=\"\(islandID)\">"),
            let close = html[open.upperBound...].range(of: "</script>")
        else { return nil }
        return try? JSONDecoder().decode(HTMLPageData.self, from: Data(html[open.upperBound..<close.lowerBound].utf8))
    }
}
