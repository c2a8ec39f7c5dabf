// Longer than 400 lines on purpose: one CDCL search whose propagation, conflict analysis and clause upkeep work on
// the same raw buffers; split into files, those buffers would have to lose their `private` and the hot loops their inlining.
/// A small incremental CDCL SAT solver: two watched literals with blocker literals in flat per-literal watch
/// buffers (binary clauses answered from the watcher alone), first-UIP learning with recursive minimisation,
/// VSIDS, phase saving, restarts on the LBD of recent learnt clauses (Glucose), LBD-based learnt-clause reduction, level-0 simplification, a compacting
/// clause arena and solving under assumptions.
///
/// Literals are `2 * variable + (negated ? 1 : 0)`. Clauses may be added between calls to ``solve(assumptions:cancel:)``.
/// The solver keeps its state in raw buffers, owned by a private storage object that frees them; it is a struct so
/// that its fields are checked for exclusive access at compile time, not at run time on every access. Do not copy
/// a solver that is still used (copies share the buffers).
struct SATSolver: IncrementalSAT {
    /// The outcome of one call.
    typealias Outcome = SATOutcome

    /// One entry of a watch list: the clause (`~ref` for a binary clause) and a literal of it that, when true,
    /// makes looking at the clause unnecessary (for a binary clause: the other literal).
    private struct Watcher { var cref: Int32; var blocker: Int32 }
    /// A growable buffer of watchers.
    private struct WatchList { var data: UnsafeMutablePointer<Watcher>?; var count: Int32; var capacity: Int32 }

    private(set) var variableCount = 0
    private var capacity = 0
    // Per literal.
    private var value: UnsafeMutablePointer<Int8>  // 1 true, -1 false, 0 unset
    private var watches: UnsafeMutablePointer<WatchList>
    // Per variable.
    private var level: UnsafeMutablePointer<Int32>
    private var reason: UnsafeMutablePointer<Int32>  // clause reference, -1 for decisions and units
    private var phase: UnsafeMutablePointer<UInt8>
    private var seen: UnsafeMutablePointer<UInt8>
    private var activity: UnsafeMutablePointer<Double>
    private var heapIndex: UnsafeMutablePointer<Int32>
    private var heap: UnsafeMutablePointer<Int32>
    private var heapCount = 0
    private var trail: UnsafeMutablePointer<Int32>
    private var trailCount = 0
    private var qhead = 0
    private var trailLimits: [Int] = []
    // Clauses: [size, flags (bit 0 learnt, bit 1 deleted, LBD from bit 2), activity (Float bits), literals...].
    private var arena: UnsafeMutablePointer<Int32>
    private var arenaCount = 0
    private var arenaCapacity = 0
    private var wasted = 0
    private var learnts: [Int32] = []
    private var varInc = 1.0
    private var claInc: Float = 1
    private var inconsistent = false
    private var levelStamp: [Int32] = []
    private var stamp: Int32 = 0
    private var analyzeStack: [Int32] = []
    private var analyzeClear: [Int32] = []
    private var nextReduce = 2000
    private var fastLBD = 0.0
    private var slowLBD = 0.0
    private var lbdCount = 0
    private var simplifiedAssigned = -1
    private var propagationsUntilSimplify = 0
    /// The model of the last satisfiable call, per variable.
    private(set) var model: [Bool] = []
    /// Conflicts seen over the solver's life.
    private(set) var conflicts = 0

    private static let header = 3

    /// Owns the buffers: the solver's pointer fields are copies of these, updated together when a buffer grows.
    private final class Storage {
        var buffers: [UnsafeMutableRawPointer] = []
        var watches: UnsafeMutablePointer<WatchList>?
        var literals = 0
        deinit {
            if let watches { for l in 0..<literals { watches[l].data?.deallocate() } }
            for b in buffers { b.deallocate() }
        }
    }
    private let storage = Storage()

