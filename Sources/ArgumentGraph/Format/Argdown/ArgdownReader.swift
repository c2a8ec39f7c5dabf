import ArgumentGraphModel
import Foundation

/// Reads the common subset of Argdown into a graph, and says plainly what it skipped.
///
/// Statements (`[Title]: text`) and arguments (`<Title>: text`) become claims; relations
/// (`+ - <+ <- +> -> _> <_ ><`) nested by indentation become supports and attacks (`><` two
/// attacks); a premise–conclusion structure becomes one support of its conclusion from all its
/// premises together (linked when there are several): the inference, which is what an undercut of
/// the argument attacks. The argument stays a claim between premises and conclusion only when
/// another relation or an author needs it. `#tags` and headings become tags, `{author: ...}` an actor asserting the claim,
/// `{kind: evidence}` the claim kind. Comments (`//`, `/* */`, `<!-- -->`) are ignored.
/// Untitled paragraphs without relations (prose), front matter, inference rules and other
/// metadata are skipped, each with a warning at its line and column.
public enum ArgdownReader {
    /// Reads an Argdown file.
    public static func read(contentsOf path: String) throws(DiagnosticError) -> ParsedGraph {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw DiagnosticError([Diagnostic(.error, "cannot read '\(path)': \(FileError.describe(error))")])
        }
        return try read(String(decoding: data, as: UTF8.self), file: path)
    }

    /// Reads Argdown text; `file` names the source in diagnostics.
    public static func read(_ text: String, file: String = "<input>") throws(DiagnosticError) -> ParsedGraph {
        var p = ArgdownParser(file: file)
        p.parse(text)
        return try p.finish()
    }
}

/// The line-based parser behind ``ArgdownReader``.
struct ArgdownParser {
    enum Marker: String, CaseIterable {
        case inSupport = "<+", inAttack = "<-", inUndercut = "<_", outSupport = "+>", outAttack = "->", outUndercut =
            "_>",
            contradiction = "><", plus = "+", minus = "-", underscore = "_"
    }

    struct ClaimEntry {
        var id: String
        var text: String?
        var title: String?
        var isArgument: Bool
        var tags: [String] = []
        var kind: ClaimKind = .claim
        var authors: [String] = []
        var location: SourceLocation
        var provisional = false
    }

    struct RelationEntry {
        var kind: RelationKind
        var undercut: Bool
        var from: String
        /// A linked relation's premises after `from`.
        var otherPremises: [String] = []
        var to: String
        var id: String?
        var note: String?
        var location: SourceLocation
    }

    /// One element on a line: what it says and where.
    struct Element {
        var claim: String
        var location: SourceLocation
    }

    let file: String
    var warnings: [Diagnostic] = []
    var claims: [ClaimEntry] = []
    var claimIndex: [String: Int] = [:]
    var statementTitles: [String: String] = [:]
    var argumentTitles: [String: String] = [:]
    var ids = IDMaker()
    var relationIDs = IDMaker()
    var relations: [RelationEntry] = []
    /// Keys of the relations so far, to drop repeats.
    var relationKeys: Set<RelationKey> = []

    /// What makes two relations the same one.
    struct RelationKey: Hashable {
        var kind: RelationKind
        var undercut: Bool
        var from: String
        var otherPremises: [String]
        var to: String
    }

    /// A premise–conclusion structure, resolved into relations once the whole text is read (when it is known
    /// whether anything relates to its argument).
    struct Reconstruction {
        /// The argument's claim id (`<Title>` before the structure), if named.
        var argument: String?
        var premises: [Element]
        var conclusion: Element
        /// The inference rules between `--` lines.
        var rules: [String]
    }
    /// Claims that take part in a relation.
    var related: Set<String> = []
    var inferenceOf: [String: String] = [:]
    var headings: [(level: Int, tag: String)] = []
    var reconstructions: [Reconstruction] = []

    init(file: String) { self.file = file }

    func loc(_ line: Int, _ column: Int) -> SourceLocation { SourceLocation(file: file, line: line, column: column) }

    mutating func warn(_ message: String, _ at: SourceLocation) {
        warnings.append(Diagnostic(.warning, message, at: at))
    }

    // MARK: Comments

    /// Marks the first byte of a character that stood in a comment: it counts as a space. No UTF-8 text has
    /// this byte, nor ``commentTail``, so no character of the input is taken for a comment.
    static let commentMark: UInt8 = 0xFF
    /// Marks the other bytes of a character that stood in a comment: they count as nothing.
    static let commentTail: UInt8 = 0xFE

