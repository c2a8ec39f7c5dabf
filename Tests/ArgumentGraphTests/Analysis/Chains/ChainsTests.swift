import Testing
import ArgumentGraph
@testable import ArgumentGraphAnalysis

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
            for s in 0..<n {
                for t in 0..<n where s != t && Double.random(in: 0..<1, using: &rng) < 0.3 { sup.append((s, t)) }
            }
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

    /// Linked supports: a chain may step through one from any premise, and the others' strengths count (weakest
    /// link: the step carries the weakest premise). Against brute force on random graphs with linked supports.
    @Test func linkedSupportsMatchBruteForce() {
        var rng = SeededGenerator(seed: 21)
        for _ in 0..<300 {
            let n = Int.random(in: 3...8, using: &rng)
            var rels: [Relation] = []
            for s in 0..<n {
                for t in 0..<n where s != t && Double.random(in: 0..<1, using: &rng) < 0.3 {
                    var premises = [s]
                    if Bool.random(using: &rng) {
                        let o = Int.random(in: 0..<n, using: &rng)
                        if o != s && o != t { premises.append(o) }
                    }
                    let w = (Double.random(in: 0...1, using: &rng) * 20).rounded() / 20
                    rels.append(Relation(kind: .support, premises: premises, target: .claim(t), weight: w))
                }
            }
            let g = Graph(claims: (0..<n).map { Claim(id: "c\($0)", text: "C.") }, relations: rels)
            let st = (0..<n).map { _ in (Double.random(in: 0...1, using: &rng) * 20).rounded() / 20 }
            let target = Int.random(in: 0..<n, using: &rng)
            for scoring in ChainScoring.allCases {
                for maxLength in [nil, 2] as [Int?] {
                    let expected = bruteForce(g, target: target, strengths: st, scoring: scoring, maxLength: maxLength)
                    let got = Chains.top(g, to: target, k: 4, maxLength: maxLength, scoring: scoring, strengths: st)
                    #expect(got.count == min(4, expected.count))
                    for (i, c) in got.enumerated() { #expect(abs(c.score - expected[i]) < 1e-12, "rank \(i)") }
                }
            }
        }
    }

    /// Worked example: e1 (0.9) and e2 (0.4) support c (0.8) together (`support r7: e1 + e2 -> c`), c supports
    /// g (0.7), and e3 (0.5) supports g alone; every weight 1.
    ///   Weakest link: e3 -> g is min(0.5, 0.7) = 0.5; e1 (+ e2) -> c -> g is min(0.9, 0.4, 0.8, 0.7) = 0.4, the
    ///   weakest premise e2 capping the step, and e2 (+ e1) -> c -> g the same 0.4.
    ///   Product: e3 -> g is 0.35; each linked chain 0.9 · 0.4 · 0.8 · 0.7 = 0.2016.
    ///   With e2 at 0 the linked step carries nothing: both linked chains score 0.
    @Test func linkedWorkedExample() throws {
        let text = """
            evidence e1: E1.
            evidence e2: E2.
            evidence e3: E3.
            claim c: C.
            claim g: G.
            support r7: e1 + e2 -> c
            support c -> g
            support e3 -> g

            """
        let g = try ArgReader.read(text).graph
        let id = { (name: String) in g.claimIndex(of: name)! }
        var st = [Double](repeating: 0, count: g.claims.count)
        for (name, v) in [("e1", 0.9), ("e2", 0.4), ("e3", 0.5), ("c", 0.8), ("g", 0.7)] { st[id(name)] = v }
        let chains = Chains.top(g, to: id("g"), k: 5, strengths: st)
        #expect(
            chains.map { $0.claims.map { g.claims[$0].id } } == [["e3", "g"], ["e1", "c", "g"], ["e2", "c", "g"]])
        #expect(chains.map(\.score) == [0.5, 0.4, 0.4])
        #expect(chains[1].coPremises(at: 0, in: g) == [id("e2")] && chains[1].coPremises(at: 1, in: g).isEmpty)
        #expect(chains[2].coPremises(at: 0, in: g) == [id("e1")])
        #expect(chains[0].coPremises(at: 0, in: g).isEmpty)
        let product = Chains.top(g, to: id("g"), k: 5, scoring: .product, strengths: st)
        #expect(product.map(\.score).enumerated().allSatisfy { abs($1 - [0.35, 0.2016, 0.2016][$0]) < 1e-12 })
        st[id("e2")] = 0
        #expect(Chains.top(g, to: id("g"), k: 5, strengths: st).map(\.score) == [0.5, 0, 0])
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
                    // A linked support's other premises count like claims of the chain.
                    var w = g.relations[r].weight
                    for p in g.relations[r].premises where p != path[i] {
                        w = scoring == .weakestLink ? min(w, strengths[p]) : w * strengths[p]
                    }
                    let x = scoring == .weakestLink ? min(w, strengths[path[i + 1]]) : w * strengths[path[i + 1]]
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

/// The Dijkstra of `Chains.PathSearch` (reused arrays, marks for banned nodes and edges) against a search
/// over fresh arrays and hashed banned sets, as first written: same paths, ties included.
@Suite struct ChainsSearchReferenceTests {
    static func reference(
        _ search: Chains.PathSearch, from source: Int, to target: Int,
        bannedNodes: Set<Int>, bannedEdges: Set<Int>
    ) -> Chains.Path? {
        let g = search.graph
        func successors(_ u: Int) -> [(Int, Int)] {
            if u == search.root { return g.claims.indices.filter { search.isStart[$0] }.map { (-($0 + 2), $0) } }
            return g.supportsFrom[u].compactMap { r in g.relations[Int(r)].targetClaim.map { (Int(r), $0) } }
        }
        let count = search.root + 1
        var value = [Double](repeating: -1, count: count)
        var parent = [(Int, Int)](repeating: (-1, -1), count: count)
        var done = [Bool](repeating: false, count: count)
        var heap = Chains.MaxHeap()
        value[source] = 1
        heap.push(1, source)
        while let (v, u) = heap.pop() {
            if done[u] || v < value[u] { continue }
            done[u] = true
            if u == target { break }
            for (rel, w) in successors(u) where !bannedNodes.contains(w) && !bannedEdges.contains(rel) && !done[w] {
                let nv = search.combine(v, search.edgeValue(rel, from: u, to: w))
                if nv > value[w] { value[w] = nv; parent[w] = (u, rel); heap.push(nv, w) }
            }
        }
        guard value[target] >= 0 else { return nil }
        var nodes = [target], edges: [Int] = []
        var x = target
        while x != source { let (p, r) = parent[x]; if p < 0 { return nil }; edges.append(r); nodes.append(p); x = p }
        return Chains.Path(nodes: nodes.reversed(), edges: edges.reversed(), value: value[target])
    }

    @Test func sameSearchesOnRandomGraphsWithTies() {
        var rng = SplitMix64(seed: 23)
        for trial in 0..<200 {
            let g = GraphGenerator.generate(
                .init(
                    family: trial % 2 == 0 ? .random : .layered, claims: 30 + trial % 50,
                    relations: 90 + trial % 120, attackShare: 0.3), seed: UInt64(trial))
            // Strengths on a coarse grid, so that many paths tie.
            let strengths = g.claims.indices.map { _ in Double(rng.next() % 4) / 3 }
            for scoring in ChainScoring.allCases {
                let search = Chains.PathSearch(graph: g, strengths: strengths, scoring: scoring)
                for _ in 0..<5 {
                    let target = Int(rng.next() % UInt64(g.claims.count))
                    let source = rng.next() % 3 == 0 ? Int(rng.next() % UInt64(g.claims.count)) : search.root
                    var bannedNodes = Set<Int>(), bannedEdges = Set<Int>()
                    for _ in 0..<Int(rng.next() % 4) { bannedNodes.insert(Int(rng.next() % UInt64(g.claims.count))) }
                    for _ in 0..<Int(rng.next() % 4) {
                        if rng.next() % 2 == 0, !g.relations.isEmpty {
                            bannedEdges.insert(Int(rng.next() % UInt64(g.relations.count)))
                        } else {
                            bannedEdges.insert(-(Int(rng.next() % UInt64(g.claims.count)) + 2))
                        }
                    }
                    bannedNodes.remove(target); bannedNodes.remove(source)
                    let got = search.widest(
                        from: source, to: target, bannedNodes: bannedNodes, bannedEdges: bannedEdges)
                    let want = ChainsSearchReferenceTests.reference(
                        search, from: source, to: target, bannedNodes: bannedNodes, bannedEdges: bannedEdges)
                    #expect(got?.nodes == want?.nodes && got?.edges == want?.edges && got?.value == want?.value)
                    // Pruned to the claims that reach the target: the same best value, by a valid path.
                    let pruned = Chains.PathSearch(graph: g, strengths: strengths, scoring: scoring, target: target)
                    let p = pruned.widest(from: source, to: target, bannedNodes: bannedNodes, bannedEdges: bannedEdges)
                    #expect(p?.value == want?.value)
                    if let p {
                        #expect(p.nodes.first == source && p.nodes.last == target && p.edges.count == p.nodes.count - 1)
                        #expect(
                            Set(p.nodes).count == p.nodes.count
                                && p.nodes.allSatisfy { !bannedNodes.contains($0) || $0 == source })
                        #expect(p.edges.allSatisfy { !bannedEdges.contains($0) })
                        for (i, e) in p.edges.enumerated() {
                            if e < 0 {
                                #expect(
                                    p.nodes[i] == search.root && e == -(p.nodes[i + 1] + 2)
                                        && search.isStart[p.nodes[i + 1]])
                            } else {
                                #expect(
                                    g.relations[e].kind == .support && g.relations[e].source == p.nodes[i]
                                        && g.relations[e].targetClaim == p.nodes[i + 1])
                            }
                        }
                        #expect(pruned.value(nodes: p.nodes, edges: p.edges) == p.value)
                    }
                }
            }
        }
    }
}
