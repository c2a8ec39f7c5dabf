import ArgumentGraphModel

/// Generates reproducible random graphs for tests and benchmarks.
public struct GraphGenerator: Sendable {
    /// What to generate.
    public struct Options: Sendable {
        /// How many claims.
        public var claims = 20
        /// How many relations (supports and attacks), at most.
        public var relations = 30
        /// The share of relations that are attacks, in [0, 1].
        public var attackShare = 0.4
        /// How many actors.
        public var actors = 4
        /// How many documents.
        public var documents = 3
        /// How many undercuts (attacks on relations), at most.
        public var undercuts = 2
        /// Whether texts include hard characters: quotes, `#`, `:`, backslashes, non-ASCII, line breaks.
        public var awkwardText = true
        /// Whether relations only go from higher to lower claim index (an acyclic graph).
        public var acyclic = false
        /// The share of relations (and undercuts) given one or two further premises (linked relations), in [0, 1];
        /// at 0 no random number is drawn for it, so graphs of a seed stay as they were.
        public var linkedShare = 0.0

        /// Default options: a small, mixed graph.
        public init() {}
    }

    /// The options.
    public var options: Options

    /// Creates a generator.
    public init(_ options: Options = Options()) { self.options = options }

    /// A graph drawn from the seed; the same seed gives the same graph.
    public func generate(seed: UInt64) -> Graph {
        var rng = SplitMix64(seed: seed)
        let o = options
        var documents: [Document] = []
        for i in 0..<o.documents {
            documents.append(
                Document(
                    id: "doc-\(i)", title: text(&rng, words: 4),
                    publisher: Bool.random(using: &rng) ? text(&rng, words: 2) : nil,
                    date: PartialDate(
                        year: 1990 + Int.random(in: 0...30, using: &rng),
                        month: Bool.random(using: &rng) ? Int.random(in: 1...12, using: &rng) : nil),
                    url: Bool.random(using: &rng) ? "https://example.org/\(i)?q=a&b=c" : nil,
                    file: Bool.random(using: &rng) ? "doc-\(i).txt" : nil))
        }
        var actors: [Actor] = []
        for i in 0..<o.actors {
            actors.append(
                Actor(
                    id: "actor-\(i)", name: Bool.random(using: &rng) ? text(&rng, words: 2) : nil,
                    kind: ActorKind.allCases.randomElement(using: &rng)!,
                    affiliation: Bool.random(using: &rng) ? text(&rng, words: 2) : nil,
                    role: Bool.random(using: &rng) ? text(&rng, words: 1) : nil,
                    credibility: Bool.random(using: &rng) ? Double(Int.random(in: 0...100, using: &rng)) / 100 : nil))
        }
        var claims: [Claim] = []
        let tagPool = ["china", "nuclear", "article-9", "trade", "bases", "un.reform", "jsdf_role"]
        for i in 0..<o.claims {
            var tags: [String] = []
            for t in tagPool where Int.random(in: 0..<5, using: &rng) == 0 { tags.append(t) }
            claims.append(
                Claim(
                    id: "c\(i)", text: text(&rng, words: Int.random(in: 1...12, using: &rng)),
                    kind: ClaimKind.allCases.randomElement(using: &rng)!, tags: tags,
                    base: Int.random(in: 0..<4, using: &rng) == 0
                        ? Double(Int.random(in: 0...1000, using: &rng)) / 1000 : nil))
        }
        var stances: [Stance] = []
        if o.actors > 0 {
            for c in 0..<o.claims where Int.random(in: 0..<4, using: &rng) != 0 {
                let quotes = (0..<Int.random(in: 0...2, using: &rng)).map { _ in
                    Quote(
                        text(&rng, words: 5),
                        location: [nil, .lines(first: 3, last: 4), .characters(start: 10, end: 99)].randomElement(
                            using: &rng)!)
                }
                stances.append(
                    Stance(
                        actor: Int.random(in: 0..<o.actors, using: &rng), claim: c,
                        kind: Int.random(in: 0..<5, using: &rng) == 0 ? .denies : .asserts,
                        document: o.documents > 0 && Bool.random(using: &rng)
                            ? Int.random(in: 0..<o.documents, using: &rng) : nil,
                        quotes: quotes))
            }
        }
        var relations: [Relation] = []
        if o.claims > 1 {
            for r in 0..<o.relations {
                var a = Int.random(in: 0..<o.claims, using: &rng)
                var b = Int.random(in: 0..<o.claims, using: &rng)
                if a == b { continue }
                if o.acyclic, a < b { swap(&a, &b) }
                let isAttack = Double.random(in: 0..<1, using: &rng) < o.attackShare
                relations.append(
                    Relation(
                        id: Int.random(in: 0..<3, using: &rng) == 0 ? "r\(r)" : nil,
                        kind: isAttack ? .attack : .support, source: a, target: .claim(b),
                        weight: Bool.random(using: &rng) ? 1 : Double(Int.random(in: 0...100, using: &rng)) / 100,
                        actor: o.actors > 0 && Bool.random(using: &rng)
                            ? Int.random(in: 0..<o.actors, using: &rng) : nil,
                        note: Int.random(in: 0..<4, using: &rng) == 0 ? text(&rng, words: 3) : nil))
                relations[relations.count - 1].otherPremises = morePremises(&rng, first: a, avoiding: b)
            }
            let named = relations.indices.filter { relations[$0].id != nil }
            for _ in 0..<o.undercuts where !named.isEmpty {
                let t = named.randomElement(using: &rng)!
                let s = Int.random(in: 0..<o.claims, using: &rng)
                relations.append(Relation(kind: .attack, source: s, target: .relation(t)))
                relations[relations.count - 1].otherPremises = morePremises(&rng, first: s, avoiding: nil)
            }
        }
        return Graph(
            name: "random-\(seed)", title: text(&rng, words: 3),
            description: Bool.random(using: &rng) ? text(&rng, words: 8) : nil,
            documents: documents, actors: actors, claims: claims, stances: stances, relations: relations)
    }

    /// With probability `linkedShare`, one or two further premises, distinct from `first` and from the target claim.
    private func morePremises(_ rng: inout SplitMix64, first: Int, avoiding target: Int?) -> [Int] {
        guard options.linkedShare > 0, Double.random(in: 0..<1, using: &rng) < options.linkedShare else { return [] }
        var out: [Int] = []
        for _ in 0..<Int.random(in: 1...2, using: &rng) {
            let p = Int.random(in: 0..<options.claims, using: &rng)
            if p != first && p != target && !out.contains(p) { out.append(p) }
        }
        return out
    }

    private func text(_ rng: inout SplitMix64, words: Int) -> String {
        let plain = [
            "alliance", "deterrence", "China", "Japan", "forces", "the", "of", "policy", "global", "order", "treaty",
        ]
        let awkward = [
            "\"quoted\"", "it's", "#hash", "a:b", "back\\slash", "Tōkyō", "–", "emoji🙂", "{brace}", "<tag>", "|", "->",
            "%",
        ]
        var out: [String] = []
        for _ in 0..<max(1, words) {
            if options.awkwardText, Int.random(in: 0..<4, using: &rng) == 0 {
                out.append(awkward.randomElement(using: &rng)!)
            } else {
                out.append(plain.randomElement(using: &rng)!)
            }
        }
        var s = out.joined(separator: " ")
        if options.awkwardText, Int.random(in: 0..<10, using: &rng) == 0 {
            s += "\nsecond line\n  indented third"
        }
        return s
    }
}
