import Testing
@testable import ArgumentGraph

/// The h-categoriser of Besnard & Hunter (2001), σ(a) = 1 / (1 + Σ σ(attackers)), by fixed-point
/// iteration: a small stand-in scorer so the crux ranking can be checked by hand.
func hCategoriser(_ g: Graph) -> [Double] {
    var s = [Double](repeating: 1, count: g.claims.count)
    for _ in 0..<200 {
        s = g.claims.indices.map { c in 1 / (1 + g.attackers(of: c).reduce(0) { $0 + s[$1] }) }
    }
    return s
}

@Suite struct CruxesTests {
    @Test func targetCruxesRankedByEffect() throws {
        // a2 attacks a1 attacks t; u is unrelated. σ(a2)=1, σ(a1)=1/2, σ(t)=2/3.
        let g = try PositionFixtures.graph(
            """
            claim t: T.
            claim a1: A1.
            claim a2: A2.
            claim u: U.
            attack a1 -> t
            attack a2 -> a1
            support u -> a2
            attack u -> u2
            claim u2: U2.
            """)
        let cruxes = Cruxes.forTarget(0, in: g, score: hCategoriser)
        #expect(cruxes.map(\.claim) == [1, 2, 3])  // u reaches t (u supports a2) but changes nothing here
        #expect(abs(cruxes[0].before - 2.0 / 3) < 1e-9 && abs(cruxes[0].after - 1) < 1e-9)
        #expect(abs(cruxes[1].after - 0.5) < 1e-9)
        #expect(cruxes[2].delta == 0)
        #expect(!cruxes.contains { $0.claim == 4 })  // u2 cannot reach t
        #expect(Cruxes.forTarget(0, in: g, limit: 1, score: hCategoriser).count == 1)
    }

    @Test func conflictForceBetweenTwoActors() throws {
        let g = try PositionFixtures.forum()
        // a and c attack each other: p1 <-> p5, a 2-cycle where σ = 1/φ ≈ 0.618 each, force = 2 σ².
        #expect(Cruxes.crossAttacks(g, 0, 2) == [3, 4])
        let cruxes = Cruxes.between(0, 2, in: g, score: hCategoriser)
        let sigma = (5.0.squareRoot() - 1) / 2
        #expect(abs(cruxes[0].before - 2 * sigma * sigma) < 1e-9)
        #expect(
            cruxes.prefix(2).map(\.claim) == [0, 4]
                && cruxes.prefix(2).allSatisfy { $0.role == .endpoint && $0.after == 0 })
        #expect(Set(cruxes.map(\.claim)) == [0, 1, 2, 3, 4, 8, 9])  // upstream: p2, p3, p4, ev, and q1 via its undercut
        #expect(cruxes.dropFirst(2).allSatisfy { $0.role == .upstream && abs($0.delta) < 1e-12 })
        #expect(Cruxes.between(0, 3, in: g, score: hCategoriser).isEmpty)
    }

    @Test func upstreamIsIterativeOnALongChain() {
        let n = 50_000
        let claims = (0..<n).map { Claim(id: "c\($0)", text: "C") }
        let relations = (0..<(n - 1)).map { Relation(kind: .attack, source: $0 + 1, target: .claim($0)) }
        let g = Graph(claims: claims, relations: relations)
        #expect(Cruxes.upstream(of: [0], in: g).count == n)
    }
}
