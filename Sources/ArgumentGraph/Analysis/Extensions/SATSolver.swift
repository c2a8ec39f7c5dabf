/// A small incremental CDCL SAT solver: two watched literals, first-UIP learning, VSIDS, phase saving,
/// Luby restarts, learnt-clause reduction and solving under assumptions.
///
/// Literals are `2 * variable + (negated ? 1 : 0)`. Clauses may be added between calls to ``solve(assumptions:cancel:)``.
struct SATSolver {
    /// The outcome of one call.
    enum Outcome { case satisfiable, unsatisfiable, cancelled }

    private(set) var variableCount = 0
    private var lits: [Int32] = []
    private var cstart: [Int32] = []
    private var clen: [Int32] = []
    private var clearnt: [Bool] = []
    private var cactivity: [Double] = []
    private var cdeleted: [Bool] = []
    private var learntCount = 0
    private var watches: [[Int32]] = []
    private var assign: [Int8] = []      // per variable: 0 unset, 1 true, -1 false
    private var level: [Int32] = []
    private var reason: [Int32] = []
    private var phase: [Bool] = []
    private var activity: [Double] = []
    private var heap: [Int32] = []
    private var heapIndex: [Int32] = []
    private var trail: [Int32] = []
    private var trailLimits: [Int] = []
    private var qhead = 0
    private var varInc = 1.0
    private var claInc = 1.0
    private var seen: [Bool] = []
    private var inconsistent = false
    /// The model of the last satisfiable call, per variable.
    private(set) var model: [Bool] = []
    /// Conflicts seen over the solver's life.
    private(set) var conflicts = 0

    /// Adds a fresh variable and returns its index.
    mutating func newVariable() -> Int {
        let v = variableCount
        variableCount += 1
        watches.append([]); watches.append([])
        assign.append(0); level.append(0); reason.append(-1); phase.append(false)
        activity.append(0); heapIndex.append(-1); seen.append(false)
        heapInsert(Int32(v))
        return v
    }

    /// Sets the polarity tried first for variable `v` (until phase saving overrides it).
    mutating func setPhase(_ v: Int, _ positive: Bool) { phase[v] = positive }

    @inline(__always) static func lit(_ v: Int, _ positive: Bool) -> Int32 { Int32(2 * v + (positive ? 0 : 1)) }

    @inline(__always) private func value(_ l: Int32) -> Int8 {
        let a = assign[Int(l >> 1)]
        return (l & 1) == 0 ? a : -a
    }

    /// Adds a clause at decision level 0; returns false once the clause set is unsatisfiable.
    @discardableResult
    mutating func addClause(_ clause: [Int32]) -> Bool {
        if inconsistent { return false }
        cancelUntil(0)
        var c: [Int32] = []
        c.reserveCapacity(clause.count)
        for l in clause.sorted() {
            let v = value(l)
            if v == 1 || c.last == (l ^ 1) { return true }   // satisfied or tautology
            if v == -1 || c.last == l { continue }
            c.append(l)
        }
        if c.isEmpty { inconsistent = true; return false }
        if c.count == 1 {
            enqueue(c[0], reason: -1)
            if propagate() >= 0 { inconsistent = true; return false }
            return true
        }
        _ = attach(c, learnt: false)
        return true
    }

    private mutating func attach(_ c: [Int32], learnt: Bool) -> Int32 {
        let idx = Int32(cstart.count)
        cstart.append(Int32(lits.count)); clen.append(Int32(c.count))
        lits.append(contentsOf: c)
        clearnt.append(learnt); cactivity.append(0); cdeleted.append(false)
        watches[Int(c[0])].append(idx)
        watches[Int(c[1])].append(idx)
        if learnt { learntCount += 1 }
        return idx
    }

    @inline(__always) private mutating func enqueue(_ l: Int32, reason r: Int32) {
        let v = Int(l >> 1)
        assign[v] = (l & 1) == 0 ? 1 : -1
        level[v] = Int32(trailLimits.count)
        reason[v] = r
        trail.append(l)
    }

