import Foundation
import Testing
@testable import ArgumentGraph

/// Inputs found by the AIF fuzz harness (Fuzz/Harnesses/AIFFuzz.swift), and the shapes behind them.
@Suite struct AIFRegressionTests {
    /// Fuzz/artifacts/aif/timeout-bf5d2997 (2,690 bytes, kept verbatim): a conflict node aimed at itself and
    /// repeated edges. Each repeat doubled the undercuts (a conflict undercut its own undercuts), and ids were
    /// made unique by trying base-2, base-3, … from the start each time: the read ran for minutes.
    static let selfUndercutWithRepeatedEdges = Data(
        base64Encoded:
            "eyJub2RlcyI6W3sibm9kZUlEIjoiMSIsInRldnd3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d3d0QiOiIxIiwidGV4dCI6IkEiLCJ0eXBlIjoiSSJ9LHsibm9kZUlEIjoiMiIsInRleHQiOiJCIiwidHlwZSI6IkkifSx7Im5vZGVJRCI6IjMiLCJ0ZXh0IjoiRGVmYXVsdCBDb25mbGljdCIsInR5cGUiOiJDQSJ9XSwiZWRnZXMiOlt7ImVkZ2VJRCI6IjIiLCJmcm9tSUQiOiIxIiwidG9JRCI6IjEifSx7ImVkZ2VJRCI6IjIiLCJmcm9tSUQiOiIxIiwidG93d3d3d3d3d3d3d0QiOiIxIiwidGV4dCI6IkEiLCJ0eXBlIjoiSSJ9LHsibm9kZUlEIjoiMiIsInRleHQiOiJCIiwidHlwZSI6IkkifSx7Im5vZGVJRCI6IjMiLCJ0ZXh0IjoiRGVmYXVsdCBDb25mbGljdCIsInR5cGUiOiJDQSJ9XSwiZWRnZXMiOlt7ImVkZ2VJRCI6IjIiLCJmcm9tSUQiOiIxIiwidG9JRCI6IjEifSx7ImVkZ2VJRCI6IjIiLCJmcm9tSUQiOiIxIiwidHd3d3d3d3d3d3dEIjoiMSIsInRleHQiOiJBIiwidHlwZSI6IkkifSx7Im5vZGVJRCI6IjIiLCJ0ZXh0IjoiQiIsInR5cGUiOiJJIn0seyJub2RlSUQiOiIzIiwidGV4dCI6IkRlZmF1bHQgQ29uZmxpY3QiLCJ0eXBlIjoiQ0EifV0sImVkZ2VzIjpbeyJlZGdlSUQiOiIyIiwiZnJvbUlEIjoiMSIsInRvSUQiOiIxIn0seyJlZGdlSUQiOiIyIiwiZnJvbUlEIjoiMSIsInRvd3d3d3d3d3d3d3dEIjoiMSIsInRleHQiOiJBIiwidHlwZSI6IkkifSx7Im5vZGVJRCI6IjIiLCJ0ZXh0IjoiQiIsInR5cGUiOiJJIn0seyJub2RlSUQiOiIzIiwidGV4dCI6IkRlZmF1bHQgQ29uZmxpY3QiLCJ0eXBlIjoiQ0EifV0sImVkZ2VzIjpbeyJlZHd3d3d3d3d3d3d3d3d3d3d3d3d3d3d3RCI6IjEiLCJ0ZXh0IjoiQSIsInR5cGUiOiJJIn0seyJub2RlSUQiOiIyIiwidGV4dCI6IkIiLCJ0eXBlIjoiSSJ9LHsibm9kZUlEIjoiMyIsInRleHQiOiJEZWZhdWx0IENvbmZsaWN0IiwidHlwZSI6IkNBIn1dLCJlZGdlcyI6W3siZWRnZUlEIjoiMiIsImZyb21JRCI6IjEiLCJ0b0lEIjoiMSJ9LHsiZWRnZUlEIjoiMiIsImZyb21JRCI6IjEiLCJ0b3d3d3d3d3d3d3d3RCI6IjEiLCJ0ZXh0IjoiQSIsInR5cGUiOiJJIn0seyJub2RlSUQiOiIyIiwidGV4dCI6IkIiLCJ0eXBlIjoiSSJ9LHsibm9kZUlEIjoiMyIsInRleHQiOiJEZWZhdWx0IENvbmZsaWN0IiwidHlwZSI6IkNBIn1dLCJlZGdlcyI6W3siZWRnZUlEIjoiMiIsImZyb21JRCI6IjEiLCJ0b0lEIjoiMSJ9LHsiZWRnZUlEIjoiMiIsImZyb21JRCI6IjEiLCJ0d3d3d3d3d3d3d0QiOiIxIiwidGV4dCI6IkEiLCJ0eXBlIjoiSSJ9LHsibm9kZUlEIjoiMiIsInRleHQiOiJCIiwidHlwZSI6IkkifSx7Im5vZGVJRCI6IjMiLCJ0ZXh0IjoiRGVmYXVsdCBDb25mbGljdCIsInR5cGUiOiJDQSJ9XSwiZWRnZXMiOlt7ImVkZ2VJRCI6IjIiLCJmcm9tSUQiOiIxIiwidG9JRCI6IjEifSx7ImVkZ2VJRCI6IjIiLCJmcm9tSUQiOiIxIiwidG93d3d3d3d3d3d3d0QiOiIxIiwidGV4dCI6IkEiLCJ0eXBlIjoiSSJ9LHsibm9kZUlEIjoiMiIsInRleHQiOiJCIiwidHlwZSI6IkkifSx7Im5vZGVJRCI6IjMiLCJ0ZXh0IjoiRGVmYXVsdCBDb25mbGljdCIsInR5cGUiOiJDQSJ9XSwiZWRnZXMiOlt7ImVkZ2VJRCI6IjIiLCJmcm9tSUQiOiIxIiwidG9JRCI6IjEifSx7ImVkZ2VJRCI6IjIiLCJmcm9tSUQiOiIxIiwidG9JRHNzc3Nzc3Nzc3Nzc3Nzc3Nyb21JRCI6IjIiLCJ0b0lEIjoiMyJ9LHsiZWRnZUlEQ2hhciI6IjIiLCJmcm9tSUQiOiIxIiwidG8wOF8xNjM5MDcwNzAyMGQgQ09WSURJRHNzc3Nzc3Nzc3NzSURzc3Nzc3Nzc3Nzc3Nzc3Nzcm9tSUQiOiIyIiwidG9JRCI6IjMifSx7ImVkZ2VJRCI6IjIiLCJmcm9tSUQiOiIxIiwidG8wOF8xNjM5MDcwZzAyMGQgQ09WSW9JRHNzc3Nzc3Nzc3Nzc3Nzc3Nyb21JRCI6IjIiLCJ0b0lEIjoiMyJ9LHsiZWRnZUlEIjoiMiIsImZyb21JRCI6IjEiLCJ0bzA4Z2VJRCI6IjIiLCJmcm9tSUQiOiIxIiwidG9JRCI6IjEifSx7ImVkZ2VJRCI6IjIiLCJmcm9tSUQiOiIxIiwidG9JRHNzc3Nzc3Nzc3Nzc3Nzc3Nyb21JRCI6IjIiLCJ0b0lEIjoiMyJ9LHsiZWRnZUlEQ2hhciI6IjIiLCJmcm9tSUQiOiIxIiwidG8wOF8xNjM5MDcwNzAyMGQgQ09WSURJRHNzc3Nzc3Nzc3NzSURzc3Nzc3Nzc3Nzc3Nzc3Nzcm9tSUQiOiIyIiwidG9JRCI6IjMifSx7ImVkZ2VJRCI6IjIiLCJmcm9tSUQiOiIxIiwidG8wOF8xNjM5MDcwZzAyMGQgQ09WSW9JRHNzc3Nzc3Nzc3Nzc3Nzc3Nyb21JRCI6IjIiLCJ0b0lEIjoiMyJ9LHsiZWRnZUlEIjoiMiIsImZyb21JRCI6IjEiLCJ0bzA4XzE2Mzk3MDAyNzAwZCBDT1ZJRElEc3Nzc3Nzc3Nzc3NJRHNzc3Nzc3Nzc3Nzc3Nzc3Nyb21JRCI6IjIiLCJ0b0lEIjoiMyJ9LHsiZWRnZUlEIjoiMiIsImZyb21JRCI6IjEiLCJ0bzA4XzE2MzkwNzFnMDIwZCBDT1ZJRElEc3Nzc3Nzc3Nzc3Nzc3Nzc3JvbUlEIjoiMiIsInRvSUQiOiIzIn0seyJldG9JRHNzc3Nzc3Nzc3Nzc0QiOiIyIiwiZnJvbUlEIjoiMyIsInRvSURzc3Nzc3Nzc3Nzc3Nzc3Nzcm9tSUQiOiIyIiwidG9JRCI6IjMifSx7ImVkZ2VJRCI6IjIiLCJ0b0lEc3Nzc3Nzc3Nzc3NzRCI6IjIiLCJmcm9tSUQiOiIzIiwidG9JRHNzc3Nzc3Nzc3Nzc3Nzc3Nyb2lJRCI6IjIiLCJ0b0lEIjoiMyJ9LHsiZWRnZUlEIjoiMiIsImZyb21JRCI6IjMiLCJ0b0lEIjoiMiJ9XSwibG9jd3Rpb25zIjpbXX0="
    )!

