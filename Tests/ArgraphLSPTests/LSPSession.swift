import ArgumentGraph
import ArgraphTestSupport
import Foundation
@testable import ArgraphLSP

/// A client for tests: sends messages to a ``LanguageServer`` as JSON bodies and keeps what comes back.
final class LSPSession {
    let server: LanguageServer
    private var nextID = 1
    /// The notifications received, oldest first.
    private(set) var notifications: [JSON] = []

    init(quoteChecker: QuoteDiagnostics.Checker? = nil, sources: String? = nil, initialize: Bool = true) {
        server = LanguageServer(options: .init(sources: sources), quoteChecker: quoteChecker)
        if initialize {
            _ = request("initialize", ["processId": .null, "rootUri": .null, "capabilities": [:]])
            notify("initialized", [:])
        }
    }

    /// Sends raw bytes as one body; returns every message that came back.
    func send(body: [UInt8]) -> [JSON] {
        let out = server.handle(body: body)
        notifications += out.filter { $0["method"] != nil }
        return out
    }

    /// Sends a request; returns its response (the whole message, with `result` or `error`).
    func response(_ method: String, _ params: JSON) -> JSON {
        let id = nextID
        nextID += 1
        let message: JSON = ["jsonrpc": "2.0", "id": .int(id), "method": .string(method), "params": params]
        let out = send(body: message.serialized())
        return out.first { $0["id"] == .int(id) } ?? .null
    }

    /// Sends a request; returns its result (null after an error).
    func request(_ method: String, _ params: JSON) -> JSON {
        response(method, params)["result"] ?? .null
    }

    func notify(_ method: String, _ params: JSON) {
        _ = send(body: (["jsonrpc": "2.0", "method": .string(method), "params": params] as JSON).serialized())
    }

    func open(_ uri: String, _ text: String) {
        notify(
            "textDocument/didOpen",
            ["textDocument": ["uri": .string(uri), "languageId": "arg", "version": 1, "text": .string(text)]])
    }

    func change(_ uri: String, version: Int, _ changes: [JSON]) {
        notify(
            "textDocument/didChange",
            ["textDocument": ["uri": .string(uri), "version": .int(version)], "contentChanges": .array(changes)])
    }

    /// The diagnostics last published for a document.
    func diagnostics(_ uri: String) -> [JSON] {
        notifications.last {
            $0["method"] == "textDocument/publishDiagnostics" && $0["params"]?["uri"] == .string(uri)
        }?["params"]?["diagnostics"]?.array ?? []
    }

    /// `textDocument` and `position` params.
    static func at(_ uri: String, _ line: Int, _ character: Int) -> JSON {
        ["textDocument": ["uri": .string(uri)], "position": ["line": .int(line), "character": .int(character)]]
    }
}

/// The small graph the feature tests use, with the places of its ids.
enum Fixture {
    static let uri = "file:///tmp/argraph-lsp-tests/tiny.arg"

    static let text = """
        # A small graph for the language server's tests.
        graph tiny
          title: Tiny

        document doc1
          title: The first document
          file: doc1.txt

        actor ann
          name: Ann Example
          affiliation: Somewhere

        actor bob
          kind: institution

        # The main claim.
        claim c1: Cats are better than dogs.
        evidence e1: Cats purr.
        claim c2: Dogs are better than cats.

        stance ann asserts c1 in doc1
          quote: cats are better
        stance bob denies c1
        stance bob asserts c2

        support s1: e1 -> c1
          by: ann
        attack c2 -> c1
        attack c1 -> c2
        undercut c2 -> s1

        """

    /// A fresh folder holding `doc1.txt` (the fixture document's source); the URI the fixture would have in it.
    static func folder(source: String) throws -> (uri: String, dir: String) {
        let dir = try ScratchDirectory.make("argraph-lsp")
        try source.write(to: dir.appendingPathComponent("doc1.txt"), atomically: true, encoding: .utf8)
        return (dir.appendingPathComponent("tiny.arg").absoluteString, dir.path)
    }

    /// The 0-based line of the first line that starts with `prefix`.
    static func line(_ prefix: String, in text: String = text) -> Int {
        text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix(prefix) }!
    }

    /// The 0-based UTF-16 column of `word` in that line.
    static func column(_ word: String, inLine prefix: String, in text: String = text) -> Int {
        let l = String(text.split(separator: "\n", omittingEmptySubsequences: false)[line(prefix, in: text)])
        return l.utf16.distance(from: l.startIndex, to: l.range(of: word)!.lowerBound)
    }
}

extension JSON {
    /// `range.start.line`, `range.start.character`, `range.end.line`, `range.end.character`.
    var rangeNumbers: [Int] {
        [
            self["range"]?["start"]?["line"]?.int, self["range"]?["start"]?["character"]?.int,
            self["range"]?["end"]?["line"]?.int, self["range"]?["end"]?["character"]?.int,
        ].map { $0 ?? -1 }
    }
}
