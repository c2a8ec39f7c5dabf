import Foundation
import Testing
import ArgumentGraph
@testable import ArgumentGraphAnalysis

/// Linked relations in the gradual semantics (issue 21): premises act as one unit as strong as the weakest
/// premise (Yun & Vesic, "Gradual semantics for weighted bipolar SETAFs", ECSQARU 2021).
@Suite struct StrengthsLinkedTests {
    func strengths(_ g: Graph, _ s: GradualSemantics) -> StrengthResult {
        var o = StrengthOptions(semantics: s)
        o.maxIterations = 300
        return Strengths.compute(g, options: o)
    }

    /// A random graph (linked relations and undercuts included) and three claims added to it: a conclusion `t`
    /// (base 0.5) that two random claims support or attack with weights below 1, a claim `q` that is defeated
    /// (base 0, nothing into it: strength 0 under every semantics) and a claim `one` at strength 1 (base 1,
    /// nothing into it). `p` is a random claim of the graph.
    struct Setup {
        var claims: [Claim]
        var relations: [Relation]
        let t: Int, q: Int, one: Int, p: Int

        init(seed: UInt64) {
            var rng = SeededGenerator(seed: seed)
            var o = GraphGenerator.Options()
            o.claims = Int.random(in: 3...25, using: &rng)
            o.relations = Int.random(in: 0...40, using: &rng)
            o.undercuts = Int.random(in: 0...4, using: &rng)
            o.acyclic = Bool.random(using: &rng)
            o.linkedShare = 0.3
            let g = GraphGenerator(o).generate(seed: seed)
            claims = g.claims
            relations = g.relations
            let n = claims.count
            (t, q, one) = (n, n + 1, n + 2)
            claims += [
                Claim(id: "t", text: "T.", base: 0.5), Claim(id: "q", text: "Q.", base: 0),
                Claim(id: "one", text: "One.", base: 1),
            ]
            p = Int.random(in: 0..<n, using: &rng)
            for _ in 0..<2 {
                relations.append(
                    Relation(
                        kind: Bool.random(using: &rng) ? .support : .attack, source: Int.random(in: 0..<n, using: &rng),
                        target: .claim(t), weight: Double.random(in: 0...0.9, using: &rng)))
            }
        }

        func graph(adding extra: [Relation] = []) -> Graph { Graph(claims: claims, relations: relations + extra) }
    }

    /// A linked support, attack or undercut with one premise defeated contributes nothing: every strength equals
    /// the strength without it, under every semantics. The convergent version (the same premises as separate plain
    /// relations) still acts: a support lifts the conclusion, an attack lowers it.
    @Test func aDefeatedPremiseRemovesTheUnit() {
        var lifted = 0
        for seed in 0..<200 as Range<UInt64> {
            let x = Setup(seed: seed)
            var rng = SeededGenerator(seed: seed &+ 1000)
            let premises = Bool.random(using: &rng) ? [x.p, x.q] : [x.q, x.p]
            // An undercut targets one of t's two incoming relations.
            let targetRelation = x.relations.count - 1 - Int.random(in: 0...1, using: &rng)
            for kind in ["support", "attack", "undercut"] {
                let linked: Relation, plain: [Relation]
                switch kind {
                case "undercut":
                    linked = Relation(kind: .attack, premises: premises, target: .relation(targetRelation))
                    plain = premises.map { Relation(kind: .attack, source: $0, target: .relation(targetRelation)) }
                default:
                    let k: RelationKind = kind == "support" ? .support : .attack
                    linked = Relation(kind: k, premises: premises, target: .claim(x.t))
                    plain = premises.map { Relation(kind: k, source: $0, target: .claim(x.t)) }
                }
                for sem in GradualSemantics.allCases {
                    let without = strengths(x.graph(), sem)
                    let with = strengths(x.graph(adding: [linked]), sem)
                    #expect(with.strengths[x.q] == 0)
                    // Another dependency may close a cycle: one-pass and iteration then differ within tolerance.
                    guard with.acyclic == without.acyclic else { continue }
                    #expect(with.strengths == without.strengths, "seed \(seed) \(kind) \(sem)")
                    let convergent = strengths(x.graph(adding: plain), sem)
                    guard kind != "undercut", convergent.acyclic, without.acyclic, without.strengths[x.p] > 0.01
                    else { continue }
                    if kind == "support" && sem.usesSupports {
                        #expect(convergent.strengths[x.t] > without.strengths[x.t], "seed \(seed) \(sem)")
                        lifted += 1
                    } else if kind == "attack" {
                        #expect(convergent.strengths[x.t] < without.strengths[x.t], "seed \(seed) \(sem)")
                    }
                }
            }
        }
        #expect(lifted > 150, "enough cases exercised the convergent support")
    }

