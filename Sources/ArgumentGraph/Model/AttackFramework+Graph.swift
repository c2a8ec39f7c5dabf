extension AttackFramework {
    /// The attack framework of a graph: argument `i` is claim `i`; auxiliary arguments follow for undercut relations.
    ///
    /// Mapping (documented in `docs/scoring.md`):
    /// - an attack `s → t` on a claim is the attack `s → t`;
    /// - a relation ρ that is undercut is flattened as in Boella, Gabbay, van der Torre & Villata (2009,
    ///   "Meta-argumentation modelling I"): two auxiliary arguments `X_ρ`, `Y_ρ` with `s → X_ρ → Y_ρ → t`,
    ///   and each undercutter `u` of ρ attacks `Y_ρ` (`Y_ρ` is in exactly when `s` is in and no undercutter is);
    /// - with a bipolar mapping, supports add derived attacks (Cayrol & Lagasquie-Schiex 2005): supported attacks
    ///   along support paths into an attacker, secondary attacks from an attacker along support paths out of the
    ///   attacked claim. Paths use supports that are not undercut; an undercut support `s ⇒ t` takes part in
    ///   supported attacks through its `Y` argument, which stands in for `s` on that link;
    /// - a linked attack or undercut (premises `p1 … pk` together) is a collective attack of the set `{p1 … pk}`
    ///   (SETAF, Nielsen & Parsons 2006) on its target, or on `X_ρ` when it is undercut itself;
    /// - linked supports, and linked attacks, take no part in derived attacks: a bipolar mapping adds nothing
    ///   through them (a conservative choice; see `docs/format.md`, "Linked relations").
    public init(_ graph: Graph, options: FrameworkOptions = .init()) {
        let n = graph.claims.count
        let rels = graph.relations
        func included(_ r: Int) -> Bool { rels[r].weight >= options.minimumWeight }
        let useSupports = options.bipolar != .none
        // Which relations carry an effective undercut, and so need auxiliary arguments.
        var undercut = [Bool](repeating: false, count: rels.count)
        for (i, r) in rels.enumerated() where r.kind == .attack && included(i) {
            guard case let .relation(t) = r.target, included(t) else { continue }
            if rels[t].kind == .support && !useSupports { continue }
            if rels[t].kind == .support && options.bipolar == .secondary { continue }
            if rels[t].kind == .support && rels[t].isLinked { continue }
            undercut[t] = true
        }
        var auxOf = [Int32](repeating: -1, count: rels.count)
        var names = [String?](repeating: nil, count: n)
        for r in rels.indices where undercut[r] {
            auxOf[r] = Int32(names.count)
            let label = rels[r].id ?? "#\(r + 1)"
            names.append("x:" + label)
            names.append("y:" + label)
        }
        var attacks: [(Int32, Int32)] = []
        var collective: [CollectiveAttack] = []
        func emit(_ r: Int, to target: Int32) {
            let s = Int32(rels[r].source)
            func attack(_ t: Int32) {
                if rels[r].isLinked {
                    collective.append(CollectiveAttack(attackers: rels[r].premises.map { Int32($0) }, target: t))
                } else {
                    attacks.append((s, t))
                }
            }
            if auxOf[r] >= 0 {
                let x = auxOf[r], y = x + 1
                attack(x); attacks.append((x, y)); attacks.append((y, target))
            } else {
                attack(target)
            }
        }
        // Plain attacks that may feed derived attacks: (attacker, attacked claim).
        var plain: [(Int32, Int32)] = []
        for (i, r) in rels.enumerated() where r.kind == .attack && included(i) {
            switch r.target {
            case let .claim(t):
                emit(i, to: Int32(t))
                if auxOf[i] < 0 && !r.isLinked { plain.append((Int32(r.source), Int32(t))) }
            case let .relation(t):
                guard undercut[t], auxOf[t] >= 0 else { continue }
                emit(i, to: auxOf[t] + 1)
            }
        }
        // Undercut supports: s → X → Y; Y stands in for s on that support link.
        for (i, r) in rels.enumerated() where r.kind == .support && auxOf[i] >= 0 {
            attacks.append((Int32(r.source), auxOf[i])); attacks.append((auxOf[i], auxOf[i] + 1))
        }
        if useSupports {
            let total = names.count
            var sup: [(node: Int32, entry: Int32)] = []
            for (i, r) in rels.enumerated() where r.kind == .support && included(i) && !r.isLinked {
                guard case let .claim(t) = r.target else { continue }
                let from = auxOf[i] >= 0 ? auxOf[i] + 1 : Int32(r.source)
                sup.append((from, Int32(t)))
            }
            let forward = Adjacency(count: total, pairs: sup)
            let backward = Adjacency(count: total, pairs: sup.map { (node: $0.entry, entry: $0.node) })
            let byAttacker = Adjacency(count: total, pairs: plain.map { (node: $0.0, entry: $0.1) })
            let byAttacked = Adjacency(count: total, pairs: plain.map { (node: $0.1, entry: $0.0) })
            var mark = [Int32](repeating: -1, count: total)
            var queue: [Int32] = []
            func reach(from start: Int, over adj: Adjacency, stamp: Int32) -> [Int32] {
                queue.removeAll(keepingCapacity: true)
                mark[start] = stamp
                queue.append(Int32(start))
                var head = 0
                while head < queue.count {
                    let v = Int(queue[head]); head += 1
                    for w in adj[v] where mark[Int(w)] != stamp { mark[Int(w)] = stamp; queue.append(w) }
                }
                return Array(queue.dropFirst())
            }
            var stamp: Int32 = 0
            if options.bipolar == .supported || options.bipolar == .both {
                for b in 0..<n where byAttacker.degree(b) > 0 && backward.degree(b) > 0 {
                    let ancestors = reach(from: b, over: backward, stamp: stamp); stamp += 1
                    for a in ancestors { for c in byAttacker[b] { attacks.append((a, c)) } }
                }
            }
            if options.bipolar == .secondary || options.bipolar == .both {
                for b in 0..<n where byAttacked.degree(b) > 0 && forward.degree(b) > 0 {
                    let descendants = reach(from: b, over: forward, stamp: stamp); stamp += 1
                    for c in descendants { for a in byAttacked[b] { attacks.append((a, c)) } }
                }
            }
        }
        if collective.isEmpty {
            self.init(count: names.count, attacks: attacks, auxiliaryNames: names.count > n ? names : [], claimCount: n)
        } else {
            self.init(
                count: names.count, attacks: attacks, collective: collective,
                auxiliaryNames: names.count > n ? names : [], claimCount: n)
        }
    }
}
