/// A whitespace-separated word of a line, with its byte offset from the line's start.
struct Token {
    var bytes: ArraySlice<UInt8>
    var offset: Int
    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Whether the word is exactly `s`.
    func `is`(_ s: StaticString) -> Bool {
        guard s.utf8CodeUnitCount == bytes.count else { return false }
        var k = 0
        for x in bytes {
            if s.utf8Start[k] != x { return false }
            k += 1
        }
        return true
    }
}

/// Splits a line into whitespace-separated tokens.
struct Tokenizer {
    let line: ArraySlice<UInt8>
    let base: Int
    var position: Int

    init(_ line: ArraySlice<UInt8>, base: Int? = nil) {
        self.line = line
        self.base = base ?? line.startIndex
        self.position = line.startIndex
    }

    mutating func next() -> Token? {
        while position < line.endIndex, line[position] == 0x20 || line[position] == 0x09 { position += 1 }
        guard position < line.endIndex else { return nil }
        let start = position
        while position < line.endIndex, line[position] != 0x20, line[position] != 0x09 { position += 1 }
        return Token(bytes: line[start..<position], offset: start - base)
    }

    mutating func all() -> [Token] {
        var out: [Token] = []
        all(into: &out)
        return out
    }

    /// Appends every remaining token to `out`.
    mutating func all(into out: inout [Token]) {
        while let t = next() { out.append(t) }
    }
}

/// The bytes as a string, without leading and trailing spaces and tabs.
func trimmedString(_ bytes: ArraySlice<UInt8>) -> String {
    bytes.withUnsafeBufferPointer { p in
        var lo = 0, hi = p.count
        while lo < hi, p[lo] == 0x20 || p[lo] == 0x09 { lo += 1 }
        // A carriage return at the end is part of a line ending ("a\r\r\n"), never of the value.
        while hi > lo, p[hi - 1] == 0x20 || p[hi - 1] == 0x09 || p[hi - 1] == 0x0D { hi -= 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: p[lo..<hi]), as: UTF8.self)
    }
}
