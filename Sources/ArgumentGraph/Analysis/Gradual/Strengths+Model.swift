import Foundation

extension Strengths {
    /// The numeric model: per claim, its incoming attacks and supports; per relation, its undercuts.
    ///
    /// A relation's effective weight is its weight times `Π(1 − w_u·σ(u))` over the undercuts `u` on it
    /// (undercuts of undercuts discount those first), so an undercut weakens the link it targets, never the claims.
    struct Model {
        let graph: Graph
        let semantics: GradualSemantics
        let base: [Double]
        /// Relations in an order where every undercut precedes the relation it targets (cyclic leftovers last).
        let relationOrder: [Int]
        /// Claims in topological order of dependencies, when acyclic.
        let claimOrder: [Int]?

        init(_ graph: Graph, semantics: GradualSemantics, base: [Double]) {
            self.graph = graph
            self.semantics = semantics
            self.base = base
            let rels = graph.relations
            // Undercut order (Kahn): u before the relation it targets.
            var pending = rels.indices.map { graph.relationsTo.degree($0) }
            var order: [Int] = []
            var queue = rels.indices.filter { pending[$0] == 0 }
            var head = 0
            var placed = [Bool](repeating: false, count: rels.count)
            while head < queue.count {
                let r = queue[head]; head += 1
                order.append(r); placed[r] = true
                if case let .relation(t) = rels[r].target {
                    pending[t] -= 1
                    if pending[t] == 0 { queue.append(t) }
                }
            }
            for r in rels.indices where !placed[r] { order.append(r) }
            relationOrder = order
            // Claim dependencies: sources of relations into a claim, and of the undercuts (transitively) on them.
            let n = graph.claims.count
            var edges: [(node: Int32, entry: Int32)] = []
            var stack: [Int32] = []
            var mark = [Int](repeating: -1, count: rels.count)
            for (i, r) in rels.enumerated() {
                guard case let .claim(t) = r.target else { continue }
                if r.kind == .support && !semantics.usesSupports { continue }
                stack = [Int32(i)]
                mark[i] = i
                while let x = stack.popLast() {
                    edges.append((Int32(rels[Int(x)].source), Int32(t)))
                    for u in graph.relationsTo[Int(x)] where mark[Int(u)] != i && rels[Int(u)].kind == .attack {
                        mark[Int(u)] = i; stack.append(u)
                    }
                }
            }
            let out = Adjacency(count: n, pairs: edges)
            var indegree = [Int](repeating: 0, count: n)
            for e in edges { indegree[Int(e.entry)] += 1 }
            var topo = (0..<n).filter { indegree[$0] == 0 }
            var h = 0
            while h < topo.count {
                let v = topo[h]; h += 1
                for w in out[v] {
                    indegree[Int(w)] -= 1
                    if indegree[Int(w)] == 0 { topo.append(Int(w)) }
                }
            }
            claimOrder = topo.count == n ? topo : nil
        }

        /// Effective weights of all relations given claim strengths.
        func effectiveWeights(_ s: [Double]) -> [Double] {
            let rels = graph.relations
            var w = rels.map { Strengths.clamp($0.weight) }
            for r in relationOrder {
                var f = Strengths.clamp(rels[r].weight)
                for u in graph.relationsTo[r] where rels[Int(u)].kind == .attack {
                    f *= 1 - w[Int(u)] * s[rels[Int(u)].source]
                }
                w[r] = f
            }
            return w
        }

        /// The effective weight of relation `r` only, following undercuts iteratively (for the one-pass evaluation).
        func effectiveWeight(_ r: Int, _ s: [Double]) -> Double {
            let rels = graph.relations
            guard graph.relationsTo.degree(r) > 0 else { return Strengths.clamp(rels[r].weight) }
            var memo: [Int: Double] = [:]
            var stack = [r]
            var open = Set<Int>()
            while let x = stack.last {
                if memo[x] != nil { stack.removeLast(); continue }
                let pendingUndercuts = graph.relationsTo[x].map(Int.init).filter {
                    rels[$0].kind == .attack && memo[$0] == nil && !open.contains($0)
                }
                if pendingUndercuts.isEmpty || open.contains(x) {
                    var f = Strengths.clamp(rels[x].weight)
                    for u in graph.relationsTo[x] where rels[Int(u)].kind == .attack {
                        f *= 1 - (memo[Int(u)] ?? Strengths.clamp(rels[Int(u)].weight)) * s[rels[Int(u)].source]
                    }
                    memo[x] = f
                    stack.removeLast()
                } else {
                    open.insert(x)
                    stack.append(contentsOf: pendingUndercuts)
                }
            }
            return memo[r] ?? Strengths.clamp(rels[r].weight)
        }

