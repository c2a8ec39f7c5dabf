extension Extensions {
    /// The complete-labelling SAT encoding of a framework (Besnard & Doutre 2004; Cerutti et al. 2013):
    /// variables `in_a`, `out_a` (undecided = neither), and optionally `undec_a` for range maximisation.
    ///
    /// Clauses per argument `a` with attackers `B`: `¬in_a ∨ ¬out_a`; `in_a → out_b` and `in_b → out_a` for `b ∈ B`;
    /// `(∧ out_b) → in_a`; `out_a → ∨ in_b`. Stable adds `in_a ∨ out_a`. The grounded labelling is added as units.
    struct Encoding {
        var solver = SATSolver()
        let af: AttackFramework
        let n: Int
        private let undecBase: Int

        init(_ af: AttackFramework, stable: Bool, undecidedVariables: Bool = false, grounded g: [Label]? = nil) {
            self.af = af
            n = af.count
            undecBase = undecidedVariables ? 2 * n : -1
            for _ in 0..<(undecidedVariables ? 3 * n : 2 * n) { _ = solver.newVariable() }
            let g = g ?? Extensions.grounded(af)
            // Try `in` first: models start large, so maximisation needs few rounds.
            for a in 0..<n { solver.setPhase(a, true) }
            for a in 0..<n {
                let inA = SATSolver.lit(a, true), outA = SATSolver.lit(n + a, true)
                switch g[a] {
                case .in: solver.addClause([inA]); solver.addClause([outA ^ 1])
                case .out: solver.addClause([outA]); solver.addClause([inA ^ 1])
                case .undecided:
                    if af.attackers[a].contains(Int32(a)) { solver.addClause([inA ^ 1]) }
                }
                solver.addClause([inA ^ 1, outA ^ 1])
                var allOut: [Int32] = [inA]
                var someIn: [Int32] = [outA ^ 1]
                for b in af.attackers[a] {
                    let inB = SATSolver.lit(Int(b), true), outB = SATSolver.lit(n + Int(b), true)
                    solver.addClause([inA ^ 1, outB])
                    solver.addClause([inB ^ 1, outA])
                    allOut.append(outB ^ 1)
                    someIn.append(inB)
                }
                solver.addClause(allOut)
                solver.addClause(someIn)
                if stable { solver.addClause([inA, outA]) }
                if undecidedVariables {
                    let u = SATSolver.lit(undecBase + a, true)
                    solver.addClause([u, inA, outA])
                    solver.addClause([u ^ 1, inA ^ 1])
                    solver.addClause([u ^ 1, outA ^ 1])
                }
            }
        }

        func inLit(_ a: Int, _ positive: Bool) -> Int32 { SATSolver.lit(a, positive) }
        func undecLit(_ a: Int, _ positive: Bool) -> Int32 { SATSolver.lit(undecBase + a, positive) }

        mutating func freshActivation() -> Int32 { SATSolver.lit(solver.newVariable(), true) }

        func modelInSet() -> [Int] { (0..<n).filter { solver.model[$0] } }

        func labels() -> [Label] {
            (0..<n).map { solver.model[$0] ? .in : (solver.model[n + $0] ? .out : .undecided) }
        }

        func labels(in inSet: [Int]) -> [Label] { Extensions.labelling(af, in: inSet) }

        /// Forbids the complete extension with exactly this in-set (optionally only while `activation` is assumed).
        mutating func blockExactly(_ inSet: [Int], activation: Int32? = nil) {
            var member = [Bool](repeating: false, count: n)
            for a in inSet { member[a] = true }
            var clause = (0..<n).map { inLit($0, !member[$0]) }
            if let activation { clause.append(activation ^ 1) }
            solver.addClause(clause)
        }

        /// Forbids every subset of `set`.
        mutating func blockSubsets(of set: [Int]) {
            var member = [Bool](repeating: false, count: n)
            for a in set { member[a] = true }
            solver.addClause((0..<n).filter { !member[$0] }.map { inLit($0, true) })
        }

        /// Grows the last model's in-set to a ⊆-maximal complete extension (under `extra` assumptions); nil if cancelled.
        mutating func maximize(extra: [Int32] = [], cancel: (@Sendable () -> Bool)?) -> [Int]? {
            var current = modelInSet()
            while true {
                var member = [Bool](repeating: false, count: n)
                for a in current { member[a] = true }
                let act = freshActivation()
                solver.addClause([act ^ 1] + (0..<n).filter { !member[$0] }.map { inLit($0, true) })
                let r = solver.solve(assumptions: [act] + extra + current.map { inLit($0, true) }, cancel: cancel)
                solver.addClause([act ^ 1])
                switch r {
                case .cancelled: return nil
                case .unsatisfiable: return current
                case .satisfiable: current = modelInSet()
                }
            }
        }

        /// Grows the last model to a complete labelling with ⊆-maximal range; nil if cancelled.
        mutating func maximizeRange(cancel: (@Sendable () -> Bool)?) -> [Label]? {
            var current = labels()
            while true {
                let act = freshActivation()
                let undecided = (0..<n).filter { current[$0] == .undecided }
                solver.addClause([act ^ 1] + undecided.map { undecLit($0, false) })
                let fixed = (0..<n).filter { current[$0] != .undecided }.map { undecLit($0, false) }
                let r = solver.solve(assumptions: [act] + fixed, cancel: cancel)
                solver.addClause([act ^ 1])
                switch r {
                case .cancelled: return nil
                case .unsatisfiable: return current
                case .satisfiable: current = labels()
                }
            }
        }
    }
}
