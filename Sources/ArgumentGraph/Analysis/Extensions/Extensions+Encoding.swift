import ArgumentGraphModel

extension Extensions {
    /// The complete-labelling SAT encoding of a framework (Besnard & Doutre 2004; Cerutti et al. 2013), restricted
    /// to the arguments the grounded labelling leaves undecided: every complete labelling agrees with the grounded
    /// one where that is `in` or `out`, and an undecided argument's attackers that grounded labels `out` never
    /// matter, so the instance is the framework induced on the undecided arguments.
    ///
    /// Variables per undecided argument `a` (local index `i`): `in_a`, `out_a` (undecided = neither), and optionally
    /// `undec_a` for range maximisation; for stable only `in_a` (`out_a` is `¬in_a`). One extra variable is the
    /// constant true, standing for the fixed arguments' literals.
    ///
    /// Clauses per undecided `a` with undecided attackers `B`: `¬in_a ∨ ¬out_a`; `in_a → out_b` and `in_b → out_a`
    /// for `b ∈ B`; `(∧ out_b) → in_a`; `out_a → ∨ in_b`. Stable: `¬in_a ∨ ¬in_b` and `in_a ∨ ∨ in_b`.
    ///
    /// A collective attack on `a` by a set `C` (SETAF labellings, Flouris & Bikakis 2019) counts when no member is
    /// grounded `out`; grounded `in` members are dropped, leaving undecided members `U` (at least one). With
    /// `y_C ↔ ∧ in_u` and `z_C ⇐ ∨ out_u` (u ∈ U): `in_a → ∨ out_u`; `y_C → out_a`; `out_a → … ∨ y_C`;
    /// `(… ∧ z_C) → in_a`. Stable: `in_a → ∨ ¬in_u`; `in_a ∨ … ∨ y_C` with `y_C → in_u`. A set of one undecided
    /// member is that member's plain attack.
    struct Encoding {
        /// The SAT solver, of the engine current when the encoding was made (``SATEngine/current``).
        var solver: any IncrementalSAT = SATEngine.current.makeSolver()
        let af: AttackFramework
        let n: Int
        let stable: Bool
        /// The grounded labelling.
        let grounded: [Label]
        /// Per argument: its local index when grounded leaves it undecided, else -1.
        let local: [Int32]
        /// Per local index: the argument.
        let arguments: [Int32]
        private let k: Int
        private let undecBase: Int
        private let trueVar: Int
        private let groundedIn: [Int]

