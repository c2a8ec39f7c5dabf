import Foundation
import Testing

/// The text layer as a user meets it, through the REPL in script mode on the bundled graph: one number format in
/// every command, the matrix CSV's empty cells, and a table that gives its room to the column with the most text.
@Suite struct TextLayerScriptTests {
    /// The first capture group of `pattern` in `text`.
    func capture(_ pattern: String, in text: String) -> String? {
        guard let re = try? NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines]),
            let m = re.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
            let r = Range(m.range(at: 1), in: text)
        else { return nil }
        return String(text[r])
    }

    @Test func aStrengthPrintsTheSameInScoreWhyWhatifAndCruxes() throws {
        let claim = "fully-independent-partner"
        let r = try BinaryRunner.run([
            "-c",
            "score --top 400; why \(claim); whatif retract debate-real-issues; whatif reset; cruxes --target \(claim) --limit 1",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let number = #"(-?\d+\.\d+)"#
        let score = capture(#"^\s*\d+\s+"# + claim + #"\s+"# + number, in: r.stdout)
        let why = capture("^" + claim + ": strength " + number, in: r.stdout)
        let whatif = capture("^" + claim + #"\s+\S+ → \S+\s+"# + number + " → ", in: r.stdout)
        let cruxes = capture("^strength of " + claim + ": " + number, in: r.stdout)
        #expect(score != nil && why != nil && whatif != nil && cruxes != nil, "\(r.stdout)")
        #expect(
            Set([score, why, whatif, cruxes]).count == 1,
            "score \(score ?? "-"), why \(why ?? "-"), whatif \(whatif ?? "-"), cruxes \(cruxes ?? "-")")
        #expect(why == "0.568")
    }

    @Test func matrixCSVLeavesPairsThatNeverTouchEmpty() throws {
        let r = try BinaryRunner.run(["-c", "matrix --csv -; matrix"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let n = header.count - 1
        let rows = lines[1...n].map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        // The table after the CSV: a row per member, a `-` where the CSV cell is empty, a number where it is not.
        let table = lines[(n + 2)...].prefix(n).map { $0.split(separator: " ").map(String.init) }
        var empty = 0, zero = 0
        for i in 0..<n {
            #expect(rows[i].count == n + 1 && rows[i][0] == header[i + 1])
            // Table rows: number, id, then n cells.
            let cells = Array(table[i].suffix(n))
            for j in 0..<n where i != j {
                if rows[i][j + 1].isEmpty {
                    empty += 1; #expect(cells[j] == "-", "\(header[i + 1]) × \(header[j + 1])")
                } else {
                    #expect(cells[j] != "-" && Double(rows[i][j + 1]) != nil)
                    if rows[i][j + 1] == "0.000" { zero += 1 }
                }
            }
        }
        #expect(empty > 0, "the bundled graph has pairs that never touch")
        #expect(zero > 0, "and pairs that touch with an index of 0 (Tatsumi and the Washington commentators)")
    }

    @Test func actorsAt120ColumnsGivesTheAffiliationTheRoom() throws {
        let r = try BinaryRunner.run(["-c", "actors"], environment: ["COLUMNS": "120"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        let header = try #require(lines.first)
        let start = try #require(header.range(of: "AFFILIATION")).lowerBound
        let column = header.distance(from: header.startIndex, to: start)
        for line in lines { #expect(line.count <= 120, "\(line)") }
        #expect(120 - column >= 40, "the affiliation has \(120 - column) columns")
        // Welch's role and affiliation (160 characters) take four lines at most, not nine as at 20 columns.
        let welch = try #require(lines.firstIndex { $0.hasPrefix("welch ") })
        let rowLines = lines[(welch + 1)...].prefix { $0.hasPrefix(" ") }.count + 1
        #expect(rowLines <= 4, "\(lines[welch..<(welch + rowLines)].joined(separator: "\n"))")
    }
}
