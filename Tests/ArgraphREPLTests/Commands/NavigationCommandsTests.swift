import ArgumentGraph
import Testing
@testable import ArgraphREPL

@Suite struct NavigationCommandsTests {
    @Test func showListsHoldersQuotesSupportersAndAttackersWithNumbers() {
        let out = Fixture.run(["show top"])
        #expect(
            out == """
                top  (claim; tags: main)
                  The top claim.

                Held by
                  alice asserts in doc1 (2020-01-02)
                    “the top is right”
                  bob denies

                Supported by
                  1  +  pro  1  A reason for the top claim.
                Attacked by
                  2  −  con  1  A reason against the top claim.
                Bears on nothing
                (to walk: go top, then 'down N' or 'up N' by these numbers)

                """)
    }

    @Test func showMarksUndercutLinksAndWeights() {
        let out = Fixture.run(["show pro"])
        #expect(out.contains("  1  +  fact  0.5  A fact about Tōkyō. [undercut by con]\n"))
        #expect(out.contains("Bears on\n  1  +  top  1  The top claim.\n"))
        #expect(out.contains("Held by no one\n"))
    }

    @Test func showAlsoShowsActorsAndDocuments() {
        #expect(
            Fixture.run(["show alice"]) == """
                alice  Alice Adams (person)

                STANCE   CLAIM  IN    TEXT
                asserts  top    doc1  The top claim.

                """)
        #expect(
            Fixture.run(["show doc1"]) == """
                doc1
                  First document
                  date: 2020-01-02

                ACTOR  STANCE   CLAIM  QUOTES
                alice  asserts  top         1
                bob    asserts  con         0

                """)
    }

    @Test func claimsFilterByActorDocumentTagAndKind() {
        #expect(
            Fixture.run(["claims --by bob"]) == """
                ID   KIND   +  −  TEXT
                top  claim  1  1  The top claim.
                con  claim  0  0  A reason against the top claim.
                2 claims

                """)
        #expect(Fixture.run(["claims --in doc1 --tag main"]).contains("top  claim"))
        #expect(!Fixture.run(["claims --in doc1 --tag main"]).contains("con  claim"))
        #expect(Fixture.run(["claims --kind evidence"]).contains("fact  evidence  0  0  A fact about Tōkyō."))
        #expect(Fixture.run(["claims --kind opinion"]).contains("error: unknown kind 'opinion'"))
        #expect(Fixture.run(["claims --by bobb"]).contains("error: unknown actor 'bobb'\n  hint: did you mean 'bob'?"))
    }

    @Test func walkingDownUpBackAndWhere() {
        let (s, out) = Fixture.session()
        let shell = Shell(session: s)
        shell.execute("go top")
        #expect(s.prompt == "fixture:top> ")
        shell.execute("down")
        #expect(
            out.take() == """
                top: The top claim.
                2 choices; type 'down N':
                  1  +  pro  1  A reason for the top claim.
                  2  −  con  1  A reason against the top claim.

                """)
        #expect(s.prompt == "fixture:top> ")
        shell.execute("down 1")
        shell.execute("down")  // one choice: moves at once
        #expect(s.prompt == "fixture:fact> ")
        shell.execute("up")
        #expect(s.prompt == "fixture:pro> ")
        _ = out.take()
        shell.execute("where")
        #expect(out.take() == "top → pro → fact → pro (here)\n")
        shell.execute("back")
        #expect(s.prompt == "fixture:fact> ")
        #expect(!shell.execute("up 7"))
        #expect(out.take().contains("choose a number from 1 to 1"))
    }

    @Test func goWithoutAClaimFocusesTheMostAttackedOrSupported() {
        let (s, _) = Fixture.session()
        Shell(session: s).execute("go")
        #expect(s.current.focus == "top")
    }

    @Test func upAtTheTopIsAnErrorWithAHint() {
        #expect(
            Fixture.run(["go top", "up"]).hasSuffix("error: 'top' supports or attacks nothing\n  hint: try 'down'\n"))
    }

    @Test func treeShowsSupportsAttacksUndercutsAndRepeatsOnce() {
        #expect(
            Fixture.run(["tree top"]) == """
                top  The top claim.
                  + pro  A reason for the top claim.
                    + (0.5) fact  A fact about Tōkyō.
                      ⊘ con  A reason against the top claim.
                  − con (see above)  A reason against the top claim.

                """)
        #expect(Fixture.run(["tree top --depth 1"]).hasSuffix("(1 claim has more below depth 1; use --depth N)\n"))
    }

    static let linked = """
        claim c: C.
        claim a: A.
        claim b: B.
        claim u: U.
        support r: a + b -> c
        undercut u -> r
        """

    @Test func treeAndShowDrawALinkedRelationAsOneUnit() {
        #expect(
            Fixture.run(["tree c"], source: Self.linked) == """
                c  C.
                  + a  A.
                    ⊘ u  U.
                  & b  B.

                """)
        let shown = Fixture.run(["show c"], source: Self.linked)
        #expect(shown.contains("Supported by\n  1  +  a  1  A. [undercut by u]\n     &  b     B.\n"))
        #expect(shown.contains("(& : a premise that gives the reason only together with the one above)"))
        #expect(
            Fixture.run(["show b"], source: Self.linked).contains(
                "Bears on\n  1  +  c  1  C. [undercut by u] [linked: a + b]\n"))
    }

    @Test func treeMarksCycles() {
        let cyclic = """
            claim a: A.
            claim b: B.
            attack a -> b
            attack b -> a
            """
        #expect(
            Fixture.run(["tree a"], source: cyclic) == """
                a  A.
                  − b  B.
                    − a (cycle)  A.

                """)
    }

    @Test func treeOnALongChainIsIterativeAndCut() throws {
        // 100 000 nested levels would overflow the stack of a recursive walk.
        let g = Fixture.chain(100_000)
        let out = BufferedOutput()
        let s = Session(graphs: [LoadedGraph(name: "chain", graph: g)], output: out, width: 80)
        s.isCancelled = { false }
        #expect(Shell(session: s).execute("tree c99999 --depth 200000 --limit 100000"))
        let lines = out.text.split(separator: "\n")
        #expect(lines.count == 100_000)
        #expect(lines.last?.hasSuffix("[99999] + c0  Claim 0.") == true)
        #expect(lines.allSatisfy { $0.count <= 80 })
        _ = out.take()
        Shell(session: s).execute("tree c99999")
        #expect(out.text.hasSuffix("(1 claim has more below depth 4; use --depth N)\n"))
        #expect(out.text.split(separator: "\n").count == 6)
    }

    @Test func pathFindsTheShortestChainsEitherWay() {
        let diamond = """
            claim a: A.
            claim b: B.
            claim c: C.
            claim d: D.
            claim e: E.
            support a -> b
            support a -> c
            attack b -> d
            support c -> d
            support e -> c
            """
        #expect(
            Fixture.run(["path a d"], source: diamond) == """
                1. a —supports→ b —attacks→ d
                2. a —supports→ c —supports→ d

                """)
        #expect(Fixture.run(["path a d --max 1"], source: diamond).split(separator: "\n").count == 1)
        #expect(
            Fixture.run(["path d a"], source: diamond).hasPrefix(
                "no chain leads from d to a; chains the other way:\n1. a —"))
        #expect(
            Fixture.run(["path e b"], source: diamond) == """
                no chain in either direction; chains ignoring direction:
                1. e —supports→ c —supports→ d ←attacks— b
                2. e —supports→ c ←supports— a —supports→ b

                """)
    }

    @Test func findIgnoresCaseAndAccentsAndSearchesQuotes() {
        #expect(
            Fixture.run(["find TOKYO"]) == """
                ID    TEXT
                fact  A fact about Tōkyō.
                1 match

                """)
        #expect(Fixture.run(["find top is RIGHT"]).contains("top  alice: “the top is right”"))
        #expect(Fixture.run(["find /^a (reason|fact)/"]).hasSuffix("3 matches\n"))
        #expect(Fixture.run(["find /(/"]).hasPrefix("error: invalid regular expression /(/"))
        #expect(Fixture.run(["find zebra"]) == "no claim or quote contains 'zebra'\n")
    }

    @Test func unknownIdsSuggestTheNearest() {
        #expect(
            Fixture.run(["show tpo"]) == "error: unknown claim, actor or document 'tpo'\n  hint: did you mean 'top'?\n")
        #expect(Fixture.run(["go fcat"]) == "error: unknown claim 'fcat'\n  hint: did you mean 'fact'?\n")
    }

    @Test func infoCountsEverything() {
        let out = Fixture.run(["info"])
        #expect(
            out.hasPrefix(
                "fixture: Fixture\nWHAT        COUNT\ndocuments       1\nactors          2\nclaims          4\n"))
        #expect(out.contains("undercuts       1\n"))
    }

    @Test func longRunningCommandsStopOnCtrlC() {
        let (s, out) = Fixture.session()
        s.isCancelled = { true }
        #expect(!Shell(session: s).execute("tree top"))
        #expect(!Shell(session: s).execute("find top"))
        #expect(out.text == "error: interrupted\nerror: interrupted\n")
    }
}
