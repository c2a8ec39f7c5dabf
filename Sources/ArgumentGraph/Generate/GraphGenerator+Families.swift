import ArgumentGraphModel

/// Families of large reproducible graphs for benchmarks: random, scale-free, layered, chains, policy debates.
extension GraphGenerator {
    /// A family of generated graphs.
    public enum Family: String, Sendable, CaseIterable, CustomStringConvertible {
        /// Erdős–Rényi G(n, m): `relations` distinct relations drawn uniformly among ordered pairs.
        case random
        /// Preferential attachment (Barabási–Albert): each new claim relates to earlier ones in proportion to their degree.
        case scaleFree = "scale-free"
        /// Layers of claims; relations go only from a layer to the one below, so the graph is acyclic.
        case layered
        /// One long chain `c(i) -> c(i-1)`, then acyclic shortcuts `c(i) -> c(j)` with `j < i` if more relations are asked for.
        case chain
        /// A policy debate: many actors and documents, stances with quotes, tags, weights, notes and undercuts.
        case policy

        /// The family's name as typed on the command line.
        public var description: String { rawValue }

        /// The share of relations that are attacks when none is given.
        public var defaultAttackShare: Double {
            switch self {
            case .random, .scaleFree: 1
            case .layered: 0.4
            case .chain: 0
            case .policy: 0.35
            }
        }
    }

    /// What to generate in a family.
    public struct FamilyOptions: Sendable {
        /// The family.
        public var family: Family
        /// How many claims.
        public var claims: Int
        /// How many relations (the family may give slightly fewer when the graph has no room for more).
        public var relations: Int
        /// The share of relations that are attacks, in [0, 1]; nil for the family's default.
        public var attackShare: Double?

        /// Options for `claims` claims and `relations` relations of `family`.
        public init(family: Family, claims: Int, relations: Int, attackShare: Double? = nil) {
            self.family = family
            self.claims = claims
            self.relations = relations
            self.attackShare = attackShare
        }
    }

    /// A graph of the family drawn from the seed; the same options and seed give the same graph on every platform.
    public static func generate(_ options: FamilyOptions, seed: UInt64) -> Graph {
        var rng = SplitMix64(seed: seed ^ 0xA5A5_5A5A_0F0F_F0F0)
        let n = max(0, options.claims)
        let share = min(1, max(0, options.attackShare ?? options.family.defaultAttackShare))
        var edges = EdgeList(claims: n, attackShare: share)
        switch options.family {
        case .random: randomEdges(&edges, m: options.relations, rng: &rng)
        case .scaleFree: scaleFreeEdges(&edges, m: options.relations, rng: &rng)
        case .layered: layeredEdges(&edges, m: options.relations, rng: &rng)
        case .chain: chainEdges(&edges, m: options.relations, rng: &rng)
        case .policy: return policy(claims: n, relations: options.relations, attackShare: share, seed: seed, rng: &rng)
        }
        var claims: [Claim] = []
        claims.reserveCapacity(n)
        let kinds: [ClaimKind] = [.claim, .claim, .claim, .evidence, .proposal]
        for i in 0..<n {
            let text =
                options.family == .chain
                ? "Claim number \(i) in a long chain." : sentence(&rng, words: 5 + Int(rng.next() % 8))
            claims.append(Claim(id: "c\(i)", text: text, kind: kinds[Int(rng.next() % 5)]))
        }
        var relations: [Relation] = []
        relations.reserveCapacity(edges.sources.count)
        for k in edges.sources.indices {
            let attack = edges.isAttack(k, rng: &rng)
            relations.append(
                Relation(
                    kind: attack ? .attack : .support, source: Int(edges.sources[k]),
                    target: .claim(Int(edges.targets[k]))))
        }
        return Graph(
            name: "\(options.family)-\(n)-\(seed)", title: "Generated \(options.family) graph, seed \(seed)",
            claims: claims, relations: relations)
    }

    // MARK: Edges

