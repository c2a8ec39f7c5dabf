import Foundation
import Testing
import ArgraphTestSupport
@testable import ArgumentGraph

/// The fast i23 reader against a plain one that tracks lines as it goes (the reader argraph had before), on random
/// inputs made of the grammar's pieces and its usual mistakes: same framework, or same message at the same place.
@Suite struct I23ReaderOracleTests {
    /// What the plain reader makes of the bytes: the attacks (deduplicated, sorted) or the first error.
    enum Outcome: Equatable, Error {
        case framework(count: Int, attacks: [[Int32]])
        case error(message: String, line: Int, column: Int)
    }

    /// A byte-by-byte reader with eager line counting, kept simple to serve as the oracle.
    static func oracle(_ bytes: [UInt8]) -> Outcome {
        var pos = 0, line = 1, lineStart = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { pos = 3; lineStart = 3 }
        func blank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0D }
        func err(_ m: String, _ p: Int? = nil) -> Outcome {
            .error(message: m, line: line, column: (p ?? pos) - lineStart + 1)
        }
        func skipBlanks() { while pos < bytes.count && blank(bytes[pos]) { pos += 1 } }
        func atEnd() -> Bool { pos >= bytes.count || bytes[pos] == 0x0A }
        func newline() { pos += 1; line += 1; lineStart = pos }
        func number() -> Result<Int, Outcome> {
            let start = pos
            var v = 0
            while pos < bytes.count, bytes[pos] >= 0x30, bytes[pos] <= 0x39 {
                v = v &* 10 &+ Int(bytes[pos] - 0x30); pos += 1
            }
            if pos == start { return .failure(err("expected a number", start)) }
            if pos - start > 9 { return .failure(err("number too large", start)) }
            return .success(v)
        }
        func endOfLine() -> Outcome? {
            skipBlanks()
            guard atEnd() else {
                var e = pos
                while e < bytes.count && !blank(bytes[e]) && bytes[e] != 0x0A && e - pos < 40 { e += 1 }
                return err(
                    "unexpected text '\(String(decoding: bytes[pos..<e], as: UTF8.self))' at the end of the line")
            }
            if pos < bytes.count { newline() }
            return nil
        }
        var n = -1
        var pairs = Set<[Int32]>()
        while pos < bytes.count {
            let c = bytes[pos]
            if c == 0x23 {
                while pos < bytes.count && bytes[pos] != 0x0A { pos += 1 }; if pos < bytes.count { newline() }; continue
            }
            if c == 0x0A { newline(); continue }
            if blank(c) { skipBlanks(); if atEnd() { continue } }
            if n < 0 {
                guard bytes[pos] == 0x70 else { return err("expected the header 'p af N' before any attack") }
                pos += 1; skipBlanks()
                guard pos + 1 < bytes.count, bytes[pos] == 0x61, bytes[pos + 1] == 0x66 else {
                    return err("expected 'af' after 'p'")
                }
                pos += 2
                let before = pos
                skipBlanks()
                if pos == before { return err("expected a space and the number of arguments after 'p af'") }
                let nStart = pos
                switch number() {
                case let .failure(e): return e
                case let .success(v): n = v
                }
                if n > ICCMAReader.maxArguments {
                    return err(
                        "\(n) arguments are more than argraph reads (at most \(ICCMAReader.maxArguments))", nStart)
                }
                if let e = endOfLine() { return e }
                continue
            }
            if bytes[pos] == 0x70 { return err("a second 'p af' header") }
            let aStart = pos
            let a: Int, b: Int
            switch number() {
            case let .failure(e): return e;
            case let .success(v): a = v
            }
            let before = pos
            skipBlanks()
            if pos == before { return err("expected a space and the attacked argument") }
            let bStart = pos
            switch number() {
            case let .failure(e): return e;
            case let .success(v): b = v
            }
            if a < 1 || a > n { return err("argument \(a) is not in 1...\(n)", aStart) }
            if b < 1 || b > n { return err("argument \(b) is not in 1...\(n)", bStart) }
            pairs.insert([Int32(a - 1), Int32(b - 1)])
            if let e = endOfLine() { return e }
        }
        if n < 0 { return err("missing the header 'p af N'") }
        return .framework(count: n, attacks: pairs.sorted { $0[0] != $1[0] ? $0[0] < $1[0] : $0[1] < $1[1] })
    }

    static func outcome(_ read: () throws -> ICCMAFramework) -> Outcome {
        do {
            let f = try read().framework
            return .framework(count: f.count, attacks: f.attacks.map { [$0.0, $0.1] })
        } catch let e as DiagnosticError {
            let d = e.diagnostics[0]
            return .error(message: d.message, line: d.location?.line ?? 0, column: d.location?.column ?? 0)
        } catch {
            return .error(message: "\(error)", line: 0, column: 0)
        }
    }

    /// Random text from i23's pieces, mostly well formed, with comments, blanks, CR, and wrong tokens mixed in.
    static func randomInput(_ rng: inout SeededGenerator) -> [UInt8] {
        let n = Int.random(in: 0...6, using: &rng)
        var s = ""
        if Int.random(in: 0..<10, using: &rng) == 0 { s += "\u{FEFF}" }
        let pieces = [
            "#c\n", "\n", " ", "\t", "\r", "p af \(n)\n", "p af \(n)", "x", "0", "1234567890", "p", "paf 2\n", "p af\n",
            "p  af  3 \n", "# 1 a\n",
        ]
        if Int.random(in: 0..<4, using: &rng) != 0 { s += "p af \(n)\n" }
        for _ in 0..<Int.random(in: 0...12, using: &rng) {
            if Int.random(in: 0..<4, using: &rng) == 0 {
                s += pieces[Int.random(in: 0..<pieces.count, using: &rng)]
            } else {
                let a = Int.random(in: 0...(n + 1), using: &rng), b = Int.random(in: 0...(n + 1), using: &rng)
                let sep = [" ", "  ", "\t", ""][Int.random(in: 0..<4, using: &rng)]
                let eol = ["\n", "\r\n", " \n", " 3\n", "", "\n\n"][Int.random(in: 0..<6, using: &rng)]
                s += "\(a)\(sep)\(b)\(eol)"
            }
        }
        return Array(s.utf8)
    }

    @Test func agreesWithThePlainReaderOnRandomInput() {
        var rng = SeededGenerator(seed: 2023)
        var errors = 0, frameworks = 0
        for _ in 0..<20_000 {
            let input = I23ReaderOracleTests.randomInput(&rng)
            let expected = I23ReaderOracleTests.oracle(input)
            let got = I23ReaderOracleTests.outcome { try ICCMAReader.read(bytes: input, format: .i23) }
            #expect(got == expected, "\(String(decoding: input, as: UTF8.self).debugDescription)")
            if case .error = expected { errors += 1 } else { frameworks += 1 }
            if got != expected { break }
        }
        // Both kinds of outcome are exercised.
        #expect(errors > 1000 && frameworks > 1000)
    }

    @Test func readsFilesAsItReadsBytes() throws {
        let dir = try ScratchDirectory.make("i23-oracle")
        defer { try? FileManager.default.removeItem(at: dir) }
        var rng = SeededGenerator(seed: 7)
        for k in 0..<200 {
            let input = I23ReaderOracleTests.randomInput(&rng)
            let path = dir.appendingPathComponent("\(k).i23").path
            try Data(input).write(to: URL(fileURLWithPath: path))
            let fromFile = I23ReaderOracleTests.outcome { try ICCMAReader.read(path: path) }
            #expect(fromFile == I23ReaderOracleTests.oracle(input))
            let fromData = I23ReaderOracleTests.outcome { try ICCMAReader.read(bytes: Data(input), format: .i23) }
            #expect(fromData == fromFile)
        }
    }
}
