import Testing
import ArgumentGraph
@testable import ArgumentGraphAnalysis

@Suite struct AgreementMatrixTests {
    @Test func actorMatrixOfTheForum() throws {
        let g = try PositionFixtures.forum()
        let m = AgreementMatrix(g)
        // d says nothing. a and b (0.2) merge first; c joins after b (tie between both ends: first option).
        #expect(m.ids == ["a", "b", "c"])
        #expect(m.cells[0][1] == AgreementMatrix.Cell(agreements: 3, conflicts: 2, index: 0.2))
        #expect(m.cells[0][2] == AgreementMatrix.Cell(agreements: 0, conflicts: 2, index: -1))
        #expect(m.cells[1][2] == AgreementMatrix.Cell(agreements: 0, conflicts: 3, index: -1))
        #expect(m.value(2, 2) == 1)
        #expect(
            m.csv() == """
                actor,a,b,c
                a,1.000,0.200,-1.000
                b,0.200,1.000,-1.000
                c,-1.000,-1.000,1.000

                """)
    }

    @Test func documentMatrix() throws {
        let g = try PositionFixtures.forum()
        let m = AgreementMatrix(g, by: .document, ordered: false)
        #expect(m.ids == ["doc1", "doc2"])
        // doc1 holds p1, p2; doc2 holds p1 (b), p4, p7, p8, q1; denies p6; mixed on p3.
        // Agreements: both assert p1; p2 supports p1. Conflicts: none (p3 is mixed in doc2).
        #expect(m.cells[0][1] == AgreementMatrix.Cell(agreements: 2, conflicts: 0, index: 1))
    }

    @Test func orderingPutsSimilarActorsTogether() throws {
        // Two camps: {p, r} agree with each other, {q, s} agree with each other, camps attack each other.
        let g = try PositionFixtures.graph(
            """
            actor p
            actor q
            actor r
            actor s
            claim yes: Yes.
            claim no: No.
            stance p asserts yes
            stance r asserts yes
            stance q asserts no
            stance s asserts no
            attack yes -> no
            attack no -> yes
            """)
        let m = AgreementMatrix(g)
        #expect(m.ids == ["p", "r", "q", "s"])
        #expect(m.cells[0][1].index == 1 && m.cells[1][2].index == -1)
        #expect(AgreementMatrix(g, ordered: false).ids == ["p", "q", "r", "s"])
    }

    @Test func symmetricWithUnitDiagonalOnRandomGraphs() {
        for seed in UInt64(1)...10 {
            let m = AgreementMatrix(PositionFixtures.random(seed: seed, claims: 40, actors: 8))
            for i in m.ids.indices {
                #expect(m.value(i, i) == 1)
                for j in m.ids.indices { #expect(m.cells[i][j] == m.cells[j][i]) }
            }
            #expect(Set(m.members).count == m.members.count)
        }
    }

    /// The matrix counts pairs with its own fast counter; it must agree with ``Comparison`` everywhere, linked
    /// relations (one unit, held when every premise is) included.
    @Test(arguments: [false, true], [false, true])
    func cellsEqualComparisonCountsOnRandomGraphs(implied: Bool, linked: Bool) {
        for seed in UInt64(1)...12 {
            let g = PositionFixtures.random(seed: seed, claims: 40, actors: 7, linked: linked)
            for axis in AgreementMatrix.Axis.allCases {
                let m = AgreementMatrix(g, by: axis, includeImplied: implied)
                for i in m.members.indices {
                    for j in m.members.indices where i != j {
                        let scope = { (x: Int) -> PositionScope in axis == .actor ? .actor(x) : .document(x) }
                        let c = Comparison(g, scope(m.members[i]), scope(m.members[j]), includeImplied: implied)
                        #expect(
                            m.cells[i][j].agreements == c.agreements.count
                                && m.cells[i][j].conflicts == c.conflicts.count,
                            "seed \(seed) \(axis) \(m.ids[i]) \(m.ids[j])")
                    }
                }
            }
        }
    }

    @Test func csvQuotesAwkwardIdsAndRoundTripsNumbers() {
        #expect(AgreementMatrix.csvField("a,b") == "\"a,b\"")
        #expect(AgreementMatrix.csvField("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(AgreementMatrix.format(-0.0001) == "0.000")
        #expect(AgreementMatrix.format(-1.0 / 3.0) == "-0.333")
        #expect(AgreementMatrix.format(0.0625) == "0.063" || AgreementMatrix.format(0.0625) == "0.062")
    }
}

