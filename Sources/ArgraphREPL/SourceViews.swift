import ArgumentGraph
import Foundation

/// Text views of the source-text tools (verify, quote, coverage, context, similar), shared by the command
/// line and the REPL. Each returns lines; nothing here prints.
public enum SourceViews {
    /// A word-by-word difference: `[-quote's-]{+source's+}` around changes (coloured on a terminal).
    public static func diff(_ edits: [WordEdit], style: Style) -> String {
        edits.map { e -> String in
            switch e.kind {
            case .same: e.quote ?? ""
            case .cosmetic, .changed:
                style.attack("[-" + (e.quote ?? "") + "-]") + style.support("{+" + (e.source ?? "") + "+}")
            case .dropped: style.attack("[-" + (e.quote ?? "") + "-]")
            case .added: style.support("{+" + (e.source ?? "") + "+}")
            case .elided: (e.quote ?? "…") + (e.source.map { style.dim("(\($0) words)") } ?? "")
            }
        }.joined(separator: " ")
    }

    /// `FILE:LINE:COLUMN` of a place in a source file.
    static func at(_ library: SourceLibrary, _ graph: Graph, _ d: Int, _ p: SourcePosition) -> String {
        (graph.documents[d].file ?? graph.documents[d].id) + ":\(p.line):\(p.column)"
    }

    /// Who takes the stance: `welch asserts engage-china in stimson-2008`.
    public static func who(_ g: Graph, _ s: Stance) -> String {
        "\(g.actors[s.actor].id) \(s.kind.rawValue) \(g.claims[s.claim].id)"
            + (s.document.map { " in " + g.documents[$0].id } ?? "")
    }

    /// The report of one check that did not verify; empty for a verified quote.
    public static func check(_ c: QuoteCheck, graph g: Graph, library: SourceLibrary, file: String, style: Style)
        -> [String]
    {
        let stance = g.stances[c.stance]
        let quote = stance.quotes[c.quote]
        let place = c.place.map { "\(file):\($0.start.line):\($0.start.column)" } ?? file
        let err = style.error("error:")
        var out: [String] = []
        func passage(_ label: String, _ d: Int, _ a: QuoteAlignment) {
            out.append("  \(label) \(at(library, g, d, a.span.start)): “\(a.fixedText)”")
            if !a.isVerbatim { out.append("  diff:   " + diff(a.edits, style: style)) }
        }
        switch c.verdict {
        case .verbatim:
            return []
        case .wrongLocation:
            out.append(
                "\(place): \(err) quote is not at its stated location \(quote.location.map(\.description) ?? "") (\(who(g, stance)))"
            )
            if let p = c.passage, let d = stance.document {
                out.append("  it stands at \(at(library, g, d, p.span.start)) (\(p.span.lineLocation))")
                out.append(
                    QuoteFix.fixed(quote, by: c) != nil
                        ? "  fix:    verify --fix moves the location"
                        : "  fix:    none (it stands at more than one place)")
            }
        case .nearMiss:
            out.append("\(place): \(err) quote is not word for word (\(who(g, stance)))")
            out.append("  quote:  “\(quote.text)”")
            if let p = c.passage, let d = stance.document { passage("source:", d, p) }
            if c.isSafeFix {
                out.append("  fix:    verify --fix rewrites the quote to the source's words")
            } else if let r = c.runnerUp, let d = stance.document, let p = c.passage,
                r.cost < p.cost + max(2, p.quoteWords / 4)
            {
                out.append("  fix:    none: the passage at \(at(library, g, d, r.span.start)) is nearly as close")
            } else {
                out.append("  fix:    none: too different to rewrite without a look")
            }
        case .otherDocument:
            let own = stance.document.map { g.documents[$0].id } ?? "its document"
            out.append("\(place): \(err) quote is not in \(own) (\(who(g, stance)))")
            out.append("  quote:  “\(quote.text)”")
            if let e = c.elsewhere {
                out.append(
                    "  it stands in \(g.documents[e.document].id)" + (e.alignment.isVerbatim ? "" : " (nearly)") + ":")
                passage("source:", e.document, e.alignment)
            }
        case .noPassage:
            out.append(
                "\(place): \(err) no plausible passage for this quote in \(stance.document.map { g.documents[$0].id } ?? "any document") or any other document (\(who(g, stance)))"
            )
            out.append("  quote:  “\(quote.text)”")
        case let .noSource(reason):
            out.append("\(place): \(err) cannot check a quote of \(who(g, stance)): \(reason)")
        }
        return out
    }

