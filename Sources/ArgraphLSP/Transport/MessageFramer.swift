import Foundation

/// Splits a byte stream into JSON-RPC message bodies framed by `Content-Length` headers (LSP's base protocol).
///
/// Bytes arrive in any chunks; ``next()`` yields each complete body in order. A header block without a usable
/// `Content-Length` is reported once and skipped, so that one broken message does not end the session.
public struct MessageFramer: Sendable {
    /// Why a header block was rejected.
    public enum FramingError: Error, Sendable, Hashable, CustomStringConvertible {
        case missingContentLength
        case invalidContentLength(String)
        case tooLarge(Int)
        case headerTooLong

        public var description: String {
            switch self {
            case .missingContentLength: "a message header has no Content-Length"
            case let .invalidContentLength(v): "invalid Content-Length '\(v)'"
            case let .tooLarge(n): "a message of \(n) bytes is larger than the limit of \(MessageFramer.maxBody) bytes"
            case .headerTooLong: "a message header is longer than \(MessageFramer.maxHeader) bytes"
            }
        }
    }

    /// The largest body accepted (a message past it is skipped, unread, as it arrives).
    public static let maxBody = 256 << 20
    /// The longest header block accepted before its blank line.
    public static let maxHeader = 8192

    private var buffer: [UInt8] = []
    /// Where unread bytes start in `buffer` (consumed bytes are dropped in batches).
    private var start = 0
    /// The length of the body being waited for, once its header has been read.
    private var pendingLength: Int?
    /// Bytes of an oversized body still to be thrown away.
    private var skipping = 0

    public init() {}

    /// Adds bytes read from the stream.
    public mutating func append(_ bytes: some Collection<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    /// Whether bytes of an unfinished message are waiting.
    public var hasPartialMessage: Bool { start < buffer.count || pendingLength != nil }

    /// The next complete body; nil when more bytes are needed; throws (once per bad header) for a header to skip.
    public mutating func next() throws(FramingError) -> [UInt8]? {
        if skipping > 0 {
            let n = min(skipping, buffer.count - start)
            start += n
            skipping -= n
            if skipping > 0 { compact(); return nil }
        }
        if pendingLength == nil {
            guard let end = headerEnd() else {
                if buffer.count - start > MessageFramer.maxHeader {
                    // No blank line in sight: drop what is here, keeping a tail in case a header starts in it.
                    start = buffer.count - 3
                    compact()
                    throw .headerTooLong
                }
                compact()
                return nil
            }
            let header = buffer[start..<end.headerEnd]
            start = end.bodyStart
            let length = try MessageFramer.contentLength(header)
            if length > MessageFramer.maxBody {
                skipping = length
                throw .tooLarge(length)
            }
            pendingLength = length
        }
        guard let length = pendingLength, buffer.count - start >= length else { compact(); return nil }
        let body = Array(buffer[start..<(start + length)])
        start += length
        pendingLength = nil
        compact()
        return body
    }

    /// The end of the header block (before its blank line) and the start of the body, if the blank line has arrived.
    private func headerEnd() -> (headerEnd: Int, bodyStart: Int)? {
        var i = start
        while i + 3 < buffer.count {
            if buffer[i] == 0x0D, buffer[i + 1] == 0x0A, buffer[i + 2] == 0x0D, buffer[i + 3] == 0x0A {
                return (i, i + 4)
            }
            i += 1
        }
        return nil
    }

    /// The `Content-Length` of a header block (fields `Name: value` separated by CRLF; names are case-insensitive).
    ///
    /// The field is also found at the end of a line that starts with other bytes, so that after a body too short
    /// for its `Content-Length` (whose rest then reads as the next header) the next message is still read.
    static func contentLength(_ header: ArraySlice<UInt8>) throws(FramingError) -> Int {
        let text = String(decoding: header, as: UTF8.self)
        for field in text.split(separator: "\r\n").reversed() {
            guard let name = field.lowercased().range(of: "content-length", options: .backwards) else { continue }
            let rest = field.lowercased()[name.upperBound...].trimmingSpaces()
            guard rest.first == ":" else { continue }
            let value = rest.dropFirst().trimmingSpaces()
            guard let n = Int(value), n >= 0 else { throw .invalidContentLength(String(value.prefix(40))) }
            return n
        }
        throw .missingContentLength
    }

    private mutating func compact() {
        if start > 0, start >= buffer.count / 2 || start > 1 << 20 {
            buffer.removeFirst(start)
            start = 0
        }
    }

    /// A body with its header, ready to write.
    public static func frame(_ body: [UInt8]) -> [UInt8] {
        Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }
}

extension Substring {
    /// Without leading and trailing spaces and tabs.
    func trimmingSpaces() -> Substring {
        var s = self
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return s
    }
}
