/// A Dung abstract argumentation framework: arguments `0..<count` and an attack relation, stored both ways as CSR.
///
/// Build one from raw pairs (ICCMA files, tests) or from a ``Graph`` with ``init(_:options:)``, which maps claim `i`
/// to argument `i` and appends auxiliary arguments for undercuts (see `docs/scoring.md`).
public struct AttackFramework: Sendable {
    /// The number of arguments.
    public let count: Int
    /// For each argument, the arguments that attack it (sorted, without duplicates).
    public let attackers: Adjacency
    /// For each argument, the arguments it attacks (sorted, without duplicates).
    public let attacked: Adjacency
    /// A name per argument for auxiliary arguments (nil for plain ones); empty when there are none.
    public let auxiliaryNames: [String?]
    /// How many arguments stand for claims of a graph (the rest are auxiliary); equals `count` for raw frameworks.
    public let claimCount: Int

    /// Creates a framework of `count` arguments; attacks outside `0..<count` are ignored, duplicates merged.
    public init(count: Int, attacks: [(Int32, Int32)]) {
        self.init(count: count, attacks: attacks, auxiliaryNames: [], claimCount: count)
    }

    init(count: Int, attacks: [(Int32, Int32)], auxiliaryNames: [String?], claimCount: Int) {
        var sources: [Int32] = [], targets: [Int32] = []
        sources.reserveCapacity(attacks.count); targets.reserveCapacity(attacks.count)
        for (a, b) in attacks { sources.append(a); targets.append(b) }
        self.init(count: count, sources: sources, targets: targets, auxiliaryNames: auxiliaryNames, claimCount: claimCount)
    }

    /// Builds both CSR tables by counting sort in O(arguments + attacks), dropping out-of-range pairs and duplicates.
    init(count: Int, sources: [Int32], targets: [Int32], auxiliaryNames: [String?] = [], claimCount: Int? = nil) {
        self.count = count
        self.auxiliaryNames = auxiliaryNames
        self.claimCount = claimCount ?? count
        let n = Int32(count)
        var offsets = [Int32](repeating: 0, count: count + 1)
        for i in sources.indices {
            let a = sources[i], b = targets[i]
            if a >= 0 && a < n && b >= 0 && b < n { offsets[Int(b) + 1] += 1 }
        }
        for i in 0..<count { offsets[i + 1] += offsets[i] }
        var fill = offsets
        var entries = [Int32](repeating: 0, count: Int(offsets[count]))
        for i in sources.indices {
            let a = sources[i], b = targets[i]
            if a >= 0 && a < n && b >= 0 && b < n { entries[Int(fill[Int(b)])] = a; fill[Int(b)] += 1 }
        }
        // Sort each run (runs are short) and drop duplicates, compacting in place.
        var write = 0
        var newOffsets = [Int32](repeating: 0, count: count + 1)
        for b in 0..<count {
            let lo = Int(offsets[b]), hi = Int(offsets[b + 1])
            if hi - lo > 1 { entries[lo..<hi].sort() }
            var last: Int32 = -1
            for k in lo..<hi where entries[k] != last { last = entries[k]; entries[write] = last; write += 1 }
            newOffsets[b + 1] = Int32(write)
        }
        entries.removeLast(entries.count - write)
        attackers = Adjacency(offsets: newOffsets, entries: entries)
        // The reverse table: walking targets in order leaves each source's run sorted.
        var outOffsets = [Int32](repeating: 0, count: count + 1)
        for a in entries { outOffsets[Int(a) + 1] += 1 }
        for i in 0..<count { outOffsets[i + 1] += outOffsets[i] }
        var outFill = outOffsets
        var outEntries = [Int32](repeating: 0, count: entries.count)
        for b in 0..<count {
            for k in Int(newOffsets[b])..<Int(newOffsets[b + 1]) {
                let a = Int(entries[k])
                outEntries[Int(outFill[a])] = Int32(b); outFill[a] += 1
            }
        }
        attacked = Adjacency(offsets: outOffsets, entries: outEntries)
    }

    /// The number of attacks.
    public var attackCount: Int { attackers.entries.count }

    /// All attacks as (attacker, attacked) pairs, ordered by attacker then attacked.
    public var attacks: [(Int32, Int32)] {
        var out: [(Int32, Int32)] = []
        out.reserveCapacity(attackCount)
        for a in 0..<count { for b in attacked[a] { out.append((Int32(a), b)) } }
        return out
    }

    /// Whether `a` attacks `b`.
    public func attacks(_ a: Int, _ b: Int) -> Bool {
        attacked[a].contains(Int32(b))
    }
}

/// How supports of a bipolar graph become attacks before extension semantics run (Cayrol & Lagasquie-Schiex 2005).
public enum BipolarMapping: String, Sendable, CaseIterable {
    /// Supports are ignored: only direct attacks count.
    case none
    /// Adds supported attacks: `a` supports … supports `b`, `b` attacks `c` ⇒ `a` attacks `c`.
    case supported
    /// Adds secondary attacks: `a` attacks `b`, `b` supports … supports `c` ⇒ `a` attacks `c`.
    case secondary
    /// Adds both supported and secondary attacks.
    case both
}

/// Options for turning a ``Graph`` into an ``AttackFramework``.
public struct FrameworkOptions: Sendable {
    /// How supports become derived attacks.
    public var bipolar: BipolarMapping
    /// Relations with a weight below this are left out (0 keeps all).
    public var minimumWeight: Double

    /// Creates options; by default supports are ignored and every relation counts.
    public init(bipolar: BipolarMapping = .none, minimumWeight: Double = 0) {
        self.bipolar = bipolar
        self.minimumWeight = minimumWeight
    }
}

extension Adjacency {
    /// Wraps ready-made CSR arrays (`offsets.count == count + 1`, runs in `entries`).
    init(offsets: [Int32], entries: [Int32]) {
        self.offsets = offsets
        self.entries = entries
    }
}