    /// Unit propagation; returns a conflicting clause or -1.
    private mutating func propagate() -> Int32 {
        while qhead < trail.count {
            let p = trail[qhead]; qhead += 1
            let falseLit = p ^ 1
            var ws = watches[Int(falseLit)]
            watches[Int(falseLit)] = []
            var i = 0, j = 0
            var conflict: Int32 = -1
            while i < ws.count {
                let c = ws[i]; i += 1
                if cdeleted[Int(c)] { continue }
                let s = Int(cstart[Int(c)]), len = Int(clen[Int(c)])
                if lits[s] == falseLit { lits.swapAt(s, s + 1) }
                let first = lits[s]
                if value(first) == 1 { ws[j] = c; j += 1; continue }
                var moved = false
                var k = s + 2
                while k < s + len {
                    if value(lits[k]) != -1 {
                        lits.swapAt(s + 1, k)
                        watches[Int(lits[s + 1])].append(c)
                        moved = true
                        break
                    }
                    k += 1
                }
                if moved { continue }
                ws[j] = c; j += 1
                if value(first) == -1 {
                    conflict = c
                    while i < ws.count { ws[j] = ws[i]; j += 1; i += 1 }
                } else {
                    enqueue(first, reason: c)
                }
            }
            ws.removeLast(ws.count - j)
            watches[Int(falseLit)] = ws
            if conflict >= 0 { return conflict }
        }
        return -1
    }

    private mutating func cancelUntil(_ lvl: Int) {
        guard trailLimits.count > lvl else { return }
        let stop = trailLimits[lvl]
        var i = trail.count - 1
        while i >= stop {
            let v = Int(trail[i] >> 1)
            phase[v] = assign[v] == 1
            assign[v] = 0
            reason[v] = -1
            if heapIndex[v] < 0 { heapInsert(Int32(v)) }
            i -= 1
        }
        trail.removeLast(trail.count - stop)
        trailLimits.removeLast(trailLimits.count - lvl)
        qhead = trail.count
    }

    private mutating func analyze(_ confl: Int32) -> (learnt: [Int32], backjump: Int) {
        var learnt: [Int32] = [0]
        var pathCount = 0
        var p: Int32 = -1
        var c = confl
        var index = trail.count - 1
        let current = Int32(trailLimits.count)
        repeat {
            bumpClause(c)
            let s = Int(cstart[Int(c)]), len = Int(clen[Int(c)])
            for k in (p < 0 ? s : s + 1)..<(s + len) {
                let q = lits[k]
                let v = Int(q >> 1)
                if !seen[v] && level[v] > 0 {
                    seen[v] = true
                    bumpVariable(v)
                    if level[v] >= current { pathCount += 1 } else { learnt.append(q) }
                }
            }
            while !seen[Int(trail[index] >> 1)] { index -= 1 }
            p = trail[index]
            index -= 1
            c = reason[Int(p >> 1)]
            seen[Int(p >> 1)] = false
            pathCount -= 1
            // Keep the implied literal first in its reason clause (propagate guarantees this).
        } while pathCount > 0
        learnt[0] = p ^ 1
        // Minimise: drop literals whose reason is subsumed by the clause (local minimisation).
        var kept: [Int32] = [learnt[0]]
        for q in learnt.dropFirst() {
            let r = reason[Int(q >> 1)]
            if r < 0 { kept.append(q); continue }
            let s = Int(cstart[Int(r)]), len = Int(clen[Int(r)])
            var redundant = true
            for k in (s + 1)..<(s + len) {
                let v = Int(lits[k] >> 1)
                if !seen[v] && level[v] > 0 { redundant = false; break }
            }
            if !redundant { kept.append(q) }
        }
        for q in learnt.dropFirst() { seen[Int(q >> 1)] = false }
        var backjump = 0
        if kept.count > 1 {
            var maxI = 1
            for k in 2..<kept.count where level[Int(kept[k] >> 1)] > level[Int(kept[maxI] >> 1)] { maxI = k }
            kept.swapAt(1, maxI)
            backjump = Int(level[Int(kept[1] >> 1)])
        }
        return (kept, backjump)
    }

    private mutating func bumpVariable(_ v: Int) {
        activity[v] += varInc
        if activity[v] > 1e100 {
            for i in activity.indices { activity[i] *= 1e-100 }
            varInc *= 1e-100
        }
        if heapIndex[v] >= 0 { heapUp(Int(heapIndex[v])) }
    }

    private mutating func bumpClause(_ c: Int32) {
        guard clearnt[Int(c)] else { return }
        cactivity[Int(c)] += claInc
        if cactivity[Int(c)] > 1e20 {
            for i in cactivity.indices { cactivity[i] *= 1e-20 }
            claInc *= 1e-20
        }
    }