    /// A linked relation with one premise is the plain relation, and so is one whose other premise is at
    /// strength 1 (the weakest premise is then the source): every strength is the same.
    @Test func oneEffectivePremiseEqualsThePlainRelation() {
        for seed in 0..<200 as Range<UInt64> {
            let x = Setup(seed: seed)
            for kind in [RelationKind.support, .attack] {
                let plain = Relation(kind: kind, source: x.p, target: .claim(x.t), weight: 0.7)
                let single = Relation(kind: kind, premises: [x.p], target: .claim(x.t), weight: 0.7)
                let withOne = Relation(kind: kind, premises: [x.one, x.p], target: .claim(x.t), weight: 0.7)
                #expect(single == plain && !single.isLinked)
                for sem in GradualSemantics.allCases {
                    let a = strengths(x.graph(adding: [plain]), sem)
                    let b = strengths(x.graph(adding: [withOne]), sem)
                    #expect(b.strengths[x.one] == 1)
                    guard a.acyclic == b.acyclic else { continue }
                    #expect(a.strengths == b.strengths, "seed \(seed) \(kind) \(sem)")
                }
            }
        }
    }

    /// Worked example, by hand (DF-QuAD, Rago et al. 2016; the unit's strength min of its premises, Yun & Vesic
    /// 2021). Bases: a 0.4, b 0.9, c 0.5; `support r7: a + b -> c` (weight 1).
    ///   Linked: the unit is as strong as a, 0.4, so vs = 0.4, va = 0 and c = 0.5 + 0.5 · 0.4 = 0.7.
    ///   Convergent (a -> c and b -> c): vs = 1 − 0.6 · 0.1 = 0.94, c = 0.5 + 0.5 · 0.94 = 0.97.
    ///   d (base 1) attacks a with weight 0.5: a = 0.4 − 0.4 · 0.5 = 0.2, so the unit is 0.2 and c = 0.6.
    ///   d attacks b with weight 1 instead: b = 0.9 − 0.9 = 0, the unit is defeated and c = its base, 0.5.
    ///   Euler-based (Amgoud & Ben-Naim 2018), linked: c = 1 − (1 − 0.25) / (1 + 0.5 · e^0.4).
    @Test func workedExample() throws {
        let text = """
            claim a: A.
              base: 0.4
            claim b: B.
              base: 0.9
            claim c: C.
              base: 0.5
            claim d: D.
              base: 1
            support r7: a + b -> c

            """
        let g = try ArgReader.read(text).graph
        let c = try #require(g.claimIndex(of: "c"))
        #expect(abs(strengths(g, .dfquad).strengths[c] - 0.7) < 1e-12)
        let euler = strengths(g, .euler).strengths[c]
        #expect(abs(euler - (1 - 0.75 / (1 + 0.5 * exp(0.4)))) < 1e-12)
        let convergent = try ArgReader.read(
            text.replacingOccurrences(of: "support r7: a + b -> c", with: "support a -> c\nsupport b -> c")
        ).graph
        #expect(abs(strengths(convergent, .dfquad).strengths[c] - 0.97) < 1e-12)
        let weakerA = try ArgReader.read(text + "attack d -> a\n  weight: 0.5\n").graph
        #expect(abs(strengths(weakerA, .dfquad).strengths[c] - 0.6) < 1e-12)
        let defeatedB = try ArgReader.read(text + "attack d -> b\n").graph
        let r = strengths(defeatedB, .dfquad)
        #expect(r.strengths[try #require(g.claimIndex(of: "b"))] == 0)
        #expect(abs(r.strengths[c] - 0.5) < 1e-12)

        // why: the unit, each premise's strength, the weakest, and the unit's contribution 0.7 − 0.5.
        let e = Explanation.why(g, claim: c, result: strengths(g, .dfquad))
        #expect(e.influences.count == 1)
        let i = e.influences[0]
        #expect(i.premises.map { g.claims[$0].id } == ["a", "b"])
        #expect(i.premiseStrengths == [0.4, 0.9])
        #expect(g.claims[i.weakestPremise].id == "a" && i.premiseStrength == 0.4)
        #expect(i.source == i.premises[0] && i.sourceStrength == 0.4)
        #expect(abs(i.contribution - 0.2) < 1e-12)
        let d = Explanation.why(defeatedB, claim: c, result: r)
        #expect(g.claims[d.influences[0].weakestPremise].id == "b" && d.influences[0].contribution == 0)
    }
}
