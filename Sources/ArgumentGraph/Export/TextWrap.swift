/// Greedy word wrapping for labels.
public enum TextWrap {
    /// Splits `text` into lines of at most `width` characters, breaking at spaces; longer words are cut.
    ///
    /// Runs of whitespace (including newlines) become one space. A width below 1 counts as 1.
    public static func wrap(_ text: String, width: Int) -> [String] {
        let width = max(1, width)
        var lines: [String] = []
        var line = ""
        var lineCount = 0
        for word in text.split(whereSeparator: { $0.isWhitespace || $0.isNewline }) {
            var w = Substring(word)
            while w.count > width {
                if lineCount > 0 { lines.append(line); line = ""; lineCount = 0 }
                let cut = w.index(w.startIndex, offsetBy: width)
                lines.append(String(w[..<cut]))
                w = w[cut...]
            }
            let n = w.count
            if n == 0 { continue }
            if lineCount == 0 {
                line = String(w); lineCount = n
            } else if lineCount + 1 + n <= width {
                line += " " + w; lineCount += 1 + n
            } else {
                lines.append(line); line = String(w); lineCount = n
            }
        }
        if lineCount > 0 { lines.append(line) }
        return lines
    }
}
