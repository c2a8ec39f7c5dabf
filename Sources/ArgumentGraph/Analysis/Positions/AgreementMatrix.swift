import ArgumentGraphModel
import ArgumentGraphText
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

    /// The most members a matrix is computed for: its cells grow with the square of the members
    /// and the seriation with the cube (1000 members: 10^6 cells, about a second).
    public static let maxMembers = 1000

    /// How many members (actors, or documents, with at least one stance) the matrix of `graph` has.
    public static func memberCount(_ graph: Graph, by axis: Axis) -> Int {
        var seen = Set<Int>()
        for s in graph.stances {
            switch axis {
            case .actor: seen.insert(s.actor)
            case .document: if let d = s.document { seen.insert(d) }
            }
        }
        return seen.count
    }

    /// Computes the matrix; with `ordered` false the members keep declaration order.
    ///
    /// Time and memory grow with the square of the members (see ``maxMembers``); callers check
    /// ``memberCount(_:by:)`` first.
    public init(_ graph: Graph, by axis: Axis = .actor, includeImplied: Bool = false, ordered: Bool = true) {
        self.init(graph, by: axis, includeImplied: includeImplied, ordered: ordered, cancel: { false })!
    }

    /// Computes the matrix, or nil when `cancel` answers true (it is asked once per row, so an interrupt
    /// stops a matrix of many members at once).
    public init?(
        _ graph: Graph, by axis: Axis = .actor, includeImplied: Bool = false, ordered: Bool = true,
        cancel: () -> Bool
    ) {
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
        let n = present.count
        let counter = PairCounter(graph)
        let held = positions.map { $0.held.sorted() }, denied = positions.map { $0.denied.sorted() }
        let actors = positions.map(\.actors)
        var markI = [UInt8](repeating: 0, count: graph.claims.count), markJ = markI
        let diagonal = Cell(agreements: 0, conflicts: 0, index: 1)
        var raw = [[Cell]](repeating: [Cell](repeating: diagonal, count: n), count: n)
        for i in 0..<n {
            if cancel() { return nil }
            for c in held[i] { markI[c] |= 1 }
            for c in denied[i] { markI[c] |= 2 }
            for j in (i + 1)..<n {
                for c in held[j] { markJ[c] |= 1 }
                for c in denied[j] { markJ[c] |= 2 }
                let (a, k) = counter.count(
                    heldJ: held[j], deniedJ: denied[j], markI: markI, markJ: markJ,
                    actorsI: actors[i], actorsJ: actors[j])
                let cell = Cell(agreements: a, conflicts: k, index: Comparison.index(agreements: a, conflicts: k))
                raw[i][j] = cell
                raw[j][i] = cell
                for c in held[j] { markJ[c] = 0 }
                for c in denied[j] { markJ[c] = 0 }
            }
            for c in held[i] { markI[c] = 0 }
            for c in denied[i] { markI[c] = 0 }
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
    /// Fields that contain a comma, a quote or a line break are quoted (RFC 4180). A pair that never touches (no
    /// agreement and no conflict) has an empty cell, as the table's `-`: an index of 0 means as much agreement as
    /// conflict, which is another thing.
    public func csv() -> String {
        var lines = [([axis.rawValue] + ids).map(AgreementMatrix.csvField).joined(separator: ",")]
        for (i, id) in ids.enumerated() {
            let row = cells[i].indices.map { j in
                i != j && !cells[i][j].hasContact ? "" : AgreementMatrix.format(cells[i][j].index)
            }
            lines.append(([AgreementMatrix.csvField(id)] + row).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Counts agreements and conflicts between two positions marked in claim-sized arrays (bit 1 held,
    /// bit 2 denied), by the rules of ``Comparison``, without listing them: each claim or relation once.
    ///
    /// A side holds a relation's source when it holds every premise (a linked relation is one unit). Lists keyed by
    /// claim name a linked relation under each premise, so a relation is taken up only at its first premise.
    struct PairCounter {
        let graph: Graph
        /// Per relation: its source claim (a linked relation's first premise).
        let source: [Int32]
        /// Per relation: its premises after the first; empty when the graph has no linked relation.
        let otherPremises: [[Int32]]
        /// Per relation: its target claim, or for an undercut the source claim of the relation it undercuts.
        let target: [Int32]
        /// Per relation: for an undercut, the relation it undercuts; else −1.
        let targetRelation: [Int32]
        /// Per relation: +1 support of a claim, −1 attack on a claim, 0 an undercut (counted separately), 2 other.
        let kind: [Int8]
        /// Undercut relations by their own source claim.
        let undercutsFrom: Adjacency
        /// Undercut relations by the source claim of the relation they undercut.
        let undercutsOnSource: Adjacency
        /// Per relation: for an undercut, the actor who drew the relation it undercuts; else −1.
        let undercutTargetActor: [Int32]
        /// Per relation: the actor who drew it (`by:`), or −1.
        let drawer: [Int32]

        init(_ graph: Graph) {
            self.graph = graph
            var source = [Int32](), target = [Int32](), kind = [Int8](), targetActor = [Int32]()
            var targetRelation = [Int32]()
            var from: [(node: Int32, entry: Int32)] = [], on: [(node: Int32, entry: Int32)] = []
            for (i, r) in graph.relations.enumerated() {
                source.append(Int32(r.source))
                if case let .relation(x) = r.target, let a = graph.relations[x].actor {
                    targetActor.append(Int32(a))
                } else {
                    targetActor.append(-1)
                }
                switch (r.kind, r.target) {
                case let (.support, .claim(t)): target.append(Int32(t)); kind.append(1); targetRelation.append(-1)
                case let (.attack, .claim(t)): target.append(Int32(t)); kind.append(-1); targetRelation.append(-1)
                case let (.attack, .relation(x)):
                    let src = graph.relations[x].source
                    target.append(Int32(src)); kind.append(0); targetRelation.append(Int32(x))
                    from.append((Int32(r.source), Int32(i)))
                    on.append((Int32(src), Int32(i)))
                case (.support, .relation): target.append(-1); kind.append(2); targetRelation.append(-1)
                }
            }
            self.source = source
            self.target = target
            self.targetRelation = targetRelation
            self.kind = kind
            otherPremises =
                graph.relations.contains(where: \.isLinked)
                ? graph.relations.map { $0.otherPremises.map { Int32($0) } } : []
            undercutsFrom = Adjacency(count: graph.claims.count, pairs: from)
            undercutsOnSource = Adjacency(count: graph.claims.count, pairs: on)
            undercutTargetActor = targetActor
            drawer = graph.relations.map { Int32($0.actor ?? -1) }
        }

        /// Whether undercut `u` qualifies an inference drawn by one of `actors` (see ``Comparison``).
        func qualifiesOwn(_ u: Int, _ actors: Set<Int>) -> Bool {
            let a = undercutTargetActor[u]
            return a >= 0 && actors.contains(Int(a))
        }

        /// Whether the side marked in `mark` holds the premises of relation `r` after the first (true for a plain
        /// relation). Asked only when the graph has linked relations, so that the loops below cost what they did
        /// before linked relations for graphs without them.
        @inline(__always)
        func holdsOthers(_ r: Int, _ mark: [UInt8]) -> Bool {
            for p in otherPremises[r] where mark[Int(p)] & 1 == 0 { return false }
            return true
        }

        /// Whether the side marked in `mark` holds relation `r`'s target: its claim, or for an undercut every premise
        /// of the relation it undercuts.
        @inline(__always)
        func holdsTarget(_ r: Int, _ mark: [UInt8], linked: Bool) -> Bool {
            guard mark[Int(target[r])] & 1 != 0 else { return false }
            return !linked || targetRelation[r] < 0 || holdsOthers(Int(targetRelation[r]), mark)
        }

        func count(
            heldJ: [Int], deniedJ: [Int], markI: [UInt8], markJ: [UInt8], actorsI: Set<Int>,
            actorsJ: Set<Int>
        ) -> (agreements: Int, conflicts: Int) {
            var agree = 0, conflict = 0
            for c in heldJ {
                if markI[c] & 1 != 0 { agree += 1 }
                if markI[c] & 2 != 0 { conflict += 1 }
            }
            for c in deniedJ {
                if markI[c] & 2 != 0 { agree += 1 }
                if markI[c] & 1 != 0 { conflict += 1 }
            }
            // Relations (and undercuts) from claims j holds to a claim i holds.
            // A support counts only when one of the two sides drew it (see ``Comparison``).
            func tally(_ r: Int) {
                if kind[r] != 1 { conflict += 1; return }
                let a = Int(drawer[r])
                if a >= 0 && (actorsI.contains(a) || actorsJ.contains(a)) { agree += 1 }
            }
            let linked = !otherPremises.isEmpty
            for s in heldJ {
                // A linked relation is listed under each premise: taken up at its first, when j holds the others.
                for r32 in graph.supportsFrom[s] {
                    let r = Int(r32)
                    if markI[Int(target[r])] & 1 != 0 && (!linked || (Int(source[r]) == s && holdsOthers(r, markJ))) {
                        tally(r)
                    }
                }
                for r32 in graph.attacksFrom[s] {
                    let r = Int(r32)
                    if markI[Int(target[r])] & 1 != 0 && (!linked || (Int(source[r]) == s && holdsOthers(r, markJ))) {
                        tally(r)
                    }
                }
                for u32 in undercutsFrom[s] {
                    let u = Int(u32)
                    if holdsTarget(u, markI, linked: linked) && (!linked || holdsOthers(u, markJ))
                        && !qualifiesOwn(u, actorsJ)
                    {
                        tally(u)
                    }
                }
            }
            // From claims i holds to a claim j holds, unless counted above (source also j's, target also i's).
            for t in heldJ {
                let tAlsoI = markI[t] & 1 != 0
                for r32 in graph.supportsTo[t] {
                    let r = Int(r32), s = Int(source[r])
                    if markI[s] & 1 != 0 && (!linked || holdsOthers(r, markI))
                        && !(tAlsoI && markJ[s] & 1 != 0 && (!linked || holdsOthers(r, markJ)))
                    {
                        tally(r)
                    }
                }
                for r32 in graph.attacksTo[t] {
                    let r = Int(r32), s = Int(source[r])
                    if markI[s] & 1 != 0 && (!linked || holdsOthers(r, markI))
                        && !(tAlsoI && markJ[s] & 1 != 0 && (!linked || holdsOthers(r, markJ)))
                    {
                        tally(r)
                    }
                }
                for u32 in undercutsOnSource[t] {
                    let u = Int(u32), s = Int(source[u])
                    guard markI[s] & 1 != 0, !linked || holdsOthers(u, markI), holdsTarget(u, markJ, linked: linked),
                        !qualifiesOwn(u, actorsI)
                    else { continue }
                    let countedAbove =
                        markJ[s] & 1 != 0 && (!linked || holdsOthers(u, markJ)) && holdsTarget(u, markI, linked: linked)
                        && !qualifiesOwn(u, actorsJ)
                    if !countedAbove { tally(u) }
                }
            }
            return (agree, conflict)
        }
    }

    /// An agreement index as every view prints it (``NumberText/strength(_:)``): `-0.333`.
    package static func format(_ x: Double) -> String { NumberText.strength(x) }

    /// Quotes a CSV field when needed.
    static func csvField(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
