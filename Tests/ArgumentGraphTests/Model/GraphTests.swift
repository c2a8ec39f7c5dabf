import Testing
@testable import ArgumentGraph

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
