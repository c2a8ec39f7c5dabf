import ArgumentGraphModel
import ArgumentGraphText

/// Where a stance's quote is written in an `.arg` file (1-based lines, columns in Unicode scalars).
public struct ArgQuotePlace: Sendable, Hashable {
    /// The stance's header line: from its first character to the end of the line.
    public var stanceStart: SourcePosition
    /// The end of the stance's header line.
    public var stanceEnd: SourcePosition
    /// The start of the `quote` key.
    public var start: SourcePosition
    /// The start of the quote's text (after `: `).
    public var valueStart: SourcePosition
    /// The end of the quote's text, on its last line (continuation lines included).
    public var end: SourcePosition
}

/// Finds the quotes of each stance in the text of an `.arg` file, from the declarations the reader recorded.
public enum ArgQuoteLocator {
    /// Per stance index, the places of its quotes in order; stances without a declaration get none.
    public static func places(in text: String, declarations: [DeclarationSpan], stanceCount: Int) -> [[ArgQuotePlace]] {
        let lines = SourceLines.of(text).map { line in
            Array((line.last == "\r" ? line.dropLast() : line).unicodeScalars)
        }
        var out = [[ArgQuotePlace]](repeating: [], count: stanceCount)
        func indent(_ l: [Unicode.Scalar]) -> Int { l.prefix { $0 == " " || $0 == "\t" }.count }
        for span in declarations where span.kind == .stance && span.index < stanceCount {
            let h = span.firstLine - 1
            guard h < lines.count else { continue }
            let header = lines[h]
            let stanceStart = SourcePosition(line: span.firstLine, column: indent(header) + 1)
            let stanceEnd = SourcePosition(line: span.firstLine, column: header.count + 1)
            var places: [ArgQuotePlace] = []
            var n = span.firstLine  // 0-based index of the line after the header
            while n < min(span.lastLine, lines.count) {
                let l = lines[n]
                let ind = indent(l)
                n += 1
                guard ind > 0, ind < l.count, l[ind] != "#" else { continue }
                let word = l[ind...].prefix { $0 != ":" && $0 != " " && $0 != "\t" }
                guard String(String.UnicodeScalarView(word)) == "quote", let colon = l[ind...].firstIndex(of: ":")
                else { continue }
                let keyLine = n  // n was advanced past l, so it is l's 1-based number
                var v = colon + 1
                while v < l.count, l[v] == " " || l[v] == "\t" { v += 1 }
                var endLine = keyLine, endColumn = l.count + 1
                // Continuation lines are indented deeper; comments between them do not end the value.
                while n < min(span.lastLine, lines.count) {
                    let c = lines[n]
                    let ci = indent(c)
                    if ci == c.count { n += 1; continue }  // blank (inside a literal block)
                    guard ci > ind else { break }
                    n += 1
                    if c[ci] == "#" { continue }
                    endLine = n
                    endColumn = c.count + 1
                }
                places.append(
                    ArgQuotePlace(
                        stanceStart: stanceStart, stanceEnd: stanceEnd,
                        start: SourcePosition(line: keyLine, column: ind + 1),
                        valueStart: SourcePosition(line: keyLine, column: v + 1),
                        end: SourcePosition(line: endLine, column: endColumn)))
            }
            out[span.index] = places
        }
        return out
    }
}

extension ArgQuoteLocator {
    /// The property line for a quote: `quote L12: TEXT`.
    public static func line(for quote: Quote) -> String {
        "quote" + (quote.location.map { " \($0)" } ?? "") + ": " + quote.text
    }

    /// The text with each quote's lines (its key line through its last continuation line) replaced by one
    /// `quote [LOCATION]: TEXT` line at the same indentation; every other line is kept as it is.
    public static func replacing(_ changes: [(place: ArgQuotePlace, quote: Quote)], in text: String) -> String {
        var lines = SourceLines.of(text).map(String.init)
        for (place, quote) in changes.sorted(by: { $0.place.start.line > $1.place.start.line }) {
            let a = place.start.line - 1, b = place.end.line - 1
            guard a >= 0, b < lines.count, a <= b else { continue }
            let old = lines[a]
            let indent = String(old.unicodeScalars.prefix(place.start.column - 1).map(Character.init))
            let cr = lines[b].hasSuffix("\r") ? "\r" : ""
            lines.replaceSubrange(a...b, with: [indent + line(for: quote) + cr])
        }
        return lines.joined(separator: "\n")
    }
}