        init(_ af: AttackFramework, stable: Bool, undecidedVariables: Bool = false, grounded g: [Label]? = nil) {
            self.af = af
            self.stable = stable
            n = af.count
            let g = g ?? Extensions.grounded(af)
            grounded = g
            var local = [Int32](repeating: -1, count: n)
            var arguments: [Int32] = []
            var groundedIn: [Int] = []
            for a in 0..<n {
                if g[a] == .undecided {
                    local[a] = Int32(arguments.count); arguments.append(Int32(a))
                } else if g[a] == .in {
                    groundedIn.append(a)
                }
            }
            self.local = local
            self.arguments = arguments
            self.groundedIn = groundedIn
            let k = arguments.count
            self.k = k
            let perArgument = stable ? 1 : (undecidedVariables ? 3 : 2)
            undecBase = undecidedVariables && !stable ? 2 * k : -1
            trueVar = perArgument * k
            solver.reserveVariables(perArgument * k + 1)
            for _ in 0...(perArgument * k) { _ = solver.newVariable() }
            solver.addClause([SATSolver.lit(trueVar, true)])
            // Try `in` first: models start large, so maximisation needs few rounds.
            for i in 0..<k { solver.setPhase(i, true) }
            var clause: [Int32] = []
            let collective = af.hasCollectiveAttacks ? af.collectiveIndex().byTarget : nil
            // The undecided members of each collective attack on `a` that no grounded-out member kills.
            func liveSets(_ a: Int) -> [[Int32]] {
                guard let collective else { return [] }
                var out: [[Int32]] = []
                for c in collective[a] {
                    let members = af.collectiveAttacks[Int(c)].attackers
                    if members.contains(where: { g[Int($0)] == .out }) { continue }
                    let u = members.filter { local[Int($0)] >= 0 }.map { local[Int($0)] }
                    if !u.isEmpty { out.append(u) }
                }
                return out
            }
            for i in 0..<k {
                let a = Int(arguments[i])
                let inA = SATSolver.lit(i, true)
                let sets = liveSets(a)
                if stable {
                    clause = [inA]
                    for b in af.attackers[a] where local[Int(b)] >= 0 {
                        let inB = SATSolver.lit(Int(local[Int(b)]), true)
                        solver.addClause([inA ^ 1, inB ^ 1])
                        clause.append(inB)
                    }
                    for u in sets {
                        solver.addClause([inA ^ 1] + u.map { SATSolver.lit(Int($0), false) })
                        if u.count == 1 { clause.append(SATSolver.lit(Int(u[0]), true)); continue }
                        let y = SATSolver.lit(solver.newVariable(), true)
                        for m in u { solver.addClause([y ^ 1, SATSolver.lit(Int(m), true)]) }
                        clause.append(y)
                    }
                    solver.addClause(clause)
                    continue
                }
                let outA = SATSolver.lit(k + i, true)
                solver.addClause([inA ^ 1, outA ^ 1])
                var allOut: [Int32] = [inA]
                var someIn: [Int32] = [outA ^ 1]
                for b in af.attackers[a] where local[Int(b)] >= 0 {
                    let j = Int(local[Int(b)])
                    let inB = SATSolver.lit(j, true), outB = SATSolver.lit(k + j, true)
                    solver.addClause([inA ^ 1, outB])
                    solver.addClause([inB ^ 1, outA])
                    allOut.append(outB ^ 1)
                    someIn.append(inB)
                }
                for u in sets {
                    let ins = u.map { SATSolver.lit(Int($0), true) }, outs = u.map { SATSolver.lit(k + Int($0), true) }
                    solver.addClause([inA ^ 1] + outs)
                    let y = ins.count == 1 ? ins[0] : SATSolver.lit(solver.newVariable(), true)
                    let z = outs.count == 1 ? outs[0] : SATSolver.lit(solver.newVariable(), true)
                    if ins.count > 1 {
                        for l in ins { solver.addClause([y ^ 1, l]) }
                        solver.addClause([y] + ins.map { $0 ^ 1 })
                        for l in outs { solver.addClause([l ^ 1, z]) }
                    }
                    solver.addClause([y ^ 1, outA])
                    allOut.append(z ^ 1)
                    someIn.append(y)
                }
                solver.addClause(allOut)
                solver.addClause(someIn)
                if undecidedVariables {
                    let u = SATSolver.lit(undecBase + i, true)
                    solver.addClause([u, inA, outA])
                    solver.addClause([u ^ 1, inA ^ 1])
                    solver.addClause([u ^ 1, outA ^ 1])
                }
            }
        }

        /// The number of arguments grounded leaves undecided (the SAT instance's size).
        var undecidedCount: Int { k }

        @inline(__always) private func constant(_ value: Bool) -> Int32 { SATSolver.lit(trueVar, value) }

        /// The literal "`a` is in" (or its negation); a constant for arguments grounded decides.
        func inLit(_ a: Int, _ positive: Bool) -> Int32 {
            let i = local[a]
            if i < 0 { return constant((grounded[a] == .in) == positive) }
            return SATSolver.lit(Int(i), positive)
        }

        /// The literal "`a` is undecided" (or its negation); needs `undecidedVariables`.
        func undecLit(_ a: Int, _ positive: Bool) -> Int32 {
            let i = local[a]
            if i < 0 { return constant(!positive) }
            return SATSolver.lit(undecBase + Int(i), positive)
        }

        mutating func freshActivation() -> Int32 { SATSolver.lit(solver.newVariable(), true) }

        /// The in-set of the last model, in increasing order.
        func modelInSet() -> [Int] {
            let model = solver.model
            var member = [Bool](repeating: false, count: n)
            for a in groundedIn { member[a] = true }
            for i in 0..<k where model[i] { member[Int(arguments[i])] = true }
            return (0..<n).filter { member[$0] }
        }

        /// The local indices that are in in the last model.
        private func modelLocalIn() -> [Int] { let model = solver.model; return (0..<k).filter { model[$0] } }

