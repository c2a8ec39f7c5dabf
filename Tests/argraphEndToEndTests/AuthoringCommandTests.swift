import Foundation
import Testing
import ArgraphTestSupport

/// `verify`, `quote`, `coverage`, `similar` and `fmt --locate` on a small corpus written beside its graph.
@Suite struct AuthoringCommandTests {
    static let a =
        "Engagement with China\n\nJapan and the United States must engage China on regional security. Share on twitter. Nuclear deterrence\nremains the core of the alliance. The budget was approved in March.\n"
    static let b =
        "Engaging China on regional security is what Tokyo and Washington must do. The alliance should help poor countries build hospitals.\n"
    static let graph = """
        # A small graph; this comment must survive --fix.
        document da
          title: A
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

        # x's stances
        stance x asserts engage-a in da
          quote: Japan and the United States must engage China on regional security
        stance x asserts deterrence in da
          quote: Nuclear deterrence remains the core of the alliance
        stance y asserts engage-b in db
          quote: Engaging China on regional security is what Tokyo and Washington must do
        support engage-a -> deterrence
        support engage-b -> deterrence

        """

    /// A folder with the sources and `g.arg` (its text given, or the graph above).
    static func corpus(_ text: String = graph) throws -> URL {
        let dir = try ScratchDirectory.make("e2e")
        try a.write(to: dir.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try b.write(to: dir.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
        try text.write(to: dir.appendingPathComponent("g.arg"), atomically: true, encoding: .utf8)
        return dir
    }

    @Test func verifyFindsTheSourcesBesideTheGraph() throws {
        let dir = try Self.corpus()
        let r = try BinaryRunner.run(["verify", dir.appendingPathComponent("g.arg").path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "3 of 3 quotes verified\n")
    }

    @Test func aNearMissIsShownAtItsLineWithItsPassageAndFixedKeepingComments() throws {
        let damaged = Self.graph.replacingOccurrences(
            of: "States must engage China on regional", with: "States should engage china on regional")
        let dir = try Self.corpus(damaged)
        let file = dir.appendingPathComponent("g.arg").path
        let r = try BinaryRunner.run(["verify", file])
        #expect(r.status == 1)
        #expect(
            r.stderr.contains("\(file):17:3: error: quote is not word for word (x asserts engage-a in da)"),
            "\(r.stderr)")
        #expect(
            r.stderr.contains(
                "  source: a.txt:3:1: “Japan and the United States must engage China on regional security”"))
        #expect(
            r.stderr.contains(
                "  diff:   Japan and the United States [-should-]{+must+} engage [-china-]{+China+} on regional security"
            ))
        #expect(r.stderr.contains("  fix:    verify --fix rewrites the quote to the source's words"))
        let f = try BinaryRunner.run(["verify", "--fix", file])
        #expect(f.status == 0, "\(f.stderr)")
        #expect(f.stdout.contains("fixed 1 quote in \(file); 0 left to look at"))
        #expect(try String(contentsOfFile: file, encoding: .utf8) == Self.graph)
    }

