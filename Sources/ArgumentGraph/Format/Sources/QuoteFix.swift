import ArgumentGraphModel

/// Rewrites quotes from their checks: a safe near miss to its passage, a misplaced quote to its place,
/// and (for `fmt --locate`) every found quote to its line location.
public enum QuoteFix {
    /// The quote a check would rewrite to, or nil when it is to be left alone: a safe near miss gets the
    /// passage's words (its location, if it had one, moved there); a verbatim quote at the wrong location
    /// gets the location where it stands, when it stands there only.
    public static func fixed(_ quote: Quote, by check: QuoteCheck) -> Quote? {
        switch check.verdict {
        case .nearMiss:
            guard let text = check.fix, let p = check.passage else { return nil }
            return Quote(text, location: quote.location.map { relocated($0, to: p.span) })
        case .wrongLocation:
            guard let p = check.passage, let loc = quote.location else { return nil }
            if let r = check.runnerUp, r.isVerbatim { return nil }
            return Quote(quote.text, location: relocated(loc, to: p.span))
        default:
            return nil
        }
    }

    /// A location of the same kind (lines or characters) for a span.
    static func relocated(_ location: QuoteLocation, to span: SourceSpan) -> QuoteLocation {
        switch location {
        case .lines: span.lineLocation
        case .characters: .characters(start: span.characters.lowerBound, end: span.characters.upperBound)
        }
    }

    /// The graph with every fixable quote rewritten (see ``fixed(_:by:)``), and the checks that were applied.
    public static func applying(_ checks: [QuoteCheck], to graph: Graph) -> (graph: Graph, applied: [QuoteCheck]) {
        var stances = graph.stances
        var applied: [QuoteCheck] = []
        for c in checks {
            guard let q = fixed(stances[c.stance].quotes[c.quote], by: c) else { continue }
            stances[c.stance].quotes[c.quote] = q
            applied.append(c)
        }
        return (rebuilt(graph, stances: stances), applied)
    }

    /// The graph with each verbatim quote's location set to its lines (`L12`, `L12-14`); a quote that
    /// already has a location that holds keeps it. Returns how many locations were written.
    public static func locating(_ checks: [QuoteCheck], in graph: Graph) -> (graph: Graph, located: Int) {
        var stances = graph.stances
        var n = 0
        for c in checks where c.verdict == .verbatim {
            guard let p = c.passage, stances[c.stance].quotes[c.quote].location == nil else { continue }
            stances[c.stance].quotes[c.quote].location = p.span.lineLocation
            n += 1
        }
        return (rebuilt(graph, stances: stances), n)
    }

    static func rebuilt(_ g: Graph, stances: [Stance]) -> Graph {
        Graph(
            name: g.name, title: g.title, description: g.description, documents: g.documents, actors: g.actors,
            claims: g.claims, stances: stances, relations: g.relations)
    }
}
