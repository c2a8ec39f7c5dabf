import Foundation
import Testing
import ArgumentGraph
@testable import ArgumentGraphAnalysis

/// The flat iteration loops of `Strengths.compute` against the model's plain per-claim `update`, `step` and
/// `effectiveWeight` (the definitions), bit for bit, on generated graphs with undercuts, cycles, weights and
/// linked relations.
@Suite struct StrengthsReferenceTests {
    /// The computation as defined: one pass in topological order, else Jacobi steps or RK4 over `Model.step`.
    func reference(_ g: Graph, _ options: StrengthOptions) -> StrengthResult {
        let base = Strengths.baseScores(g, options: options)
        let model = Strengths.Model(g, semantics: options.semantics, base: base)
        let n = g.claims.count
        var s = base
        if let order = model.claimOrder {
            for c in order { s[c] = Strengths.clamp(model.update(c, s, weight: { model.effectiveWeight($0, s) })) }
            return StrengthResult(
                strengths: s, base: base, converged: true, iterations: 1, semantics: options.semantics, acyclic: true)
        }
        if options.semantics == .quadraticEnergy {
            let h = 0.5
            func derivative(_ x: [Double]) -> [Double] { let f = model.step(x); return (0..<n).map { f[$0] - x[$0] } }
            for i in 1...options.maxIterations {
                let k1 = derivative(s)
                if k1.allSatisfy({ abs($0) <= options.tolerance }) {
                    return StrengthResult(
                        strengths: s, base: base, converged: true, iterations: i - 1, semantics: options.semantics,
                        acyclic: false)
                }
                let k2 = derivative((0..<n).map { s[$0] + h / 2 * k1[$0] })
                let k3 = derivative((0..<n).map { s[$0] + h / 2 * k2[$0] })
                let k4 = derivative((0..<n).map { s[$0] + h * k3[$0] })
                s = (0..<n).map { Strengths.clamp(s[$0] + h / 6 * (k1[$0] + 2 * k2[$0] + 2 * k3[$0] + k4[$0])) }
            }
            return StrengthResult(
                strengths: s, base: base, converged: false, iterations: options.maxIterations,
                semantics: options.semantics, acyclic: false)
        }
        for i in 1...options.maxIterations {
            let next = model.step(s)
            var delta = 0.0
            for c in 0..<n { delta = max(delta, abs(next[c] - s[c])) }
            s = next
            if delta <= options.tolerance {
                return StrengthResult(
                    strengths: s, base: base, converged: true, iterations: i, semantics: options.semantics,
                    acyclic: false)
            }
        }
        return StrengthResult(
            strengths: s, base: base, converged: false, iterations: options.maxIterations, semantics: options.semantics,
            acyclic: false)
    }

    func expectSame(_ g: Graph, maxIterations: Int = 300) {
        for semantics in GradualSemantics.allCases {
            var o = StrengthOptions(semantics: semantics)
            o.maxIterations = maxIterations
            let got = Strengths.compute(g, options: o), want = reference(g, o)
            #expect(got.strengths == want.strengths, "\(semantics) on \(g.name ?? "?")")
            #expect(got.iterations == want.iterations && got.converged == want.converged && got.acyclic == want.acyclic)
        }
    }

    @Test func matchesTheDefinitionOnMixedRandomGraphs() {
        for seed in UInt64(1)...40 {
            var o = GraphGenerator.Options()
            o.claims = 4 + Int(seed % 20)
            o.relations = 2 * o.claims
            o.undercuts = Int(seed % 4)
            o.acyclic = seed % 3 == 0
            expectSame(GraphGenerator(o).generate(seed: seed))
        }
    }

    /// Linked relations (and linked undercuts): the flat loops point a linked edge at its weakest premise, the
    /// model reads ``Strengths/premiseStrength(_:_:_:)``; the same numbers bit for bit.
    @Test func matchesTheDefinitionWithLinkedRelations() {
        for seed in UInt64(1)...60 {
            var o = GraphGenerator.Options()
            o.claims = 4 + Int(seed % 20)
            o.relations = 2 * o.claims
            o.undercuts = Int(seed % 5)
            o.acyclic = seed % 2 == 0
            o.linkedShare = 0.4
            let g = GraphGenerator(o).generate(seed: seed)
            #expect(g.relations.contains(where: \.isLinked) || g.relations.isEmpty)
            expectSame(g)
        }
    }

    @Test func matchesTheDefinitionOnGeneratedFamilies() {
        for family in GraphGenerator.Family.allCases {
            for seed in UInt64(1)...3 {
                let g = GraphGenerator.generate(.init(family: family, claims: 300, relations: 900), seed: seed)
                expectSame(g, maxIterations: 100)
            }
        }
    }

    @Test func matchesTheDefinitionOnCanonicalGraphs() throws {
        for name in [
            "dfquad-worked-example", "dung-1995", "even-cycle", "nixon-diamond", "odd-cycle", "support-chain-undercut",
            "us-japan-alliance",
        ] {
            expectSame(try canonicalGraph(name))
        }
    }
}
