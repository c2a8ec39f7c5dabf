import Testing
@testable import ArgraphREPL

/// Inputs found by the command-parser fuzz harness (Fuzz/Harnesses/CommandFuzz.swift).
@Suite struct CommandLexerRegressionTests {
    @Test(arguments: ["it'\u{301}s", "'\u{301}", "a\"\u{308}b c", "x;\u{301}y", "\\\u{301}", "é'`on\\iee"])
    func quotingAWordWithACombiningMarkReadsBack(word: String) {
        // A quote followed by a combining mark is one Character, so the Character-based lexer
        // saw no quote there, while quoting did: the word came back changed.
        let quoted = CommandLexer.quote(word)
        let back = CommandLexer.words(quoted)
        #expect(back.words == [word], "\(quoted.debugDescription)")
        #expect(!back.unterminatedQuote)
        #expect(CommandLexer.statements(quoted) == [quoted])
    }
}
