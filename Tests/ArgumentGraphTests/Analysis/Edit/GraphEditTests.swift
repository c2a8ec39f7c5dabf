import Testing
import ArgumentGraph
@testable import ArgumentGraphAnalysis

extension RelationTarget {
    var isClaim: Bool { if case .claim = self { true } else { false } }
}

/// The one graph-edit API: apply then invert gives the original; removals leave nothing dangling.
@Suite struct GraphEditTests {
    /// A random graph with every kind of part: documents, actors (some with credibility), claims, stances
    /// (some in documents), supports and attacks (some drawn by actors, some named) and undercuts.
    static func randomGraph(_ rng: inout SplitMix64) -> Graph {
        let nc = Int.random(in: 1...12, using: &rng), na = Int.random(in: 0...4, using: &rng),
            nd = Int.random(in: 0...3, using: &rng)
        let documents = (0..<nd).map { Document(id: "d\($0)", title: "Document \($0).") }
        let actors = (0..<na).map {
            Actor(id: "a\($0)", credibility: Bool.random(using: &rng) ? Double.random(in: 0...1, using: &rng) : nil)
        }
        let claims = (0..<nc).map { Claim(id: "c\($0)", text: "Claim \($0).") }
        var stances: [Stance] = []
        if na > 0 {
            for _ in 0..<Int.random(in: 0...(2 * nc), using: &rng) {
                stances.append(
                    Stance(
                        actor: Int.random(in: 0..<na, using: &rng), claim: Int.random(in: 0..<nc, using: &rng),
                        kind: Bool.random(using: &rng) ? .asserts : .denies,
                        document: nd > 0 && Bool.random(using: &rng) ? Int.random(in: 0..<nd, using: &rng) : nil))
            }
        }
        var relations: [Relation] = []
        for i in 0..<Int.random(in: 0...(2 * nc), using: &rng) {
            let target: RelationTarget
            if !relations.isEmpty, Int.random(in: 0..<4, using: &rng) == 0 {
                target = .relation(Int.random(in: 0..<relations.count, using: &rng))
            } else {
                target = .claim(Int.random(in: 0..<nc, using: &rng))
            }
            relations.append(
                Relation(
                    id: Bool.random(using: &rng) ? "r\(i)" : nil,
                    kind: target.isClaim && Bool.random(using: &rng) ? .support : .attack,
                    source: Int.random(in: 0..<nc, using: &rng), target: target,
                    weight: Double.random(in: 0...1, using: &rng),
                    actor: na > 0 && Bool.random(using: &rng) ? Int.random(in: 0..<na, using: &rng) : nil))
        }
        return Graph(
            name: "random", documents: documents, actors: actors, claims: claims, stances: stances, relations: relations
        )
    }

