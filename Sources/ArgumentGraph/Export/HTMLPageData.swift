import ArgumentGraphAnalysis
import ArgumentGraphFormats
import ArgumentGraphModel
import ArgumentGraphText
/// Everything the HTML page of a graph shows, as it goes into the page's JSON island (see ``HTMLExporter``).
///
/// Entities refer to each other by index into these arrays, as in ``Graph``. Each claim carries its
/// grounded label and DF-QuAD strength; the actor × actor ``AgreementMatrix`` comes with the
/// ``Comparison`` of every pair that meets (common ground and conflicts). Numbers are rounded to
/// three decimals, so the data survives a JSON round trip exactly.
public struct HTMLPageData: Codable, Sendable, Equatable {
    /// A claim and what the analyses say of it.
    public struct Claim: Codable, Sendable, Equatable {
        public var id: String
        public var text: String
        /// `claim`, `evidence` or `proposal`.
        public var kind: String
        public var tags: [String]
        /// The grounded label: `in`, `out` or `undecided`; nil when not computed.
        public var label: String?
        /// The DF-QuAD strength in [0, 1]; nil when not computed or not finite.
        public var strength: Double?
        /// The fill the map gives it (as `#rrggbb`), for the list's swatch.
        public var fill: String
    }

    public struct Actor: Codable, Sendable, Equatable {
        public var id: String
        public var name: String
        /// `person`, `institution` or `group`.
        public var kind: String
        public var affiliation: String?
        public var role: String?
    }

    public struct Document: Codable, Sendable, Equatable {
        public var id: String
        public var title: String
        public var publisher: String?
        /// As written in .arg files: `2008`, `2008-03` or `2008-03-14`.
        public var date: String?
        public var url: String?
    }

    public struct Quote: Codable, Sendable, Equatable {
        public var text: String
        /// Where the words stand in the source, for a reader: `line 12`, `lines 12–14`, `characters 1040–1068`.
        public var location: String?
    }

    public struct Stance: Codable, Sendable, Equatable {
        public var actor: Int
        public var claim: Int
        /// Whether the actor denies the claim (else asserts it).
        public var denies: Bool
        public var document: Int?
        public var quotes: [Quote]
    }

    public struct Relation: Codable, Sendable, Equatable {
        public var id: String?
        /// `support` or `attack`.
        public var kind: String
        /// The first premise.
        public var source: Int
        /// All the premises of a linked relation, `source` first; nil for a relation with one premise, so that
        /// the page of a graph without linked relations carries nothing more.
        public var premises: [Int]?
        /// The claim it points at, or nil for an undercut.
        public var targetClaim: Int?
        /// The relation an undercut points at.
        public var targetRelation: Int?
        public var weight: Double
        /// The actor who draws the relation, if recorded.
        public var actor: Int?
        public var note: String?
    }

    /// The agreement matrix of the actors, in the seriated order of ``AgreementMatrix``.
    public struct Matrix: Codable, Sendable, Equatable {
        /// Actor indices, in display order.
        public var members: [Int]
        /// `agreements[i][j]`, `conflicts[i][j]`, `index[i][j]` for members `i` and `j` in display order.
        public var agreements: [[Int]]
        public var conflicts: [[Int]]
        public var index: [[Double]]
        /// Colours for the indices −1, −0.9, …, +1 (``MatrixSVG/colour(_:)``), and for no contact.
        public var ramp: [String]
        public var noContact: String
    }

    /// The ``Comparison`` of members `i` < `j` (display order) of the matrix.
    ///
    /// Each point is `[kind, claim, other, relation, side]`: `kind` indexes ``HTMLPageData/pointKinds``,
    /// `side` is 0 when member `i` holds `claim` (the asserting side of a contradiction), 1 when member
    /// `j` does, −1 when both share it; absent `other` and `relation` are −1.
    public struct Pair: Codable, Sendable, Equatable {
        public var i: Int
        public var j: Int
        public var agreements: [[Int]]
        public var conflicts: [[Int]]
    }

    /// A fill of the map and what it means.
    public struct LegendRow: Codable, Sendable, Equatable {
        public var fill: String
        public var meaning: String
    }

    public var title: String
    public var description: String?
    public var claims: [Claim]
    public var actors: [Actor]
    public var documents: [Document]
    public var stances: [Stance]
    public var relations: [Relation]
    /// What the map's fills mean.
    public var legend: [LegendRow]
    /// Why the page has no map (Graphviz missing or failing, too many claims); nil when it has one.
    public var mapNote: String?
    public var matrix: Matrix?
    public var pairs: [Pair]
    /// Why the page has no heat map; nil when it has one.
    public var matrixNote: String?
    /// The names of ``Comparison/Kind``, in order.
    public var pointKinds: [String]
    /// How the agreement index is defined (``Comparison/definition``).
    public var definition: String

