import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
import Testing
@testable import ArgumentGraph

/// Hostile labels drawn by Graphviz come back as text: `dot -Tsvg` accepts the DOT, draws one node
/// per claim, and shows each label line (and each tooltip) as written (issue #9). Skipped where
/// Graphviz is not installed.
@Suite struct HostileLabelSVGTests {
    /// Texts (no line breaks or control characters, which become spaces by design) that try to end
    /// a string, add attributes or markup, or be expanded by Graphviz.
    static let texts = [
        #"She said "no" \ twice"#,
        #"trailing backslash \"#,
        #"\\ two and \" escaped quote"#,
        #"}"]; evil [label="pwned"]; x [ {"#,
        "<b>bold</b> & <script>alert(1)</script> &amp; &lt; &#65; &nbsp;",
        #"Graphviz escapes \N \G \E \T \H \L \n \l \r"#,
        "-> -- edge; subgraph cluster_x { y }",
        "emoji 🎉, 日本語, Ωmega, e\u{301} combining, \u{202E}RTL override",
        "<<double>> <TABLE><TR><TD>cell</TD></TR></TABLE>",
    ]
    static let ids = [#"id "quoted""#, #"id\"#, "@r0", "@legend", "<id>", "cluster_0", "a -> b", "{id}", "é"]

    static func graph() -> Graph {
        var claims: [Claim] = []
        for (i, t) in texts.enumerated() {
            claims.append(Claim(id: ids[i % ids.count], text: t, kind: ClaimKind.allCases[i % 3]))
        }
        let actors = [Actor(id: "m", name: #"Mallory "]; <i>x</i> & \"#), Actor(id: "e", name: "Ève <&> \\")]
        var stances: [Stance] = []
        for c in claims.indices { stances.append(Stance(actor: c % 2, claim: c)) }
        var relations: [Relation] = []
        for c in 1..<claims.count {
            relations.append(
                Relation(
                    id: "r\(c)", kind: c % 2 == 0 ? .support : .attack, source: c, target: .claim(c - 1),
                    weight: 0.5, note: texts[c]))
        }
        relations.append(Relation(kind: .attack, source: 0, target: .relation(0)))
        return Graph(name: "g", title: texts[3], actors: actors, claims: claims, stances: stances, relations: relations)
    }

    /// The texts of an SVG's `<text>` elements and its `xlink:title` tooltips, entities decoded.
    final class SVGText: NSObject, XMLParserDelegate {
        var texts: [String] = [], titles: [String] = [], nodes = 0
        var current: String?
        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            if name == "text" { current = "" }
            if name == "g", attributes["class"] == "node" { nodes += 1 }
            if let t = attributes["xlink:title"] { titles.append(t) }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { current? += string }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "text", let c = current { texts.append(c); current = nil }
        }
    }

    @Test(.enabled(if: ExportFixtures.dotAvailable, "needs Graphviz 'dot' (apt-get install graphviz)"))

    func everyLabelComesBackFromGraphviz() throws {
        let g = Self.graph()
        for clustering in DOTExporter.Clustering.allCases {
            var o = DOTExporter.Options()
            o.clustering = clustering
            o.showIDs = true
            o.wrapWidth = 1000  // one line per label, so each text is one SVG text element
            let svg = try Graphviz.render(DOTExporter.write(g, options: o), format: "svg")
            let parser = XMLParser(data: svg)
            let found = SVGText()
            parser.delegate = found
            #expect(parser.parse(), "\(clustering): the SVG does not parse")
            // One node per claim, one point on the undercut relation, the legend: no label made a node.
            #expect(found.nodes == g.claims.count + 2, "\(clustering): \(found.nodes) nodes")
            for c in g.claims {
                #expect(
                    found.texts.contains(c.text), "\(clustering): label \(c.text.debugDescription) not drawn as written"
                )
                #expect(
                    found.texts.contains("[" + c.id + "]"),
                    "\(clustering): id \(c.id.debugDescription) not drawn as written")
                #expect(
                    found.titles.contains { $0.hasSuffix("): " + c.text) },
                    "\(clustering): tooltip of \(c.id.debugDescription): \(found.titles.filter { $0.contains(String(c.text.prefix(5))) }.map(\.debugDescription))"
                )
            }
            #expect(found.texts.contains(g.title ?? ""), "\(clustering): title")
            for a in g.actors {
                #expect(
                    found.texts.contains(a.name), "\(clustering): actor name \(a.name.debugDescription) in the legend")
            }
            #expect(!found.texts.contains("pwned"))
        }
    }
}
