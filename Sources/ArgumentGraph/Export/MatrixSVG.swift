import ArgumentGraphAnalysis
import ArgumentGraphFormats
import ArgumentGraphText

/// Draws an ``AgreementMatrix`` as a standalone SVG heat map: a grid of cells on a diverging colour scale.
///
/// Red is conflict (−1), near-white is balance (0), blue is agreement (+1); cells whose positions do
/// not meet at all are grey. Row labels sit on the left, column labels above (slanted), a legend with
/// the scale below. Each cell carries a `<title>` with the pair, the index and its counts, which
/// browsers show on hover. Every label is XML-escaped.
public enum MatrixSVG {
    /// The colour for an agreement index in [−1, 1], as `#rrggbb`.
    public static func colour(_ index: Double) -> String {
        let x = index.isNaN ? 0 : min(1, max(-1, index))
        let neutral = (247.0, 247.0, 247.0)
        let end = x < 0 ? (178.0, 24.0, 43.0) : (33.0, 102.0, 172.0)
        let t = abs(x)
        func mix(_ a: Double, _ b: Double) -> Int { Int((a + (b - a) * t).rounded()) }
        return hex(mix(neutral.0, end.0), mix(neutral.1, end.1), mix(neutral.2, end.2))
    }

    /// The grey used for cells without contact.
    public static let noContactColour = "#bdbdbd"

    /// Escapes text for XML text and attributes (the same rules as GraphML: markup characters, and characters XML forbids dropped).
    public static func escape(_ s: String) -> String { XMLText.escape(s) }

    /// Renders the matrix; `title` is drawn above the grid.
    public static func render(_ matrix: AgreementMatrix, title: String = "Agreement index") -> String {
        let n = matrix.ids.count
        let cell = n == 0 ? 32 : max(12, min(36, 640 / n))
        let charWidth = 7
        let longest = matrix.ids.map(\.count).max() ?? 0
        let labelWidth = min(240, longest * charWidth + 12)
        let topLabel = Int(Double(min(240, longest * charWidth)) * 0.75) + 16
        let titleHeight = 32
        let left = 16 + labelWidth
        let top = titleHeight + topLabel
        let grid = n * cell
        let legendTop = top + grid + 24
        // Slanted column labels reach up and to the right of their column by about 0.71 of their length.
        let slant = Int(Double(min(240, longest * charWidth)) * 0.71)
        let width = max(left + grid + slant + 16, 16 + 360)
        let height = legendTop + 64
        let showValues = cell >= 28

        var s = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" \
            font-family="Helvetica, Arial, sans-serif" font-size="12">
            <title>\(escape(title))</title>
            <rect x="0" y="0" width="\(width)" height="\(height)" fill="#ffffff"/>
            <text x="16" y="22" font-size="16" font-weight="bold">\(escape(title))</text>

            """
        for (i, id) in matrix.ids.enumerated() {
            let y = top + i * cell + cell / 2 + 4
            s += "<text x=\"\(left - 6)\" y=\"\(y)\" text-anchor=\"end\">\(escape(id))</text>\n"
            let x = left + i * cell + cell / 2
            s += "<text x=\"\(x)\" y=\"\(top - 6)\" transform=\"rotate(-45 \(x) \(top - 6))\">\(escape(id))</text>\n"
        }
        for i in 0..<n {
            for j in 0..<n {
                let c = matrix.cells[i][j]
                let fill = (i == j || c.hasContact) ? colour(c.index) : noContactColour
                let x = left + j * cell, y = top + i * cell
                let tip =
                    i == j
                    ? matrix.names[i]
                    : "\(matrix.names[i]) × \(matrix.names[j]): \(AgreementMatrix.format(c.index)) "
                        + "(\(NumberText.counted(c.agreements, "agreement")), \(NumberText.counted(c.conflicts, "conflict")))"
                s +=
                    "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(cell)\" height=\"\(cell)\" fill=\"\(fill)\" stroke=\"#ffffff\">"
                s += "<title>\(escape(tip))</title></rect>\n"
                if showValues && i != j && c.hasContact {
                    let ink = abs(c.index) > 0.6 ? "#ffffff" : "#000000"
                    let label = NumberText.fixed(c.index, decimals: 2)
                    s +=
                        "<text x=\"\(x + cell / 2)\" y=\"\(y + cell / 2 + 4)\" text-anchor=\"middle\" font-size=\"10\" fill=\"\(ink)\">\(label)</text>\n"
                }
            }
        }
        // Legend: a gradient bar from −1 to +1, and a swatch for "no contact".
        let barWidth = 200
        s += """
            <defs><linearGradient id="diverging" x1="0" x2="1" y1="0" y2="0">
            <stop offset="0" stop-color="\(colour(-1))"/><stop offset="0.5" stop-color="\(colour(0))"/><stop offset="1" stop-color="\(colour(1))"/>
            </linearGradient></defs>
            <text x="16" y="\(legendTop)">agreement index</text>
            <rect x="16" y="\(legendTop + 8)" width="\(barWidth)" height="12" fill="url(#diverging)" stroke="#999999"/>
            <text x="16" y="\(legendTop + 34)" text-anchor="start">−1 conflict</text>
            <text x="\(16 + barWidth / 2)" y="\(legendTop + 34)" text-anchor="middle">0</text>
            <text x="\(16 + barWidth)" y="\(legendTop + 34)" text-anchor="end">+1 agreement</text>
            <rect x="\(16 + barWidth + 24)" y="\(legendTop + 8)" width="12" height="12" fill="\(noContactColour)"/>
            <text x="\(16 + barWidth + 42)" y="\(legendTop + 18)">no contact</text>
            </svg>

            """
        return s
    }

    private static func hex(_ r: Int, _ g: Int, _ b: Int) -> String {
        let digits = Array("0123456789abcdef")
        var out = "#"
        for v in [r, g, b] {
            let c = min(255, max(0, v))
            out.append(digits[c / 16])
            out.append(digits[c % 16])
        }
        return out
    }
}
