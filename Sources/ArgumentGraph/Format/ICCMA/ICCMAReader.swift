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
        // Files are parsed straight from a read-only mapping: no copy of the bytes at all.
        if let mapped = MappedFile(path: path) {
            defer { mapped.unmap() }
            let buf = UnsafeBufferPointer(start: mapped.base, count: mapped.count)
            switch format {
            case .i23: return try I23Parser.parse(buf, file: path)
            case .apx: var p = Parser(buf: buf, file: path); return try p.readAPX()
            case .tgf: var p = Parser(buf: buf, file: path); return try p.readTGF()
            }
        }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe) } catch {
            throw DiagnosticError([Diagnostic(.error, "cannot read '\(path)': \(FileError.describe(error))")])
        }
        return try read(bytes: data, format: format, file: path)
    }

    /// Parses bytes in `format`; `file` names the input in diagnostics.
    public static func read(bytes: some DataProtocol, format: ICCMAFormat, file: String = "<input>")
        throws(DiagnosticError) -> ICCMAFramework
    {
        if format == .i23 {
            if let a = bytes as? [UInt8] {
                return try a.withUnsafeBufferPointer { b throws(DiagnosticError) in try I23Parser.parse(b, file: file) }
            }
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
        if let a = bytes as? [UInt8] {
            array = a
        } else if let d = bytes as? Data {
            array = [UInt8](unsafeUninitializedCapacity: d.count) { buf, n in n = d.copyBytes(to: buf) }
        } else {
            array = Array(bytes)
        }
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
            DiagnosticError([
                Diagnostic(
                    .error, message, at: SourceLocation(file: file, line: line, column: (p ?? pos) - lineStart + 1),
                    hint: hint)
            ])
        }

        @inline(__always) func isBlank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0D }

        @inline(__always) mutating func skipBlanks() { while pos < buf.count && isBlank(buf[pos]) { pos += 1 } }

        @inline(__always) mutating func skipLine() {
            while pos < buf.count && buf[pos] != 0x0A { pos += 1 }
            if pos < buf.count { pos += 1; line += 1; lineStart = pos }
        }

        @inline(__always) mutating func atLineEnd() -> Bool { pos >= buf.count || buf[pos] == 0x0A }

        /// The end of the blank-delimited word at `pos` (a whole node id, however long).
        @inline(__always) func wordEnd() -> Int {
            var e = pos
            while e < buf.count {
                let c = buf[e]
                if c <= 0x20 && (isBlank(c) || c == 0x0A) { break }  // blanks and '\n' are all at most ' '
                e &+= 1
            }
            return e
        }

        func token(at start: Int? = nil) -> String {
            let pos = start ?? self.pos
            var e = pos
            while e < buf.count && !isBlank(buf[e]) && buf[e] != 0x0A && e - pos < 40 { e += 1 }
            return String(decoding: buf[pos..<e], as: UTF8.self)
        }

        /// An apx name: up to ',' or ')' (quotes kept out), trimmed; its range in the buffer.
        mutating func apxName() throws(DiagnosticError) -> (start: Int, length: Int) {
            skipBlanks()
            let start = pos
            if pos < buf.count && buf[pos] == 0x22 {  // quoted
                pos += 1
                let s = pos
                while pos < buf.count && buf[pos] != 0x22 && buf[pos] != 0x0A { pos += 1 }
                guard pos < buf.count && buf[pos] == 0x22 else { throw error("unterminated quoted name", at: start) }
                let range = (s, pos - s)
                pos += 1; skipBlanks()
                return range
            }
            while pos < buf.count {
                let c = buf[pos]  // ',', ')', '\n' and the blanks are all at most ','
                if c <= 0x2C && (c == 0x2C || c == 0x29 || c == 0x0A || isBlank(c)) { break }
                pos &+= 1
            }
            if pos == start { throw error("expected an argument name", at: start) }
            let range = (start, pos - start)
            skipBlanks()
            return range
        }

        @inline(__always) mutating func expect(_ c: UInt8, _ what: String) throws(DiagnosticError) {
            if pos < buf.count && buf[pos] == c { pos &+= 1; return }  // no blanks before it: the common case
            try expectAfterBlanks(c, what)
        }

        mutating func expectAfterBlanks(_ c: UInt8, _ what: String) throws(DiagnosticError) {
            skipBlanks()
            guard pos < buf.count && buf[pos] == c else { throw error("expected \(what)") }
            pos += 1
        }

        /// The keyword at `pos` (lower-case letters), moving past it: 1 for `arg`, 2 for `att`, 0 otherwise.
        mutating func keyword() -> Int {
            let start = pos
            while pos < buf.count && buf[pos] >= 0x61 && buf[pos] <= 0x7A { pos += 1 }
            guard pos - start == 3, buf[start] == 0x61 else { return 0 }
            if buf[start + 1] == 0x72 && buf[start + 2] == 0x67 { return 1 }  // "arg"
            if buf[start + 1] == 0x74 && buf[start + 2] == 0x74 { return 2 }  // "att"
            return 0
        }

        /// Names are looked up as byte ranges (``ByteNameTable``); an attack may name an argument declared after it,
        /// so attacks are kept by the name's first-seen number and renumbered in declaration order at the end.
        mutating func readAPX() throws(DiagnosticError) -> ICCMAFramework {
            guard let base = buf.baseAddress else {
                return ICCMAFramework(framework: AttackFramework(count: 0, attacks: []), names: [])
            }
            var table = ByteNameTable(base: base, count: buf.count)
            var names: [String] = []
            var declared: [Int32] = []  // per name: its argument number, or -1
            var firstUse: [Int] = []  // per name: the first attack naming it
            var inOrder = true  // whether every name so far was declared, in the order first seen
            var sources: [Int32] = [], targets: [Int32] = []
            sources.reserveCapacity(buf.count / 10 + 1)  // "att(a,b).\n": pages never written are never touched
            targets.reserveCapacity(buf.count / 10 + 1)
            // Arguments and attacks are looked up a batch at a time, in file order, their slots prefetched as they
            // were parsed (``ByteNameTable/probe(_:_:)``); an error found while parsing does not depend on them.
            var pending: [PendingAttack] = []
            pending.reserveCapacity(ICCMAReader.batch)
            func resolve() {
                func number(_ p: ByteNameTable.Probe, _ s: Int, _ l: Int, _ start: Int) -> Int32 {
                    let (id, inserted) = table.insert(p, s, l)
                    if inserted { declared.append(-1); firstUse.append(start); inOrder = false }
                    return id
                }
                for a in pending {
                    if a.isArgument {
                        let (id, inserted) = table.insert(a.source, a.sourceStart, Int(a.sourceLength))
                        if inserted { declared.append(-1); firstUse.append(Int.max) }
                        if declared[Int(id)] < 0 {
                            if Int(id) != names.count { inOrder = false }
                            declared[Int(id)] = Int32(names.count); names.append(table.name(id))
                        }
                        continue
                    }
                    sources.append(number(a.source, a.sourceStart, Int(a.sourceLength), a.start))
                    targets.append(number(a.target, a.targetStart, Int(a.targetLength), a.start))
                }
                pending.removeAll(keepingCapacity: true)
            }
            while pos < buf.count {
                skipBlanks()
                if atLineEnd() { if pos < buf.count { pos += 1; line += 1; lineStart = pos }; continue }
                if buf[pos] == 0x25 || buf[pos] == 0x23 { skipLine(); continue }  // '%' or '#'
                let start = pos
                switch keyword() {
                case 1:
                    try expect(0x28, "'(' after 'arg'")
                    let name = try apxName()
                    try expect(0x29, "')'")
                    try expect(0x2E, "'.' after 'arg(...)'")
                    let p = table.probe(name.start, name.length)
                    pending.append(
                        PendingAttack(
                            source: p, target: p, sourceStart: name.start, targetStart: name.start,
                            sourceLength: Int32(truncatingIfNeeded: name.length), targetLength: 0, start: start,
                            isArgument: true))
                    if pending.count == ICCMAReader.batch { resolve() }
                case 2:
                    try expect(0x28, "'(' after 'att'")
                    let a = try apxName()
                    try expect(0x2C, "',' between the two arguments")
                    let b = try apxName()
                    try expect(0x29, "')'")
                    try expect(0x2E, "'.' after 'att(...)'")
                    pending.append(
                        PendingAttack(
                            source: table.probe(a.start, a.length), target: table.probe(b.start, b.length),
                            sourceStart: a.start, targetStart: b.start,
                            sourceLength: Int32(truncatingIfNeeded: a.length),
                            targetLength: Int32(truncatingIfNeeded: b.length), start: start, isArgument: false))
                    if pending.count == ICCMAReader.batch { resolve() }
                default:
                    pos = start
                    while pos < buf.count && buf[pos] >= 0x61 && buf[pos] <= 0x7A { pos += 1 }
                    throw error("expected 'arg(...)' or 'att(...)', found '\(token(at: start))'", at: start)
                }
            }
            resolve()
            if names.count < table.count {
                // The first attack (in the file) that names an undeclared argument; its first such name.
                var worst = -1
                for id in 0..<table.count where declared[id] < 0 && (worst < 0 || firstUse[id] < firstUse[worst]) {
                    worst = id
                }
                let name = table.name(Int32(worst))
                throw I23Parser.fail(
                    base: base, count: buf.count, file: file, "attack names undeclared argument '\(name)'",
                    at: firstUse[worst], hint: Suggestions.hint(for: name, in: names))
            }
            if !inOrder {  // otherwise every name's number is its argument number already
                for i in 0..<sources.count {
                    sources[i] = declared[Int(sources[i])]; targets[i] = declared[Int(targets[i])]
                }
            }
            return ICCMAFramework(
                framework: AttackFramework(count: names.count, sources: sources, targets: targets), names: names)
        }

        mutating func readTGF() throws(DiagnosticError) -> ICCMAFramework {
            guard let base = buf.baseAddress else {
                return ICCMAFramework(framework: AttackFramework(count: 0, attacks: []), names: [])
            }
            var table = ByteNameTable(base: base, count: buf.count)
            var names: [String] = []
            var sources: [Int32] = [], targets: [Int32] = []
            var inEdges = false
            // Nodes and edges are looked up a batch at a time, their slots prefetched as they were parsed
            // (``ByteNameTable/probe(_:_:)``); the nodes are all looked up at the '#', and an error found while
            // parsing first resolves the edges before it, whose unknown nodes come first.
            var pending: [PendingAttack] = []
            pending.reserveCapacity(ICCMAReader.batch)
            func resolve() throws(DiagnosticError) {
                func unknown(_ s: Int, _ l: Int) -> DiagnosticError {
                    let name = String(decoding: buf[s..<(s + l)], as: UTF8.self)
                    return I23Parser.fail(
                        base: base, count: buf.count, file: file, "edge names unknown node '\(name)'", at: s,
                        hint: Suggestions.hint(for: name, in: names))
                }
                for e in pending {
                    if e.isArgument {  // a node
                        let (id, inserted) = table.insert(e.source, e.sourceStart, Int(e.sourceLength))
                        if !inserted {
                            throw I23Parser.fail(
                                base: base, count: buf.count, file: file, "duplicate node '\(table.name(id))'",
                                at: e.sourceStart, hint: nil)
                        }
                        names.append(table.name(id))
                        continue
                    }
                    let aLength = Int(e.sourceLength), bLength = Int(e.targetLength)
                    guard let a = table.find(e.source, e.sourceStart, aLength) else {
                        throw unknown(e.sourceStart, aLength)
                    }
                    guard let b = table.find(e.target, e.targetStart, bLength) else {
                        throw unknown(e.targetStart, bLength)
                    }
                    sources.append(a); targets.append(b)
                }
                pending.removeAll(keepingCapacity: true)
            }
            while pos < buf.count {
                skipBlanks()
                if atLineEnd() { if pos < buf.count { pos += 1; line += 1; lineStart = pos }; continue }
                if buf[pos] == 0x23 {
                    if inEdges { try resolve(); throw error("a second '#' separator") }
                    try resolve()  // the nodes
                    inEdges = true; skipLine()
                    // "a b\n": pages never written are never touched
                    sources.reserveCapacity((buf.count - pos) / 4 + 1)
                    targets.reserveCapacity((buf.count - pos) / 4 + 1)
                    continue
                }
                let start = pos
                let end = wordEnd()
                pos = end
                if !inEdges {
                    let p = table.probe(start, end - start)
                    pending.append(
                        PendingAttack(
                            source: p, target: p, sourceStart: start, targetStart: start,
                            sourceLength: Int32(truncatingIfNeeded: end - start), targetLength: 0, start: start,
                            isArgument: true))
                    if pending.count == ICCMAReader.batch { try resolve() }
                    skipLine()  // a label may follow
                    continue
                }
                skipBlanks()
                let secondStart = pos
                let secondEnd = wordEnd()
                pos = secondEnd
                if secondEnd == secondStart { try resolve(); throw error("expected two node ids on an edge line") }
                pending.append(
                    PendingAttack(
                        source: table.probe(start, end - start),
                        target: table.probe(secondStart, secondEnd - secondStart),
                        sourceStart: start, targetStart: secondStart,
                        sourceLength: Int32(truncatingIfNeeded: end - start),
                        targetLength: Int32(truncatingIfNeeded: secondEnd - secondStart), start: start,
                        isArgument: false))
                if pending.count == ICCMAReader.batch { try resolve() }
                skipLine()
            }
            try resolve()
            return ICCMAFramework(
                framework: AttackFramework(count: names.count, sources: sources, targets: targets), names: names)
        }
    }

    /// How many attacks the apx and tgf readers parse before looking their names up: enough lines that the first
    /// slot prefetched has arrived from memory when it is read.
    static let batch = 32

    /// An attack (an edge) parsed and not yet looked up: its two names, hashed and prefetched, and where its line
    /// starts; or an apx argument declaration (its one name as the source).
    private struct PendingAttack {
        var source: ByteNameTable.Probe
        var target: ByteNameTable.Probe
        var sourceStart: Int
        var targetStart: Int
        var sourceLength: Int32
        var targetLength: Int32
        var start: Int
        var isArgument: Bool
    }
}
