import ArgumentGraphModel
import ArgumentGraphText
import Foundation

/// Reads ICCMA frameworks (i23, apx, tgf) from bytes, byte by byte, with line and column in every error.
public enum ICCMAReader {
    /// The most arguments an i23 header may declare (each costs memory before any attack is read).
    public static let maxArguments = 10_000_000

    /// Reads a file in the given format or the one its extension names (i23 when unknown).
    public static func read(path: String, format: ICCMAFormat? = nil) throws(DiagnosticError) -> ICCMAFramework {
        let format = format ?? ICCMAFormat.infer(fromPath: path) ?? .i23
        // i23 files are parsed straight from a read-only mapping of the file: no copy of the bytes at all.
        if format == .i23, let mapped = MappedFile(path: path) {
            defer { mapped.unmap() }
            return try I23Parser.parse(UnsafeBufferPointer(start: mapped.base, count: mapped.count), file: path)
        }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe) } catch {
            throw DiagnosticError([Diagnostic(.error, "cannot read '\(path)': \(FileError.describe(error))")])
        }
        return try read(bytes: data, format: format, file: path)
    }

    /// Parses bytes in `format`; `file` names the input in diagnostics.
    public static func read(bytes: some DataProtocol, format: ICCMAFormat, file: String = "<input>") throws(DiagnosticError) -> ICCMAFramework {
        if format == .i23 {
            if let a = bytes as? [UInt8] { return try a.withUnsafeBufferPointer { b throws(DiagnosticError) in try I23Parser.parse(b, file: file) } }
            if let d = bytes as? Data {
                let result: Result<ICCMAFramework, DiagnosticError> = d.withUnsafeBytes { raw in
                    do throws(DiagnosticError) {
                        return .success(try I23Parser.parse(raw.bindMemory(to: UInt8.self), file: file))
                    } catch { return .failure(error) }
                }
                return try result.get()
            }
        }
        let array: [UInt8]
        if let a = bytes as? [UInt8] { array = a } else if let d = bytes as? Data {
            array = [UInt8](unsafeUninitializedCapacity: d.count) { buf, n in n = d.copyBytes(to: buf) }
        } else { array = Array(bytes) }
        let result: Result<ICCMAFramework, DiagnosticError> = array.withUnsafeBufferPointer { buf in
            var p = Parser(buf: buf, file: file)
            do throws(DiagnosticError) {
                switch format {
                case .i23: return .success(try I23Parser.parse(buf, file: file))
                case .apx: return .success(try p.readAPX())
                case .tgf: return .success(try p.readTGF())
                }
            } catch { return .failure(error) }
        }
        return try result.get()
    }

    private struct Parser {
        let buf: UnsafeBufferPointer<UInt8>
        let file: String
        var pos = 0
        var line = 1
        var lineStart = 0

        init(buf: UnsafeBufferPointer<UInt8>, file: String) {
            self.buf = buf
            self.file = file
            if buf.count >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF { pos = 3; lineStart = 3 }
        }

        func error(_ message: String, at p: Int? = nil, hint: String? = nil) -> DiagnosticError {
            DiagnosticError([Diagnostic(.error, message, at: SourceLocation(file: file, line: line, column: (p ?? pos) - lineStart + 1), hint: hint)])
        }

        @inline(__always) func isBlank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0D }

        @inline(__always) mutating func skipBlanks() { while pos < buf.count && isBlank(buf[pos]) { pos += 1 } }

        @inline(__always) mutating func skipLine() {
            while pos < buf.count && buf[pos] != 0x0A { pos += 1 }
            if pos < buf.count { pos += 1; line += 1; lineStart = pos }
        }

        @inline(__always) mutating func atLineEnd() -> Bool { pos >= buf.count || buf[pos] == 0x0A }

        /// The end of the blank-delimited word at `pos` (a whole node id, however long).
        func wordEnd() -> Int {
            var e = pos
            while e < buf.count && !isBlank(buf[e]) && buf[e] != 0x0A { e += 1 }
            return e
        }

        /// The blank-delimited word at `pos`, moving past it.
        mutating func word() -> String {
            let e = wordEnd()
            defer { pos = e }
            return String(decoding: buf[pos..<e], as: UTF8.self)
        }

        func token() -> String {
            var e = pos
            while e < buf.count && !isBlank(buf[e]) && buf[e] != 0x0A && e - pos < 40 { e += 1 }
            return String(decoding: buf[pos..<e], as: UTF8.self)
        }

        /// An apx name: up to ',' or ')' (quotes kept out), trimmed.
        mutating func apxName() throws(DiagnosticError) -> String {
            skipBlanks()
            let start = pos
            if pos < buf.count && buf[pos] == 0x22 {                        // quoted
                pos += 1
                let s = pos
                while pos < buf.count && buf[pos] != 0x22 && buf[pos] != 0x0A { pos += 1 }
                guard pos < buf.count && buf[pos] == 0x22 else { throw error("unterminated quoted name", at: start) }
                let name = String(decoding: buf[s..<pos], as: UTF8.self)
                pos += 1; skipBlanks()
                return name
            }
            while pos < buf.count && buf[pos] != 0x2C && buf[pos] != 0x29 && buf[pos] != 0x0A && !isBlank(buf[pos]) { pos += 1 }
            if pos == start { throw error("expected an argument name", at: start) }
            let name = String(decoding: buf[start..<pos], as: UTF8.self)
            skipBlanks()
            return name
        }

        mutating func expect(_ c: UInt8, _ what: String) throws(DiagnosticError) {
            skipBlanks()
            guard pos < buf.count && buf[pos] == c else { throw error("expected \(what)") }
            pos += 1
        }

        mutating func readAPX() throws(DiagnosticError) -> ICCMAFramework {
            var index: [String: Int32] = [:]
            var names: [String] = []
            var pending: [(String, String, SourceLocation)] = []
            while pos < buf.count {
                skipBlanks()
                if atLineEnd() { if pos < buf.count { pos += 1; line += 1; lineStart = pos }; continue }
                if buf[pos] == 0x25 || buf[pos] == 0x23 { skipLine(); continue }  // '%' or '#'
                let start = pos
                while pos < buf.count && buf[pos] >= 0x61 && buf[pos] <= 0x7A { pos += 1 }
                let word = String(decoding: buf[start..<pos], as: UTF8.self)
                switch word {
                case "arg":
                    try expect(0x28, "'(' after 'arg'")
                    let name = try apxName()
                    try expect(0x29, "')'")
                    try expect(0x2E, "'.' after 'arg(...)'")
                    if index[name] == nil { index[name] = Int32(names.count); names.append(name) }
                case "att":
                    let loc = SourceLocation(file: file, line: line, column: start - lineStart + 1)
                    try expect(0x28, "'(' after 'att'")
                    let a = try apxName()
                    try expect(0x2C, "',' between the two arguments")
                    let b = try apxName()
                    try expect(0x29, "')'")
                    try expect(0x2E, "'.' after 'att(...)'")
                    pending.append((a, b, loc))
                default:
                    throw error("expected 'arg(...)' or 'att(...)', found '\(token())'", at: start)
                }
            }
            var sources: [Int32] = [], targets: [Int32] = []
            for (a, b, loc) in pending {
                for name in [a, b] where index[name] == nil {
                    throw DiagnosticError([Diagnostic(.error, "attack names undeclared argument '\(name)'", at: loc,
                                                      hint: Suggestions.hint(for: name, in: names))])
                }
                sources.append(index[a] ?? 0); targets.append(index[b] ?? 0)
            }
            return ICCMAFramework(framework: AttackFramework(count: names.count, sources: sources, targets: targets), names: names)
        }

        mutating func readTGF() throws(DiagnosticError) -> ICCMAFramework {
            var index: [String: Int32] = [:]
            var names: [String] = []
            var sources: [Int32] = [], targets: [Int32] = []
            var inEdges = false
            while pos < buf.count {
                skipBlanks()
                if atLineEnd() { if pos < buf.count { pos += 1; line += 1; lineStart = pos }; continue }
                if buf[pos] == 0x23 {
                    if inEdges { throw error("a second '#' separator") }
                    inEdges = true; skipLine(); continue
                }
                let start = pos
                let first = word()
                if !inEdges {
                    if index[first] != nil { throw error("duplicate node '\(first)'", at: start) }
                    index[first] = Int32(names.count); names.append(first)
                    skipLine()                                                 // a label may follow
                    continue
                }
                skipBlanks()
                let secondStart = pos
                let second = word()
                if second.isEmpty { throw error("expected two node ids on an edge line") }
                guard let a = index[first] else {
                    throw error("edge names unknown node '\(first)'", at: start, hint: Suggestions.hint(for: first, in: names))
                }
                guard let b = index[second] else {
                    throw error("edge names unknown node '\(second)'", at: secondStart, hint: Suggestions.hint(for: second, in: names))
                }
                sources.append(a); targets.append(b)
                skipLine()
            }
            return ICCMAFramework(framework: AttackFramework(count: names.count, sources: sources, targets: targets), names: names)
        }
    }
}
