import ArgumentGraph

/// A change to a graph, applied through a ``GraphBuilder`` and checked by rebuilding.
public enum Edit: Sendable {
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
    /// Removes every relation from the first claim to the second.
    case unlink(source: String, target: String)
    /// Removes a claim with its stances and relations.
    case removeClaim(String)
    /// Removes an actor with their stances; links they drew lose their `by`.
    case removeActor(String)
    /// Removes a document; stances in it lose their document.
    case removeDocument(String)
    /// Several edits applied as one step, under one label.
    indirect case all([Edit], label: String)

    /// A short description for `undo` and `redo`.
    public var label: String {
        switch self {
        case let .addClaim(c): "add claim \(c.id)"
        case let .addActor(a): "add actor \(a.id)"
        case let .addDocument(d): "add document \(d.id)"
        case let .addStance(s): "add stance \(s.actor) \(s.kind.rawValue) \(s.claim)"
        case let .addRelation(r):
            switch r.target {
            case let .claim(t): "link \(r.source) \(r.kind == .support ? "supports" : "attacks") \(t)"
            case let .relation(t): "link \(r.source) undercuts \(t)"
            }
        case let .unlink(s, t): "unlink \(s) \(t)"
        case let .removeClaim(id): "remove claim \(id)"
        case let .removeActor(id): "remove actor \(id)"
        case let .removeDocument(id): "remove document \(id)"
        case let .all(_, label): label
        }
    }

    /// The graph with the edit applied, and a one-line account of what changed.
    public func applied(to graph: Graph) throws -> (Graph, String) {
        if case let .all(edits, _) = self {
            var g = graph
            var messages: [String] = []
            for e in edits {
                let (next, m) = try e.applied(to: g)
                g = next
                messages.append(m)
            }
            return (g, messages.joined(separator: "; "))
        }
        var b = GraphBuilder(graph)
        b.lint = false
        var message: String
        switch self {
        case let .addClaim(c):
            if graph.claimIndex(of: c.id) != nil { throw CommandError("a claim '\(c.id)' already exists", hint: "choose another id or 'remove \(c.id)' first") }
            b.add(c)
            message = "added \(c.kind.rawValue) \(c.id)"
        case let .addActor(a):
            if graph.actorIndex(of: a.id) != nil { throw CommandError("an actor '\(a.id)' already exists") }
            b.add(a)
            message = "added actor \(a.id)"
        case let .addDocument(d):
            if graph.documentIndex(of: d.id) != nil { throw CommandError("a document '\(d.id)' already exists") }
            b.add(d)
            message = "added document \(d.id)"
        case let .addStance(s):
            b.add(s)
            message = "\(s.actor) \(s.kind.rawValue) \(s.claim)" + (s.document.map { " in \($0)" } ?? "")
        case let .addRelation(r):
            if let id = r.id, graph.relationIndex(of: id) != nil { throw CommandError("a relation '\(id)' already exists") }
            b.add(r)
            message = "linked: " + label.dropFirst("link ".count)
        case let .unlink(s, t):
            let before = b.relations.count
            let removed = Set(b.relations.indices.filter { b.relations[$0].source == s && b.relations[$0].target == .claim(t) })
            guard !removed.isEmpty else {
                let reverse = b.relations.contains { $0.source == t && $0.target == .claim(s) }
                throw CommandError("no relation from '\(s)' to '\(t)'", hint: reverse ? "there is one from '\(t)' to '\(s)': unlink \(t) \(s)" : nil)
            }
            Edit.removeRelations(removed, from: &b)
            message = "removed \(before - b.relations.count) relation\(before - b.relations.count == 1 ? "" : "s")"
        case let .removeClaim(id):
            guard graph.claimIndex(of: id) != nil else { throw CommandError.unknown("claim", id, among: graph.claims.lazy.map(\.id)) }
            b.claims.removeAll { $0.0.id == id }
            let stancesBefore = b.stances.count
            b.stances.removeAll { $0.claim == id }
            let relationsBefore = b.relations.count
            Edit.removeRelations(Set(b.relations.indices.filter { b.relations[$0].source == id || b.relations[$0].target == .claim(id) }), from: &b)
            message = "removed claim \(id) with \(stancesBefore - b.stances.count) stance(s) and \(relationsBefore - b.relations.count) relation(s)"
        case let .removeActor(id):
            guard graph.actorIndex(of: id) != nil else { throw CommandError.unknown("actor", id, among: graph.actors.lazy.map(\.id)) }
            b.actors.removeAll { $0.0.id == id }
            let before = b.stances.count
            b.stances.removeAll { $0.actor == id }
            for i in b.relations.indices where b.relations[i].actor == id { b.relations[i].actor = nil }
            message = "removed actor \(id) with \(before - b.stances.count) stance(s)"
        case let .removeDocument(id):
            guard graph.documentIndex(of: id) != nil else { throw CommandError.unknown("document", id, among: graph.documents.lazy.map(\.id)) }
            b.documents.removeAll { $0.0.id == id }
            for i in b.stances.indices where b.stances[i].document == id { b.stances[i].document = nil }
            message = "removed document \(id)"
        case .all: message = ""
        }
        do {
            return (try b.build().graph, message)
        } catch {
            throw CommandError(error)
        }
    }

    /// Removes relations by position, then every undercut left without a target, until none is.
    static func removeRelations(_ positions: Set<Int>, from b: inout GraphBuilder) {
        var remove = positions
        while !remove.isEmpty {
            let goneIDs = Set(remove.compactMap { b.relations[$0].id })
            b.relations = b.relations.enumerated().filter { !remove.contains($0.offset) }.map(\.element)
            remove = Set(b.relations.indices.filter {
                if case let .relation(t) = b.relations[$0].target { return goneIDs.contains(t) }
                return false
            })
        }
    }
}
