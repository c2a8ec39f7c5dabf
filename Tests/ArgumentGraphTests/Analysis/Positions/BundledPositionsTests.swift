import Foundation
import Testing
@testable import ArgumentGraph

/// The bundled graph, or nil while it is missing or a small stand-in (outside the suite, which its trait reads).
enum FullBundledGraph {
    static let graph: Graph? = {
        guard let g = try? ArgReader.read(contentsOf: TestPaths.repo("graphs/us-japan-alliance.arg")).graph,
            g.claims.count >= 50
        else { return nil }
        return g
    }()
}

/// Positions on the bundled us-japan-alliance graph: answers that reflect the five texts.
///
/// Ids are looked up by content where the graph may still change (claims about China are found by
/// their text or tags), so that edits to the graph do not break the tests for no reason.
@Suite(
    .enabled(
        if: FullBundledGraph.graph != nil,
        "needs the full bundled graph (graphs/us-japan-alliance.arg, 50 claims or more)"))
struct BundledPositionsTests {
    static func mentionsChina(_ c: Claim) -> Bool {
        c.tags.contains("china") || c.text.localizedCaseInsensitiveContains("china") || c.id.contains("china")
    }

    /// Welch and Ishii, speaking at the same 2008 Stimson event, both call for reaching out to China together.
    @Test func welchAndIshiiShareTheClaimOnEngagingChina() throws {
        let g = try #require(FullBundledGraph.graph)
        let w = try #require(g.actorIndex(of: "welch")), i = try #require(g.actorIndex(of: "ishii"))
        let cmp = Comparison(g, actor: w, actor: i)
        let shared = cmp.agreements.filter { $0.kind == .bothAssert && Self.mentionsChina(g.claims[$0.claim]) }
        #expect(!shared.isEmpty, "no shared claim about China")
        #expect(cmp.index > 0, "Welch and Ishii agree more than they conflict")
        #expect(Comparison(g, actor: i, actor: w).index == cmp.index)
    }

    /// Tatsumi answers the Washington commentators: she attacks their reading of the alliance and undercuts
    /// their inference, while they reason from a premise she states herself (the grim prospect) — mixed ground.
    @Test func tatsumiAnswersTheWashingtonCommentators() throws {
        let g = try #require(FullBundledGraph.graph)
        let t = try #require(g.actorIndex(of: "tatsumi")),
            wc = try #require(g.actorIndex(of: "washington-commentators"))
        let cmp = Comparison(g, actor: t, actor: wc)
        #expect(cmp.conflicts.contains { $0.kind == .attacks && $0.side == .first })
        #expect(cmp.agreements.contains { $0.kind == .supports })
        #expect(cmp.index > -1 && cmp.index < 1)
        #expect(!Conflicts.attacks(between: t, and: wc, in: g).isEmpty)
    }

    /// For every pair of actors, the conflicts listed are exactly the cross-actor attacks found by
    /// scanning the file's relations and stances directly.
    @Test func conflictsAreExactlyTheCrossActorAttacks() throws {
        let g = try #require(FullBundledGraph.graph)
        var asserts = Set<[Int]>()
        for s in g.stances where s.kind == .asserts { asserts.insert([s.actor, s.claim]) }
        var total = 0
        for x in g.actors.indices {
            for y in g.actors.indices where x < y {
                var expected: [Int] = []
                for (r, rel) in g.relations.enumerated() where rel.kind == .attack {
                    guard case let .claim(t) = rel.target else { continue }
                    if (asserts.contains([x, rel.source]) && asserts.contains([y, t]))
                        || (asserts.contains([y, rel.source]) && asserts.contains([x, t]))
                    {
                        expected.append(r)
                    }
                }
                let got = Conflicts.attacks(between: x, and: y, in: g).map(\.relation)
                #expect(Array(Set(got)).sorted() == expected, "\(g.actors[x].id) vs \(g.actors[y].id)")
                total += expected.count
            }
        }
        #expect(total > 0)
        #expect(Conflicts.pairs(in: g).reduce(0) { $0 + $1.attacks.count } >= total)
    }

    @Test func matrixIsSymmetricAndExports() throws {
        let g = try #require(FullBundledGraph.graph)
        let m = AgreementMatrix(g)
        #expect(Set(m.members) == Set(g.stances.map(\.actor)))
        for i in m.ids.indices { for j in m.ids.indices { #expect(m.cells[i][j] == m.cells[j][i]) } }
        let rows = m.csv().split(separator: "\n")
        #expect(
            rows.count == m.ids.count + 1
                && rows.allSatisfy {
                    $0.split(separator: ",", omittingEmptySubsequences: false).count == m.ids.count + 1
                })
        let svg = MatrixSVG.render(m)
        #expect(svg.components(separatedBy: "<rect ").count - 1 == m.ids.count * m.ids.count + 3)
        let byDocument = AgreementMatrix(g, by: .document)
        #expect(byDocument.ids.count == Set(g.stances.compactMap(\.document)).count)
    }

    /// An actor who says nothing can be dropped without changing anything else.
    @Test func droppingASilentActorChangesNothing() throws {
        let g = try #require(FullBundledGraph.graph)
        let silent = Graph(
            name: g.name, title: g.title, description: g.description, documents: g.documents,
            actors: g.actors + [Actor(id: "silent-observer")], claims: g.claims, stances: g.stances,
            relations: g.relations)
        let e = WhatIf.drop(actor: g.actors.count, from: silent)
        #expect(e.graph == g)
        #expect(e.removedClaims.isEmpty && e.removedRelations.isEmpty && e.removedStances == 0)
        #expect(AgreementMatrix(e.graph).cells == AgreementMatrix(g).cells)
    }

    /// Dropping any actor leaves a valid graph in which every other actor says exactly what they said.
    @Test func droppingAnActorKeepsTheOthers() throws {
        let g = try #require(FullBundledGraph.graph)
        for x in g.actors.indices {
            let e = WhatIf.drop(actor: x, from: g)
            _ = try GraphBuilder(e.graph).build()
            for y in g.actors.indices where y != x {
                let ny = try #require(e.actorMap[y])
                #expect(
                    Set(Position(g, actor: y).asserted.compactMap { e.claimMap[$0] })
                        == Position(e.graph, actor: ny).asserted)
            }
        }
    }

    /// Ishii states the case for widening the alliance's scope in two documents: the later one restates it.
    @Test func timelineFindsARestatement() throws {
        let g = try #require(FullBundledGraph.graph)
        let i = try #require(g.actorIndex(of: "ishii"))
        let t = Timeline(g, actor: i)
        #expect(t.entries.count == g.stancesOfActor.degree(i))
        #expect(t.entries.contains { $0.changes.contains(.restated) })
        let dates = t.entries.compactMap(\.date)
        #expect(dates == dates.sorted())
    }

    /// Every summary adds up: unanswered attacks never exceed outside attacks.
    @Test func summariesAreConsistent() throws {
        let g = try #require(FullBundledGraph.graph)
        for a in g.actors.indices {
            let p = Position(g, actor: a)
            let attacks = Unanswered.attacks(on: p, in: g)
            let s = p.summary(in: g)
            #expect(s.asserted + s.denied + s.mixed == p.entries.count)
            #expect(s.unanswered <= attacks.count && s.attacked <= p.asserted.count)
            #expect(attacks.allSatisfy { p.asserted.contains($0.target) && !p.asserted.contains($0.attacker) })
        }
    }
}
