import ArgumentGraphModel
import Foundation

/// Turns byte offsets of a file into line and column locations, indexing the lines on first use.
final class SourceLocator {
    private(set) var bytes: [UInt8]
    let file: String
    private var lineStarts: [Int] = []
    /// The line found last: diagnostics come mostly in file order, so the next is usually near.
    private var lastLine = 0
    /// Before the index is built, offsets in increasing order are found by scanning forward: the scan has
    /// reached `scanned`, which is on line `scanLine` (0-based) starting at `scanLineStart`.
    private var scanned = -1
    private var scanLine = 0
    private var scanLineStart = 0

    init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    /// Gives the bytes again (the file read anew), for a reader that let some of them go; nil when it cannot.
    private var reloading: (() -> [UInt8]?)?

    /// Lets the bytes go, when no more places will be asked for.
    func release() {
        bytes = []
        lineStarts = []
        reloading = nil
    }

    /// The bytes held may have been let go in part: they are read again through `bytes` at the first place asked
    /// for (an error's; there may be none). The places are then those of the file as it is by then.
    func reload(_ bytes: @escaping () -> [UInt8]?) {
        reloading = bytes
    }

    /// The location of byte `offset`, or nil for -1.
    func locate(_ offset: Int) -> SourceLocation? {
        guard offset >= 0 else { return nil }
        if let reloading {
            self.reloading = nil
            bytes = reloading() ?? []
            lineStarts = []
            lastLine = 0
            scanned = -1
            scanLine = 0
            scanLineStart = 0
        }
        guard offset <= bytes.count else { return nil }  // a file read again may be shorter
        let first = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        if scanned < 0 { scanned = first; scanLineStart = first }
        if lineStarts.isEmpty, offset >= scanned, offset <= bytes.count {
            bytes.withUnsafeBufferPointer { p in
                guard let base = p.baseAddress else { return }
                while scanned < offset, let nl = memchr(base + scanned, 0x0A, offset - scanned) {
                    scanned = base.distance(to: nl.assumingMemoryBound(to: UInt8.self)) + 1
                    scanLine += 1
                    scanLineStart = scanned
                }
            }
            scanned = offset
            return SourceLocation(
                file: file, line: scanLine + 1, column: SourceLocator.column(bytes, from: scanLineStart, to: offset))
        }
        if lineStarts.isEmpty {
            lineStarts.append(first)
            bytes.withUnsafeBufferPointer { p in
                guard let base = p.baseAddress else { return }
                var i = first
                while i < p.count, let nl = memchr(base + i, 0x0A, p.count - i) {
                    i = base.distance(to: nl.assumingMemoryBound(to: UInt8.self)) + 1
                    lineStarts.append(i)
                }
            }
        }
        // The last line start at or before the offset: near the last one found, else by bisection.
        var lo = 0, hi = lineStarts.count
        if lineStarts[lastLine] <= offset {
            var k = lastLine
            while k + 1 < lineStarts.count, lineStarts[k + 1] <= offset, k < lastLine + 8 { k += 1 }
            if k + 1 == lineStarts.count || lineStarts[k + 1] > offset { lo = k; hi = k + 1 }
        }
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid }
        }
        lastLine = lo
        return SourceLocation(
            file: file, line: lo + 1, column: SourceLocator.column(bytes, from: lineStarts[lo], to: offset))
    }

    /// The 1-based character column of byte `end` in a line starting at byte `start`: UTF-8 lead bytes before it, plus one.
    static func column(_ bytes: [UInt8], from start: Int, to end: Int) -> Int {
        var column = 1
        var i = start
        while i < end {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return column
    }
}