    /// Relations as two arrays of claim indices, with a rule for which are attacks.
    struct EdgeList {
        let claims: Int
        let attackShare: Double
        var sources: [Int32] = []
        var targets: [Int32] = []

        init(claims: Int, attackShare: Double) {
            self.claims = claims
            self.attackShare = attackShare
        }

        mutating func append(_ a: Int, _ b: Int) {
            sources.append(Int32(a))
            targets.append(Int32(b))
        }

        func isAttack(_ k: Int, rng: inout SplitMix64) -> Bool {
            if attackShare >= 1 { return true }
            if attackShare <= 0 { return false }
            return Double(rng.next() >> 11) * 0x1p-53 < attackShare
        }
    }

    /// A uniform integer in `0..<n` (n > 0), by multiply-shift.
    static func below(_ n: Int, _ rng: inout SplitMix64) -> Int {
        Int((UInt128(rng.next()) * UInt128(n)) >> 64)
    }

    /// A set of 64-bit keys for drawing distinct pairs, with open addressing (no `Hashable` boxing).
    struct PairSet {
        private var slots: [UInt64]
        private var mask: Int

        init(capacity: Int) {
            var size = 16
            while size < capacity * 2 { size <<= 1 }
            slots = [UInt64](repeating: .max, count: size)
            mask = size - 1
        }

        /// Inserts `key` (not `UInt64.max`); false if it was there.
        mutating func insert(_ key: UInt64) -> Bool {
            var h = key &* 0x9E37_79B9_7F4A_7C15
            h ^= h >> 29
            var s = Int(truncatingIfNeeded: h) & mask
            while slots[s] != .max {
                if slots[s] == key { return false }
                s = (s + 1) & mask
            }
            slots[s] = key
            return true
        }
    }

    static func randomEdges(_ e: inout EdgeList, m: Int, rng: inout SplitMix64) {
        let n = e.claims
        guard n > 1 else { return }
        let m = min(m, n * (n - 1))
        var seen = PairSet(capacity: m)
        e.sources.reserveCapacity(m)
        e.targets.reserveCapacity(m)
        var tries = 0
        while e.sources.count < m, tries < 20 * m + 100 {
            tries += 1
            let a = below(n, &rng), b = below(n, &rng)
            if a == b || !seen.insert(UInt64(a) << 32 | UInt64(b)) { continue }
            e.append(a, b)
        }
    }

    static func scaleFreeEdges(_ e: inout EdgeList, m: Int, rng: inout SplitMix64) {
        let n = e.claims
        guard n > 1 else { return }
        let m = min(m, n * (n - 1) / 2)
        // Every endpoint of every relation so far, so that a uniform pick is a pick by degree.
        var ends: [Int32] = [0]
        ends.reserveCapacity(2 * m + 1)
        e.sources.reserveCapacity(m)
        e.targets.reserveCapacity(m)
        var picked: [Int] = []
        for i in 1..<n {
            // Spread the relations evenly: claim i gets its share of what is left.
            let left = m - e.sources.count
            guard left > 0 else { break }
            let k = min(i, max(1, (left + (n - i) - 1) / (n - i)))
            picked.removeAll(keepingCapacity: true)
            var tries = 0
            while picked.count < k, tries < 8 * k + 16 {
                tries += 1
                let t = Int(ends[below(ends.count, &rng)])
                if t != i, !picked.contains(t) { picked.append(t) }
            }
            for t in picked {
                // Orient at random, so that cycles occur as they do in debates.
                if rng.next() & 1 == 0 { e.append(i, t) } else { e.append(t, i) }
                ends.append(Int32(t))
                ends.append(Int32(i))
            }
            if picked.isEmpty { ends.append(Int32(i)) }
        }
    }