    /// A search hit: `doc L12:3  …context [passage] context…` and the line to paste.
    public static func hit(_ h: PassageHit, document: Document, source: SourceText, style: Style, width: Int)
        -> [String]
    {
        let (before, after, moreBefore, moreAfter) = PassageSearch.context(of: h.words, in: source)
        let head =
            style.id(document.id) + " " + "L\(h.span.start.line):\(h.span.start.column)"
            + (h.similarity < 1 ? style.dim(" (closest, \(percent(h.similarity)) alike)") : "")
        var lines = [head]
        let text =
            (moreBefore ? "…" : "") + (before.isEmpty ? "" : before + " ") + highlight(h.text, style: style)
            + (after.isEmpty ? "" : " " + after) + (moreAfter ? "…" : "")
        lines += TextLayout.wrap(text, width: width, indent: "    ", firstIndent: "    ")
        lines.append("  " + style.quote(h.quoteLine))
        return lines
    }

    /// Quoted words made to stand out: bold on a terminal, `[` `]` around them otherwise.
    public static func highlight(_ s: String, style: Style) -> String { style.enabled ? style.id(s) : "[" + s + "]" }

    /// A share as a whole percentage: `42%`.
    public static func percent(_ x: Double) -> String { "\(Int((x * 100).rounded()))%" }

    /// The coverage table (document, sentences, covered, skipped, share), then each document's uncovered sentences.
    public static func coverage(
        _ covs: [DocumentCoverage], graph: Graph, style: Style, width: Int, listUncovered: Bool = true
    ) -> [String] {
        var t = TextTable(
            headers: ["DOCUMENT", "SENTENCES", "COVERED", "SKIPPED", "SHARE"], rightAligned: [1, 2, 3, 4])
        for c in covs {
            t.add([
                graph.documents[c.document].id, String(c.sentences.count), String(c.covered),
                String(c.sentences.count - c.counted), percent(c.share),
            ])
        }
        var lines = t.render(width: width, style: style)
        guard listUncovered else { return lines }
        for c in covs where !c.uncovered.isEmpty {
            let doc = graph.documents[c.document]
            lines.append("")
            lines.append(
                style.heading("Not yet covered in \(doc.id)")
                    + style.dim(" (\(NumberText.counted(c.uncovered.count, "sentence")))"))
            for s in c.uncovered {
                lines += TextLayout.wrap(
                    s.text, width: width, indent: "        ",
                    firstIndent: TextLayout.pad("L\(s.span.start.line)", to: 6, right: true) + "  ")
            }
        }
        return lines
    }

    /// One side of a similar pair: `claim-id (doc)` or `uncovered (doc L12)`, and its words.
    static func side(_ s: Restatements.Side, graph: Graph, style: Style) -> (String, String) {
        let doc = s.document.map { graph.documents[$0].id } ?? "no document"
        if let c = s.claim { return (style.id(graph.claims[c].id) + " (\(doc))", s.text) }
        return ("uncovered sentence (\(doc) L\(s.span?.start.line ?? 0))", s.text)
    }