@Suite struct SeriationTests {
    @Test func pointsOnALineComeOutSorted() {
        let x: [Double] = [0, 10, 3, 1, 11]
        let d = x.map { a in x.map { b in abs(a - b) } }
        // Worked by hand: merge {0,3} (slot 0), then {1,4} (slot 1), then 2 joins 0 3 at its near end
        // (0 3 2), then the camps join at their nearest ends (2 and 1).
        #expect(Seriation.order(d) == [0, 3, 2, 1, 4])
    }

    @Test func smallInputs() {
        #expect(Seriation.order([]) == [])
        #expect(Seriation.order([[0]]) == [0])
        #expect(Seriation.order([[0, 1], [1, 0]]) == [0, 1])
    }

    @Test func isAPermutationAndDeterministic() {
        var rng = SplitMix64(seed: 7)
        for n in [3, 5, 17, 40] {
            var d = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
            for i in 0..<n { for j in (i + 1)..<n { let v = Double(rng.next() % 100) / 100; d[i][j] = v; d[j][i] = v } }
            let o = Seriation.order(d)
            #expect(o.sorted() == Array(0..<n))
            #expect(Seriation.order(d) == o)
        }
    }
}

/// The row-minimum bookkeeping of `Seriation.order` against the plain full scan of every pair per merge.
@Suite struct SeriationReferenceTests {
    /// The definition: each merge scans the upper triangle in slot order for the first closest pair.
    static func reference(_ distance: [[Double]]) -> [Int] {
        let n = distance.count
        if n <= 2 { return Array(0..<n) }
        var leaves: [[Int]] = (0..<n).map { [$0] }
        var active = Array(0..<n)
        var d = distance
        while active.count > 1 {
            var best = (a: active[0], b: active[1], dist: Double.infinity)
            for x in 0..<active.count {
                for y in (x + 1)..<active.count {
                    let a = active[x], b = active[y]
                    if d[a][b] < best.dist { best = (a, b, d[a][b]) }
                }
            }
            let la = leaves[best.a], lb = leaves[best.b]
            let options = [la + lb, la + lb.reversed(), la.reversed() + lb, la.reversed() + lb.reversed()]
            var chosen = options[0]
            var chosenGap = Double.infinity
            for o in options {
                let gap = distance[o[la.count - 1]][o[la.count]]
                if gap < chosenGap { chosenGap = gap; chosen = o }
            }
            let na = Double(la.count), nb = Double(lb.count)
            active.removeAll { $0 == best.b }
            for k in active where k != best.a {
                let v = (na * d[k][best.a] + nb * d[k][best.b]) / (na + nb)
                d[k][best.a] = v
                d[best.a][k] = v
            }
            leaves[best.a] = chosen
            leaves[best.b] = []
        }
        let order = leaves[active[0]]
        return order[0] > order[order.count - 1] ? order.reversed() : order
    }

    @Test func matchesTheFullScanWithManyTies() {
        var rng = SplitMix64(seed: 11)
        for trial in 0..<300 {
            let n = 3 + trial % 37
            // Few distinct values, so ties between pairs are common; some infinite and NaN entries too.
            let levels = 1 + trial % 6
            var d = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
            for i in 0..<n {
                for j in (i + 1)..<n {
                    var v = Double(rng.next() % UInt64(levels)) / Double(levels)
                    if trial % 10 == 9, rng.next() % 8 == 0 { v = rng.next() % 2 == 0 ? .infinity : .nan }
                    d[i][j] = v; d[j][i] = v
                }
            }
            #expect(Seriation.order(d) == SeriationReferenceTests.reference(d), "n = \(n), trial \(trial)")
        }
    }
}
