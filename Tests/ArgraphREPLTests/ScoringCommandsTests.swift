import Testing
@testable import ArgraphREPL

@Suite struct ScoringCommandsTests {
    /// Fixture by hand (DF-QuAD, Rago et al. 2016): top's base = 0.5 (alice asserts) · (1 − 0.5) (bob denies) = 0.25;
    /// the link fact → pro (0.5) is undercut by con (0.5): effective weight 0.25, so pro = 0.5 + 0.5 · 0.125 = 0.5625;
    /// top: va = 0.5 < vs = 0.5625, so 0.25 + 0.75 · 0.0625 = 0.296875.
    @Test func scoreRanksClaims() {
        #expect(
            Fixture.run(["score"]) == """
                RANK  CLAIM  STRENGTH   BASE
                   1  pro       0.562  0.500
                   2  con       0.500  0.500
                   3  fact      0.500  0.500
                   4  top       0.297  0.250
                df-quad: exact (acyclic, one pass)

                """)
    }

    @Test func statusLabelsClaims() {
        #expect(
            Fixture.run(["status --semantics preferred"]) == """
                CLAIM  LABEL  ACCEPTANCE
                top    out    rejected
                pro    in     accepted
                con    in     accepted
                fact   in     accepted
                preferred: 1 extension; LABEL is from the first one found

                """)
    }

    @Test func whyAndChainsExplainTheNumber() {
        #expect(
            Fixture.run(["chains top", "why top"]) == """
                1. 0.297  fact -> pro -> top
                top: strength 0.297 under df-quad
                  base 0.250 from alice asserts (0.500), bob denies (0.500)
                           FROM  STRENGTH  WEIGHT  EFFECT
                  attack   con      0.500   1.000  -0.375
                  support  pro      0.562   1.000  +0.172
                  strongest chain (0.297): fact -> pro -> top

                """)
    }

    /// A linked support as one unit (DF-QuAD by hand: the unit is as strong as its weakest premise a, 0.4, so
    /// c = 0.5 + 0.5 · 0.4 = 0.7, and without it c = 0.5: +0.200); chains show the co-premise of the step.
    @Test func linkedSupportShowsAsOneUnit() {
        let source = """
            claim a: A.
              base: 0.4
            claim b: B.
              base: 0.9
            claim c: C.
              base: 0.5
            support r7: a + b -> c

            """
        #expect(
            Fixture.run(["why c", "chains c"], source: source) == """
                c: strength 0.700 under df-quad
                  base 0.500 (declared)
                           FROM   STRENGTH  WEIGHT  EFFECT
                  support  a + b     0.400   1.000  +0.200
                  support r7: a + b (together 0.400, weakest a 0.400, b 0.900)
                  strongest chain (0.400): b (+ a) -> c
                1. 0.400  b (+ a) -> c
                2. 0.400  a (+ b) -> c

                """)
    }

    @Test func credibilityOverrideChangesBaseScores() {
        let out = Fixture.run(["credibility bob 0.9", "score --top 2"])
        #expect(
            out == """
                bob = 0.900
                RANK  CLAIM  STRENGTH   BASE
                   1  con       0.900  0.900
                   2  pro       0.512  0.500
                df-quad: exact (acyclic, one pass)

                """)
    }

    @Test func unknownSemanticsIsAnError() {
        #expect(Fixture.run(["score --semantics nope"]).contains("unknown gradual semantics 'nope'"))
    }
}
