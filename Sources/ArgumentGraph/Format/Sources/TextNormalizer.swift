import ArgumentGraphModel
import Foundation

/// The one normalisation that quote checking, passage search, coverage and similarity share.
public enum TextNormalizer {
    /// White space of any kind.
    public static func isSpace(_ c: Unicode.Scalar) -> Bool { c.properties.isWhitespace }

    /// Characters that separate words though no space surrounds them: the em dash and the horizontal bar.
    public static func isWordBreak(_ c: Unicode.Scalar) -> Bool { c == "\u{2014}" || c == "\u{2015}" }

    /// The comparison form of a word: its letters and digits, lower-cased, accents removed.
    ///
    /// Punctuation (quotes straight or curly, apostrophes, hyphens and dashes, brackets) does not count,
    /// so `Alliance’s` and `alliance's`, `US–Japan` and `US-Japan` have the same key. A possessive `'s` is
    /// dropped, so `China’s` has the key of `China` (the surfaces still differ: a cosmetic difference).
    public static func key(_ word: String) -> String {
        var out = String.UnicodeScalarView()
        var ascii = true
        var scalars = Substring(word).unicodeScalars[...]
        while let l = scalars.last, !l.properties.isAlphabetic, l.properties.numericType == nil {
            scalars = scalars.dropLast()
        }
        if scalars.count > 2, scalars.last == "s" || scalars.last == "S" {
            let apostrophe = scalars[scalars.index(before: scalars.index(before: scalars.endIndex))]
            if apostrophe == "'" || apostrophe == "\u{2019}" { scalars = scalars.dropLast(2) }
        }
        for c in scalars {
            if c.isASCII {
                let v = c.value
                if v >= 65 && v <= 90 {
                    out.append(Unicode.Scalar(v + 32)!)
                } else if (v >= 97 && v <= 122) || (v >= 48 && v <= 57) {
                    out.append(c)
                }
            } else if c.properties.isAlphabetic || c.properties.numericType != nil {
                ascii = false
                out.append(contentsOf: c.properties.lowercaseMapping.unicodeScalars)
            }
        }
        let s = String(out)
        return ascii ? s : s.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    /// Whether a token marks elided words in a quote: `…`, `...`, `[…]`, `[...]`, `(...)`.
    public static func isEllipsis(_ token: String) -> Bool {
        var t = Substring(token)
        if let f = t.first, f == "[" || f == "(", let l = t.last, l == "]" || l == ")" { t = t.dropFirst().dropLast() }
        return t == "…" || (t.count >= 3 && t.allSatisfy { $0 == "." })
    }

    static let superscripts: Set<Unicode.Scalar> = [
        "\u{00B9}", "\u{00B2}", "\u{00B3}", "\u{2070}", "\u{2074}", "\u{2075}", "\u{2076}", "\u{2077}", "\u{2078}",
        "\u{2079}",
    ]

    /// Whether a whole token is a footnote marker: `[12]`, `(3)` is not, `¹²` and `*` are.
    public static func isFootnoteMarker(_ token: String) -> Bool {
        let u = token.unicodeScalars
        if !u.isEmpty, u.allSatisfy({ superscripts.contains($0) }) { return true }
        if token.count >= 3, token.first == "[", token.last == "]" {
            return token.dropFirst().dropLast().allSatisfy { $0.isASCII && $0.isNumber }
        }
        return false
    }

    /// The token without a footnote marker glued after its final punctuation (`alliance.12` → `alliance.`,
    /// `said,”3` → `said,”`) or superscript digits (`alliance¹`).
    public static func strippingFootnoteMarker(_ token: String) -> String {
        var u = Array(token.unicodeScalars)
        while let l = u.last, superscripts.contains(l), u.count > 1 { u.removeLast() }
        var k = u.count
        while k > 0, u[k - 1].isASCII, u[k - 1].properties.numericType != nil { k -= 1 }
        if k < u.count, k >= 2, u.count - k <= 3, ".,;:”’\")".unicodeScalars.contains(u[k - 1]),
            u[k - 2].properties.isAlphabetic || ".,;:”’\")".unicodeScalars.contains(u[k - 2])
        {
            u.removeLast(u.count - k)
        }
        var v = String.UnicodeScalarView()
        v.append(contentsOf: u)
        return String(v)
    }

    /// The surface with quotation marks, apostrophes and dashes made plain: `“a”—b’s` → `"a"-b's`.
    /// Used to tell a cosmetic difference (case, quote style) from a changed word.
    public static func plain(_ s: String) -> String {
        var v = String.UnicodeScalarView()
        for c in s.unicodeScalars {
            switch c {
            case "\u{2018}", "\u{2019}", "\u{201A}", "\u{2032}": v.append("'")
            case "\u{201C}", "\u{201D}", "\u{201E}", "\u{2033}", "\u{00AB}", "\u{00BB}": v.append("\"")
            case "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2212}": v.append("-")
            default: v.append(c)
            }
        }
        return String(v)
    }

    /// Splits a quote (or a search text) into its tokens as a source would: white space separates,
    /// an em dash separates, `rela- tive` (a hyphenated line break folded into a space) is one word.
    /// Ellipses stay as tokens of their own (see ``isEllipsis(_:)``).
    public static func quoteTokens(_ text: String) -> [String] {
        var raw: [String] = []
        var cur = String.UnicodeScalarView()
        for c in text.unicodeScalars {
            if isSpace(c) || isWordBreak(c) {
                if !cur.isEmpty { raw.append(String(cur)); cur = String.UnicodeScalarView() }
            } else if c == "…" {
                if !cur.isEmpty { raw.append(String(cur)); cur = String.UnicodeScalarView() }
                raw.append("…")
            } else {
                cur.append(c)
            }
        }
        if !cur.isEmpty { raw.append(String(cur)) }
        // Separate a glued "..." from its word: "alliance..." → "alliance", "...".
        var split: [String] = []
        for t in raw {
            if t.count > 3, t.hasSuffix("..."), !isEllipsis(t) {
                split.append(String(t.dropLast(3))); split.append("...")
            } else if t.count > 3, t.hasPrefix("..."), !isEllipsis(t) {
                split.append("..."); split.append(String(t.dropFirst(3)))
            } else {
                split.append(t)
            }
        }
        var out: [String] = []
        var i = 0
        while i < split.count {
            var t = split[i]
            while t.count > 1, t.hasSuffix("-"), t.dropLast().last?.isLetter == true, i + 1 < split.count,
                let n = split[i + 1].first, n.isLetter, n.isLowercase
            {
                t = String(t.dropLast()) + split[i + 1]
                i += 1
            }
            if isEllipsis(t) || !key(t).isEmpty { out.append(t) }
            i += 1
        }
        return out
    }
}
