import ArgumentGraph
import Testing
@testable import ArgraphREPL

/// The REPL side of the text layer (the table itself is tested in ArgumentGraphTests/Text/TextLayerTests).
@Suite struct TextTableTests {
    @Test func wrapCutsWordsLongerThanALineAndIgnoresEscapes() {
        #expect(TextLayout.wrap("abcdefghijklmnop", width: 10) == ["abcdefghij", "klmnop"])
        #expect(TextLayout.visibleWidth(Style(enabled: true).support("+")) == 1)
        var t = TextTable(headers: ["A", "B"])
        t.add(["x", "y"])
        #expect(
            t.render(width: 40, style: Style(enabled: true)).first == "\u{1B}[1;4mA\u{1B}[0m  \u{1B}[1;4mB\u{1B}[0m")
        #expect(
            TextLayout.wrap("one two three", width: 10, indent: "  ", firstIndent: "> ") == ["> one two", "  three"])
    }

    @Test func styleHonoursTerminalAndNoColor() {
        #expect(!Style.detect(isTerminal: true, environment: ["NO_COLOR": "1"]).enabled)
        #expect(!Style.detect(isTerminal: false, environment: [:]).enabled)
        #expect(Style.detect(isTerminal: true, environment: ["TERM": "xterm"]).enabled)
        #expect(Style.plain.attack("x") == "x")
    }
}
