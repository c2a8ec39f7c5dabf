import Testing
@testable import ArgumentGraph

@Suite struct ComparisonTests {
    @Test func commonGroundConflictsAndIndex() throws {
        let g = try PositionFixtures.forum()
        let cmp = Comparison(g, actor: 0, actor: 1)
        // Agreements: both assert p1, both deny p6, a's p2 supports b's p1.
        #expect(cmp.agreements.map(\.kind) == [.bothAssert, .bothDeny, .supports])
        #expect(cmp.agreements.map(\.claim) == [0, 5, 1])
        #expect(cmp.agreements[2].other == 0 && cmp.agreements[2].relation == 0 && cmp.agreements[2].side == .first)
        // Conflicts: b asserts p3 which a denies; b's p3 attacks a's p2.
        #expect(cmp.conflicts.map(\.kind) == [.contradicts, .attacks])
        #expect(cmp.conflicts[0].claim == 2 && cmp.conflicts[0].side == .second)
        #expect(cmp.conflicts[1].relation == 1 && cmp.conflicts[1].side == .second)
        #expect(cmp.index == 0.2)  // (3 - 2) / (3 + 2)
        #expect(cmp.onlyFirst == [6])  // p7
        #expect(cmp.onlySecond == [7, 8])  // p8, q1 (an undercut of c's relation does not touch a)
    }

    @Test func undercutsAndMutualAttacksAreConflicts() throws {
        let g = try PositionFixtures.forum()
        let bc = Comparison(g, actor: 1, actor: 2)
        #expect(bc.agreements.isEmpty)
        #expect(bc.conflicts.map(\.kind) == [.attacks, .attacks, .undercuts])
        #expect(bc.conflicts.map(\.relation) == [3, 4, 6])
        #expect(bc.conflicts[2].claim == 8 && bc.conflicts[2].other == 4 && bc.conflicts[2].side == .first)
        #expect(bc.index == -1)
        let ac = Comparison(g, actor: 0, actor: 2)
        #expect(ac.conflicts.count == 2 && ac.index == -1)
    }

    /// A concession: a and b both assert p; a draws p -> q and undercuts that inference itself. That is no
    /// conflict between a and b, in `compare` or in the matrix. The same undercut of b's inference is one.
    @Test(arguments: ["a", "b"])
    func undercutOfOnesOwnInferenceIsAConcession(drawer: String) throws {
        let g = try PositionFixtures.graph(
            """
            actor a
            actor b
            claim p: P.
            claim q: Q.
            claim u: U.
            stance a asserts p
            stance b asserts p
            stance b asserts q
            stance a asserts u
            support r: p -> q
              by: \(drawer)
            undercut u -> r
            """)
        let cmp = Comparison(g, actor: 0, actor: 1)
        let undercuts = cmp.conflicts.filter { $0.kind == .undercuts }
        #expect(undercuts.count == (drawer == "a" ? 0 : 1))
        #expect(cmp.agreements.map(\.kind) == [.bothAssert, .supports])
        let m = AgreementMatrix(g, ordered: false)
        #expect(m.cells[0][1].conflicts == undercuts.count && m.cells[0][1].agreements == 2)
        #expect(Comparison(g, actor: 1, actor: 0).conflicts.count == undercuts.count)
    }

    /// A support between a claim of a and a claim of b is their agreement only when a or b drew it: a link the
    /// analyst drew (no `by:`), or that a third party drew, is not (issue 22). An attack counts whoever drew it.
    @Test(arguments: [("a", 1), ("b", 1), ("c", 0), (nil, 0)] as [(String?, Int)])
    func aSupportIsAgreementOnlyWhenOneOfThePairDrewIt(drawer: String?, supports: Int) throws {
        let g = try PositionFixtures.graph(
            """
            actor a
            actor b
            actor c
            claim x: X.
            claim y: Y.
            claim z: Z.
            stance a asserts x
            stance b asserts y
            stance c asserts z
            support x -> y
            \(drawer.map { "  by: \($0)" } ?? "")
            attack z -> y
            """)
        let cmp = Comparison(g, actor: 0, actor: 1)
        #expect(cmp.agreements.filter { $0.kind == .supports }.count == supports)
        #expect(cmp.index == (supports == 1 ? 1 : 0))
        let m = AgreementMatrix(g, ordered: false)
        #expect(m.cells[0][1].agreements == supports && m.cells[0][1].hasContact == (supports == 1))
        // c's attack on b's claim is a conflict between c and b, whoever drew it.
        #expect(Comparison(g, actor: 2, actor: 1).conflicts.map(\.kind) == [.attacks])
    }

    @Test func indexDefinition() {
        #expect(Comparison.index(agreements: 0, conflicts: 0) == 0)
        #expect(Comparison.index(agreements: 4, conflicts: 0) == 1)
        #expect(Comparison.index(agreements: 0, conflicts: 7) == -1)
        #expect(Comparison.index(agreements: 3, conflicts: 1) == 0.5)
        #expect(Comparison.definition.contains("(agreements - conflicts) / (agreements + conflicts)"))
    }

    @Test func emptyPositionsHaveIndexZero() throws {
        let g = try PositionFixtures.forum()
        let cmp = Comparison(g, actor: 0, actor: 3)
        #expect(cmp.agreements.isEmpty && cmp.conflicts.isEmpty && cmp.index == 0)
        #expect(cmp.onlyFirst == [0, 1, 2, 5, 6] && cmp.onlySecond.isEmpty)
    }

    @Test func impliedClaimsJoinTheComparison() throws {
        // z asserts x1 which (by an analyst's link) supports x2; w denies x2.
        let g = try PositionFixtures.graph(
            """
            actor z
            actor w
            claim x1: One.
            claim x2: Two.
            stance z asserts x1
            stance w denies x2
            support x1 -> x2
            """)
        #expect(Comparison(g, actor: 0, actor: 1).conflicts.isEmpty)
        let implied = Comparison(g, actor: 0, actor: 1, includeImplied: true)
        #expect(implied.conflicts.map(\.kind) == [.contradicts])
        #expect(implied.index == -1)
    }

    @Test func symmetricOnRandomGraphs() {
        for seed in UInt64(1)...20 {
            let g = PositionFixtures.random(seed: seed)
            for x in 0..<g.actors.count {
                for y in 0..<g.actors.count {
                    let xy = Comparison(g, actor: x, actor: y), yx = Comparison(g, actor: y, actor: x)
                    #expect(xy.agreements.count == yx.agreements.count && xy.conflicts.count == yx.conflicts.count)
                    #expect(xy.index >= -1 && xy.index <= 1)
                    #expect(xy.onlyFirst == yx.onlySecond)
                }
            }
        }
    }
}
