import ArgumentGraphModel
import Foundation

extension Strengths {
    /// The numeric model: per claim, its incoming attacks and supports; per relation, its undercuts.
    ///
    /// A relation's effective weight is its weight times `Π(1 − w_u·σ(u))` over the undercuts `u` on it
    /// (undercuts of undercuts discount those first), so an undercut weakens the link it targets, never the claims.
    /// A relation acts with the strength of its premises together (``Strengths/premiseStrength(_:_:_:)``): `σ(u)`
    /// above, and the source's strength in each semantics, are that of a linked relation's weakest premise.
    struct Model {
        let graph: Graph
        let semantics: GradualSemantics
        let base: [Double]
        /// Relations in an order where every undercut precedes the relation it targets (cyclic leftovers last).
        let relationOrder: [Int]
        /// Claims in topological order of dependencies, when acyclic.
        let claimOrder: [Int]?
        /// Whether some relation is linked (has several premises).
        let linked: Bool

        init(_ graph: Graph, semantics: GradualSemantics, base: [Double]) {
            self.graph = graph
            self.semantics = semantics
            self.base = base
            let rels = graph.relations
            let linked = Strengths.hasLinkedRelations(graph)
            self.linked = linked
            if graph.relationsTo.entries.isEmpty {
                // No undercuts: Kahn's order below is the declaration order.
                relationOrder = Array(rels.indices)
            } else {
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
            }
            // Claim dependencies: premises of relations into a claim, and of the undercuts (transitively) on them.
            let n = graph.claims.count
            var edges: [(node: Int32, entry: Int32)] = []
            var stack: [Int32] = []
            var mark = [Int](repeating: -1, count: rels.count)
            edges.reserveCapacity(rels.count)
            for i in rels.indices {
                // Fields read one by one through the buffer: copying whole relations (two strings each) costs more.
                let (target, kind, source) = rels.withUnsafeBufferPointer { ($0[i].target, $0[i].kind, $0[i].source) }
                guard case let .claim(t) = target else { continue }
                if kind == .support && !semantics.usesSupports { continue }
                // No undercut on it: the one edge the walk below would find, without the walk.
                if graph.relationsTo.degree(i) == 0 { edges.append((Int32(source), Int32(t))); continue }
                stack = [Int32(i)]
                mark[i] = i
                while let x = stack.popLast() {
                    edges.append((Int32(rels[Int(x)].source), Int32(t)))
                    if linked { for p in rels[Int(x)].otherPremises { edges.append((Int32(p), Int32(t))) } }
                    for u in graph.relationsTo[Int(x)] where mark[Int(u)] != i && rels[Int(u)].kind == .attack {
                        mark[Int(u)] = i; stack.append(u)
                    }
                }
            }
            if linked {
                // A linked relation depends on every premise: those of relations without undercuts (the walk above
                // adds the rest), in a pass of their own so that graphs without linked relations skip it.
                for i in rels.indices where graph.relationsTo.degree(i) == 0 && rels[i].isLinked {
                    guard case let .claim(t) = rels[i].target, rels[i].kind == .attack || semantics.usesSupports
                    else { continue }
                    for p in rels[i].otherPremises { edges.append((Int32(p), Int32(t))) }
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
                    f *= 1 - w[Int(u)] * Strengths.premiseStrength(Int(u), rels, s)
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
                        f *=
                            1 - (memo[Int(u)] ?? Strengths.clamp(rels[Int(u)].weight))
                            * Strengths.premiseStrength(Int(u), rels, s)
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
            func premises(_ r: Int) -> Double { Strengths.premiseStrength(r, rels, s) }
            switch semantics {
            case .dfquad:
                var noAttack = 1.0, noSupport = 1.0
                for r in graph.attacksTo[c] { noAttack *= 1 - Strengths.clamp(weight(Int(r)) * premises(Int(r))) }
                for r in graph.supportsTo[c] { noSupport *= 1 - Strengths.clamp(weight(Int(r)) * premises(Int(r))) }
                let va = 1 - noAttack, vs = 1 - noSupport
                return va >= vs ? b - b * (va - vs) : b + (1 - b) * (vs - va)
            case .quadraticEnergy, .euler:
                var e = 0.0
                for r in graph.supportsTo[c] { e += weight(Int(r)) * premises(Int(r)) }
                for r in graph.attacksTo[c] { e -= weight(Int(r)) * premises(Int(r)) }
                if semantics == .euler { return 1 - (1 - b * b) / (1 + b * exp(e)) }
                return Model.quadratic(b, e)
            case .hCategorizer:
                var sum = 0.0
                for r in graph.attacksTo[c] { sum += weight(Int(r)) * premises(Int(r)) }
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
            var flat = Flat(self)
            let n = graph.claims.count
            if let order = claimOrder {
                var s = base
                flat.onePass(order, &s)
                return StrengthResult(
                    strengths: s, base: base, converged: true, iterations: 1,
                    semantics: semantics, acyclic: true)
            }
            var s = base
            var next = [Double](repeating: 0, count: n)
            let limit = max(1, options.maxIterations)
            if semantics == .quadraticEnergy {
                // RK4 on dσ/dt = f(σ) − σ (Potyka 2018, Definition 2), fixed step.
                let h = 0.5
                var k1 = next, k2 = next, k3 = next, k4 = next, x = next
                for i in 1...limit {
                    if let cancel, cancel() {
                        return StrengthResult(
                            strengths: s, base: base, converged: false, iterations: i - 1, semantics: semantics,
                            acyclic: false)
                    }
                    flat.derivative(s, into: &k1)
                    if k1.allSatisfy({ abs($0) <= options.tolerance }) {
                        return StrengthResult(
                            strengths: s, base: base, converged: true, iterations: i - 1, semantics: semantics,
                            acyclic: false)
                    }
                    for c in 0..<n { x[c] = s[c] + h / 2 * k1[c] }
                    flat.derivative(x, into: &k2)
                    for c in 0..<n { x[c] = s[c] + h / 2 * k2[c] }
                    flat.derivative(x, into: &k3)
                    for c in 0..<n { x[c] = s[c] + h * k3[c] }
                    flat.derivative(x, into: &k4)
                    for c in 0..<n { s[c] = Strengths.clamp(s[c] + h / 6 * (k1[c] + 2 * k2[c] + 2 * k3[c] + k4[c])) }
                }
                return StrengthResult(
                    strengths: s, base: base, converged: false, iterations: limit, semantics: semantics, acyclic: false)
            }
            for i in 1...limit {
                if let cancel, cancel() {
                    return StrengthResult(
                        strengths: s, base: base, converged: false, iterations: i - 1, semantics: semantics,
                        acyclic: false)
                }
                flat.step(s, into: &next)
                var delta = 0.0
                for c in 0..<n { delta = max(delta, abs(next[c] - s[c])) }
                swap(&s, &next)
                if delta <= options.tolerance {
                    return StrengthResult(
                        strengths: s, base: base, converged: true, iterations: i, semantics: semantics, acyclic: false)
                }
            }
            return StrengthResult(
                strengths: s, base: base, converged: false, iterations: limit, semantics: semantics, acyclic: false)
        }
    }

    /// The model's incoming attacks and supports as flat arrays, claim after claim, for the iteration loops.
    ///
    /// Edge `k` of claim `c` (`offsets[c] ..< offsets[c + 1]`, in the order of `Graph.attacksTo` and
    /// `Graph.supportsTo`) has its source claim and its effective weight side by side, so one update reads
    /// memory in order. Weights of relations that are undercut change with the strengths; they are
    /// refreshed in place (`patch`) before each evaluation, by exactly the arithmetic of
    /// ``Model/effectiveWeights(_:)`` and ``Model/effectiveWeight(_:_:)``, so results are unchanged. Likewise the
    /// source of a linked relation's edge is set to its weakest premise (``Strengths/weakestPremise(_:_:_:)``)
    /// before each evaluation, so the inner loops read one strength per edge whether relations are linked or not.
    struct Flat {
        let model: Model
        let attackOffsets: [Int32]
        var attackSources: [Int32]
        var attackWeights: [Double]
        let supportOffsets: [Int32]
        var supportSources: [Int32]
        var supportWeights: [Double]
        /// Edges whose relation is undercut: (edge position, relation), for attacks and supports.
        let attackPatch: [(Int, Int)], supportPatch: [(Int, Int)]
        /// Edges whose relation is linked: (edge position, relation), for attacks and supports.
        let attackLinked: [(Int, Int)], supportLinked: [(Int, Int)]
        /// Claims with an undercut or linked incoming relation (for the one-pass evaluation).
        let patchedClaims: [Bool]
        /// Relations that are undercut, in ``Model/relationOrder``, and the effective weights of all relations.
        let targeted: [Int]
        var weights: [Double]

        init(_ model: Model) {
            self.model = model
            let graph = model.graph
            let rels = graph.relations
            // Per relation, read in order once: its source and clamped weight (small arrays to gather from).
            let (relSource, relWeight) = rels.withUnsafeBufferPointer { rb in
                (
                    rb.indices.map { Int32(truncatingIfNeeded: rb[$0].source) },
                    rb.indices.map { Strengths.clamp(rb[$0].weight) }
                )
            }
            let undercut = graph.relationsTo
            var patched = [Bool](repeating: false, count: graph.claims.count)
            typealias Edges = (sources: [Int32], weights: [Double], patch: [(Int, Int)], linked: [(Int, Int)])
            func edges(_ adj: Adjacency) -> Edges {
                var sources = [Int32](repeating: 0, count: adj.entries.count)
                var weights = [Double](repeating: 0, count: adj.entries.count)
                var patch: [(Int, Int)] = [], linked: [(Int, Int)] = []
                adj.entries.withUnsafeBufferPointer { entries in
                    for k in entries.indices {
                        let r = Int(entries[k])
                        sources[k] = relSource[r]
                        weights[k] = relWeight[r]
                    }
                }
                if !undercut.entries.isEmpty {
                    for c in 0..<adj.count {
                        for k in Int(adj.offsets[c])..<Int(adj.offsets[c + 1]) {
                            let r = Int(adj.entries[k])
                            if undercut.degree(r) > 0 { patch.append((k, r)); patched[c] = true }
                        }
                    }
                }
                if model.linked {
                    for c in 0..<adj.count {
                        for k in Int(adj.offsets[c])..<Int(adj.offsets[c + 1]) where rels[Int(adj.entries[k])].isLinked
                        {
                            linked.append((k, Int(adj.entries[k]))); patched[c] = true
                        }
                    }
                }
                return (sources, weights, patch, linked)
            }
            let a = edges(graph.attacksTo)
            let s: Edges = model.semantics.usesSupports ? edges(graph.supportsTo) : ([], [], [], [])
            attackOffsets = graph.attacksTo.offsets
            attackSources = a.sources
            attackWeights = a.weights
            attackPatch = a.patch
            supportOffsets =
                model.semantics.usesSupports
                ? graph.supportsTo.offsets : [Int32](repeating: 0, count: graph.claims.count + 1)
            supportSources = s.sources
            supportWeights = s.weights
            supportPatch = s.patch
            attackLinked = a.linked
            supportLinked = s.linked
            patchedClaims = patched
            targeted = model.relationOrder.filter { graph.relationsTo.degree($0) > 0 }
            weights = targeted.isEmpty ? [] : relWeight
        }

        /// Refreshes the weights of undercut relations from strengths `s`, as ``Model/effectiveWeights(_:)`` computes them.
        mutating func refreshWeights(_ s: [Double]) {
            guard !targeted.isEmpty else { return }
            let graph = model.graph
            let rels = graph.relations
            for r in targeted { weights[r] = Strengths.clamp(rels[r].weight) }
            for r in targeted {
                var f = Strengths.clamp(rels[r].weight)
                for u in graph.relationsTo[r] where rels[Int(u)].kind == .attack {
                    f *= 1 - weights[Int(u)] * Strengths.premiseStrength(Int(u), rels, s)
                }
                weights[r] = f
            }
            for (k, r) in attackPatch { attackWeights[k] = weights[r] }
            for (k, r) in supportPatch { supportWeights[k] = weights[r] }
        }

        /// Points the edges of linked relations at their weakest premises under strengths `s`.
        mutating func refreshPremises(_ s: [Double]) {
            guard !attackLinked.isEmpty || !supportLinked.isEmpty else { return }
            let rels = model.graph.relations
            for (k, r) in attackLinked { attackSources[k] = Int32(Strengths.weakestPremise(r, rels, s)) }
            for (k, r) in supportLinked { supportSources[k] = Int32(Strengths.weakestPremise(r, rels, s)) }
        }

        /// The one-pass evaluation in topological order, in place; undercut links by ``Model/effectiveWeight(_:_:)``,
        /// linked relations from their weakest premise (all premises precede the claim in the order).
        mutating func onePass(_ order: [Int], _ s: inout [Double]) {
            let hasPatches =
                !attackPatch.isEmpty || !supportPatch.isEmpty || !attackLinked.isEmpty || !supportLinked.isEmpty
            guard hasPatches else {
                for c in order { evaluate(c, &s) }
                return
            }
            for c in order {
                if patchedClaims[c] { patch(c, s) }
                evaluate(c, &s)
            }
        }

        /// Sets `s[c]` to the clamped update of claim `c` from `s`.
        @inline(__always)
        func evaluate(_ c: Int, _ s: inout [Double]) {
            let v = withView { view in s.withUnsafeBufferPointer { Flat.update(c, view, $0) } }
            s[c] = Strengths.clamp(v)
        }

        /// Refreshes the edges into claim `c` from strengths `s`: the weights of undercut relations, and the sources
        /// of linked ones. Kept out of line so that the loop over claims stays as tight as without patches.
        @inline(never)
        mutating func patch(_ c: Int, _ s: [Double]) {
            let rels = model.graph.relations
            let (a0, a1) = (Int(attackOffsets[c]), Int(attackOffsets[c + 1]))
            let (s0, s1) = (Int(supportOffsets[c]), Int(supportOffsets[c + 1]))
            for (k, r) in Flat.patches(attackPatch, a0..<a1) { attackWeights[k] = model.effectiveWeight(r, s) }
            for (k, r) in Flat.patches(supportPatch, s0..<s1) { supportWeights[k] = model.effectiveWeight(r, s) }
            for (k, r) in Flat.patches(attackLinked, a0..<a1) {
                attackSources[k] = Int32(Strengths.weakestPremise(r, rels, s))
            }
            for (k, r) in Flat.patches(supportLinked, s0..<s1) {
                supportSources[k] = Int32(Strengths.weakestPremise(r, rels, s))
            }
        }

        /// The patches at edge positions in `edges` (patches are sorted by position).
        static func patches(_ patch: [(Int, Int)], _ edges: Range<Int>) -> ArraySlice<(Int, Int)> {
            var lo = 0, hi = patch.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if patch[mid].0 < edges.lowerBound { lo = mid + 1 } else { hi = mid }
            }
            var end = lo
            while end < patch.count, patch[end].0 < edges.upperBound { end += 1 }
            return patch[lo..<end]
        }

        /// One simultaneous step: `next[c]` is the clamped update of every claim from `s`.
        mutating func step(_ s: [Double], into next: inout [Double]) {
            refreshWeights(s)
            refreshPremises(s)
            withView { view in
                s.withUnsafeBufferPointer { sp in
                    next.withUnsafeMutableBufferPointer { out in
                        for c in 0..<out.count { out[c] = Strengths.clamp(Flat.update(c, view, sp)) }
                    }
                }
            }
        }

        /// `f(x) − x` for the continuous model, into `d`.
        mutating func derivative(_ x: [Double], into d: inout [Double]) {
            step(x, into: &d)
            for c in 0..<d.count { d[c] -= x[c] }
        }

        /// The flat arrays as buffers, for the inner loops.
        struct View {
            let semantics: GradualSemantics
            let base: UnsafeBufferPointer<Double>
            let attackOffsets: UnsafeBufferPointer<Int32>, attackSources: UnsafeBufferPointer<Int32>
            let attackWeights: UnsafeBufferPointer<Double>
            let supportOffsets: UnsafeBufferPointer<Int32>, supportSources: UnsafeBufferPointer<Int32>
            let supportWeights: UnsafeBufferPointer<Double>
        }

        func withView<R>(_ body: (View) -> R) -> R {
            model.base.withUnsafeBufferPointer { base in
                attackOffsets.withUnsafeBufferPointer { aOff in
                    attackSources.withUnsafeBufferPointer { aSrc in
                        attackWeights.withUnsafeBufferPointer { aW in
                            supportOffsets.withUnsafeBufferPointer { sOff in
                                supportSources.withUnsafeBufferPointer { sSrc in
                                    supportWeights.withUnsafeBufferPointer { sW in
                                        body(
                                            View(
                                                semantics: model.semantics, base: base, attackOffsets: aOff,
                                                attackSources: aSrc,
                                                attackWeights: aW, supportOffsets: sOff, supportSources: sSrc,
                                                supportWeights: sW))
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }

        /// The semantics' update for claim `c`: ``Model/update(_:_:weight:)`` over the flat arrays, same arithmetic.
        @inline(__always)
        static func update(_ c: Int, _ v: View, _ s: UnsafeBufferPointer<Double>) -> Double {
            let b = v.base[c]
            let a0 = Int(v.attackOffsets[c]), a1 = Int(v.attackOffsets[c + 1])
            let s0 = Int(v.supportOffsets[c]), s1 = Int(v.supportOffsets[c + 1])
            let aSrc = v.attackSources, aW = v.attackWeights, sSrc = v.supportSources, sW = v.supportWeights
            switch v.semantics {
            case .dfquad:
                var noAttack = 1.0, noSupport = 1.0
                for k in a0..<a1 { noAttack *= 1 - Strengths.clamp(aW[k] * s[Int(aSrc[k])]) }
                for k in s0..<s1 { noSupport *= 1 - Strengths.clamp(sW[k] * s[Int(sSrc[k])]) }
                let va = 1 - noAttack, vs = 1 - noSupport
                return va >= vs ? b - b * (va - vs) : b + (1 - b) * (vs - va)
            case .quadraticEnergy, .euler:
                var e = 0.0
                for k in s0..<s1 { e += sW[k] * s[Int(sSrc[k])] }
                for k in a0..<a1 { e -= aW[k] * s[Int(aSrc[k])] }
                if v.semantics == .euler { return 1 - (1 - b * b) / (1 + b * exp(e)) }
                return Model.quadratic(b, e)
            case .hCategorizer:
                var sum = 0.0
                for k in a0..<a1 { sum += aW[k] * s[Int(aSrc[k])] }
                return b / (1 + sum)
            }
        }
    }
}
