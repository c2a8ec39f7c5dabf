/// ANSI colours for the terminal, or none at all.
public struct Style: Sendable {
    /// Whether escapes are written.
    public var enabled: Bool

    /// A style that colours only when `enabled`.
    public init(enabled: Bool) { self.enabled = enabled }

    /// No colour.
    public static let plain = Style(enabled: false)

    /// Colour when output is a terminal and `NO_COLOR` is unset or empty (see no-color.org).
    public static func detect(isTerminal: Bool, environment: [String: String]) -> Style {
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        let dumb = environment["TERM"] == "dumb"
        return Style(enabled: isTerminal && !noColor && !dumb)
    }

    private func wrap(_ s: String, _ code: String) -> String { enabled ? "\u{1B}[\(code)m" + s + "\u{1B}[0m" : s }

    /// A supporting relation or a `+` marker (green).
    public func support(_ s: String) -> String { wrap(s, "32") }
    /// An attacking relation or a `−` marker (red).
    public func attack(_ s: String) -> String { wrap(s, "31") }
    /// An actor's id or name (cyan).
    public func actor(_ s: String) -> String { wrap(s, "36") }
    /// A claim id (bold).
    public func id(_ s: String) -> String { wrap(s, "1") }
    /// A heading (bold underline).
    public func heading(_ s: String) -> String { wrap(s, "1;4") }
    /// Secondary text (dim).
    public func dim(_ s: String) -> String { wrap(s, "2") }
    /// An error label (bold red).
    public func error(_ s: String) -> String { wrap(s, "1;31") }
    /// A quote (yellow).
    public func quote(_ s: String) -> String { wrap(s, "33") }
}

/// Text measuring and wrapping that ignores ANSI escapes.
public enum TextLayout {
    /// The number of columns `s` takes, skipping escape sequences (one column per character).
    public static func visibleWidth(_ s: String) -> Int {
        var n = 0
        var inEscape = false
        for u in s.unicodeScalars {
            if inEscape { if u == "m" { inEscape = false }; continue }
            if u == "\u{1B}" { inEscape = true; continue }
            if u.properties.generalCategory == .nonspacingMark || u.properties.generalCategory == .enclosingMark { continue }
            n += 1
        }
        return n
    }

    /// Pads `s` with spaces to `width` columns (left-aligned) or right-aligns it.
    public static func pad(_ s: String, to width: Int, right: Bool = false) -> String {
        let gap = max(0, width - visibleWidth(s))
        return right ? String(repeating: " ", count: gap) + s : s + String(repeating: " ", count: gap)
    }

    /// Wraps plain text at word boundaries to `width` columns; the first line after `firstIndent`, the rest after `indent`.
    ///
    /// A word longer than a line is cut. Existing line breaks are kept.
    public static func wrap(_ text: String, width: Int, indent: String = "", firstIndent: String? = nil) -> [String] {
        let first = firstIndent ?? indent
        var lines: [String] = []
        var current = first
        var currentWidth = visibleWidth(first)
        var lineHasWord = false
        func newLine() {
            lines.append(current)
            current = indent
            currentWidth = visibleWidth(indent)
            lineHasWord = false
        }
        let paragraphs = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (pi, para) in paragraphs.enumerated() {
            if pi > 0 { newLine() }
            for wordSub in para.split(separator: " ", omittingEmptySubsequences: true) {
                var word = String(wordSub)
                var w = visibleWidth(word)
                let room = max(10, width)
                if lineHasWord, currentWidth + 1 + w > room { newLine() }
                while !word.isEmpty, currentWidth + w > room, w > room - visibleWidth(indent) {
                    let take = max(1, room - currentWidth - (lineHasWord ? 1 : 0))
                    let head = String(word.prefix(take))
                    current += (lineHasWord ? " " : "") + head
                    newLine()
                    word = String(word.dropFirst(take))
                    w = visibleWidth(word)
                }
                if word.isEmpty { continue }
                current += (lineHasWord ? " " : "") + word
                currentWidth += (lineHasWord ? 1 : 0) + w
                lineHasWord = true
            }
        }
        lines.append(current)
        return lines.map { $0.hasSuffix(" ") ? String($0.reversed().drop { $0 == " " }.reversed()) : $0 }
    }
}
