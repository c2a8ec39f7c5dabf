import ArgumentGraph
import Foundation

/// The `.arg` language server: takes message bodies, returns the messages to send, and keeps the open documents.
///
/// It does no I/O of its own (``ServerLoop`` reads and writes the stream), so tests drive it message by message.
/// Every request gets exactly one response, a result or a JSON-RPC error; nothing a client sends makes it trap.
public final class LanguageServer {
    /// Settings from the command line.
    public struct Options: Sendable {
        /// The folder of the documents' source files (`--sources`), as `verify` takes it.
        public var sources: String?
        public init(sources: String? = nil) { self.sources = sources }
    }

    enum State { case uninitialized, running, shutDown }

    var options: Options
    var state = State.uninitialized
    public private(set) var store = DocumentStore()
    /// The quote check (replaceable by tests, to stand in a checker that proposes passages).
    var quoteChecker: QuoteDiagnostics.Checker = QuoteDiagnostics.check
    var quoteCache = QuoteCheckCache()
    /// The exit status once `exit` has arrived (0 after `shutdown`, else 1); nil while running.
    public private(set) var exitCode: Int32?
    /// Messages to send after the current one is handled (notifications the handlers emit).
    var pending: [JSON] = []

    public init(options: Options = Options(), quoteChecker: QuoteDiagnostics.Checker? = nil) {
        self.options = options
        if let quoteChecker { self.quoteChecker = quoteChecker }
    }

    /// The exit status when the input ends: as if `exit` had come.
    public var exitCodeAtEndOfInput: Int32 { exitCode ?? (state == .shutDown ? 0 : 1) }

    /// Handles one message body and returns the messages to send, in order.
    public func handle(body: [UInt8]) -> [JSON] {
        let json: JSON
        do { json = try JSON.parse(body) } catch {
            return [OutgoingMessage.error(id: .null, .parseError("the message is not valid JSON"))]
        }
        switch IncomingMessage.classify(json) {
        case let .failure(invalid):
            return [OutgoingMessage.error(id: invalid.id, invalid.error)]
        case let .success(message):
            return handle(message)
        }
    }

    /// A framing error becomes an error response without an id, as JSON-RPC has for messages that cannot be read.
    public func handle(framingError: MessageFramer.FramingError) -> [JSON] {
        [OutgoingMessage.error(id: .null, .parseError(framingError.description))]
    }

    public func handle(_ message: IncomingMessage) -> [JSON] {
        pending = []
        switch message {
        case .response:
            return []
        case let .notification(method, params):
            notify(method, params)
            return pending
        case let .request(id, method, params):
            let reply: JSON
            do { reply = OutgoingMessage.response(id: id, result: try request(method, params)) } catch {
                reply = OutgoingMessage.error(id: id, error)
            }
            return [reply] + pending
        }
    }

    func request(_ method: String, _ params: JSON) throws(ResponseError) -> JSON {
        switch state {
        case .uninitialized where method != "initialize":
            throw .serverNotInitialized
        case .running where method == "initialize":
            throw .invalidRequest("the server is already initialized")
        case .shutDown:
            throw .invalidRequest("the server is shutting down")
        default:
            break
        }
        switch method {
        case "initialize": return initialize(params)
        case "shutdown":
            state = .shutDown
            return .null
        case "textDocument/completion": return Completion.complete(try document(params), at: try params.position())
        case "textDocument/hover": return Hover.hover(try document(params), at: try params.position())
        case "textDocument/definition": return Navigation.definition(try document(params), at: try params.position())
        case "textDocument/references":
            let include = params["context"]?["includeDeclaration"]?.bool ?? true
            return Navigation.references(try document(params), at: try params.position(), includeDeclaration: include)
        case "textDocument/documentSymbol": return DocumentSymbols.symbols(try document(params))
        case "textDocument/prepareRename": return Rename.prepare(try document(params), at: try params.position())
        case "textDocument/rename":
            return try Rename.rename(
                try document(params), at: try params.position(), to: try params.requiredString("newName"))
        case "textDocument/formatting": return Formatting.format(try document(params))
        case "textDocument/codeAction":
            guard let range = TextRange(params["range"]) else { throw .invalidParams("missing or invalid 'range'") }
            return CodeActions.actions(try document(params), in: range)
        default:
            throw .methodNotFound(method)
        }
    }

