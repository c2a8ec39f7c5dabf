import ArgumentGraphText

/// Escaping for Graphviz DOT: quoted strings and HTML-like labels.
///
/// No input can end a string early, add attributes or produce invalid DOT: quotes and backslashes
/// are escaped, control characters and line breaks become spaces, and HTML text escapes every
/// markup character and writes non-ASCII as numeric character references.
public enum DOTEscaping {
    /// The body of a DOT quoted string (without the surrounding quotes) that shows `text` literally.
    ///
    /// Besides `"` and `\`, also escapes `&` as `&amp;`, since Graphviz expands entities in labels.
    public static func quotedBody(_ text: String, entities: Bool = true) -> String {
        body(text, entities: entities, backslash: "\\\\")
    }

    /// ``quotedBody(_:entities:)`` with each backslash written as `backslash`.
    static func body(_ text: String, entities: Bool, backslash: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for s in text.unicodeScalars {
            switch s {
            case "\"": out += "\\\""
            case "\\": out += backslash
            case "&" where entities: out += "&amp;"
            default:
                if isControlOrBreak(s) { out += " " } else { out.unicodeScalars.append(s) }
            }
        }
        return out
    }

    /// `text` as a complete DOT quoted string, for ids and attribute values.
    public static func quoted(_ text: String, entities: Bool = false) -> String {
        "\"" + quotedBody(text, entities: entities) + "\""
    }

    /// `text` as a complete DOT quoted string for a `tooltip`, which Graphviz reads differently from a label.
    ///
    /// Graphviz undoes one level of backslashes in a tooltip and then expands `\N`, `\G`, `\E`, `\H`,
    /// `\T` and `\L` (the node's name, the graph's, …), so a backslash is written as four: `\\\\`
    /// shows one. Entities are expanded too, so `&` is written `&amp;`, as in labels.
    public static func tooltip(_ text: String) -> String {
        "\"" + body(text, entities: true, backslash: "\\\\\\\\") + "\""
    }

    /// A label of several lines, each escaped, joined with DOT's centred line break `\n`.
    public static func label(lines: [String]) -> String {
        "\"" + lines.map { quotedBody($0) }.joined(separator: "\\n") + "\""
    }

    /// `text` escaped for the inside of an HTML-like label: markup characters and non-ASCII as references.
    public static func html(_ text: String) -> String { XMLText.escape(text, for: .graphvizHTML) }

    /// Whether a scalar is a control character or a line or paragraph separator.
    static func isControlOrBreak(_ s: Unicode.Scalar) -> Bool { XMLText.isControlOrBreak(s) }
}
