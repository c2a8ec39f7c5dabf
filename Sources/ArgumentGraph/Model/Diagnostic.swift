import Foundation

/// A place in a source file: 1-based line and column (columns count Unicode characters).
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The file name as given by the caller, or `<input>`.
    public var file: String
    /// The 1-based line.
    public var line: Int
    /// The 1-based column, in characters.
    public var column: Int

    /// Creates a location.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `FILE:LINE:COLUMN`.
    public var description: String { "\(file):\(line):\(column)" }
}

/// An error or warning about a graph, with where it was found and a hint where one helps.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Hashable, Codable {
        /// The input is rejected.
        case error
        /// The input is accepted but probably not what was meant.
        case warning
        /// Extra information attached to another diagnostic.
        case note
    }

    /// Error or warning.
    public var severity: Severity
    /// What is wrong, in one sentence.
    public var message: String
    /// Where, if the input came from a file.
    public var location: SourceLocation?
    /// How to fix it, such as "did you mean 'welch'?".
    public var hint: String?

    /// Creates a diagnostic.
    public init(_ severity: Severity, _ message: String, at location: SourceLocation? = nil, hint: String? = nil) {
        self.severity = severity
        self.message = Diagnostic.shortened(message)
        self.location = location
        self.hint = hint.map(Diagnostic.shortened)
    }

    /// The longest '…'-quoted run kept whole in a message (a file path fits); a longer one keeps
    /// its first ``quoteKept`` characters and an ellipsis.
    static let quoteLimit = 4096
    /// The characters kept of a quoted run cut short.
    static let quoteKept = 80

    /// `text` with every '…'-quoted run longer than ``quoteLimit`` characters cut short, so that
    /// a 10 MB id in the input gives a one-line message, not a 10 MB one.
    static func shortened(_ text: String) -> String {
        guard text.utf8.count > quoteLimit else { return text }
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "'") {
            out += rest[...open]
            rest = rest[rest.index(after: open)...]
            guard let close = rest.firstIndex(of: "'") else { break }
            let quoted = rest[..<close]
            if quoted.unicodeScalars.count > quoteLimit {
                out += String(String.UnicodeScalarView(quoted.unicodeScalars.prefix(quoteKept))) + "… (\(quoted.unicodeScalars.count) characters)"
            } else {
                out += quoted
            }
            out += "'"
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// `FILE:LINE:COLUMN: error: message` (without the source line; see ``DiagnosticRenderer``).
    public var description: String {
        var s = location.map { "\($0): " } ?? ""
        s += "\(severity.rawValue): \(message)"
        if let hint { s += " (hint: \(hint))" }
        return s
    }
}

/// The error thrown when input is rejected: every error found, in order, plus the warnings.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    /// All diagnostics, errors and warnings, in source order.
    public var diagnostics: [Diagnostic]

    /// Creates the error.
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    /// Only the errors.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    /// One diagnostic per line.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

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
            let end = memchr(base + start, 0x0A, p.count - start).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? p.count
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

/// Finds the ids nearest to a mistyped one, for "did you mean" hints.
public enum Suggestions {
    /// Up to `limit` candidates within a small edit distance of `word` (or that start with it), nearest first.
    public static func nearest(to word: String, in candidates: some Sequence<String>, limit: Int = 3) -> [String] {
        let lw = word.lowercased()
        let w = Array(lw.unicodeScalars)
        // Nobody mistypes a 10 MB id: past a few hundred characters there is nothing to suggest.
        guard !w.isEmpty, w.count <= maxWordLength else { return [] }
        let threshold = min(3, max(1, w.count / 3))
        var scored: [(Int, String)] = []
        for c in candidates where c.utf8.count <= 4 * maxWordLength {
            let lc = c.lowercased()
            let cs = Array(lc.unicodeScalars)
            let isPrefix = cs.count >= w.count && lc.hasPrefix(lw)
            if abs(cs.count - w.count) > threshold, !isPrefix { continue }
            let d = isPrefix ? min(cs.count - w.count, 1) : distance(w, cs, cap: threshold + 1)
            if d <= threshold { scored.append((d, c)) }
        }
        scored.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        return scored.prefix(limit).map(\.1)
    }

    /// The longest word (in characters) for which suggestions are sought, and the longest candidate.
    static let maxWordLength = 100

    /// A "did you mean" hint, or nil when nothing is near.
    public static func hint(for word: String, in candidates: some Sequence<String>) -> String? {
        let near = nearest(to: word, in: candidates)
        guard !near.isEmpty else { return nil }
        return "did you mean " + near.map { "'\($0)'" }.joined(separator: " or ") + "?"
    }

    /// Levenshtein distance, stopping early once every cell of a row exceeds `cap`.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], cap: Int) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count)
        var cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            var rowMin = cur[0]
            for j in 1...b.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                rowMin = min(rowMin, cur[j])
            }
            if rowMin > cap { return cap + 1 }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }
}
