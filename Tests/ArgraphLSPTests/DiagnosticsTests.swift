import ArgumentGraph
import Foundation
import Testing
@testable import ArgraphLSP

/// Diagnostics as you type: what `check` reports, at its line and column, and the quotes' checks.
@Suite struct DiagnosticsTests {
    @Test func aValidGraphHasOnlyItsWarnings() throws {
        let s = LSPSession()
        s.open(Fixture.uri, Fixture.text)
        let d = s.diagnostics(Fixture.uri)
        // e1 is held by no actor: the warning `check` gives, at e1's id.
        let expected = Array(try ArgReader.read(Fixture.text).warnings)
        #expect(d.count == expected.count && !d.isEmpty)
        let line = Fixture.line("evidence e1")
        #expect(
            d.contains { $0["severity"] == 2 && $0.rangeNumbers == [line, 9, line, 11] }, "the id, without its colon")
    }

    @Test func anErrorTypedIsPublishedAtCheckSRangeAndGoesWhenFixed() throws {
        let s = LSPSession()
        s.open(Fixture.uri, Fixture.text)
        let line = Fixture.line("stance bob denies")
        let col = Fixture.column("c1", inLine: "stance bob denies")
        // Mistype the claim: `c1` -> `c9`.
        s.change(
            Fixture.uri, version: 2,
            [
                [
                    "range": [
                        "start": ["line": .int(line), "character": .int(col + 1)],
                        "end": ["line": .int(line), "character": .int(col + 2)],
                    ], "text": "9",
                ]
            ])
        let d = s.diagnostics(Fixture.uri)
        let errors = d.filter { $0["severity"] == 1 }
        #expect(errors.count == 1)
        #expect(errors.first?.rangeNumbers == [line, col, line, col + 2])
        #expect(errors.first?["message"]?.string?.contains("unknown claim 'c9'") == true)
        // The same place as `check` reports (1-based line and column).
        let changed = s.server.store[Fixture.uri]!.text.text
        #expect(throws: DiagnosticError.self) { try ArgReader.read(changed) }
        do { _ = try ArgReader.read(changed) } catch {
            #expect(error.errors.first?.location?.line == line + 1)
            #expect(error.errors.first?.location?.column == col + 1)
        }
        // Fix it back: the error goes, and the version is published with it.
        s.change(
            Fixture.uri, version: 3,
            [
                [
                    "range": [
                        "start": ["line": .int(line), "character": .int(col + 1)],
                        "end": ["line": .int(line), "character": .int(col + 2)],
                    ], "text": "1",
                ]
            ])
        #expect(s.diagnostics(Fixture.uri).allSatisfy { $0["severity"] != 1 })
        let last = s.notifications.last { $0["method"] == "textDocument/publishDiagnostics" }
        #expect(last?["params"]?["version"] == 3)
    }

    @Test func columnsAfterNonASCIITextAreInUTF16() {
        let s = LSPSession()
        let text = "claim café-𝒳: Text 😀.\nsupport café-𝒳 -> missing\n"
        s.open("file:///tmp/u.arg", text)
        let e = s.diagnostics("file:///tmp/u.arg").first { $0["severity"] == 1 }
        // "support café-𝒳 -> " is 8 + 5 + 2 + 4 = 19 UTF-16 units before `missing` (𝒳 is outside the BMP).
        #expect(e?.rangeNumbers == [1, 19, 1, 26])
    }

    @Test func closingClearsTheDiagnostics() {
        let s = LSPSession()
        s.open(Fixture.uri, "claim x\n")
        #expect(!s.diagnostics(Fixture.uri).isEmpty)
        s.notify("textDocument/didClose", ["textDocument": ["uri": .string(Fixture.uri)]])
        #expect(s.diagnostics(Fixture.uri).isEmpty)
    }

    @Test func quotesAreCheckedAgainstTheSourceBesideTheGraph() throws {
        let (uri, dir) = try Fixture.folder(source: "We hold that cats are better\nthan dogs, on the whole.")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let s = LSPSession()
        s.open(uri, Fixture.text)
        #expect(!s.diagnostics(uri).contains { $0["code"] == "quote" }, "the quote stands in doc1.txt")
        let line = Fixture.line("  quote: cats")
        s.change(
            uri, version: 2,
            [
                [
                    "range": [
                        "start": ["line": .int(line), "character": 18], "end": ["line": .int(line), "character": 24],
                    ],
                    "text": "nicer",
                ]
            ])
        let q = s.diagnostics(uri).filter { $0["code"] == "quote" }
        #expect(q.count == 1)
        #expect(q.first?.rangeNumbers == [line, 9, line, 23])
        // The message is verify's: the closest passage, whose words the quick fix would put back.
        #expect(
            q.first?["message"]?.string?.contains("closest passage (L1): \"cats are better\"") == true,
            "\(q.first?["message"]?.string ?? "no message")")
    }

    @Test func sourcesAreFoundThroughTheConfiguredFolder() throws {
        let (_, dir) = try Fixture.folder(source: "nothing of the kind")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let s = LSPSession(sources: dir)
        s.open("file:///elsewhere/tiny.arg", Fixture.text)
        #expect(s.diagnostics("file:///elsewhere/tiny.arg").filter { $0["code"] == "quote" }.count == 1)
        // Without sources anywhere, quotes are not checked (no noise for a graph away from its texts).
        let t = LSPSession()
        t.open("file:///elsewhere/tiny.arg", Fixture.text)
        #expect(t.diagnostics("file:///elsewhere/tiny.arg").filter { $0["code"] == "quote" }.isEmpty)
    }
}

