import Testing
@testable import ArgraphREPL

@Suite struct CommandLexerTests {
    @Test func wordsHonourQuotesAndEscapes() {
        #expect(
            CommandLexer.words("add claim x 'it''s' \"a b\" c\\ d").words == ["add", "claim", "x", "its", "a b", "c d"])
        #expect(CommandLexer.words("find 'open").unterminatedQuote)
        #expect(CommandLexer.words("show ").endsWithBlank)
        #expect(CommandLexer.words("").words.isEmpty)
    }

    @Test func statementsSplitAtUnquotedSemicolons() {
        #expect(CommandLexer.statements("info; find 'a;b'; show x") == ["info", " find 'a;b'", " show x"])
        #expect(CommandLexer.statements("find a\\;b") == ["find a\\;b"])
    }

    @Test func quoteRoundTrips() {
        for w in ["plain", "two words", "it's", "semi;colon", "", "back\\slash"] {
            #expect(CommandLexer.words(CommandLexer.quote(w)).words == [w])
        }
    }
}
