import ArgumentGraphModel
import ArgumentGraphText

/// A change to a graph, named by ids: what the REPL's editing commands, undo and redo, what-if,
/// cruxes and sub-graph export all apply.
///
/// ``apply(to:)`` returns the new graph with the edit's inverse: applying the inverse to the new graph
/// gives back the original exactly. Additions go through ``GraphBuilder`` (which checks them) and append;
/// removals go through one ``GraphCut`` (see its rules for what else goes).
public indirect enum GraphEdit: Sendable {
    /// Adds a claim, evidence or proposal.
    case addClaim(Claim)
    /// Adds an actor.
    case addActor(Actor)
    /// Adds a document.
    case addDocument(Document)
    /// Adds a stance.
    case addStance(GraphBuilder.StanceDraft)
    /// Adds a relation.
    case addRelation(GraphBuilder.RelationDraft)
    /// Removes every relation from the first claim to the second (and the undercuts on them).
    case unlink(source: String, target: String)
    /// Removes (retracts) a claim with its stances and relations.
    case removeClaim(String)
    /// Removes the relation with this id, and the undercuts on it.
    case removeRelation(String)
    /// Adds a premise (a claim id) to the named relation, which then gives its reason only with it (linked).
    case addPremise(relation: String, premise: String)
    /// Removes a premise from the named linked relation; at least one premise stays.
    case removePremise(relation: String, premise: String)
    /// Sets the named relation's premises, in order (the inverse of the two above).
    case setPremises(relation: String, premises: [String])
    /// Removes an actor with their stances; relations they drew lose their `by`.
    case removeActor(String)
    /// Removes a document; stances made in it lose their document.
    case removeDocument(String)
    /// The what-if drop of an actor: the actor, their stances, the relations they drew, and the claims
    /// left with no stance (see ``GraphCut/withOrphanedClaims(in:)``).
    case dropActor(String)
    /// The what-if drop of a document: the document, the stances made in it, and the claims left with no stance.
    case dropDocument(String)
    /// Sets (or, with nil, clears) an actor's declared credibility, clamped to [0, 1].
    case setCredibility(actor: String, Double?)
    /// Removes parts by index (see ``GraphCut``); ``GraphCut/restrict(_:to:)`` makes the cut for a selection.
    case cut(GraphCut)
    /// Puts back what a cut removed: the inverse of ``cut(_:)`` and of the removals.
    case restore(GraphRestoration)
    /// Several edits applied in order as one step, under one label.
    case sequence([GraphEdit], label: String)
    /// Replaces the whole graph (unsaved edits brought back from a recovery file); the inverse puts the old one back.
    case replace(with: Graph, label: String)

    /// Retracting a claim: removing it with its stances and relations (the what-if and crux rule).
    public static func retract(_ claim: String) -> GraphEdit { .removeClaim(claim) }

    /// A short description, for `undo` and `redo`.
    public var label: String {
        switch self {
        case let .addClaim(c): "add claim \(c.id)"
        case let .addActor(a): "add actor \(a.id)"
        case let .addDocument(d): "add document \(d.id)"
        case let .addStance(s): "add stance \(s.actor) \(s.kind.rawValue) \(s.claim)"
        case let .addRelation(r):
            switch r.target {
            case let .claim(t):
                "link \(r.premises.joined(separator: " + ")) \(r.kind == .support ? "supports" : "attacks") \(t)"
            case let .relation(t): "link \(r.premises.joined(separator: " + ")) undercuts \(t)"
            }
        case let .unlink(s, t): "unlink \(s) \(t)"
        case let .removeClaim(id): "remove claim \(id)"
        case let .removeRelation(id): "remove relation \(id)"
        case let .addPremise(r, p): "premise add \(r) \(p)"
        case let .removePremise(r, p): "premise remove \(r) \(p)"
        case let .setPremises(r, ps): "premises \(r): \(ps.joined(separator: " + "))"
        case let .removeActor(id): "remove actor \(id)"
        case let .removeDocument(id): "remove document \(id)"
        case let .dropActor(id): "drop \(id)"
        case let .dropDocument(id): "drop \(id)"
        case let .setCredibility(id, v): "credibility \(id) \(v.map { String($0) } ?? "unset")"
        case .cut: "cut"
        case .restore: "restore"
        case let .sequence(_, label): label
        case let .replace(_, label): label
        }
    }

    /// The graph with the edit applied, its inverse and a one-line account; throws for an unknown id,
    /// a duplicate id or an addition the builder refuses.
    public func apply(to graph: Graph) throws(DiagnosticError) -> AppliedEdit {
        try apply(to: graph, rebuilding: false)
    }

    /// ``apply(to:)``; `rebuilding` adds a claim or a relation by building the whole graph again, as every addition
    /// once did (tests compare both ways).
    func apply(to graph: Graph, rebuilding: Bool) throws(DiagnosticError) -> AppliedEdit {
        switch self {
        case let .addClaim(c):
            if graph.claimIndex(of: c.id) != nil {
                throw Self.error(
                    "a claim '\(c.id)' already exists", hint: "choose another id or 'remove \(c.id)' first")
            }
            let summary = "added \(c.kind.rawValue) \(c.id)"
            if !rebuilding, let g = try Self.appending(claim: c, to: graph) { return Self.added(to: graph, g, summary) }
            return try added(to: graph, summary) { $0.add(c) }
        case let .addActor(a):
            if graph.actorIndex(of: a.id) != nil { throw Self.error("an actor '\(a.id)' already exists") }
            return try added(to: graph, "added actor \(a.id)") { $0.add(a) }
        case let .addDocument(d):
            if graph.documentIndex(of: d.id) != nil { throw Self.error("a document '\(d.id)' already exists") }
            return try added(to: graph, "added document \(d.id)") { $0.add(d) }
        case let .addStance(s):
            let summary = "\(s.actor) \(s.kind.rawValue) \(s.claim)" + (s.document.map { " in \($0)" } ?? "")
            if !rebuilding, let g = try Self.appending(stance: s, to: graph) {
                return Self.added(to: graph, g, summary)
            }
            return try added(to: graph, summary) { $0.add(s) }
        case let .addRelation(r):
            if let id = r.id, graph.relationIndex(of: id) != nil {
                throw Self.error("a relation '\(id)' already exists")
            }
            let summary = "linked: " + label.dropFirst("link ".count)
            if !rebuilding, let g = try Self.appending(relation: r, to: graph) {
                return Self.added(to: graph, g, summary)
            }
            return try added(to: graph, summary) { $0.add(r) }
        case let .unlink(s, t):
            let source = try Self.claim(s, in: graph), target = try Self.claim(t, in: graph)
            let found = Set(graph.supportsFrom[source].map(Int.init) + graph.attacksFrom[source].map(Int.init))
                .filter { graph.relations[$0].targetClaim == target }
            guard !found.isEmpty else {
                let reverse = (graph.supportsFrom[target].map(Int.init) + graph.attacksFrom[target].map(Int.init))
                    .contains { graph.relations[$0].targetClaim == source }
                throw Self.error(
                    "no relation from '\(s)' to '\(t)'",
                    hint: reverse ? "there is one from '\(t)' to '\(s)': unlink \(t) \(s)" : nil)
            }
            return applyCut(GraphCut(relations: found), graph) { r in
                "removed \(NumberText.counted(r.relations, "relation"))"
            }
        case let .removeClaim(id):
            let c = try Self.claim(id, in: graph)
            return applyCut(GraphCut(claims: [c]), graph) { r in
                "removed claim \(id) with \(r.stances) stance(s) and \(r.relations) relation(s)"
            }
        case let .removeRelation(id):
            let r = try Self.relation(id, in: graph)
            return applyCut(GraphCut(relations: [r]), graph) { r in
                "removed relation \(id)" + (r.relations > 1 ? " and \(r.relations - 1) undercut(s) of it" : "")
            }
        case let .removeActor(id):
            let a = try Self.actor(id, in: graph)
            return applyCut(GraphCut(actors: [a]), graph) { r in "removed actor \(id) with \(r.stances) stance(s)" }
        case let .removeDocument(id):
            let d = try Self.document(id, in: graph)
            return applyCut(GraphCut(documents: [d]), graph) { _ in "removed document \(id)" }
        case let .dropActor(id):
            let a = try Self.actor(id, in: graph)
            let drawn = Set(graph.relations.indices.filter { graph.relations[$0].actor == a })
            let c = GraphCut(actors: [a], stances: Set(graph.stancesOfActor[a].map(Int.init)), relations: drawn)
            return applyCut(c.withOrphanedClaims(in: graph), graph, Self.dropped)
        case let .dropDocument(id):
            let d = try Self.document(id, in: graph)
            let c = GraphCut(
                documents: [d], stances: Set(graph.stances.indices.filter { graph.stances[$0].document == d }))
            return applyCut(c.withOrphanedClaims(in: graph), graph, Self.dropped)
        case let .setCredibility(id, value):
            let a = try Self.actor(id, in: graph)
            var actors = graph.actors
            let old = actors[a].credibility
            actors[a].credibility = value.map { $0.isNaN ? 0 : min(1, max(0, $0)) }
            let g = Graph(
                name: graph.name, title: graph.title, description: graph.description, documents: graph.documents,
                actors: actors, claims: graph.claims, stances: graph.stances, relations: graph.relations)
            return AppliedEdit(edited: .unchanged(g), inverse: .setCredibility(actor: id, old), summary: label)
        case let .addPremise(id, premise):
            let r = try Self.relation(id, in: graph), p = try Self.claim(premise, in: graph)
            let rel = graph.relations[r]
            if rel.premises.contains(p) { throw Self.error("'\(premise)' is already a premise of '\(id)'") }
            if rel.targetClaim == p { throw Self.error("'\(premise)' is what '\(id)' bears on, not a premise of it") }
            return Self.withPremises(rel.premises + [p], of: r, in: graph)
        case let .removePremise(id, premise):
            let r = try Self.relation(id, in: graph), p = try Self.claim(premise, in: graph)
            let rel = graph.relations[r]
            guard rel.premises.contains(p) else {
                throw Self.error(
                    "'\(premise)' is not a premise of '\(id)'",
                    hint: "its premises: " + graph.premiseText(rel.premises))
            }
            guard rel.isLinked else {
                throw Self.error("'\(id)' has no other premise", hint: "remove the relation: remove relation \(id)")
            }
            return Self.withPremises(rel.premises.filter { $0 != p }, of: r, in: graph)
        case let .setPremises(id, premises):
            let r = try Self.relation(id, in: graph)
            var indices: [Int] = []
            for p in premises { indices.append(try Self.claim(p, in: graph)) }
            guard !indices.isEmpty, Set(indices).count == indices.count,
                !indices.contains(where: { graph.relations[r].targetClaim == $0 })
            else { throw Self.error("the premises of '\(id)' must be distinct claims other than its target") }
            return Self.withPremises(indices, of: r, in: graph)
        case let .cut(c):
            return applyCut(c, graph, Self.dropped)
        case let .restore(r):
            guard let g = r.apply(to: graph) else {
                throw Self.error("cannot restore: the graph is not the one the parts were cut from")
            }
            return AppliedEdit(edited: nil, graph: g, inverse: .cut(r.cut), summary: "restored")
        case let .replace(g, label):
            return AppliedEdit(edited: nil, graph: g, inverse: .replace(with: graph, label: label), summary: label)
        case let .sequence(edits, _):
            var g = graph
            var inverses: [GraphEdit] = []
            var summaries: [String] = []
            for e in edits {
                let applied = try e.apply(to: g)
                g = applied.graph
                inverses.append(applied.inverse)
                summaries.append(applied.summary)
            }
            return AppliedEdit(
                edited: nil, graph: g, inverse: .sequence(inverses.reversed(), label: "undo " + label),
                summary: summaries.joined(separator: "; "))
        }
    }

    /// Applies an addition through the builder; the inverse cuts the parts it appended.
    private func added(to graph: Graph, _ summary: String, _ add: (inout GraphBuilder) -> Void) throws(DiagnosticError)
        -> AppliedEdit
    {
        var b = GraphBuilder(graph)
        b.lint = false
        add(&b)
        return Self.added(to: graph, try b.build().graph, summary)
    }

    /// The edit that made `g` from `graph` by appending entities; its inverse cuts them.
    private static func added(to graph: Graph, _ g: Graph, _ summary: String) -> AppliedEdit {
        func appended(_ before: Int, _ after: Int) -> Set<Int> { Set(before..<max(before, after)) }
        let inverse = GraphCut(
            documents: appended(graph.documents.count, g.documents.count),
            actors: appended(graph.actors.count, g.actors.count),
            claims: appended(graph.claims.count, g.claims.count),
            stances: appended(graph.stances.count, g.stances.count),
            relations: appended(graph.relations.count, g.relations.count))
        return AppliedEdit(edited: nil, graph: g, inverse: .cut(inverse), summary: summary)
    }

    /// Applies a cut; the inverse restores it.
    private func applyCut(
        _ c: GraphCut, _ graph: Graph,
        _ summary: (_ removed: (claims: Int, relations: Int, stances: Int)) -> String
    ) -> AppliedEdit {
        let (edited, restoration) = c.apply(to: graph)
        return AppliedEdit(edited: edited, inverse: .restore(restoration), summary: summary(restoration.removedCounts))
    }

    private static func dropped(_ r: (claims: Int, relations: Int, stances: Int)) -> String {
        "removed \(r.claims) claim(s), \(r.relations) relation(s) and \(r.stances) stance(s)"
    }

    static func error(_ message: String, hint: String? = nil) -> DiagnosticError {
        DiagnosticError([Diagnostic(.error, message, hint: hint)])
    }

    static func claim(_ id: String, in graph: Graph) throws(DiagnosticError) -> Int { try graph.index(ofClaim: id) }
    static func relation(_ id: String, in graph: Graph) throws(DiagnosticError) -> Int {
        if let r = graph.relationIndex(of: id) { return r }
        throw error(
            "unknown relation '\(id)'", hint: Suggestions.hint(for: id, in: graph.relations.lazy.compactMap(\.id)))
    }

    /// The graph with relation `r`'s premises replaced (indices unchanged); the inverse sets the old ones back.
    private static func withPremises(_ premises: [Int], of r: Int, in graph: Graph) -> AppliedEdit {
        var relations = graph.relations
        let old = relations[r].premises
        relations[r].source = premises[0]
        relations[r].otherPremises = Array(premises.dropFirst())
        let g = Graph(
            name: graph.name, title: graph.title, description: graph.description, documents: graph.documents,
            actors: graph.actors, claims: graph.claims, stances: graph.stances, relations: relations)
        let id = relations[r].id ?? ""
        let target: String
        switch relations[r].target {
        case let .claim(c): target = g.claims[c].id
        case let .relation(t): target = g.relations[t].id ?? "#\(t)"
        }
        return AppliedEdit(
            edited: .unchanged(g), inverse: .setPremises(relation: id, premises: old.map { graph.claims[$0].id }),
            summary: "\(id): " + g.premiseText(premises) + " -> " + target)
    }

    static func actor(_ id: String, in graph: Graph) throws(DiagnosticError) -> Int { try graph.index(ofActor: id) }
    static func document(_ id: String, in graph: Graph) throws(DiagnosticError) -> Int {
        try graph.index(ofDocument: id)
    }
}

