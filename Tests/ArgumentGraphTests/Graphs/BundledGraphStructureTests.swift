import Foundation
import Testing
@testable import ArgumentGraph

/// The structure the second analyst's pass (issue 22) gave the bundled graph, pinned so that an edit that
/// loses it fails: shared positions as one claim, concessions as undercuts, attacks between texts only where
/// the words carry them, and an agreement matrix resting on what the texts say. `graphs/us-japan-alliance.md`
/// gives the reasons; a change here should change the notes too.
@Suite struct BundledGraphStructureTests {
    static let graph = BundledGraphTests.graph

    /// The authors of the five texts (Przystup holds no claim: the corpus has only the INSS foreword).
    static let mainAuthors = ["welch", "ishii", "tatsumi", "tf-cnas", "inss", "anon-2009"]

    /// The documents in which a claim is asserted, per asserting actor.
    static func assertions(of c: Int, in g: Graph) -> Set<[Int]> {
        Set(g.stances(onClaim: c).filter { $0.kind == .asserts }.map { [$0.actor, $0.document ?? -1] })
    }

    /// The documents with a stance on a claim.
    static func documents(of c: Int, in g: Graph) -> Set<Int> {
        Set(g.stances(onClaim: c).compactMap(\.document))
    }

    @Test func countsOfTheSecondPass() {
        let g = Self.graph
        #expect(g.claims.count >= 130)
        #expect(g.relations.filter(\.isUndercut).count >= 10)
        #expect(g.documents.count == 5)
    }

    /// The linked reasons of the third pass (issue 21): premises the texts give only together, each asserted by the
    /// actor whose reasoning the unit is, in the document that gives it, with a note quoting the words.
    @Test(arguments: [
        ("apec-brings-president-2010", ["japan-hosts-apec-2010", "apec-brings-us-president"], "year-2010-ideal"),
        (
            "marine-conditions", ["marine-crisis-management", "japan-contingency-laws", "rapid-deployment-tech"],
            "marine-reduction-practical"
        ),
        (
            "concentric-answer", ["effectiveness-criterion", "values-criterion", "criteria-incompatible"],
            "concentric-circles"
        ),
    ])
    func linkedReasonsHoldTogether(id: String, premises: [String], conclusion: String) throws {
        let g = Self.graph
        let r = try #require(g.relationIndex(of: id))
        let rel = g.relations[r]
        #expect(rel.kind == .support && rel.premises.map { g.claims[$0].id } == premises)
        #expect(rel.targetClaim.map { g.claims[$0].id } == conclusion)
        let drawer = try #require(rel.actor)
        #expect(g.holders(ofPremisesOf: r) == [drawer])
        #expect(rel.note?.contains("\"") == true)
        // Retracting any one premise takes the whole reason away.
        for p in rel.premises {
            #expect(WhatIf.retract(claim: p, from: g).relationMap[r] == nil)
        }
        #expect(g.relations.count(where: \.isLinked) == 3)
    }

    /// ≥ 11 positions that two actors assert in two different documents, each one claim.
    @Test func sharedPositionsAreOneClaim() {
        let g = Self.graph
        let shared = g.claims.indices.filter { c in
            let a = Self.assertions(of: c, in: g)
            return a.contains { x in a.contains { y in x[0] != y[0] && x[1] != y[1] } }
        }
        #expect(shared.count >= 11, "\(shared.map { g.claims[$0].id })")
        for id in [
            "reach-out-china", "widen-alliance-scope", "us-japan-china-dialogue", "pm-leadership-prerequisite",
            "us-japan-shared-interests", "china-buildup-concern", "new-alliance-vision",
        ] {
            #expect(shared.contains { g.claims[$0].id == id }, "\(id) is no longer shared across documents")
        }
    }

