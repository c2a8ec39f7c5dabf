import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
import Testing
@testable import ArgumentGraph

@Suite struct MatrixSVGTests {
    /// Counts elements by name while parsing; parsing fails on malformed XML.
    final class Counter: NSObject, XMLParserDelegate {
        var counts: [String: Int] = [:]
        var texts: [String] = []
        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) { counts[name, default: 0] += 1 }
        func parser(_ parser: XMLParser, foundCharacters string: String) { texts.append(string) }
    }

    @Test func wellFormedGridWithEscapedLabels() throws {
        let g = try PositionFixtures.graph(
            """
            actor x
              name: X <&> "Y"
            actor y
            claim k1: One.
            claim k2: Two.
            stance x asserts k1
            stance y asserts k2
            attack k1 -> k2
            """)
        let m = AgreementMatrix(g)
        let svg = MatrixSVG.render(m, title: "A & B <test>")
        #expect(svg.contains("A &amp; B &lt;test&gt;"))
        #expect(!svg.contains("<test>"))
        #expect(svg.contains("X &lt;&amp;&gt; &quot;Y&quot; × y"))
        let parser = XMLParser(data: Data(svg.utf8))
        let counter = Counter()
        parser.delegate = counter
        #expect(parser.parse(), "SVG is not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "")")
        // 2 x 2 cells + background + legend bar + no-contact swatch.
        #expect(counter.counts["rect"] == 4 + 3)
        #expect(counter.counts["svg"] == 1 && counter.counts["linearGradient"] == 1)
        #expect(svg.contains("fill=\"\(MatrixSVG.colour(-1))\""))  // x and y only attack: red cells
    }

    @Test func escapesEveryXMLSpecialCharacter() {
        #expect(MatrixSVG.escape("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&apos;")
    }

    @Test func divergingScaleEndsAndMiddle() {
        #expect(MatrixSVG.colour(-1) == "#b2182b")
        #expect(MatrixSVG.colour(0) == "#f7f7f7")
        #expect(MatrixSVG.colour(1) == "#2166ac")
        #expect(MatrixSVG.colour(5) == MatrixSVG.colour(1) && MatrixSVG.colour(.nan) == MatrixSVG.colour(0))
    }

    @Test func noContactCellsAreGrey() throws {
        let g = try PositionFixtures.graph(
            """
            actor x
            actor y
            claim k1: One.
            claim k2: Two.
            stance x asserts k1
            stance y asserts k2
            """)
        let svg = MatrixSVG.render(AgreementMatrix(g))
        // 2 cells + legend swatch
        #expect(svg.components(separatedBy: "fill=\"\(MatrixSVG.noContactColour)\"").count - 1 == 2 + 1)
    }
}
