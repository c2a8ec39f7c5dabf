import ArgumentGraphModel

/// How a chain's links and claims combine into one score.
public enum ChainScoring: String, Sendable, CaseIterable {
    /// The weakest link: the minimum of the claims' strengths and the links' weights.
    case weakestLink = "weakest-link"
    /// The product of the claims' strengths and the links' weights.
    case product
}

/// A line of argument: a path of support relations from a claim with no supporters (or evidence) to a target.
///
/// A step through a linked support goes from one of its premises and needs the others too (its co-premises):
/// their strengths enter the step, so under weakest link the step carries the weakest premise, as in the
/// gradual strengths (``Strengths/premiseStrength(_:_:_:)``), and under product each premise's strength.
public struct Chain: Sendable, Hashable {
    /// The claims along the path, from the start to the target.
    public let claims: [Int]
    /// The support relations between consecutive claims (`relations.count == claims.count - 1`).
    public let relations: [Int]
    /// The chain's score under the chosen ``ChainScoring``.
    public let score: Double

    /// The premises besides `claims[step]` of the relation at `step` (empty unless it is linked).
    public func coPremises(at step: Int, in graph: Graph) -> [Int] {
        let rel = graph.relations[relations[step]]
        guard rel.isLinked else { return [] }
        return rel.premises.filter { $0 != claims[step] }
    }
}

/// Finds the K strongest support chains into a claim.
public enum Chains {
    /// The `k` best simple chains into `target`, best first, by Yen's K-shortest-paths algorithm on a graph with a
    /// virtual source joined to every start claim (evidence, or no supporters). Each spur search is a widest-path
    /// (weakest link) or most-reliable-path (product) Dijkstra, or, with `maxLength` (relations per chain), a
    /// hop-bounded dynamic programme. Cycles are fine: chains are simple paths. Polynomial: O(k·n·(m log n)).
    ///
    /// `cancel` is polled before each spur search; once it returns true the search stops and the chains
    /// accepted so far are returned.
    public static func top(
        _ graph: Graph, to target: Int, k: Int, maxLength: Int? = nil, scoring: ChainScoring = .weakestLink,
        strengths: [Double], cancel: (() -> Bool)? = nil
    ) -> [Chain] {
        let n = graph.claims.count
        guard target >= 0, target < n, k > 0, strengths.count == n, graph.supportsTo.degree(target) > 0 else {
            return []
        }
        let search = PathSearch(graph: graph, strengths: strengths, scoring: scoring, target: target)
        let maxHops = maxLength.map { max(0, $0) } ?? Int.max
        var accepted: [Path] = []
        var candidates: [Path] = []
        var known = Set<[Int]>()
        guard let first = search.best(from: search.root, to: target, bannedNodes: [], bannedEdges: [], hops: maxHops)
        else { return [] }
        accepted.append(first); known.insert(first.edges)
        // Per claim, its place on the last accepted path (-1 elsewhere): reset after each round, so a round costs
        // the path's length, not the graph's size.
        var place = [Int](repeating: -1, count: n + 1)
        search: while accepted.count < k {
            let prev = accepted[accepted.count - 1]
            for (j, v) in prev.nodes.enumerated() { place[v] = j }
            defer { for v in prev.nodes { place[v] = -1 } }
            // How many first nodes each accepted path shares with `prev`: it shares the root path of spur i when over i.
            let shared = accepted.map { p in
                var l = 0
                while l < p.nodes.count, l < prev.nodes.count, p.nodes[l] == prev.nodes[l] { l += 1 }
                return l
            }
            var usedHops = 0
            for i in 0..<(prev.nodes.count - 1) {
                if let cancel, cancel() { break search }
                if i > 0, prev.edges[i - 1] >= 0 { usedHops += 1 }
                let spur = prev.nodes[i]
                var bannedEdges = Set<Int>()
                for (a, p) in accepted.enumerated() where shared[a] > i { bannedEdges.insert(p.edges[i]) }
                guard maxHops == Int.max || usedHops < maxHops else { continue }
                // A spur whose every edge is banned, or leads back onto the root path or nowhere near the target,
                // has no spur path: on a long chain that is every spur, and building its root path would cost
                // the chain's length per spur (a chain of 10^6 claims took hours).
                guard
                    search.hasUsableEdge(
                        from: spur, bannedEdges: bannedEdges, isOnRootPath: { place[$0] >= 0 && place[$0] < i })
                else { continue }
                let rootNodes = Array(prev.nodes[0...i]), rootEdges = Array(prev.edges[0..<i])
                guard
                    let spurPath = search.best(
                        from: spur, to: target, bannedNodes: Set(rootNodes.dropLast()), bannedEdges: bannedEdges,
                        hops: maxHops == Int.max ? Int.max : maxHops - usedHops, cancel: cancel)
                else { continue }
                let edges = rootEdges + spurPath.edges
                guard known.insert(edges).inserted else { continue }
                let nodes = rootNodes + spurPath.nodes.dropFirst()
                candidates.append(Path(nodes: nodes, edges: edges, value: search.value(nodes: nodes, edges: edges)))
            }
            guard let bestIndex = candidates.indices.max(by: { order(candidates[$0], candidates[$1]) }) else { break }
            accepted.append(candidates.remove(at: bestIndex))
        }
        return accepted.map { p in
            Chain(
                claims: Array(p.nodes.dropFirst()), relations: p.edges.filter { $0 >= 0 }.map(search.relation(ofEdge:)),
                score: p.value)
        }
    }

