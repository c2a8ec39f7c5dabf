import Testing
@testable import ArgraphLSP

/// Content-Length framing: bodies come out whole, however the bytes arrive, and a bad header costs one message.
@Suite struct MessageFramerTests {
    func frames(_ bodies: [String]) -> [UInt8] {
        bodies.flatMap { MessageFramer.frame(Array($0.utf8)) }
    }

    /// Every body and error the framer gives for `bytes` fed in chunks of `size`.
    func drain(_ bytes: [UInt8], chunk size: Int) -> [String] {
        var framer = MessageFramer()
        var out: [String] = []
        var i = 0
        while i < bytes.count {
            framer.append(bytes[i..<min(bytes.count, i + size)])
            i += size
            while true {
                do {
                    guard let body = try framer.next() else { break }
                    out.append(String(decoding: body, as: UTF8.self))
                } catch {
                    out.append("error: \(error)")
                }
            }
        }
        return out
    }

    @Test(arguments: [1, 2, 7, 64, 100_000])
    func bodiesComeOutWholeInAnyChunking(size: Int) {
        let bodies = [#"{"a":1}"#, #"{"text":"é 😀 — ünïcödé"}"#, "{}", String(repeating: "x", count: 5000)]
        #expect(drain(frames(bodies), chunk: size) == bodies)
    }

    @Test func contentLengthCountsBytesNotCharacters() {
        let body = "😀é"
        let framed = MessageFramer.frame(Array(body.utf8))
        #expect(String(decoding: framed, as: UTF8.self).hasPrefix("Content-Length: 6\r\n\r\n"))
    }

    @Test func headerNamesAreCaseInsensitiveAndOtherFieldsIgnored() {
        let raw = "content-type: application/vscode-jsonrpc; charset=utf-8\r\nCONTENT-LENGTH:  2 \r\n\r\n{}"
        #expect(drain(Array(raw.utf8), chunk: 3) == ["{}"])
    }

    @Test func aHeaderWithoutLengthIsReportedAndTheNextMessageStillRead() {
        let raw = Array("Content-Type: x\r\n\r\n".utf8) + frames([#"{"ok":true}"#])
        #expect(drain(raw, chunk: 5) == ["error: a message header has no Content-Length", #"{"ok":true}"#])
    }

    @Test func anInvalidLengthIsReported() {
        let raw = Array("Content-Length: -3\r\n\r\n".utf8) + frames(["{}"])
        #expect(drain(raw, chunk: 1000) == ["error: invalid Content-Length '-3'", "{}"])
    }

    @Test func aBodyShorterThanItsLengthCostsOnlyItself() {
        // The next header is swallowed into the short body; the one after it is found again.
        let raw = Array("Content-Length: 30\r\n\r\n{}".utf8) + frames(["{\"a\":1}", "{\"b\":2}"])
        let out = drain(raw, chunk: 4)
        #expect(out.last == "{\"b\":2}")
    }

    @Test func aHeaderThatNeverEndsIsDroppedNotBuffered() throws {
        var framer = MessageFramer()
        framer.append([UInt8](repeating: UInt8(ascii: "a"), count: MessageFramer.maxHeader + 10))
        #expect(throws: MessageFramer.FramingError.headerTooLong) { try framer.next() }
        framer.append(frames(["{}"]))
        #expect(try framer.next() == Array("{}".utf8))
    }

    @Test func anOversizedBodyIsSkippedAsItArrives() throws {
        var framer = MessageFramer()
        framer.append(Array("Content-Length: \(MessageFramer.maxBody + 1)\r\n\r\n".utf8))
        #expect(throws: MessageFramer.FramingError.tooLarge(MessageFramer.maxBody + 1)) { try framer.next() }
        // The skipped bytes do not pile up in the buffer.
        let chunk = [UInt8](repeating: 0x20, count: 1 << 20)
        for _ in 0..<4 { framer.append(chunk); #expect(try framer.next() == nil) }
    }
}
