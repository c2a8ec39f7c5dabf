import Testing
@testable import ArgumentGraph

/// Malformed inputs, each with the exact position and message the reader must report.
@Suite struct ArgReaderErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let source: String
        let expected: String
        var testDescription: String { name }
    }

    static let prelude = "actor a1\ndocument d1\n  title: T\nclaim x: X.\nclaim y: Y.\n"

    static let cases: [Case] = [
        Case(name: "unknown declaration", source: "clam x: X.\n", expected: "1:1: error: unknown declaration 'clam'"),
        Case(
            name: "unknown property", source: "claim x: X.\n  tagz: a\n",
            expected: "2:3: error: unknown property 'tagz' for a claim"),
        Case(
            name: "indented line first", source: "  title: T\n",
            expected: "1:3: error: indented line outside a declaration"),
        Case(
            name: "duplicate claim id", source: "claim x: X.\nclaim x: Y.\n",
            expected: "2:7: error: duplicate claim id 'x' (first declared at t.arg:1:7)"),
        Case(
            name: "duplicate actor id", source: "actor a\nactor a\n",
            expected: "2:7: error: duplicate actor id 'a' (first declared at t.arg:1:7)"),
        Case(
            name: "unknown claim in support", source: prelude + "support x -> yy\n",
            expected: "6:14: error: unknown claim 'yy'"),
        Case(
            name: "unknown source claim", source: prelude + "attack q -> y\n", expected: "6:8: error: unknown claim 'q'"
        ),
        Case(
            name: "self support", source: prelude + "support x -> x\n",
            expected: "6:14: error: claim 'x' cannot support itself"),
        Case(
            name: "self attack", source: prelude + "attack y -> y\n",
            expected: "6:13: error: claim 'y' cannot attack itself"),
        Case(
            name: "weight out of range", source: prelude + "support x -> y\n  weight: 1.5\n",
            expected: "7:11: error: weight 1.5 is outside [0, 1]"),
        Case(
            name: "weight not a number", source: prelude + "support x -> y\n  weight: heavy\n",
            expected: "7:11: error: weight 'heavy' is not a number"),
        Case(
            name: "negative credibility", source: "actor a\n  credibility: -0.1\n",
            expected: "2:16: error: credibility -0.1 is outside [0, 1]"),
        Case(name: "empty claim text", source: "claim x:\n", expected: "1:8: error: claim 'x' has empty text"),
        Case(
            name: "missing colon after claim id", source: "claim x X.\n",
            expected: "1:9: error: expected ':' after the claim id"),
        Case(
            name: "unknown actor in stance", source: prelude + "stance bob asserts x\n",
            expected: "6:8: error: unknown actor 'bob'"),
        Case(
            name: "unknown document in stance", source: prelude + "stance a1 asserts x in d2\n",
            expected: "6:24: error: unknown document 'd2'"),
        Case(
            name: "bad stance verb", source: prelude + "stance a1 supports x\n",
            expected: "6:11: error: unknown stance 'supports'"),
        Case(name: "incomplete stance", source: prelude + "stance a1\n", expected: "6:10: error: incomplete stance"),
        Case(name: "missing arrow", source: prelude + "support x y\n", expected: "6:9: error: expected 'FROM -> TO'"),
        Case(
            name: "missing target", source: prelude + "support x ->\n",
            expected: "6:13: error: missing the target after '->'"),
        Case(
            name: "bad date", source: "document d\n  title: T\n  date: 2008/03\n",
            expected: "3:9: error: invalid date '2008/03'"),
        Case(
            name: "bad actor kind", source: "actor a\n  kind: robot\n",
            expected: "2:9: error: unknown actor kind 'robot'"),
        Case(
            name: "document without title", source: "document d\n  date: 2008\n",
            expected: "1:10: error: document 'd' has no title"),
        Case(
            name: "bad quote location", source: prelude + "stance a1 asserts x\n  quote L0: words\n",
            expected: "7:9: error: invalid quote location 'L0'"),
        Case(
            name: "empty quote", source: prelude + "stance a1 asserts x\n  quote:\n",
            expected: "7:9: error: empty quote"),
        Case(
            name: "unknown relation in undercut", source: prelude + "support r1: x -> y\nundercut y -> r2\n",
            expected: "7:15: error: unknown relation 'r2'"),
        Case(name: "invalid id", source: "claim -x: X.\n", expected: "1:7: error: '-x' is not a valid claim id"),
        Case(name: "invalid tag", source: "claim x: X.\n  tags: a b\n", expected: "2:9: error: invalid tag 'a b'"),
        Case(
            name: "duplicate property", source: "claim x: X.\n  base: 0.5\n  base: 0.6\n",
            expected: "3:3: error: duplicate property 'base'"),
        Case(
            name: "text given twice", source: "claim x: X.\n  text: Y\n",
            expected: "2:3: error: the claim's text is given twice"),
        Case(
            name: "second graph header", source: "graph a\ngraph b\n", expected: "2:1: error: a second 'graph' header"),
        Case(name: "invalid UTF-8", source: "claim x: caf\u{E9}\n", expected: "1:13: error: invalid UTF-8"),
        Case(
            name: "unknown actor in by", source: prelude + "support x -> y\n  by: zed\n",
            expected: "7:7: error: unknown actor 'zed'"),
        Case(
            name: "support of a relation", source: prelude + "support r1: x -> y\nsupport y -> r1\n",
            expected: "7:14: error: unknown claim 'r1'"),
    ]

    @Test(arguments: cases)
    func reportsExactPositionAndMessage(_ c: Case) throws {
        var bytes = Array(c.source.utf8)
        if c.name == "invalid UTF-8" {
            // Replace the two-byte é by a lone continuation byte.
            bytes = Array("claim x: caf".utf8) + [0xA9] + [0x0A]
        }
        let error = try #require(throws: DiagnosticError.self) { try ArgReader.read(bytes, file: "t.arg") }
        let rendered = error.diagnostics.map(\.description)
        #expect(rendered.contains { $0.hasPrefix("t.arg:" + c.expected) }, "got: \(rendered)")
    }

    @Test func unknownIdHintsTheNearestIds() throws {
        let src = "claim china-engagement: A.\nclaim alliance-scope: B.\nsupport china-engagment -> alliance-scope\n"
        let error = try #require(throws: DiagnosticError.self) { try ArgReader.read(src, file: "t.arg") }
        #expect(error.diagnostics.first?.hint == "did you mean 'china-engagement'?")
    }

    @Test func reportsEveryErrorNotJustTheFirst() throws {
        let src = "claim x: X.\nsupport x -> a\nsupport x -> b\nattack x -> c\n  weight: 9\n"
        let error = try #require(throws: DiagnosticError.self) { try ArgReader.read(src, file: "t.arg") }
        #expect(error.errors.count == 4)
        #expect(error.errors.map { $0.location?.line ?? 0 } == [2, 3, 4, 5])
    }

    @Test func stopsAtTheErrorLimit() throws {
        let src = String(repeating: "bogus\n", count: 500)
        let error = try #require(throws: DiagnosticError.self) { try ArgReader.read(src, file: "t.arg") }
        #expect(error.errors.count == ArgReader.errorLimit)
        #expect(error.diagnostics.last?.message.contains("too many errors") == true)
    }

    @Test func rendererShowsTheLineAndACaret() throws {
        let src = "claim x: X.\nsupport x -> yy\n"
        let error = try #require(throws: DiagnosticError.self) { try ArgReader.read(src, file: "t.arg") }
        let text = DiagnosticRenderer(source: src).render(error.diagnostics[0])
        #expect(text == "t.arg:2:14: error: unknown claim 'yy'\n  support x -> yy\n               ^")
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let src = "claim é: É.\nsupport é -> ü\n"
        let error = try #require(throws: DiagnosticError.self) { try ArgReader.read(src, file: "t.arg") }
        #expect(error.errors.first?.location?.column == 14)
    }

    @Test func warnsOnIsolatedAndUnheldClaimsButAccepts() throws {
        let src =
            "actor a\nclaim x: X.\nclaim y: Y.\nclaim z: Z.\nstance a asserts x\nstance a asserts y\nsupport x -> y\n"
        let parsed = try ArgReader.read(src, file: "t.arg")
        #expect(
            parsed.warnings.map(\.description) == [
                "t.arg:4:7: warning: claim 'z' is isolated: no relation supports, attacks or starts from it",
                "t.arg:4:7: warning: no actor holds claim 'z' (hint: add 'stance ACTOR asserts z')",
            ])
    }
}
