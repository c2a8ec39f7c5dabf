import Testing
import ArgumentGraph
@testable import ArgumentGraphAnalysis

@Suite struct PositionTests {
    @Test func explicitPositionOfAnActor() throws {
        let g = try PositionFixtures.forum()
        let p = Position(g, actor: PositionFixtures.a(g, "a"))
        let id = { (s: Set<Int>) in s.map { g.claims[$0].id }.sorted() }
        #expect(id(p.asserted) == ["p1", "p2", "p7"])
        #expect(id(p.denied) == ["p3", "p6"])
        #expect(p.mixed.isEmpty && p.implied.isEmpty)
        #expect(p.entries.map(\.claim) == [0, 1, 2, 5, 6])
        #expect(p.quotes(on: 0, in: g).map(\.text) == ["a says p1"])
        #expect(p.stance(on: 2) == .denies)
        #expect(p.stance(on: 3) == nil)
    }

    @Test func summaryCountsAttacksAndUnanswered() throws {
        let g = try PositionFixtures.forum()
        let s = Position(g, actor: PositionFixtures.a(g, "a")).summary(in: g)
        #expect(s == PositionSummary(asserted: 3, denied: 2, mixed: 0, implied: 0, attacked: 2, unanswered: 1))
        #expect(s.description == "3 asserted, 2 denied; 2 attacked by others, 1 attack unanswered")
        let b = Position(g, actor: PositionFixtures.a(g, "b")).summary(in: g)
        #expect(b == PositionSummary(asserted: 5, denied: 1, mixed: 0, implied: 0, attacked: 1, unanswered: 0))
    }

    @Test func themesFileEachClaimUnderItsFirstTag() throws {
        let g = try PositionFixtures.forum()
        let themes = Position(g, actor: PositionFixtures.a(g, "a")).themes(in: g)
        #expect(themes.map(\.tag) == ["t1", "t2", nil])
        #expect(themes.map { $0.entries.map { g.claims[$0.claim].id } } == [["p1", "p2"], ["p3"], ["p6", "p7"]])
    }

    @Test func groupPositionIsMixedWhereMembersDisagree() throws {
        let g = try PositionFixtures.forum()
        let p = Position(g, scope: .actors([PositionFixtures.a(g, "a"), PositionFixtures.a(g, "b")]))
        #expect(p.mixed == [PositionFixtures.c(g, "p3")])
        #expect(p.denied == [PositionFixtures.c(g, "p6")])
        #expect(p.asserted.count == 6)  // p1 p2 p7 p4 p8 q1
        #expect(p.entry(for: 0)?.stances == [0, 5])
    }

    @Test func documentPositionCollectsEveryoneInIt() throws {
        let g = try PositionFixtures.forum()
        let p = Position(g, scope: .document(0))
        #expect(p.asserted == [0, 1] && p.denied.isEmpty)
        let q = Position(g, scope: .document(1))
        #expect(q.mixed == [2] && q.denied == [5])
        #expect(PositionScope.document(1).label(in: g) == "in doc2")
        #expect(PositionScope.actors([1, 0]).label(in: g) == "a+b")
    }

    static let impliedText = """
        actor z
        actor y
        claim x1: One.
        claim x2: Two.
        claim x3: Three.
        claim x4: Four.
        claim x5: Five.
        claim x6: Six.
        stance z asserts x1
        stance z denies x5
        stance y asserts x6
        support x1 -> x2
        support x2 -> x3
          by: z
        support x3 -> x5
        support x5 -> x6
        support x2 -> x4
          by: y
        support x3 -> x1
        """

    @Test func impliedFollowsOwnAndAnalystLinksOnly() throws {
        let g = try PositionFixtures.graph(Self.impliedText)
        let p = Position(g, actor: 0, includeImplied: true)
        #expect(p.implied == [1, 2])  // x2 via an analyst link, x3 via z's own link
        #expect(p.entry(for: 1)?.via == 0 && p.entry(for: 2)?.via == 1)
        #expect(p.tensions == [4])  // x5: denied, yet supported by x3
        #expect(p.stance(on: 3) == nil)  // x4: only through y's link
        #expect(p.stance(on: 5) == nil)  // x6: not through a denied claim
        #expect(p.held == [0, 1, 2])
        #expect(Position(g, actor: 0).implied.isEmpty)
        #expect(Position(g, actor: 0, includeImplied: true).summary(in: g).implied == 2)
    }

    @Test func impliedWalkIsIterativeOnALongChain() {
        let n = 50_000
        let claims = (0..<n).map { Claim(id: "c\($0)", text: "C") }
        let relations = (0..<(n - 1)).map { Relation(kind: .support, source: $0, target: .claim($0 + 1)) }
        let g = Graph(
            actors: [Actor(id: "x")], claims: claims, stances: [Stance(actor: 0, claim: 0)], relations: relations)
        let p = Position(g, actor: 0, includeImplied: true)
        #expect(p.implied.count == n - 1)
    }

    @Test func outOfRangeActorGivesAnEmptyPosition() throws {
        let g = try PositionFixtures.forum()
        #expect(Position(g, actor: 99).isEmpty)
        #expect(Position(g, actor: -1).isEmpty)
    }
}
