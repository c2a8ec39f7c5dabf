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
    /// Attacks by sets of two or more arguments (a SETAF, Nielsen & Parsons 2006), which hold only when every member
    /// is accepted; empty for a Dung framework. Attacks by one argument are in `attackers`/`attacked` only.
    public let collectiveAttacks: [CollectiveAttack]

    /// Creates a framework of `count` arguments; attacks outside `0..<count` are ignored, duplicates merged.
    public init(count: Int, attacks: [(Int32, Int32)]) {
        self.init(count: count, attacks: attacks, auxiliaryNames: [], claimCount: count)
    }

    package init(count: Int, attacks: [(Int32, Int32)], auxiliaryNames: [String?], claimCount: Int) {
        var sources: [Int32] = [], targets: [Int32] = []
        sources.reserveCapacity(attacks.count); targets.reserveCapacity(attacks.count)
        for (a, b) in attacks { sources.append(a); targets.append(b) }
        self.init(
            count: count, sources: consume sources, targets: targets, auxiliaryNames: auxiliaryNames,
            claimCount: claimCount)
    }

    /// Builds both tables from in-range pairs strictly increasing by (source, target), as ICCMA files usually list
    /// them: the attacked table is the input itself; a stable counting sort by target gives the attackers table.
    /// Otherwise as ``init(count:sources:targets:auxiliaryNames:claimCount:)``; `degrees`, counted by the caller as it
    /// made the pairs, are each argument's attacks both ways, and the attackers table is written in `sources`, which
    /// must be on 2 MB pages, as the i23 parser's are (``compressedTables(count:sources:targets:degrees:writeInSources:)``).
    package init(
        count: Int, sources: consuming [Int32], targets: [Int32], strictlySorted: Bool,
        degrees: consuming (outgoing: [Int32], incoming: [Int32])? = nil
    ) {
        guard strictlySorted else {
            let (attackers, attacked) = AttackFramework.compressedTables(
                count: count, sources: consume sources, targets: targets, degrees: consume degrees,
                writeInSources: true)
            self.init(count: count, attackers: attackers, attacked: attacked)
            return
        }
        let m = sources.count
        var outOffsets: [Int32], inOffsets: [Int32]
        let counted = degrees != nil
        if let degrees = consume degrees {
            (outOffsets, inOffsets) = degrees
        } else {
            outOffsets = [Int32](repeating: 0, count: count + 1)
            inOffsets = [Int32](repeating: 0, count: count + 1)
        }
        let attackers = sources.withUnsafeBufferPointer { s in
            targets.withUnsafeBufferPointer { t in
                outOffsets.withUnsafeMutableBufferPointer { out in
                    inOffsets.withUnsafeMutableBufferPointer { inn in
                        if !counted { for i in 0..<m { out[Int(s[i]) &+ 1] &+= 1; inn[Int(t[i]) &+ 1] &+= 1 } }
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
        self.init(
            count: count, attackers: Adjacency(offsets: inOffsets, entries: attackers),
            attacked: Adjacency(offsets: outOffsets, entries: targets))
    }

    /// Builds both CSR tables in O(arguments + attacks) by counting and placing (``compressedTables(count:sources:targets:)``),
    /// dropping out-of-range pairs and duplicates.
    package init(
        count: Int, sources: consuming [Int32], targets: [Int32], auxiliaryNames: [String?] = [],
        claimCount: Int? = nil
    ) {
        let (attackers, attacked) = AttackFramework.compressedTables(
            count: count, sources: consume sources, targets: targets)
        self.init(
            count: count, attackers: attackers, attacked: attacked, auxiliaryNames: auxiliaryNames,
            claimCount: claimCount ?? count)
    }

    private init(
        count: Int, attackers: Adjacency, attacked: Adjacency, auxiliaryNames: [String?] = [], claimCount: Int? = nil,
        collectiveAttacks: [CollectiveAttack] = []
    ) {
        self.count = count
        self.attackers = attackers
        self.attacked = attacked
        self.auxiliaryNames = auxiliaryNames
        self.claimCount = claimCount ?? count
        self.collectiveAttacks = collectiveAttacks
    }

    /// Creates a framework with collective attacks (a SETAF): `attacks` by one argument and `collective` attacks by
    /// sets. Members outside `0..<count` drop the attack; repeated members are merged; a set of one member becomes an
    /// attack by that argument; repeated sets are merged.
    public init(count: Int, attacks: [(Int32, Int32)], collective: [CollectiveAttack]) {
        self.init(count: count, attacks: attacks, collective: collective, auxiliaryNames: [], claimCount: count)
    }

    package init(
        count: Int, attacks: [(Int32, Int32)], collective: [CollectiveAttack], auxiliaryNames: [String?],
        claimCount: Int
    ) {
        var binary = attacks
        var sets = Set<CollectiveAttack>()
        for c in collective {
            let members = Array(Set(c.attackers)).sorted()
            guard c.target >= 0, Int(c.target) < count, !members.isEmpty,
                members.allSatisfy({ $0 >= 0 && Int($0) < count })
            else { continue }
            if members.count == 1 {
                binary.append((members[0], c.target))
            } else {
                sets.insert(CollectiveAttack(attackers: members, target: c.target))
            }
        }
        let base = AttackFramework(
            count: count, attacks: binary, auxiliaryNames: auxiliaryNames, claimCount: claimCount)
        self.init(
            count: count, attackers: base.attackers, attacked: base.attacked, auxiliaryNames: auxiliaryNames,
            claimCount: claimCount,
            collectiveAttacks: sets.sorted {
                $0.target != $1.target ? $0.target < $1.target : $0.attackers.lexicographicallyPrecedes($1.attackers)
            })
    }

    /// The Dung framework where each member of a collective attack attacks its target alone: what a format without
    /// attacks by sets (ICCMA) can hold. It is a different framework, with different extensions in general.
    public func splittingCollectiveAttacks() -> AttackFramework {
        var pairs = attacks
        for c in collectiveAttacks { for m in c.attackers { pairs.append((m, c.target)) } }
        return AttackFramework(count: count, attacks: pairs, auxiliaryNames: auxiliaryNames, claimCount: claimCount)
    }

    /// Whether some attack is by a set of two or more arguments.
    public var hasCollectiveAttacks: Bool { !collectiveAttacks.isEmpty }

    /// The number of attacks by one argument (collective attacks are counted by `collectiveAttacks.count`).
    public var attackCount: Int { attackers.entries.count }

    /// All attacks as (attacker, attacked) pairs, ordered by attacker then attacked.
    public var attacks: [(Int32, Int32)] {
        var out: [(Int32, Int32)] = []
        out.reserveCapacity(attackCount)
        for a in 0..<count { for b in attacked[a] { out.append((Int32(a), b)) } }
        return out
    }

    /// Whether `a` attacks `b` on its own.
    public func attacks(_ a: Int, _ b: Int) -> Bool {
        attacked[a].contains(Int32(b))
    }

    /// For each argument, the indices of the collective attacks on it (`byTarget`) and of those it is a member of
    /// (`byMember`); built on demand, so frameworks without collective attacks pay nothing.
    package func collectiveIndex() -> (byTarget: Adjacency, byMember: Adjacency) {
        let c = collectiveAttacks
        let byTarget = Adjacency(count: count, pairs: c.indices.map { (node: c[$0].target, entry: Int32($0)) })
        var members: [(node: Int32, entry: Int32)] = []
        for (k, a) in c.enumerated() { for m in a.attackers { members.append((m, Int32(k))) } }
        return (byTarget, Adjacency(count: count, pairs: members))
    }
}

/// An attack by a set of arguments on one argument: it holds only when every member is accepted.
public struct CollectiveAttack: Sendable, Hashable {
    /// The attacking arguments (after ``AttackFramework`` normalises them: sorted, distinct, at least two).
    public var attackers: [Int32]
    /// The attacked argument.
    public var target: Int32

    /// Creates a collective attack.
    public init(attackers: [Int32], target: Int32) {
        self.attackers = attackers
        self.target = target
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
