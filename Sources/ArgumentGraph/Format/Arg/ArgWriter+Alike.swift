import ArgumentGraphModel

extension ArgWriter {
    /// Whether declaration `i` of `a` and declaration `j` of `b`, both of `kind`, are written as the same text, when
    /// that shows in their fields without writing them: every field the writer prints is compared, strings byte for
    /// byte (canonically equivalent spellings are written differently) and references by the ids they print. False
    /// means only "write both to know", so that a caller comparing texts keeps exactly the answers it had; the
    /// header, documents and actors (a few per graph) always answer false.
    static func writesAlike(_ kind: DeclarationSpan.Kind, _ i: Int, in a: Graph, _ j: Int, in b: Graph) -> Bool {
        switch kind {
        case .claim:
            let x = a.claims[i], y = b.claims[j]
            return x.kind == y.kind && x.base == y.base && same(x.id, y.id)
                && x.storedText.hasSameBytes(as: y.storedText)
                && x.tags.count == y.tags.count && zip(x.tags, y.tags).allSatisfy(same)
        case .stance:
            let x = a.stances[i], y = b.stances[j]
            return x.kind == y.kind && same(a.actors[x.actor].id, b.actors[y.actor].id)
                && same(a.claims[x.claim].id, b.claims[y.claim].id)
                && same(x.document.map { a.documents[$0].id }, y.document.map { b.documents[$0].id })
                && x.quotes.count == y.quotes.count
                && zip(x.quotes, y.quotes).allSatisfy { $0.location == $1.location && same($0.text, $1.text) }
        case .relation:
            let x = a.relations[i], y = b.relations[j]
            guard case let .claim(s) = x.target, case let .claim(t) = y.target else { return false }
            let (p, q) = (x.otherPremises, y.otherPremises)
            return x.kind == y.kind && x.weight == y.weight && same(a.claims[s].id, b.claims[t].id)
                && same(a.claims[x.source].id, b.claims[y.source].id)
                && p.count == q.count && zip(p, q).allSatisfy { same(a.claims[$0].id, b.claims[$1].id) }
                && same(x.id, y.id) && same(x.note, y.note)
                && same(x.actor.map { a.actors[$0].id }, y.actor.map { b.actors[$0].id })
        case .graph, .document, .actor:
            return false
        }
    }

    /// Whether two strings have the same bytes (not merely canonically equivalent ones), or both are nil.
    private static func same(_ s: String?, _ t: String?) -> Bool {
        guard let s, let t else { return s == nil && t == nil }
        return s.utf8.elementsEqual(t.utf8)
    }
}
