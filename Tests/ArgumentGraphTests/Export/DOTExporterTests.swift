import Foundation
import Testing
@testable import ArgumentGraph

@Suite struct DOTExporterTests {
    /// A two-claim graph, exported with default options, compared line by line with the expected DOT.
    @Test func goldenTwoClaims() throws {
        let g = try ArgReader.read(
            """
            actor welch
              name: Gen. Larry Welch
            claim a: The alliance remains vital.
            evidence b: Bases host 50,000 troops.
            stance welch asserts a
            support b -> a
              weight: 0.75
            """
        ).graph
        let expected = """
            digraph argraph {
              graph [charset="UTF-8", rankdir=BT, nodesep=0.3, ranksep=0.45, fontname="Helvetica,Arial,sans-serif"];
              node [fontname="Helvetica,Arial,sans-serif", fontsize=11, style="filled,rounded", shape=box, color="#555555", penwidth=1];
              edge [fontname="Helvetica,Arial,sans-serif", fontsize=9];
              "a" [fillcolor="#F2CF80", label="The alliance remains vital.", tooltip="a (claim): The alliance remains vital."];
              "b" [shape=note, style=filled, fillcolor="#FFFFFF", label="Bases host 50,000 troops.", tooltip="b (evidence): Bases host 50,000 troops."];
              "b" -> "a" [color="#007A5A", style=solid, arrowhead=normal, penwidth=2.1, label="0.75", fontcolor="#007A5A", tooltip="support b -> a"];
              "@legend" [shape=plaintext, style="", label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="4"><TR><TD COLSPAN="2"><B>Legend</B></TD></TR><TR><TD BGCOLOR="#F2CF80" WIDTH="18"></TD><TD ALIGN="LEFT">Gen. Larry Welch</TD></TR><TR><TD BGCOLOR="#FFFFFF" WIDTH="18"></TD><TD ALIGN="LEFT">no actor asserts it</TD></TR><TR><TD COLSPAN="2" ALIGN="LEFT"><FONT COLOR="#007A5A">&#8594; supports (solid)</FONT></TD></TR></TABLE>>];
            }

            """
        let dot = DOTExporter.write(g)
        #expect(dot.split(separator: "\n") == expected.split(separator: "\n"))
    }

    @Test func supportAttackAndUndercutLookDifferentAndUndercutAimsAtAPointOnTheEdge() throws {
        let dot = DOTExporter.write(try ExportFixtures.nixon())
        #expect(dot.contains(##""nixon-quaker" -> "@r0" [color="#007A5A", style=solid, arrowhead=none"##))
        #expect(dot.contains(##""@r0" -> "nixon-pacifist" [color="#007A5A", style=solid, arrowhead=normal"##))
        #expect(
            dot.contains(##""nixon-pacifist" -> "nixon-not-pacifist" [color="#D55E00", style=dashed, arrowhead=tee"##))
        #expect(dot.contains(##""study-nixon" -> "@r0" [color="#AA4499", style=dotted, arrowhead=tee"##))
        #expect(dot.contains(##""@r0" [shape=point"##))
        #expect(dot.contains(##""nixon-quaker" [shape=note"##))
        #expect(dot.contains(##""study-nixon" [shape=hexagon"##))
        // Weight 0.8 is a thinner pen than weight 1, and labelled.
        #expect(dot.contains(##"penwidth=2.2, label="0.8""##))
        #expect(dot.contains("penwidth=2.6, tooltip=\"attack nixon-pacifist"))
    }

    @Test func strengthsAndLabelsShowAsTextAndFillIntensity() throws {
        let g = try ExportFixtures.nixon()
        var o = DOTExporter.Options()
        o.strengths = [1, 0, .nan, 0.5]
        o.labels = ["IN", "OUT", "", "UNDEC"]
        let dot = DOTExporter.write(g, options: o)
        // Reiter (actor 0, first palette colour) holds nixon-quaker: full strength, alpha FF.
        #expect(dot.contains(##"fillcolor="#F2CF80FF", label="Nixon is a Quaker.\nIN 1.000""##))
        #expect(dot.contains(##"fillcolor="#F2CF8033", label="Nixon is a pacifist.\nOUT 0.000""##))
        // NaN is ignored; an empty label adds nothing.
        #expect(dot.contains(##"fillcolor="#FFFFFF", label="Nixon is not a pacifist.""##))
        #expect(dot.contains(##"label="Study Nixon's record.\nUNDEC 0.500""##))
    }

    @Test func compareColoursByWhoHoldsAClaim() throws {
        var o = DOTExporter.Options()
        o.compare = ("reiter", "quakers")
        let dot = DOTExporter.write(try ExportFixtures.nixon(), options: o)
        // Reiter only
        #expect(dot.contains(##""nixon-quaker" [shape=note, style=filled, fillcolor="\##(DOTExporter.palette[0])""##))
        #expect(dot.contains(##""nixon-pacifist" [fillcolor="\##(DOTExporter.palette[2])""##))  // both
        #expect(
            dot.contains(
                ##""study-nixon" [shape=hexagon, style=filled, margin="0.02,0.04", fillcolor="\##(DOTExporter.palette[1])""##
            ))  // Quakers only
        #expect(dot.contains("held by Ray Reiter only"))
        #expect(dot.contains("held by both"))
    }