    /// The text's UTF-8 bytes, CR LF as LF, with comments replaced by ``commentMark`` (one per Unicode scalar,
    /// so that positions stay right) and ``commentTail``; line breaks are kept.
    ///
    /// The scan compares bytes: every marker is ASCII, and no byte of a multi-byte scalar is ASCII. Like
    /// Argdown's own lexer, it reads code points, so a combining mark after `/` does not hide a comment.
    static func stripComments(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var previous: UInt8 = 0
        for b in text.utf8 {
            if b == 0x0A, previous == 0x0D { bytes[bytes.count - 1] = 0x0A } else { bytes.append(b) }
            previous = b
        }
        let n = bytes.count
        func blank(_ from: Int, _ to: Int) {
            for k in from..<min(to, n) where bytes[k] != 0x0A {
                bytes[k] = bytes[k] & 0xC0 == 0x80 ? commentTail : commentMark
            }
        }
        @inline(__always) func at(_ k: Int, _ a: UInt8, _ b: UInt8) -> Bool {
            k + 1 < n && bytes[k] == a && bytes[k + 1] == b
        }
        let slash = UInt8(ascii: "/"), star = UInt8(ascii: "*"), dash = UInt8(ascii: "-")
        var i = 0
        while i < n {
            let c = bytes[i]
            if c == UInt8(ascii: "\\") { i += 2; continue }
            if c == UInt8(ascii: "<"), at(i + 1, UInt8(ascii: "!"), dash), i + 3 < n, bytes[i + 3] == dash {
                var j = i + 4
                while j < n, !(at(j, dash, dash) && j + 2 < n && bytes[j + 2] == UInt8(ascii: ">")) { j += 1 }
                blank(i, j + 3); i = j + 3; continue
            }
            if at(i, slash, star) {
                var j = i + 2
                while j < n, !at(j, star, slash) { j += 1 }
                blank(i, j + 2); i = j + 2; continue
            }
            if at(i, slash, slash), i == 0 || isWhitespace(endingAt: i, in: bytes) {
                var j = i
                while j < n, bytes[j] != 0x0A { j += 1 }
                blank(i, j); i = j; continue
            }
            i += 1
        }
        return bytes
    }

    /// Whether the scalar that ends just before `end` is white space (Unicode's White_Space).
    static func isWhitespace(endingAt end: Int, in bytes: [UInt8]) -> Bool {
        let last = bytes[end - 1]
        if last < 0x80 { return last == 0x20 || (0x09...0x0D).contains(last) }
        if last == commentMark || last == commentTail { return false }
        var start = end - 1
        while start > 0, bytes[start] & 0xC0 == 0x80, end - start < 4 { start -= 1 }
        let scalar = String(decoding: bytes[start..<end], as: UTF8.self).unicodeScalars
        return scalar.count == 1 && scalar.first!.properties.isWhitespace
    }

    // MARK: Lines

    /// Whether a scalar is one that `trimmingCharacters(in: .whitespaces)` trims: tab, a space separator (Zs),
    /// or U+200B, as Foundation's set has it.
    @inline(__always) static func isBlank(_ u: Unicode.Scalar) -> Bool {
        if u.value < 0x80 { return u.value == 0x20 || u.value == 0x09 }
        return u.value == 0x200B || u.properties.generalCategory == .spaceSeparator
    }

    /// The text without leading and trailing blanks (``isBlank(_:)``): `trimmingCharacters(in: .whitespaces)`
    /// without Foundation's bridging, which was a tenth of the reader's time.
    static func trimBlanks(_ s: Substring) -> String {
        let u = s.unicodeScalars
        var lo = u.startIndex, hi = u.endIndex
        while lo < hi, isBlank(u[lo]) { lo = u.index(after: lo) }
        while hi > lo, isBlank(u[u.index(before: hi)]) { hi = u.index(before: hi) }
        return String(Substring(u[lo..<hi]))
    }

    /// ``trimBlanks(_:)-(Substring)`` of a whole string.
    static func trimBlanks(_ s: String) -> String { trimBlanks(s[...]) }

    /// Whether the text is empty or blanks alone.
    static func isBlankOnly<S: StringProtocol>(_ s: S) -> Bool { s.unicodeScalars.allSatisfy(isBlank) }

    struct Line {
        var number: Int
        var indent: Int
        var content: String
        var column: Int { indent + 1 }
    }

    mutating func parse(_ text: String) {
        let bytes = Self.stripComments(text)
        var lines: [Line] = []
        var number = 0
        var lineStart = 0
        var content: [UInt8] = []
        while lineStart <= bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            number += 1
            // A line that held only a comment is not a blank line: it does not end a block. Comments count as spaces.
            var hadComment = false
            var k = lineStart
            var indent = 0
            while k < lineEnd {
                let c = bytes[k]
                if c == 0x20 {
                    indent += 1
                } else if c == 0x09 {
                    indent += 4
                } else if c == Self.commentMark {
                    indent += 1; hadComment = true
                } else if c != Self.commentTail {
                    break
                }
                k += 1
            }
            if k == lineEnd, hadComment { continue }
            var end = lineEnd
            while end > k {
                let b = bytes[end - 1]
                if b == Self.commentMark || b == Self.commentTail { end -= 1; continue }
                guard Self.isWhitespace(endingAt: end, in: bytes) else { break }
                repeat { end -= 1 } while end > k && bytes[end] & 0xC0 == 0x80
            }
            content.removeAll(keepingCapacity: true)
            for m in k..<end {
                let b = bytes[m]
                if b == Self.commentMark { content.append(0x20) } else if b != Self.commentTail { content.append(b) }
            }
            lines.append(Line(number: number, indent: indent, content: String(decoding: content, as: UTF8.self)))
        }
        var i = 0
        // Front matter.
        while i < lines.count, lines[i].content.isEmpty { i += 1 }
        if i < lines.count, lines[i].content.hasPrefix("===") {
            let start = lines[i]
            i += 1
            while i < lines.count, !lines[i].content.hasPrefix("===") { i += 1 }
            i += 1
            warn("skipped the front matter (settings between === lines)", loc(start.number, start.column))
        }
        // Blocks separated by blank lines.
        var pendingArgument: String?
        while i < lines.count {
            if lines[i].content.isEmpty { i += 1; continue }
            var block: [Line] = []
            while i < lines.count, !lines[i].content.isEmpty { block.append(lines[i]); i += 1 }
            pendingArgument = parseBlock(block, pendingArgument: pendingArgument)
        }
    }
}
