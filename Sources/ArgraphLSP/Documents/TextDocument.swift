import Foundation

/// A place in a text document as LSP gives it: 0-based line and 0-based character offset in UTF-16 code units.
public struct Position: Sendable, Hashable, Comparable {
    public var line: Int
    public var character: Int

    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    public static func < (a: Position, b: Position) -> Bool {
        a.line != b.line ? a.line < b.line : a.character < b.character
    }

    var json: JSON { ["line": .int(line), "character": .int(character)] }

    init?(_ json: JSON?) {
        guard let json, let l = json["line"]?.int, let c = json["character"]?.int, l >= 0, c >= 0 else { return nil }
        self.init(line: l, character: c)
    }
}

/// A span of a text document, end exclusive.
public struct TextRange: Sendable, Hashable {
    public var start: Position
    public var end: Position

    public init(_ start: Position, _ end: Position) {
        self.start = start
        self.end = end
    }

    public func contains(_ p: Position) -> Bool { start <= p && p <= end }

    var json: JSON { ["start": start.json, "end": end.json] }

    init?(_ json: JSON?) {
        guard let json, let s = Position(json["start"]), let e = Position(json["end"]), s <= e else { return nil }
        self.init(s, e)
    }
}

/// The text of an open document as UTF-8 bytes, with its line starts, converting between byte offsets and LSP positions.
///
/// Lines end at `\n` (a `\r` before it belongs to the line ending as far as positions go: LSP counts `\r\n`, `\n` and
/// `\r` as line breaks, and `.arg` files use the first two). Positions past the end of a line or of the text are
/// clamped, as the protocol asks.
public struct TextDocument: Sendable {
    public private(set) var bytes: [UInt8]
    /// The byte offset at which each line starts.
    public private(set) var lineStarts: [Int]

    public init(_ text: String) {
        bytes = Array(text.utf8)
        lineStarts = TextDocument.lineStarts(of: bytes)
    }

    public var text: String { String(decoding: bytes, as: UTF8.self) }

    public var lineCount: Int { lineStarts.count }

    static func lineStarts(of bytes: [UInt8]) -> [Int] {
        var starts = [0]
        appendLineStarts(of: bytes, from: 0, to: &starts)
        return starts
    }

    /// Appends the start of every line that begins after a `\n` at or after byte `from`.
    static func appendLineStarts(of bytes: [UInt8], from: Int, to starts: inout [Int]) {
        bytes.withUnsafeBufferPointer { p in
            guard let base = p.baseAddress else { return }
            var i = from
            while i < p.count, let nl = memchr(base + i, 0x0A, p.count - i) {
                i = base.distance(to: nl.assumingMemoryBound(to: UInt8.self)) + 1
                starts.append(i)
            }
        }
    }

    /// The bytes of line `n` (0-based), without its line ending.
    public func lineBytes(_ n: Int) -> ArraySlice<UInt8> {
        guard n >= 0, n < lineStarts.count else { return [] }
        let start = lineStarts[n]
        var end = n + 1 < lineStarts.count ? lineStarts[n + 1] - 1 : bytes.count
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return bytes[start..<end]
    }

    /// The text of line `n` (0-based), without its line ending.
    public func line(_ n: Int) -> String { String(decoding: lineBytes(n), as: UTF8.self) }

    /// The byte offset of a position, clamped to its line and to the text.
    public func offset(of p: Position) -> Int {
        guard p.line < lineStarts.count else { return bytes.count }
        let line = lineBytes(p.line)
        var units = 0
        var i = line.startIndex
        while i < line.endIndex, units < p.character {
            let width = TextDocument.sequenceLength(line[i])
            let next = min(i + width, line.endIndex)
            units += width == 4 ? 2 : 1
            // A position inside a surrogate pair is rounded down to the character's start.
            if units > p.character { break }
            i = next
        }
        return i
    }

    /// The position of a byte offset (an offset inside a UTF-8 sequence counts as its start).
    public func position(of offset: Int) -> Position {
        let offset = max(0, min(offset, bytes.count))
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        let line = lineBytes(lo)
        var units = 0
        var i = line.startIndex
        while i < min(offset, line.endIndex) {
            let width = TextDocument.sequenceLength(line[i])
            if i + width > offset { break }
            units += width == 4 ? 2 : 1
            i += width
        }
        return Position(line: lo, character: units)
    }

    /// The range of a byte range.
    public func range(of bytes: Range<Int>) -> TextRange {
        TextRange(position(of: bytes.lowerBound), position(of: bytes.upperBound))
    }

    /// The position of a 1-based line and 1-based column counted in Unicode scalars (how ``SourceLocation`` counts).
    public func position(line: Int, scalarColumn: Int) -> Position {
        let n = line - 1
        guard n >= 0, n < lineStarts.count else {
            return n < 0 ? Position(line: 0, character: 0) : position(of: bytes.count)
        }
        let bytes = lineBytes(n)
        var i = bytes.startIndex
        var column = 1
        while i < bytes.endIndex, column < scalarColumn {
            i += TextDocument.sequenceLength(bytes[i])
            column += 1
        }
        return position(of: min(i, bytes.endIndex))
    }

    /// The length of the UTF-8 sequence a lead byte starts (1 for a stray continuation or invalid byte).
    static func sequenceLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xF0...0xF7: 4
        case 0xE0...0xEF: 3
        case 0xC0...0xDF: 2
        default: 1
        }
    }

    /// One edit from `textDocument/didChange`: a range and its new text, or (range nil) the whole new text.
    public struct Change: Sendable, Hashable {
        public var range: TextRange?
        public var text: String

        public init(range: TextRange?, text: String) {
            self.range = range
            self.text = text
        }
    }

    /// Applies one change; edits come in order, each against the text the previous one left.
    public mutating func apply(_ change: Change) {
        guard let range = change.range else {
            self = TextDocument(change.text)
            return
        }
        let lo = offset(of: range.start), hi = max(lo, offset(of: range.end))
        let new = Array(change.text.utf8)
        bytes.replaceSubrange(lo..<hi, with: new)
        // Only the line starts from the edited line on change.
        let firstLine = position(ofLineContaining: lo)
        lineStarts.removeSubrange((firstLine + 1)...)
        TextDocument.appendLineStarts(of: bytes, from: lineStarts[firstLine], to: &lineStarts)
    }

    private func position(ofLineContaining offset: Int) -> Int {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }
}