    init() {
        // One element each, so that every buffer has its own address in `storage.buffers`; capacities stay 0.
        value = .allocate(capacity: 1); watches = .allocate(capacity: 1)
        level = .allocate(capacity: 1); reason = .allocate(capacity: 1); phase = .allocate(capacity: 1)
        seen = .allocate(capacity: 1); activity = .allocate(capacity: 1); heapIndex = .allocate(capacity: 1)
        heap = .allocate(capacity: 1); trail = .allocate(capacity: 1)
        arena = .allocate(capacity: 1)
        storage.buffers = [
            UnsafeMutableRawPointer(value), UnsafeMutableRawPointer(watches), UnsafeMutableRawPointer(level),
            UnsafeMutableRawPointer(reason), UnsafeMutableRawPointer(phase), UnsafeMutableRawPointer(seen),
            UnsafeMutableRawPointer(activity), UnsafeMutableRawPointer(heapIndex), UnsafeMutableRawPointer(heap),
            UnsafeMutableRawPointer(trail), UnsafeMutableRawPointer(arena),
        ]
        storage.watches = watches
    }

    private static func grow<T>(_ p: inout UnsafeMutablePointer<T>, count: Int, to newCapacity: Int, _ storage: Storage)
    {
        let q = UnsafeMutablePointer<T>.allocate(capacity: newCapacity)
        q.moveInitialize(from: p, count: count)
        let old = UnsafeMutableRawPointer(p)
        if let i = storage.buffers.firstIndex(of: old) { storage.buffers[i] = UnsafeMutableRawPointer(q) }
        p.deallocate()
        p = q
    }

    /// Makes room for `n` variables in every per-variable and per-literal buffer.
    mutating func reserveVariables(_ n: Int) {
        guard n > capacity else { return }
        let c = max(n, 2 * capacity, 16)
        let v = variableCount
        let st = storage
        SATSolver.grow(&value, count: 2 * v, to: 2 * c, st)
        SATSolver.grow(&watches, count: 2 * v, to: 2 * c, st)
        SATSolver.grow(&level, count: v, to: c, st)
        SATSolver.grow(&reason, count: v, to: c, st)
        SATSolver.grow(&phase, count: v, to: c, st)
        SATSolver.grow(&seen, count: v, to: c, st)
        SATSolver.grow(&activity, count: v, to: c, st)
        SATSolver.grow(&heapIndex, count: v, to: c, st)
        SATSolver.grow(&heap, count: heapCount, to: c, st)
        SATSolver.grow(&trail, count: trailCount, to: c, st)
        capacity = c
        storage.watches = watches
    }

    /// Adds a fresh variable and returns its index.
    mutating func newVariable() -> Int {
        let v = variableCount
        if v == capacity { reserveVariables(v + 1) }
        variableCount += 1
        storage.literals = 2 * variableCount
        (value + 2 * v).initialize(repeating: 0, count: 2)
        (watches + 2 * v).initialize(repeating: WatchList(data: nil, count: 0, capacity: 0), count: 2)
        (level + v).initialize(to: 0); (reason + v).initialize(to: -1); (phase + v).initialize(to: 0)
        (seen + v).initialize(to: 0); (activity + v).initialize(to: 0); (heapIndex + v).initialize(to: -1)
        heapInsert(Int32(v))
        return v
    }

    /// Sets the polarity tried first for variable `v` (until phase saving overrides it).
    mutating func setPhase(_ v: Int, _ positive: Bool) { phase[v] = positive ? 1 : 0 }

    @inline(__always) static func lit(_ v: Int, _ positive: Bool) -> Int32 { Int32(2 * v + (positive ? 0 : 1)) }

    private var decisionLevel: Int { trailLimits.count }

    // MARK: clauses

