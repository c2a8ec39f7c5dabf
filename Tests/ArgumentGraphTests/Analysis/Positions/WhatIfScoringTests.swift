import Testing
@testable import ArgumentGraph

@Suite struct WhatIfScoringTests {
    @Test func droppingASilentActorChangesNoScore() throws {
        let g = try PositionFixtures.forum()
        let diff = WhatIf.compare(before: g, after: WhatIf.drop(actor: 3, from: g), threshold: 0)
        #expect(diff.isEmpty)
    }

    @Test func droppingAndRestoringGivesTheSameScores() throws {
        let g = try PositionFixtures.forum()
        let before = WhatIf.score(g)
        let dropped = WhatIf.drop(actor: 1, from: g)
        #expect(!WhatIf.compare(before: g, after: dropped).isEmpty)
        let again = WhatIf.score(g)
        #expect(again.strengths == before.strengths && again.labels == before.labels)
        #expect(WhatIf.compare(before: g, after: WhatIf.identity(g), threshold: 0).isEmpty)
    }

    @Test func droppingAnActorReportsRemovedClaimsAndFlips() throws {
        let g = try PositionFixtures.forum()
        // Without b, q1 goes (only b holds it), and with it the undercut that disarmed p5's attack on p1:
        // p1 and p5 now attack each other, and p1 drops from in to undecided in the grounded labelling.
        let diff = WhatIf.compare(before: g, after: WhatIf.drop(actor: 1, from: g))
        #expect(diff.removed == [3, 7, 8])
        let p1 = try #require(diff.changes.first { $0.claim == 0 })
        #expect(p1.labelBefore == "in" && p1.labelAfter == "undecided")
        #expect(diff.changes.first?.flipped == true)
    }

    @Test func credibilityOverrideFollowsTheActorThroughADrop() throws {
        let g = try PositionFixtures.forum()
        var options = StrengthOptions()
        options.credibility = [2: 0.9, 0: 0.1]
        let edit = WhatIf.drop(actor: 0, from: g)
        let remapped = WhatIf.remap(options, through: edit)
        #expect(remapped.credibility == [1: 0.9])  // c moves from 2 to 1; a is gone
    }

    @Test func raisingCredibilityStrengthensTheActorsClaims() throws {
        let g = try PositionFixtures.forum()
        let diff = WhatIf.compareCredibility(actor: 2, to: 1, in: g, threshold: 0)
        let p5 = try #require(diff.changes.first { $0.claim == 4 })
        #expect(p5.delta > 0)
        #expect(diff.removed.isEmpty)
    }

    @Test func cruxesUnderDFQuadPutTheEndpointsFirst() throws {
        let g = try PositionFixtures.forum()
        let cruxes = Cruxes.between(0, 2, in: g, analysis: AnalysisOptions())
        #expect(cruxes.prefix(2).map(\.claim) == [0, 4])
        #expect(cruxes.prefix(2).allSatisfy { $0.after == 0 && $0.role == .endpoint })
        let target = Cruxes.forTarget(0, in: g, analysis: AnalysisOptions())
        #expect(!target.contains { $0.claim == 0 })
        #expect(target.map(\.claim).sorted() == [1, 2, 3, 4, 8, 9])
    }
}
