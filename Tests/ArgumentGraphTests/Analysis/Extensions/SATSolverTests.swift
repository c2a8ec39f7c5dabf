import ArgumentGraph
import Testing

@testable import ArgumentGraphAnalysis

/// The SAT solver on its own, against brute force: random CNF formulas, satisfiable and not, with and without
/// assumptions, and clauses added between calls.
@Suite struct SATSolverTests {
    /// A random formula: `clauses` clauses of 1 to 4 literals over `variables` variables.
    static func randomFormula(_ rng: inout SplitMix64, variables: Int, clauses: Int) -> [[Int32]] {
        (0..<clauses).map { _ in
            (0..<(1 + Int(rng.next() % 4))).map { _ in
                SATSolver.lit(Int(rng.next() % UInt64(variables)), rng.next() % 2 == 0)
            }
        }
    }

    /// Whether `assignment` (bit v = variable v) makes every clause true.
    static func satisfies(_ assignment: UInt32, _ formula: [[Int32]]) -> Bool {
        formula.allSatisfy { clause in
            clause.contains { lit in (assignment >> UInt32(lit / 2) & 1 == 1) == (lit % 2 == 0) }
        }
    }

    /// Whether some assignment of `variables` variables satisfies the formula, by trying them all.
    static func bruteForce(_ formula: [[Int32]], variables: Int) -> Bool {
        (0..<(UInt32(1) << UInt32(variables))).contains { satisfies($0, formula) }
    }

    static func modelBits(_ model: [Bool]) -> UInt32 {
        model.enumerated().reduce(0) { $0 | ($1.element ? UInt32(1) << UInt32($1.offset) : 0) }
    }

    @Test func randomFormulasAgreeWithBruteForce() {
        var rng = SplitMix64(seed: 2026)
        var sat = 0, unsat = 0
        for _ in 0..<600 {
            let n = 1 + Int(rng.next() % 12)
            // Around the satisfiability threshold, so that both answers come up often.
            let m = 1 + Int(rng.next() % UInt64(5 * n))
            let formula = Self.randomFormula(&rng, variables: n, clauses: m)
            var solver = SATSolver()
            for _ in 0..<n { _ = solver.newVariable() }
            for c in formula { solver.addClause(c) }
            let expected = Self.bruteForce(formula, variables: n)
            let outcome = solver.solve()
            #expect(outcome == (expected ? .satisfiable : .unsatisfiable), "\(formula)")
            if outcome == .satisfiable {
                sat += 1
                #expect(Self.satisfies(Self.modelBits(solver.model), formula), "the model satisfies \(formula)")
            } else {
                unsat += 1
            }
        }
        #expect(sat > 100 && unsat > 100, "both answers are exercised: \(sat) satisfiable, \(unsat) not")
    }

    @Test func assumptionsAndIncrementalClausesAgreeWithBruteForce() {
        var rng = SplitMix64(seed: 99)
        for _ in 0..<200 {
            let n = 2 + Int(rng.next() % 10)
            var formula = Self.randomFormula(&rng, variables: n, clauses: 1 + Int(rng.next() % UInt64(3 * n)))
            var solver = SATSolver()
            for _ in 0..<n { _ = solver.newVariable() }
            for c in formula { solver.addClause(c) }
            for _ in 0..<4 {
                // Assumptions are unit clauses for one call only.
                let assumptions = (0..<Int(rng.next() % 3)).map { _ in
                    SATSolver.lit(Int(rng.next() % UInt64(n)), rng.next() % 2 == 0)
                }
                let expected = Self.bruteForce(formula + assumptions.map { [$0] }, variables: n)
                let outcome = solver.solve(assumptions: assumptions)
                #expect(outcome == (expected ? .satisfiable : .unsatisfiable), "\(formula) under \(assumptions)")
                if outcome == .satisfiable {
                    #expect(Self.satisfies(Self.modelBits(solver.model), formula + assumptions.map { [$0] }))
                }
                let extra = Self.randomFormula(&rng, variables: n, clauses: 1)[0]
                formula.append(extra)
                solver.addClause(extra)
            }
        }
    }

    @Test func pigeonholeIsUnsatisfiable() {
        // n + 1 pigeons in n holes: each pigeon somewhere, no two in one hole.
        for holes in 2...5 {
            var solver = SATSolver()
            func v(_ p: Int, _ h: Int) -> Int { p * holes + h }
            for _ in 0..<((holes + 1) * holes) { _ = solver.newVariable() }
            for p in 0...holes { solver.addClause((0..<holes).map { SATSolver.lit(v(p, $0), true) }) }
            for h in 0..<holes {
                for p in 0...holes {
                    for q in (p + 1)..<(holes + 1) {
                        solver.addClause([SATSolver.lit(v(p, h), false), SATSolver.lit(v(q, h), false)])
                    }
                }
            }
            #expect(solver.solve() == .unsatisfiable, "\(holes + 1) pigeons, \(holes) holes")
        }
    }

    @Test func theEmptyClauseAndContradictoryUnitsAreUnsatisfiable() {
        var solver = SATSolver()
        let x = solver.newVariable()
        let first = solver.addClause([SATSolver.lit(x, true)])
        let second = solver.addClause([SATSolver.lit(x, false)])
        #expect(first && !second, "the second unit contradicts the first")
        #expect(solver.solve() == .unsatisfiable)
        var empty = SATSolver()
        _ = empty.newVariable()
        empty.addClause([])
        #expect(empty.solve() == .unsatisfiable)
    }
}