    /// Adds a clause at decision level 0; returns false once the clause set is unsatisfiable.
    @discardableResult
    mutating func addClause(_ clause: [Int32]) -> Bool {
        if inconsistent { return false }
        cancelUntil(0)
        var c: [Int32] = []
        c.reserveCapacity(clause.count)
        for l in clause.sorted() {
            let v = value[Int(l)]
            if v == 1 || c.last == (l ^ 1) { return true }  // satisfied or tautology
            if v == -1 || c.last == l { continue }
            c.append(l)
        }
        if c.isEmpty { inconsistent = true; return false }
        if c.count == 1 {
            enqueue(c[0], reason: -1)
            if propagate() >= 0 { inconsistent = true; return false }
            return true
        }
        _ = attach(c, learnt: false, lbd: 0)
        return true
    }

    private mutating func reserveArena(_ extra: Int) {
        guard arenaCount + extra > arenaCapacity else { return }
        let c = max(arenaCount + extra, 2 * arenaCapacity, 1024)
        let st = storage
        SATSolver.grow(&arena, count: arenaCount, to: c, st)
        arenaCapacity = c
    }

    private mutating func pushWatch(_ l: Int32, _ w: Watcher) {
        let list = watches + Int(l)
        if list.pointee.count == list.pointee.capacity {
            let c = max(4, Int(list.pointee.capacity) * 2)
            let q = UnsafeMutablePointer<Watcher>.allocate(capacity: c)
            if let d = list.pointee.data { q.moveInitialize(from: d, count: Int(list.pointee.count)); d.deallocate() }
            list.pointee.data = q
            list.pointee.capacity = Int32(c)
        }
        list.pointee.data![Int(list.pointee.count)] = w
        list.pointee.count += 1
    }

    private mutating func attach(_ c: [Int32], learnt: Bool, lbd: Int) -> Int32 {
        reserveArena(SATSolver.header + c.count)
        let ref = Int32(arenaCount)
        arena[arenaCount] = Int32(c.count)
        arena[arenaCount + 1] = (learnt ? 1 : 0) | Int32(min(lbd, 1 << 20) << 2)
        arena[arenaCount + 2] = Int32(bitPattern: Float(0).bitPattern)
        for (k, l) in c.enumerated() { arena[arenaCount + SATSolver.header + k] = l }
        arenaCount += SATSolver.header + c.count
        if c.count == 2 {
            pushWatch(c[0], Watcher(cref: ~ref, blocker: c[1]))
            pushWatch(c[1], Watcher(cref: ~ref, blocker: c[0]))
        } else {
            pushWatch(c[0], Watcher(cref: ref, blocker: c[1]))
            pushWatch(c[1], Watcher(cref: ref, blocker: c[0]))
        }
        if learnt { learnts.append(ref) }
        return ref
    }

    @inline(__always) private mutating func enqueue(_ l: Int32, reason r: Int32) {
        let v = Int(l >> 1)
        value[Int(l)] = 1; value[Int(l ^ 1)] = -1
        level[v] = Int32(trailLimits.count)
        reason[v] = r
        trail[trailCount] = l; trailCount += 1
    }

