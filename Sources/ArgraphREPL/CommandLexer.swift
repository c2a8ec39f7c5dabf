/// Splits input lines into statements and words, as a small shell does.
///
/// Words are separated by blanks; `'…'` and `"…"` quote blanks and `;`; a backslash escapes the
/// next character outside single quotes. `;` separates statements. A `#` at the start of a
/// statement makes it a comment.
public enum CommandLexer {
    /// The words of an input, plus whether it ended inside quotes and whether a blank ended it.
    public struct Words: Sendable, Equatable {
        /// The words.
        public var words: [String]
        /// Whether a quote was left open.
        public var unterminatedQuote: Bool
        /// Whether the text ends with a blank (so the last word is complete).
        public var endsWithBlank: Bool
    }

    /// Splits a line into statements at unquoted `;`.
    public static func statements(_ line: String) -> [String] {
        // Scalars, not Characters: a quote followed by a combining mark is one Character.
        var out: [String] = []
        var current = String.UnicodeScalarView()
        var quote: Unicode.Scalar?
        var escaped = false
        for ch in line.unicodeScalars {
            if escaped { current.append(ch); escaped = false; continue }
            if ch == "\\" && quote != "'" { current.append(ch); escaped = true; continue }
            if let q = quote {
                if ch == q { quote = nil }
                current.append(ch)
                continue
            }
            if ch == "'" || ch == "\"" { quote = ch; current.append(ch); continue }
            if ch == ";" { out.append(String(current)); current = String.UnicodeScalarView(); continue }
            current.append(ch)
        }
        out.append(String(current))
        return out
    }

    /// Splits one statement into words.
    public static func words(_ text: String) -> Words {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        var inWord = false
        var quote: Unicode.Scalar?
        var escaped = false
        for ch in text.unicodeScalars {
            if escaped { current.append(ch); escaped = false; inWord = true; continue }
            if ch == "\\" && quote != "'" { escaped = true; inWord = true; continue }
            if let q = quote {
                if ch == q { quote = nil } else { current.append(ch) }
                continue
            }
            if ch == "'" || ch == "\"" { quote = ch; inWord = true; continue }
            if ch == " " || ch == "\t" {
                if inWord { words.append(String(current)); current = String.UnicodeScalarView(); inWord = false }
                continue
            }
            current.append(ch)
            inWord = true
        }
        if inWord { words.append(String(current)) }
        let endsWithBlank =
            quote == nil && !escaped && (text.unicodeScalars.last == " " || text.unicodeScalars.last == "\t")
        return Words(words: words, unterminatedQuote: quote != nil, endsWithBlank: endsWithBlank)
    }

    /// Quotes a word so that ``words(_:)`` reads it back unchanged.
    public static func quote(_ word: String) -> String {
        let special: Set<Unicode.Scalar> = [" ", "\t", "'", "\"", ";", "\\", "#"]
        if !word.isEmpty, !word.unicodeScalars.contains(where: special.contains) { return word }
        var out = String.UnicodeScalarView(["'"])
        for u in word.unicodeScalars {
            if u == "'" { out.append(contentsOf: "'\\''".unicodeScalars) } else { out.append(u) }
        }
        out.append("'")
        return String(out)
    }
}
