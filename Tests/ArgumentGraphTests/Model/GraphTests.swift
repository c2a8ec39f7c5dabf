import Testing

@testable import ArgumentGraph
@testable import ArgumentGraphModel

@Suite struct GraphTests {
    @Test func adjacencyMatchesTheRelationsOnRandomGraphs() {
        for seed in UInt64(0)..<200 {
            let g = GraphGenerator().generate(seed: seed)
            for c in g.claims.indices {
                let supporters = g.relations.indices.filter {
                    g.relations[$0].kind == .support && g.relations[$0].targetClaim == c
                }
                let attackers = g.relations.indices.filter {
                    g.relations[$0].kind == .attack && g.relations[$0].targetClaim == c
                }
                let supportsOut = g.relations.indices.filter {
                    g.relations[$0].kind == .support && g.relations[$0].source == c
                        && g.relations[$0].targetClaim != nil
                }
                #expect(g.supportsTo[c].map(Int.init) == supporters)
                #expect(g.attacksTo[c].map(Int.init) == attackers)
                #expect(g.supportsFrom[c].map(Int.init) == supportsOut)
                #expect(g.stancesOfClaim[c].map(Int.init) == g.stances.indices.filter { g.stances[$0].claim == c })
            }
            #expect(g.supportCount + g.attackCount + g.undercutCount == g.relations.count)
            for c in g.claims { #expect(g.claim(c.id) == c) }
            for a in g.actors { #expect(g.actor(a.id) == a) }
        }
    }

    /// Random relations over `n` claims: supports and attacks, some linked (2 or 3 premises), some undercuts.
    static func randomRelations(claims n: Int, count m: Int, _ rng: inout SplitMix64) -> [Relation] {
        (0..<m).map { i in
            let kind: RelationKind = Bool.random(using: &rng) ? .support : .attack
            let roll = Int.random(in: 0..<10, using: &rng)
            let source = Int.random(in: 0..<n, using: &rng)
            if roll == 0 && i > 0 {
                return Relation(kind: .attack, source: source, target: .relation(Int.random(in: 0..<i, using: &rng)))
            }
            let target = RelationTarget.claim(Int.random(in: 0..<n, using: &rng))
            if roll == 1 {
                let premises = (0..<Int.random(in: 2...3, using: &rng)).map { _ in Int.random(in: 0..<n, using: &rng) }
                return Relation(kind: kind, premises: premises, target: target)
            }
            return Relation(kind: kind, source: source, target: target)
        }
    }

    /// The indexes by source and target, built on one thread or two, are the entries a filter over the relations
    /// finds (first premises only), node by node in relation order.
    @Test func relationTablesMatchAFilterOnOneThreadAndOnTwo() {
        var rng = SplitMix64(seed: 11)
        for round in 0..<40 {
            let n = Int.random(in: 1...60, using: &rng)
            let rel = Self.randomRelations(claims: n, count: Int.random(in: 0...300, using: &rng), &rng)
            func filtered(_ keep: (Relation) -> Bool) -> [Int32] {
                rel.indices.filter { keep(rel[$0]) }.map(Int32.init)
            }
            for concurrently in [false, true] {
                let (sf, st, af, at, rt, linked) = Graph.relationTables(rel, claims: n, concurrently: concurrently)
                for c in 0..<n {
                    #expect(Array(sf[c]) == filtered { $0.kind == .support && $0.targetClaim != nil && $0.source == c })
                    #expect(Array(st[c]) == filtered { $0.kind == .support && $0.targetClaim == c })
                    #expect(Array(af[c]) == filtered { $0.kind == .attack && $0.targetClaim != nil && $0.source == c })
                    #expect(Array(at[c]) == filtered { $0.kind == .attack && $0.targetClaim == c })
                }
                #expect(rt.count == rel.count, "round \(round)")
                for r in rel.indices { #expect(Array(rt[r]) == filtered { $0.target == .relation(r) }) }
                #expect(linked == rel.contains(where: \.isLinked), "round \(round)")
            }
        }
    }

    /// The warnings for isolated and unheld claims, marked while the references are resolved, are those a plain
    /// scan of the built graph finds, in claim order, on random graphs with linked relations, undercuts and stances.
    @Test func lintMatchesAScanOfTheGraph() throws {
        var rng = SplitMix64(seed: 12)
        for round in 0..<60 {
            let n = Int.random(in: 1...40, using: &rng)
            var b = GraphBuilder()
            b.add(Actor(id: "a"))
            for c in 0..<n { b.add(Claim(id: "c\(c)", text: "Claim \(c).")) }
            let rel = Self.randomRelations(claims: n, count: Int.random(in: 0...(2 * n), using: &rng), &rng)
            var kept = Set<Int>()
            for (i, r) in rel.enumerated() {
                // Self-relations, repeated premises and undercuts of a left-out relation are errors: left out.
                if case let .relation(t) = r.target, !kept.contains(t) { continue }
                if let c = r.targetClaim, r.premises.contains(c) { continue }
                if Set(r.premises).count < r.premises.count { continue }
                kept.insert(i)
                let target: GraphBuilder.TargetDraft
                switch r.target {
                case let .claim(c): target = .claim("c\(c)")
                case let .relation(t): target = .relation("r\(t)")
                }
                var draft = GraphBuilder.RelationDraft(
                    id: "r\(i)", kind: r.kind, source: "c\(r.source)", target: target)
                draft.otherPremises = r.otherPremises.map { "c\($0)" }
                b.add(draft)
            }
            let held = (0..<Int.random(in: 0...n, using: &rng)).map { _ in Int.random(in: 0..<n, using: &rng) }
            for c in held { b.add(GraphBuilder.StanceDraft(actor: "a", claim: "c\(c)")) }
            let (g, warnings) = try b.build()
            var expected: [String] = []
            for c in 0..<n {
                let linked = g.relations.contains { $0.premises.contains(c) || $0.targetClaim == c }
                if !linked && n > 1 {
                    expected.append("claim 'c\(c)' is isolated: no relation supports, attacks or starts from it")
                }
                if !held.contains(c) { expected.append("no actor holds claim 'c\(c)'") }
            }
            #expect(warnings.map(\.message) == expected, "round \(round)")
        }
    }

    @Test func builderRoundTripsAGraph() throws {
        for seed in UInt64(0)..<100 {
            let g = GraphGenerator().generate(seed: seed)
            var b = GraphBuilder(g)
            b.lint = false
            #expect(try b.build().graph == g, "seed \(seed)")
        }
    }

    @Test func builderReportsEveryBadReference() throws {
        var b = GraphBuilder()
        b.add(Claim(id: "x", text: "X"))
        b.add(GraphBuilder.StanceDraft(actor: "nobody", claim: "x"))
        b.add(GraphBuilder.RelationDraft(kind: .support, source: "x", target: .claim("y")))
        b.add(GraphBuilder.RelationDraft(kind: .attack, source: "x", target: .relation("r9"), weight: 2))
        let error = try #require(throws: DiagnosticError.self) { try b.build() }
        #expect(
            error.errors.map(\.message) == [
                "unknown actor 'nobody'", "unknown claim 'y'", "unknown relation 'r9'", "weight 2.0 is outside [0, 1]",
            ])
    }

    @Test func holdersListEachAssertingActorOnce() throws {
        let g = try ArgReader.read(
            "actor a\nactor b\nclaim x: X.\nstance a asserts x\nstance a asserts x\nstance b denies x\n"
        ).graph
        #expect(g.holders(of: 0) == [0])
    }

    @Test func suggestionsFindNearIdsAndNotFarOnes() {
        let ids = ["china-engagement", "alliance-scope", "welch", "ishii"]
        #expect(Suggestions.nearest(to: "china-engagment", in: ids) == ["china-engagement"])
        #expect(Suggestions.nearest(to: "welsh", in: ids) == ["welch"])
        #expect(Suggestions.nearest(to: "allia", in: ids) == ["alliance-scope"])
        #expect(Suggestions.nearest(to: "zzzz", in: ids).isEmpty)
    }

    @Test(arguments: ["L1", "L12-14", "0-5", "1040-1068"])
    func quoteLocationsParseAndPrint(_ s: String) throws {
        #expect(try #require(QuoteLocation(s)).description == s)
    }

    @Test(arguments: ["L0", "L5-3", "5-5", "7", "L", "-3", "a-b", "L1-2-3", "99999999999999-999999999999999"])
    func badQuoteLocationsAreRejected(_ s: String) {
        #expect(QuoteLocation(s) == nil)
    }
}