    /// Unit propagation; returns a conflicting clause or -1.
    private mutating func propagate() -> Int32 {
        let value = self.value, watches = self.watches, arena = self.arena, trail = self.trail
        let level = self.level, reason = self.reason
        let lvl = Int32(trailLimits.count)
        var tc = trailCount, qh = qhead
        var conflict: Int32 = -1
        let start = qh
        outer: while qh < tc {
            let p = trail[qh]; qh += 1
            let falseLit = p ^ 1
            let list = watches + Int(falseLit)
            let n = Int(list.pointee.count)
            guard n > 0, let ws = list.pointee.data else { continue }
            var i = 0, j = 0
            while i < n {
                let w = ws[i]; i += 1
                let b = w.blocker
                if value[Int(b)] == 1 { ws[j] = w; j += 1; continue }
                if w.cref < 0 {
                    ws[j] = w; j += 1
                    if value[Int(b)] == -1 {
                        conflict = ~w.cref
                        while i < n { ws[j] = ws[i]; j += 1; i += 1 }
                        list.pointee.count = Int32(j)
                        break outer
                    }
                    let v = Int(b >> 1)
                    value[Int(b)] = 1; value[Int(b ^ 1)] = -1; level[v] = lvl; reason[v] = ~w.cref
                    trail[tc] = b; tc += 1
                    continue
                }
                let c = Int(w.cref)
                let lits = arena + c + SATSolver.header
                if lits[0] == falseLit { lits[0] = lits[1]; lits[1] = falseLit }
                let first = lits[0]
                if first != b && value[Int(first)] == 1 {
                    ws[j] = Watcher(cref: w.cref, blocker: first); j += 1; continue
                }
                let size = Int(arena[c])
                var k = 2
                var moved = false
                while k < size {
                    let l = lits[k]
                    if value[Int(l)] != -1 {
                        lits[1] = l; lits[k] = falseLit
                        pushWatch(l, Watcher(cref: w.cref, blocker: first))
                        moved = true
                        break
                    }
                    k += 1
                }
                if moved { continue }
                ws[j] = Watcher(cref: w.cref, blocker: first); j += 1
                if value[Int(first)] == -1 {
                    conflict = w.cref
                    while i < n { ws[j] = ws[i]; j += 1; i += 1 }
                    list.pointee.count = Int32(j)
                    break outer
                }
                let v = Int(first >> 1)
                value[Int(first)] = 1; value[Int(first ^ 1)] = -1; level[v] = lvl; reason[v] = w.cref
                trail[tc] = first; tc += 1
            }
            list.pointee.count = Int32(j)
        }
        propagationsUntilSimplify -= qh - start
        trailCount = tc
        qhead = conflict >= 0 ? tc : qh
        return conflict
    }

    private mutating func cancelUntil(_ lvl: Int) {
        guard trailLimits.count > lvl else { return }
        let stop = trailLimits[lvl]
        var i = trailCount - 1
        while i >= stop {
            let l = trail[i]
            let v = Int(l >> 1)
            phase[v] = (l & 1) == 0 ? 1 : 0
            value[Int(l)] = 0; value[Int(l ^ 1)] = 0
            reason[v] = -1
            if heapIndex[v] < 0 { heapInsert(Int32(v)) }
            i -= 1
        }
        trailCount = stop
        trailLimits.removeLast(trailLimits.count - lvl)
        qhead = trailCount
    }

    // MARK: conflict analysis

    @inline(__always) private func abstractLevel(_ v: Int) -> UInt32 { 1 << (UInt32(level[v]) & 31) }

    private mutating func analyze(_ confl: Int32) -> (learnt: [Int32], backjump: Int, lbd: Int) {
        var learnt: [Int32] = [0]
        var pathCount = 0
        var p: Int32 = -1
        var c = confl
        var index = trailCount - 1
        let current = Int32(trailLimits.count)
        repeat {
            bumpClause(c)
            let size = Int(arena[Int(c)])
            let lits = arena + Int(c) + SATSolver.header
            let pv = p >> 1
            for k in 0..<size {
                let q = lits[k]
                let v = Int(q >> 1)
                if p >= 0 && Int32(v) == pv { continue }
                if seen[v] == 0 && level[v] > 0 {
                    seen[v] = 1
                    bumpVariable(v)
                    if level[v] >= current { pathCount += 1 } else { learnt.append(q) }
                }
            }
            while seen[Int(trail[index] >> 1)] == 0 { index -= 1 }
            p = trail[index]
            index -= 1
            c = reason[Int(p >> 1)]
            seen[Int(p >> 1)] = 0
            pathCount -= 1
        } while pathCount > 0
        learnt[0] = p ^ 1
        // Recursive minimisation (MiniSat): drop literals implied by the others.
        analyzeClear.removeAll(keepingCapacity: true)
        var abstract: UInt32 = 0
        for q in learnt.dropFirst() { abstract |= abstractLevel(Int(q >> 1)); analyzeClear.append(q) }
        var kept: [Int32] = [learnt[0]]
        for q in learnt.dropFirst() {
            if reason[Int(q >> 1)] < 0 || !redundant(q, abstract) { kept.append(q) }
        }
        for q in analyzeClear { seen[Int(q >> 1)] = 0 }
        var backjump = 0
        if kept.count > 1 {
            var maxI = 1
            for k in 2..<kept.count where level[Int(kept[k] >> 1)] > level[Int(kept[maxI] >> 1)] { maxI = k }
            kept.swapAt(1, maxI)
            backjump = Int(level[Int(kept[1] >> 1)])
        }
        // LBD: distinct decision levels in the clause.
        stamp &+= 1
        if stamp == Int32.max { for i in levelStamp.indices { levelStamp[i] = 0 }; stamp = 1 }
        if levelStamp.count <= trailLimits.count {
            levelStamp.append(contentsOf: repeatElement(0, count: trailLimits.count + 1 - levelStamp.count))
        }
        var lbd = 0
        for q in kept {
            let l = Int(level[Int(q >> 1)])
            if levelStamp[l] != stamp { levelStamp[l] = stamp; lbd += 1 }
        }
        return (kept, backjump, lbd)
    }