    /// Whether `a` ranks below `b`: lower score, then longer, then later relations (deterministic ties).
    static func order(_ a: Path, _ b: Path) -> Bool {
        if a.value != b.value { return a.value < b.value }
        if a.edges.count != b.edges.count { return a.edges.count > b.edges.count }
        return a.edges.lexicographicallyPrecedes(b.edges) == false
    }

    /// A path from the virtual root: `nodes[0]` is the root (index n); `edges[0] == -(s + 2)` joins it to the start claim `s`.
    struct Path {
        var nodes: [Int]
        var edges: [Int]
        var value: Double
    }

    struct PathSearch {
        let graph: Graph
        let strengths: [Double]
        let scoring: ChainScoring
        let root: Int
        let isStart: [Bool]
        /// The start claims, in index order: the virtual root's successors.
        let starts: [Int]
        /// Per entry of `graph.supportsFrom`: the supported claim, and the link's weight clamped to [0, 1] with the
        /// co-premises of a linked support (``stepWeight(_:from:)``).
        let supportTarget: [Int32]
        let supportWeight: [Double]
        /// Per entry of `graph.supportsFrom`: the edge's id on paths, its relation, except that a step through a
        /// linked support from a premise other than its source is `relations.count` plus its place in
        /// `linkedSteps`: Yen's bans and the paths found tell the steps from different premises apart.
        let supportEdge: [Int32]
        /// The relation of each step through a linked support from a premise other than its source.
        let linkedSteps: [Int]
        /// Reused per-node state of the Dijkstra searches (valid where its stamp is the current search's).
        let scratch: Scratch
        /// With a target: per claim, whether a chain of supports leads from it to the target. The Dijkstra
        /// searches skip the others (no chain to the target passes through them), which on large graphs is
        /// most of the graph. Scores are unchanged; among chains of equal score, the one a search settles
        /// first may differ from a search over the whole graph.
        let reaches: [Bool]?
        /// The start claims that reach the target (all of them without a target).
        let reachingStarts: [Int]
        /// How many claims reach the target (all of them without a target).
        let reachingCount: Int

        init(graph: Graph, strengths: [Double], scoring: ChainScoring, target: Int? = nil) {
            self.graph = graph
            self.strengths = strengths.map { min(1, max(0, $0.isNaN ? 0 : $0)) }
            self.scoring = scoring
            root = graph.claims.count
            let isStart = graph.claims.indices.map {
                graph.claims[$0].kind == .evidence || graph.supportsTo.degree($0) == 0
            }
            self.isStart = isStart
            starts = graph.claims.indices.filter { isStart[$0] }
            let rels = graph.relations
            supportTarget = graph.supportsFrom.entries.map {
                Int32(truncatingIfNeeded: rels[Int($0)].targetClaim ?? -1)
            }
            var weights = graph.supportsFrom.entries.map { min(1, max(0, rels[Int($0)].weight)) }
            var edges = graph.supportsFrom.entries, linkedSteps: [Int] = []
            if Strengths.hasLinkedRelations(graph) {
                let offsets = graph.supportsFrom.offsets
                for u in 0..<root {
                    for k in Int(offsets[u])..<Int(offsets[u + 1]) where rels[Int(edges[k])].isLinked {
                        let r = Int(edges[k])
                        weights[k] = PathSearch.stepWeight(r, from: u, rels, self.strengths, scoring)
                        if u != rels[r].source {
                            edges[k] = Int32(truncatingIfNeeded: rels.count + linkedSteps.count)
                            linkedSteps.append(r)
                        }
                    }
                }
            }
            supportWeight = weights
            supportEdge = edges
            self.linkedSteps = linkedSteps
            scratch = Scratch(nodes: root + 1, relations: rels.count + linkedSteps.count)
            if let target, target >= 0, target < root {
                // Backwards from the target along supports (explicit queue).
                var reaches = [Bool](repeating: false, count: root)
                reaches[target] = true
                var queue = [target], head = 0
                while head < queue.count {
                    let v = queue[head]; head += 1
                    for r in graph.supportsTo[v] {
                        let u = rels[Int(r)].source
                        if !reaches[u] { reaches[u] = true; queue.append(u) }
                        for p in rels[Int(r)].otherPremises where !reaches[p] { reaches[p] = true; queue.append(p) }
                    }
                }
                self.reaches = reaches
                reachingStarts = starts.filter { reaches[$0] }
                reachingCount = queue.count
            } else {
                reaches = nil
                reachingStarts = starts
                reachingCount = root
            }
        }

