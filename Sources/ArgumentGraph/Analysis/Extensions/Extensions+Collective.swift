import ArgumentGraphModel

// Frameworks with collective attacks (SETAFs, Nielsen & Parsons 2006; labellings as in Flouris & Bikakis 2019):
// a set attacks an argument only when all its members are in. An argument is `in` when every attacking set has a
// member `out`, and `out` when some attacking set is all `in`. Dung frameworks never come here.
extension Extensions {
    /// The grounded labelling of a framework with collective attacks, by the same propagation as ``grounded(_:)``:
    /// an attacking set dies when one member goes out, and a set whose members are all in puts its target out.
    static func groundedCollective(_ af: AttackFramework) -> [Label] {
        let n = af.count
        let sets = af.collectiveAttacks
        let (byTarget, byMember) = af.collectiveIndex()
        var state = [UInt8](repeating: 0, count: n)  // 0 undecided, 1 in, 2 out
        var live = [Int32](repeating: 0, count: n)  // attacking sets (single or collective) not yet dead
        var notIn = sets.map { Int32($0.attackers.count) }  // members of each set not yet in
        var dead = [Bool](repeating: false, count: sets.count)
        var queue: [Int32] = []
        queue.reserveCapacity(n)
        for a in 0..<n {
            live[a] = Int32(af.attackers.degree(a) + byTarget.degree(a))
            if live[a] == 0 { state[a] = 1; queue.append(Int32(a)) }
        }
        func weaken(_ d: Int) {
            live[d] -= 1
            if live[d] == 0 && state[d] == 0 { state[d] = 1; queue.append(Int32(d)) }
        }
        func reject(_ c: Int) {
            if state[c] != 0 { return }
            state[c] = 2
            for d in af.attacked[c] { weaken(Int(d)) }
            for k in byMember[c] where !dead[Int(k)] {
                dead[Int(k)] = true
                weaken(Int(sets[Int(k)].target))
            }
        }
        var head = 0
        while head < queue.count {
            let a = Int(queue[head]); head += 1
            for c in af.attacked[a] { reject(Int(c)) }
            for k in byMember[a] {
                notIn[Int(k)] -= 1
                if notIn[Int(k)] == 0 && !dead[Int(k)] { reject(Int(sets[Int(k)].target)) }
            }
        }
        return state.map { $0 == 1 ? .in : ($0 == 2 ? .out : .undecided) }
    }

    /// The ideal labelling of a framework with collective attacks: the greatest admissible subset of the
    /// intersection of the preferred extensions (the intersection is conflict-free, so the greatest admissible
    /// subset is the greatest subset that defends all its members); nil when cancelled.
    static func idealCollective(_ af: AttackFramework, cancel: (@Sendable () -> Bool)?) -> [Label]? {
        let n = af.count
        var member = [Bool](repeating: true, count: n)
        let finished = visit(.preferred, af, cancel: cancel) { labels in
            for a in 0..<n where labels[a] != .in { member[a] = false }
            return true
        }
        guard finished else { return nil }
        let (byTarget, _) = af.collectiveIndex()
        // Drop members with an attacking set that no member attacks, until none is left to drop.
        var changed = true
        while changed {
            changed = false
            let out = labelling(af, in: (0..<n).filter { member[$0] }).map { $0 == .out }
            for a in 0..<n where member[a] {
                let undefended =
                    af.attackers[a].contains { !out[Int($0)] }
                    || byTarget[a].contains { k in !af.collectiveAttacks[Int(k)].attackers.contains { out[Int($0)] } }
                if undefended { member[a] = false; changed = true }
            }
        }
        return labelling(af, in: (0..<n).filter { member[$0] })
    }
}