    /// Whether `p` (false, in the learnt clause) follows from the clause's other literals through reasons.
    private mutating func redundant(_ p: Int32, _ abstract: UInt32) -> Bool {
        analyzeStack.removeAll(keepingCapacity: true)
        analyzeStack.append(p)
        let top = analyzeClear.count
        while let q = analyzeStack.popLast() {
            let c = Int(reason[Int(q >> 1)])
            let size = Int(arena[c])
            let lits = arena + c + SATSolver.header
            for k in 0..<size {
                let l = lits[k]
                let v = Int(l >> 1)
                if v == Int(q >> 1) { continue }
                if seen[v] == 0 && level[v] > 0 {
                    if reason[v] >= 0 && (abstractLevel(v) & abstract) != 0 {
                        seen[v] = 1
                        analyzeStack.append(l)
                        analyzeClear.append(l)
                    } else {
                        for j in top..<analyzeClear.count { seen[Int(analyzeClear[j] >> 1)] = 0 }
                        analyzeClear.removeLast(analyzeClear.count - top)
                        return false
                    }
                }
            }
        }
        return true
    }

    private mutating func bumpVariable(_ v: Int) {
        activity[v] += varInc
        if activity[v] > 1e100 {
            for i in 0..<variableCount { activity[i] *= 1e-100 }
            varInc *= 1e-100
        }
        if heapIndex[v] >= 0 { heapUp(Int(heapIndex[v])) }
    }

    private mutating func bumpClause(_ c: Int32) {
        let i = Int(c)
        guard arena[i + 1] & 1 != 0 else { return }
        let a = Float(bitPattern: UInt32(bitPattern: arena[i + 2])) + claInc
        arena[i + 2] = Int32(bitPattern: a.bitPattern)
        if a > 1e20 {
            for r in learnts {
                let x = Float(bitPattern: UInt32(bitPattern: arena[Int(r) + 2])) * 1e-20
                arena[Int(r) + 2] = Int32(bitPattern: x.bitPattern)
            }
            claInc *= 1e-20
        }
    }

    // MARK: heap of variables by activity

    private mutating func heapInsert(_ v: Int32) {
        heapIndex[Int(v)] = Int32(heapCount)
        heap[heapCount] = v
        heapCount += 1
        heapUp(heapCount - 1)
    }

    private mutating func heapUp(_ i0: Int) {
        var i = i0
        let v = heap[i]
        let av = activity[Int(v)]
        while i > 0 {
            let parent = (i - 1) >> 1
            if activity[Int(heap[parent])] >= av { break }
            heap[i] = heap[parent]; heapIndex[Int(heap[i])] = Int32(i)
            i = parent
        }
        heap[i] = v; heapIndex[Int(v)] = Int32(i)
    }

