/// A JSON-RPC 2.0 error, as a response carries it.
public struct ResponseError: Error, Sendable, Hashable {
    /// The error code (see the static members).
    public var code: Int
    /// One sentence for a person.
    public var message: String

    public init(_ code: Int, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The body was not JSON.
    public static func parseError(_ m: String) -> ResponseError { ResponseError(-32700, m) }
    /// The JSON is not a request, notification or response.
    public static func invalidRequest(_ m: String) -> ResponseError { ResponseError(-32600, m) }
    /// No handler for the method.
    public static func methodNotFound(_ method: String) -> ResponseError {
        ResponseError(-32601, "unknown method '\(method)'")
    }
    /// The params do not have the shape the method needs.
    public static func invalidParams(_ m: String) -> ResponseError { ResponseError(-32602, m) }
    /// Something went wrong inside the server.
    public static func internalError(_ m: String) -> ResponseError { ResponseError(-32603, m) }
    /// A request came before `initialize`.
    public static let serverNotInitialized = ResponseError(-32002, "the server has not been initialized")
    /// The request was valid but could not be carried out (LSP's RequestFailed), such as a refused rename.
    public static func requestFailed(_ m: String) -> ResponseError { ResponseError(-32803, m) }

    var json: JSON { ["code": .int(code), "message": .string(message)] }
}

/// One JSON-RPC message read from the client.
public enum IncomingMessage: Sendable, Hashable {
    /// A request: it gets exactly one response with the same id.
    case request(id: JSON, method: String, params: JSON)
    /// A notification: no response.
    case notification(method: String, params: JSON)
    /// A response to a request the server sent (the server sends none that need an answer, so these are dropped).
    case response(id: JSON)

    /// Classifies a parsed message body; the error says why it is not a JSON-RPC message, with the id when one was found.
    public static func classify(_ json: JSON) -> Result<IncomingMessage, InvalidMessage> {
        guard case let .object(o) = json else {
            return .failure(InvalidMessage(id: .null, error: .invalidRequest("a message must be a JSON object")))
        }
        let id = o["id"]
        if let id, !Self.isValidID(id) {
            return .failure(InvalidMessage(id: .null, error: .invalidRequest("'id' must be a number or a string")))
        }
        guard let method = o["method"] else {
            if let id, o["result"] != nil || o["error"] != nil { return .success(.response(id: id)) }
            return .failure(
                InvalidMessage(
                    id: id ?? .null,
                    error: .invalidRequest("a message needs a 'method' (or 'result'/'error' in a response)")))
        }
        guard let name = method.string else {
            return .failure(InvalidMessage(id: id ?? .null, error: .invalidRequest("'method' must be a string")))
        }
        let params = o["params"] ?? .null
        switch params {
        case .object, .array, .null: break
        default:
            return .failure(
                InvalidMessage(id: id ?? .null, error: .invalidRequest("'params' must be an object or an array")))
        }
        if let id { return .success(.request(id: id, method: name, params: params)) }
        return .success(.notification(method: name, params: params))
    }

    static func isValidID(_ id: JSON) -> Bool {
        switch id {
        case .int, .string, .null: true
        default: false
        }
    }
}

/// A message that is not valid JSON-RPC, with the id to answer (null when none could be read).
public struct InvalidMessage: Error, Sendable, Hashable {
    public var id: JSON
    public var error: ResponseError
}

/// The messages the server writes.
enum OutgoingMessage {
    static func response(id: JSON, result: JSON) -> JSON {
        ["jsonrpc": "2.0", "id": id, "result": result]
    }

    static func error(id: JSON, _ error: ResponseError) -> JSON {
        ["jsonrpc": "2.0", "id": id, "error": error.json]
    }

    static func notification(_ method: String, _ params: JSON) -> JSON {
        ["jsonrpc": "2.0", "method": .string(method), "params": params]
    }
}