        func combine(_ a: Double, _ b: Double) -> Double { scoring == .weakestLink ? min(a, b) : a * b }

        /// The relation of a path's edge id (see ``supportEdge``); not for the root's edges.
        func relation(ofEdge e: Int) -> Int {
            e < graph.relations.count ? e : linkedSteps[e - graph.relations.count]
        }

        /// The weight of a step through support `rel` from its premise `u`: the link's weight clamped to [0, 1],
        /// with a linked support's other premises: under weakest link the premises' strength together (the path
        /// already holds `u`'s), under product each other premise's strength.
        func stepWeight(_ rel: Int, from u: Int) -> Double {
            PathSearch.stepWeight(rel, from: u, graph.relations, strengths, scoring)
        }

        static func stepWeight(
            _ rel: Int, from u: Int, _ rels: [Relation], _ strengths: [Double], _ scoring: ChainScoring
        ) -> Double {
            let w = min(1, max(0, rels[rel].weight))
            guard rels[rel].isLinked else { return w }
            if scoring == .weakestLink { return min(w, Strengths.premiseStrength(rel, rels, strengths)) }
            return rels[rel].premises.reduce(w) { $1 == u ? $0 : $0 * strengths[$1] }
        }

        /// Whether some edge leaves `u` that a search for the target could take: not banned, not onto the root
        /// path, and to a claim from which supports lead to the target. Without one, ``best(from:to:bannedNodes:bannedEdges:hops:)``
        /// finds nothing.
        func hasUsableEdge(from u: Int, bannedEdges: Set<Int>, isOnRootPath: (Int) -> Bool) -> Bool {
            if u == root {
                return reachingStarts.contains { s in !bannedEdges.contains(-(s + 2)) && !isOnRootPath(s) }
            }
            let offsets = graph.supportsFrom.offsets
            for k in Int(offsets[u])..<Int(offsets[u + 1]) {
                let rel = Int(supportEdge[k]), w = Int(supportTarget[k])
                if w >= 0, w != u, reaches?[w] ?? true, !bannedEdges.contains(rel), !isOnRootPath(w) { return true }
            }
            return false
        }

        /// The value an edge from `u` adds: the step's weight (``stepWeight(_:from:)``) and the strength of the
        /// claim it reaches.
        func edgeValue(_ rel: Int, from u: Int, to v: Int) -> Double {
            rel < 0 ? strengths[v] : combine(stepWeight(relation(ofEdge: rel), from: u), strengths[v])
        }

        /// Outgoing edges of a node: (edge id, next claim); see ``supportEdge``.
        func successors(_ u: Int) -> [(Int, Int)] {
            if u == root { return graph.claims.indices.filter { isStart[$0] }.map { (-($0 + 2), $0) } }
            let offsets = graph.supportsFrom.offsets
            return (Int(offsets[u])..<Int(offsets[u + 1])).compactMap { k in
                supportTarget[k] >= 0 ? (Int(supportEdge[k]), Int(supportTarget[k])) : nil
            }
        }

        func value(nodes: [Int], edges: [Int]) -> Double {
            var v = 1.0
            for (i, e) in edges.enumerated() { v = combine(v, edgeValue(e, from: nodes[i], to: nodes[i + 1])) }
            return v
        }

