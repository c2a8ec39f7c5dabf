/// An aligned table of text: a header row, then rows, columns measured in terminal columns (``TextWidth``).
///
/// When the table is wider than the line, right-aligned columns (numbers) keep their width and the others wrap:
/// each first gets its header and its longest word (up to a third of the line, so that an id stays whole), and the
/// columns left over go one at a time to the column whose widening saves the most wrapped lines, or, where none
/// saves a line yet, to the one with the most text left over. So a long affiliation gets the room, not a column that is wide for one long name.
public struct TextTable {
    /// The column titles.
    public var headers: [String]
    /// The rows, each with one cell per column (missing cells are blank).
    public var rows: [[String]] = []
    /// Columns whose cells are right-aligned (numbers); they never wrap.
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

    /// The table as lines no wider than `width` where the columns can wrap; `heading` styles the header cells.
    public func render(width: Int, heading: (String) -> String = { $0 }) -> [String] {
        let n = headers.count
        guard n > 0 else { return [] }
        let widths = columnWidths(width: width)
        var lines: [String] = []
        func emit(_ cells: [String], header: Bool) {
            let parts: [[String]] = (0..<n).map { i in
                let cell = i < cells.count ? cells[i] : ""
                if header || rightAligned.contains(i) { return [cell] }
                let wrapped = WordWrap.lines(cell, width: widths[i])
                return wrapped.isEmpty ? [""] : wrapped
            }
            let height = parts.map(\.count).max() ?? 1
            for k in 0..<height {
                var line = ""
                for i in 0..<n {
                    var cell = k < parts[i].count ? parts[i][k] : ""
                    let right = rightAligned.contains(i)
                    if i < n - 1 || right { cell = TextWidth.pad(cell, to: widths[i], right: right) }
                    if header {
                        cell = heading(cell)
                    } else if let c = colours[i], !cell.allSatisfy({ $0 == " " }) {
                        cell = c(cell)
                    }
                    line += (i > 0 ? "  " : "") + cell
                }
                while line.last == " " { line.removeLast() }
                lines.append(line)
            }
        }
        emit(headers, header: true)
        for row in rows { emit(row, header: false) }
        return lines
    }

    /// The width of each column for a line of `width` columns (see the type's comment).
    func columnWidths(width: Int) -> [Int] {
        let n = headers.count
        let headerWidths = headers.map { TextWidth.columns($0) }
        var natural = headerWidths
        var longestWord = headerWidths
        // The allocation looks at up to 400 rows, evenly spread, so that a huge table costs no more to lay out.
        let step = max(1, rows.count / 400)
        var sample: [[Int]] = []
        for (r, row) in rows.enumerated() {
            var widths = [Int](repeating: 0, count: n)
            for i in 0..<min(n, row.count) {
                let w = TextWidth.columns(row[i])
                widths[i] = w
                natural[i] = max(natural[i], w)
                if w > longestWord[i] {
                    for word in row[i].split(separator: " ") {
                        longestWord[i] = max(longestWord[i], TextWidth.columns(word))
                    }
                }
            }
            if r % step == 0 { sample.append(widths) }
        }
        let gaps = 2 * (n - 1)
        if natural.reduce(0, +) + gaps <= width { return natural }
        let cap = max(8, width / 3)
        var widths = (0..<n).map { i in
            rightAligned.contains(i) ? natural[i] : min(natural[i], max(headerWidths[i], min(longestWord[i], cap)))
        }
        var spare = width - gaps - widths.reduce(0, +)
        func lines(_ cell: Int, _ w: Int) -> Int { cell == 0 ? 1 : (cell + w - 1) / w }
        while spare > 0 {
            var best = -1, bestSaved = 0, bestOverflow = 0
            for i in 0..<n where !rightAligned.contains(i) && widths[i] < natural[i] {
                var saved = 0, overflow = 0
                for row in sample {
                    var others = 1
                    for j in 0..<n where j != i { others = max(others, lines(row[j], widths[j])) }
                    saved += max(others, lines(row[i], widths[i])) - max(others, lines(row[i], widths[i] + 1))
                    overflow += max(0, row[i] - widths[i])
                }
                if best < 0 || saved > bestSaved || (saved == bestSaved && overflow > bestOverflow) {
                    (best, bestSaved, bestOverflow) = (i, saved, overflow)
                }
            }
            guard best >= 0 else { break }
            widths[best] += 1
            spare -= 1
        }
        return widths
    }
}