    static func layeredEdges(_ e: inout EdgeList, m: Int, rng: inout SplitMix64) {
        let n = e.claims
        guard n > 1 else { return }
        // About sqrt(n) / 4 layers, at least 2 and at most 64: deep enough to matter, wide enough to be dense.
        var layers = 2
        while layers < 64, layers * layers * 16 < n { layers += 1 }
        let width = (n + layers - 1) / layers
        let pairs = (layers - 1) * width * width
        let m = min(m, pairs)
        var seen = PairSet(capacity: m)
        e.sources.reserveCapacity(m)
        e.targets.reserveCapacity(m)
        var tries = 0
        while e.sources.count < m, tries < 20 * m + 100 {
            tries += 1
            // Layer l holds claims l*width ..< (l+1)*width; relations go from layer l+1 to layer l.
            let l = below(layers - 1, &rng)
            let a = (l + 1) * width + below(width, &rng), b = l * width + below(width, &rng)
            guard a < n, seen.insert(UInt64(a) << 32 | UInt64(b)) else { continue }
            e.append(a, b)
        }
    }

    static func chainEdges(_ e: inout EdgeList, m: Int, rng: inout SplitMix64) {
        let n = e.claims
        guard n > 1 else { return }
        let m = min(m, n * (n - 1) / 2)
        e.sources.reserveCapacity(m)
        e.targets.reserveCapacity(m)
        for i in 1..<n where e.sources.count < m { e.append(i, i - 1) }
        guard e.sources.count < m else { return }
        var seen = PairSet(capacity: m)
        for k in 0..<e.sources.count { _ = seen.insert(UInt64(e.sources[k]) << 32 | UInt64(e.targets[k])) }
        var tries = 0
        while e.sources.count < m, tries < 20 * m + 100 {
            tries += 1
            let a = 1 + below(n - 1, &rng), b = below(a, &rng)
            if seen.insert(UInt64(a) << 32 | UInt64(b)) { e.append(a, b) }
        }
    }

    // MARK: Policy debates