    @Test func aQuoteInTheWrongDocumentNamesTheOneThatHoldsIt() throws {
        let moved = Self.graph.replacingOccurrences(
            of: "stance x asserts deterrence in da", with: "stance x asserts deterrence in db")
        let dir = try Self.corpus(moved)
        let file = dir.appendingPathComponent("g.arg").path
        let r = try BinaryRunner.run(["verify", file])
        #expect(r.status == 1)
        #expect(
            r.stderr.contains("\(file):19:3: error: quote is not in db (x asserts deterrence in db)"), "\(r.stderr)")
        #expect(r.stderr.contains("  it stands in da:\n  source: a.txt:3:87:"))
        // --fix leaves it alone (it would be a wrong passage).
        let f = try BinaryRunner.run(["verify", "--fix", file])
        #expect(f.status == 1)
        #expect(f.stdout.contains("nothing fixed"))
        #expect(try String(contentsOfFile: file, encoding: .utf8) == moved)
    }

    @Test func aQuoteWithNoPlausiblePassageSaysSo() throws {
        let dir = try Self.corpus(
            Self.graph.replacingOccurrences(
                of: "quote: Nuclear deterrence remains the core of the alliance",
                with: "quote: bananas grow on tall green plants"))
        let r = try BinaryRunner.run(["verify", dir.appendingPathComponent("g.arg").path])
        #expect(r.status == 1)
        #expect(
            r.stderr.contains(
                ":19:3: error: no plausible passage for this quote in da or any other document (x asserts deterrence in da)"
            ), "\(r.stderr)")
    }

    @Test func verifyWithoutSourcesSaysWhereItLooked() throws {
        let dir = try ScratchDirectory.make("e2e")
        try Self.graph.write(to: dir.appendingPathComponent("g.arg"), atomically: true, encoding: .utf8)
        let r = try BinaryRunner.run(
            ["verify", dir.appendingPathComponent("g.arg").path], environment: ["ARGRAPH_SOURCES": ""])
        #expect(r.status == 1)
        #expect(
            r.stderr.contains(
                "error: no folder holds the documents' source files (looked in \(dir.path), \(dir.path)/sources)"))
        #expect(r.stderr.contains("hint: give --sources DIR"))
        let s = try BinaryRunner.run(["verify", dir.appendingPathComponent("g.arg").path, "--sources", "/nonexistent"])
        #expect(s.status == 1)
        #expect(s.stderr.contains("error: --sources: no folder '/nonexistent'"))
    }

    @Test func quotePrintsHitsAndAPasteLine() throws {
        let dir = try Self.corpus()
        let file = dir.appendingPathComponent("g.arg").path
        let r = try BinaryRunner.run(["quote", file, "da", "nuclear", "deterrence"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("da L3:87\n"))
        #expect(r.stdout.contains("  quote L3: Nuclear deterrence\n"))
        let none = try BinaryRunner.run(["quote", file])
        #expect(none.status != 0)
        #expect(none.stderr.contains("missing TEXT"))
        let bad = try BinaryRunner.run(["quote", file, "/(/"])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("error: invalid regular expression /(/"))
    }

    @Test func coverageGivesSharesAndJSON() throws {
        let dir = try Self.corpus()
        let file = dir.appendingPathComponent("g.arg").path
        let r = try BinaryRunner.run(["coverage", file, "--summary"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("da                5        2        1    50%"), "\(r.stdout)")
        let j = try BinaryRunner.run(["coverage", file, "db", "--json"])
        let obj = try JSONSerialization.jsonObject(with: Data(j.stdout.utf8)) as? [String: Any]
        let docs = obj?["documents"] as? [[String: Any]]
        #expect(docs?.count == 1 && docs?[0]["id"] as? String == "db" && docs?[0]["share"] as? Double == 0.5)
        let bad = try BinaryRunner.run(["coverage", file, "dq"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("unknown document 'dq'; did you mean"))
    }

    @Test func similarRanksTheRestatementFirstAndChecksItsOptions() throws {
        let dir = try Self.corpus()
        let file = dir.appendingPathComponent("g.arg").path
        let r = try BinaryRunner.run(["similar", file, "--claims-only"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(
            r.stdout.hasPrefix("1. ") && r.stdout.split(separator: "\n")[0].contains("engage-a (da)  ~  engage-b (db)"),
            "\(r.stdout)")
        #expect(try BinaryRunner.run(["similar", file, "--min", "2"]).stderr.contains("--min must be between 0 and 1"))
        #expect(try BinaryRunner.run(["similar", file, "--claim", "engage"]).stderr.contains("unknown claim 'engage'"))
    }

    @Test func fmtLocateWritesLineLocations() throws {
        let dir = try Self.corpus()
        let file = dir.appendingPathComponent("g.arg").path
        let r = try BinaryRunner.run(["fmt", "--locate", file])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("  quote L3: Japan and the United States must engage China on regional security\n"))
        #expect(r.stdout.contains("  quote L3-4: Nuclear deterrence remains the core of the alliance\n"))
        #expect(r.stderr.contains("located 3 quotes"))
        // verify checks the stated locations.
        let located = dir.appendingPathComponent("located.arg")
        try r.stdout.replacingOccurrences(of: "quote L3-4:", with: "quote L1:").write(
            to: located, atomically: true, encoding: .utf8)
        let v = try BinaryRunner.run(["verify", located.path])
        #expect(v.status == 1)
        #expect(
            v.stderr.contains("error: quote is not at its stated location L1 (x asserts deterrence in da)"),
            "\(v.stderr)")
        #expect(v.stderr.contains("it stands at a.txt:3:87 (L3-4)"))
        #expect(
            try BinaryRunner.run(["fmt", file, "--sources", dir.path]).stderr.contains(
                "--sources is used with --locate"))
    }
}
