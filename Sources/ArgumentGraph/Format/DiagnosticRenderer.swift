import Foundation
import ArgumentGraphModel

/// Prints diagnostics as compilers do: the message, the offending source line, and a caret.
public struct DiagnosticRenderer: Sendable {
    private let source: [UInt8]
    private let lineStarts: [Int]
    /// The lines kept by ``init(path:lines:)``, by number; nil when the whole source is kept.
    private let picked: [Int: [UInt8]]?

    /// Creates a renderer for the source text the diagnostics refer to (nil to print messages only).
    public init(source: String?) {
        self.source = source.map { Array($0.utf8) } ?? []
        var starts = source == nil ? [] : [0]
        for (i, b) in self.source.enumerated() where b == 0x0A { starts.append(i + 1) }
        lineStarts = starts
        picked = nil
    }

    /// Creates a renderer for the file at `path` that keeps only the given lines: it renders as one made from the
    /// file's text (`String(contentsOfFile:encoding: .utf8)`, no source lines when that fails) for diagnostics on them.
    public init(path: String, lines wanted: some Sequence<Int>) {
        self.init(path: path, lines: wanted, chunkSize: 1 << 20)
    }

    /// The same, reading the file `chunkSize` bytes at a time (small sizes in tests put every boundary everywhere).
    ///
    /// A regular file is read through one buffer of that size, so that warnings about a 150 MB file, printed once
    /// its graph is built, add a megabyte to the process, not the file's size: its UTF-8 is still checked to the
    /// end, since an invalid byte anywhere leaves the plain way with no source lines.
    package init(path: String, lines wanted: some Sequence<Int>, chunkSize: Int) {
        let wanted = Set(wanted.filter { $0 >= 1 })
        guard !wanted.isEmpty else {
            self.init(source: nil)
            return
        }
        switch DiagnosticRenderer.pick(wanted, path: path, chunkSize: max(chunkSize, 4)) {
        case let .picked(lines): self.init(picked: lines)
        case .plain: self.init(source: try? String(contentsOfFile: path, encoding: .utf8))
        }
    }

    private enum Picking {
        /// The wanted lines (none when the file is not valid UTF-8).
        case picked([Int: [UInt8]])
        /// An empty file, one that cannot be opened, or one with a byte order mark (which Foundation may drop): read it
        /// whole.
        case plain
    }

    /// The lines numbered in `wanted` of the file at `path`, read a chunk at a time.
    private static func pick(_ wanted: Set<Int>, path: String, chunkSize: Int) -> Picking {
        // Looked at before it is opened: a pipe's text cannot be read again, and opening a FIFO would wait for a
        // writer; neither shows source lines (the plain way found a pipe empty, and hung on a FIFO).
        guard FileBytes.isRegularFile(path) else { return .picked([:]) }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return .plain }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_size > 0 else { return .plain }
        var picker = LinePicker(wanted: wanted)
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        var carried = 0  // the bytes of an unfinished UTF-8 sequence, moved to the buffer's start
        var first = true
        while true {
            let n = buffer.withUnsafeMutableBytes { b in
                var n: Int
                repeat { n = read(fd, b.baseAddress! + carried, b.count - carried) } while n < 0 && errno == EINTR
                return n
            }
            if n < 0 { return .plain }
            let end = carried + n
            if first {
                first = false
                if end >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF { return .plain }
            }
            // Checked up to the last complete sequence; at the end of the file, everything left.
            let complete = n == 0 ? end : DiagnosticRenderer.completeSequences(buffer, end)
            let valid = buffer.withUnsafeBytes { isValidUTF8(UnsafeRawBufferPointer(rebasing: $0[0..<complete])) }
            if !valid { return .picked([:]) }
            buffer.withUnsafeBufferPointer { picker.feed(UnsafeBufferPointer(rebasing: $0[0..<complete])) }
            if n == 0 { break }
            carried = end - complete
            for k in 0..<carried { buffer[k] = buffer[complete + k] }
        }
        return .picked(picker.finish())
    }

    /// How many of the first `end` bytes of `b` hold whole UTF-8 sequences: all but a lead byte near the end (and
    /// its continuation bytes) whose sequence runs past `end`.
    private static func completeSequences(_ b: [UInt8], _ end: Int) -> Int {
        var i = end
        while i > 0 && end - i < 3 && b[i - 1] & 0xC0 == 0x80 { i -= 1 }
        guard i > 0 else { return end }
        let lead = b[i - 1]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        return length > end - (i - 1) ? i - 1 : end
    }

    /// Collects the wanted lines from a file's bytes given in order, in pieces.
    private struct LinePicker {
        /// The wanted line numbers, in increasing order, and the next one to come.
        let wanted: [Int]
        var next = 0
        var lines: [Int: [UInt8]] = [:]
        var number = 1
        var current: [UInt8] = []

        init(wanted: Set<Int>) {
            self.wanted = wanted.sorted()
        }

        /// Whether line `number` is wanted (the next wanted line), compared without hashing every line's number.
        private var inWanted: Bool { next < wanted.count && wanted[next] == number }

        mutating func feed(_ p: UnsafeBufferPointer<UInt8>) {
            guard var start = p.baseAddress else { return }
            let end = start + p.count
            while start < end && next < wanted.count {
                let newline = memchr(start, 0x0A, end - start)?.assumingMemoryBound(to: UInt8.self)
                let stop = newline.map { UnsafePointer($0) } ?? end
                if inWanted { current.append(contentsOf: UnsafeBufferPointer(start: start, count: stop - start)) }
                guard newline != nil else { return }
                if inWanted {
                    lines[number] = current
                    current = []
                    next += 1
                }
                number += 1
                start = stop + 1
            }
        }

        /// The lines collected, with the last one when the file does not end with a newline.
        mutating func finish() -> [Int: [UInt8]] {
            if inWanted { lines[number] = current }
            return lines
        }
    }

    private init(picked: [Int: [UInt8]]) {
        source = []
        lineStarts = []
        self.picked = picked
    }

    private var lineCount: Int { lineStarts.count }

    private func line(_ n: Int) -> String {
        let start = lineStarts[n - 1]
        let end = n < lineStarts.count ? lineStarts[n] - 1 : source.count
        return String(decoding: source[start..<max(start, end)], as: UTF8.self)
    }

    /// The text of line `n` (1-based), if the source has it.
    private func sourceLine(_ n: Int) -> String? {
        if let picked { return picked[n].map { String(decoding: $0, as: UTF8.self) } }
        return n >= 1 && n <= lineCount ? line(n) : nil
    }

    /// Renders one diagnostic on one to four lines.
    public func render(_ d: Diagnostic) -> String {
        var out = ""
        if let loc = d.location { out += "\(loc): " }
        out += "\(d.severity.rawValue): \(d.message)"
        if let loc = d.location, var line = sourceLine(loc.line) {
            if line.hasSuffix("\r") { line.removeLast() }
            if line.count > 200 { line = String(line.prefix(200)) + "…" }
            line = String(line.map { $0 == "\t" ? " " : $0 })
            let caretColumn = min(max(loc.column, 1), line.count + 1)
            out += "\n  " + line + "\n  " + String(repeating: " ", count: caretColumn - 1) + "^"
        }
        if let hint = d.hint { out += "\n  hint: " + hint }
        return out
    }
}
