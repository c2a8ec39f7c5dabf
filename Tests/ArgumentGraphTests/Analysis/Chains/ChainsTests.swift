import Testing
@testable import ArgumentGraph

@Suite struct ChainsTests {
    @Test func canonicalSupportChains() throws {
        let g = try canonicalGraph("support-chain-undercut")
        let goal = try #require(g.claimIndex(of: "goal"))
        let ones = [Double](repeating: 1, count: g.claims.count)
        let chains = Chains.top(g, to: goal, k: 5, strengths: ones)
        // e1 → mid → goal: min(0.9, 0.8) = 0.8; e2 → goal: 0.6.
        #expect(chains.map { $0.claims.map { g.claims[$0].id } } == [["e1", "mid", "goal"], ["e2", "goal"]])
        #expect(chains.map(\.score) == [0.8, 0.6])
        #expect(chains[0].relations.count == 2)
        let product = Chains.top(g, to: goal, k: 5, scoring: .product, strengths: ones)
        #expect(abs(product[0].score - 0.72) < 1e-12 && abs(product[1].score - 0.6) < 1e-12)
        let short = Chains.top(g, to: goal, k: 5, maxLength: 1, strengths: ones)
        #expect(short.map { $0.claims.count } == [2])
        // Strengths take part: a weak start claim caps its chain.
        var weak = ones
        weak[try #require(g.claimIndex(of: "e1"))] = 0.1
        #expect(Chains.top(g, to: goal, k: 1, strengths: weak).first?.claims.first == g.claimIndex(of: "e2"))
    }

    /// Yen's algorithm against brute-force enumeration of simple paths on random (often cyclic) support graphs.
    @Test func matchesBruteForceOnRandomGraphs() {
        var rng = SeededGenerator(seed: 5)
        for _ in 0..<300 {
            let n = Int.random(in: 2...8, using: &rng)
            var sup: [(Int, Int)] = []
            for s in 0..<n { for t in 0..<n where s != t && Double.random(in: 0..<1, using: &rng) < 0.3 { sup.append((s, t)) } }
            let weights = sup.map { _ in (Double.random(in: 0...1, using: &rng) * 20).rounded() / 20 }
            let g = makeGraph(bases: [Double?](repeating: nil, count: n), supports: sup, weights: weights)
            let st = (0..<n).map { _ in (Double.random(in: 0...1, using: &rng) * 20).rounded() / 20 }
            let target = Int.random(in: 0..<n, using: &rng)
            for scoring in ChainScoring.allCases {
                for maxLength in [nil, 2] as [Int?] {
                    let expected = bruteForce(g, target: target, strengths: st, scoring: scoring, maxLength: maxLength)
                    let k = 4
                    let got = Chains.top(g, to: target, k: k, maxLength: maxLength, scoring: scoring, strengths: st)
                    #expect(got.count == min(k, expected.count))
                    for (i, c) in got.enumerated() {
                        #expect(abs(c.score - expected[i]) < 1e-12, "rank \(i)")
                        #expect(Set(c.claims).count == c.claims.count, "simple")
                        #expect(maxLength.map { c.relations.count <= $0 } ?? true)
                    }
                }
            }
        }
    }

    /// Scores of all simple support chains into `target`, best first.
    func bruteForce(_ g: Graph, target: Int, strengths: [Double], scoring: ChainScoring, maxLength: Int?) -> [Double] {
        let isStart = g.claims.indices.map { g.claims[$0].kind == .evidence || g.supportsTo.degree($0) == 0 }
        var scores: [Double] = []
        // Explicit stack of (path claims, path relations).
        var stack: [([Int], [Int])] = g.claims.indices.filter { isStart[$0] }.map { ([$0], []) }
        while let (path, rels) = stack.popLast() {
            let last = path[path.count - 1]
            if last == target && !rels.isEmpty {
                var v = strengths[path[0]]
                for (i, r) in rels.enumerated() {
                    let x = scoring == .weakestLink ? min(g.relations[r].weight, strengths[path[i + 1]]) : g.relations[r].weight * strengths[path[i + 1]]
                    v = scoring == .weakestLink ? min(v, x) : v * x
                }
                scores.append(v)
            }
            if let m = maxLength, rels.count >= m { continue }
            for r in g.supportsFrom[last] {
                guard let t = g.relations[Int(r)].targetClaim, !path.contains(t) else { continue }
                stack.append((path + [t], rels + [Int(r)]))
            }
        }
        return scores.sorted(by: >)
    }
}