    func notify(_ method: String, _ params: JSON) {
        if method == "exit" {
            exitCode = state == .shutDown ? 0 : 1
            return
        }
        guard state == .running else { return }
        switch method {
        case "textDocument/didOpen":
            guard let item = params["textDocument"], let uri = item["uri"]?.string, let text = item["text"]?.string
            else {
                return log("didOpen without textDocument.uri and text")
            }
            store.open(uri: uri, version: item["version"]?.int ?? 0, text: text)
            quoteCache.clear()
            publishDiagnostics(uri)
        case "textDocument/didChange":
            guard let uri = params["textDocument"]?["uri"]?.string, let changes = params["contentChanges"]?.array else {
                return log("didChange without textDocument.uri and contentChanges")
            }
            let edits = changes.compactMap { c in
                c["text"]?.string.map { TextDocument.Change(range: TextRange(c["range"]), text: $0) }
            }
            guard edits.count == changes.count else { return log("didChange with a change that has no text; ignored") }
            guard store.change(uri: uri, version: params["textDocument"]?["version"]?.int ?? 0, changes: edits) != nil
            else {
                return log("didChange for a document that is not open: \(uri)")
            }
            publishDiagnostics(uri)
        case "textDocument/didClose":
            guard let uri = params["textDocument"]?["uri"]?.string else { return }
            store.close(uri: uri)
            pending.append(
                OutgoingMessage.notification(
                    "textDocument/publishDiagnostics", ["uri": .string(uri), "diagnostics": []]))
        case "textDocument/didSave":
            // Saving is when sources are likely to have been edited too: check every quote again.
            guard let uri = params["textDocument"]?["uri"]?.string, store[uri] != nil else { return }
            quoteCache.clear()
            publishDiagnostics(uri)
        case "workspace/didChangeConfiguration":
            // `{"settings": {"argraph": {"sources": DIR}}}` changes the source folder; quotes are checked again.
            guard let sources = params["settings"]?["argraph"]?["sources"]?.string else { return }
            options.sources = sources
            quoteCache.clear()
            for uri in store.documents.keys.sorted() { publishDiagnostics(uri) }
        default:
            // initialized, $/cancelRequest, $/setTrace: nothing to do.
            break
        }
    }

    func initialize(_ params: JSON) -> JSON {
        state = .running
        if let sources = params["initializationOptions"]?["sources"]?.string { options.sources = sources }
        let capabilities: JSON = [
            "positionEncoding": "utf-16",
            "textDocumentSync": ["openClose": true, "change": 2, "save": ["includeText": false]],
            "completionProvider": ["triggerCharacters": [" ", ">", ":"], "resolveProvider": false],
            "hoverProvider": true,
            "definitionProvider": true,
            "referencesProvider": true,
            "documentSymbolProvider": true,
            "renameProvider": ["prepareProvider": true],
            "documentFormattingProvider": true,
            "codeActionProvider": ["codeActionKinds": ["quickfix"]],
        ]
        return ["capabilities": capabilities, "serverInfo": ["name": "argraph"]]
    }

    /// The open document a request names.
    func document(_ params: JSON) throws(ResponseError) -> OpenDocument {
        let uri = try params.documentURI()
        guard let doc = store[uri] else { throw .invalidParams("the document is not open: \(uri)") }
        return doc
    }

    /// Checks the quotes of a document that reads, then queues its diagnostics.
    func publishDiagnostics(_ uri: String) {
        guard let doc = store[uri] else { return }
        var issues: [QuoteIssue] = []
        if let graph = doc.analysis.parsed?.graph,
            let dir = QuoteDiagnostics.sourceDirectory(forGraphAt: doc.path, graph: graph, configured: options.sources)
        {
            issues = QuoteDiagnostics.locate(
                quoteCache.issues(graph, sourceDirectory: dir, checker: quoteChecker), in: doc.analysis)
        }
        store.setQuoteIssues(issues, for: uri)
        if let doc = store[uri] {
            pending.append(OutgoingMessage.notification("textDocument/publishDiagnostics", Diagnostics.publish(doc)))
        }
    }

    /// Queues a `window/logMessage` (type 4: log).
    func log(_ message: String) {
        pending.append(OutgoingMessage.notification("window/logMessage", ["type": 4, "message": .string(message)]))
    }
}
