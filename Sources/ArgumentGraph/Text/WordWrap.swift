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
        lines(
            text, width: width, indent: indent, firstIndent: firstIndent, keepingLineBreaks: keepingLineBreaks,
            asciiFastPath: true)
    }

    /// ``lines(_:width:indent:firstIndent:keepingLineBreaks:)``, with the byte-level path for plain ASCII text on or
    /// off (tests check that both give the same lines).
    static func lines(
        _ text: String, width: Int, indent: String, firstIndent: String?, keepingLineBreaks: Bool, asciiFastPath: Bool
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
        func place(_ wordText: Substring, columns: Int) {
            var word = wordText
            var w = columns
            if lineHasWord, currentWidth + 1 + w > room { newLine() }
            // A word wider than a whole line: fill lines with its pieces.
            while !word.isEmpty, currentWidth + w > room, w > room - indentWidth {
                let (head, rest) = TextWidth.split(word, columns: max(1, room - currentWidth))
                current.append(contentsOf: head)
                newLine()
                word = rest
                w = TextWidth.columns(word)
            }
            if word.isEmpty { return }
            // Appended in place: `" " + word` would build a string per word.
            if lineHasWord { current.append(" ") }
            current.append(contentsOf: word)
            currentWidth += (lineHasWord ? 1 : 0) + w
            lineHasWord = true
        }
        if asciiFastPath && isPlainASCII(text.utf8) {
            // Printable ASCII and whitespace (no CR): a byte is a column, and words are found on the bytes.
            let bytes = text.utf8
            var p = bytes.startIndex
            var wordStart: String.Index? = nil
            while p != bytes.endIndex {
                let b = bytes[p]
                let space = b == 0x20 || (b >= 0x09 && b <= 0x0C)
                if space {
                    if let start = wordStart {
                        place(Substring(bytes[start..<p]), columns: bytes.distance(from: start, to: p))
                        wordStart = nil
                    }
                    if b == 0x0A && keepingLineBreaks { newLine() }
                } else if wordStart == nil {
                    wordStart = p
                }
                p = bytes.index(after: p)
            }
            if let start = wordStart {
                place(Substring(bytes[start...]), columns: bytes.distance(from: start, to: bytes.endIndex))
            }
        } else {
            let paragraphs =
                keepingLineBreaks ? text.split(separator: "\n", omittingEmptySubsequences: false) : [Substring(text)]
            for (p, paragraph) in paragraphs.enumerated() {
                if p > 0 { newLine() }
                for word in paragraph.split(whereSeparator: isSpace) { place(word, columns: TextWidth.columns(word)) }
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

    /// Whether every byte is printable ASCII or a tab, line feed, vertical tab or form feed (a carriage return joins
    /// a following line feed into one `Character`, so text with one takes the general path).
    static func isPlainASCII(_ bytes: String.UTF8View) -> Bool {
        for b in bytes where !((b >= 0x20 && b < 0x7F) || (b >= 0x09 && b <= 0x0C)) { return false }
        return true
    }

    /// `Character.isWhitespace`, answered without a Unicode property lookup for ASCII (most text).
    static func isSpace(_ c: Character) -> Bool {
        if let a = c.asciiValue { return a == 0x20 || (a >= 0x09 && a <= 0x0D) }
        return c.isWhitespace
    }
}
