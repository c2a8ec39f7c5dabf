import Foundation
import Testing
@testable import ArgumentGraph

@Suite struct StrengthsTests {
    func strengths(_ g: Graph, _ s: GradualSemantics) -> StrengthResult {
        Strengths.compute(g, options: StrengthOptions(semantics: s))
    }

    /// h-categorizer on a 3-cycle with base 1: x = 1/(1+x), so (√5 − 1)/2 (Besnard & Hunter 2001).
    @Test func hCategorizerOddCycleIsGoldenRatioConjugate() throws {
        let r = strengths(try canonicalGraph("odd-cycle"), .hCategorizer)
        #expect(r.converged && !r.acyclic)
        for x in r.strengths { #expect(abs(x - (sqrt(5) - 1) / 2) < 1e-9) }
    }

    /// Plain DF-QuAD iteration on a mutual attack with base 1 oscillates between (1,1) and (0,0): not converged.
    @Test func dfquadEvenCycleReportsNonConvergence() throws {
        let r = strengths(try canonicalGraph("even-cycle"), .dfquad)
        #expect(!r.converged)
        #expect(r.iterations == StrengthOptions().maxIterations)
        // Quadratic energy's continuous model settles the same cycle.
        let q = strengths(try canonicalGraph("even-cycle"), .quadraticEnergy)
        #expect(q.converged)
        #expect(abs(q.strengths[0] - q.strengths[1]) < 1e-6)
    }

    /// The worked example in graphs/dfquad-worked-example.arg (definitions of Rago et al. 2016, Potyka 2018,
    /// Amgoud & Ben-Naim 2018; arithmetic in the file's comment).
    @Test func workedBipolarExample() throws {
        let g = try canonicalGraph("dfquad-worked-example")
        let topic = try #require(g.claimIndex(of: "topic")), con = try #require(g.claimIndex(of: "con"))
        let d = strengths(g, .dfquad)
        #expect(d.acyclic && d.converged && d.iterations == 1)
        #expect(abs(d.strengths[con] - 0.3) < 1e-12)
        #expect(abs(d.strengths[topic] - 0.79) < 1e-12)
        let q = strengths(g, .quadraticEnergy)
        #expect(abs(q.strengths[con] - 0.48) < 1e-12)
        #expect(abs(q.strengths[topic] - (0.5 + 0.5 * 0.5184 / 1.5184)) < 1e-12)
        #expect(abs(q.strengths[topic] - 0.6707060063) < 1e-9)
        let e = strengths(g, .euler)
        let eCon = 1 - 0.64 / (1 + 0.6 * exp(-0.5))
        #expect(abs(e.strengths[con] - eCon) < 1e-12)
        #expect(abs(e.strengths[topic] - (1 - 0.75 / (1 + 0.5 * exp(1.2 - eCon)))) < 1e-12)
        // h-categorizer ignores supports: con = 0.6/(1+0.5) = 0.4, topic = 0.5/(1+0.4).
        let h = strengths(g, .hCategorizer)
        #expect(abs(h.strengths[con] - 0.4) < 1e-12 && abs(h.strengths[topic] - 0.5 / 1.4) < 1e-12)
    }

    /// Base scores: explicit base wins; else 1 − Π(1 − c) over asserters (default credibility without one),
    /// times Π(1 − c) over deniers. The example of docs/scoring.md.
    @Test func baseScoresFromStances() {
        let actors = [Actor(id: "a"), Actor(id: "b", credibility: 0.8), Actor(id: "c", credibility: 0.6)]
        let claims = [
            Claim(id: "x", text: "x."), Claim(id: "y", text: "y.", base: 0.3), Claim(id: "z", text: "z."),
            Claim(id: "w", text: "w."),
        ]
        let stances = [
            Stance(actor: 0, claim: 0), Stance(actor: 1, claim: 0), Stance(actor: 2, claim: 0, kind: .denies),
            Stance(actor: 0, claim: 1), Stance(actor: 2, claim: 3, kind: .denies),
        ]
        let g = Graph(actors: actors, claims: claims, stances: stances)
        var o = StrengthOptions()
        let b = Strengths.baseScores(g, options: o)
        #expect(abs(b[0] - (1 - 0.5 * 0.2) * 0.4) < 1e-12)  // 0.36
        #expect(b[1] == 0.3)
        #expect(b[2] == 0.5)  // no stance: the default credibility
        #expect(abs(b[3] - 0.5 * 0.4) < 1e-12)  // only denied
        o.credibility[1] = 0.5
        o.excludedActors = [2]
        #expect(abs(Strengths.baseScores(g, options: o)[0] - 0.75) < 1e-12)
    }

    /// Random acyclic bipolar graphs: strengths stay in [0,1]; under DF-QuAD adding a supporter never lowers and
    /// adding an attacker never raises the target's strength (Rago et al. 2016, monotonicity).
    @Test func dfquadMonotonicityOnRandomAcyclicGraphs() {
        var rng = SeededGenerator(seed: 2016)
        for _ in 0..<1500 {
            let n = Int.random(in: 3...12, using: &rng)
            let bases = (0..<n).map { _ in Optional(Double.random(in: 0...1, using: &rng)) }
            var att: [(Int, Int)] = [], sup: [(Int, Int)] = []
            for s in 0..<n {
                for t in (s + 1)..<n where Double.random(in: 0..<1, using: &rng) < 0.25 {
                    if Bool.random(using: &rng) { att.append((s, t)) } else { sup.append((s, t)) }
                }
            }
            let g = makeGraph(bases: bases, attacks: att, supports: sup)
            for sem in GradualSemantics.allCases {
                let r = strengths(g, sem)
                #expect(r.acyclic && r.converged)
                #expect(r.strengths.allSatisfy { $0 >= 0 && $0 <= 1 })
            }
            let before = strengths(g, .dfquad).strengths
            let t = n - 1, s = Int.random(in: 0..<(n - 1), using: &rng)
            let withSupport = strengths(makeGraph(bases: bases, attacks: att, supports: sup + [(s, t)]), .dfquad)
                .strengths
            let withAttack = strengths(makeGraph(bases: bases, attacks: att + [(s, t)], supports: sup), .dfquad)
                .strengths
            #expect(withSupport[t] >= before[t] - 1e-12)
            #expect(withAttack[t] <= before[t] + 1e-12)
        }
    }

    /// Random cyclic graphs: strengths in [0,1]; h-categorizer always converges (Pu et al. 2014).
    @Test func cyclicGraphsStayInRange() {
        var rng = SeededGenerator(seed: 99)
        for _ in 0..<150 {
            let n = Int.random(in: 2...10, using: &rng)
            var att: [(Int, Int)] = [], sup: [(Int, Int)] = []
            for s in 0..<n {
                for t in 0..<n where s != t && Double.random(in: 0..<1, using: &rng) < 0.2 {
                    if Bool.random(using: &rng) { att.append((s, t)) } else { sup.append((s, t)) }
                }
            }
            let g = makeGraph(
                bases: (0..<n).map { _ in Double.random(in: 0...1, using: &rng) }, attacks: att, supports: sup)
            for sem in GradualSemantics.allCases {
                var o = StrengthOptions(semantics: sem)
                o.maxIterations = 500
                let r = Strengths.compute(g, options: o)
                #expect(r.strengths.allSatisfy { $0 >= 0 && $0 <= 1 })
                if sem == .hCategorizer { #expect(r.converged) }
            }
        }
    }

    /// An undercut discounts the weight of the link it targets: w · (1 − w_u · σ(u)).
    @Test func undercutDiscountsTheLink() {
        let claims = [
            Claim(id: "s", text: "s.", base: 1), Claim(id: "t", text: "t.", base: 0.5),
            Claim(id: "u", text: "u.", base: 0.5),
        ]
        let rels = [
            Relation(id: "r", kind: .support, source: 0, target: .claim(1), weight: 0.8),
            Relation(kind: .attack, source: 2, target: .relation(0), weight: 0.5),
        ]
        let g = Graph(claims: claims, relations: rels)
        let r = Strengths.compute(g)
        // Effective support weight 0.8 · (1 − 0.5 · 0.5) = 0.6; DF-QuAD: 0.5 + 0.5 · 0.6.
        #expect(abs(r.strengths[1] - 0.8) < 1e-12)
        let e = Explanation.why(g, claim: 1, result: r)
        #expect(e.influences.count == 1)
        #expect(abs(e.influences[0].effectiveWeight - 0.6) < 1e-12)
        #expect(e.influences[0].undercuts == [1])
        #expect(abs(e.influences[0].contribution - 0.3) < 1e-12)
    }
}

@Suite struct ExplanationTests {
    /// graphs/dfquad-worked-example.arg under DF-QuAD: topic = 0.79 with va = 0.3, vs = 0.88.
    @Test func explainsTheWorkedExample() throws {
        let g = try canonicalGraph("dfquad-worked-example")
        let topic = try #require(g.claimIndex(of: "topic"))
        let r = Strengths.compute(g)
        let e = Explanation.why(g, claim: topic, result: r)
        #expect(e.explicitBase && e.base == 0.5 && abs(e.strength - 0.79) < 1e-12)
        #expect(e.converged && e.acyclic && e.semantics == .dfquad)
        let bySource = Dictionary(uniqueKeysWithValues: e.influences.map { (g.claims[$0.source].id, $0) })
        // Without con: va = 0, vs = 0.88 → 0.94, so con contributes 0.79 − 0.94 = −0.15.
        #expect(abs((bySource["con"]?.contribution ?? 0) - (-0.15)) < 1e-12)
        // Without pro: vs = 0.4, va = 0.3 → 0.55, so pro contributes +0.24.
        #expect(abs((bySource["pro"]?.contribution ?? 0) - 0.24) < 1e-12)
        #expect(e.influences.first.map { g.claims[$0.source].id } == "pro", "largest contribution first")
        // The strongest chain: pro (0.8) → topic (0.79), weakest link 0.79.
        #expect(e.chain?.claims.map { g.claims[$0].id } == ["pro", "topic"])
        #expect(abs((e.chain?.score ?? 0) - 0.79) < 1e-12)
    }

    @Test func explainsADerivedBase() throws {
        let g = try canonicalGraph("support-chain-undercut")
        let e1 = try #require(g.claimIndex(of: "e1"))
        let r = Strengths.compute(g, options: StrengthOptions(semantics: .quadraticEnergy))
        let e = Explanation.why(g, claim: e1, result: r)
        #expect(!e.explicitBase)
        #expect(e.stanceTerms.count == 1 && e.stanceTerms[0].credibility == 0.8 && e.stanceTerms[0].kind == .asserts)
        #expect(abs(e.base - 0.8) < 1e-12)
        #expect(e.influences.isEmpty && e.chain == nil)
        let ranked = Strengths.ranking(g).ranked
        #expect(ranked.count == g.claims.count)
        #expect(zip(ranked, ranked.dropFirst()).allSatisfy { $0.strength >= $1.strength })
    }
}
