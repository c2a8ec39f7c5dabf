/// An aligned table of text: a header row, then rows; the last column wraps to the width left over.
public struct TextTable {
    /// The column titles.
    public var headers: [String]
    /// The rows, each with one cell per column (missing cells are blank).
    public var rows: [[String]] = []
    /// Columns whose cells are right-aligned (numbers).
    public var rightAligned: Set<Int> = []
    /// A colour for each column's cells, applied after padding.
    public var colours: [Int: (String) -> String] = [:]

    /// A table with these column titles.
    public init(headers: [String], rightAligned: Set<Int> = []) {
        self.headers = headers
        self.rightAligned = rightAligned
    }

    /// Appends a row.
    public mutating func add(_ row: [String]) { rows.append(row) }

    /// The table as lines no wider than `width` where the last column can wrap.
    public func render(width: Int, style: Style = .plain) -> [String] {
        let n = headers.count
        guard n > 0 else { return [] }
        var widths = headers.map(TextLayout.visibleWidth)
        for row in rows {
            for i in 0..<min(n, row.count) { widths[i] = max(widths[i], TextLayout.visibleWidth(row[i])) }
        }
        let fixed = widths.dropLast().reduce(0, +) + 2 * (n - 1)
        let lastWidth = fixed + widths[n - 1] <= width ? widths[n - 1] : max(20, width - fixed)
        widths[n - 1] = lastWidth
        var lines: [String] = []
        func emit(_ cells: [String], header: Bool) {
            var wrappedLast = TextLayout.wrap(cells.count >= n ? cells[n - 1] : "", width: lastWidth)
            if wrappedLast.isEmpty { wrappedLast = [""] }
            for (k, part) in wrappedLast.enumerated() {
                var line = ""
                for i in 0..<n {
                    var cell = i == n - 1 ? part : (k == 0 && i < cells.count ? cells[i] : "")
                    let isLast = i == n - 1
                    cell = isLast && !rightAligned.contains(i) ? cell : TextLayout.pad(cell, to: widths[i], right: rightAligned.contains(i))
                    if header { cell = style.heading(cell) } else if let c = colours[i], !cell.allSatisfy({ $0 == " " }) { cell = c(cell) }
                    line += (i > 0 ? "  " : "") + cell
                }
                lines.append(trimTrailing(line))
            }
        }
        emit(headers, header: true)
        for row in rows { emit(row, header: false) }
        return lines
    }

    private func trimTrailing(_ s: String) -> String {
        var s = s
        while s.last == " " { s.removeLast() }
        return s
    }
}
