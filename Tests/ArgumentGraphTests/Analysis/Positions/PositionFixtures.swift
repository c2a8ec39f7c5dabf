import Foundation
@testable import ArgumentGraph

/// Small hand-built graphs with known answers, shared by the position tests.
enum PositionFixtures {
    /// Four actors (d says nothing), ten claims, seven relations; the answers are worked out in the tests.
    ///
    /// Claim indices: p1=0 p2=1 p3=2 p4=3 p5=4 p6=5 p7=6 p8=7 q1=8 ev=9.
    /// Relation indices: 0 support p2->p1 (by a), 1 attack p3->p2, 2 support p4->p3,
    /// 3 attack r51 p5->p1, 4 attack p1->p5, 5 attack ev->p2, 6 undercut q1->r51.
    static let forumText = """
        document doc1
          title: First
          date: 2008
        document doc2
          title: Second
          date: 2009-05
        actor a
        actor b
        actor c
        actor d
        claim p1: P one.
          tags: t1
        claim p2: P two.
          tags: t1, t2
        claim p3: P three.
          tags: t2
        claim p4: P four.
        claim p5: P five.
        claim p6: P six.
        claim p7: P seven.
        claim p8: P eight.
        claim q1: Q one.
        evidence ev: Evidence.
        stance a asserts p1 in doc1
          quote: a says p1
        stance a asserts p2 in doc1
        stance a denies p3 in doc2
        stance a denies p6 in doc2
        stance a asserts p7 in doc2
        stance b asserts p1 in doc2
          quote: b says p1
        stance b asserts p3 in doc2
        stance b asserts p4 in doc2
        stance b denies p6 in doc2
        stance b asserts p8 in doc2
        stance b asserts q1 in doc2
        stance c asserts p5
        support p2 -> p1
          by: a
        attack p3 -> p2
        support p4 -> p3
        attack r51: p5 -> p1
        attack p1 -> p5
        attack ev -> p2
        undercut q1 -> r51
        """

    static func graph(_ text: String) throws -> Graph { try ArgReader.read(text).graph }

    static func forum() throws -> Graph { try graph(forumText) }

    /// One actor who asserts two claims, one attacking the other: no attack crosses actors.
    static func selfAttack() throws -> Graph {
        try graph(
            """
            actor x
            claim k1: One.
            claim k2: Two.
            stance x asserts k1
            stance x asserts k2
            attack k1 -> k2
            """)
    }

    /// Claim index by id (fixtures only).
    static func c(_ g: Graph, _ id: String) -> Int { g.claimIndex(of: id) ?? -1 }
    /// Actor index by id (fixtures only).
    static func a(_ g: Graph, _ id: String) -> Int { g.actorIndex(of: id) ?? -1 }

    /// A deterministic random graph: `n` claims, `k` actors, about `density * n` relations and stances.
    /// With `linked`, about a third of the relations get one or two further premises (distinct claims, none the
    /// target), and actors take more stances so that some hold every premise of a linked relation.
    static func random(
        seed: UInt64, claims n: Int = 30, actors k: Int = 5, documents m: Int = 3, linked: Bool = false
    ) -> Graph {
        var rng = SplitMix64(seed: seed)
        let docs = (0..<m).map {
            Document(id: "d\($0)", title: "D\($0)", date: PartialDate(year: 2000 + Int(rng.next() % 5)))
        }
        let actors = (0..<k).map { Actor(id: "x\($0)") }
        let claims = (0..<n).map { Claim(id: "c\($0)", text: "C\($0)", tags: rng.next() % 2 == 0 ? ["even"] : []) }
        var stances: [Stance] = []
        for _ in 0..<(n * (linked ? 4 : 2)) {
            let doc = rng.next() % 4 == 0 ? nil : Int(rng.next() % UInt64(m))
            stances.append(
                Stance(
                    actor: Int(rng.next() % UInt64(k)), claim: Int(rng.next() % UInt64(n)),
                    kind: rng.next() % 4 == 0 ? .denies : .asserts, document: doc))
        }
        var relations: [Relation] = []
        for i in 0..<(n * 2) {
            let s = Int(rng.next() % UInt64(n))
            var t = Int(rng.next() % UInt64(n))
            if t == s { t = (t + 1) % n }
            let by = rng.next() % 3 == 0 ? Int(rng.next() % UInt64(k)) : nil
            if i > 0 && rng.next() % 8 == 0 {
                relations.append(
                    Relation(
                        id: "r\(i)", kind: .attack, source: s, target: .relation(Int(rng.next() % UInt64(i))), actor: by
                    ))
            } else {
                relations.append(
                    Relation(
                        id: "r\(i)", kind: rng.next() % 2 == 0 ? .support : .attack, source: s,
                        target: .claim(t), weight: Double(rng.next() % 10 + 1) / 10, actor: by))
            }
        }
        if linked {
            for i in relations.indices where rng.next() % 3 == 0 {
                let avoid = [relations[i].source, relations[i].targetClaim ?? -1]
                var more: [Int] = []
                for _ in 0..<(1 + Int(rng.next() % 2)) {
                    let p = Int(rng.next() % UInt64(n))
                    if !avoid.contains(p) && !more.contains(p) { more.append(p) }
                }
                relations[i].otherPremises = more
            }
        }
        return Graph(documents: docs, actors: actors, claims: claims, stances: stances, relations: relations)
    }
}
