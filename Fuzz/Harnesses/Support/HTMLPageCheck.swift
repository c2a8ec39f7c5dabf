// The HTML page's checks, called by the export harness (compiled into every harness by scripts/fuzz).
import Foundation
@testable import ArgumentGraph

/// Checks that a graph's HTML page (written without Graphviz: the map is covered by the DOT checks)
/// cannot be broken by its texts:
///   - the page has exactly its own two `<script>` elements and, outside `<style>` and `<script>`,
///     only the elements the page itself writes;
///   - the `<title>` holds escaped text only;
///   - the JSON island holds no `<`, `>`, `&`, U+2028 or U+2029, reads back, and gives back every
///     text exactly (claim ids and texts, names, titles, tags, quotes, notes);
///   - the agreement matrix and the pairs agree: one pair per pair of members that meet, with as
///     many points of agreement and conflict as the cell counts.
enum HTMLPageCheck {
    static func fail(_ what: String, _ page: String) -> Never {
        fatalError("HTML: \(what)\n--- page:\n\(page)")
    }

    static let allowed: Set<String> = [
        "html", "head", "meta", "title", "body", "a", "header", "h1", "h2", "h3", "p", "div", "label",
        "input", "select", "option", "button", "span", "main", "section", "aside", "ol", "ul", "li",
        "dl", "dt", "dd", "kbd", "noscript", "svg", "rect", "path", "polygon", "line", "circle", "text",
        "style", "script",
    ]

    static func check(_ graph: Graph, map: DOTExporter.Options) {
        var options = HTMLExporter.Options()
        options.useGraphviz = false
        options.map = map
        let page = HTMLExporter.write(graph, options: options)
        let scalars = Array(page.unicodeScalars)

        // Element names outside style and script contents.
        var i = 0, scripts = 0
        func lowerName(at k: Int) -> String {
            var name = "", j = k
            while j < scalars.count,
                ("a"..."z").contains(scalars[j]) || ("A"..."Z").contains(scalars[j])
                    || ("0"..."9").contains(scalars[j]) || scalars[j] == "-"
            {
                name.unicodeScalars.append(scalars[j]); j += 1
            }
            return name.lowercased()
        }
        func skip(past close: String, from k: Int) -> Int {
            let c = Array(close.unicodeScalars)
            var j = k
            while j + c.count <= scalars.count {
                if zip(scalars[j..<(j + c.count)], c).allSatisfy({ String($0).lowercased() == String($1) }) {
                    return j + c.count
                }
                j += 1
            }
            fail("\(close) is missing", page)
        }
        while i < scalars.count {
            guard scalars[i] == "<", i + 1 < scalars.count else { i += 1; continue }
            let closing = scalars[i + 1] == "/"
            let name = lowerName(at: i + (closing ? 2 : 1))
            if name.isEmpty, scalars[i + 1] == "!" { i += 1; continue }  // <!DOCTYPE html>
            if name.isEmpty { fail("a '<' that starts no element, in markup", page) }
            if !allowed.contains(name) { fail("an element <\(name)> the page does not write", page) }
            if !closing, name == "script" { scripts += 1; i = skip(past: "</script>", from: i + 7); continue }
            if !closing, name == "style" { i = skip(past: "</style>", from: i + 6); continue }
            i += 1
        }
        if scripts != 2 { fail("\(scripts) script elements instead of 2", page) }

        // The title: escaped text, as DOTEscaping.html writes it.
        guard let t0 = page.range(of: "<title>"), let t1 = page[t0.upperBound...].range(of: "</title>") else {
            fail("no title", page)
        }
        let expected = DOTEscaping.html(map.title ?? graph.title ?? graph.name ?? "Argument graph")
        if page[t0.upperBound..<t1.lowerBound] != expected { fail("the title is not the escaped title", page) }

        // The island.
        guard let o = page.range(of: "id=\"\(HTMLExporter.islandID)\">"),
            let c = page[o.upperBound...].range(of: "</script>")
        else {
            fail("no JSON island", page)
        }
        if page[o.upperBound..<c.lowerBound].unicodeScalars.contains(where: {
            "<>&\u{2028}\u{2029}".unicodeScalars.contains($0)
        }) {
            fail("the island holds a raw <, >, &, U+2028 or U+2029", page)
        }
        guard let data = HTMLExporter.data(inPage: page) else { fail("the island does not read back", page) }
        let same =
            data.claims.map(\.id) == graph.claims.map(\.id) && data.claims.map(\.text) == graph.claims.map(\.text)
            && data.claims.map(\.tags) == graph.claims.map(\.tags)
            && data.actors.map(\.name) == graph.actors.map(\.name)
            && data.documents.map(\.title) == graph.documents.map(\.title)
            && data.stances.map { $0.quotes.map(\.text) } == graph.stances.map { $0.quotes.map(\.text) }
            && data.relations.map(\.note) == graph.relations.map(\.note) && data.description == graph.description
        if !same { fail("a text changed in the island", page) }
        if let m = data.matrix {
            let n = m.members.count
            var pairs = 0
            for i in 0..<n { for j in (i + 1)..<n where m.agreements[i][j] + m.conflicts[i][j] > 0 { pairs += 1 } }
            if pairs != data.pairs.count { fail("\(data.pairs.count) pairs for \(pairs) cells with contact", page) }
            for p in data.pairs
            where p.agreements.count != m.agreements[p.i][p.j] || p.conflicts.count != m.conflicts[p.i][p.j] {
                fail(
                    "pair \(p.i)-\(p.j) lists \(p.agreements.count)+\(p.conflicts.count) points, its cell counts "
                        + "\(m.agreements[p.i][p.j])+\(m.conflicts[p.i][p.j])", page)
            }
        }
    }
}
