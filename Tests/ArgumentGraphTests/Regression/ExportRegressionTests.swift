import Foundation
import Testing
@testable import ArgumentGraph

/// Graphs on which an exporter once wrote output that meant something else (found by the export
/// fuzz harness, Fuzz/Harnesses/ExportFuzz.swift). The readers only give slug ids, so these graphs
/// come from the library's API; the exporters promise safe output for any graph.
@Suite struct ExportRegressionTests {
    /// The node statements' ids and the edges' ends in argraph's DOT (one statement per line).
    static func dotNodesAndEdges(_ dot: String) -> (nodes: [String], edges: [String]) {
        var nodes: [String] = [], edges: [String] = []
        for line in dot.split(separator: "\n") {
            let l = line.trimmingCharacters(in: .whitespaces)
            guard l.hasPrefix("\"") else { continue }
            // The first quoted string, and a second after "->".
            func quoted(_ s: Substring) -> (String, Substring)? {
                guard s.first == "\"" else { return nil }
                var out = "", escaped = false
                for (i, ch) in zip(s.indices, s).dropFirst() {
                    if escaped {
                        out.append(ch); escaped = false
                    } else if ch == "\\" {
                        escaped = true
                    } else if ch == "\"" {
                        return (out, s[s.index(after: i)...])
                    } else {
                        out.append(ch)
                    }
                }
                return nil
            }
            guard let (a, rest) = quoted(Substring(l)) else { continue }
            if rest.hasPrefix(" -> "), let (b, _) = quoted(rest.dropFirst(4)) {
                edges.append(a + " -> " + b)
            } else {
                nodes.append(a)
            }
        }
        return (nodes, edges)
    }

    @Test func claimIdsWithControlCharactersOrAnAtSignGetTheirOwnNodes() throws {
        // The first failing input: ids holding control characters (DOT strings show them as spaces,
        // so "a\u{1}" and "a\u{2}" became one node "a "), and ids "@r0" and "@legend", which are the
        // names of the point on an undercut relation and of the legend.
        let claims = [
            Claim(id: "a\u{1}", text: "One."), Claim(id: "a\u{2}", text: "Two."), Claim(id: "@r0", text: "Three."),
            Claim(id: "@legend", text: "Four."), Claim(id: "plain", text: "Five."),
            Claim(id: "x\u{2028}y", text: "Six."),
        ]
        let relations = [
            Relation(kind: .support, source: 0, target: .claim(1)),
            Relation(kind: .attack, source: 2, target: .relation(0)),
            Relation(kind: .attack, source: 3, target: .claim(4)),
            Relation(kind: .support, source: 5, target: .claim(4)),
        ]
        let g = Graph(
            actors: [Actor(id: "p", name: "P")], claims: claims, stances: [Stance(actor: 0, claim: 4)],
            relations: relations)
        let dot = DOTExporter.write(g)
        let (nodes, edges) = Self.dotNodesAndEdges(dot)
        #expect(nodes == ["@c0", "@c1", "@c2", "@c3", "plain", "@c5", "@r0", "@legend"], "\(dot)")
        #expect(Set(nodes).count == nodes.count)
        #expect(edges == ["@c0 -> @r0", "@r0 -> @c1", "@c2 -> @r0", "@c3 -> plain", "@c5 -> plain"], "\(dot)")
        // The ids still show in the tooltips (control characters as spaces).
        #expect(dot.contains(#"tooltip="a  (claim): One.""#))
        #expect(dot.contains(#"tooltip="@legend (claim): Four.""#))
        if ExportFixtures.dotAvailable {
            #expect(throws: Never.self) { _ = try Graphviz.render(dot, format: "canon") }
        }
    }
}

extension ExportRegressionTests {
    @Test func aifNodeIdsForRelationsAndSpeakersNeverTakeAClaimsId() throws {
        // Found by the export fuzz harness: a claim with id "_l1" (or "_r0", "_ya1") had the same
        // nodeID as the L-node (or RA/CA node, YA node) argraph made up, so AIF readers joined them.
        let claims = ["_l1", "_ya1", "_r0", "_r1", "_r1-1", "x"].map { Claim(id: $0, text: "Text of \($0).") }
        let relations = [
            Relation(kind: .attack, source: 5, target: .claim(0)),
            Relation(id: "r1", kind: .support, source: 1, target: .claim(0)),
            Relation(id: "r1", kind: .attack, source: 2, target: .claim(5)),
        ]
        let g = Graph(
            actors: [Actor(id: "p", name: "Pat Doe")], claims: claims, stances: [Stance(actor: 0, claim: 0)],
            relations: relations)
        let root = try #require(try JSONSerialization.jsonObject(with: AIFWriter.write(g)) as? [String: Any])
        let nodes = try #require(root["nodes"] as? [[String: Any]])
        let ids = nodes.compactMap { $0["nodeID"] as? String }
        #expect(ids.count == nodes.count && Set(ids).count == ids.count, "\(ids)")
        #expect(Array(ids.prefix(claims.count)) == claims.map(\.id))
        let edges = try #require(root["edges"] as? [[String: Any]])
        for e in edges {
            #expect(Set(ids).isSuperset(of: [e["fromID"] as? String ?? "?", e["toID"] as? String ?? "?"]), "\(e)")
        }
        // Read back: every claim, and the relations between the right claims.
        let back = try AIFReader.read(AIFWriter.write(g)).graph
        #expect(back.claims.count == claims.count)
        #expect(back.relations.count == relations.count)
        #expect(back.stances.count == 1)
    }
}
