import Foundation

/// The pairwise agreement index of all actors (or all documents), ordered so that similar ones sit together.
///
/// Members are the actors (or documents) with at least one stance, in a seriated order (see
/// ``Seriation``). Each cell is the ``Comparison`` of the two positions; the diagonal is 1 for every
/// member (a position agrees with itself by definition). A cell with no agreements and no conflicts
/// has index 0 and ``Cell/hasContact`` false, so a reader can tell "balanced" from "no contact".
public struct AgreementMatrix: Sendable {
    /// What the rows and columns are.
    public enum Axis: String, Sendable, Hashable, CaseIterable {
        /// One row per actor.
        case actor
        /// One row per document.
        case document
    }

    /// One cell: the counts behind an index.
    public struct Cell: Sendable, Hashable {
        /// The points of agreement.
        public let agreements: Int
        /// The points of conflict.
        public let conflicts: Int
        /// The agreement index, in [−1, 1].
        public let index: Double
        /// Whether the two positions meet at all (some agreement or conflict).
        public var hasContact: Bool { agreements + conflicts > 0 }
    }

    /// What the rows are.
    public let axis: Axis
    /// The members (actor or document indices), in display order.
    public let members: [Int]
    /// The members' ids, in display order.
    public let ids: [String]
    /// The members' display names (actor names, document titles), in display order.
    public let names: [String]
    /// The cells, `cells[i][j]` for members `i` and `j` in display order.
    public let cells: [[Cell]]

    /// The agreement index of members `i` and `j` (display order).
    public func value(_ i: Int, _ j: Int) -> Double { cells[i][j].index }

    /// Computes the matrix; with `ordered` false the members keep declaration order.
    public init(_ graph: Graph, by axis: Axis = .actor, includeImplied: Bool = false, ordered: Bool = true) {
        self.axis = axis
        var groups: [Int: [Int]] = [:]
        for (i, s) in graph.stances.enumerated() {
            switch axis {
            case .actor: groups[s.actor, default: []].append(i)
            case .document: if let d = s.document { groups[d, default: []].append(i) }
            }
        }
        let present = groups.keys.sorted()
        let positions = present.map { m -> Position in
            let scope: PositionScope = axis == .actor ? .actor(m) : .document(m)
            return Position(graph, scope: scope, stanceIndices: groups[m] ?? [], includeImplied: includeImplied)
        }
        let undercuts = Comparison.undercutsBySource(graph)
        let n = present.count
        let diagonal = Cell(agreements: 0, conflicts: 0, index: 1)
        var raw = [[Cell]](repeating: [Cell](repeating: diagonal, count: n), count: n)
        for i in 0..<n {
            for j in (i + 1)..<n {
                let c = Comparison(graph, positions[i], positions[j], undercutsFrom: undercuts)
                let cell = Cell(agreements: c.agreements.count, conflicts: c.conflicts.count, index: c.index)
                raw[i][j] = cell
                raw[j][i] = cell
            }
        }
        let order: [Int]
        if ordered {
            let distance = raw.map { row in row.map { (1 - $0.index) / 2 } }
            order = Seriation.order(distance)
        } else {
            order = Array(0..<n)
        }
        members = order.map { present[$0] }
        ids = members.map { axis == .actor ? graph.actors[$0].id : graph.documents[$0].id }
        names = members.map { axis == .actor ? graph.actors[$0].name : graph.documents[$0].title }
        cells = order.map { i in order.map { j in raw[i][j] } }
    }

    /// The matrix as CSV: a header row of ids, then one row per member with its id and the indices (3 decimals).
    ///
    /// Fields that contain a comma, a quote or a line break are quoted (RFC 4180). Cells without
    /// contact hold the index, 0.000, like any other.
    public func csv() -> String {
        var lines = [([axis.rawValue] + ids).map(AgreementMatrix.csvField).joined(separator: ",")]
        for (i, id) in ids.enumerated() {
            lines.append(([AgreementMatrix.csvField(id)] + cells[i].map { AgreementMatrix.format($0.index) }).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A number with three decimals, `-0.333`, without a negative zero.
    static func format(_ x: Double) -> String {
        let scaled = (x * 1000).rounded()
        let v = scaled == 0 ? 0 : Int(scaled)
        let sign = v < 0 ? "-" : ""
        let a = abs(v)
        let frac = String(a % 1000)
        return sign + String(a / 1000) + "." + String(repeating: "0", count: 3 - frac.count) + frac
    }

    /// Quotes a CSV field when needed.
    static func csvField(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
