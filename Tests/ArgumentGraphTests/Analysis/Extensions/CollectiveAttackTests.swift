import ArgumentGraph
import Testing

/// Extension semantics of frameworks with collective attacks (SETAFs, Nielsen & Parsons 2006): a worked example,
/// the mapping of linked graph relations, and every semantics against brute force on small random SETAFs.
@Suite struct CollectiveAttackTests {
    /// Arguments a, b, c: `{a, b}` attacks c together, c attacks a. Worked by hand: b is unattacked, so in; c's only
    /// attacking set is {a, b}, and a is attacked by c, so grounded leaves a and c undecided: grounded {b}.
    /// Complete: {b}, {a, b} (which attacks c, so defends a), {b, c} (which attacks a, so defends c).
    /// Preferred = stable = semi-stable: {a, b} and {b, c}; ideal: {b}. Read as two separate attacks a → c, b → c,
    /// grounded would be {a, b}.
    static let example = AttackFramework(
        count: 3, attacks: [(2, 0)], collective: [CollectiveAttack(attackers: [0, 1], target: 2)])

    static func inSets(_ s: ExtensionSemantics, _ af: AttackFramework) -> Set<[Int]> {
        Set(Extensions.enumerate(s, af, limit: 10_000).extensions.map { l in (0..<af.count).filter { l[$0] == .in } })
    }

    @Test func workedExample() {
        let af = Self.example
        #expect(af.hasCollectiveAttacks)
        #expect(Extensions.grounded(af) == [.undecided, .in, .undecided])
        #expect(Self.inSets(.complete, af) == [[1], [0, 1], [1, 2]])
        #expect(Self.inSets(.preferred, af) == [[0, 1], [1, 2]])
        #expect(Self.inSets(.stable, af) == [[0, 1], [1, 2]])
        #expect(Self.inSets(.semiStable, af) == [[0, 1], [1, 2]])
        #expect(Self.inSets(.ideal, af) == [[1]])
        #expect(Extensions.labelling(af, in: [0, 1]) == [.in, .in, .out])
        // The same attacks, one argument at a time (convergent, not linked).
        let convergent = AttackFramework(count: 3, attacks: [(2, 0), (0, 2), (1, 2)])
        #expect(Extensions.grounded(convergent) == [.in, .in, .out])
    }

    @Test func normalisesSets() {
        let af = AttackFramework(
            count: 3, attacks: [],
            collective: [
                CollectiveAttack(attackers: [1, 0, 1], target: 2), CollectiveAttack(attackers: [0, 1], target: 2),
                CollectiveAttack(attackers: [2], target: 0), CollectiveAttack(attackers: [0, 7], target: 1),
            ])
        #expect(af.collectiveAttacks == [CollectiveAttack(attackers: [0, 1], target: 2)])
        #expect(af.attacks(2, 0))
        #expect(af.attackCount == 1)
    }

