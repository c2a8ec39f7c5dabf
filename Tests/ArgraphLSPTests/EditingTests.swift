import ArgumentGraph
import Foundation
import Testing
@testable import ArgraphLSP

/// Rename, formatting and quick fixes: the edits the server proposes, applied and read back.
@Suite struct EditingTests {
    /// The text after applying a `WorkspaceEdit`'s (or a TextEdit list's) edits to `text`.
    func apply(_ edits: [JSON], to text: String) -> String {
        var doc = TextDocument(text)
        // Edits do not overlap; applied from the last, earlier positions stay valid.
        let sorted = edits.sorted { Position($0["range"]?["start"])! > Position($1["range"]?["start"])! }
        for e in sorted { doc.apply(.init(range: TextRange(e["range"]), text: e["newText"]?.string ?? "")) }
        return doc.text
    }

    func session() -> LSPSession {
        let s = LSPSession()
        s.open(Fixture.uri, Fixture.text)
        return s
    }

    @Test func renameChangesEveryUseAndOnlyThose() throws {
        let s = session()
        let line = Fixture.line("stance bob asserts")
        let prep = s.request("textDocument/prepareRename", LSPSession.at(Fixture.uri, line, 21))
        #expect(prep["placeholder"] == "c2" && prep.rangeNumbers == [line, 19, line, 21])
        let edit = s.request(
            "textDocument/rename", LSPSession.at(Fixture.uri, line, 20).merging(["newName": "dogs-win"]))
        let edits = edit["changes"]?[Fixture.uri]?.array ?? []
        #expect(edits.count == 5)
        let renamed = apply(edits, to: Fixture.text)
        let g = try ArgReader.read(renamed).graph
        #expect(g.claim("dogs-win")?.text == "Dogs are better than cats." && g.claim("c2") == nil)
        #expect(g.relations.count == 4 && g.stances.count == 3)
    }

    @Test func renameReachesEveryPremiseOfALinkedRelation() throws {
        let text = "claim a: A.\nclaim b: B.\nclaim c: C.\nsupport r1: a + b -> c\nattack c+b -> a\n"
        let s = LSPSession()
        s.open("file:///linked.arg", text)
        let edit = s.request(
            "textDocument/rename", LSPSession.at("file:///linked.arg", 1, 6).merging(["newName": "bee"]))
        let edits = edit["changes"]?["file:///linked.arg"]?.array ?? []
        #expect(edits.count == 3)
        let g = try ArgReader.read(apply(edits, to: text)).graph
        #expect(g.relations.map { $0.premises.map { g.claims[$0].id } } == [["a", "bee"], ["c", "bee"]])
    }

    @Test func renameIsRefusedForATakenOrInvalidID() {
        let s = session()
        let line = Fixture.line("claim c2")
        let taken = s.response("textDocument/rename", LSPSession.at(Fixture.uri, line, 7).merging(["newName": "c1"]))
        #expect(taken["error"]?["code"] == -32803)
        #expect(
            taken["error"]?["message"]?.string?.contains(
                "claim id 'c1' is already taken (line \(Fixture.line("claim c1") + 1))") == true)
        let invalid = s.response(
            "textDocument/rename", LSPSession.at(Fixture.uri, line, 7).merging(["newName": "two words"]))
        #expect(invalid["error"]?["message"]?.string?.contains("not a valid id") == true)
        // An actor may take a claim's id: ids are unique per kind.
        let actor = s.response(
            "textDocument/rename", LSPSession.at(Fixture.uri, Fixture.line("actor bob"), 7).merging(["newName": "c1"]))
        #expect(actor["result"]?["changes"]?[Fixture.uri]?.array?.count == 3)
        #expect(
            s.response("textDocument/rename", LSPSession.at(Fixture.uri, 2, 3).merging(["newName": "x"]))["error"]?[
                "code"] == -32803)
    }

    @Test func formattingIsFmtWithComments() throws {
        let s = session()
        let edits =
            s.request(
                "textDocument/formatting",
                ["textDocument": ["uri": .string(Fixture.uri)], "options": ["tabSize": 2, "insertSpaces": true]]
            ).array ?? []
        #expect(edits.count == 1)
        let formatted = apply(edits, to: Fixture.text)
        #expect(formatted == (try ArgFormatter.format(Fixture.text)))
        #expect(formatted.contains("# The main claim.\nclaim c1: Cats are better than dogs."))
        #expect(formatted.hasPrefix("# A small graph for the language server's tests.\ngraph tiny\n"))
        // Formatted text formats to nothing; a text with errors is left alone.
        let t = LSPSession()
        t.open(Fixture.uri, formatted)
        #expect(t.request("textDocument/formatting", ["textDocument": ["uri": .string(Fixture.uri)]]) == [])
        t.open(Fixture.uri, "claim x\n")
        #expect(t.request("textDocument/formatting", ["textDocument": ["uri": .string(Fixture.uri)]]) == [])
    }

    @Test func aQuoteWithAKnownPassageGetsAQuickFix() throws {
        let (_, dir) = try Fixture.folder(source: "whatever")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // A stand-in for the near-miss repair: it proposes a passage for the first quote.
        let s = LSPSession(
            quoteChecker: { _, _ in
                [
                    QuoteIssue(
                        stance: 0, quote: 0, severity: .error, message: "quote not found",
                        replacement: "cats are\n  better still")
                ]
            }, sources: dir)
        s.open(Fixture.uri, Fixture.text)
        let line = Fixture.line("  quote: cats")
        let quote = s.diagnostics(Fixture.uri).first { $0["code"] == "quote" }
        #expect(quote?.rangeNumbers == [line, 9, line, 24])
        #expect(quote?["data"]?["replacement"] == "cats are\n  better still")
        let actions =
            s.request(
                "textDocument/codeAction",
                [
                    "textDocument": ["uri": .string(Fixture.uri)],
                    "range": [
                        "start": ["line": .int(line), "character": 12], "end": ["line": .int(line), "character": 12],
                    ],
                    "context": ["diagnostics": []],
                ]
            ).array ?? []
        #expect(actions.count == 1)
        #expect(actions.first?["kind"] == "quickfix")
        let edits = actions.first?["edit"]?["changes"]?[Fixture.uri]?.array ?? []
        let fixed = apply(edits, to: Fixture.text)
        #expect(fixed.contains("\n  quote: cats are better still\n"))
        #expect(try ArgReader.read(fixed).graph.stances[0].quotes[0].text == "cats are better still")
        // Elsewhere, nothing to fix.
        let none = s.request(
            "textDocument/codeAction",
            [
                "textDocument": ["uri": .string(Fixture.uri)],
                "range": ["start": ["line": 0, "character": 0], "end": ["line": 0, "character": 1]],
            ])
        #expect(none == [])
    }

    @Test func aQuoteWithoutAPassageGetsNoQuickFix() throws {
        let (_, dir) = try Fixture.folder(source: "whatever")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let s = LSPSession(
            quoteChecker: { _, _ in [QuoteIssue(stance: 0, quote: 0, severity: .error, message: "quote not found")] },
            sources: dir)
        s.open(Fixture.uri, Fixture.text)
        let line = Fixture.line("  quote: cats")
        let actions = s.request(
            "textDocument/codeAction",
            [
                "textDocument": ["uri": .string(Fixture.uri)],
                "range": [
                    "start": ["line": .int(line), "character": 0], "end": ["line": .int(line), "character": 30],
                ],
            ])
        #expect(actions == [])
    }
}