    /// A random edit that applies to `g`.
    static func randomEdit(_ g: Graph, _ rng: inout SplitMix64, step: Int) -> GraphEdit {
        func some<T>(_ a: [T]) -> T? { a.isEmpty ? nil : a[Int.random(in: 0..<a.count, using: &rng)] }
        func subset(_ n: Int) -> Set<Int> { Set((0..<n).filter { _ in Int.random(in: 0..<4, using: &rng) == 0 }) }
        let claim = some(g.claims.map(\.id)) ?? "c0", other = some(g.claims.map(\.id)) ?? "c0"
        switch Int.random(in: 0..<12, using: &rng) {
        case 0: return .removeClaim(claim)
        case 1: return some(g.actors.map(\.id)).map { .removeActor($0) } ?? .removeClaim(claim)
        case 2: return some(g.documents.map(\.id)).map { .removeDocument($0) } ?? .removeClaim(claim)
        case 3: return some(g.actors.map(\.id)).map { .dropActor($0) } ?? .removeClaim(claim)
        case 4: return some(g.documents.map(\.id)).map { .dropDocument($0) } ?? .removeClaim(claim)
        case 5:
            guard let r = some(g.relations.filter { $0.targetClaim != nil }) else { return .removeClaim(claim) }
            return .unlink(source: g.claims[r.source].id, target: g.claims[r.targetClaim!].id)
        case 6:
            if Bool.random(using: &rng), let r = some(g.relations.compactMap(\.id)) { return .removeRelation(r) }
            return some(g.actors.map(\.id)).map { .setCredibility(actor: $0, Bool.random(using: &rng) ? 0.25 : nil) }
                ?? .removeClaim(claim)
        case 7:
            return .cut(
                GraphCut(
                    documents: subset(g.documents.count), actors: subset(g.actors.count),
                    claims: subset(g.claims.count),
                    stances: subset(g.stances.count), relations: subset(g.relations.count)))
        case 8: return .cut(.restrict(g, to: subset(g.claims.count)))
        case 9: return .addClaim(Claim(id: "new\(step)", text: "New \(step)."))
        case 10:
            return .sequence(
                [
                    .addClaim(Claim(id: "seq\(step)", text: "Seq.")),
                    .addRelation(.init(kind: .attack, source: "seq\(step)", target: .claim(claim))),
                    .removeClaim(other),
                ], label: "sequence")
        default:
            guard let a = some(g.actors.map(\.id)) else {
                return .addRelation(.init(kind: .support, source: claim, target: .claim(other)))
            }
            return .addStance(.init(actor: a, claim: claim, kind: .asserts, document: some(g.documents.map(\.id))))
        }
    }

    /// Every index a part holds is in range, and no relation undercuts itself through a removed one.
    static func danglingReferences(_ g: Graph) -> [String] {
        var out: [String] = []
        for (i, s) in g.stances.enumerated() {
            if !g.actors.indices.contains(s.actor) { out.append("stance \(i): actor \(s.actor)") }
            if !g.claims.indices.contains(s.claim) { out.append("stance \(i): claim \(s.claim)") }
            if let d = s.document, !g.documents.indices.contains(d) { out.append("stance \(i): document \(d)") }
        }
        for (i, r) in g.relations.enumerated() {
            if !g.claims.indices.contains(r.source) { out.append("relation \(i): source \(r.source)") }
            for p in r.otherPremises where !g.claims.indices.contains(p) { out.append("relation \(i): premise \(p)") }
            switch r.target {
            case let .claim(c): if !g.claims.indices.contains(c) { out.append("relation \(i): target claim \(c)") }
            case let .relation(t):
                if !g.relations.indices.contains(t) { out.append("undercut \(i): target relation \(t)") }
            }
            if let a = r.actor, !g.actors.indices.contains(a) { out.append("relation \(i): actor \(a)") }
        }
        return out
    }