    @Test func linkedGraphRelationsBecomeCollectiveAttacks() throws {
        let src = """
            claim a: A.
            claim b: B.
            claim c: C.
            claim d: D.
            attack r1: a + b -> c
            attack c -> a
            undercut d + c -> r1
            """
        let g = try ArgReader.read(src).graph
        let af = AttackFramework(g)
        // r1 is undercut: {a, b} → X, X → Y, Y → c, and {d, c} → Y.
        #expect(af.count == 6)
        #expect(
            Set(af.collectiveAttacks) == [
                CollectiveAttack(attackers: [0, 1], target: 4),
                CollectiveAttack(attackers: [2, 3], target: 5),
            ])
        // d and b are unattacked; the rest as in the worked example, with r1's Y in between.
        let grounded = Extensions.grounded(af)
        #expect(grounded[1] == .in && grounded[3] == .in)
        let preferred = Self.inSets(.preferred, af).map { Set($0.filter { $0 < 4 }) }
        #expect(Set(preferred) == [[0, 1, 3], [1, 2, 3]])
    }

    @Test func linkedSupportsAddNoDerivedAttacks() throws {
        let src = "claim a: A.\nclaim b: B.\nclaim c: C.\nclaim d: D.\nsupport a + b -> c\nattack c -> d\n"
        let g = try ArgReader.read(src).graph
        let af = AttackFramework(g, options: FrameworkOptions(bipolar: .both))
        #expect(af.attacks.map { [$0.0, $0.1] } == [[2, 3]])
        #expect(!af.hasCollectiveAttacks)
    }

    // MARK: brute force

    /// Every attacking set of each argument (single attackers as sets of one).
    static func attackingSets(_ af: AttackFramework) -> [[[Int]]] {
        var sets = [[[Int]]](repeating: [], count: af.count)
        for (a, b) in af.attacks { sets[Int(b)].append([Int(a)]) }
        for c in af.collectiveAttacks { sets[Int(c.target)].append(c.attackers.map(Int.init)) }
        return sets
    }

    /// Every extension of `s` by the definitions, enumerating all subsets (SETAF semantics, Nielsen & Parsons 2006;
    /// semi-stable and ideal as in Dvořák, Greßler & Woltran 2018).
    static func bruteForce(_ s: ExtensionSemantics, _ af: AttackFramework) -> Set<[Int]> {
        let n = af.count, sets = attackingSets(af)
        func attacked(_ m: Int) -> Int {
            var out = 0
            for a in 0..<n where sets[a].contains(where: { $0.allSatisfy { m & (1 << $0) != 0 } }) { out |= 1 << a }
            return out
        }
        let all = 0..<(1 << n)
        let attackedBy = all.map(attacked)
        func conflictFree(_ m: Int) -> Bool { m & attackedBy[m] == 0 }
        func defended(_ m: Int) -> Int {
            var out = 0
            for a in 0..<n where sets[a].allSatisfy({ $0.contains { attackedBy[m] & (1 << $0) != 0 } }) {
                out |= 1 << a
            }
            return out
        }
        let admissible = all.filter { conflictFree($0) && $0 & ~defended($0) == 0 }
        let complete = admissible.filter { defended($0) & ~$0 == 0 }
        func maximal(_ ms: [Int], by key: (Int) -> Int) -> [Int] {
            ms.filter { m in !ms.contains { o in key(o) != key(m) && key(o) & key(m) == key(m) } }
        }
        let chosen: [Int]
        switch s {
        case .complete: chosen = complete
        case .grounded: chosen = [complete.reduce((1 << n) - 1, &)]
        case .preferred: chosen = maximal(admissible) { $0 }
        case .stable: chosen = all.filter { conflictFree($0) && ($0 | attackedBy[$0]) == (1 << n) - 1 }
        case .semiStable: chosen = maximal(complete) { $0 | attackedBy[$0] }
        case .ideal:
            let skeptical = maximal(admissible) { $0 }.reduce((1 << n) - 1, &)
            chosen = [admissible.filter { $0 & ~skeptical == 0 }.reduce(0, |)]
        }
        return Set(chosen.map { m in (0..<n).filter { m & (1 << $0) != 0 } })
    }

    static func randomSETAF(_ rng: inout SplitMix64) -> AttackFramework {
        let n = Int.random(in: 1...7, using: &rng)
        var attacks: [(Int32, Int32)] = []
        for _ in 0..<Int.random(in: 0...(2 * n), using: &rng) {
            attacks.append((Int32.random(in: 0..<Int32(n), using: &rng), Int32.random(in: 0..<Int32(n), using: &rng)))
        }
        var collective: [CollectiveAttack] = []
        for _ in 0..<Int.random(in: 0...(2 * n), using: &rng) {
            let members = (0..<Int.random(in: 2...3, using: &rng)).map { _ in
                Int32.random(in: 0..<Int32(n), using: &rng)
            }
            collective.append(CollectiveAttack(attackers: members, target: Int32.random(in: 0..<Int32(n), using: &rng)))
        }
        return AttackFramework(count: n, attacks: attacks, collective: collective)
    }

    @Test(arguments: ExtensionSemantics.allCases)
    func everySemanticsAgreesWithBruteForceOnRandomSETAFs(_ s: ExtensionSemantics) {
        var rng = SplitMix64(seed: 21)
        var withCollective = 0
        for round in 0..<400 {
            let af = Self.randomSETAF(&rng)
            if af.hasCollectiveAttacks { withCollective += 1 }
            let expected = Self.bruteForce(s, af)
            let got = Self.inSets(s, af)
            #expect(got == expected, "round \(round), \(s): \(af.attacks) \(af.collectiveAttacks)")
            if got != expected { return }
            // Labels: out is exactly what the in-set attacks.
            for labels in Extensions.enumerate(s, af, limit: 100).extensions {
                let inSet = (0..<af.count).filter { labels[$0] == .in }
                #expect(labels == Extensions.labelling(af, in: inSet), "round \(round), \(s): labels")
            }
            for a in 0..<af.count where s != .semiStable || af.count < 6 {
                #expect(
                    Extensions.credulous(s, af, argument: a) == expected.contains { $0.contains(a) },
                    "round \(round), \(s): credulous \(a)")
                #expect(
                    Extensions.skeptical(s, af, argument: a) == expected.allSatisfy { $0.contains(a) },
                    "round \(round), \(s): skeptical \(a)")
            }
        }
        #expect(withCollective > 250)
    }
}
