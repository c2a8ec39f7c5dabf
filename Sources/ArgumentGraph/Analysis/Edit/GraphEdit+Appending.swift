import ArgumentGraphModel

extension GraphEdit {
    // Adding a claim, a stance or a relation built the whole graph again (every id a `String` once more, every reference
    // resolved): 3.7 s and a gigabyte for one claim added to a graph of 10^6 claims. Every check the build makes of a
    // claim, a stance or a relation concerns that entity alone, once its references are known to exist, so a builder of
    // the new entity, with stand-ins for what it names, reports exactly the errors the whole build would; the entity it
    // returns is then appended to the graph's arrays.

    /// `graph` with `claim` appended (its id known to be new), or the errors a build of the whole graph would give.
    static func appending(claim: Claim, to graph: Graph) throws(DiagnosticError) -> Graph? {
        var b = GraphBuilder()
        b.lint = false
        b.add(claim)
        let built = try b.build().graph.claims[0]
        return appended(to: graph, claim: built)
    }

    /// `graph` with `relation` appended, or the errors a build of the whole graph would give; nil when the relation
    /// targets a relation or names a claim or actor the graph lacks (the whole build then says which, with its
    /// suggestions).
    static func appending(relation r: GraphBuilder.RelationDraft, to graph: Graph) throws(DiagnosticError) -> Graph? {
        guard case let .claim(target) = r.target else { return nil }
        var named: [Int] = []  // the graph's claims the relation names, in the order the stand-ins are added
        for id in [r.source] + r.otherPremises + [target] {
            guard let c = graph.claimIndex(of: id) else { return nil }
            if !named.contains(c) { named.append(c) }
        }
        var actor: Int?
        if let a = r.actor {
            guard let i = graph.actorIndex(of: a) else { return nil }
            actor = i
        }
        var b = GraphBuilder()
        b.lint = false
        for c in named { b.add(Claim(id: graph.claims[c].id, text: "stand-in")) }
        if let actor { b.add(graph.actors[actor]) }
        b.add(r)
        var built = try b.build().graph.relations[0]
        built.source = named[built.source]
        built.otherPremises = built.otherPremises.map { named[$0] }
        if case let .claim(t) = built.target { built.target = .claim(named[t]) }
        if built.actor != nil { built.actor = actor }
        return appended(to: graph, relation: built)
    }

    /// `graph` with `stance` appended, or the errors a build of the whole graph would give; nil when it names an
    /// actor, claim or document the graph lacks.
    static func appending(stance s: GraphBuilder.StanceDraft, to graph: Graph) throws(DiagnosticError) -> Graph? {
        guard let actor = graph.actorIndex(of: s.actor), let claim = graph.claimIndex(of: s.claim) else { return nil }
        var document: Int?
        if let d = s.document {
            guard let i = graph.documentIndex(of: d) else { return nil }
            document = i
        }
        var b = GraphBuilder()
        b.lint = false
        b.add(graph.actors[actor])
        b.add(Claim(id: graph.claims[claim].id, text: "stand-in"))
        if let document { b.add(graph.documents[document]) }
        b.add(s)
        var built = try b.build().graph.stances[0]
        built.actor = actor
        built.claim = claim
        built.document = document
        return appended(to: graph, stance: built)
    }

    /// `g` with one entity appended (the other arrays shared, not copied).
    private static func appended(
        to g: Graph, claim: Claim? = nil, stance: Stance? = nil, relation: Relation? = nil
    ) -> Graph {
        Graph(
            name: g.name, title: g.title, description: g.description, documents: g.documents, actors: g.actors,
            claims: claim.map { g.claims + [$0] } ?? g.claims, stances: stance.map { g.stances + [$0] } ?? g.stances,
            relations: relation.map { g.relations + [$0] } ?? g.relations)
    }
}
