import ArgumentGraphModel
import Foundation

#if canImport(CPrefetch)
    import CPrefetch
#endif

/// The i23 parser behind ``ICCMAReader``: one pass over raw bytes that writes the attacks straight into their arrays.
///
/// Lines and columns are not tracked while parsing: an error computes its line and column from its byte offset, so
/// the common line `a b\n` costs two digit loops, two range checks and two stores.
enum I23Parser {
    @inline(__always) static func isBlank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0D }

    /// Parses `buf` as an ICCMA 2023 file; `file` names it in diagnostics.
    static func parse(_ buf: UnsafeBufferPointer<UInt8>, file: String) throws(DiagnosticError) -> ICCMAFramework {
        guard let base = buf.baseAddress, buf.count > 0 else {
            throw fail(
                base: nil, count: 0, file: file, "missing the header 'p af N'", at: 0,
                hint: "an ICCMA 2023 file starts with 'p af N'")
        }
        var c = Cursor(base: base, end: buf.count, file: file)
        let n = try c.header()
        // Each attack takes at least 4 bytes ("1 2\n"), the last at least 3, so this capacity is never exceeded;
        // pages of it that are never written are never touched.
        let capacity = (c.end - c.p + 1) / 4 + 1
        var m = 0
        var sorted = true
        var failure: DiagnosticError?
        // Each argument's attacks both ways, counted as the attacks are read (the CSR build needs them first).
        var outgoing = AttackFramework.zeros(n &+ 1), incoming = AttackFramework.zeros(n &+ 1)
        var sources: [Int32] = []
        let targets = [Int32](unsafeUninitializedCapacity: capacity) { tgt, tgtCount in
            HugePages.advise(tgt)
            sources = [Int32](unsafeUninitializedCapacity: capacity) { src, srcCount in
                HugePages.advise(src)
                do throws(DiagnosticError) {
                    (m, sorted) = try outgoing.withUnsafeMutableBufferPointer { out throws(DiagnosticError) in
                        try incoming.withUnsafeMutableBufferPointer { inn throws(DiagnosticError) in
                            try c.attacks(
                                n: n, sources: src.baseAddress!, targets: tgt.baseAddress!, capacity: capacity,
                                outgoing: out.baseAddress!, incoming: inn.baseAddress!)
                        }
                    }
                } catch { failure = error }
                srcCount = m
            }
            tgtCount = m
        }
        if let failure { throw failure }
        return ICCMAFramework(
            framework: AttackFramework(
                count: n, sources: consume sources, targets: targets, strictlySorted: sorted,
                degrees: (consume outgoing, consume incoming)), names: nil)
    }

    /// A position in the input, with the steps of the grammar.
    struct Cursor {
        let base: UnsafePointer<UInt8>
        let end: Int
        let file: String
        var p: Int

        init(base: UnsafePointer<UInt8>, end: Int, file: String) {
            self.base = base
            self.end = end
            self.file = file
            p = end >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF ? 3 : 0
        }

        func error(_ message: String, at p: Int, hint: String? = nil) -> DiagnosticError {
            fail(base: base, count: end, file: file, message, at: p, hint: hint)
        }

        @inline(__always) mutating func skipBlanks() { while p < end && isBlank(base[p]) { p &+= 1 } }

        @inline(__always) mutating func skipLine() {
            if let nl = memchr(base + p, 0x0A, end - p) {
                p = base.distance(to: nl.assumingMemoryBound(to: UInt8.self)) + 1
            } else {
                p = end
            }
        }

        /// A decimal number of at most 9 digits (ids fit in Int32).
        ///
        /// One to seven digits followed by something else, with 8 bytes to read, are read as one word (SWAR): the
        /// first byte that is not a digit is found with a mask, and the digits are summed with three multiplications
        /// (Lemire's eight-digit method, with the digits shifted up behind leading zeros). Everything else, errors
        /// included, goes digit by digit.
        @inline(__always) mutating func number() throws(DiagnosticError) -> Int {
            if p &+ 8 <= end {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + p).loadUnaligned(as: UInt64.self))
                let x = word ^ 0x3030_3030_3030_3030  // digits become 0...9
                // A byte is not a digit when x or x + 6 has a bit in its high half; a carry only runs from such a
                // byte upwards, past the first one, which is all that is looked at.
                let other = (x | (x &+ 0x0606_0606_0606_0606)) & 0xF0F0_F0F0_F0F0_F0F0
                let length = other.trailingZeroBitCount &>> 3
                if length >= 1 && length <= 7 {
                    var d = x &<< UInt64(truncatingIfNeeded: 64 &- 8 &* length)
                    d = d &* 10 &+ (d &>> 8)
                    d =
                        ((d & 0x0000_00FF_0000_00FF) &* 0x000F_4240_0000_0064
                            &+ ((d &>> 16) & 0x0000_00FF_0000_00FF) &* 0x0000_2710_0000_0001) &>> 32
                    p &+= length
                    return Int(truncatingIfNeeded: d)
                }
            }
            return try digits()
        }

        /// ``number()`` digit by digit.
        mutating func digits() throws(DiagnosticError) -> Int {
            let start = p
            var q = p
            var v = 0
            while q < end {
                let d = base[q] &- 0x30
                if d >= 10 { break }
                v = v &* 10 &+ Int(d)
                q &+= 1
            }
            p = q
            if q == start { throw error("expected a number", at: start) }
            if q &- start > 9 { throw error("number too large", at: start) }
            return v
        }

        mutating func endOfLine() throws(DiagnosticError) {
            skipBlanks()
            guard p >= end || base[p] == 0x0A else {
                throw error("unexpected text '\(token(base: base, count: end, at: p))' at the end of the line", at: p)
            }
            if p < end { p += 1 }
        }

        /// The header `p af N` after comments and blank lines; returns N.
        mutating func header() throws(DiagnosticError) -> Int {
            while p < end {
                let c = base[p]
                if c == 0x23 { skipLine(); continue }  // '#'
                if c == 0x0A { p += 1; continue }
                if isBlank(c) { skipBlanks(); if p >= end || base[p] == 0x0A { continue } }
                guard base[p] == 0x70 else {  // 'p'
                    throw error(
                        "expected the header 'p af N' before any attack", at: p,
                        hint: "ICCMA 2023 files start with 'p af N'")
                }
                p += 1; skipBlanks()
                guard p + 1 < end, base[p] == 0x61, base[p + 1] == 0x66 else {
                    throw error("expected 'af' after 'p'", at: p)
                }
                p += 2
                let before = p
                skipBlanks()
                if p == before { throw error("expected a space and the number of arguments after 'p af'", at: p) }
                let nStart = p
                let n = try number()
                // 'p af 999999999' alone would allocate gigabytes before any attack is read.
                if n > ICCMAReader.maxArguments {
                    throw error(
                        "\(n) arguments are more than argraph reads (at most \(ICCMAReader.maxArguments))", at: nStart)
                }
                try endOfLine()
                return n
            }
            throw error("missing the header 'p af N'", at: p, hint: "an ICCMA 2023 file starts with 'p af N'")
        }

        /// The attack lines up to the end, 0-based, into `sources` and `targets`; returns how many, and whether they
        /// were strictly increasing by (source, target). Each attack adds one at `source + 1` to `outgoing` and at
        /// `target + 1` to `incoming` (all are counted when it returns; not when it throws).
        mutating func attacks(
            n: Int, sources src: UnsafeMutablePointer<Int32>, targets tgt: UnsafeMutablePointer<Int32>,
            capacity: Int, outgoing: UnsafeMutablePointer<Int32>, incoming: UnsafeMutablePointer<Int32>
        ) throws(DiagnosticError) -> (Int, Bool) {
            var m = 0
            var sorted = true
            var last = -1  // (source << 32 | target) of the last attack
            while p < end {
                let c = base[p]
                if c &- 0x30 >= 10 {
                    if c == 0x23 { skipLine(); continue }
                    if c == 0x0A { p &+= 1; continue }
                    if isBlank(c) { skipBlanks(); if p >= end || base[p] == 0x0A { continue } }
                    if base[p] == 0x70 { throw error("a second 'p af' header", at: p) }
                }
                let aStart = p
                let a = try number()
                let before = p
                skipBlanks()
                if p == before { throw error("expected a space and the attacked argument", at: p) }
                let bStart = p
                let b = try number()
                if a < 1 || a > n { throw error("argument \(a) is not in 1...\(n)", at: aStart) }
                if b < 1 || b > n { throw error("argument \(b) is not in 1...\(n)", at: bStart) }
                let key = (a &- 1) << 32 | (b &- 1)
                if key <= last { sorted = false }
                last = key
                guard m < capacity else {
                    throw error("internal error: more attacks than the file can hold", at: aStart)
                }
                src[m] = Int32(truncatingIfNeeded: a &- 1)
                tgt[m] = Int32(truncatingIfNeeded: b &- 1)
                // The two counters are random in big tables: they are fetched now and counted `lag` attacks later.
                #if canImport(CPrefetch)
                    argraph_prefetch_write(outgoing + a); argraph_prefetch_write(incoming + b)
                #endif
                if m >= Self.lag {
                    outgoing[Int(src[m &- Self.lag]) &+ 1] &+= 1; incoming[Int(tgt[m &- Self.lag]) &+ 1] &+= 1
                }
                m &+= 1
                // Fast path for the common "a b\n".
                if p < end && base[p] == 0x0A { p &+= 1 } else { try endOfLine() }
            }
            for k in max(m &- Self.lag, 0)..<m { outgoing[Int(src[k]) &+ 1] &+= 1; incoming[Int(tgt[k]) &+ 1] &+= 1 }
            return (m, sorted)
        }

        /// How many attacks after its own the counters of an attack are incremented (``attacks(n:sources:targets:capacity:outgoing:incoming:)``).
        static let lag = 16
    }

    /// The word at `p` as it appears in a message: up to a blank or the line's end, at most 40 bytes.
    static func token(base: UnsafePointer<UInt8>, count: Int, at p: Int) -> String {
        var e = p
        while e < count && !isBlank(base[e]) && base[e] != 0x0A && e - p < 40 { e += 1 }
        return String(decoding: UnsafeBufferPointer(start: base + p, count: e - p), as: UTF8.self)
    }

    /// An error at byte `p`, its line and column counted from the start of the input (a byte order mark is not a column).
    static func fail(base: UnsafePointer<UInt8>?, count: Int, file: String, _ message: String, at p: Int, hint: String?)
        -> DiagnosticError
    {
        var line = 1
        var lineStart = 0
        if let base {
            if count >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF { lineStart = 3 }
            var i = 0
            while i < p, let nl = memchr(base + i, 0x0A, p - i) {
                i = base.distance(to: nl.assumingMemoryBound(to: UInt8.self)) + 1
                line += 1
                lineStart = i
            }
        }
        return DiagnosticError([
            Diagnostic(
                .error, message, at: SourceLocation(file: file, line: line, column: p - lineStart + 1), hint: hint)
        ])
    }
}

/// A regular, non-empty file mapped read-only into memory; nil when it cannot be (the caller then reads it the usual way).
struct MappedFile {
    let base: UnsafePointer<UInt8>
    let count: Int

    init?(path: String) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_size > 0, st.st_size < Int.max / 2 else {
            return nil
        }
        let size = Int(st.st_size)
        #if os(Linux)
            let flags = MAP_PRIVATE | MAP_POPULATE
        #else
            let flags = MAP_PRIVATE
        #endif
        guard let p = mmap(nil, size, PROT_READ, flags, fd, 0), Int(bitPattern: p) != -1 else { return nil }
        base = UnsafePointer(p.assumingMemoryBound(to: UInt8.self))
        count = size
    }

    /// Releases the mapping; the bytes must not be used afterwards.
    func unmap() {
        munmap(UnsafeMutableRawPointer(mutating: base), count)
    }
}
