import Testing
import ArgumentGraph
@testable import ArgumentGraphFormats

@Suite struct QuoteAlignerTests {
    func best(_ quote: String, _ source: String) -> QuoteAlignment? {
        QuoteAligner().align(quote, in: SourceText(source)).first
    }

    @Test func sourceWordsUndoPdfDamage() {
        let t = SourceText("The rela-\ntive decline of US-\nJapan ties.12 See [3] and ¹ too—really.")
        #expect(
            t.words.map(\.surface) == [
                "The", "relative", "decline", "of", "US-Japan", "ties.", "See", "and", "too", "really.",
            ])
        #expect(t.words[1].range == 4..<14)
        #expect(t.position(of: 10) == SourcePosition(line: 2, column: 1))
    }

    @Test func toleratesTheUsualDamage() {
        let src =
            "He said: “The alliance’s future—its relevance—depends on trust,” and left.\nA second line about something else entirely."
        let cases: [(String, Int, Bool)] = [
            ("the alliance's future its relevance depends on trust", 0, false),  // case, apostrophe, dashes
            ("\"The alliance’s future—its relevance—depends on trust,\"", 0, false),  // straight quotes
            ("The alliance’s future—its relevance—depends on trust", 0, true),  // verbatim, punctuation cut at the end
            ("The alliance’s future … depends on trust", 0, true),  // ellipsis
            ("The alliance’s future—its relevance—depends upon trust", 1, false),  // a changed word
            ("The alliance’s future—its relevance—depends trust", 1, false),  // a dropped word
        ]
        for (q, cost, verbatim) in cases {
            let a = best(q, src)
            #expect(a?.cost == cost, "\(q)")
            #expect(a?.isVerbatim == verbatim, "\(q)")
            #expect(a?.span.start.line == 1, "\(q)")
        }
    }

    @Test func theFixKeepsEllipsesAndTakesTheSourcesWords() {
        let a = best(
            "Japan must show … confidence in each others commitments",
            "The US and Japan must show more confidence in each other’s commitments to the alliance.")
        #expect(a?.fixedText == "Japan must show … confidence in each other’s commitments")
        let b = best("must demonstrate more confidence", "they must demonstrate more confidence")
        #expect(b?.isVerbatim == true)
    }

    @Test func wordDiffListsEachDifference() throws {
        let a = try #require(
            best("the rapid pace of change in Asia", "Welch noted the fast pace of change, in East Asia."))
        #expect(a.edits.map(\.kind) == [.same, .changed, .same, .same, .cosmetic, .same, .added, .same])
        #expect(a.edits[1].quote == "rapid" && a.edits[1].source == "fast")
    }

    @Test func nothingAlikeGivesNoAlignment() {
        #expect(
            QuoteAligner().align("completely unrelated words", in: SourceText("The alliance stands at a crossroads."))
                .isEmpty)
        #expect(QuoteAligner().align("", in: SourceText("text")).isEmpty)
        #expect(QuoteAligner().align("text", in: SourceText("")).isEmpty)
    }

    @Test func sentencesSplitAtStopsNotAbbreviations() {
        let t = SourceText("Gen. Welch and the U.S. agree. The second one? Yes.\n\nA heading\nNew para here")
        let s = t.sentences().map { t.quoteText(words: $0) }
        #expect(s == ["Gen. Welch and the U.S. agree.", "The second one?", "Yes.", "A heading New para here"])
    }

    @Test func porterStems() {
        let pairs = [
            "caresses": "caress", "ponies": "poni", "cats": "cat", "agreed": "agre", "plastered": "plaster",
            "motoring": "motor",
            "hopping": "hop", "filing": "file", "happy": "happi", "relational": "relat", "conditional": "condit",
            "cooperation": "cooper", "alliances": "allianc", "deterrence": "deterr", "generalization": "gener",
            "effective": "effect",
            "is": "is", "controll": "control", "rate": "rate",
        ]
        for (w, s) in pairs { #expect(Stemmer.stem(w) == s, "\(w)") }
        #expect(Stemmer.stem("tōkyō") == "tōkyō")
    }

    @Test func similarityRanksRestatementsAboveUnrelatedText() {
        let idx = SimilarityIndex([
            "Japan should engage China in regional security dialogue",
            "engaging China on regional security is what Japan must do",
            "nuclear deterrence remains the core of the alliance",
        ])
        #expect(idx.cosine(0, 1) > 0.4)
        #expect(idx.cosine(0, 2) < 0.05)
        #expect(SimilarityIndex.terms("The Alliances and the alliance") == ["allianc", "allianc"])
    }

    @Test func passageSearchFindsTextAndRegexWithLines() throws {
        let t = SourceText("First line.\nThe rela-\ntive decline of US power.\nMore on decline later.")
        let hits = PassageSearch.find("relative DECLINE", in: t)
        #expect(hits.count == 1)
        #expect(hits[0].quoteLine == "quote L2-3: relative decline")
        let re = try Regex("decline of \\w+")
        let r = PassageSearch.find(regex: re, in: t)
        #expect(r.map(\.text) == ["decline of US"])
        #expect(PassageSearch.find("decline", in: t).map(\.span.start.line) == [3, 4])
        #expect(PassageSearch.find("relative decadence of US power", in: t).first?.similarity ?? 0 < 1)
    }
}

@Suite struct QuoteAlignerJoinTests {
    @Test func passagesKeepTheSourcesEmDashesAndJoinSplitWords() throws {
        let t = SourceText("concerned with a post—Cold War drift. The U.S.- Japan alliance, however, held.")
        #expect(t.quoteText(words: 0...6) == "concerned with a post—Cold War drift.")
        let a = try #require(QuoteAligner().align("a post Cold war drift", in: t).first)
        #expect(a.fixedText == "a post—Cold War drift")
        let b = try #require(QuoteAligner().align("The U.S.-Japan alliance however", in: t).first)
        #expect(b.cost == 0 && !b.isVerbatim)
        #expect(b.fixedText == "The U.S.- Japan alliance, however")
        #expect(b.edits[1] == WordEdit(kind: .cosmetic, quote: "U.S.-Japan", source: "U.S.- Japan"))
    }
}

@Suite struct QuoteAlignerLimitTests {
    @Test func oddQuotesGiveAnAnswerNotACrash() {
        let t = SourceText("The alliance stands at a crossroads. " + String(repeating: "word ", count: 3000))
        #expect(QuoteAligner().align(String(repeating: "word ", count: 2000), in: t).isEmpty)  // over the limit
        #expect(QuoteAligner().align("… … …", in: t).isEmpty)
        #expect(QuoteAligner().align("!!! --- ”“", in: t).isEmpty)
        #expect(QuoteAligner().align("crossroads …", in: t).first?.isVerbatim == true)
        #expect(QuoteAligner().align("… alliance stands", in: t).first?.isVerbatim == true)
        let c = QuoteChecker(library: SourceLibrary(texts: [t])).check(Quote("word word word"), document: 0)
        #expect(c.verdict == .verbatim && c.runnerUp != nil && !c.isSafeFix)
    }
}

@Suite struct SentenceTests {
    @Test func aPageBreakInsideASentenceDoesNotEndIt() {
        let t = SourceText(
            "However, circumstances have changed\n\n\n\nover the past years. Next one.\n\nNew paragraph.")
        #expect(
            t.sentences().map { t.quoteText(words: $0) } == [
                "However, circumstances have changed over the past years.", "Next one.", "New paragraph.",
            ])
    }
}
