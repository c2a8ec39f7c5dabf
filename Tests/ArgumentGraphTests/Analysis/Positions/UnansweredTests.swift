import Testing
import ArgumentGraph
@testable import ArgumentGraphAnalysis

@Suite struct UnansweredTests {
    @Test func classifiesEveryReply() throws {
        let g = try PositionFixtures.forum()
        let a = Unanswered.attacks(on: Position(g, actor: 0), in: g)
        #expect(a.map(\.relation) == [3, 1, 5])
        #expect(a[0].answers == [.init(answer: .counterAttack, index: 4), .init(answer: .defence, index: 0)])
        #expect(a[1].answers == [.init(answer: .rejection, index: 2)])
        #expect(a[2].isUnanswered && a[2].attacker == 9 && a[2].attackerHolders.isEmpty)
        #expect(Unanswered.unanswered(actor: 0, in: g).map(\.relation) == [5])
        let b = Unanswered.attacks(on: Position(g, actor: 1), in: g)
        #expect(b.count == 1 && b[0].answers.map(\.answer) == [.counterAttack, .undercut])
        #expect(b[0].attackerHolders == [2])
        // c's p5 is attacked by p1, and p5 attacks p1 back: a mutual attack answers itself.
        let c = Unanswered.attacks(on: Position(g, actor: 2), in: g)
        #expect(c.map(\.relation) == [4] && c[0].answers == [.init(answer: .counterAttack, index: 3)])
        #expect(Unanswered.unanswered(actor: 3, in: g).isEmpty)
    }

    @Test func attacksFromOwnClaimsAreNotOutside() throws {
        let g = try PositionFixtures.selfAttack()
        #expect(Unanswered.attacks(on: Position(g, actor: 0), in: g).isEmpty)
    }
}