    @Test func clustersByDocumentAndByActor() throws {
        var o = DOTExporter.Options()
        o.clustering = .document
        let byDoc = DOTExporter.write(try ExportFixtures.nixon(), options: o)
        #expect(byDoc.contains(##"subgraph "cluster_0" {"##))
        #expect(byDoc.contains(##"label="An interview""##))
        o.clustering = .actor
        let byActor = DOTExporter.write(try ExportFixtures.nixon(), options: o)
        #expect(byActor.contains(##"label="Ray Reiter""##))
        #expect(byActor.contains(##"label="The Quakers""##))
    }

    @Test func escapingKeepsEveryLabelInsideItsString() throws {
        #expect(DOTEscaping.quoted(##"a"b\c"##) == ##""a\"b\\c""##)
        #expect(DOTEscaping.quoted("x\ny\u{0}") == ##""x y ""##)
        #expect(DOTEscaping.quotedBody("AT&T") == "AT&amp;T")
        #expect(DOTEscaping.html("<b>&\"é") == "&lt;b&gt;&amp;&quot;&#233;")
        let dot = DOTExporter.write(try ExportFixtures.adversarial())
        // Every line of the output is one statement: no label broke out into a new line or statement.
        for line in dot.split(separator: "\n").dropFirst().dropLast() {
            #expect(line.hasSuffix(";") || line.hasSuffix("{") || line == "  }", "\(line)")
        }
        #expect(!dot.contains("\u{0}") && !dot.contains("\u{7}") && !dot.contains("\r"))
        #expect(!dot.contains(##"[label="pwned"]"##))
    }

    @Test func wrapsTextToTheWidth() {
        #expect(WordWrap.lines("aa bb cc dd", width: 5, keepingLineBreaks: false) == ["aa bb", "cc dd"])
        #expect(WordWrap.lines("abcdefghij", width: 4, keepingLineBreaks: false) == ["abcd", "efgh", "ij"])
        #expect(WordWrap.lines("  x\n\ny  ", width: 10, keepingLineBreaks: false) == ["x y"])
        #expect(WordWrap.lines("", width: 10, keepingLineBreaks: false).isEmpty)
        for line in WordWrap.lines(String(repeating: "word ", count: 50), width: 12, keepingLineBreaks: false) {
            #expect(line.count <= 12)
        }
    }

    /// `dot` accepts the DOT of every graph in graphs/, of every selection of it, and of the adversarial graph.
    @Test(.enabled(if: ExportFixtures.dotAvailable, "needs Graphviz 'dot' (apt-get install graphviz)"))
    func dotAcceptsEveryExport() throws {
        var graphs = try ExportFixtures.bundledGraphs()
        graphs.append(("adversarial", try ExportFixtures.adversarial()))
        graphs.append(("nixon", try ExportFixtures.nixon()))
        graphs.append(("undercut chain", try ExportFixtures.undercutChain()))
        var checked = 0
        for (name, g) in graphs {
            var variants: [(String, Graph, DOTExporter.Options)] = []
            var o = DOTExporter.Options()
            variants.append(("all", g, o))
            o.clustering = .document; variants.append(("by document", g, o))
            o.clustering = .actor; o.showIDs = true; o.strengths = g.claims.indices.map { Double($0 % 5) / 4 }
            o.labels = g.claims.indices.map { $0 % 2 == 0 ? "IN" : "<OUT> \"x\"" }
            variants.append(("by actor, strengths", g, o))
            if let c = g.claims.first {
                variants.append(
                    (
                        "around", try GraphSelection.around(claim: c.id, depth: 1).subgraph(of: g).graph,
                        DOTExporter.Options()
                    ))
            }
            if g.actors.count >= 2 {
                var co = DOTExporter.Options()
                co.compare = (g.actors[0].id, g.actors[1].id)
                variants.append(
                    ("compare", try GraphSelection.compare(g.actors[0].id, g.actors[1].id).subgraph(of: g).graph, co))
            }
            for (what, graph, options) in variants {
                let text = DOTExporter.write(graph, options: options)
                #expect(throws: Never.self, "\(name) \(what)") { _ = try Graphviz.render(text, format: "canon") }
                checked += 1
            }
        }
        #expect(checked >= 8)
    }

    @Test(.enabled(if: ExportFixtures.dotAvailable, "needs Graphviz 'dot' (apt-get install graphviz)"))

    func renderingBrokenDOTReportsDotsMessage() throws {
        #expect { try Graphviz.render("digraph { a -> }", format: "svg") } throws: { error in
            (error as? DiagnosticError)?.description.contains("Graphviz dot failed") == true
        }
        #expect { try Graphviz.render("digraph {}", format: "exe") } throws: { error in
            (error as? DiagnosticError)?.description.contains("cannot render to 'exe'") == true
        }
    }

    @Test func missingDotNamesThePackage() {
        #expect(Graphviz.dotPath(environment: ["PATH": "/nonexistent"]) == nil)
        #expect(Graphviz.missingMessage.contains("apt-get install graphviz"))
    }
}
