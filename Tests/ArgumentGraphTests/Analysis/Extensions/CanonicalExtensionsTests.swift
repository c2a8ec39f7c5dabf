import Testing
@testable import ArgumentGraph

@Suite struct CanonicalExtensionsTests {
    func extensions(_ g: Graph, _ s: ExtensionSemantics, _ options: FrameworkOptions = .init()) -> Set<[String]> {
        Set(Extensions.enumerate(s, AttackFramework(g, options: options), limit: 100).extensions.map { inIDs(g, $0) })
    }

    /// Dung (1995): AF ⟨{a,b,c},{(a,b),(b,c)}⟩ is well-founded; every semantics gives {a, c}.
    @Test func dung1995() throws {
        let g = try canonicalGraph("dung-1995")
        for s in ExtensionSemantics.allCases { #expect(extensions(g, s) == [["a", "c"]], "\(s)") }
        #expect(Extensions.grounded(AttackFramework(g)) == [.in, .out, .in])
    }

    /// Nixon diamond (Reiter & Criscuolo 1981) as an AF: two stable extensions, grounded = the two facts.
    @Test func nixonDiamond() throws {
        let g = try canonicalGraph("nixon-diamond")
        let facts = ["quaker", "republican"]
        #expect(extensions(g, .grounded) == [facts])
        #expect(extensions(g, .ideal) == [facts])
        let two: Set<[String]> = [(facts + ["pacifist"]).sorted(), (facts + ["not-pacifist"]).sorted()]
        #expect(extensions(g, .preferred) == two)
        #expect(extensions(g, .stable) == two)
        #expect(extensions(g, .semiStable) == two)
        #expect(extensions(g, .complete) == two.union([facts]))
        let status = Extensions.status(g, semantics: .preferred)
        let byID = Dictionary(uniqueKeysWithValues: g.claims.indices.map { (g.claims[$0].id, status.acceptance[$0]) })
        #expect(
            byID == ["quaker": .accepted, "republican": .accepted, "pacifist": .credulous, "not-pacifist": .credulous])
        #expect(status.extensionCount == 2)
    }

    /// Nixon diamond with supported attacks (Cayrol & Lagasquie-Schiex 2005): quaker now attacks not-pacifist and
    /// republican attacks pacifist, which does not change the extensions' shape.
    @Test func nixonDiamondBipolar() throws {
        let g = try canonicalGraph("nixon-diamond")
        let af = AttackFramework(g, options: FrameworkOptions(bipolar: .supported))
        let q = try #require(g.claimIndex(of: "quaker")), np = try #require(g.claimIndex(of: "not-pacifist"))
        let r = try #require(g.claimIndex(of: "republican")), p = try #require(g.claimIndex(of: "pacifist"))
        #expect(af.attacks(q, np) && af.attacks(r, p))
        #expect(af.attackCount == 4)
        // Secondary: pacifist attacks not-pacifist, which supports nothing: no new attack.
        #expect(AttackFramework(g, options: FrameworkOptions(bipolar: .secondary)).attackCount == 2)
    }

    @Test func oddCycleHasNoStableExtension() throws {
        let g = try canonicalGraph("odd-cycle")
        #expect(extensions(g, .stable).isEmpty)
        for s in [ExtensionSemantics.grounded, .complete, .preferred, .semiStable, .ideal] {
            #expect(extensions(g, s) == [[]], "\(s)")
        }
    }

    @Test func evenCycle() throws {
        let g = try canonicalGraph("even-cycle")
        #expect(extensions(g, .grounded) == [[]])
        #expect(extensions(g, .preferred) == [["a"], ["b"]])
        #expect(extensions(g, .stable) == [["a"], ["b"]])
        #expect(extensions(g, .complete) == [[], ["a"], ["b"]])
        #expect(extensions(g, .ideal) == [[]])
    }

    /// The undercut u → r (r: e1 ⇒ mid) is flattened (Boella et al. 2009) only under a bipolar mapping.
    @Test func supportChainUndercut() throws {
        let g = try canonicalGraph("support-chain-undercut")
        let plain = AttackFramework(g)
        #expect(plain.count == g.claims.count)
        #expect(extensions(g, .grounded) == [["doubt", "e1", "e2", "mid", "rival"]])
        let af = AttackFramework(g, options: FrameworkOptions(bipolar: .supported))
        #expect(af.count == g.claims.count + 2)
        #expect(af.auxiliaryNames.suffix(2) == ["x:r1", "y:r1"])
        let x = g.claims.count, y = x + 1
        let e1 = try #require(g.claimIndex(of: "e1")), doubt = try #require(g.claimIndex(of: "doubt"))
        #expect(af.attacks(e1, x) && af.attacks(x, y) && af.attacks(doubt, y))
        // doubt is unattacked and defeats y:r1, so the flattened link carries no attack.
        let gr = Extensions.grounded(af)
        #expect(gr[y] == .out && gr[x] == .out && gr[doubt] == .in)
    }

    /// An undercut on an attack removes the attack's effect exactly when the undercutter is accepted.
    @Test func undercutOnAnAttackReinstatesItsTarget() {
        // a attacks b (relation 0); u undercuts relation 0.
        let claims = ["a", "b", "u"].map { Claim(id: $0, text: "\($0).") }
        let rels = [
            Relation(id: "r", kind: .attack, source: 0, target: .claim(1)),
            Relation(kind: .attack, source: 2, target: .relation(0)),
        ]
        let g = Graph(claims: claims, relations: rels)
        let gr = Extensions.grounded(AttackFramework(g))
        #expect(Array(gr.prefix(3)) == [.in, .in, .in])
        // Without the undercut, b is out.
        let g2 = Graph(claims: claims, relations: [rels[0]])
        #expect(Extensions.grounded(AttackFramework(g2))[1] == .out)
    }
}
