import Testing
@testable import ArgumentGraph

/// The benchmark families: reproducible by seed, the sizes asked for, and the shapes their names promise.
@Suite struct GraphGeneratorFamiliesTests {
    static func make(_ family: GraphGenerator.Family, _ n: Int, _ m: Int, seed: UInt64 = 7, attackShare: Double? = nil)
        -> Graph
    {
        GraphGenerator.generate(.init(family: family, claims: n, relations: m, attackShare: attackShare), seed: seed)
    }

    /// Whether the claim graph has no directed cycle (Kahn's algorithm, iterative).
    static func isAcyclic(_ g: Graph) -> Bool {
        var indegree = [Int](repeating: 0, count: g.claims.count)
        for r in g.relations { if let t = r.targetClaim { indegree[t] += 1 } }
        var queue = indegree.indices.filter { indegree[$0] == 0 }
        var seen = 0
        while let c = queue.popLast() {
            seen += 1
            for e in g.supportsFrom[c] + g.attacksFrom[c] {
                guard let t = g.relations[Int(e)].targetClaim else { continue }
                indegree[t] -= 1
                if indegree[t] == 0 { queue.append(t) }
            }
        }
        return seen == g.claims.count
    }

    @Test(arguments: GraphGenerator.Family.allCases)
    func sameSeedSameGraphOtherSeedOtherGraph(_ family: GraphGenerator.Family) {
        let a = Self.make(family, 300, 600), b = Self.make(family, 300, 600)
        #expect(a == b)
        #expect(a != Self.make(family, 300, 600, seed: 8))
    }

    @Test(arguments: GraphGenerator.Family.allCases)
    func roundTripsThroughArgAndJSONWithoutErrors(_ family: GraphGenerator.Family) throws {
        let g = Self.make(family, 400, 900)
        #expect(try ArgReader.read(ArgWriter.write(g)).graph == g)
        #expect(try GraphJSON.decode(GraphJSON.encode(g)) == g)
    }

    @Test(arguments: [GraphGenerator.Family.random, .layered, .chain, .scaleFree])
    func givesTheRelationsAskedForWithoutSelfLoopsOrRepeats(_ family: GraphGenerator.Family) {
        let g = Self.make(family, 1000, 3000)
        #expect(g.claims.count == 1000)
        #expect(g.relations.count == 3000)
        var pairs = Set<[Int]>()
        for r in g.relations {
            let t = r.targetClaim ?? -1
            #expect(r.source != t)
            pairs.insert([r.source, t])
        }
        #expect(pairs.count == g.relations.count)
    }

    @Test func attackShareIsHonoured() {
        #expect(Self.make(.random, 500, 2000).attackCount == 2000)
        #expect(Self.make(.chain, 500, 499).supportCount == 499)
        let mixed = Self.make(.layered, 2000, 8000, attackShare: 0.25)
        #expect(abs(Double(mixed.attackCount) / 8000 - 0.25) < 0.03)
    }

    @Test func layeredAndChainGraphsAreAcyclicAndRandomOnesAreNot() {
        #expect(Self.isAcyclic(Self.make(.layered, 3000, 9000)))
        #expect(Self.isAcyclic(Self.make(.chain, 3000, 9000)))
        #expect(!Self.isAcyclic(Self.make(.random, 3000, 9000)))
    }

    @Test func chainIsTheLongChainOfTheIssue() {
        let g = Self.make(.chain, 100, 99)
        #expect(g.claims[42].text == "Claim number 42 in a long chain.")
        #expect((1..<100).allSatisfy { g.supporters(of: $0 - 1) == [$0] })
    }

    @Test func scaleFreeDegreesHaveAHeavyTail() {
        // Preferential attachment (Barabási & Albert, Science 286, 1999): hubs far above the mean degree.
        let g = Self.make(.scaleFree, 5000, 10000)
        let degree = (0..<g.claims.count).map { g.attacksFrom.degree($0) + g.attacksTo.degree($0) }
        let mean = Double(degree.reduce(0, +)) / Double(degree.count)
        #expect(Double(degree.max() ?? 0) > 10 * mean)
        // A uniform random graph of the same size has no such hub.
        let r = Self.make(.random, 5000, 10000)
        let rmax = (0..<r.claims.count).map { r.attacksFrom.degree($0) + r.attacksTo.degree($0) }.max() ?? 0
        #expect(Double(rmax) < 5 * mean)
    }

    @Test func policyGraphsHaveActorsQuotesTagsAndUndercuts() {
        let g = Self.make(.policy, 2000, 4000)
        #expect(g.actors.count == 100)
        #expect(g.documents.count == 20)
        #expect(g.stances.count >= 2000)
        #expect(g.stances.contains { !$0.quotes.isEmpty })
        #expect(g.claims.allSatisfy { !$0.tags.isEmpty })
        #expect(g.undercutCount == 40)
        #expect((0..<g.claims.count).allSatisfy { g.stancesOfClaim.degree($0) > 0 })
    }

    @Test func tinyAndEmptySizesDoNotTrap() {
        for family in GraphGenerator.Family.allCases {
            #expect(Self.make(family, 0, 10).claims.isEmpty)
            #expect(Self.make(family, 1, 10).relations.isEmpty)
            let two = Self.make(family, 2, 100)
            #expect(two.claims.count == 2)
            #expect(two.relations.allSatisfy { $0.source != $0.targetClaim })
        }
    }
}
