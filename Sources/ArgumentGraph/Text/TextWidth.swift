/// How many terminal columns text takes, as a terminal draws it: East Asian wide and fullwidth characters and emoji
/// take two columns, combining marks and zero-width characters none, ANSI colour sequences (`ESC [ … m`) none.
///
/// Measured per extended grapheme cluster (a `Character`), so a base letter with its accents, a flag, or an emoji
/// sequence joined by U+200D counts once.
public enum TextWidth {
    /// The columns `text` takes.
    public static func columns(_ text: some StringProtocol) -> Int {
        if let n = asciiColumns(text.utf8) { return n }
        var n = 0
        var inEscape = false
        for c in text {
            if inEscape { if c == "m" { inEscape = false }; continue }
            if c == "\u{1B}" { inEscape = true; continue }
            n += columns(c)
        }
        return n
    }

    /// The columns of text that is all ASCII, counted on its bytes (most labels, ids and quotes: no grapheme
    /// breaking, no Unicode properties); nil when a byte is not ASCII.
    static func asciiColumns(_ bytes: some Collection<UInt8>) -> Int? {
        var n = 0
        var inEscape = false
        for b in bytes {
            if b >= 0x80 { return nil }
            if inEscape { if b == UInt8(ascii: "m") { inEscape = false }; continue }
            if b == 0x1B { inEscape = true; continue }
            if b >= 0x20 && b != 0x7F { n += 1 }
        }
        return n
    }

    /// The columns one character takes: 0, 1 or 2.
    public static func columns(_ c: Character) -> Int {
        if let a = c.asciiValue { return a >= 0x20 && a != 0x7F ? 1 : 0 }
        let scalars = c.unicodeScalars
        // Emoji drawn as pictures: those shown so by default, and text-default ones asked for with U+FE0F.
        if scalars.contains(where: { $0.properties.isEmojiPresentation }) { return 2 }
        if scalars.count > 1, scalars.contains("\u{FE0F}"), scalars.first!.properties.isEmoji { return 2 }
        for s in scalars where !isZeroWidth(s) { return isWide(s) ? 2 : 1 }
        return 0
    }

    /// `text` padded with spaces to `width` columns, on the right (left-aligned) or on the left (`right: true`).
    public static func pad(_ text: String, to width: Int, right: Bool = false) -> String {
        let gap = max(0, width - columns(text))
        guard gap > 0 else { return text }
        return right ? String(repeating: " ", count: gap) + text : text + String(repeating: " ", count: gap)
    }

    /// The longest prefix of `text` that fits in `width` columns (at least one character, so that cutting a word
    /// always moves on), and the rest.
    public static func split(_ text: Substring, columns width: Int) -> (head: Substring, rest: Substring) {
        var used = 0
        var i = text.startIndex
        while i < text.endIndex {
            let w = columns(text[i])
            if used + w > width, i > text.startIndex { break }
            used += w
            i = text.index(after: i)
        }
        return (text[..<i], text[i...])
    }

    /// Marks, format characters (zero-width space and joiners, bidi marks, soft hyphen), controls, variation
    /// selectors and the Hangul vowels and finals that join a syllable: drawn on the character before, or not at all.
    static func isZeroWidth(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return true
        default: return (0x1160...0x11FF).contains(s.value) || (0xD7B0...0xD7FF).contains(s.value)
        }
    }

    /// East Asian Wide and Fullwidth: CJK ideographs, kana, Hangul syllables, fullwidth forms and the like.
    static func isWide(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        guard v >= 0x1100 else { return false }
        for r in wideRanges where r.contains(v) { return true }
        return false
    }

    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
        0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
        0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x18AFF, 0x1B000...0x1B2FF, 0x1F200...0x1F2FF, 0x20000...0x2FFFD,
        0x30000...0x3FFFD,
    ]
}
