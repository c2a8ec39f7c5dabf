import Testing
@testable import ArgumentGraph

@Suite struct PathSearchTests {
    static let graph = try? ArgReader.read(
        """
        actor al
        claim a: Alpha.
        claim b: Beta.
        claim c: Gamma.
        claim d: Delta about Tōkyō.
        claim e: Epsilon, alone.
        stance al asserts e
          quote: a remark on TOKYO policy
        support a -> b
        support b -> d
        attack a -> c
        attack c -> d
        support d -> e

        """
    ).graph

    @Test func shortestChainsForwardThenBackwardThenUndirected() throws {
        let g = try #require(Self.graph)
        let a = try g.index(ofClaim: "a"), d = try g.index(ofClaim: "d"), c = try g.index(ofClaim: "c"),
            b = try g.index(ofClaim: "b")
        let forward = try #require(PathSearch.links(g, a, d, limit: 5))
        #expect(forward.direction == .forward)
        #expect(
            forward.paths.map { $0.map { g.relations[$0].source } }.sorted { $0.lexicographicallyPrecedes($1) } == [
                [a, b], [a, c],
            ])
        #expect(try #require(PathSearch.links(g, d, a, limit: 5)).direction == .backward)
        let sideways = try #require(PathSearch.links(g, b, c, limit: 5))
        #expect(
            sideways.direction == .undirected && sideways.paths.count == 2
                && sideways.paths.allSatisfy { $0.count == 2 })
        #expect(PathSearch.links(g, a, d, limit: 1)?.paths.count == 1)
        #expect(PathSearch.links(g, a, d, limit: 5, cancel: { true }) == nil)
    }

    @Test func textFindFoldsCaseAndAccentsAndReadsQuotes() throws {
        let g = try #require(Self.graph)
        let tokyo = try #require(try TextFind.find("tokyo", in: g, limit: 10))
        #expect(tokyo.total == 2)
        #expect(tokyo.hits.map(\.shown) == ["Delta about Tōkyō.", "al: “a remark on TOKYO policy”"])
        let regex = try #require(try TextFind.find("/^(alpha|beta)\\.$/", in: g, limit: 1))
        #expect(regex.total == 2 && regex.hits.map(\.claim) == [0])
        #expect(throws: DiagnosticError.self) { try TextFind.find("/(/", in: g, limit: 1) }
        #expect(try TextFind.find("nothing like it", in: g, limit: 5)?.total == 0)
    }
}