    private mutating func heapPop() -> Int32 {
        let top = heap[0]
        heapCount -= 1
        let last = heap[heapCount]
        heapIndex[Int(top)] = -1
        if heapCount > 0 {
            let al = activity[Int(last)]
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                if l >= heapCount { break }
                let child = r < heapCount && activity[Int(heap[r])] > activity[Int(heap[l])] ? r : l
                if activity[Int(heap[child])] <= al { break }
                heap[i] = heap[child]; heapIndex[Int(heap[i])] = Int32(i)
                i = child
            }
            heap[i] = last; heapIndex[Int(last)] = Int32(i)
        }
        return top
    }

    // MARK: clause database upkeep

    @inline(__always) private func isLocked(_ c: Int32) -> Bool {
        let first = arena[Int(c) + SATSolver.header]
        let v = Int(first >> 1)
        return value[Int(first)] == 1 && reason[v] == c
    }

    private mutating func markDeleted(_ c: Int32) {
        arena[Int(c) + 1] |= 2
        wasted += SATSolver.header + Int(arena[Int(c)])
    }

    /// Drops watchers of deleted clauses from every watch list.
    private mutating func sweepWatches() {
        for l in 0..<(2 * variableCount) {
            let list = watches + l
            guard let ws = list.pointee.data else { continue }
            var j = 0
            for i in 0..<Int(list.pointee.count) {
                let w = ws[i]
                let c = Int(w.cref < 0 ? ~w.cref : w.cref)
                if arena[c + 1] & 2 == 0 { ws[j] = w; j += 1 }
            }
            list.pointee.count = Int32(j)
        }
    }

    /// Deletes about half of the learnt clauses of LBD above 2, the least useful first.
    private mutating func reduceLearnts() {
        var candidates: [(lbd: Int32, activity: Float, ref: Int32)] = []
        var keep: [Int32] = []
        for r in learnts {
            let flags = arena[Int(r) + 1]
            if flags & 2 != 0 { continue }
            let lbd = flags >> 2
            if lbd <= 2 || arena[Int(r)] <= 2 || isLocked(r) { keep.append(r); continue }
            candidates.append((lbd, Float(bitPattern: UInt32(bitPattern: arena[Int(r) + 2])), r))
        }
        candidates.sort { $0.lbd != $1.lbd ? $0.lbd > $1.lbd : $0.activity < $1.activity }
        let half = candidates.count / 2
        for (k, c) in candidates.enumerated() {
            if k < half { markDeleted(c.ref) } else { keep.append(c.ref) }
        }
        learnts = keep
        sweepWatches()
        if wasted > arenaCount / 2 { collectGarbage() }
    }

    /// At level 0: deletes clauses satisfied by level-0 assignments.
    private mutating func simplify() {
        var c = 0
        while c < arenaCount {
            let size = Int(arena[c])
            if arena[c + 1] & 2 == 0 {
                for k in 0..<size where value[Int(arena[c + SATSolver.header + k])] == 1 {
                    // Reasons at level 0 are never needed in analysis; keep them anyway when locked.
                    if !isLocked(Int32(c)) { markDeleted(Int32(c)) }
                    break
                }
            }
            c += SATSolver.header + size
        }
        let arena = self.arena
        learnts.removeAll { arena[Int($0) + 1] & 2 != 0 }
        sweepWatches()
        if wasted > arenaCount / 4 { collectGarbage() }
        simplifiedAssigned = trailCount
        propagationsUntilSimplify = arenaCount
    }

    /// Compacts the arena, moving live clauses down and rewriting watchers, reasons and the learnt list.
    private mutating func collectGarbage() {
        let live = arenaCount - wasted
        let fresh = UnsafeMutablePointer<Int32>.allocate(capacity: max(live * 2, 1024))
        var c = 0, w = 0
        while c < arenaCount {
            let size = Int(arena[c])
            let total = SATSolver.header + size
            if arena[c + 1] & 2 == 0 {
                (fresh + w).update(from: arena + c, count: total)
                arena[c + 2] = Int32(w)  // forwarding address
                w += total
            }
            c += total
        }
        func forward(_ r: Int32) -> Int32 { arena[Int(r) + 2] }
        for l in 0..<(2 * variableCount) {
            let list = watches + l
            guard let ws = list.pointee.data else { continue }
            for i in 0..<Int(list.pointee.count) {
                let x = ws[i].cref
                ws[i].cref = x < 0 ? ~forward(~x) : forward(x)
            }
        }
        for i in 0..<trailCount {
            let v = Int(trail[i] >> 1)
            if reason[v] >= 0 {
                // A reason deleted by simplification (level 0) is no longer needed.
                reason[v] = arena[Int(reason[v]) + 1] & 2 != 0 ? -1 : forward(reason[v])
            }
        }
        learnts = learnts.map(forward)
        if let i = storage.buffers.firstIndex(of: UnsafeMutableRawPointer(arena)) {
            storage.buffers[i] = UnsafeMutableRawPointer(fresh)
        }
        arena.deallocate()
        arena = fresh
        arenaCount = w
        arenaCapacity = max(live * 2, 1024)
        wasted = 0
    }

    // MARK: search

    /// Searches for a model that makes every assumption true; `cancel` is polled every few hundred conflicts.
    mutating func solve(assumptions: [Int32] = [], cancel: (@Sendable () -> Bool)? = nil) -> Outcome {
        if inconsistent { return .unsatisfiable }
        cancelUntil(0)
        if propagate() >= 0 { inconsistent = true; return .unsatisfiable }
        if trailCount != simplifiedAssigned && propagationsUntilSimplify <= 0 { simplify() }
        while true {
            var local = 0
            while true {
                let confl = propagate()
                if confl >= 0 {
                    conflicts += 1; local += 1
                    if trailLimits.isEmpty { inconsistent = true; return .unsatisfiable }
                    if let cancel, conflicts % 256 == 0, cancel() { cancelUntil(0); return .cancelled }
                    let (learnt, back, lbd) = analyze(confl)
                    // Glucose-style restarts: when recent learnt clauses are clearly worse (higher LBD) than the long-run
                    // average, the current branch is unpromising.
                    lbdCount += 1
                    let x = Double(lbd)
                    fastLBD += (x - fastLBD) * max(1.0 / 32, 1 / Double(lbdCount))
                    slowLBD += (x - slowLBD) * max(1.0 / 4096, 1 / Double(lbdCount))
                    cancelUntil(back)
                    if learnt.count == 1 {
                        enqueue(learnt[0], reason: -1)
                    } else {
                        let c = attach(learnt, learnt: true, lbd: lbd)
                        bumpClause(c)
                        enqueue(learnt[0], reason: c)
                    }
                    varInc /= 0.95
                    claInc /= 0.999
                    continue
                }
                if local >= 50 && fastLBD > 1.25 * slowLBD {
                    // Restart above the assumptions: they hold for the whole call, so there is no need to decide
                    // and propagate thousands of them again.
                    cancelUntil(min(trailLimits.count, assumptions.count))
                    break
                }
                if conflicts >= nextReduce {
                    nextReduce = conflicts + 2000 + 300 * (learnts.count / 2000)
                    reduceLearnts()
                }
                var next: Int32 = -1
                while trailLimits.count < assumptions.count {
                    let a = assumptions[trailLimits.count]
                    let v = value[Int(a)]
                    if v == 1 {
                        trailLimits.append(trailCount)
                    } else if v == -1 {
                        cancelUntil(0); return .unsatisfiable
                    } else {
                        next = a; break
                    }
                }
                if next < 0 {
                    while heapCount > 0 {
                        let v = heapPop()
                        if value[2 * Int(v)] == 0 { next = SATSolver.lit(Int(v), phase[Int(v)] != 0); break }
                    }
                    if next < 0 {
                        model = (0..<variableCount).map { value[2 * $0] == 1 }
                        cancelUntil(0)
                        return .satisfiable
                    }
                }
                trailLimits.append(trailCount)
                enqueue(next, reason: -1)
            }
        }
    }
}
