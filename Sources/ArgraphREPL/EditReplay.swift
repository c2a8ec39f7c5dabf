import ArgumentGraph

/// Replays a session's edits, made on the graph as last read or saved, onto the file as it is now
/// (`merge`). An edit is refused, with the reason, when something it names was removed or changed
/// on disk since, or when it no longer applies; it is never adapted by guesswork.
enum EditReplay {
    /// What a replay did.
    struct Outcome {
        /// The graph on disk with the edits that applied.
        var graph: Graph
        /// The edits applied, in order.
        var applied: [GraphEdit]
        /// The edits refused, each with why.
        var refused: [(edit: GraphEdit, reason: String)]
    }

    /// Replays `edits` (made on `base`) onto `disk`.
    static func replay(_ edits: [GraphEdit], base: Graph, onto disk: Graph) -> Outcome {
        var out = Outcome(graph: disk, applied: [], refused: [])
        for edit in edits {
            if let reason = conflict(edit, base: base, disk: disk) {
                out.refused.append((edit, reason))
                continue
            }
            do {
                out.graph = try edit.apply(to: out.graph).graph
                out.applied.append(edit)
            } catch {
                out.refused.append((edit, CommandError(error).message))
            }
        }
        return out
    }

    /// What an edit refers to: claims, actors and documents by id, and for a removal or an unlink
    /// the stances and relations it would take with it.
    enum Ref: Hashable {
        case claim(String), actor(String), document(String), relation(String)
        case claimLinks(String), actorStances(String), documentStances(String)
        case relationsBetween(String, String)
    }

    static func refs(_ edit: GraphEdit) -> [Ref] {
        switch edit {
        case let .addClaim(c): [.claim(c.id)]
        case let .addActor(a): [.actor(a.id)]
        case let .addDocument(d): [.document(d.id)]
        case let .addStance(s): [.actor(s.actor), .claim(s.claim)] + (s.document.map { [.document($0)] } ?? [])
        case let .addRelation(r):
            r.premises.map { .claim($0) } + (r.actor.map { [.actor($0)] } ?? [])
                + {
                    switch r.target {
                    case let .claim(t): [Ref.claim(t)]
                    case .relation: []
                    }
                }()
        case let .unlink(s, t): [.claim(s), .claim(t), .relationsBetween(s, t)]
        case let .removeClaim(id): [.claim(id), .claimLinks(id)]
        case let .removeActor(id): [.actor(id), .actorStances(id)]
        case let .removeDocument(id): [.document(id), .documentStances(id)]
        case let .sequence(edits, _): edits.flatMap(refs)
        case let .removeRelation(id): [.relation(id)]
        case let .addPremise(r, p), let .removePremise(r, p): [.relation(r), .claim(p)]
        case let .setPremises(r, ps): [.relation(r)] + ps.map { .claim($0) }
        case .dropActor, .dropDocument, .setCredibility, .cut, .restore, .replace: []
        }
    }

    /// Why `edit` must not be replayed on `disk`, or nil: something it names was in `base` and is
    /// gone or different on disk.
    static func conflict(_ edit: GraphEdit, base: Graph, disk: Graph) -> String? {
        var seen = Set<Ref>()
        for ref in refs(edit) where seen.insert(ref).inserted {
            let before = text(of: ref, in: base)
            guard let before else { continue }  // made by this session's own edits, or new: applying decides
            let now = text(of: ref, in: disk)
            if now == before { continue }
            switch ref {
            case let .claim(id):
                return now == nil ? "claim '\(id)' was removed on disk" : "claim '\(id)' was changed on disk"
            case let .actor(id):
                return now == nil ? "actor '\(id)' was removed on disk" : "actor '\(id)' was changed on disk"
            case let .document(id):
                return now == nil ? "document '\(id)' was removed on disk" : "document '\(id)' was changed on disk"
            case let .relation(id):
                return now == nil ? "relation '\(id)' was removed on disk" : "relation '\(id)' was changed on disk"
            case let .claimLinks(id):
                return "the stances or relations of claim '\(id)' changed on disk; removing it would drop them"
            case let .actorStances(id):
                return "the stances of actor '\(id)' changed on disk; removing them would drop those changes"
            case let .documentStances(id): return "the stances in document '\(id)' changed on disk"
            case let .relationsBetween(s, t): return "the relations from '\(s)' to '\(t)' changed on disk"
            }
        }
        return nil
    }

    /// The `.arg` text of what `ref` names in `g` (sorted lines for groups), or nil when absent.
    static func text(of ref: Ref, in g: Graph) -> [String]? {
        switch ref {
        case let .claim(id): return g.claimIndex(of: id).map { [ArgWriter.claim(g.claims[$0])] }
        case let .actor(id): return g.actorIndex(of: id).map { [ArgWriter.actor(g.actors[$0])] }
        case let .document(id): return g.documentIndex(of: id).map { [ArgWriter.document(g.documents[$0])] }
        case let .relation(id):
            return g.relations.firstIndex { $0.id == id }.map { [ArgWriter.relation(g.relations[$0], in: g)] }
        case let .claimLinks(id):
            guard let c = g.claimIndex(of: id) else { return nil }
            return
                (g.stances.filter { $0.claim == c }.map { ArgWriter.stance($0, in: g) }
                + g.relations.filter { $0.source == c || $0.otherPremises.contains(c) || $0.target == .claim(c) }.map {
                    ArgWriter.relation($0, in: g)
                }).sorted()
        case let .actorStances(id):
            guard let a = g.actorIndex(of: id) else { return nil }
            return
                (g.stances.filter { $0.actor == a }.map { ArgWriter.stance($0, in: g) }
                + g.relations.filter { $0.actor == a }.map { ArgWriter.relation($0, in: g) }).sorted()
        case let .documentStances(id):
            guard let d = g.documentIndex(of: id) else { return nil }
            return g.stances.filter { $0.document == d }.map { ArgWriter.stance($0, in: g) }.sorted()
        case let .relationsBetween(s, t):
            guard let a = g.claimIndex(of: s), let b = g.claimIndex(of: t) else { return nil }
            return g.relations.filter { $0.premises.contains(a) && $0.target == .claim(b) }.map {
                ArgWriter.relation($0, in: g)
            }.sorted()
        }
    }
}

extension GraphEdit {
    /// Whether `merge` can replay the edit onto another version of the file: edits named by ids are;
    /// what-if surgery and whole-graph replacements are not.
    var isReplayable: Bool {
        switch self {
        case .addClaim, .addActor, .addDocument, .addStance, .addRelation, .unlink, .removeClaim, .removeRelation,
            .removeActor, .removeDocument, .addPremise, .removePremise, .setPremises:
            true
        case let .sequence(edits, _): edits.allSatisfy(\.isReplayable)
        case .dropActor, .dropDocument, .setCredibility, .cut, .restore, .replace: false
        }
    }
}
