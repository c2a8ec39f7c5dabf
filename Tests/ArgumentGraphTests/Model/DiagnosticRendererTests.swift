import Foundation
import Testing
import ArgraphTestSupport
@testable import ArgumentGraph

/// A renderer that keeps only the lines it needs renders as one made from the whole file's text.
@Suite struct DiagnosticRendererTests {
    static let sources: [[UInt8]] = [
        Array("claim a: one\n\tclaim b: two\r\nclaim c: trois été\nlast line without newline".utf8),
        Array("only\n".utf8),
        Array("\n\n\n".utf8),
        Array("x".utf8),
        Array("\u{FEFF}claim a: with a byte order mark\nsecond\n".utf8),
        [0x63, 0x6C, 0x61, 0x69, 0x6D, 0x0A, 0xFF, 0xFE, 0x0A, 0x41],  // invalid UTF-8: no source lines at all
        Array((String(repeating: "w", count: 300) + "\nshort\n").utf8),
        Array("claim 🙂: ü€🙂x\n🙂🙂🙂\n\u{10FFFF}é\n€".utf8),  // sequences of 2–4 bytes across every chunk boundary
        [0x61, 0x0A, 0x62, 0xE2, 0x82],  // a sequence cut short by the end of the file
        [0x61, 0x0A, 0xF0, 0x9F, 0x99, 0x82, 0x0A, 0x80, 0x0A],  // a stray continuation byte after a good emoji
    ]

    @Test(arguments: sources.indices, [4, 5, 6, 7, 64, 1 << 20])
    func pickedLinesRenderAsTheWholeSource(_ k: Int, chunkSize: Int) throws {
        let bytes = DiagnosticRendererTests.sources[k]
        let path = try ScratchDirectory.file("renderer.arg", prefix: "renderer").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let lineCount = bytes.filter { $0 == 0x0A }.count + 1
        let diagnostics =
            (0...(lineCount + 2)).flatMap { line in
                [1, 3, 500].map { column in
                    Diagnostic(
                        .warning, "at \(line):\(column)", at: SourceLocation(file: path, line: line, column: column),
                        hint: "h")
                }
            } + [Diagnostic(.error, "nowhere")]
        let whole = DiagnosticRenderer(source: try? String(contentsOfFile: path, encoding: .utf8))
        let picked = DiagnosticRenderer(
            path: path, lines: diagnostics.compactMap { $0.location?.line }, chunkSize: chunkSize)
        for d in diagnostics { #expect(picked.render(d) == whole.render(d)) }
        // Only some lines asked for: those render the same, the others without their source line.
        let some = DiagnosticRenderer(path: path, lines: [2], chunkSize: chunkSize)
        #expect(some.render(diagnostics[6]) == whole.render(diagnostics[6]))
    }

    /// A FIFO's text cannot be read again, and opening one waits for a writer: messages only, at once.
    @Test(.timeLimit(.minutes(1))) func aFIFORendersMessagesOnlyWithoutWaiting() throws {
        let path = try ScratchDirectory.file("renderer.arg", prefix: "renderer").path
        try #require(mkfifo(path, 0o600) == 0)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let d = Diagnostic(.error, "boom", at: SourceLocation(file: path, line: 1, column: 1))
        #expect(DiagnosticRenderer(path: path, lines: [1]).render(d) == "\(path):1:1: error: boom")
    }

    @Test func aMissingFileRendersMessagesOnly() {
        let d = Diagnostic(.error, "boom", at: SourceLocation(file: "/nonexistent/x.arg", line: 1, column: 1))
        #expect(
            DiagnosticRenderer(path: "/nonexistent/x.arg", lines: [1]).render(d)
                == "/nonexistent/x.arg:1:1: error: boom")
    }
}

/// Lint warnings made when read carry the same messages and places as diagnostics made at once.
@Suite struct LazyWarningsTests {
    @Test(arguments: ["", "\u{FEFF}"])
    func warningsNameEachClaimAtItsId(_ prefix: String) throws {
        var text = prefix + "graph g\n"
        var expected: [String] = []
        var line = 1
        for i in 0..<40 {
            let kind = ["claim", "evidence", "proposal"][i % 3]
            text += "\(kind) c\(i): text \(i) é\n\n"
            line += 2
            let column = kind.count + 2
            if i % 5 != 0 {
                expected.append(
                    "t.arg:\(line - 1):\(column): warning: claim 'c\(i)' is isolated: no relation supports, attacks or starts from it"
                )
            }
            expected.append(
                "t.arg:\(line - 1):\(column): warning: no actor holds claim 'c\(i)' (hint: add 'stance ACTOR asserts c\(i)')"
            )
        }
        for i in stride(from: 0, to: 40, by: 5) { text += "attack c\(i) -> c\((i + 5) % 40)\n" }
        let parsed = try ArgReader.read(text, file: "t.arg")
        #expect(parsed.warnings.map(\.description) == expected)
        #expect(parsed.warnings.count == expected.count && parsed.warnings.last?.description == expected.last)
    }
}
