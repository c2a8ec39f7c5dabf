import ArgumentGraphModel
import ArgumentGraphText

/// Plain-text reports of positions, comparisons, matrices and conflicts, for the command line and the REPL.
///
/// Columns are aligned and long text is wrapped to `width` columns. No colour: callers that style
/// output for a terminal do so themselves.
public enum PositionReport {
    /// The position of a scope: a summary line, then the claims grouped by theme with stance and quotes.
    public static func position(_ p: Position, in graph: Graph, width: Int = 80) -> String {
        var out = [p.scope.label(in: graph) + ": " + p.summary(in: graph).description]
        let indent = String(repeating: " ", count: 11)
        for theme in p.themes(in: graph) {
            out.append("")
            out.append(theme.tag ?? "(no tag)")
            for e in theme.entries {
                let claim = graph.claims[e.claim]
                out.append("  " + pad(e.stance.rawValue, 8) + " " + claim.id)
                out.append(contentsOf: hang(indent, claim.text, width: width))
                for s in e.stances {
                    let st = graph.stances[s]
                    let source = st.document.map { " (" + graph.documents[$0].id + ")" } ?? ""
                    for q in st.quotes {
                        out.append(
                            contentsOf: hang(indent + "> ", "\u{201C}" + q.text + "\u{201D}" + source, width: width))
                    }
                }
                if let via = e.via { out.append(indent + "via " + graph.label(ofRelation: via)) }
            }
        }
        if !p.tensions.isEmpty {
            out.append("")
            out.append(
                "tensions (denied, yet supported by the position's own claims): "
                    + p.tensions.map { graph.claims[$0].id }.joined(separator: ", "))
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// A comparison: the index with its counts, common ground, conflicts, and what each side alone says.
    public static func comparison(_ c: Comparison, in graph: Graph, width: Int = 80) -> String {
        let a = c.first.scope.label(in: graph), b = c.second.scope.label(in: graph)
        // No agreement and no conflict is no contact, as the matrix's `-` says, not an index of 0.
        let headline =
            c.agreements.isEmpty && c.conflicts.isEmpty
            ? "no contact (no shared claim, no relation between their claims that counts)"
            : "agreement index \(AgreementMatrix.format(c.index)) "
                + "(\(NumberText.counted(c.agreements.count, "agreement")), "
                + "\(NumberText.counted(c.conflicts.count, "conflict")))"
        var out = ["\(a) vs \(b): " + headline]
        let name = { (side: Comparison.Side?) -> String in side == .first ? a : side == .second ? b : "both" }
        func describe(_ p: Comparison.Point) -> String {
            let id = graph.claims[p.claim].id
            switch p.kind {
            case .bothAssert, .bothDeny: return id + ": " + graph.claims[p.claim].text
            case .contradicts:
                return id + " (asserted by " + name(p.side) + ", denied by " + name(p.side == .first ? .second : .first)
                    + "): " + graph.claims[p.claim].text
            case .supports, .attacks, .undercuts:
                let other = p.other.map { graph.claims[$0].id } ?? "?"
                let target = p.kind == .undercuts ? "the link from " + other : other
                return id + " (" + name(p.side) + ") " + p.kind.rawValue + " " + target + " ("
                    + name(p.side == .first ? .second : .first) + ")"
            }
        }
        for (title, points) in [("Common ground", c.agreements), ("Conflicts", c.conflicts)] {
            out.append("")
            out.append(title)
            if points.isEmpty { out.append("  (none)") }
            for p in points {
                out.append(contentsOf: hang("  " + pad(p.kind.rawValue, 12) + " ", describe(p), width: width))
            }
        }
        for (label, claims) in [(a, c.onlyFirst), (b, c.onlySecond)] {
            out.append("")
            out.append("Only \(label) (not addressed by the other)")
            if claims.isEmpty { out.append("  (none)") }
            let w = min(32, claims.map { TextWidth.columns(graph.claims[$0].id) }.max() ?? 0)
            for cl in claims {
                out.append(
                    contentsOf: hang("  " + pad(graph.claims[cl].id, w) + "  ", graph.claims[cl].text, width: width))
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The matrix as an aligned table: numbered rows with ids, columns by number, indices in the one number format (`NumberText.strength`, three decimals, as `compare` prints them).
    public static func matrix(_ m: AgreementMatrix) -> String {
        let n = m.ids.count
        let num = String(n).count
        let idWidth = m.ids.map { TextWidth.columns($0) }.max() ?? 0
        var header = String(repeating: " ", count: num + 2 + idWidth)
        for j in 0..<n { header += " " + padLeft(String(j + 1), 6) }
        var out = [header]
        for i in 0..<n {
            var row = padLeft(String(i + 1), num) + "  " + pad(m.ids[i], idWidth)
            for j in 0..<n {
                let c = m.cells[i][j]
                let text = i == j ? "·" : c.hasContact ? NumberText.strength(c.index) : "-"
                row += " " + padLeft(text, 6)
            }
            out.append(row)
        }
        out.append("")
        out.append("agreement index from -1 (conflict only) to +1 (agreement only); - no contact")
        return out.map { trimRight($0) }.joined(separator: "\n") + "\n"
    }

    /// Conflicts grouped by pair: each attack with the attacker's and the defender's quotes side by side.
    public static func conflicts(_ pairs: [Conflicts.Pair], in graph: Graph, width: Int = 80) -> String {
        if pairs.isEmpty { return "no conflicts between actors\n" }
        var out: [String] = []
        let column = max(20, (width - 3) / 2)
        for p in pairs {
            if !out.isEmpty { out.append("") }
            let x = graph.actors[p.first].id, y = graph.actors[p.second].id
            out.append(
                "\(x) vs \(y): \(NumberText.counted(p.attacks.count, "attack"))"
                    + (p.contradictions.isEmpty
                        ? "" : ", \(NumberText.counted(p.contradictions.count, "contradiction"))"))
            for a in p.attacks {
                let left =
                    [
                        graph.actors[a.attacker].id + ": "
                            + graph.premiseText(a.attackingClaims)
                    ]
                    + a.attackerQuotes.flatMap { wrap("\u{201C}" + $0.text + "\u{201D}", width: column) }
                let right =
                    ["attacks " + graph.actors[a.defender].id + ": " + graph.claims[a.attackedClaim].id]
                    + a.defenderQuotes.flatMap { wrap("\u{201C}" + $0.text + "\u{201D}", width: column) }
                for k in 0..<max(left.count, right.count) {
                    let l = k < left.count ? left[k] : "", r = k < right.count ? right[k] : ""
                    out.append(trimRight("  " + pad(l, column) + " | " + r))
                }
            }
            for c in p.contradictions {
                out.append("  contradiction on " + graph.claims[c].id + ": " + graph.claims[c].text)
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Outside attacks on a position's claims: the unanswered ones, then (with `all`) the answered ones and how.
    public static func unanswered(_ attacks: [Unanswered.Attack], in graph: Graph, all: Bool = false, width: Int = 80)
        -> String
    {
        let open = attacks.filter(\.isUnanswered)
        var out = ["\(open.count) of \(NumberText.counted(attacks.count, "outside attack")) unanswered"]
        for a in attacks where all || a.isUnanswered {
            let by =
                a.attackerHolders.isEmpty
                ? "no actor" : a.attackerHolders.map { graph.actors[$0].id }.joined(separator: ", ")
            let verdict =
                a.isUnanswered
                ? "unanswered"
                : "answered by "
                    + a.answers.map { r in
                        r.answer.rawValue + " ("
                            + (r.answer == .rejection
                                ? "denies " + graph.claims[graph.stances[r.index].claim].id
                                : graph.label(ofRelation: r.index)) + ")"
                    }.joined(separator: ", ")
            out.append(
                contentsOf: hang(
                    "  ",
                    graph.premiseText(a.attackers) + " [" + by + "] attacks "
                        + graph.claims[a.target].id + ": " + verdict, width: width))
            for p in a.attackers { out.append(contentsOf: hang("    ", graph.claims[p].text, width: width)) }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// A timeline: one line per stance under its document and date, with what changed.
    public static func timeline(_ t: Timeline, in graph: Graph, width: Int = 80) -> String {
        if t.entries.isEmpty { return "no stances\n" }
        var out: [String] = []
        let actorWidth = min(24, t.entries.map { TextWidth.columns(graph.actors[$0.actor].id) }.max() ?? 0)
        let claimWidth = min(32, t.entries.map { TextWidth.columns(graph.claims[$0.claim].id) }.max() ?? 0)
        var started = false
        var current: Int?
        for e in t.entries {
            if !started || current != e.document {
                started = true
                current = e.document
                if !out.isEmpty { out.append("") }
                if let d = e.document {
                    out.append(
                        (graph.documents[d].date?.description ?? "undated") + "  " + graph.documents[d].id + ": "
                            + graph.documents[d].title)
                } else {
                    out.append("no document")
                }
            }
            let changes = e.changes.map(\.rawValue).joined(separator: "+")
            let earlier =
                e.earlier.isEmpty ? "" : " (" + e.earlier.map { graph.claims[$0].id }.joined(separator: ", ") + ")"
            out.append(
                contentsOf: hang(
                    "  " + pad(graph.actors[e.actor].id, actorWidth) + "  " + pad(e.kind.rawValue, 7) + " "
                        + pad(graph.claims[e.claim].id, claimWidth) + "  ", changes + earlier, width: width))
        }
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: - Text helpers (the shared display-width ones, ``TextWidth`` and ``WordWrap``, under short names)

    static func pad(_ s: String, _ n: Int) -> String { TextWidth.pad(s, to: n) }
    static func padLeft(_ s: String, _ n: Int) -> String { TextWidth.pad(s, to: n, right: true) }
    static func trimRight(_ s: String) -> String {
        var t = Substring(s)
        while t.last == " " { t = t.dropLast() }
        return String(t)
    }

    /// Words of `text` in lines of at most `width` columns (one empty line for empty text).
    static func wrap(_ text: String, width: Int) -> [String] {
        let lines = WordWrap.lines(text, width: width, keepingLineBreaks: false)
        return lines.isEmpty ? [""] : lines
    }

    /// `head` followed by `text` wrapped so that continuation lines line up under the text (at least 20 columns
    /// of text a line).
    static func hang(_ head: String, _ text: String, width: Int) -> [String] {
        let w = TextWidth.columns(head)
        let lines = WordWrap.lines(
            text, width: w + max(20, width - w), indent: String(repeating: " ", count: w), firstIndent: head,
            keepingLineBreaks: false)
        return lines.isEmpty ? [head] : lines
    }
}
