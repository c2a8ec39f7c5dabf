import ArgumentGraph
import Testing

@testable import ArgumentGraphAnalysis

/// Both SAT engines behind ``IncrementalSAT``, tested the same way: random CNF against brute force (satisfiable and
/// unsatisfiable, incrementally, under assumptions) and the same extensions on random frameworks.
@Suite struct SATEngineTests {
    static let hasCaDiCaL = SATEngine.available.contains(.cadical)

    @Test func ownSolverAgreesWithBruteForceOnRandomCNF() { randomCNF(.cdcl) }

    @Test(.enabled(if: hasCaDiCaL, "CaDiCaL is in the build only where libcadical-dev was installed"))
    func caDiCaLAgreesWithBruteForceOnRandomCNF() { randomCNF(.cadical) }

    @Test func ownSolverGivesTheExtensionsBruteForceGives() { extensions(.cdcl) }

    @Test(.enabled(if: hasCaDiCaL, "CaDiCaL is in the build only where libcadical-dev was installed"))
    func caDiCaLGivesTheExtensionsBruteForceGives() { extensions(.cadical) }

    @Test(.enabled(if: hasCaDiCaL, "CaDiCaL is in the build only where libcadical-dev was installed"))
    func enginesAgreeOnLargerFrameworks() {
        var rng = SeededGenerator(seed: 31)
        for round in 0..<12 {
            let af = randomFramework(40 + 10 * round, 0.06, &rng)
            for s in [ExtensionSemantics.preferred, .stable, .semiStable, .ideal] {
                let own = SATEngine.$current.withValue(.cdcl) {
                    Extensions.enumerate(s, af, limit: 500).extensions.map(inSet)
                }
                let other = SATEngine.$current.withValue(.cadical) {
                    Extensions.enumerate(s, af, limit: 500).extensions.map(inSet)
                }
                #expect(Set(own) == Set(other), "\(s) round \(round)")
            }
        }
    }

    @Test func theEnvironmentCannotNameAnEngineThisBuildLacks() {
        #expect(SATEngine.available.contains(SATEngine.preferred))
        #expect(SATEngine.available.contains(.cdcl))
    }

    // MARK: helpers

    func inSet(_ labels: [Label]) -> [Int] { labels.indices.filter { labels[$0] == .in } }

    /// Whether the assignment `bits` (bit v = variable v) satisfies every clause.
    func satisfies(_ bits: Int, _ clauses: [[Int32]]) -> Bool {
        clauses.allSatisfy { c in c.contains { l in ((bits >> Int(l >> 1)) & 1 == 1) == (l & 1 == 0) } }
    }

    /// Random clause sets of 1–12 variables around the 3-SAT threshold, grown a few clauses at a time; after each
    /// step one call without and one under random assumptions, each compared with all 2^n assignments.
    func randomCNF(_ engine: SATEngine) {
        var rng = SeededGenerator(seed: engine == .cdcl ? 11 : 12)
        var sat = 0, unsat = 0
        for round in 0..<400 {
            let n = 1 + round % 12
            var solver = engine.makeSolver()
            for _ in 0..<n { _ = solver.newVariable() }
            var clauses: [[Int32]] = []
            for _ in 0..<6 {
                for _ in 0..<max(1, n * 3 / 4) {
                    let width = Int.random(in: 1...4, using: &rng) == 1 ? Int.random(in: 1...2, using: &rng) : 3
                    let c = (0..<width).map { _ in
                        SATSolver.lit(Int.random(in: 0..<n, using: &rng), Bool.random(using: &rng))
                    }
                    clauses.append(c)
                    solver.addClause(c)
                }
                let assumptions = (0..<Int.random(in: 0...min(3, n), using: &rng)).map { _ in
                    SATSolver.lit(Int.random(in: 0..<n, using: &rng), Bool.random(using: &rng))
                }
                for a in [[], assumptions] {
                    let expected = (0..<(1 << n)).contains { satisfies($0, clauses + a.map { [$0] }) }
                    let outcome = solver.solve(assumptions: a, cancel: nil)
                    #expect(outcome == (expected ? .satisfiable : .unsatisfiable), "\(engine) \(clauses) under \(a)")
                    if outcome == .satisfiable {
                        let model = solver.model
                        #expect(model.count >= n)
                        let bits = (0..<n).reduce(0) { $0 | (model[$1] ? 1 << $1 : 0) }
                        #expect(
                            satisfies(bits, clauses + a.map { [$0] }),
                            "\(engine): the model satisfies every clause and assumption")
                        sat += 1
                    } else {
                        unsat += 1
                    }
                }
            }
        }
        #expect(sat > 500 && unsat > 500, "both outcomes are exercised: \(sat) sat, \(unsat) unsat")
    }

    /// Every semantics on random frameworks of up to 10 arguments, with this engine, against brute force: the
    /// extensions, credulous and skeptical acceptance, and their certificates.
    func extensions(_ engine: SATEngine) {
        var rng = SeededGenerator(seed: 5)
        for round in 0..<240 {
            let n = 1 + round % 10
            let af = randomFramework(n, [0.1, 0.2, 0.3, 0.45][round % 4], &rng)
            let bf = BruteForce(af)
            SATEngine.$current.withValue(engine) {
                for s in ExtensionSemantics.allCases {
                    let expected = Set(bf.extensions(s))
                    let (found, complete) = Extensions.enumerate(s, af, limit: 10_000)
                    #expect(complete)
                    #expect(Set(found.map(mask)) == expected, "\(engine) \(s) on \(af.attacks)")
                    for a in 0..<n where round % 3 == 0 {
                        let bit: UInt32 = 1 << UInt32(a)
                        // The certificates too: a witness is an extension with `a`, a counterexample one without.
                        let witness = Extensions.credulousWitness(s, af, argument: a).map(mask)
                        #expect((witness != nil) == expected.contains { $0 & bit != 0 }, "\(engine) cred \(s) \(a)")
                        if let w = witness {
                            #expect(expected.contains(w) && w & bit != 0, "\(engine) witness \(s) \(a)")
                        }
                        let counter = Extensions.skepticalCounterexample(s, af, argument: a).map(mask)
                        #expect((counter == nil) == expected.allSatisfy { $0 & bit != 0 }, "\(engine) skept \(s) \(a)")
                        if let c = counter {
                            #expect(expected.contains(c) && c & bit == 0, "\(engine) counterexample \(s) \(a)")
                        }
                    }
                }
            }
        }
    }
}
