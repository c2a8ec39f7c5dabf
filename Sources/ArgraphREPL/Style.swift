import ArgumentGraph

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

/// The REPL's names for the library's text layer (``TextWidth``, ``WordWrap``), in display columns.
public enum TextLayout {
    /// The number of terminal columns `s` takes, skipping escape sequences.
    public static func visibleWidth(_ s: String) -> Int { TextWidth.columns(s) }

    /// Pads `s` with spaces to `width` columns (left-aligned) or right-aligns it.
    public static func pad(_ s: String, to width: Int, right: Bool = false) -> String {
        TextWidth.pad(s, to: width, right: right)
    }

    /// Wraps text at word boundaries to `width` columns (10 at least); the first line after `firstIndent`, the rest
    /// after `indent`. Existing line breaks are kept.
    public static func wrap(_ text: String, width: Int, indent: String = "", firstIndent: String? = nil) -> [String] {
        WordWrap.lines(text, width: max(10, width), indent: indent, firstIndent: firstIndent)
    }
}
