import ArgumentGraphModel

/// Dung's extension-based semantics (Dung 1995; Caminada 2006 for semi-stable; Dung, Mancarella & Toni 2007 for ideal).
public enum ExtensionSemantics: String, CaseIterable, Sendable {
    /// The least complete extension.
    case grounded
    /// Admissible sets that contain every argument they defend.
    case complete
    /// Maximal admissible sets (⊆-maximal complete extensions).
    case preferred
    /// Conflict-free sets that attack every argument outside them.
    case stable
    /// Complete extensions with a ⊆-maximal range (extension plus what it attacks).
    case semiStable = "semi-stable"
    /// The ⊆-largest admissible set contained in every preferred extension.
    case ideal

    /// The two-letter ICCMA code (`GR`, `CO`, `PR`, `ST`, `SST`, `ID`).
    public var iccmaCode: String {
        switch self {
        case .grounded: "GR"
        case .complete: "CO"
        case .preferred: "PR"
        case .stable: "ST"
        case .semiStable: "SST"
        case .ideal: "ID"
        }
    }

    /// The semantics with this ICCMA code (case-insensitive), if any.
    public init?(iccmaCode: String) {
        guard let s = ExtensionSemantics.allCases.first(where: { $0.iccmaCode == iccmaCode.uppercased() }) else {
            return nil
        }
        self = s
    }
}

/// The label of an argument in a labelling (Caminada 2006): accepted, rejected, or neither.
public enum Label: String, Sendable {
    /// Accepted: every attacker is out.
    case `in`
    /// Rejected: some attacker is in.
    case out
    /// Neither accepted nor rejected.
    case undecided
}

