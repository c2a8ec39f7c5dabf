import ArgumentGraphModel
import ArgumentGraphText
import Foundation

/// Reads AIF JSON (the node sets of AIFdb and OVA) into a graph.
///
/// I-nodes become claims; each RA node becomes one support per conclusion, each CA node one attack per
/// conclusion, from all its I-node premises together (a linked relation when there are several, premises in
/// the order of the edges); a CA aimed at an RA or CA node undercuts, with all its premises, every relation
/// that node stands for; an MA node (rephrase) becomes two supports per (premise, conclusion) pair, one each
/// way, noted `rephrase (MA)`. An S-node's text other than a default scheme name is its relations' note (an
/// undercut's too); its `weight` field, argraph's own, their weight.
/// The speaker of an L-node (its locution's participant when the file lists participants, else the
/// last `Name :` prefix of its text, else the name its person id has elsewhere) asserts every I-node a YA node links to it, except through pure questioning or
/// challenging, and draws (`by:`) the relations of every S-node a YA node links to it the same way; a YA node
/// anchored in a TA node (a transition between two locutions) names no one speaker, so gives no actor.
/// A malformed file throws every error found, and nothing is loaded.
public enum AIFReader {
    /// The note on supports that stand for an MA (rephrase) node.
    public static let rephraseNote = "rephrase (MA)"

