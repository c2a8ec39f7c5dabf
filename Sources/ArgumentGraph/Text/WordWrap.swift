/// The one word wrapper: lines of at most a given number of terminal columns (``TextWidth``), broken at spaces.
public enum WordWrap {
    /// `text` in lines no wider than `width` columns (1 at least), the first after `firstIndent` (default `indent`),
    /// the rest after `indent`; trailing spaces are dropped.
    ///
    /// A word wider than a line starts a line of its own and is cut where the line is full. With `keepingLineBreaks`
    /// each line of `text` is a paragraph (an empty one gives an empty line); without, all whitespace runs, line
    /// breaks included, are one space, and text with no words gives no lines.
    public static func lines(
        _ text: String, width: Int, indent: String = "", firstIndent: String? = nil,
        keepingLineBreaks: Bool = true
    ) -> [String] {
        let room = max(1, width)
        let first = firstIndent ?? indent
        let indentWidth = TextWidth.columns(indent)
        var lines: [String] = []
        var current = first
        var currentWidth = TextWidth.columns(first)
        var lineHasWord = false
        func newLine() {
            lines.append(current)
            current = indent
            currentWidth = indentWidth
            lineHasWord = false
        }
        let paragraphs =
            keepingLineBreaks ? text.split(separator: "\n", omittingEmptySubsequences: false) : [Substring(text)]
        for (p, paragraph) in paragraphs.enumerated() {
            if p > 0 { newLine() }
            for wordText in paragraph.split(whereSeparator: isSpace) {
                var word = wordText
                var w = TextWidth.columns(word)
                if lineHasWord, currentWidth + 1 + w > room { newLine() }
                // A word wider than a whole line: fill lines with its pieces.
                while !word.isEmpty, currentWidth + w > room, w > room - indentWidth {
                    let (head, rest) = TextWidth.split(word, columns: max(1, room - currentWidth))
                    current += head
                    newLine()
                    word = rest
                    w = TextWidth.columns(word)
                }
                if word.isEmpty { continue }
                current += (lineHasWord ? " " : "") + word
                currentWidth += (lineHasWord ? 1 : 0) + w
                lineHasWord = true
            }
        }
        if !keepingLineBreaks && lines.isEmpty && !lineHasWord { return [] }
        lines.append(current)
        return lines.map(trimmingTrailingSpaces)
    }

    private static func trimmingTrailingSpaces(_ s: String) -> String {
        guard s.last == " " else { return s }
        var s = Substring(s)
        while s.last == " " { s.removeLast() }
        return String(s)
    }

    /// `Character.isWhitespace`, answered without a Unicode property lookup for ASCII (most text).
    static func isSpace(_ c: Character) -> Bool {
        if let a = c.asciiValue { return a == 0x20 || (a >= 0x09 && a <= 0x0D) }
        return c.isWhitespace
    }
}
