/// The one XML escaper, for GraphML, SVG and Graphviz's HTML-like labels.
public enum XMLText {
    /// What an escaped text is for.
    public enum Flavour: Sendable {
        /// An XML 1.0 document (GraphML, SVG): tab, line feed and carriage return as character references, so that
        /// attribute values keep them; other characters XML forbids dropped; `'` as `&apos;`.
        case xml
        /// A Graphviz HTML-like label: controls and line or paragraph separators as spaces, everything outside
        /// ASCII as a numeric reference (Graphviz reads labels in its own charset), `'` as `&#39;` (HTML 4 has no `&apos;`).
        case graphvizHTML
    }

    /// `text` escaped for element content and double- or single-quoted attribute values.
    public static func escape(_ text: String, for flavour: Flavour = .xml) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for s in text.unicodeScalars {
            switch s {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += flavour == .xml ? "&apos;" : "&#39;"
            default:
                let v = s.value
                switch flavour {
                case .xml:
                    if v == 0x09 || v == 0x0A || v == 0x0D {
                        out += "&#\(v);"
                    } else if v < 0x20 || v == 0xFFFE || v == 0xFFFF {
                        continue
                    } else {
                        out.unicodeScalars.append(s)
                    }
                case .graphvizHTML:
                    if isControlOrBreak(s) {
                        out += " "
                    } else if s.isASCII {
                        out.unicodeScalars.append(s)
                    } else {
                        out += "&#\(v);"
                    }
                }
            }
        }
        return out
    }

    /// Whether a scalar is a control character or a line or paragraph separator.
    public static func isControlOrBreak(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x20 || (0x7F...0x9F).contains(s.value) || s.value == 0x2028 || s.value == 0x2029
    }
}