        /// Dijkstra maximising a monotone non-increasing path value, avoiding banned nodes and edges.
        ///
        /// The edges are relaxed in the order of ``successors(_:)``; without ``reaches`` the heap sees the same
        /// pushes and pops as a search over fresh arrays would, so ties resolve the same way. The state lives in
        /// ``scratch`` and banned edges (relations, or the root's edge `-(s + 2)` to start claim `s`) are
        /// marked per node and relation instead of hashed.
        func widest(from source: Int, to target: Int, bannedNodes: Set<Int>, bannedEdges: Set<Int>) -> Path? {
            let st = scratch
            st.stamp &+= 1
            if st.stamp == 0 {
                // Wrapped: clear every stamp once.
                for i in st.seen.indices { st.seen[i] = 0; st.bannedNode[i] = 0 }
                for i in st.bannedRelation.indices { st.bannedRelation[i] = 0 }
                st.stamp = 1
            }
            let gen = st.stamp
            for v in bannedNodes where v >= 0 && v < st.bannedNode.count { st.bannedNode[v] = gen }
            // A banned root edge -(s + 2) is kept as a banned (root, s) pair: mark it on a copy of the start flag.
            var bannedStarts = Set<Int>()
            for e in bannedEdges {
                if e >= 0 {
                    if e < st.bannedRelation.count { st.bannedRelation[e] = gen }
                } else {
                    bannedStarts.insert(-e - 2)
                }
            }
            func touch(_ u: Int) {
                if st.seen[u] != gen {
                    st.seen[u] = gen; st.value[u] = -1; st.done[u] = false; st.parentNode[u] = -1; st.parentEdge[u] = -1
                }
            }
            st.heap.items.removeAll(keepingCapacity: true)
            touch(source)
            st.value[source] = 1
            st.heap.push(1, source)
            let offsets = graph.supportsFrom.offsets
            while let (v, u) = st.heap.pop() {
                if st.done[u] || v < st.value[u] { continue }
                st.done[u] = true
                if u == target { break }
                @inline(__always) func relax(_ rel: Int, _ w: Int, _ ev: Double) {
                    touch(w)
                    guard st.bannedNode[w] != gen, !st.done[w] else { return }
                    let nv = combine(v, ev)
                    if nv > st.value[w] {
                        st.value[w] = nv; st.parentNode[w] = u; st.parentEdge[w] = rel; st.heap.push(nv, w)
                    }
                }
                if u == root {
                    for s in reachingStarts where bannedStarts.isEmpty || !bannedStarts.contains(s) {
                        relax(-(s + 2), s, strengths[s])
                    }
                } else {
                    for k in Int(offsets[u])..<Int(offsets[u + 1]) {
                        let rel = Int(supportEdge[k]), w = Int(supportTarget[k])
                        guard w >= 0, st.bannedRelation[rel] != gen, reaches?[w] ?? true else { continue }
                        relax(rel, w, combine(supportWeight[k], strengths[w]))
                    }
                }
            }
            guard st.seen[target] == gen, st.value[target] >= 0 else { return nil }
            var nodes = [target], edges: [Int] = []
            var x = target
            while x != source {
                let p = st.parentNode[x]
                if p < 0 { return nil }
                edges.append(st.parentEdge[x]); nodes.append(p); x = p
            }
            return Path(nodes: nodes.reversed(), edges: edges.reversed(), value: st.value[target])
        }

