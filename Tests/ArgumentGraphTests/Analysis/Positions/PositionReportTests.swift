import Testing
import ArgumentGraph
@testable import ArgumentGraphAnalysis

@Suite struct PositionReportTests {
    @Test func comparisonReport() throws {
        let g = try PositionFixtures.forum()
        #expect(
            PositionReport.comparison(Comparison(g, actor: 0, actor: 1), in: g) == """
                a vs b: agreement index 0.200 (3 agreements, 2 conflicts)

                Common ground
                  both assert  p1: P one.
                  both deny    p6: P six.
                  supports     p2 (a) supports p1 (b)

                Conflicts
                  contradicts  p3 (asserted by b, denied by a): P three.
                  attacks      p3 (b) attacks p2 (a)

                Only a (not addressed by the other)
                  p7  P seven.

                Only b (not addressed by the other)
                  p8  P eight.
                  q1  Q one.

                """)
    }

    /// Two actors who share no claim and no relation that counts have no contact, as the matrix's `-` says.
    @Test func aPairWithoutContactSaysSoRatherThanIndexZero() throws {
        let g = try PositionFixtures.graph(
            """
            actor a
            actor b
            claim x: X.
            claim y: Y.
            stance a asserts x
            stance b asserts y
            support x -> y
            """)
        let report = PositionReport.comparison(Comparison(g, actor: 0, actor: 1), in: g)
        #expect(
            report.hasPrefix("a vs b: no contact (no shared claim, no relation between their claims that counts)\n"))
        #expect(!AgreementMatrix(g, ordered: false).cells[0][1].hasContact)
    }

    @Test func matrixReport() throws {
        let g = try PositionFixtures.forum()
        #expect(
            PositionReport.matrix(AgreementMatrix(g)) == """
                          1      2      3
                1  a      ·  0.200 -1.000
                2  b  0.200      · -1.000
                3  c -1.000 -1.000      ·

                agreement index from -1 (conflict only) to +1 (agreement only); - no contact

                """)
    }

    @Test func positionReport() throws {
        let g = try PositionFixtures.forum()
        #expect(
            PositionReport.position(Position(g, actor: 0), in: g) == """
                a: 3 asserted, 2 denied; 2 attacked by others, 1 attack unanswered

                t1
                  asserts  p1
                           P one.
                           > “a says p1” (doc1)
                  asserts  p2
                           P two.

                t2
                  denies   p3
                           P three.

                (no tag)
                  denies   p6
                           P six.
                  asserts  p7
                           P seven.

                """)
    }

    @Test func unansweredAndConflictReports() throws {
        let g = try PositionFixtures.forum()
        #expect(
            PositionReport.unanswered(Unanswered.attacks(on: Position(g, actor: 0), in: g), in: g) == """
                1 of 3 outside attacks unanswered
                  ev [no actor] attacks p2: unanswered
                    Evidence.

                """)
        let text = PositionReport.conflicts(Conflicts.pairs(in: g, actor: 0), in: g)
        #expect(text.hasPrefix("a vs c: 2 attacks\n  c: p5"))
        #expect(text.contains("a vs b: 1 attack, 1 contradiction\n"))
        #expect(PositionReport.conflicts([], in: g) == "no conflicts between actors\n")
    }

    @Test func timelineReport() throws {
        let g = try PositionFixtures.graph(TimelineTests.text)
        #expect(
            PositionReport.timeline(Timeline(g, actor: 0), in: g) == """
                2001  d1: One
                  x  asserts k1  new

                2002  d2: Two
                  x  asserts k1  restated (k1)
                  x  asserts k2  extended (k1)

                undated  d3: Undated
                  x  denies  k1  reversed (k1)
                  x  asserts k3  reversed (k2)

                no document
                  x  asserts k4  new

                """)
        #expect(PositionReport.timeline(Timeline(g, actor: 5), in: g) == "no stances\n")
    }

    @Test func wrapKeepsWordsAndWidth() {
        let lines = PositionReport.wrap("the quick brown fox jumps over the lazy dog", width: 10)
        #expect(lines == ["the quick", "brown fox", "jumps over", "the lazy", "dog"])
        #expect(PositionReport.wrap("", width: 10) == [""])
        // The shared wrapper cuts a word wider than the line where the line is full.
        #expect(PositionReport.wrap("supercalifragilistic", width: 5).joined() == "supercalifragilistic")
    }

    /// Columns are measured in display width: a wide (CJK) id pads to the same column as an ASCII one.
    @Test func wideIdsAlignInTheMatrix() throws {
        let g = try PositionFixtures.graph(
            """
            actor 東京
            actor ab
            claim p: P.
            stance 東京 asserts p
            stance ab asserts p
            """)
        let lines = PositionReport.matrix(AgreementMatrix(g, ordered: false)).split(separator: "\n")
        let widths = lines.prefix(3).map { TextWidth.columns($0) }
        #expect(widths[1] == widths[2], "\(lines)")
    }
}