        func labels() -> [Label] {
            var labels = grounded
            let model = solver.model
            for i in 0..<k {
                let a = Int(arguments[i])
                labels[a] = model[i] ? .in : (stable ? .out : (model[k + i] ? .out : .undecided))
            }
            return labels
        }

        func labels(in inSet: [Int]) -> [Label] { Extensions.labelling(af, in: inSet) }

        /// Local membership of an in-set (arguments grounded decides are left out).
        private func localMember(_ inSet: [Int]) -> [Bool] {
            var member = [Bool](repeating: false, count: k)
            for a in inSet where local[a] >= 0 { member[Int(local[a])] = true }
            return member
        }

        /// Forbids the complete extension with exactly this in-set (optionally only while `activation` is assumed).
        mutating func blockExactly(_ inSet: [Int], activation: Int32? = nil) {
            let member = localMember(inSet)
            var clause = (0..<k).map { SATSolver.lit($0, !member[$0]) }
            if let activation { clause.append(activation ^ 1) }
            solver.addClause(clause)
        }

        /// Forbids every subset of `set`.
        mutating func blockSubsets(of set: [Int]) {
            let member = localMember(set)
            solver.addClause((0..<k).filter { !member[$0] }.map { SATSolver.lit($0, true) })
        }

        /// Grows the last model's in-set to a ⊆-maximal complete extension (under `extra` assumptions); nil if cancelled.
        ///
        /// Each round asks for a strict superset: the current members as assumptions, and one clause (switched on by
        /// a fresh activation literal, switched off afterwards) that some non-member joins.
        ///
        /// With `final` (the encoding is not used again), the members become unit clauses and the superset clause a
        /// plain one: nothing is re-propagated from assumptions, and the last, unsatisfiable round leaves the solver
        /// unsatisfiable for good.
        mutating func maximize(extra: [Int32] = [], final: Bool = false, cancel: (@Sendable () -> Bool)?) -> [Int]? {
            var current = modelLocalIn()
            var fixed = [Bool](repeating: false, count: k)
            while true {
                var member = [Bool](repeating: false, count: k)
                for i in current { member[i] = true }
                let outside = (0..<k).filter { !member[$0] }
                if outside.isEmpty { break }
                if final {
                    for i in current where !fixed[i] { fixed[i] = true; solver.addClause([SATSolver.lit(i, true)]) }
                    solver.addClause(outside.map { SATSolver.lit($0, true) })
                    switch solver.solve(assumptions: extra, cancel: cancel) {
                    case .cancelled: return nil
                    case .unsatisfiable: return inSet(local: current)
                    case .satisfiable: current = modelLocalIn(); continue
                    }
                }
                let act = freshActivation()
                solver.addClause([act ^ 1] + outside.map { SATSolver.lit($0, true) })
                let r = solver.solve(
                    assumptions: [act] + extra + current.map { SATSolver.lit($0, true) }, cancel: cancel)
                solver.addClause([act ^ 1])
                switch r {
                case .cancelled: return nil
                case .unsatisfiable: return inSet(local: current)
                case .satisfiable: current = modelLocalIn()
                }
            }
            return inSet(local: current)
        }

        /// The in-set (argument indices, increasing) made of grounded's in-set and these local indices.
        private func inSet(local members: [Int]) -> [Int] {
            var member = [Bool](repeating: false, count: n)
            for a in groundedIn { member[a] = true }
            for i in members { member[Int(arguments[i])] = true }
            return (0..<n).filter { member[$0] }
        }

        /// Grows the last model to a complete labelling with ⊆-maximal range; nil if cancelled.
        mutating func maximizeRange(cancel: (@Sendable () -> Bool)?) -> [Label]? {
            var current = labels()
            while true {
                let undecided = (0..<k).filter { current[Int(arguments[$0])] == .undecided }
                if undecided.isEmpty { return current }
                let act = freshActivation()
                solver.addClause([act ^ 1] + undecided.map { SATSolver.lit(undecBase + $0, false) })
                let fixed = (0..<k).filter { current[Int(arguments[$0])] != .undecided }.map {
                    SATSolver.lit(undecBase + $0, false)
                }
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
