import ArgumentGraphModel

/// Attacks on a position's claims, and whether the position answers them.
///
/// **Outside attack**: an attack relation `s -> c` where the position asserts `c` and does not assert `s`
/// (whoever holds `s`, or nobody: an analyst's evidence counts too). A linked attack (`s1 + s2 -> c`) is one
/// attack, from outside unless the position asserts every premise; a reply to any one premise answers it, since
/// the premises attack only together.
///
/// **Answered**: the attack is answered when the position has at least one of these replies:
/// - *counter-attack*: a claim it asserts attacks `s`;
/// - *undercut*: a claim it asserts undercuts the attack relation itself;
/// - *defence*: another claim it asserts supports `c`;
/// - *rejection*: it denies `s`.
///
/// An attack with none of these is **unanswered**. Only explicit stances count (implied claims do not),
/// and dates are ignored: a reply in an earlier document still answers.
public enum Unanswered {
    /// The text shown by `help unanswered`.
    public static let definition = """
        An attack on one of the actor's claims comes from outside when the actor does not assert the \
        attacking claim. It is answered when the actor asserts a claim that attacks the attacker \
        (counter-attack), undercuts the attack (undercut), or supports the attacked claim (defence), \
        or when the actor denies the attacking claim (rejection). Otherwise it is unanswered.
        """

    /// How a position replies to an attack.
    public enum Answer: String, Sendable, Hashable, CaseIterable {
        /// One of its claims attacks the attacking claim.
        case counterAttack = "counter-attack"
        /// One of its claims undercuts the attack relation.
        case undercut
        /// Another of its claims supports the attacked claim.
        case defence
        /// It denies the attacking claim.
        case rejection
    }

    /// One outside attack on a position's claim, with the replies found.
    public struct Attack: Sendable, Hashable {
        /// The attack relation's index.
        public let relation: Int
        /// The attacking claim (a linked attack's first premise).
        public let attacker: Int
        /// Every premise of the attack, `attacker` first (one claim unless the attack is linked).
        public let attackers: [Int]
        /// The position's claim under attack.
        public let target: Int
        /// The actors who assert the attacking claim (every premise of a linked attack), by index, ascending.
        public let attackerHolders: [Int]
        /// The replies found, in the order counter-attacks, undercuts, defences, rejection.
        public let answers: [Reply]

        /// Whether nothing answers the attack.
        public var isUnanswered: Bool { answers.isEmpty }
    }

    /// A reply to an attack: its kind and the relation (or, for a rejection, the stance) that makes it.
    public struct Reply: Sendable, Hashable {
        /// The kind of reply.
        public let answer: Answer
        /// A relation index, or for a rejection a stance index.
        public let index: Int
    }

    /// Every outside attack on the position's asserted claims, answered or not, by target then relation.
    public static func attacks(on position: Position, in graph: Graph) -> [Attack] {
        var undercutsOf: [Int: [Int]] = [:]
        var result: [Attack] = []
        for c in position.asserted.sorted() {
            for r32 in graph.attacksTo[c] {
                let r = Int(r32)
                let rel = graph.relations[r]
                if rel.allPremises(position.asserted.contains) { continue }
                let premises = rel.premises
                var answers: [Reply] = []
                for s in premises {
                    for a in graph.attacksTo[s] where graph.relations[Int(a)].allPremises(position.asserted.contains) {
                        answers.append(Reply(answer: .counterAttack, index: Int(a)))
                    }
                }
                if undercutsOf[r] == nil {
                    undercutsOf[r] = graph.relationsTo[r].filter { graph.relations[Int($0)].kind == .attack }.map(
                        Int.init)
                }
                for u in undercutsOf[r] ?? [] where graph.relations[u].allPremises(position.asserted.contains) {
                    answers.append(Reply(answer: .undercut, index: u))
                }
                for sup in graph.supportsTo[c] {
                    let support = graph.relations[Int(sup)]
                    if !support.anyPremise({ $0 == c }) && support.allPremises(position.asserted.contains) {
                        answers.append(Reply(answer: .defence, index: Int(sup)))
                    }
                }
                for s in premises where position.denied.contains(s) {
                    guard let e = position.entry(for: s) else { continue }
                    for st in e.stances where graph.stances[st].kind == .denies {
                        answers.append(Reply(answer: .rejection, index: st)); break
                    }
                }
                result.append(
                    Attack(
                        relation: r, attacker: rel.source, attackers: premises, target: c,
                        attackerHolders: graph.holders(ofPremisesOf: r).sorted(), answers: answers))
            }
        }
        return result
    }

    /// The outside attacks on the position's claims that nothing answers.
    public static func unanswered(on position: Position, in graph: Graph) -> [Attack] {
        attacks(on: position, in: graph).filter(\.isUnanswered)
    }

    /// The unanswered attacks on one actor's claims.
    public static func unanswered(actor: Int, in graph: Graph) -> [Attack] {
        unanswered(on: Position(graph, actor: actor), in: graph)
    }
}
