import ArgumentGraph
import Testing

@testable import ArgumentGraphText

/// The text layer: display width, the word wrapper, the number format, did-you-mean, the XML escaper, the table.
@Suite struct TextLayerTests {
    /// The byte-counting path for ASCII text gives what the character path gives, escapes, controls and CRLF included;
    /// and the wrapper's ASCII test for spaces agrees with `Character.isWhitespace`.
    @Test func theASCIIFastPathsAgreeWithTheCharacterPaths() {
        var rng = SystemRandomNumberGenerator()
        let pieces = [
            "a", "Z", " ", "\t", "\n", "\r\n", "\u{1B}[1m", "\u{1B}[0m", "\u{7F}", "\u{01}", "-", "m", "\u{0B}",
            "\u{0C}",
        ]
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...30, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }
                .joined()
            var slow = 0, inEscape = false
            for c in text {
                if inEscape { if c == "m" { inEscape = false }; continue }
                if c == "\u{1B}" { inEscape = true; continue }
                slow += TextWidth.columns(c)
            }
            #expect(TextWidth.columns(text) == slow, "\(text.debugDescription)")
        }
        for b in UInt8(0)..<0x80 {
            let c = Character(Unicode.Scalar(b))
            #expect(WordWrap.isSpace(c) == c.isWhitespace, "\(b)")
        }
        #expect(WordWrap.isSpace("\u{00A0}") && !WordWrap.isSpace("é"))
        // The wrapper's byte path for plain ASCII gives the lines its character path gives.
        var seeded = SplitMix64(seed: 5)
        let words = [
            "a", "bb", "ccc", "dddddddd", "eeeeeeeeeeeeeeeeeeee", " ", "  ", "\t", "\n", "\n\n", "\u{0B}", "-", "é",
        ]
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...25, using: &seeded)).map { _ in words.randomElement(using: &seeded)! }
                .joined()
            let width = Int.random(in: 0...16, using: &seeded)
            let indent = ["", " ", "   "].randomElement(using: &seeded)!
            let first = [nil, "", "> ", "- - "].randomElement(using: &seeded)!
            for keeping in [false, true] {
                func wrap(_ fast: Bool) -> [String] {
                    WordWrap.lines(
                        text, width: width, indent: indent, firstIndent: first, keepingLineBreaks: keeping,
                        asciiFastPath: fast)
                }
                #expect(wrap(true) == wrap(false), "\(text.debugDescription) width \(width) keeping \(keeping)")
            }
        }
    }

    /// Counts read as English does: one claim, two claims, no claims (a save once said "1 relations").
    @Test func countedNounsArePluralUnlessThereIsOne() {
        #expect(NumberText.counted(1, "relation") == "1 relation")
        #expect(NumberText.counted(0, "claim") == "0 claims")
        #expect(NumberText.counted(2, "cross attack") == "2 cross attacks")
        #expect(NumberText.counted(-1, "point") == "-1 points")
    }

    @Test func displayWidthCountsWideEmojiAndZeroWidthCharacters() {
        #expect(TextWidth.columns("abc") == 3)
        #expect(TextWidth.columns("日本語") == 6, "CJK ideographs are wide")
        #expect(TextWidth.columns("ｱｲ") == 2, "halfwidth katakana are narrow")
        #expect(TextWidth.columns("ＡＢ") == 4, "fullwidth Latin is wide")
        #expect(TextWidth.columns("한국") == 4, "Hangul syllables are wide")
        #expect(TextWidth.columns("e\u{301}") == 1, "a combining accent adds nothing")
        #expect(TextWidth.columns("a\u{200B}b") == 2, "a zero-width space adds nothing")
        #expect(TextWidth.columns("👍") == 2)
        #expect(TextWidth.columns("👩\u{200D}👩\u{200D}👧") == 2, "a ZWJ sequence is one picture")
        #expect(TextWidth.columns("🇯🇵") == 2, "a flag is one picture")
        #expect(TextWidth.columns("\u{2764}\u{FE0F}") == 2, "a text-default emoji asked for as a picture")
        #expect(TextWidth.columns("\u{1B}[1;31mred\u{1B}[0m") == 3, "colour sequences take no room")
        #expect(TextWidth.pad("日本", to: 6) == "日本  ")
        #expect(TextWidth.pad("7", to: 3, right: true) == "  7")
    }

    @Test func wrapperMeasuresDisplayWidthAndCutsLongWords() {
        #expect(
            WordWrap.lines("one two three", width: 10, indent: "  ", firstIndent: "> ") == ["> one two", "  three"])
        #expect(WordWrap.lines("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(WordWrap.lines("ab cdefghijklmnop", width: 10) == ["ab", "cdefghijkl", "mnop"])
        // Four ideographs are eight columns: two to a line of five columns.
        #expect(WordWrap.lines("日本語の本", width: 5) == ["日本", "語の", "本"])
        #expect(WordWrap.lines("一 二 三 四", width: 5) == ["一 二", "三 四"])
        #expect(WordWrap.lines("a\n\nb", width: 10) == ["a", "", "b"], "line breaks kept by default")
        #expect(WordWrap.lines("  x\n\ny  ", width: 10, keepingLineBreaks: false) == ["x y"])
        #expect(WordWrap.lines("", width: 10, keepingLineBreaks: false).isEmpty)
        for line in WordWrap.lines(String(repeating: "wörd ", count: 50), width: 12) {
            #expect(TextWidth.columns(line) <= 12)
        }
    }

    @Test func wrappedLinesNeverExceedTheWidthOnRandomText() {
        var rng = SplitMix64(seed: 7)
        let pieces = ["a", "bb", "日本", "e\u{301}", "👍", "longerword", "x", "한국어", " ", " ", " "]
        for _ in 0..<300 {
            let text = (0..<Int(rng.next() % 40)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
            let width = 2 + Int(rng.next() % 20)
            let lines = WordWrap.lines(text, width: width, keepingLineBreaks: false)
            for line in lines { #expect(TextWidth.columns(line) <= width, "\(text) at \(width): \(lines)") }
            // No character is lost or invented: the words come back in order, only the spaces differ.
            #expect(lines.joined().filter { $0 != " " } == text.filter { $0 != " " })
        }
    }

    @Test func numbersPrintOneWay() {
        #expect(NumberText.strength(0.66149) == "0.661")
        #expect(NumberText.strength(2.0 / 3.0) == "0.667")
        #expect(NumberText.strength(-1.0 / 3.0) == "-0.333")
        #expect(NumberText.strength(-0.0001) == "0.000", "no negative zero")
        #expect(NumberText.strength(1) == "1.000")
        #expect(NumberText.fixed(0.125, decimals: 2) == "0.12", "half to even, as printf")
        #expect(NumberText.fixed(0.375, decimals: 2) == "0.38")
        #expect(NumberText.fixed(12.5, decimals: 0) == "12")
        #expect(NumberText.fixed(.nan, decimals: 3) == "nan")
        #expect(NumberText.fixed(-.infinity, decimals: 3) == "-inf")
        #expect(NumberText.change(0.125) == "+0.125")
        #expect(NumberText.change(-0.193) == "-0.193")
        #expect(NumberText.change(0.0001) == "0.000", "a change that rounds to nothing has no sign")
        #expect(NumberText.change(-0.0001) == "0.000")
        #expect(NumberText.compact(0.6) == "0.6")
        #expect(NumberText.compact(2.0) == "2")
        #expect(NumberText.compact(-0.001) == "0")
        #expect(NumberText.compact(1.2345, decimals: 2) == "1.23")
    }

    @Test func didYouMeanFindsTyposSwapsAndPrefixes() {
        let words = ["show", "score", "scores", "status", "set", "china-engagement", "alliance-scope", "welch"]
        #expect(Suggestions.nearest(to: "shwo", in: words) == ["show"], "a swap is one edit")
        #expect(Suggestions.nearest(to: "SHOW", in: words) == ["show"], "case is ignored")
        #expect(Suggestions.nearest(to: "china-engagment", in: words) == ["china-engagement"])
        #expect(Suggestions.nearest(to: "welsh", in: words) == ["welch"])
        #expect(Suggestions.nearest(to: "allia", in: words) == ["alliance-scope"], "a prefix of 3 letters or more")
        #expect(Suggestions.nearest(to: "zzzz", in: words).isEmpty)
        #expect(Suggestions.hint(for: "scor", in: words) == "did you mean 'score' or 'scores'?")
        #expect(Suggestions.hint(for: String(repeating: "x", count: 1000), in: words) == nil)
    }

    @Test func xmlEscapingForDocumentsAndGraphvizLabels() {
        #expect(XMLText.escape(#"<a href="x">&'</a>"#) == "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;")
        #expect(XMLText.escape("a\tb\nc\u{1}d") == "a&#9;b&#10;cd")
        #expect(XMLText.escape("'é\n", for: .graphvizHTML) == "&#39;&#233; ")
        // The same escaper behind every writer.
        #expect(GraphMLWriter.escape("<é>") == XMLText.escape("<é>"))
        #expect(MatrixSVG.escape("<é>") == XMLText.escape("<é>"))
        #expect(DOTEscaping.html("<é>") == XMLText.escape("<é>", for: .graphvizHTML))
    }

    @Test func tableMeasuresDisplayWidth() {
        var t = TextTable(headers: ["ID", "NAME"])
        t.add(["a", "日本"])
        t.add(["bb", "x"])
        #expect(t.render(width: 80) == ["ID  NAME", "a   日本", "bb  x"])
        var u = TextTable(headers: ["名前", "N"], rightAligned: [1])
        u.add(["日本語", "7"])
        #expect(u.render(width: 80) == ["名前    N", "日本語  7"])
    }

    @Test func tableGivesTheRoomToTheColumnWithTheMostText() {
        // One long name, and affiliations that are all long: the affiliations get the room.
        var t = TextTable(headers: ["ID", "NAME", "AFFILIATION"])
        let affiliation = "a long affiliation of many words that goes on and on for some ninety columns or so in all"
        t.add(["a", "A Name That Is Rather Long For A Name", affiliation])
        for i in 0..<5 { t.add(["p\(i)", "Short", affiliation]) }
        let widths = t.columnWidths(width: 80)
        #expect(widths[2] > widths[1], "\(widths)")
        let lines = t.render(width: 80)
        for line in lines { #expect(TextWidth.columns(line) <= 80, "\(line)") }
        // Every affiliation fits on three lines at most; the long name wraps instead.
        #expect(lines.count <= 1 + 3 * 6, "\(lines.joined(separator: "\n"))")
    }

    @Test func aTableThatFitsKeepsItsNaturalWidths() {
        var t = TextTable(headers: ["ID", "N", "TEXT"], rightAligned: [1])
        t.add(["a", "1", "short"])
        t.add(["long-id", "100", "a text that is long enough to need wrapping at thirty columns"])
        #expect(
            t.render(width: 40) == [
                "ID         N  TEXT",
                "a          1  short",
                "long-id  100  a text that is long enough",
                "              to need wrapping at thirty",
                "              columns",
            ])
        #expect(
            t.render(width: 200)[2] == "long-id  100  a text that is long enough to need wrapping at thirty columns")
    }
}