    /// Every undercut names its drawer, says which words carry it, and targets a relation with an id;
    /// no attack is described as a concession or a qualification.
    @Test func concessionsAreUndercutsNotAttacks() {
        let g = Self.graph
        for r in g.relations where r.isUndercut {
            #expect(r.actor != nil && r.note?.contains("\"") == true, "\(r.id ?? "?")")
            guard case let .relation(t) = r.target else { Issue.record("undercut without a relation"); continue }
            #expect(g.relations[t].id != nil)
        }
        for r in g.relations where r.kind == .attack && !r.isUndercut {
            let note = (r.note ?? "").lowercased()
            #expect(
                !note.contains("concession") && !note.contains("qualification") && !note.contains("conceded"),
                "\(g.claims[r.source].id): \(note)")
        }
    }

    /// Every relation says in its note which words carry it (or, for the analyst's, why it is drawn).
    @Test func everyRelationHasANote() {
        let g = Self.graph
        for (i, r) in g.relations.enumerated() {
            #expect(r.note?.isEmpty == false, "\(g.label(ofRelation: i)) has no note")
        }
    }

    /// Between texts, exactly the two attacks the words of both texts carry; no support between texts.
    @Test func relationsBetweenDocumentsAreTheTwoAttacks() {
        let g = Self.graph
        let between = g.relations.compactMap { r -> String? in
            guard let t = r.targetClaim,
                Self.documents(of: r.source, in: g).isDisjoint(with: Self.documents(of: t, in: g))
            else { return nil }
            return "\(r.kind) \(g.claims[r.source].id) -> \(g.claims[t].id)"
        }
        #expect(
            Set(between) == [
                "attack debate-real-issues -> fully-independent-partner",
                "attack alliance-vital-liberal-order -> alliance-viability-doubted",
            ])
    }

    /// The analyst draws no support between two actors' claims: each one without `by:` stays inside one
    /// actor's claims, so it can never count as agreement between two actors.
    @Test func analystSupportsStayWithinOneActor() {
        let g = Self.graph
        for r in g.relations where r.kind == .support && r.actor == nil {
            guard let t = r.targetClaim else { continue }
            #expect(
                Set(g.holders(of: r.source)) == Set(g.holders(of: t)), "\(g.claims[r.source].id) -> \(g.claims[t].id)")
        }
    }

    /// The foreword of 003 speaks for the institute; Article 9 separates the author's report from the
    /// government's reading it reports and answers.
    @Test func attributionOfTheForewordAndOfArticle9() throws {
        let g = Self.graph
        let przystup = try #require(g.actorIndex(of: "przystup")), inss = try #require(g.actorIndex(of: "inss"))
        #expect(g.stances.allSatisfy { $0.actor != przystup })
        #expect(g.stances.filter { $0.actor == inss }.count >= 9)
        let gov = try #require(g.actorIndex(of: "japan-government")), anon = try #require(g.actorIndex(of: "anon-2009"))
        let reading = try #require(g.claimIndex(of: "article-9-bars-combat"))
        let report = try #require(g.claimIndex(of: "official-reading-bars-combat"))
        #expect(g.holders(of: reading) == [gov] && g.holders(of: report) == [anon])
        #expect(!Conflicts.attacks(between: anon, and: gov, in: g).isEmpty)
    }

    /// The main authors agree on much, but not everywhere: the lowest index among them is the 2009 paper
    /// against the Tokyo Foundation–CNAS statement (dependence and equality), below +1; no main pair is negative.
    @Test func mainAuthorsPartWhereTheTextsPart() throws {
        let g = Self.graph
        let m = AgreementMatrix(g, ordered: false)
        var lowest: (Double, String)?
        for x in Self.mainAuthors {
            for y in Self.mainAuthors where x < y {
                let i = try #require(m.ids.firstIndex(of: x)), j = try #require(m.ids.firstIndex(of: y))
                let cell = m.cells[i][j]
                guard cell.hasContact else { continue }
                #expect(cell.index > 0, "\(x) vs \(y)")
                if lowest == nil || cell.index < lowest!.0 { lowest = (cell.index, "\(x) \(y)") }
            }
        }
        let low = try #require(lowest)
        #expect(low.1 == "anon-2009 tf-cnas")
        // 18 agreements and 1 conflict: shared claims and the two authors' own inferences (Ishii's inference
        // between a claim of each, which neither drew, does not count).
        #expect(abs(low.0 - 17.0 / 19.0) < 0.0005)
        let a = try #require(g.actorIndex(of: "anon-2009")), t = try #require(g.actorIndex(of: "tf-cnas"))
        let cmp = Comparison(g, actor: a, actor: t)
        #expect(cmp.conflicts.map { g.claims[$0.claim].id } == ["debate-real-issues"])
        #expect(cmp.agreements.filter { $0.kind == .bothAssert }.count >= 5)
    }

    /// Tatsumi's concession (differences vs the shared outlook) qualifies her own inference from a claim
    /// Welch and Ishii share: no conflict with them. Her undercut of the commentators' inference is one.
    @Test func concessionsDoNotCountAgainstWhoSharesThePremise() throws {
        let g = Self.graph
        let t = try #require(g.actorIndex(of: "tatsumi"))
        for other in ["welch", "ishii"] {
            let o = try #require(g.actorIndex(of: other))
            let cmp = Comparison(g, actor: t, actor: o)
            #expect(cmp.conflicts.isEmpty && cmp.index == 1, "tatsumi vs \(other)")
        }
        let wc = try #require(g.actorIndex(of: "washington-commentators"))
        let cmp = Comparison(g, actor: t, actor: wc)
        #expect(cmp.conflicts.map(\.kind).sorted { $0.rawValue < $1.rawValue } == [.attacks, .undercuts])
    }
}