        /// The semantics' update for claim `c` given current strengths and effective weights.
        func update(_ c: Int, _ s: [Double], weight: (Int) -> Double) -> Double {
            let rels = graph.relations
            let b = base[c]
            switch semantics {
            case .dfquad:
                var noAttack = 1.0, noSupport = 1.0
                for r in graph.attacksTo[c] { noAttack *= 1 - Strengths.clamp(weight(Int(r)) * s[rels[Int(r)].source]) }
                for r in graph.supportsTo[c] { noSupport *= 1 - Strengths.clamp(weight(Int(r)) * s[rels[Int(r)].source]) }
                let va = 1 - noAttack, vs = 1 - noSupport
                return va >= vs ? b - b * (va - vs) : b + (1 - b) * (vs - va)
            case .quadraticEnergy, .euler:
                var e = 0.0
                for r in graph.supportsTo[c] { e += weight(Int(r)) * s[rels[Int(r)].source] }
                for r in graph.attacksTo[c] { e -= weight(Int(r)) * s[rels[Int(r)].source] }
                if semantics == .euler { return 1 - (1 - b * b) / (1 + b * exp(e)) }
                return Model.quadratic(b, e)
            case .hCategorizer:
                var sum = 0.0
                for r in graph.attacksTo[c] { sum += weight(Int(r)) * s[rels[Int(r)].source] }
                return b / (1 + sum)
            }
        }

        /// Potyka's quadratic-energy aggregation: `w − w·h(−E) + (1 − w)·h(E)`, `h(x) = max(x,0)²/(1 + max(x,0)²)`.
        static func quadratic(_ w: Double, _ e: Double) -> Double {
            let p = max(e, 0), m = max(-e, 0)
            return w - w * (m * m / (1 + m * m)) + (1 - w) * (p * p / (1 + p * p))
        }

        func step(_ s: [Double]) -> [Double] {
            let w = effectiveWeights(s)
            return graph.claims.indices.map { Strengths.clamp(update($0, s, weight: { w[$0] })) }
        }

        func solve(_ options: StrengthOptions, cancel: (() -> Bool)? = nil) -> StrengthResult {
            let n = graph.claims.count
            if let order = claimOrder {
                var s = base
                for c in order { s[c] = Strengths.clamp(update(c, s, weight: { effectiveWeight($0, s) })) }
                return StrengthResult(strengths: s, base: base, converged: true, iterations: 1,
                                      semantics: semantics, acyclic: true)
            }
            var s = base
            let limit = max(1, options.maxIterations)
            if semantics == .quadraticEnergy {
                // RK4 on dσ/dt = f(σ) − σ (Potyka 2018, Definition 2), fixed step.
                let h = 0.5
                func derivative(_ x: [Double]) -> [Double] { let f = step(x); return (0..<n).map { f[$0] - x[$0] } }
                for i in 1...limit {
                    if let cancel, cancel() {
                        return StrengthResult(strengths: s, base: base, converged: false, iterations: i - 1, semantics: semantics, acyclic: false)
                    }
                    let k1 = derivative(s)
                    if k1.allSatisfy({ abs($0) <= options.tolerance }) {
                        return StrengthResult(strengths: s, base: base, converged: true, iterations: i - 1, semantics: semantics, acyclic: false)
                    }
                    let k2 = derivative((0..<n).map { s[$0] + h / 2 * k1[$0] })
                    let k3 = derivative((0..<n).map { s[$0] + h / 2 * k2[$0] })
                    let k4 = derivative((0..<n).map { s[$0] + h * k3[$0] })
                    s = (0..<n).map { Strengths.clamp(s[$0] + h / 6 * (k1[$0] + 2 * k2[$0] + 2 * k3[$0] + k4[$0])) }
                }
                return StrengthResult(strengths: s, base: base, converged: false, iterations: limit, semantics: semantics, acyclic: false)
            }
            for i in 1...limit {
                if let cancel, cancel() {
                    return StrengthResult(strengths: s, base: base, converged: false, iterations: i - 1, semantics: semantics, acyclic: false)
                }
                let next = step(s)
                var delta = 0.0
                for c in 0..<n { delta = max(delta, abs(next[c] - s[c])) }
                s = next
                if delta <= options.tolerance {
                    return StrengthResult(strengths: s, base: base, converged: true, iterations: i, semantics: semantics, acyclic: false)
                }
            }
            return StrengthResult(strengths: s, base: base, converged: false, iterations: limit, semantics: semantics, acyclic: false)
        }
    }
}
