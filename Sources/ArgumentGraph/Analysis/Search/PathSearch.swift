import ArgumentGraphModel

/// The shortest chains of relations between two claims.
public enum PathSearch {
    /// Which way a found chain runs.
    public enum Direction: Sendable, Equatable {
        /// From the first claim to the second, along the relations.
        case forward
        /// From the second claim to the first (no chain ran forward).
        case backward
        /// Ignoring the relations' direction (no chain ran either way).
        case undirected
    }

    /// Chains (relation indices, in order) linking `a` and `b`: up to `limit` shortest ones from `a` to `b`;
    /// when there are none, from `b` to `a`; when none either, ignoring direction. The start of the chains
    /// is `a`, or `b` for ``Direction/backward``. Nil when nothing links them or `cancel` said stop.
    public static func links(
        _ g: Graph, _ a: Int, _ b: Int, limit: Int,
        cancel: (() -> Bool)? = nil
    ) -> (direction: Direction, paths: [[Int]])? {
        for (from, to, direction) in [(a, b, Direction.forward), (b, a, .backward), (a, b, .undirected)] {
            guard
                let paths = shortest(
                    g, from: from, to: to, undirected: direction == .undirected, limit: limit, cancel: cancel)
            else {
                return nil
            }
            if !paths.isEmpty { return (direction, paths) }
        }
        return nil
    }

    /// Up to `limit` shortest chains (as relation indices) from `from` to `to`, by breadth-first search
    /// (iterative); with `undirected`, relations are also followed backwards. Nil when `cancel` said stop.
    public static func shortest(
        _ g: Graph, from: Int, to: Int, undirected: Bool, limit: Int,
        cancel: (() -> Bool)? = nil
    ) -> [[Int]]? {
        var dist = [Int32](repeating: -1, count: g.claims.count)
        var preds: [Int: [(Int, Int)]] = [:]  // node -> [(previous node, relation)]
        var queue = [from]
        var head = 0
        dist[from] = 0
        while head < queue.count {
            if head % 4096 == 0, let cancel, cancel() { return nil }
            let u = queue[head]
            head += 1
            if dist[to] >= 0, dist[u] >= dist[to] { break }
            var edges: [(Int, Int)] = []
            for r in g.supportsFrom[u] + g.attacksFrom[u] {
                if let t = g.relations[Int(r)].targetClaim { edges.append((t, Int(r))) }
            }
            if undirected {
                for r in g.supportsTo[u] + g.attacksTo[u] { edges.append((g.relations[Int(r)].source, Int(r))) }
            }
            for (v, r) in edges {
                if dist[v] < 0 {
                    dist[v] = dist[u] + 1
                    queue.append(v)
                }
                if dist[v] == dist[u] + 1 { preds[v, default: []].append((u, r)) }
            }
        }
        guard dist[to] >= 0 else { return [] }
        // Walk back from `to` through predecessors, depth first with an explicit stack.
        var out: [[Int]] = []
        var stack: [(node: Int, chain: [Int])] = [(to, [])]
        while let (node, chain) = stack.popLast(), out.count < limit {
            if node == from { out.append(chain.reversed()); continue }
            for (p, r) in (preds[node] ?? []).reversed() { stack.append((p, chain + [r])) }
        }
        return out
    }
}
