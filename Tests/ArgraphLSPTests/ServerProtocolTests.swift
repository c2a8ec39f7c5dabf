import Testing
@testable import ArgraphLSP

/// The JSON-RPC side: every request gets one answer, bad input an error, and `exit` an exit status.
@Suite struct ServerProtocolTests {
    @Test func initializeAnnouncesTheFeatures() {
        let s = LSPSession(initialize: false)
        let result = s.request("initialize", ["capabilities": [:]])
        let caps = result["capabilities"]
        #expect(caps?["positionEncoding"] == "utf-16")
        #expect(caps?["textDocumentSync"]?["change"] == 2)
        for p in [
            "hoverProvider", "definitionProvider", "referencesProvider", "documentSymbolProvider",
            "documentFormattingProvider",
        ] {
            #expect(caps?[p] == true, "\(p)")
        }
        #expect(caps?["renameProvider"]?["prepareProvider"] == true)
        #expect(caps?["completionProvider"] != nil && caps?["codeActionProvider"] != nil)
        #expect(result["serverInfo"]?["name"] == "argraph")
    }

    @Test func requestsBeforeInitializeAreRefused() {
        let s = LSPSession(initialize: false)
        #expect(s.response("textDocument/hover", LSPSession.at(Fixture.uri, 0, 0))["error"]?["code"] == -32002)
    }

    @Test func unknownMethodsGetMethodNotFoundAndUnknownNotificationsNothing() {
        let s = LSPSession()
        let r = s.response("textDocument/semanticTokens/full", ["textDocument": ["uri": "file:///x.arg"]])
        #expect(r["error"]?["code"] == -32601)
        #expect(r["error"]?["message"]?.string?.contains("semanticTokens") == true)
        #expect(s.send(body: Array(#"{"jsonrpc":"2.0","method":"custom/thing","params":{}}"#.utf8)).isEmpty)
    }

    @Test(arguments: [
        ("{not json", -32700),
        ("[1, 2]", -32600),
        ("42", -32600),
        (#"{"jsonrpc":"2.0","id":{"a":1},"method":"x"}"#, -32600),
        (#"{"jsonrpc":"2.0","id":3,"method":7}"#, -32600),
        (#"{"jsonrpc":"2.0","id":3,"method":"textDocument/hover","params":"x"}"#, -32600),
        (#"{"jsonrpc":"2.0","id":3,"method":"textDocument/hover","params":{}}"#, -32602),
        (
            #"{"jsonrpc":"2.0","id":3,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///nope.arg"},"position":{"line":0,"character":0}}}"#,
            -32602
        ),
        (
            #"{"jsonrpc":"2.0","id":3,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"file:///nope.arg"}}}"#,
            -32602
        ),
    ])
    func malformedMessagesGetErrors(body: String, code: Int) {
        let s = LSPSession()
        let out = s.send(body: Array(body.utf8))
        #expect(out.count == 1)
        #expect(out.first?["error"]?["code"] == .int(code))
    }

    @Test func theRequestIDComesBackAsItWasSent() {
        let s = LSPSession()
        let out = s.send(body: Array(#"{"jsonrpc":"2.0","id":"abc","method":"shutdown"}"#.utf8))
        #expect(out.first?["id"] == "abc")
        #expect(out.first?["result"] == .null)
    }

    @Test func exitStatusDependsOnShutdown() {
        let a = LSPSession()
        #expect(a.server.exitCode == nil)
        _ = a.request("shutdown", .null)
        #expect(a.response("textDocument/hover", LSPSession.at(Fixture.uri, 0, 0))["error"]?["code"] == -32600)
        a.notify("exit", .null)
        #expect(a.server.exitCode == 0)

        let b = LSPSession()
        b.notify("exit", .null)
        #expect(b.server.exitCode == 1)
        #expect(LSPSession().server.exitCodeAtEndOfInput == 1)
    }

    @Test func randomBytesNeverTrapAndRequestsAlwaysGetOneAnswer() {
        var rng = SplitMix(seed: 7)
        let s = LSPSession()
        s.open(Fixture.uri, Fixture.text)
        let methods = [
            "textDocument/hover", "textDocument/completion", "textDocument/definition", "textDocument/references",
            "textDocument/rename", "textDocument/prepareRename", "textDocument/formatting", "textDocument/codeAction",
            "textDocument/documentSymbol",
        ]
        for _ in 0..<400 {
            let line = rng.next(40) - 3, ch = rng.next(60) - 3
            var params: JSON = LSPSession.at(Fixture.uri, line, ch)
            if case var .object(o) = params {
                if rng.next(2) == 0 { o["newName"] = .string(["x", "bad id", "c2", "", "ok-1"][rng.next(5)]) }
                if rng.next(3) == 0 {
                    o["range"] = [
                        "start": ["line": .int(line), "character": 0],
                        "end": ["line": .int(line + rng.next(3)), "character": .int(ch)],
                    ]
                }
                if rng.next(5) == 0 { o["position"] = ["line": "x"] }
                params = .object(o)
            }
            let r = s.response(methods[rng.next(methods.count)], params)
            #expect(r["result"] != nil || r["error"] != nil)
            // Random edits keep the document in any state, valid or not.
            if rng.next(3) == 0 {
                let p: JSON = ["line": .int(rng.next(35)), "character": .int(rng.next(40))]
                s.change(
                    Fixture.uri, version: 2,
                    [
                        [
                            "range": ["start": p, "end": p],
                            "text": .string(["x", "\n", " -> ", ":", "é😀", "#"][rng.next(6)]),
                        ]
                    ])
            }
        }
    }
}