    static func policy(claims n: Int, relations m: Int, attackShare: Double, seed: UInt64, rng: inout SplitMix64)
        -> Graph
    {
        let actorCount = max(1, n / 20), documentCount = max(1, n / 100), tagCount = max(4, min(200, n / 50))
        let tags = (0..<tagCount).map { "topic-\($0)" }
        var documents: [Document] = []
        documents.reserveCapacity(documentCount)
        for i in 0..<documentCount {
            documents.append(
                Document(
                    id: "doc-\(i)", title: sentence(&rng, words: 6),
                    publisher: rng.next() % 2 == 0 ? publishers[below(publishers.count, &rng)] : nil,
                    date: PartialDate(
                        year: 1990 + below(35, &rng), month: rng.next() % 2 == 0 ? 1 + below(12, &rng) : nil),
                    url: rng.next() % 3 == 0 ? "https://example.org/doc-\(i)" : nil))
        }
        var actors: [Actor] = []
        actors.reserveCapacity(actorCount)
        for i in 0..<actorCount {
            let kind: ActorKind = i % 7 == 0 ? .institution : i % 11 == 0 ? .group : .person
            actors.append(
                Actor(
                    id: "actor-\(i)",
                    name: "\(givenNames[below(givenNames.count, &rng)]) \(surnames[below(surnames.count, &rng)])",
                    kind: kind, affiliation: rng.next() % 2 == 0 ? publishers[below(publishers.count, &rng)] : nil,
                    credibility: rng.next() % 3 == 0 ? Double(50 + below(51, &rng)) / 100 : nil))
        }
        var claims: [Claim] = []
        claims.reserveCapacity(n)
        let kinds: [ClaimKind] = [.claim, .claim, .evidence, .evidence, .proposal]
        for i in 0..<n {
            var t: [String] = []
            for _ in 0..<(1 + below(3, &rng)) {
                let tag = tags[below(tags.count, &rng)]
                if !t.contains(tag) { t.append(tag) }
            }
            claims.append(
                Claim(
                    id: "claim-\(i)", text: sentence(&rng, words: 8 + below(14, &rng)), kind: kinds[below(5, &rng)],
                    tags: t,
                    base: rng.next() % 10 == 0 ? Double(below(101, &rng)) / 100 : nil))
        }
        var stances: [Stance] = []
        stances.reserveCapacity(n * 3 / 2)
        for c in 0..<n {
            for _ in 0..<(1 + below(2, &rng)) {
                let quotes = (0..<below(3, &rng)).map { _ in
                    Quote(
                        sentence(&rng, words: 6 + below(10, &rng)),
                        location: rng.next() % 2 == 0
                            ? .lines(first: 1 + below(400, &rng), last: 401 + below(10, &rng)) : nil)
                }
                stances.append(
                    Stance(
                        actor: below(actorCount, &rng), claim: c, kind: rng.next() % 6 == 0 ? .denies : .asserts,
                        document: rng.next() % 4 != 0 ? below(documentCount, &rng) : nil, quotes: quotes))
            }
        }
        // Relations mostly between nearby claims (debates cluster by topic), some across the whole graph.
        var relations: [Relation] = []
        let undercuts = n > 1 ? m / 100 : 0
        let direct = max(0, m - undercuts)
        relations.reserveCapacity(m)
        var seen = PairSet(capacity: direct)
        var tries = 0
        while n > 1, relations.count < direct, tries < 20 * direct + 100 {
            tries += 1
            let a = below(n, &rng)
            let b = rng.next() % 4 == 0 ? below(n, &rng) : min(n - 1, max(0, a + below(41, &rng) - 20))
            guard a != b, seen.insert(UInt64(a) << 32 | UInt64(b)) else { continue }
            let attack = Double(rng.next() >> 11) * 0x1p-53 < attackShare
            let named = rng.next() % 20 == 0
            relations.append(
                Relation(
                    id: named ? "r\(relations.count)" : nil, kind: attack ? .attack : .support, source: a,
                    target: .claim(b),
                    weight: rng.next() % 3 == 0 ? Double(10 + below(90, &rng)) / 100 : 1,
                    actor: rng.next() % 4 == 0 ? below(actorCount, &rng) : nil,
                    note: rng.next() % 25 == 0 ? sentence(&rng, words: 5) : nil))
        }
        let named = relations.indices.filter { relations[$0].id != nil }
        if !named.isEmpty {
            for _ in 0..<undercuts {
                relations.append(
                    Relation(
                        kind: .attack, source: below(n, &rng), target: .relation(named[below(named.count, &rng)]),
                        weight: Double(20 + below(80, &rng)) / 100))
            }
        }
        return Graph(
            name: "policy-\(n)-\(seed)", title: "Generated policy debate, seed \(seed)",
            description: "A synthetic debate with \(actorCount) actors and \(documentCount) documents.",
            documents: documents, actors: actors, claims: claims, stances: stances, relations: relations)
    }

    // MARK: Words

    static func sentence(_ rng: inout SplitMix64, words: Int) -> String {
        var s = ""
        s.reserveCapacity(words * 8)
        for w in 0..<max(1, words) {
            let word = vocabulary[below(vocabulary.count, &rng)]
            if w == 0 {
                s += word.prefix(1).uppercased() + word.dropFirst()
            } else {
                s += " " + word
            }
        }
        return s + "."
    }

    static let vocabulary = [
        "the", "alliance", "deterrence", "treaty", "policy", "trade", "security", "forces", "bases", "regional",
        "order",
        "nuclear", "umbrella", "credible", "costs", "burden", "sharing", "economic", "growth", "tariffs", "reform",
        "evidence", "shows", "that", "will", "not", "should", "must", "increase", "reduce", "risk", "stability",
        "of", "and", "in", "a", "for", "with", "government", "public", "support", "opposes", "data", "since", "decade",
    ]
    static let publishers = [
        "Foreign Affairs", "The Diplomat", "Asahi Shimbun", "Brookings", "RAND", "CSIS", "Nikkei", "Reuters",
    ]
    static let givenNames = [
        "Aiko", "Ben", "Chen", "Dana", "Emi", "Felix", "Grace", "Hiro", "Ines", "Jun", "Kenji", "Lena",
    ]
    static let surnames = [
        "Abe", "Brown", "Cho", "Davis", "Endo", "Fischer", "Goto", "Hayashi", "Ito", "Jones", "Kato", "Lee",
    ]
}