    /// Reads an AIF JSON file.
    public static func read(contentsOf path: String) throws(DiagnosticError) -> ParsedGraph {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw DiagnosticError([Diagnostic(.error, "cannot read '\(path)': \(FileError.describe(error))")])
        }
        return try read(data, file: path)
    }

    /// Whether `data` looks like AIF JSON: a top-level object with `nodes` and `edges`.
    public static func looksLikeAIF(_ data: Data) -> Bool {
        // Parsing a whole native file into Foundation objects only to look at two keys took gigabytes
        // for a large file: a scan of the top-level keys rules out most files first.
        if !mayHaveNodesAndEdges(data) { return false }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return false }
        return object["nodes"] is [Any] && object["edges"] is [Any]
    }

    /// False only when `data` cannot be a JSON object with array values for `nodes` and `edges`: a scan of
    /// the top-level keys that skips values without building them. Anything it does not follow exactly
    /// (an escaped or non-ASCII key, another encoding, a byte out of place) answers true, so that
    /// `JSONSerialization` decides; a key repeated is thus decided by `JSONSerialization` too.
    static func mayHaveNodesAndEdges(_ data: Data) -> Bool {
        data.withUnsafeBytes { (p: UnsafeRawBufferPointer) -> Bool in
            let n = p.count
            var i = 0
            func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
            func skipSpace() { while i < n, isSpace(p[i]) { i += 1 } }
            skipSpace()
            guard i < n, p[i] == UInt8(ascii: "{") else { return true }
            i += 1
            var nodes = false, edges = false
            skipSpace()
            if i < n, p[i] == UInt8(ascii: "}") { return false }
            while true {
                guard i < n, p[i] == UInt8(ascii: "\"") else { return true }
                let start = i + 1
                i = start
                while i < n, p[i] != UInt8(ascii: "\""), p[i] != UInt8(ascii: "\\"), p[i] < 0x80 { i += 1 }
                guard i < n, p[i] == UInt8(ascii: "\"") else { return true }
                let key = UnsafeRawBufferPointer(rebasing: p[start..<i])
                i += 1
                skipSpace()
                guard i < n, p[i] == UInt8(ascii: ":") else { return true }
                i += 1
                skipSpace()
                guard i < n else { return true }
                if p[i] == UInt8(ascii: "[") {
                    if key.elementsEqual("nodes".utf8) { nodes = true }
                    if key.elementsEqual("edges".utf8) { edges = true }
                }
                // Skips the value: strings whole, brackets counted, scalars up to the next delimiter.
                var depth = 0
                value: while i < n {
                    let b = p[i]
                    if b == UInt8(ascii: "\"") {
                        i += 1
                        while i < n, p[i] != UInt8(ascii: "\"") { i += p[i] == UInt8(ascii: "\\") ? 2 : 1 }
                        i += 1
                        if depth == 0 { break value }
                    } else if b == UInt8(ascii: "[") || b == UInt8(ascii: "{") {
                        depth += 1
                        i += 1
                    } else if b == UInt8(ascii: "]") || b == UInt8(ascii: "}") {
                        if depth == 0 { break value }
                        depth -= 1
                        i += 1
                        if depth == 0 { break value }
                    } else if depth == 0, b == UInt8(ascii: ",") || isSpace(b) {
                        break value
                    } else {
                        i += 1
                    }
                }
                skipSpace()
                guard i < n else { return true }
                if p[i] == UInt8(ascii: "}") { return nodes && edges }
                guard p[i] == UInt8(ascii: ",") else { return true }
                i += 1
                skipSpace()
            }
        }
    }

    /// Reads AIF JSON bytes; `file` names the source in diagnostics.
    public static func read(_ data: Data, file: String = "<input>") throws(DiagnosticError) -> ParsedGraph {
        var parser = Parser(file: file, text: String(decoding: data, as: UTF8.self))
        let root: Any
        let (escaped, marks) = escapingByteOrderMarks(data)
        do { root = try JSONSerialization.jsonObject(with: escaped) } catch {
            let message = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            // Foundation names the byte offset: "... around character 39." Turn it into line and column.
            var at = parser.loc(line: 1, column: 1)
            if let r = message.range(of: #"character [0-9]+"#, options: .regularExpression),
                let escapedOffset = Int(message[r].dropFirst("character ".count)),
                // Each escape before the offset is 3 bytes longer than the mark it stands for.
                case let offset = escapedOffset - 3 * marks.prefix(while: { $0 < escapedOffset }).count,
                offset <= data.count
            {
                let before = String(decoding: data.prefix(offset), as: UTF8.self)
                let lines = SourceLines.of(before)
                at = parser.loc(line: lines.count, column: (lines.last?.count ?? 0) + 1)
            }
            throw DiagnosticError([Diagnostic(.error, "not valid JSON: \(message)", at: at)])
        }
        return try parser.parse(root)
    }

    /// The bytes with every U+FEFF after the first byte written as the escape `\ufeff`, and where each escape starts.
    ///
    /// Foundation's `JSONSerialization` drops a U+FEFF at the start of a string or right after an escape (a BOM
    /// left over in a quote), but keeps the escape. Outside a string the mark is an error either way; at the very
    /// start of the file it is a byte-order mark, and stays as it is.
    static func escapingByteOrderMarks(_ data: Data) -> (Data, [Int]) {
        let bytes = [UInt8](data)
        var marks: [Int] = []
        var i = 1
        while i + 2 < bytes.count {
            if bytes[i] == 0xEF, bytes[i + 1] == 0xBB, bytes[i + 2] == 0xBF { marks.append(i); i += 3 } else { i += 1 }
        }
        guard !marks.isEmpty else { return (data, []) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 3 * marks.count)
        var last = 0
        var starts: [Int] = []
        for m in marks {
            out += bytes[last..<m]
            starts.append(out.count)
            out += Array("\\ufeff".utf8)
            last = m + 3
        }
        out += bytes[last...]
        return (Data(out), starts)
    }

    /// The `Name :` prefixes at the start of L-node text, in order (annotator first, speaker last).
    ///
    /// A prefix is 1–6 words, each starting with a capital letter or a digit, without `?!;,"`,
    /// followed by a colon and more text.
    public static func speakerPrefixes(of text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let colon = rest.firstIndex(of: ":") {
            let candidate = rest[..<colon].trimmingCharacters(in: .whitespaces)
            let after = rest[rest.index(after: colon)...]
            guard !after.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, !candidate.isEmpty,
                candidate.count <= 60,
                !candidate.contains(where: { "?!;,\"\n".contains($0) })
            else { break }
            let words = candidate.split(separator: " ")
            guard (1...6).contains(words.count),
                words.allSatisfy({ w in w.first.map { $0.isUppercase || $0.isNumber } ?? false })
            else { break }
            names.append(candidate)
            rest = after
        }
        return names
    }
}

extension String {
    /// Nil when empty.
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
