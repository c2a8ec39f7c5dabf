import ArgumentGraph
import Foundation
import Testing
import ArgraphTestSupport
@testable import ArgraphREPL

/// The REPL's source commands on a two-document corpus with a known restatement.
@Suite struct SourceCommandsTests {
    static let a =
        "Engagement with China\n\nJapan and the United States must engage China on regional security. Share on twitter. Nuclear deterrence\nremains the core of the alliance. The budget was approved in March.\n"
    static let b =
        "Engaging China on regional security is what Tokyo and Washington must do. The alliance should help poor countries build hospitals. Share on twitter.\n"
    static let graph = """
        document da
          title: A
          date: 2009
          file: a.txt
          skip: Share on twitter
        document db
          title: B
          file: b.txt
        actor x
        actor y
        claim engage-a: Japan and the US must engage China on regional security.
        claim deterrence: Nuclear deterrence is the core of the alliance.
        claim engage-b: Tokyo and Washington must engage China on regional security.
        stance x asserts engage-a in da
          quote: Japan and the United States must engage China on regional security
        stance x asserts deterrence in da
          quote: Nuclear deterrence remains the core of the alliance
        stance y asserts engage-b in db
          quote: Engaging China on regional security is what Tokyo and Washington must do
        support engage-a -> deterrence
        """

    static func sources() throws -> String {
        let dir = try ScratchDirectory.make("repl-src")
        try a.write(to: dir.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try b.write(to: dir.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
        return dir.path
    }

    static func run(_ lines: [String], width: Int = 80) throws -> String {
        Fixture.run(lines, source: graph, width: width)
    }

    @Test func quoteFindsPassagesWithContextAndAPasteLine() throws {
        let dir = try Self.sources()
        let out = try Self.run(["quote da regional SECURITY --sources \(dir)"])
        #expect(
            out == """
                da L3:50
                    …and the United States must engage China on [regional security.] Share on
                    twitter. Nuclear deterrence remains the core…
                  quote L3: regional security.

                """)
        // The directory is remembered; without DOC every document is searched; a regex works.
        let all = try Self.run(["quote regional security --sources \(dir)", "quote /hospital\\w*/"])
        #expect(all.contains("da L3:50") && all.contains("db L1:19") && all.contains("quote L1: hospitals."))
    }

    @Test func quoteErrorsAreClear() throws {
        let dir = try Self.sources()
        let out = try Self.run([
            "quote --sources \(dir)", "quote /(/ --sources \(dir)", "quote dq regional security --sources \(dir)",
            "quote x --sources /nonexistent",
        ])
        #expect(out.contains("error: missing TEXT\n  hint: usage: quote [DOC] TEXT"))
        #expect(out.contains("error: invalid regular expression /(/"))
        #expect(
            out.contains("(is 'dq' a document? did you mean 'da' or 'db'?)")
                || out.contains("(is 'dq' a document? did you mean 'db' or 'da'?)"))
        #expect(out.contains("error: no folder '/nonexistent'"))
        let none = try Self.run(["quote regional"])
        #expect(none.contains("error: no folder holds the documents' source files"))
        #expect(none.contains("hint: give --sources DIR"))
    }

    @Test func coverageListsSharesThenUncoveredSentences() throws {
        let dir = try Self.sources()
        let out = try Self.run(["coverage --sources \(dir)"])
        #expect(
            out == """
                DOCUMENT  SENTENCES  COVERED  SKIPPED  SHARE
                da                5        2        1    50%
                db                3        1        0    33%

                Not yet covered in da (2 sentences)
                    L1  Engagement with China
                    L4  The budget was approved in March.

                Not yet covered in db (2 sentences)
                    L1  The alliance should help poor countries build hospitals.
                    L1  Share on twitter.

                """)
        #expect(try Self.run(["coverage dq --sources \(dir)"]).contains("unknown document 'dq'"))
        #expect(try Self.run(["coverage da db --sources \(dir)"]).contains("error: unexpected 'db'"))
    }

    @Test func contextShowsTheParagraphWithTheQuoteMarked() throws {
        let dir = try Self.sources()
        let out = try Self.run(["context deterrence --sources \(dir)"])
        #expect(
            out == """
                x asserts — da (2009), a.txt L3
                    Japan and the United States must engage China on regional security. Share on
                    twitter. [Nuclear deterrence remains the core of the alliance.] The budget
                    was approved in March.

                """)
        let shown = try Self.run(["show deterrence --context --sources \(dir)"])
        #expect(shown.contains("In context\nx asserts — da (2009), a.txt L3\n"))
        #expect(try Self.run(["context nosuch --sources \(dir)"]).contains("unknown claim 'nosuch'"))
    }

    @Test func similarRanksTheRestatementFirst() throws {
        let dir = try Self.sources()
        let out = try Self.run(["similar --sources \(dir) --claims-only"], width: 80)
        let first = out.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first.hasPrefix("1. ") && first.contains("engage-a (da)  ~  engage-b (db)"), "\(out)")
        #expect(!first.contains("(related)"))
        // A linked relation with one of the two among its premises relates them.
        let related = Fixture.run(
            ["similar --sources \(dir) --claims-only"],
            source: Self.graph + "\nsupport lk: deterrence + engage-b -> engage-a\n",
            width: 120)
        #expect(related.split(separator: "\n").first?.hasSuffix("(related)") == true, "\(related)")
        #expect(try Self.run(["similar --min 2"]).contains("--min needs a number from 0 to 1"))
        #expect(try Self.run(["similar deterrence --min 0.99 --claims-only"]).contains("no pair scores 0.99 or more"))
    }

    @Test func newCommandsCompleteTheirArguments() {
        let (s, _) = Fixture.session(Self.graph)
        let c = Completer(session: s)
        #expect(c.complete(before: "quote ", word: "d") == ["da", "db"])
        #expect(c.complete(before: "quote da ", word: "d") == [])
        #expect(c.complete(before: "coverage ", word: "d") == ["da", "db"])
        #expect(c.complete(before: "context ", word: "eng") == ["engage-a", "engage-b"])
        #expect(c.complete(before: "similar ", word: "--c") == ["--claims-only"])
        #expect(c.complete(before: "show deterrence ", word: "--con") == ["--context"])
        #expect(c.complete(before: "", word: "cov") == ["coverage"])
    }
}