        /// The best path from `source` to `target` avoiding banned nodes and edges, with at most `hops` relations;
        /// nil when there is none, or when `cancel` answers true (asked once per hop).
        func best(
            from source: Int, to target: Int, bannedNodes: Set<Int>, bannedEdges: Set<Int>, hops: Int,
            cancel: (() -> Bool)? = nil
        ) -> Path? {
            let count = root + 1
            // A simple path through the claims that reach the target has fewer relations than there are such claims:
            // a bound at least that large bounds nothing.
            if hops == Int.max || hops >= count || hops >= reachingCount {
                return widest(from: source, to: target, bannedNodes: bannedNodes, bannedEdges: bannedEdges)
            }
            // Hop-bounded: layer h holds the best value of a walk reaching each node with at most h edges.
            // A walk may repeat a node only through a cycle that cannot raise its value; cycles are cut below.
            // Only the nodes a layer raised can raise others in the next (Bellman–Ford by frontier, in index
            // order as a full sweep would go), and each layer keeps only the parents it changed: memory grows
            // with the changes, not with hops × claims (which was gigabytes for a long chain).
            var layers = hops + (source == root ? 1 : 0) + 1
            var value = [Double](repeating: -1, count: count)
            var via: [[Int: (Int, Int)]] = [[:]]
            value[source] = 1
            var frontier = [source]
            let offsets = graph.supportsFrom.offsets
            for h in 1..<layers {
                if frontier.isEmpty { layers = h; break }
                if let cancel, cancel() { return nil }
                // The frontier's values of the layer before, as this layer may raise them while it goes.
                let previous = frontier.map { value[$0] }
                var changed: [Int: (Int, Int)] = [:]
                func relax(_ u: Int, _ vu: Double, _ rel: Int, _ w: Int, _ ev: Double) {
                    guard w != source, !bannedNodes.contains(w), !bannedEdges.contains(rel) else { return }
                    let nv = combine(vu, ev)
                    if nv > value[w] { value[w] = nv; changed[w] = (u, rel) }
                }
                for (f, u) in frontier.enumerated() {
                    let vu = previous[f]
                    if u == root {
                        for s in starts { relax(u, vu, -(s + 2), s, strengths[s]) }
                    } else {
                        for k in Int(offsets[u])..<Int(offsets[u + 1]) {
                            let rel = Int(supportEdge[k]), w = Int(supportTarget[k])
                            if w >= 0 { relax(u, vu, rel, w, combine(supportWeight[k], strengths[w])) }
                        }
                    }
                }
                frontier = changed.keys.sorted()
                via.append(changed)
            }
            guard value[target] >= 0 else { return nil }
            var nodes = [target], edges: [Int] = []
            var x = target, h = layers - 1
            while x != source || h > 0 {
                if h == 0 { return nil }
                guard h < via.count, let (u, rel) = via[h][x] else { h -= 1; continue }
                edges.append(rel); nodes.append(u); x = u; h -= 1
            }
            nodes.reverse(); edges.reverse()
            // Cut cycles (they never raise a weakest-link or product value).
            var cleanNodes: [Int] = [], cleanEdges: [Int] = []
            for (i, v) in nodes.enumerated() {
                if let j = cleanNodes.firstIndex(of: v) {
                    cleanNodes.removeLast(cleanNodes.count - j - 1); cleanEdges.removeLast(cleanEdges.count - j)
                } else {
                    cleanNodes.append(v)
                    if i > 0 { cleanEdges.append(edges[i - 1]) }
                }
            }
            return Path(nodes: cleanNodes, edges: cleanEdges, value: self.value(nodes: cleanNodes, edges: cleanEdges))
        }
    }

    /// Per-node state for repeated searches over one graph, reset in O(1) by bumping a stamp.
    final class Scratch {
        var stamp: UInt32 = 0
        /// Per node: the search that last touched it, its best value, parent (node, edge) and whether it is settled.
        var seen: [UInt32], value: [Double], parentNode: [Int], parentEdge: [Int], done: [Bool]
        /// Per node, per relation: the search that banned it.
        var bannedNode: [UInt32], bannedRelation: [UInt32]
        var heap = MaxHeap()

        init(nodes: Int, relations: Int) {
            seen = [UInt32](repeating: 0, count: nodes)
            value = [Double](repeating: -1, count: nodes)
            parentNode = [Int](repeating: -1, count: nodes)
            parentEdge = [Int](repeating: -1, count: nodes)
            done = [Bool](repeating: false, count: nodes)
            bannedNode = [UInt32](repeating: 0, count: nodes)
            bannedRelation = [UInt32](repeating: 0, count: relations)
        }
    }

    /// A binary max-heap of (value, node).
    struct MaxHeap {
        var items: [(Double, Int)] = []
        mutating func push(_ v: Double, _ n: Int) {
            items.append((v, n))
            var i = items.count - 1
            while i > 0 {
                let p = (i - 1) / 2
                if items[p].0 >= items[i].0 { break }
                items.swapAt(p, i); i = p
            }
        }
        mutating func pop() -> (Double, Int)? {
            guard !items.isEmpty else { return nil }
            let top = items[0]
            let last = items.removeLast()
            if !items.isEmpty {
                items[0] = last
                var i = 0
                while true {
                    let l = 2 * i + 1, r = l + 1
                    var m = i
                    if l < items.count && items[l].0 > items[m].0 { m = l }
                    if r < items.count && items[r].0 > items[m].0 { m = r }
                    if m == i { break }
                    items.swapAt(i, m); i = m
                }
            }
            return top
        }
    }
}
