/// Orders items so that similar ones sit next to each other: the leaf order of an average-linkage clustering.
///
/// Agglomerative clustering with average linkage (UPGMA): start with one cluster per item and
/// repeatedly merge the two closest clusters. Clusters live in slots numbered like the items; a
/// merged cluster takes the lower slot of its two, and ties go to the pair with the lowest slots.
/// Each cluster keeps its leaves in order; when two clusters merge, one of the four ways of joining
/// them (either may be reversed) is chosen so that the two leaves that become neighbours are as
/// close as possible (ties: the first of `A B`, `A B'`, `A' B`, `A' B'`). Finally the order is
/// reversed if needed so that it starts with the lower-numbered of its two ends.
/// Fully deterministic, iterative, O(n³) time and O(n²) memory.
public enum Seriation {
    /// The seriated order of `n` items given a symmetric distance matrix (`distance[i][j]`).
    public static func order(_ distance: [[Double]]) -> [Int] {
        let n = distance.count
        if n <= 2 { return Array(0..<n) }
        var leaves: [[Int]] = (0..<n).map { [$0] }
        var active = Array(0..<n)
        var d = distance
        while active.count > 1 {
            var best = (a: active[0], b: active[1], dist: Double.infinity)
            for x in 0..<active.count {
                for y in (x + 1)..<active.count {
                    let a = active[x], b = active[y]
                    if d[a][b] < best.dist { best = (a, b, d[a][b]) }
                }
            }
            let la = leaves[best.a], lb = leaves[best.b]
            let options = [la + lb, la + lb.reversed(), la.reversed() + lb, la.reversed() + lb.reversed()]
            var chosen = options[0]
            var chosenGap = Double.infinity
            let left = la.count
            for o in options {
                let gap = distance[o[left - 1]][o[left]]
                if gap < chosenGap { chosenGap = gap; chosen = o }
            }
            let na = Double(la.count), nb = Double(lb.count)
            active.removeAll { $0 == best.b }
            for k in active where k != best.a {
                let v = (na * d[k][best.a] + nb * d[k][best.b]) / (na + nb)
                d[k][best.a] = v
                d[best.a][k] = v
            }
            leaves[best.a] = chosen
            leaves[best.b] = []
        }
        let order = leaves[active[0]]
        return order[0] > order[order.count - 1] ? order.reversed() : order
    }
}
