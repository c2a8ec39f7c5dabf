import ArgumentGraphModel

/// Every cross-actor attack, grouped by pair of actors, with both sides' quotes.
///
/// A **cross-actor attack** is an attack relation `s -> t` on a claim together with an actor X who
/// asserts `s` and a different actor Y who asserts `t`. For a linked attack (`s1 + s2 -> t`, premises that attack
/// only together), X asserts every premise: an actor who asserts only some holds no argument. When several actors hold `s` or `t`, the relation
/// appears once for each such pair (X, Y). Undercuts are not listed here (see ``Comparison``).
/// A pair's **contradictions** are the claims one of the two asserts and the other denies.
public enum Conflicts {
    /// One attack between two actors.
    public struct Attack: Sendable, Hashable {
        /// The attack relation's index.
        public let relation: Int
        /// The actor who holds the attacking claim.
        public let attacker: Int
        /// The attacking claim (a linked attack's first premise).
        public let attackingClaim: Int
        /// Every premise of the attack, `attackingClaim` first (one claim unless the attack is linked).
        public let attackingClaims: [Int]
        /// The actor who holds the attacked claim.
        public let defender: Int
        /// The attacked claim.
        public let attackedClaim: Int
        /// The attacker's quotes for the attacking claim (for a linked attack, for each premise in turn).
        public let attackerQuotes: [Quote]
        /// The defender's quotes for the attacked claim.
        public let defenderQuotes: [Quote]
    }

    /// The conflicts between one pair of actors.
    public struct Pair: Sendable, Hashable {
        /// The actor with the lower index.
        public let first: Int
        /// The actor with the higher index.
        public let second: Int
        /// The attacks in either direction, by relation index.
        public let attacks: [Attack]
        /// Claims one of them asserts and the other denies, ascending.
        public let contradictions: [Int]
    }

    /// Every pair of actors in conflict (attacks or contradictions), most attacks first, then by actor index.
    /// With `actor`, only the pairs that include that actor.
    public static func pairs(in graph: Graph, actor: Int? = nil) -> [Pair] {
        var attacks: [PairKey: [Attack]] = [:]
        for (r, rel) in graph.relations.enumerated() where rel.kind == .attack {
            guard let t = rel.targetClaim else { continue }
            let premises = rel.premises
            let xs = graph.holders(ofPremisesOf: r).sorted(), ys = graph.holders(of: t).sorted()
            for x in xs {
                for y in ys where x != y {
                    if let actor, actor != x, actor != y { continue }
                    let a = Attack(
                        relation: r, attacker: x, attackingClaim: rel.source, attackingClaims: premises, defender: y,
                        attackedClaim: t, attackerQuotes: premises.flatMap { quotes(graph, actor: x, claim: $0) },
                        defenderQuotes: quotes(graph, actor: y, claim: t))
                    attacks[PairKey(x, y), default: []].append(a)
                }
            }
        }
        var contradictions: [PairKey: [Int]] = [:]
        for c in graph.claims.indices {
            var asserters = Set<Int>(), deniers = Set<Int>()
            for s in graph.stances(onClaim: c) {
                if s.kind == .asserts { asserters.insert(s.actor) } else { deniers.insert(s.actor) }
            }
            for x in asserters.sorted() {
                for y in deniers.sorted() where x != y {
                    if let actor, actor != x, actor != y { continue }
                    contradictions[PairKey(x, y), default: []].append(c)
                }
            }
        }
        let keys = Set(attacks.keys).union(contradictions.keys)
        var out = keys.map { k in
            Pair(
                first: k.a, second: k.b, attacks: attacks[k] ?? [],
                contradictions: Array(Set(contradictions[k] ?? [])).sorted())
        }
        out.sort { ($1.attacks.count, $0.first, $0.second) < ($0.attacks.count, $1.first, $1.second) }
        return out
    }

    /// The attacks between two given actors, in either direction, by relation index.
    public static func attacks(between a: Int, and b: Int, in graph: Graph) -> [Attack] {
        pairs(in: graph, actor: a).first { Set([$0.first, $0.second]) == Set([a, b]) }?.attacks ?? []
    }

    /// The quotes of an actor's assertions of a claim.
    static func quotes(_ graph: Graph, actor: Int, claim: Int) -> [Quote] {
        graph.stances(onClaim: claim).filter { $0.actor == actor && $0.kind == .asserts }.flatMap(\.quotes)
    }

    private struct PairKey: Hashable {
        let a: Int, b: Int
        init(_ x: Int, _ y: Int) { a = min(x, y); b = max(x, y) }
    }
}