    @Test func aConflictAimedAtItselfWithRepeatedEdgesReadsAtOnce() throws {
        let parsed = try AIFReader.read(Self.selfUndercutWithRepeatedEdges, file: "fuzz.json")
        let g = parsed.graph
        #expect(g.claims.count == 2)
        // One attack (A on B through CA node 3) and one undercut of it by A; nothing multiplied.
        #expect(g.attackCount == 1)
        #expect(g.undercutCount == 1)
        #expect(parsed.warnings.contains { $0.message.hasSuffix("repeated edges (same fromID and toID) read once") })
    }

    /// A file of I-nodes, one support, and `width` conflicts a level for `k` levels: each conflict has two premises
    /// of its own and is aimed at every conflict of the level before (those of level 1 at the support). A conflict
    /// of level i stands for width^(i-1) undercuts, each linked (both premises together), so level i for width^i.
    /// With width 1 the nodes are `ca<i>` with premises `a<i>`, `b<i>`; else `ca<i>-<j>`, `a<i>-<j>`, `b<i>-<j>`.
    static func conflictChain(_ k: Int, width: Int = 1) -> Data {
        var nodes = [
            #"{"nodeID":"p","type":"I","text":"P"}"#, #"{"nodeID":"c","type":"I","text":"C"}"#,
            #"{"nodeID":"ra","type":"RA","text":"Default Inference"}"#,
        ]
        var edges = [#"{"fromID":"p","toID":"ra"}"#, #"{"fromID":"ra","toID":"c"}"#]
        func name(_ i: Int, _ j: Int) -> String { width == 1 ? "\(i)" : "\(i)-\(j)" }
        for i in 1...k {
            for j in 1...width {
                let n = name(i, j)
                nodes.append(#"{"nodeID":"a\#(n)","type":"I","text":"A\#(n)"}"#)
                nodes.append(#"{"nodeID":"b\#(n)","type":"I","text":"B\#(n)"}"#)
                nodes.append(#"{"nodeID":"ca\#(n)","type":"CA","text":"Default Conflict"}"#)
                edges.append(#"{"fromID":"a\#(n)","toID":"ca\#(n)"}"#)
                edges.append(#"{"fromID":"b\#(n)","toID":"ca\#(n)"}"#)
                for target in i == 1 ? ["ra"] : (1...width).map({ "ca" + name(i - 1, $0) }) {
                    edges.append(#"{"fromID":"ca\#(n)","toID":"\#(target)"}"#)
                }
            }
        }
        return Data(#"{"nodes":[\#(nodes.joined(separator: ","))],"edges":[\#(edges.joined(separator: ","))]}"#.utf8)
    }

    @Test func conflictsOnConflictsUndercutEveryRelationTheyStandFor() throws {
        // A chain: each conflict's two premises undercut, together, the one relation the conflict before stands for.
        let g = try AIFReader.read(Self.conflictChain(3), file: "chain.json").graph
        #expect(g.supportCount == 1)
        #expect(g.undercutCount == 3)
        #expect(g.relations.filter(\.isUndercut).map { $0.id } == ["ca1", "ca2", "ca3"])
        // Every undercut by conflict k's premises targets conflict k-1's relation.
        for r in g.relations where r.isUndercut {
            guard case let .relation(t) = r.target else { continue }
            #expect(r.premises.map { g.claims[$0].id.first } == ["a", "b"])
            let source = g.claims[r.source].id
            let level = Int(source.dropFirst())!
            #expect(g.claims[r.otherPremises[0]].id == "b\(level)")
            let target = g.relations[t]
            if level == 1 {
                #expect(!target.isUndercut)
            } else {
                #expect(target.isUndercut)
                #expect(Int(g.claims[target.source].id.dropFirst()) == level - 1)
            }
        }
        // Two conflicts a level, each aimed at both of the level before: 2 + 4 + 8 undercuts.
        let wide = try AIFReader.read(Self.conflictChain(3, width: 2), file: "wide.json").graph
        #expect(wide.undercutCount == 2 + 4 + 8)
        #expect(wide.relations.filter(\.isUndercut).allSatisfy { $0.premises.count == 2 })
    }

    @Test func anExponentialUndercutExpansionIsAnErrorNotAHang() throws {
        // 2^20 undercuts at level 20 from a file of 160 edges: over the limit, so an error at the conflict that passes it.
        let e = try #require(throws: DiagnosticError.self) {
            try AIFReader.read(Self.conflictChain(20, width: 2), file: "chain.json")
        }
        let message = try #require(e.errors.first?.message)
        #expect(message.contains("expand to more than 10000 undercuts"))
        #expect(message.contains("CA node 'ca"))
        #expect(e.errors.first?.location?.line == 1)
        // A chain of linked conflicts no longer multiplies: 20 levels are 20 undercuts.
        #expect(try AIFReader.read(Self.conflictChain(20), file: "chain.json").graph.undercutCount == 20)
    }

    @Test func manyNodesWithOneNameGetDistinctIdsInLinearTime() {
        var maker = IDMaker()
        let ids = (0..<20_000).map { _ in maker.make("Same claim") }
        #expect(Set(ids).count == 20_000)
        #expect(ids[0] == "same-claim" && ids[1] == "same-claim-2" && ids[19_999] == "same-claim-20000")
        // A name reserved ahead of its turn is skipped, not repeated.
        var other = IDMaker()
        other.reserve("x-3")
        #expect((0..<4).map { _ in other.make("x") } == ["x", "x-2", "x-4", "x-5"])
    }
}
