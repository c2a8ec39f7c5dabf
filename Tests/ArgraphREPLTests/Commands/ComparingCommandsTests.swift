import ArgumentGraph
import Testing
@testable import ArgraphREPL

@Suite struct ComparingCommandsTests {
    @Test func compareTwoActors() {
        // alice asserts top; bob denies top and asserts con, which attacks top: two conflicts, no agreement.
        #expect(
            Fixture.run(["compare alice bob"]) == """
                alice vs bob: agreement index -1.000 (0 agreements, 2 conflicts)

                Common ground
                  (none)

                Conflicts
                  contradicts  top (asserted by alice, denied by bob): The top claim.
                  attacks      con (bob) attacks top (alice)

                Only alice (not addressed by the other)
                  (none)

                Only bob (not addressed by the other)
                  (none)

                """)
    }

    @Test func positionWithSummaryAndQuotes() {
        #expect(
            Fixture.run(["position alice"]) == """
                alice: 1 asserted, 0 denied; 1 attacked by others, 1 attack unanswered

                main
                  asserts  top
                           The top claim.
                           > “the top is right” (doc1)

                """)
    }

    @Test func matrixTableAndFiles() throws {
        #expect(
            Fixture.run(["matrix"]) == """
                              1      2
                1  alice      · -1.000
                2  bob   -1.000      ·

                agreement index from -1 (conflict only) to +1 (agreement only); - no contact

                """)
        #expect(Fixture.run(["matrix --csv -"]) == "actor,alice,bob\nalice,1.000,-1.000\nbob,-1.000,1.000\n")
        #expect(Fixture.run(["matrix --by nobody"]).contains("--by takes actor or document, not 'nobody'"))
    }

    @Test func matrixOfTooManyActorsIsAClearError() {
        // 1001 actors with a stance each: 10^6 cells and a cubic seriation were the start of what
        // 10^5 actors turned into an allocation of 10^10 cells.
        var text = "claim x: X.\n"
        for i in 0...AgreementMatrix.maxMembers { text += "actor p\(i)\nstance p\(i) asserts x\n" }
        #expect(
            Fixture.run(["matrix"], source: text)
                == "error: 1001 actors take stances; a matrix is computed for at most 1000\n  hint: compare two of them with 'compare A B', or export a part of the graph\n"
        )
        #expect(Fixture.run(["matrix --by document"], source: text).hasPrefix("no document takes a stance"))
    }

    @Test func conflictsUnansweredTimeline() {
        #expect(
            Fixture.run(["conflicts"]) == """
                alice vs bob: 1 attack, 1 contradiction
                  bob: con                               | attacks alice: top
                                                         | “the top is right”
                  contradiction on top: The top claim.

                """)
        #expect(
            Fixture.run(["unanswered alice"]) == """
                1 of 1 outside attack unanswered
                  con [bob] attacks top: unanswered
                    A reason against the top claim.

                """)
        #expect(
            Fixture.run(["timeline bob"]) == """
                2020-01-02  doc1: First document
                  bob  asserts con  new

                no document
                  bob  denies  top  new

                """)
    }

    @Test func helpShowsTheDefinitions() {
        #expect(Fixture.run(["help compare"]).contains("Agreement index = (agreements - conflicts) / (agreements +"))
        #expect(
            Fixture.run(["help whatif"]).contains(
                "drop ACTOR removes the actor, their stances and the relations they draw"))
        #expect(Fixture.run(["help unanswered"]).contains("(counter-attack)"))
    }

    @Test func groupsAndActorInDocument() {
        #expect(
            Fixture.run(["position alice+bob"]).hasPrefix(
                "alice+bob: 1 asserted, 0 denied, 1 both asserted and denied;"))
        #expect(Fixture.run(["position bob+doc1"]).hasPrefix("bob in doc1: 1 asserted, 0 denied;"))
    }

    @Test func unknownActorNamesTheNearest() {
        #expect(Fixture.run(["compare alice bobb"]).contains("bob"))
    }

    @Test func whatIfDropShowsChangesAndResetRestores() {
        let (s, out) = Fixture.session()
        let before = s.current.graph
        _ = Shell(session: s).run(
            reader: ScriptLineReader(lines: ["whatif drop bob"]), interactive: false, keepGoing: true)
        let text = out.take()
        #expect(text.hasPrefix("what if: drop bob; removed 1 claim, 2 relations, 2 stances\n  removed claims: con\n"))
        #expect(text.contains("top "))  // top is no longer attacked: its label or strength moves
        #expect(s.current.view?.label == "drop bob")
        #expect(s.current.graph.claimIndex(of: "con") == nil)
        _ = Shell(session: s).run(
            reader: ScriptLineReader(lines: ["whatif reset"]), interactive: false, keepGoing: true)
        #expect(out.take() == "back to the graph as edited\n")
        #expect(s.current.graph == before)
        #expect(WhatIf.score(s.current.graph).strengths == WhatIf.score(before).strengths)
    }

    @Test func whatIfOnASilentActorChangesNothing() {
        let source = Fixture.text + "actor carol\n"
        let out = Fixture.run(["whatif drop carol"], source: source)
        #expect(out.hasPrefix("what if: drop carol\nno label flips and no strength moves over 0.05"))
    }

    @Test func whatIfErrors() {
        #expect(Fixture.run(["whatif credibility alice 2"]).contains("credibility takes a number from 0 to 1, not '2'"))
        #expect(Fixture.run(["whatif retract nothing-here"]).contains("unknown claim"))
        #expect(Fixture.run(["whatif reset"]) == "no what-if view to leave\n")
    }

    @Test func cruxesBetweenActorsAndForATarget() {
        let out = Fixture.run(["cruxes alice bob"])
        #expect(out.hasPrefix("cruxes between alice and bob: 1 cross attack; conflict force "))
        // Retracting either end of the only cross attack ends the conflict (ties by claim index: top first).
        #expect(
            out.contains("\n1  top    endpoint         0.000 ") && out.contains("\n2  con    endpoint         0.000 "))
        #expect(Fixture.run(["cruxes --target top"]).hasPrefix("cruxes for top: retracting each claim upstream"))
        #expect(Fixture.run(["cruxes alice"]).contains("missing B"))
    }
}
