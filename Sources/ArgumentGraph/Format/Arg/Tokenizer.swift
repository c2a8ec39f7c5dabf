/// A range of the file's bytes, read through the pointer the parser holds while it runs: slicing and passing one
/// around costs no reference counting (an `ArraySlice` retains and releases the array at every step).
typealias Bytes = Slice<UnsafeBufferPointer<UInt8>>

extension Slice where Base == UnsafeBufferPointer<UInt8> {
    /// The bytes as a buffer of their own.
    @inline(__always)
    func withBuffer<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(rebasing: self))
    }

    /// The bytes decoded as UTF-8 (ill-formed sequences repaired).
    var string: String { String(decoding: UnsafeBufferPointer(rebasing: self), as: UTF8.self) }
}

/// A whitespace-separated word of a line, with its byte offset from the line's start.
struct Token {
    var bytes: Bytes
    var offset: Int
    var string: String { bytes.string }

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
    let line: Bytes
    let base: Int
    var position: Int

    init(_ line: Bytes, base: Int? = nil) {
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
func trimmedString(_ bytes: Bytes) -> String { trimmed(bytes).string }

/// `bytes` without the blanks around them, nor a carriage return at the end.
func trimmed(_ bytes: Bytes) -> Bytes {
    var lo = bytes.startIndex, hi = bytes.endIndex
    while lo < hi, bytes[lo] == 0x20 || bytes[lo] == 0x09 { lo += 1 }
    // A carriage return at the end is part of a line ending ("a\r\r\n"), never of the value.
    while hi > lo, bytes[hi - 1] == 0x20 || bytes[hi - 1] == 0x09 || bytes[hi - 1] == 0x0D { hi -= 1 }
    return bytes[lo..<hi]
}
