import Foundation
import Testing
@testable import ArgraphLSP

/// The stdio loop on pipes: framed replies only, and the exit status at `exit` or at the end of input.
@Suite struct ServerLoopTests {
    /// Runs the loop on `input` (then end of input) and returns its status and everything it wrote.
    func run(_ input: [UInt8]) -> (status: Int32, output: [UInt8]) {
        var toServer: [Int32] = [0, 0], fromServer: [Int32] = [0, 0]
        guard pipe(&toServer) == 0, pipe(&fromServer) == 0 else { return (-1, []) }
        // The input is small enough for the pipe's buffer, so it is written whole before the loop reads.
        _ = ServerLoop.write(input, to: toServer[1])
        close(toServer[1])
        let status = ServerLoop.run(LanguageServer(), input: toServer[0], output: fromServer[1])
        close(fromServer[1])
        close(toServer[0])
        var out: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = buf.withUnsafeMutableBytes { read(fromServer[0], $0.baseAddress, $0.count) }
            if n <= 0 { break }
            out += buf[0..<n]
        }
        close(fromServer[0])
        return (status, out)
    }

    func message(_ json: JSON) -> [UInt8] { MessageFramer.frame(json.serialized()) }

    /// The bodies of framed output (nil when a byte is not part of a framed message).
    func bodies(_ out: [UInt8]) -> [JSON]? {
        var framer = MessageFramer()
        framer.append(out)
        var all: [JSON] = []
        while let b = try? framer.next() { guard let j = try? JSON.parse(b) else { return nil }; all.append(j) }
        return framer.hasPartialMessage ? nil : all
    }

    let initialize: JSON = ["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["capabilities": [:]]]

    @Test func shutdownThenExitIsStatus0AndEveryReplyIsFramed() {
        let (status, out) = run(
            message(initialize) + Array("Content-Length: 3\r\n\r\n{x}".utf8)
                + message(["jsonrpc": "2.0", "id": 2, "method": "shutdown"])
                + message(["jsonrpc": "2.0", "method": "exit"])
                + message(["jsonrpc": "2.0", "id": 3, "method": "shutdown"]))
        #expect(status == 0)
        let replies = bodies(out)
        #expect(replies?.count == 3, "initialize, the parse error, shutdown; nothing after exit")
        #expect(replies?[1]["error"]?["code"] == -32700)
    }

    @Test func endOfInputWithoutShutdownIsStatus1() {
        #expect(run(message(initialize)).status == 1)
        #expect(run([]).status == 1)
    }
}