/// Computes extensions of an ``AttackFramework`` as labellings (one ``Label`` per argument).
///
/// Grounded is computed in time linear in arguments plus attacks. The other semantics run an incremental CDCL SAT
/// solver on the standard complete-labelling encoding, seeded with the grounded labelling as unit clauses;
/// preferred and semi-stable use iterative maximisation (as in PrefSAT/CEGARTIX). Nothing enumerates subsets.
public enum Extensions {
    /// The grounded labelling: the least fixed point of the characteristic function, computed by propagation.
    public static func grounded(_ af: AttackFramework) -> [Label] {
        if af.hasCollectiveAttacks { return groundedCollective(af) }
        let n = af.count
        // 0 undecided, 1 in, 2 out; raw bytes and unsafe buffers keep this a tight linear pass.
        var state = [UInt8](repeating: 0, count: n)
        var live = [Int32](repeating: 0, count: n)  // attackers not yet out
        var queue = [Int32](repeating: 0, count: n)
        var tail = 0
        af.attackers.offsets.withUnsafeBufferPointer { inOff in
            af.attacked.offsets.withUnsafeBufferPointer { outOff in
                af.attacked.entries.withUnsafeBufferPointer { out in
                    state.withUnsafeMutableBufferPointer { st in
                        live.withUnsafeMutableBufferPointer { lv in
                            queue.withUnsafeMutableBufferPointer { q in
                                for a in 0..<n {
                                    lv[a] = inOff[a + 1] - inOff[a]
                                    if lv[a] == 0 { st[a] = 1; q[tail] = Int32(a); tail += 1 }
                                }
                                var head = 0
                                while head < tail {
                                    let a = Int(q[head]); head += 1
                                    for k in Int(outOff[a])..<Int(outOff[a + 1]) {
                                        let c = Int(out[k])
                                        if st[c] == 2 { continue }
                                        st[c] = 2
                                        for j in Int(outOff[c])..<Int(outOff[c + 1]) {
                                            let d = Int(out[j])
                                            lv[d] -= 1
                                            if lv[d] == 0 && st[d] == 0 { st[d] = 1; q[tail] = Int32(d); tail += 1 }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return state.map { $0 == 1 ? .in : ($0 == 2 ? .out : .undecided) }
    }

    /// One extension of the semantics, or nil when none exists (only stable can have none) or when cancelled.
    public static func one(_ s: ExtensionSemantics, _ af: AttackFramework, cancel: (@Sendable () -> Bool)? = nil)
        -> [Label]?
    {
        switch s {
        case .grounded, .complete: return grounded(af)
        case .ideal: return ideal(af, cancel: cancel)
        case .stable:
            var e = Encoding(af, stable: true)
            guard e.solver.solve(cancel: cancel) == .satisfiable else { return nil }
            return e.labels()
        case .preferred:
            var e = Encoding(af, stable: false)
            guard e.solver.solve(cancel: cancel) == .satisfiable else { return nil }
            return e.maximize(final: true, cancel: cancel).map { e.labels(in: $0) }
        case .semiStable:
            var e = Encoding(af, stable: false, undecidedVariables: true)
            guard e.solver.solve(cancel: cancel) == .satisfiable else { return nil }
            return e.maximizeRange(cancel: cancel)
        }
    }

    /// Up to `limit` extensions; `complete` is true when they are all the extensions there are.
    public static func enumerate(
        _ s: ExtensionSemantics, _ af: AttackFramework, limit: Int,
        cancel: (@Sendable () -> Bool)? = nil
    ) -> (extensions: [[Label]], complete: Bool) {
        var found: [[Label]] = []
        var overflow = false
        let finished = visit(s, af, cancel: cancel) { labels in
            if found.count >= limit { overflow = true; return false }
            found.append(labels)
            return true
        }
        return (found, finished && !overflow)
    }

    /// The number of extensions, or nil when cancelled.
    public static func count(_ s: ExtensionSemantics, _ af: AttackFramework, cancel: (@Sendable () -> Bool)? = nil)
        -> Int?
    {
        var n = 0
        let finished = visit(s, af, cancel: cancel) { _ in
            n += 1; return true
        }
        return finished ? n : nil
    }

    /// Whether `argument` is in at least one extension.
    public static func credulous(
        _ s: ExtensionSemantics, _ af: AttackFramework, argument: Int,
        cancel: (@Sendable () -> Bool)? = nil
    ) -> Bool {
        credulousWitness(s, af, argument: argument, cancel: cancel) != nil
    }

    /// Whether `argument` is in every extension (true for every argument when there is no extension at all).
    public static func skeptical(
        _ s: ExtensionSemantics, _ af: AttackFramework, argument: Int,
        cancel: (@Sendable () -> Bool)? = nil
    ) -> Bool {
        guard argument >= 0 && argument < af.count else { return false }
        return skepticalCounterexample(s, af, argument: argument, cancel: cancel) == nil
    }

    /// An extension that contains `argument`, or nil when there is none (or when cancelled).
    public static func credulousWitness(
        _ s: ExtensionSemantics, _ af: AttackFramework, argument: Int,
        cancel: (@Sendable () -> Bool)? = nil
    ) -> [Label]? {
        guard argument >= 0 && argument < af.count else { return nil }
        switch s {
        case .grounded:
            let g = grounded(af)
            return g[argument] == .in ? g : nil
        case .ideal:
            guard let l = ideal(af, cancel: cancel), l[argument] == .in else { return nil }
            return l
        case .complete, .preferred, .stable:
            // Credulous acceptance under preferred equals that under complete (every complete extends to a preferred).
            var e = Encoding(af, stable: s == .stable)
            guard e.solver.solve(assumptions: [e.inLit(argument, true)], cancel: cancel) == .satisfiable else {
                return nil
            }
            if s != .preferred { return e.labels(in: e.modelInSet()) }
            // The encoding is not used again: grow with unit clauses, not assumptions (the model has `argument`).
            return e.maximize(final: true, cancel: cancel).map { e.labels(in: $0) }
        case .semiStable:
            var witness: [Label]?
            _ = visit(.semiStable, af, cancel: cancel) { labels in
                if labels[argument] == .in { witness = labels; return false }
                return true
            }
            return witness
        }
    }

    /// An extension that lacks `argument`, or nil when every extension contains it (or when cancelled).
    public static func skepticalCounterexample(
        _ s: ExtensionSemantics, _ af: AttackFramework, argument: Int,
        cancel: (@Sendable () -> Bool)? = nil
    ) -> [Label]? {
        guard argument >= 0 && argument < af.count else { return nil }
        switch s {
        case .grounded, .complete:
            let g = grounded(af)
            return g[argument] == .in ? nil : g
        case .ideal:
            guard let l = ideal(af, cancel: cancel), l[argument] != .in else { return nil }
            return l
        case .stable:
            var e = Encoding(af, stable: true)
            guard e.solver.solve(assumptions: [e.inLit(argument, false)], cancel: cancel) == .satisfiable else {
                return nil
            }
            return e.labels(in: e.modelInSet())
        case .preferred:
            return preferredWithout(af, argument: argument, cancel: cancel)
        case .semiStable:
            var counter: [Label]?
            _ = visit(.semiStable, af, cancel: cancel) { labels in
                if labels[argument] != .in { counter = labels; return false }
                return true
            }
            return counter
        }
    }

    /// The labelling whose in-set is `inSet`: out what it attacks (alone, or as a whole attacking set), undecided the rest.
    public static func labelling(_ af: AttackFramework, in inSet: some Sequence<Int>) -> [Label] {
        var labels = [Label](repeating: .undecided, count: af.count)
        for a in inSet { labels[a] = .in }
        for a in 0..<af.count where labels[a] == .in {
            for b in af.attacked[a] where labels[Int(b)] != .in { labels[Int(b)] = .out }
        }
        for c in af.collectiveAttacks
        where labels[Int(c.target)] != .in && c.attackers.allSatisfy({ labels[Int($0)] == .in }) {
            labels[Int(c.target)] = .out
        }
        return labels
    }

    /// Calls `body` with each extension until it returns false; returns true when every extension was visited.
    static func visit(
        _ s: ExtensionSemantics, _ af: AttackFramework, cancel: (@Sendable () -> Bool)?,
        _ body: ([Label]) -> Bool
    ) -> Bool {
        switch s {
        case .grounded:
            _ = body(grounded(af)); return true
        case .ideal:
            guard let labels = ideal(af, cancel: cancel) else { return false }
            _ = body(labels); return true
        case .complete, .stable:
            var e = Encoding(af, stable: s == .stable)
            while true {
                switch e.solver.solve(cancel: cancel) {
                case .cancelled: return false
                case .unsatisfiable: return true
                case .satisfiable:
                    let inSet = e.modelInSet()
                    if !body(e.labels(in: inSet)) { return false }
                    e.blockExactly(inSet)
                }
            }
        case .preferred:
            var e = Encoding(af, stable: false)
            while true {
                switch e.solver.solve(cancel: cancel) {
                case .cancelled: return false
                case .unsatisfiable: return true
                case .satisfiable:
                    guard let p = e.maximize(cancel: cancel) else { return false }
                    if !body(e.labels(in: p)) { return false }
                    e.blockSubsets(of: p)
                }
            }
        case .semiStable:
            var e = Encoding(af, stable: false, undecidedVariables: true)
            while true {
                switch e.solver.solve(cancel: cancel) {
                case .cancelled: return false
                case .unsatisfiable: return true
                case .satisfiable:
                    guard let top = e.maximizeRange(cancel: cancel) else { return false }
                    let undecided = (0..<af.count).filter { top[$0] == .undecided }
                    let undecidedSet = Set(undecided)
                    // Every complete labelling with exactly this undecided set is semi-stable.
                    let act = e.freshActivation()
                    var assumptions = [act]
                    for a in 0..<af.count { assumptions.append(e.undecLit(a, undecidedSet.contains(a))) }
                    while true {
                        let r = e.solver.solve(assumptions: assumptions, cancel: cancel)
                        if r == .cancelled { return false }
                        if r == .unsatisfiable { break }
                        let inSet = e.modelInSet()
                        if !body(e.labels(in: inSet)) { return false }
                        e.blockExactly(inSet, activation: act)
                    }
                    e.solver.addClause([act ^ 1])
                    e.solver.addClause(undecided.map { e.undecLit($0, false) })
                }
            }
        }
    }

    /// A preferred extension without `a`, found by maximising complete extensions that lack `a` and ruling out
    /// those that only grow into preferred extensions with `a`; nil when `a` is skeptically accepted or when cancelled.
    static func preferredWithout(_ af: AttackFramework, argument a: Int, cancel: (@Sendable () -> Bool)?) -> [Label]? {
        let g = grounded(af)
        if g[a] == .in { return nil }
        if g[a] == .out, let p = one(.preferred, af, cancel: cancel) { return p }
        var e = Encoding(af, stable: false, grounded: g)
        while true {
            let r = e.solver.solve(assumptions: [e.inLit(a, false)], cancel: cancel)
            if r != .satisfiable { return nil }
            // Largest complete extension without `a` (among those reachable from this model).
            guard let m = e.maximize(extra: [e.inLit(a, false)], cancel: cancel) else { return nil }
            // If nothing complete strictly contains it, it is preferred and lacks `a`.
            let act = e.freshActivation()
            e.solver.addClause([act ^ 1] + (0..<af.count).filter { !m.contains($0) }.map { e.inLit($0, true) })
            let grow = e.solver.solve(assumptions: [act] + m.map { e.inLit($0, true) }, cancel: cancel)
            e.solver.addClause([act ^ 1])
            if grow == .cancelled { return nil }
            if grow == .unsatisfiable { return e.labels(in: m) }
            guard let p = e.maximize(cancel: cancel) else { return nil }
            e.blockSubsets(of: p)
        }
    }

    /// The ideal labelling: the largest admissible set not attacked by any credulously accepted argument
    /// (Dung, Mancarella & Toni 2007; Dunne 2009); nil when cancelled.
    static func ideal(_ af: AttackFramework, cancel: (@Sendable () -> Bool)?) -> [Label]? {
        if af.hasCollectiveAttacks { return idealCollective(af, cancel: cancel) }
        let n = af.count
        let g = grounded(af)
        var e = Encoding(af, stable: false, grounded: g)
        var credulous = g.map { $0 == .in }
        while true {
            let act = e.freshActivation()
            e.solver.addClause([act ^ 1] + (0..<n).filter { !credulous[$0] && g[$0] != .out }.map { e.inLit($0, true) })
            let r = e.solver.solve(assumptions: [act], cancel: cancel)
            e.solver.addClause([act ^ 1])
            if r == .cancelled { return nil }
            if r == .unsatisfiable { break }
            for a in e.modelInSet() { credulous[a] = true }
        }
        // Candidates: credulously accepted and not attacked by a credulously accepted argument (conflict-free).
        var member = credulous
        for a in 0..<n where credulous[a] {
            for b in af.attacked[a] { member[Int(b)] = false }
        }
        // Greatest self-defending subset: drop members with an attacker no member attacks.
        var counter = [Int32](repeating: 0, count: n)  // members attacking each argument
        for a in 0..<n where member[a] { for b in af.attacked[a] { counter[Int(b)] += 1 } }
        var stack: [Int32] = []
        var removed = [Bool](repeating: false, count: n)
        for a in 0..<n where member[a] {
            if af.attackers[a].contains(where: { counter[Int($0)] == 0 }) { stack.append(Int32(a)); removed[a] = true }
        }
        while let a = stack.popLast() {
            member[Int(a)] = false
            for b in af.attacked[Int(a)] {
                counter[Int(b)] -= 1
                if counter[Int(b)] == 0 {
                    for c in af.attacked[Int(b)] where member[Int(c)] && !removed[Int(c)] {
                        removed[Int(c)] = true; stack.append(c)
                    }
                }
            }
        }
        return labelling(af, in: (0..<n).filter { member[$0] })
    }
}
