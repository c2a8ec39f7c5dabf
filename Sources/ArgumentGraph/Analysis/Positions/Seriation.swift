/// Orders items so that similar ones sit next to each other: the leaf order of an average-linkage clustering.
///
/// Agglomerative clustering with average linkage (UPGMA): start with one cluster per item and
/// repeatedly merge the two closest clusters. Clusters live in slots numbered like the items; a
/// merged cluster takes the lower slot of its two, and ties go to the pair with the lowest slots.
/// Each cluster keeps its leaves in order; when two clusters merge, one of the four ways of joining
/// them (either may be reversed) is chosen so that the two leaves that become neighbours are as
/// close as possible (ties: the first of `A B`, `A B'`, `A' B`, `A' B'`). Finally the order is
/// reversed if needed so that it starts with the lower-numbered of its two ends.
/// Fully deterministic, iterative, O(n²) memory and O(n³) time at worst, O(n²) usually (nearest neighbours are kept per row).
public enum Seriation {
    /// The seriated order of `n` items given a symmetric distance matrix (`distance[i][j]`).
    public static func order(_ distance: [[Double]]) -> [Int] {
        let n = distance.count
        if n <= 2 { return Array(0..<n) }
        var leaves: [[Int]] = (0..<n).map { [$0] }
        var active = Array(0..<n)
        // The working distances, row-major in one array; the rows' entries are those of `distance`.
        var d = [Double](repeating: 0, count: n * n)
        for i in 0..<n { for j in 0..<n { d[i * n + j] = distance[i][j] } }
        // Per slot a: the first later active slot b (in slot order) at the smallest distance below infinity, or -1.
        // The closest pair is then the first row whose best is smallest: the pair a full scan of the
        // upper triangle in slot order finds (strict <, so the first of equal pairs), at O(n) per merge
        // instead of O(n²); only rows whose best partner merged, or whose distance to the merged
        // cluster dropped, change.
        var rowDist = [Double](repeating: .infinity, count: n)
        var rowPartner = [Int](repeating: -1, count: n)
        func recompute(_ a: Int) {
            var bestDist = Double.infinity, partner = -1
            for b in active where b > a && d[a * n + b] < bestDist { bestDist = d[a * n + b]; partner = b }
            rowDist[a] = bestDist
            rowPartner[a] = partner
        }
        for a in active { recompute(a) }
        while active.count > 1 {
            var best = (a: active[0], b: active[1], dist: Double.infinity)
            for a in active where rowPartner[a] >= 0 && rowDist[a] < best.dist { best = (a, rowPartner[a], rowDist[a]) }
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
                let v = (na * d[k * n + best.a] + nb * d[k * n + best.b]) / (na + nb)
                d[k * n + best.a] = v
                d[best.a * n + k] = v
            }
            leaves[best.a] = chosen
            leaves[best.b] = []
            // Rows before a: their entry for a changed and their entry for b is gone; rows between a and b lost b.
            for k in active where k != best.a && k < best.b {
                if rowPartner[k] == best.a || rowPartner[k] == best.b {
                    recompute(k)
                } else if k < best.a {
                    let v = d[k * n + best.a]
                    if v < rowDist[k] || (v == rowDist[k] && rowPartner[k] >= 0 && best.a < rowPartner[k]) {
                        rowDist[k] = v
                        rowPartner[k] = best.a
                    }
                }
            }
            recompute(best.a)
        }
        let order = leaves[active[0]]
        return order[0] > order[order.count - 1] ? order.reversed() : order
    }
}
