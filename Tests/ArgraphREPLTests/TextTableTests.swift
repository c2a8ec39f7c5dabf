import Testing
@testable import ArgraphREPL

@Suite struct TextTableTests {
    @Test func alignsColumnsAndWrapsTheLast() {
        var t = TextTable(headers: ["ID", "N", "TEXT"], rightAligned: [1])
        t.add(["a", "1", "short"])
        t.add(["long-id", "100", "a text that is long enough to need wrapping at thirty columns"])
        #expect(t.render(width: 40) == [
            "ID         N  TEXT",
            "a          1  short",
            "long-id  100  a text that is long enough",
            "              to need wrapping at thirty",
            "              columns",
        ])
    }

    @Test func wrapCutsWordsLongerThanALineAndIgnoresEscapes() {
        #expect(TextLayout.wrap("abcdefghijklmnop", width: 10) == ["abcdefghij", "klmnop"])
        #expect(TextLayout.visibleWidth(Style(enabled: true).support("+")) == 1)
        #expect(TextLayout.wrap("one two three", width: 10, indent: "  ", firstIndent: "> ") == ["> one two", "  three"])
    }

    @Test func styleHonoursTerminalAndNoColor() {
        #expect(!Style.detect(isTerminal: true, environment: ["NO_COLOR": "1"]).enabled)
        #expect(!Style.detect(isTerminal: false, environment: [:]).enabled)
        #expect(Style.detect(isTerminal: true, environment: ["TERM": "xterm"]).enabled)
        #expect(Style.plain.attack("x") == "x")
    }
}
