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
        let wanted = Set(wanted.filter { $0 >= 1 })
        // A mapping of the file, not a copy: checking the UTF-8 of a 150 MB file then touches no fresh memory.
        guard !wanted.isEmpty, let mapped = MappedFile(path: path) else {
            // Nothing to show, or not a regular non-empty file: the plain way.
            self.init(source: wanted.isEmpty ? nil : try? String(contentsOfFile: path, encoding: .utf8))
            return
        }
        defer { mapped.unmap() }
        let bytes = UnsafeBufferPointer(start: mapped.base, count: mapped.count)
        guard !(bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) else {
            // A byte order mark, which Foundation may drop: the plain way.
            self.init(source: try? String(contentsOfFile: path, encoding: .utf8))
            return
        }
        let valid = isValidUTF8(UnsafeRawBufferPointer(bytes))
        self.init(picked: valid ? DiagnosticRenderer.lines(wanted, of: bytes) : [:])
    }

    /// The lines numbered in `wanted` that `bytes` has.
    private static func lines(_ wanted: Set<Int>, of p: UnsafeBufferPointer<UInt8>) -> [Int: [UInt8]] {
        var lines: [Int: [UInt8]] = [:]
        let last = wanted.max() ?? 0
        guard let base = p.baseAddress else { return wanted.contains(1) ? [1: []] : [:] }
        var start = 0, n = 1
        while n <= last {
            let end =
                memchr(base + start, 0x0A, p.count - start).map {
                    base.distance(to: $0.assumingMemoryBound(to: UInt8.self))
                } ?? p.count
            if wanted.contains(n) { lines[n] = Array(p[start..<end]) }
            if end == p.count { break }
            start = end + 1
            n += 1
        }
        return lines
    }

    private init(picked: [Int: [UInt8]]) {
        source = []
        lineStarts = []
        self.picked = picked
    }

    /// The lines numbered in `wanted` that `bytes` has.
    private static func lines(_ wanted: Set<Int>, of bytes: [UInt8]) -> [Int: [UInt8]] {
        bytes.withUnsafeBufferPointer { lines(wanted, of: $0) }
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