    /// Reads what the page of `graph` shows; `labels` and `strengths` (by claim) are computed when nil.
    public init(
        _ graph: Graph, title: String, labels: [Label]? = nil, strengths: [Double]? = nil,
        legend: [(fill: String, meaning: String)], fills: [String], mapNote: String?, matrixLimit: Int
    ) {
        let computed = labels == nil || strengths == nil ? WhatIf.score(graph) : nil
        let labels = labels ?? computed?.labels ?? []
        let strengths = strengths ?? computed?.strengths ?? []
        self.title = title
        description = graph.description
        claims = graph.claims.enumerated().map { c, claim in
            Claim(
                id: claim.id, text: claim.text, kind: claim.kind.rawValue, tags: claim.tags,
                label: labels.indices.contains(c) ? labels[c].rawValue : nil,
                strength: strengths.indices.contains(c) && strengths[c].isFinite ? Self.rounded(strengths[c]) : nil,
                fill: fills.indices.contains(c) ? fills[c] : DOTExporter.noHolderFill)
        }
        actors = graph.actors.map {
            Actor(id: $0.id, name: $0.name, kind: $0.kind.rawValue, affiliation: $0.affiliation, role: $0.role)
        }
        documents = graph.documents.map {
            Document(id: $0.id, title: $0.title, publisher: $0.publisher, date: $0.date?.description, url: $0.url)
        }
        stances = graph.stances.map { s in
            Stance(
                actor: s.actor, claim: s.claim, denies: s.kind == .denies, document: s.document,
                quotes: s.quotes.map { Quote(text: $0.text, location: $0.location.map(Self.describe)) })
        }
        relations = graph.relations.map { r in
            var targetRelation: Int?
            if case let .relation(t) = r.target { targetRelation = t }
            return Relation(
                id: r.id, kind: r.kind.rawValue, source: r.source, premises: r.isLinked ? r.premises : nil,
                targetClaim: r.targetClaim,
                targetRelation: targetRelation,
                weight: r.weight.isFinite ? Self.rounded(r.weight) : 1, actor: r.actor, note: r.note)
        }
        self.legend = legend.map { LegendRow(fill: $0.fill, meaning: $0.meaning) }
        self.mapNote = mapNote
        pointKinds = Comparison.Kind.allCases.map(\.rawValue)
        definition = Comparison.definition
        (matrix, pairs, matrixNote) = Self.agreement(graph, limit: matrixLimit)
    }

    /// The actor × actor matrix and the comparison of each pair that meets, or why there is none.
    static func agreement(_ graph: Graph, limit: Int) -> (Matrix?, [Pair], String?) {
        let members = AgreementMatrix.memberCount(graph, by: .actor)
        if members < 2 {
            return (
                nil, [],
                "There is no agreement matrix: it needs two actors who take stances, and this graph has \(members)."
            )
        }
        if members > limit {
            return (
                nil, [],
                "The agreement heat map is left out: \(members) actors take stances, and the page draws it for at most "
                    + "\(limit). `argraph compare matrix` computes it (up to \(AgreementMatrix.maxMembers))."
            )
        }
        let m = AgreementMatrix(graph, by: .actor)
        let n = m.members.count
        let positions = m.members.map { Position(graph, actor: $0) }
        let kinds = Comparison.Kind.allCases
        func encode(_ p: Comparison.Point) -> [Int] {
            let side = p.side.map { $0 == .first ? 0 : 1 } ?? -1
            return [kinds.firstIndex(of: p.kind) ?? 0, p.claim, p.other ?? -1, p.relation ?? -1, side]
        }
        var pairs: [Pair] = []
        for i in 0..<n {
            for j in (i + 1)..<n where m.cells[i][j].hasContact {
                let c = Comparison(graph, positions[i], positions[j])
                pairs.append(Pair(i: i, j: j, agreements: c.agreements.map(encode), conflicts: c.conflicts.map(encode)))
            }
        }
        let matrix = Matrix(
            members: m.members,
            agreements: m.cells.map { $0.map(\.agreements) },
            conflicts: m.cells.map { $0.map(\.conflicts) },
            index: m.cells.map { $0.map { rounded($0.index) } },
            ramp: (0...20).map { MatrixSVG.colour(Double($0 - 10) / 10) },
            noContact: MatrixSVG.noContactColour)
        return (matrix, pairs, nil)
    }

    /// `x` rounded to three decimals.
    static func rounded(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }

    /// A quote's location in words.
    static func describe(_ location: QuoteLocation) -> String {
        switch location {
        case let .lines(first, last): first == last ? "line \(first)" : "lines \(first)–\(last)"
        case let .characters(start, end): "characters \(start)–\(end)"
        }
    }
}