    @Test func applyThenInvertGivesTheOriginalOnRandomGraphs() throws {
        var rng = SplitMix64(seed: 16)
        var kinds = Set<String>()
        for round in 0..<400 {
            let g = Self.randomGraph(&rng)
            let edit = Self.randomEdit(g, &rng, step: round)
            guard let applied = try? edit.apply(to: g) else { continue }  // additions the builder refuses
            kinds.insert(String(edit.label.prefix(while: { $0 != " " })))
            #expect(Self.danglingReferences(applied.graph).isEmpty, "round \(round): \(edit.label)")
            let undone = try applied.inverse.apply(to: applied.graph)
            #expect(undone.graph == g, "round \(round): \(edit.label)")
            // And the inverse of the inverse is the edit again (redo).
            let redone = try undone.inverse.apply(to: undone.graph)
            #expect(redone.graph == applied.graph, "round \(round): \(edit.label)")
        }
        #expect(
            kinds.isSuperset(of: ["remove", "drop", "unlink", "credibility", "cut", "add", "sequence"]), "\(kinds)")
    }

    @Test func removalsLeaveNoDanglingStanceRelationOrUndercut() throws {
        var rng = SplitMix64(seed: 3)
        for round in 0..<300 {
            let g = Self.randomGraph(&rng)
            let c = Int.random(in: 0..<g.claims.count, using: &rng)
            let id = g.claims[c].id
            let removed = try GraphEdit.removeClaim(id).apply(to: g).graph
            #expect(removed.claimIndex(of: id) == nil)
            #expect(Self.danglingReferences(removed).isEmpty, "round \(round)")
            // Every relation left had both ends in the original and neither was the removed claim.
            #expect(
                removed.relations.count == g.relations.count
                    - GraphCut.Marks(GraphCut(claims: [c]), in: g).relation.filter { $0 }.count)
            if let a = g.actors.indices.randomElement(using: &rng) {
                let aid = g.actors[a].id
                let r = try GraphEdit.removeActor(aid).apply(to: g).graph
                #expect(r.actorIndex(of: aid) == nil && Self.danglingReferences(r).isEmpty)
                #expect(r.stances.count == g.stances.count - g.stancesOfActor.degree(a))
                #expect(r.relations.count == g.relations.count, "relations they drew stay, without their actor")
                let d = try GraphEdit.dropActor(aid).apply(to: g).graph
                #expect(
                    Self.danglingReferences(d).isEmpty
                        && d.relations.allSatisfy { $0.actor.map { d.actors[$0].id } != aid })
            }
            if let d = g.documents.indices.randomElement(using: &rng) {
                let r = try GraphEdit.removeDocument(g.documents[d].id).apply(to: g).graph
                #expect(r.stances.count == g.stances.count && Self.danglingReferences(r).isEmpty)
            }
        }
    }

    /// A worked example: retracting a claim takes its relations, the undercut on one of them, and the
    /// undercut on that undercut; the inverse puts all of it back in place.
    @Test func aRetractionCascadesThroughUndercutsAndComesBack() throws {
        let g = try ArgReader.read(
            """
            actor al
            claim a: A.
            claim b: B.
            claim u: U.
            claim v: V.
            stance al asserts a
            stance al asserts u
            support r1: a -> b
            undercut r2: u -> r1
            undercut v -> r2
            support v -> b

            """
        ).graph
        let applied = try GraphEdit.removeClaim("a").apply(to: g)
        #expect(applied.graph.claims.map(\.id) == ["b", "u", "v"])
        #expect(applied.graph.relations.count == 1 && applied.graph.relations[0].source == 2)
        #expect(applied.graph.stances.count == 1 && applied.graph.stances[0].claim == 1)
        #expect(applied.summary == "removed claim a with 1 stance(s) and 3 relation(s)")
        #expect(try applied.inverse.apply(to: applied.graph).graph == g)
        let relation = try GraphEdit.removeRelation("r1").apply(to: g)
        #expect(
            relation.graph.relations.count == 1 && relation.summary == "removed relation r1 and 2 undercut(s) of it")
        #expect(try relation.inverse.apply(to: relation.graph).graph == g)
        #expect(throws: DiagnosticError.self) { try GraphEdit.removeClaim("zzz").apply(to: g) }
        #expect(throws: DiagnosticError.self) { try GraphEdit.unlink(source: "b", target: "a").apply(to: g) }
    }

    @Test func restrictKeepsWhatTheSelectionNeeds() throws {
        var rng = SplitMix64(seed: 8)
        for _ in 0..<200 {
            let g = Self.randomGraph(&rng)
            let keep = Set(g.claims.indices.filter { _ in Bool.random(using: &rng) })
            let applied = GraphCut.restrict(g, to: keep).apply(to: g)
            let sub = applied.edited.graph
            #expect(Self.danglingReferences(sub).isEmpty)
            #expect(Set(sub.claims.map(\.id)) == Set(keep.map { g.claims[$0].id }))
            // Every actor and document left is still referred to.
            for a in sub.actors.indices {
                #expect(sub.stancesOfActor.degree(a) > 0 || sub.relations.contains { $0.actor == a })
            }
            for d in sub.documents.indices { #expect(sub.stances.contains { $0.document == d }) }
            #expect(applied.restoration.apply(to: sub) == g)
        }
    }
}