    // MARK: heap of variables by activity

    private mutating func heapInsert(_ v: Int32) {
        heapIndex[Int(v)] = Int32(heap.count)
        heap.append(v)
        heapUp(heap.count - 1)
    }

    private mutating func heapUp(_ i0: Int) {
        var i = i0
        let v = heap[i]
        while i > 0 {
            let parent = (i - 1) / 2
            if activity[Int(heap[parent])] >= activity[Int(v)] { break }
            heap[i] = heap[parent]; heapIndex[Int(heap[i])] = Int32(i)
            i = parent
        }
        heap[i] = v; heapIndex[Int(v)] = Int32(i)
    }

    private mutating func heapPop() -> Int32 {
        let top = heap[0]
        let last = heap.removeLast()
        heapIndex[Int(top)] = -1
        if !heap.isEmpty {
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                if l >= heap.count { break }
                let child = r < heap.count && activity[Int(heap[r])] > activity[Int(heap[l])] ? r : l
                if activity[Int(heap[child])] <= activity[Int(last)] { break }
                heap[i] = heap[child]; heapIndex[Int(heap[i])] = Int32(i)
                i = child
            }
            heap[i] = last; heapIndex[Int(last)] = Int32(i)
        }
        return top
    }

    private mutating func reduceLearnts() {
        var candidates: [Int] = []
        for c in clearnt.indices where clearnt[c] && !cdeleted[c] && clen[c] > 2 {
            // Keep clauses that are the reason of a current assignment.
            let first = Int(lits[Int(cstart[c])] >> 1)
            if reason[first] == Int32(c) && assign[first] != 0 { continue }
            candidates.append(c)
        }
        candidates.sort { cactivity[$0] < cactivity[$1] }
        for c in candidates.prefix(candidates.count / 2) { cdeleted[c] = true; learntCount -= 1 }
    }

    private static func luby(_ x0: Int) -> Int {
        var size = 1, seq = 0
        while size < x0 + 1 { seq += 1; size = 2 * size + 1 }
        var x = x0
        while size - 1 != x { size = (size - 1) >> 1; seq -= 1; x %= size }
        return 1 << seq
    }

    /// Searches for a model that makes every assumption true; `cancel` is polled every few hundred conflicts.
    mutating func solve(assumptions: [Int32] = [], cancel: (@Sendable () -> Bool)? = nil) -> Outcome {
        if inconsistent { return .unsatisfiable }
        cancelUntil(0)
        if propagate() >= 0 { inconsistent = true; return .unsatisfiable }
        var restart = 0
        var maxLearnts = max(2000, cstart.count / 3)
        while true {
            let budget = 100 * SATSolver.luby(restart)
            restart += 1
            var local = 0
            while true {
                let confl = propagate()
                if confl >= 0 {
                    conflicts += 1; local += 1
                    if trailLimits.isEmpty { inconsistent = true; return .unsatisfiable }
                    if let cancel, conflicts % 256 == 0, cancel() { cancelUntil(0); return .cancelled }
                    let (learnt, back) = analyze(confl)
                    cancelUntil(back)
                    if learnt.count == 1 {
                        enqueue(learnt[0], reason: -1)
                    } else {
                        let c = attach(learnt, learnt: true)
                        bumpClause(c)
                        enqueue(learnt[0], reason: c)
                    }
                    varInc /= 0.95
                    claInc /= 0.999
                    continue
                }
                if local >= budget { cancelUntil(0); break }
                if learntCount - trail.count > maxLearnts { reduceLearnts(); maxLearnts += maxLearnts / 10 }
                var next: Int32 = -1
                while trailLimits.count < assumptions.count {
                    let a = assumptions[trailLimits.count]
                    let v = value(a)
                    if v == 1 { trailLimits.append(trail.count) } else if v == -1 {
                        cancelUntil(0); return .unsatisfiable
                    } else { next = a; break }
                }
                if next < 0 {
                    while !heap.isEmpty {
                        let v = heapPop()
                        if assign[Int(v)] == 0 { next = SATSolver.lit(Int(v), phase[Int(v)]); break }
                    }
                    if next < 0 {
                        model = assign.map { $0 == 1 }
                        cancelUntil(0)
                        return .satisfiable
                    }
                }
                trailLimits.append(trail.count)
                enqueue(next, reason: -1)
            }
        }
    }
}
