import Foundation
@testable import ArgumentGraph

/// Reads a graph from the repository's `graphs/` folder.
func canonicalGraph(_ name: String) throws -> Graph {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    return try ArgReader.read(contentsOf: root.appendingPathComponent("graphs/\(name).arg").path).graph
}

/// The in-set of a labelling as claim ids, sorted.
func inIDs(_ g: Graph, _ labels: [Label]) -> [String] {
    labels.indices.filter { $0 < g.claims.count && labels[$0] == .in }.map { g.claims[$0].id }.sorted()
}

/// Builds a graph of claims `a`, `b`, … with the given base scores, attacks and supports (weights 1 unless given).
func makeGraph(bases: [Double?], attacks: [(Int, Int)] = [], supports: [(Int, Int)] = [], weights: [Double]? = nil)
    -> Graph
{
    let claims = bases.enumerated().map { Claim(id: "c\($0.offset)", text: "Claim \($0.offset).", base: $0.element) }
    var rels: [Relation] = []
    for (s, t) in attacks { rels.append(Relation(kind: .attack, source: s, target: .claim(t))) }
    for (s, t) in supports { rels.append(Relation(kind: .support, source: s, target: .claim(t))) }
    if let weights { for i in rels.indices { rels[i].weight = weights[i] } }
    return Graph(claims: claims, relations: rels)
}
