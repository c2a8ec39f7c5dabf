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

    package init(count: Int, attacks: [(Int32, Int32)], auxiliaryNames: [String?], claimCount: Int) {
        var sources: [Int32] = [], targets: [Int32] = []
        sources.reserveCapacity(attacks.count); targets.reserveCapacity(attacks.count)
        for (a, b) in attacks { sources.append(a); targets.append(b) }
        self.init(count: count, sources: sources, targets: targets, auxiliaryNames: auxiliaryNames, claimCount: claimCount)
    }

    /// Builds both tables from in-range pairs strictly increasing by (source, target), as ICCMA files usually list
    /// them: the attacked table is the input itself; a stable counting sort by target gives the attackers table.
    package init(count: Int, sources: [Int32], targets: [Int32], strictlySorted: Bool) {
        guard strictlySorted else { self.init(count: count, sources: sources, targets: targets); return }
        let m = sources.count
        var outOffsets = [Int32](repeating: 0, count: count + 1)
        var inOffsets = [Int32](repeating: 0, count: count + 1)
        let attackers = sources.withUnsafeBufferPointer { s in
            targets.withUnsafeBufferPointer { t in
                outOffsets.withUnsafeMutableBufferPointer { out in
                    inOffsets.withUnsafeMutableBufferPointer { inn in
                        for i in 0..<m { out[Int(s[i]) &+ 1] &+= 1; inn[Int(t[i]) &+ 1] &+= 1 }
                        for v in 0..<count { out[v &+ 1] &+= out[v]; inn[v &+ 1] &+= inn[v] }
                        // Attackers in order of source within each target, since the pairs come by source.
                        let fill = UnsafeMutablePointer<Int32>.allocate(capacity: max(count, 1))
                        defer { fill.deallocate() }
                        fill.initialize(from: inn.baseAddress!, count: count)
                        return [Int32](unsafeUninitializedCapacity: m) { e, initialized in
                            for i in 0..<m {
                                let b = Int(t[i])
                                let slot = Int(fill[b])
                                e[slot] = s[i]
                                fill[b] = Int32(truncatingIfNeeded: slot &+ 1)
                            }
                            initialized = m
                        }
                    }
                }
            }
        }
        self.init(count: count, attackers: Adjacency(offsets: inOffsets, entries: attackers),
                  attacked: Adjacency(offsets: outOffsets, entries: targets))
    }

    /// Builds both CSR tables with stable LSD radix sorts (11-bit digits, streaming writes) in O(arguments + attacks),
    /// dropping out-of-range pairs and duplicates.
    package init(count: Int, sources: [Int32], targets: [Int32], auxiliaryNames: [String?] = [], claimCount: Int? = nil) {
        let n = Int32(count)
        var s: [Int32] = [], t: [Int32] = []
        s.reserveCapacity(sources.count); t.reserveCapacity(sources.count)
        for i in 0..<min(sources.count, targets.count) {
            let a = sources[i], b = targets[i]
            if a >= 0 && a < n && b >= 0 && b < n { s.append(a); t.append(b) }
        }
        AttackFramework.radixSort(keys: &s, values: &t, count: count)   // by source
        AttackFramework.radixSort(keys: &t, values: &s, count: count)   // by (target, source)
        // Drop duplicates (now adjacent).
        var w = 0
        for i in 0..<t.count where i == 0 || t[i] != t[w - 1] || s[i] != s[w - 1] { t[w] = t[i]; s[w] = s[i]; w += 1 }
        t.removeLast(t.count - w); s.removeLast(s.count - w)
        let attackers = AttackFramework.table(count: count, keys: t, values: s)
        AttackFramework.radixSort(keys: &s, values: &t, count: count)   // by (source, target)
        self.init(count: count, attackers: attackers, attacked: AttackFramework.table(count: count, keys: s, values: t),
                  auxiliaryNames: auxiliaryNames, claimCount: claimCount ?? count)
    }

    private init(count: Int, attackers: Adjacency, attacked: Adjacency, auxiliaryNames: [String?] = [], claimCount: Int? = nil) {
        self.count = count
        self.attackers = attackers
        self.attacked = attacked
        self.auxiliaryNames = auxiliaryNames
        self.claimCount = claimCount ?? count
    }

    /// The CSR table of pairs already sorted by key.
    static func table(count: Int, keys: [Int32], values: [Int32]) -> Adjacency {
        var offsets = [Int32](repeating: 0, count: count + 1)
        offsets.withUnsafeMutableBufferPointer { off in
            keys.withUnsafeBufferPointer { k in
                var i = 0
                for node in 0..<count {
                    while i < k.count && Int(k[i]) == node { i += 1 }
                    off[node + 1] = Int32(i)
                }
            }
        }
        return Adjacency(offsets: offsets, entries: values)
    }

    /// Stable LSD radix sort of (key, value) pairs by key, keys in `0..<count`: pairs packed into 64-bit words,
    /// 8-bit digits (256 write streams, friendly to caches and TLB).
    static func radixSort(keys: inout [Int32], values: inout [Int32], count: Int) {
        let m = keys.count
        guard m > 1 else { return }
        let bits = max(1, Int.bitWidth - max(count - 1, 1).leadingZeroBitCount)
        var packed = [UInt64](repeating: 0, count: m)
        var tmp = [UInt64](repeating: 0, count: m)
        keys.withUnsafeBufferPointer { k in
            values.withUnsafeBufferPointer { v in
                packed.withUnsafeMutableBufferPointer { p in
                    for i in 0..<m { p[i] = UInt64(UInt32(bitPattern: k[i])) << 32 | UInt64(UInt32(bitPattern: v[i])) }
                }
            }
        }
        var histogram = [Int](repeating: 0, count: 256)
        var shift = 32
        while shift < 32 + bits {
            let sh = UInt64(shift)
            packed.withUnsafeBufferPointer { src in
                tmp.withUnsafeMutableBufferPointer { dst in
                    histogram.withUnsafeMutableBufferPointer { h in
                        for i in 0..<256 { h[i] = 0 }
                        for x in src { h[Int((x >> sh) & 0xFF)] += 1 }
                        var sum = 0
                        for i in 0..<256 { let c = h[i]; h[i] = sum; sum += c }
                        for x in src {
                            let d = Int((x >> sh) & 0xFF)
                            dst[h[d]] = x; h[d] += 1
                        }
                    }
                }
            }
            swap(&packed, &tmp)
            shift += 8
        }
        packed.withUnsafeBufferPointer { p in
            keys.withUnsafeMutableBufferPointer { k in
                values.withUnsafeMutableBufferPointer { v in
                    for i in 0..<m { k[i] = Int32(bitPattern: UInt32(p[i] >> 32)); v[i] = Int32(bitPattern: UInt32(p[i] & 0xFFFF_FFFF)) }
                }
            }
        }
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
    package init(offsets: [Int32], entries: [Int32]) {
        self.offsets = offsets
        self.entries = entries
    }
}