/// The quote check runs again only for the stances whose quotes changed.
@Suite struct QuoteCheckCacheTests {
    /// Records the stances each call of the checker was given.
    final class Calls: @unchecked Sendable {
        private let lock = NSLock()
        private var calls: [[String]] = []
        func record(_ g: Graph) {
            lock.withLock { calls.append(g.stances.map { g.actors[$0.actor].id + " " + g.claims[$0.claim].id }) }
        }
        var all: [[String]] { lock.withLock { calls } }
    }

    @Test func onlyChangedQuotesAreCheckedAgain() throws {
        let (uri, dir) = try Fixture.folder(source: "We hold that cats are better than dogs.")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let calls = Calls()
        let s = LSPSession(quoteChecker: { g, d in
            calls.record(g); return QuoteDiagnostics.check(g, sourceDirectory: d)
        })
        s.open(uri, Fixture.text)
        #expect(calls.all == [["ann c1"]], "only the stances with quotes")
        // A keystroke in a claim's text: nothing to check again.
        let claim = Fixture.line("claim c2")
        s.change(
            uri, version: 2,
            [
                [
                    "range": [
                        "start": ["line": .int(claim), "character": 10], "end": ["line": .int(claim), "character": 10],
                    ], "text": "x",
                ]
            ])
        #expect(calls.all.count == 1)
        // A quote added to another stance: that stance alone.
        let bob = Fixture.line("stance bob asserts")
        s.change(
            uri, version: 3,
            [
                [
                    "range": [
                        "start": ["line": .int(bob + 1), "character": 0],
                        "end": ["line": .int(bob + 1), "character": 0],
                    ],
                    "text": "  quote: dogs\n",
                ]
            ])
        #expect(calls.all.count == 2 && calls.all.last == ["bob c2"])
        let q = s.diagnostics(uri).filter { $0["code"] == "quote" }
        #expect(q.count == 1 && q.first?.rangeNumbers == [bob + 1, 9, bob + 1, 13])
        #expect(q.first?["message"]?.string?.contains("(bob asserts c2)") == true)
        // Saving checks everything again (the sources may have changed).
        s.notify("textDocument/didSave", ["textDocument": ["uri": .string(uri)]])
        #expect(calls.all.count == 3 && calls.all.last == ["ann c1", "bob c2"])
    }
}

/// The source folder can be set after start-up, as a setting.
@Suite struct ConfigurationTests {
    @Test func aNewSourcesSettingChecksTheQuotesAgain() throws {
        let (_, dir) = try Fixture.folder(source: "nothing of the kind")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let s = LSPSession()
        s.open("file:///elsewhere/tiny.arg", Fixture.text)
        #expect(s.diagnostics("file:///elsewhere/tiny.arg").filter { $0["code"] == "quote" }.isEmpty)
        s.notify("workspace/didChangeConfiguration", ["settings": ["argraph": ["sources": .string(dir)]]])
        #expect(s.diagnostics("file:///elsewhere/tiny.arg").filter { $0["code"] == "quote" }.count == 1)
    }
}

/// Where the sources are looked for.
@Suite struct SourceDirectoryTests {
    @Test func theOrderIsConfiguredEnvironmentGraphFolderThenSources() throws {
        let (_, dir) = try Fixture.folder(source: "text")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let graph = try ArgReader.read(Fixture.text).graph
        let sub = (dir as NSString).appendingPathComponent("sources")
        try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: true)
        try "x".write(toFile: (sub as NSString).appendingPathComponent("doc1.txt"), atomically: true, encoding: .utf8)
        let beside = (dir as NSString).appendingPathComponent("tiny.arg")
        let nowhere = "/nonexistent/g.arg"
        func find(_ path: String?, _ configured: String?, env: [String: String] = [:]) -> String? {
            QuoteDiagnostics.sourceDirectory(forGraphAt: path, graph: graph, configured: configured, environment: env)
        }
        #expect(find(beside, nil) == dir, "the graph's own folder")
        #expect(
            find(beside, "sources") == (dir as NSString).appendingPathComponent("sources"),
            "relative to the graph's folder")
        #expect(find(nowhere, dir) == dir)
        #expect(find(nowhere, nil, env: ["ARGRAPH_SOURCES": sub]) == sub)
        #expect(
            find(beside, "/nonexistent", env: ["ARGRAPH_SOURCES": sub]) == sub,
            "a folder without the files is passed over")
        #expect(find(nowhere, nil) == nil)
        try FileManager.default.removeItem(atPath: (dir as NSString).appendingPathComponent("doc1.txt"))
        #expect(find(beside, nil) == sub, "then sources/ beside the graph")
    }
}
