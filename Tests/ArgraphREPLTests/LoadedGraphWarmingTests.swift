@testable import ArgumentGraph
import Foundation
import Testing
@testable import ArgraphREPL

/// The background build of a large graph's indexes gives exactly what building them on first use gives.
@Suite struct LoadedGraphWarmingTests {
    static func large(seed: UInt64) -> Graph {
        GraphGenerator.generate(
            .init(family: .policy, claims: GraphCaches.warmThreshold + 500, relations: 30_000), seed: seed)
    }

    @Test func warmedIndexesEqualTheOnesBuiltOnFirstUse() {
        let g = Self.large(seed: 3)
        let warmed = LoadedGraph(name: "g", graph: g)  // starts the background build
        let cold = GraphCaches()  // never warmed: builds on first use
        let coldIDs = cold.get(\.claimIDs) { GraphCaches.claimIDs(g) }
        let coldScan = cold.get(\.scan) { FoldedTextScan(g) }
        #expect(warmed.claimIDs.words == coldIDs.words)
        #expect(warmed.foldedScan == coldScan)
        #expect(warmed.claimIDs.count == g.claims.count)
        // The scan answers as a plain search of the folded texts, for words that occur and words that do not.
        let folded = TextFind.foldedTexts(g)
        for needle in ["the", "treaty", "zzqx", "a"] {
            let expected = folded.indices.filter { folded[$0].contains(needle) }
            #expect(!expected.isEmpty || needle == "zzqx")
            #expect(warmed.foldedScan.matches(needle) == expected)
        }
    }

    @Test func anEditWarmsTheNewStateNotTheOld() throws {
        let g = Self.large(seed: 4)
        let loaded = LoadedGraph(name: "g", graph: g)
        let victim = g.claims[0].id
        _ = try loaded.apply(.removeClaim(victim))
        #expect(loaded.claimIDs.count == g.claims.count - 1)
        #expect(!loaded.claimIDs.words.contains(victim))
        #expect(loaded.foldedScan.count == g.claims.count - 1)
        // Undo brings the old state back, with its own indexes.
        _ = loaded.undo()
        #expect(loaded.claimIDs.words.contains(victim))
    }
}
