import ArgumentGraph
import Foundation

extension SourceViews {
    /// The hits of a text or `/REGEX/` search over some documents, each with context and a line to paste;
    /// a regular expression that does not compile is an error.
    public static func search(
        _ query: String, documents: [Int], graph g: Graph, library: SourceLibrary, limit: Int,
        style: Style, width: Int
    ) throws -> [String] {
        var regex: Regex<AnyRegexOutput>?
        if query.count >= 2, query.hasPrefix("/"), query.hasSuffix("/") {
            let pattern = String(query.dropFirst().dropLast())
            do { regex = try Regex(pattern).ignoresCase() } catch {
                throw CommandError("invalid regular expression /\(pattern)/", hint: "\(error)")
            }
        }
        var lines: [String] = []
        var total = 0, unread: [String] = []
        for d in documents {
            guard let text = library.text(of: d) else { unread.append(g.documents[d].id); continue }
            let hits =
                regex.map { PassageSearch.find(regex: $0, in: text, limit: limit) }
                ?? PassageSearch.find(query, in: text, limit: limit)
            for h in hits {
                lines += hit(h, document: g.documents[d], source: text, style: style, width: width)
                if h.similarity >= 1 { total += 1 }
            }
        }
        if total == 0 {
            let closest = lines.isEmpty ? "" : "; the closest passages:"
            var note = "no passage matches '\(query)'" + closest
            // A first word that is nearly a document id was probably meant as one.
            if documents.count > 1, let first = query.split(separator: " ").first, query.contains(" "),
                let hint = Nearest.hint(for: String(first), in: g.documents.map(\.id))
            {
                note += " (is '\(first)' a document? \(hint))"
            }
            lines.insert(note, at: 0)
        }
        if !unread.isEmpty { lines.append(style.dim("(no source text for \(unread.joined(separator: ", ")))")) }
        return lines
    }

    /// Coverage as JSON: per document its id, file, counts, share and uncovered sentences with line and column.
    public static func coverageJSON(_ covs: [DocumentCoverage], graph g: Graph) -> String {
        struct Sentence: Encodable { var line: Int; var column: Int; var text: String }
        struct Doc: Encodable {
            var id: String; var file: String?; var sentences: Int; var covered: Int; var skipped: Int; var share: Double
            var uncovered: [Sentence]
        }
        let docs = covs.map { c in
            Doc(
                id: g.documents[c.document].id, file: g.documents[c.document].file, sentences: c.sentences.count,
                covered: c.covered,
                skipped: c.sentences.count - c.counted, share: (c.share * 10000).rounded() / 10000,
                uncovered: c.uncovered.map {
                    Sentence(line: $0.span.start.line, column: $0.span.start.column, text: $0.text)
                })
        }
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? String(data: e.encode(["documents": docs]), encoding: .utf8)) ?? "{}"
    }
}