extension Graph {
    /// The index of the claim `id`, or an error naming the nearest ids.
    public func index(ofClaim id: String) throws(DiagnosticError) -> Int {
        if let c = claimIndex(of: id) { return c }
        throw GraphEdit.error("unknown claim '\(id)'", hint: Suggestions.hint(for: id, in: claims.lazy.map(\.id)))
    }

    /// The index of the actor `id`, or an error naming the nearest ids.
    public func index(ofActor id: String) throws(DiagnosticError) -> Int {
        if let a = actorIndex(of: id) { return a }
        throw GraphEdit.error("unknown actor '\(id)'", hint: Suggestions.hint(for: id, in: actors.lazy.map(\.id)))
    }

    /// The index of the document `id`, or an error naming the nearest ids.
    public func index(ofDocument id: String) throws(DiagnosticError) -> Int {
        if let d = documentIndex(of: id) { return d }
        throw GraphEdit.error("unknown document '\(id)'", hint: Suggestions.hint(for: id, in: documents.lazy.map(\.id)))
    }
}

/// The result of applying a ``GraphEdit``.
public struct AppliedEdit: Sendable {
    /// The edited graph.
    public let graph: Graph
    /// The edit that turns ``graph`` back into the graph it was applied to.
    public let inverse: GraphEdit
    /// For a removal or a credibility change, the maps from the old indices to the new (what-if and cruxes use them).
    public let edited: EditedGraph?
    /// One line saying what changed.
    public let summary: String

    init(edited: EditedGraph, inverse: GraphEdit, summary: String) {
        self.init(edited: edited, graph: edited.graph, inverse: inverse, summary: summary)
    }

    init(edited: EditedGraph?, graph: Graph, inverse: GraphEdit, summary: String) {
        self.graph = graph
        self.edited = edited
        self.inverse = inverse
        self.summary = summary
    }
}

extension EditedGraph {
    /// A graph whose parts kept their indices (identity maps).
    static func unchanged(_ graph: Graph) -> EditedGraph {
        EditedGraph(
            graph: graph, claimMap: graph.claims.indices.map { $0 }, relationMap: graph.relations.indices.map { $0 },
            actorMap: graph.actors.indices.map { $0 }, documentMap: graph.documents.indices.map { $0 },
            removedStances: 0)
    }
}
