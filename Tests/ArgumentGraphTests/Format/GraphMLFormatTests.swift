import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
import Testing
@testable import ArgumentGraph

/// Collects GraphML nodes, edges and data values with Foundation's XMLParser.
final class GraphMLCollector: NSObject, XMLParserDelegate {
    var nodes: [String] = []
    var edges: [(String, String, String)] = []
    var data: [(String, String)] = []
    var keys: [String] = []
    private var currentKey: String?
    private var text = ""

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch name {
        case "node": nodes.append(attributes["id"] ?? "")
        case "edge": edges.append((attributes["id"] ?? "", attributes["source"] ?? "", attributes["target"] ?? ""))
        case "key": keys.append(attributes["id"] ?? "")
        case "data": currentKey = attributes["key"]; text = ""
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { if currentKey != nil { text += string } }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "data", let k = currentKey { data.append((k, text)); currentKey = nil }
    }

    static func parse(_ xml: String) -> (GraphMLCollector, Bool) {
        let c = GraphMLCollector()
        let p = XMLParser(data: Data(xml.utf8))
        p.delegate = c
        let ok = p.parse()
        return (c, ok)
    }
}

@Suite struct GraphMLFormatTests {
    @Test func adversarialLabelsSurviveAnXMLParser() throws {
        let g = try ExportFixtures.adversarial()
        let (c, ok) = GraphMLCollector.parse(GraphMLWriter.write(g))
        #expect(ok)
        #expect(c.nodes.count == g.claims.count)
        #expect(c.edges.count == g.relations.count)
        let texts = c.data.filter { $0.0 == "n_text" }.map(\.1)
        // Everything but the characters XML 1.0 cannot hold (NUL, BEL) comes back exactly.
        let expected = g.claims.map {
            String(
                String.UnicodeScalarView(
                    $0.text.unicodeScalars.filter { $0.value >= 0x20 || $0 == "\n" || $0 == "\t" || $0 == "\r" }))
        }
        #expect(texts == expected)
        #expect(c.data.contains { $0.0 == "n_actors" && $0.1 == #"Mallory "]; evil [ <i>"# })
    }

    @Test func nodesAndEdgesCarryTheirData() throws {
        let g = try ExportFixtures.nixon()
        let (c, ok) = GraphMLCollector.parse(GraphMLWriter.write(g))
        #expect(ok)
        #expect(c.keys.contains("n_text") && c.keys.contains("e_weight"))
        #expect(c.edges.map { "\($0.1)>\($0.2)" } == ["n0>n1", "n1>n2", "n2>n1", "n3>n1"])
        let kinds = c.data.filter { $0.0 == "e_kind" }.map(\.1)
        #expect(kinds == ["support", "attack", "attack", "undercut"])
        #expect(c.data.contains { $0.0 == "e_undercuts" && $0.1 == "e0" })
        #expect(c.data.filter { $0.0 == "e_weight" }.map(\.1) == ["0.8", "1.0", "1.0", "0.5"])
        #expect(c.data.filter { $0.0 == "n_kind" }.map(\.1) == ["evidence", "claim", "claim", "proposal"])
        #expect(c.data.contains { $0.0 == "n_deniedBy" && $0.1 == "The Quakers" })
    }

    @Test func escapesMarkupAndDropsForbiddenCharacters() {
        #expect(GraphMLWriter.escape(#"<a href="x">&'</a>"#) == "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;")
        #expect(GraphMLWriter.escape("a\u{0}b\u{1F}c\nd") == "abc&#10;d")
    }

    /// The native JSON keeps the adversarial graph exactly (the lossless form).
    @Test func nativeJSONRoundTripsAdversarialLabels() throws {
        let g = try ExportFixtures.adversarial()
        #expect(try GraphJSON.decode(GraphJSON.encode(g)) == g)
    }
}
