import ArgumentGraph

/// Remembers each quote's check, so that a keystroke outside the quotes checks nothing again, and a keystroke in a
/// quote checks only that stance's quotes (against its document's source alone).
///
/// A quote's result depends on its stance's actor, verb, claim and document (named in the message), the document's
/// file and the quote's text and location; that is the key. Results are kept per source folder.
struct QuoteCheckCache {
    struct Key: Hashable {
        var actor: String
        var verb: StanceKind
        var claim: String
        var document: String?
        var file: String?
        var text: String
        var location: QuoteLocation?
    }

    /// Per key: the issue found (severity, message, replacement), or nil when the quote verified.
    private var results: [Key: QuoteIssue?] = [:]
    private var directory: String?

    /// Forgets every result (sources may have changed on disk).
    mutating func clear() { results = [:] }

    /// The issues of every quote of `graph`, checking with `checker` only the stances that have a quote not seen before.
    mutating func issues(_ graph: Graph, sourceDirectory: String, checker: QuoteDiagnostics.Checker) -> [QuoteIssue] {
        if directory != sourceDirectory {
            results = [:]
            directory = sourceDirectory
        }
        func key(_ s: Stance, _ q: Quote) -> Key {
            let doc = s.document.map { graph.documents[$0] }
            return Key(
                actor: graph.actors[s.actor].id, verb: s.kind, claim: graph.claims[s.claim].id, document: doc?.id,
                file: doc?.file, text: q.text, location: q.location)
        }
        let unseen = graph.stances.indices.filter { i in
            graph.stances[i].quotes.contains { results[key(graph.stances[i], $0)] == nil }
        }
        if !unseen.isEmpty {
            let sub = Graph(
                documents: graph.documents, actors: graph.actors, claims: graph.claims,
                stances: unseen.map { graph.stances[$0] })
            var found: [Int: [Int: QuoteIssue]] = [:]
            for issue in checker(sub, sourceDirectory) where issue.stance < unseen.count {
                found[issue.stance, default: [:]][issue.quote] = issue
            }
            for (k, i) in unseen.enumerated() {
                for (qi, q) in graph.stances[i].quotes.enumerated() {
                    results[key(graph.stances[i], q)] = .some(found[k]?[qi])
                }
            }
        }
        var out: [QuoteIssue] = []
        for (si, s) in graph.stances.enumerated() {
            for (qi, q) in s.quotes.enumerated() {
                guard case var issue?? = results[key(s, q)] else { continue }
                issue.stance = si
                issue.quote = qi
                issue.range = nil
                out.append(issue)
            }
        }
        return out
    }
}