    /// Ranked pairs, each with its score and both texts one under the other (side by side when wide enough).
    public static func similar(_ pairs: [Restatements.Pair], graph: Graph, style: Style, width: Int) -> [String] {
        var lines: [String] = []
        for (n, p) in pairs.enumerated() {
            let (a, at) = side(p.first, graph: graph, style: style),
                (b, bt) = side(p.second, graph: graph, style: style)
            var tail = ""
            if p.isSameClaim {
                tail = style.dim("  (one claim already)")
            } else if let x = p.first.claim, let y = p.second.claim {
                // Already related: a relation between the two, either way (any premise of a linked one).
                let related = graph.relations.contains {
                    ($0.targetClaim == y && $0.anyPremise { $0 == x })
                        || ($0.targetClaim == x && $0.anyPremise { $0 == y })
                }
                if related { tail = style.dim("  (related)") }
            }
            let head = "\(n + 1). " + NumberText.strength(p.score) + "  " + a
            if TextLayout.visibleWidth(head + "  ~  " + b + tail) <= width {
                lines.append(head + "  ~  " + b + tail)
            } else {
                lines.append(head)
                lines.append("      ~  " + b + tail)
            }
            if width >= 100 {
                let col = (width - 7) / 2
                let left = TextLayout.wrap("“" + at + "”", width: col),
                    right = TextLayout.wrap("“" + bt + "”", width: col)
                for i in 0..<max(left.count, right.count) {
                    lines.append(
                        "    " + TextLayout.pad(i < left.count ? left[i] : "", to: col) + " | "
                            + (i < right.count ? right[i] : ""))
                }
            } else {
                lines += TextLayout.wrap("“" + at + "”", width: width, indent: "      ", firstIndent: "    a ")
                lines += TextLayout.wrap("“" + bt + "”", width: width, indent: "      ", firstIndent: "    b ")
            }
        }
        return lines
    }

    /// How many words of the paragraph ``context(claim:graph:library:style:width:)`` shows on either side of a quote.
    public static let contextWords = 40

    /// Each quote of a claim inside its paragraph, the quoted words highlighted, under `actor in doc (date), L12`.
    public static func context(claim c: Int, graph g: Graph, library: SourceLibrary, style: Style, width: Int)
        -> [String]
    {
        var lines: [String] = []
        for s in g.stances(onClaim: c) {
            for q in s.quotes {
                let doc = s.document.map { g.documents[$0] }
                var head = style.actor(g.actors[s.actor].id) + " " + s.kind.rawValue
                if let doc { head += " — " + doc.id + (doc.date.map { " (\($0))" } ?? "") }
                guard let d = s.document, let text = library.text(of: d),
                    let a = QuoteAligner().align(q.text, in: text).first(where: QuoteCheck.isPlausible)
                else {
                    lines.append(head + style.dim(" — passage not found in the source"))
                    lines += TextLayout.wrap("“" + q.text + "”", width: width, indent: "    ", firstIndent: "    ").map(
                        style.quote)
                    continue
                }
                lines.append(
                    head + ", " + (doc?.file ?? "") + " L\(a.span.start.line)"
                        + (a.isVerbatim ? "" : style.dim(" (closest passage)")))
                // The paragraph, cut to about forty words either side of the quote.
                let para = PassageSearch.paragraph(of: a.words, in: text)
                let from = max(para.lowerBound, a.words.lowerBound - contextWords),
                    to = min(para.upperBound, a.words.upperBound + contextWords)
                var parts: [String] = []
                if from > para.lowerBound { parts.append("…") }
                if from < a.words.lowerBound { parts.append(text.quoteText(words: from...(a.words.lowerBound - 1))) }
                parts.append(highlight(text.quoteText(words: a.words), style: style))
                if to > a.words.upperBound { parts.append(text.quoteText(words: (a.words.upperBound + 1)...to)) }
                if to < para.upperBound { parts.append("…") }
                lines += TextLayout.wrap(
                    parts.joined(separator: " "), width: width, indent: "    ", firstIndent: "    ")
            }
        }
        if lines.isEmpty { lines.append("no stance on \(g.claims[c].id) quotes a source") }
        return lines
    }
}
