import ArgumentGraphModel
import ArgumentGraphText

/// The canonical form of an `.arg` text, as ``ArgWriter`` prints it, with the text's comments kept.
///
/// Each comment goes with the declaration that follows it (a comment inside a declaration goes just above it), so it
/// moves when the canonical order moves that declaration; comments after the last declaration stay at the end.
/// Comments are written from column 1; a blank line separates the groups that blank lines separated, and a group
/// that stood directly above its declaration still does.
/// Formatting the result again changes nothing.
public enum ArgFormatter {
    /// Formats `.arg` text; throws the reader's diagnostics when the text does not read.
    public static func format(_ text: String, file: String = "<input>") throws(DiagnosticError) -> String {
        format(text, parsed: try ArgReader.read(text, file: file))
    }

    /// Formats `.arg` text that reads as `parsed`: writes `graph` (default: the text's), with the text's comments.
    ///
    /// A `graph` other than the text's must differ in values only (the same declarations in the same order, as
    /// when `fmt --locate` fills in quote locations), since comments are placed by each declaration's index.
    public static func format(_ text: String, parsed: ParsedGraph, as graph: Graph? = nil) -> String {
        let graph = graph ?? parsed.graph
        // A text without a comment (a generated file of a million claims) takes the plain path.
        guard mayHaveComments(text) else { return ArgWriter.write(graph) }
        let lines = sourceLines(text)
        let comment = commentLines(lines)
        // Comments before each declaration (by kind and index), and after the last one. A group written directly
        // above its declaration stays so; a blank line stays between the others (and after them).
        var before: [DeclarationSpan.Kind: [Int: (groups: [[String]], attached: Bool)]] = [:]
        var previousEnd = 0
        for span in parsed.declarations.sorted(by: { $0.firstLine < $1.firstLine }) {
            var groups = commentGroups(lines, comment, (previousEnd + 1, span.firstLine))
            var attached = span.firstLine > 1 && comment[span.firstLine - 1] && !groups.isEmpty
            let inside = commentGroups(lines, comment, (span.firstLine + 1, span.lastLine + 1))
            if !inside.isEmpty {
                if attached { groups[groups.count - 1] += inside.joined() } else { groups += inside }
                attached = true
            }
            if !groups.isEmpty { before[span.kind, default: [:]][span.index] = (groups, attached) }
            previousEnd = max(previousEnd, span.lastLine)
        }
        let trailing = commentGroups(lines, comment, (previousEnd + 1, lines.count))

        var out = ""
        func emit(_ groups: [[String]]) {
            for g in groups {
                if !out.isEmpty { out += "\n" }
                out += g.joined(separator: "\n") + "\n"
            }
        }
        func block(_ kind: DeclarationSpan.Kind, _ index: Int, _ text: String) {
            if !out.isEmpty { out += "\n" }
            if let (groups, attached) = before[kind]?[index] {
                for (k, g) in groups.enumerated() {
                    out += g.joined(separator: "\n") + (attached && k == groups.count - 1 ? "\n" : "\n\n")
                }
            }
            out += text
        }
        if let header = ArgWriter.header(of: graph) {
            block(.graph, 0, header)
        } else {
            emit(before[.graph]?[0]?.groups ?? [])
        }
        for (i, d) in graph.documents.enumerated() { block(.document, i, ArgWriter.document(d)) }
        for (i, a) in graph.actors.enumerated() { block(.actor, i, ArgWriter.actor(a)) }
        for (i, c) in graph.claims.enumerated() { block(.claim, i, ArgWriter.claim(c)) }
        for (i, s) in graph.stances.enumerated() { block(.stance, i, ArgWriter.stance(s, in: graph)) }
        for (i, r) in graph.relations.enumerated() { block(.relation, i, ArgWriter.relation(r, in: graph)) }
        emit(trailing)
        // The comments never change the graph; should the result ever read otherwise, the plain canonical form is safe.
        if let reread = try? ArgReader.read(out), reread.graph == graph { return out }
        return ArgWriter.write(graph)
    }

    /// Whether some line's first non-blank character is `#` (in a literal block too: this only rules comments out).
    static func mayHaveComments(_ text: String) -> Bool {
        var lineStart = true
        for b in text.utf8 {
            if b == 0x0A {
                lineStart = true
            } else if lineStart, b == UInt8(ascii: "#") {
                return true
            } else if b != 0x20, b != 0x09, b != 0xEF, b != 0xBB, b != 0xBF {
                lineStart = false
            }
        }
        return false
    }

    /// The text's lines, 1-based (index 0 is empty), without line endings or a byte order mark (see ``SourceLines``:
    /// split by `Character`, `fmt` of a file with `\r\n` line ends crashed).
    static func sourceLines(_ text: String) -> [Substring] {
        var lines = [Substring("")]
        for var l in SourceLines.of(text) {
            while l.hasSuffix("\r") { l.removeLast() }
            lines.append(l)
        }
        if lines.count > 1, lines[1].hasPrefix("\u{FEFF}") { lines[1].removeFirst() }
        return lines
    }

    /// Which lines are comments, following the reader's rules: a line whose first non-blank character is `#`,
    /// outside a literal block (the lines deeper than a `key: |` line, and the blank lines among them).
    static func commentLines(_ lines: [Substring]) -> [Bool] {
        var comment = [Bool](repeating: false, count: lines.count)
        var literalIndent: Int?
        for n in 1..<max(1, lines.count) {
            let line = lines[n]
            let indent = line.prefix { $0 == " " || $0 == "\t" }.count
            let rest = line.dropFirst(indent)
            if let li = literalIndent {
                if rest.isEmpty || indent > li { continue }
                literalIndent = nil
            }
            if rest.isEmpty { continue }
            if rest.first == "#" { comment[n] = true; continue }
            // A property (indented) whose value is exactly `|` starts a literal block.
            if indent > 0, let colon = rest.firstIndex(of: ":") {
                let value = rest[rest.index(after: colon)...].trimmingBlanks()
                if value == "|" { literalIndent = indent }
            }
        }
        return comment
    }

    /// The comment lines from line `span.lower` to before `span.upper` (none when upper ≤ lower), trimmed, in
    /// groups that blank or other lines separated.
    static func commentGroups(_ lines: [Substring], _ comment: [Bool], _ span: (lower: Int, upper: Int)) -> [[String]] {
        var groups: [[String]] = []
        var current: [String] = []
        let lower = max(span.lower, 1), upper = min(span.upper, lines.count)
        for n in lower..<max(lower, upper) {
            if comment[n] {
                current.append(String(lines[n].drop { $0 == " " || $0 == "\t" }))
            } else if !current.isEmpty {
                groups.append(current)
                current = []
            }
        }
        if !current.isEmpty { groups.append(current) }
        return groups
    }
}

extension Substring {
    /// Without spaces and tabs at either end.
    fileprivate func trimmingBlanks() -> Substring {
        var s = self
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return s
    }
}
