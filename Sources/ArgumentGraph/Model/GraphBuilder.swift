/// Collects entities that refer to each other by id, then checks them and builds a ``Graph``.
///
/// Every entity may carry the ``SourceLocation`` it came from, so that errors point into the
/// file. References are resolved in ``build()``, so entities may be added in any order.
public struct GraphBuilder: Sendable {
    /// A stance whose actor, claim and document are still ids.
    public struct StanceDraft: Sendable, Hashable {
        /// The actor's id.
        public var actor: String
        /// The claim's id.
        public var claim: String
        /// Asserts or denies.
        public var kind: StanceKind
        /// The document's id, if any.
        public var document: String?
        /// The quotes.
        public var quotes: [Quote]
        /// Where each reference stands, for diagnostics: actor, claim, document.
        public var locations: (actor: SourceLocation?, claim: SourceLocation?, document: SourceLocation?)
        /// Where the stance was declared.
        public var location: SourceLocation?

        /// Creates a stance draft.
        public init(actor: String, claim: String, kind: StanceKind = .asserts, document: String? = nil,
                    quotes: [Quote] = [], location: SourceLocation? = nil) {
            self.actor = actor
            self.claim = claim
            self.kind = kind
            self.document = document
            self.quotes = quotes
            self.location = location
            self.locations = (location, location, location)
        }

        /// Compares the stance's content, not its locations.
        public static func == (a: StanceDraft, b: StanceDraft) -> Bool {
            a.actor == b.actor && a.claim == b.claim && a.kind == b.kind && a.document == b.document && a.quotes == b.quotes
        }

        /// Hashes the stance's content.
        public func hash(into h: inout Hasher) { h.combine(actor); h.combine(claim); h.combine(kind); h.combine(document) }
    }

    /// The target of a relation draft, by id.
    public enum TargetDraft: Sendable, Hashable {
        /// A claim id.
        case claim(String)
        /// A relation id.
        case relation(String)
    }

    /// A relation whose endpoints and actor are still ids.
    public struct RelationDraft: Sendable, Hashable {
        /// The relation's optional id.
        public var id: String?
        /// Support or attack.
        public var kind: RelationKind
        /// The source claim's id.
        public var source: String
        /// The target, by id.
        public var target: TargetDraft
        /// The weight in [0, 1].
        public var weight: Double
        /// The actor who draws the link, by id.
        public var actor: String?
        /// A note.
        public var note: String?
        /// Where the relation was declared.
        public var location: SourceLocation?
        /// Where the source and target ids stand, for diagnostics.
        public var sourceLocation: SourceLocation?
        /// Where the target id stands.
        public var targetLocation: SourceLocation?
        /// Where the actor id stands.
        public var actorLocation: SourceLocation?
        /// Where the weight stands.
        public var weightLocation: SourceLocation?

        /// Creates a relation draft.
        public init(id: String? = nil, kind: RelationKind, source: String, target: TargetDraft, weight: Double = 1,
                    actor: String? = nil, note: String? = nil, location: SourceLocation? = nil) {
            self.id = id
            self.kind = kind
            self.source = source
            self.target = target
            self.weight = weight
            self.actor = actor
            self.note = note
            self.location = location
        }

        /// Compares content, not locations.
        public static func == (a: RelationDraft, b: RelationDraft) -> Bool {
            a.id == b.id && a.kind == b.kind && a.source == b.source && a.target == b.target && a.weight == b.weight
                && a.actor == b.actor && a.note == b.note
        }

        /// Hashes content.
        public func hash(into h: inout Hasher) { h.combine(id); h.combine(kind); h.combine(source); h.combine(target) }
    }

    /// The graph's slug.
    public var name: String?
    /// The graph's title.
    public var title: String?
    /// The graph's description.
    public var description: String?
    /// Documents with the place each was declared.
    public var documents: [(Document, SourceLocation?)] = []
    /// Actors with the place each was declared.
    public var actors: [(Actor, SourceLocation?)] = []
    /// Claims with the place each was declared.
    public var claims: [(Claim, SourceLocation?)] = []
    /// Stances.
    public var stances: [StanceDraft] = []
    /// Relations.
    public var relations: [RelationDraft] = []
    /// Whether to report isolated or unheld claims as warnings.
    public var lint = true
    /// The most errors reported before giving up.
    public var errorLimit = 100

    /// An empty builder.
    public init() {}

    /// A builder holding everything in `graph`, ready to be edited and rebuilt.
    public init(_ graph: Graph) {
        name = graph.name
        title = graph.title
        description = graph.description
        documents = graph.documents.map { ($0, nil) }
        actors = graph.actors.map { ($0, nil) }
        claims = graph.claims.map { ($0, nil) }
        stances = graph.stances.map { s in
            StanceDraft(actor: graph.actors[s.actor].id, claim: graph.claims[s.claim].id, kind: s.kind,
                        document: s.document.map { graph.documents[$0].id }, quotes: s.quotes)
        }
        relations = graph.relations.enumerated().map { i, r in
            let target: TargetDraft
            switch r.target {
            case let .claim(c): target = .claim(graph.claims[c].id)
            case let .relation(t): target = .relation(graph.relations[t].id ?? "#\(t)")
            }
            return RelationDraft(id: r.id, kind: r.kind, source: graph.claims[r.source].id, target: target,
                                 weight: r.weight, actor: r.actor.map { graph.actors[$0].id }, note: r.note)
        }
    }

    /// Adds a document.
    public mutating func add(_ document: Document, at location: SourceLocation? = nil) { documents.append((document, location)) }
    /// Adds an actor.
    public mutating func add(_ actor: Actor, at location: SourceLocation? = nil) { actors.append((actor, location)) }
    /// Adds a claim.
    public mutating func add(_ claim: Claim, at location: SourceLocation? = nil) { claims.append((claim, location)) }
    /// Adds a stance.
    public mutating func add(_ stance: StanceDraft) { stances.append(stance) }
    /// Adds a relation.
    public mutating func add(_ relation: RelationDraft) { relations.append(relation) }

    /// Checks every entity and reference and returns the graph with its warnings, or throws every error found.
    public func build() throws(DiagnosticError) -> (graph: Graph, warnings: [Diagnostic]) {
        var v = Validator(limit: errorLimit)
        let docIndex = v.index(documents.map { ($0.0.id, $0.1) }, kind: "document")
        let actorIndex = v.index(actors.map { ($0.0.id, $0.1) }, kind: "actor")
        let claimIndex = v.index(claims.map { ($0.0.id, $0.1) }, kind: "claim")
        var relIDs: [(String, SourceLocation?)] = []
        var relPositions: [Int] = []
        for (i, r) in relations.enumerated() { if let id = r.id { relIDs.append((id, r.location)); relPositions.append(i) } }
        let relIndexByPosition = v.index(relIDs, kind: "relation")
        var relIndex: [String: Int] = [:]
        for (id, k) in relIndexByPosition { relIndex[id] = relPositions[k] }

        // What the .arg form cannot spell is an error here too, so that every graph built can be
        // saved as .arg and read back (JSON and other readers come through this builder).
        func blank(_ s: String?) -> Bool { s.map { $0.allSatisfy(\.isWhitespace) } ?? false }
        if let name, !Slug.isValid(name) { v.error("'\(name)' is not a valid graph id", nil) }
        if blank(title) { v.error("the graph's title is empty", nil) }
        if blank(description) { v.error("the graph's description is empty", nil) }
        for (d, loc) in documents {
            if blank(d.title) { v.error("document '\(d.id)' has no title", loc, hint: "add a line '  title: ...'") }
            for (key, value) in [("publisher", d.publisher), ("url", d.url), ("file", d.file)] where blank(value) {
                v.error("property '\(key)' of document '\(d.id)' is empty", loc)
            }
        }
        for (a, loc) in actors {
            if let c = a.credibility, !(0...1).contains(c) || c.isNaN { v.error("credibility \(c) of actor '\(a.id)' is outside [0, 1]", loc) }
            if blank(a.name) { v.error("actor '\(a.id)' has an empty name", loc) }
            for (key, value) in [("affiliation", a.affiliation), ("role", a.role)] where blank(value) {
                v.error("property '\(key)' of actor '\(a.id)' is empty", loc)
            }
        }
        for (c, loc) in claims {
            if c.text.allSatisfy(\.isWhitespace) { v.error("claim '\(c.id)' has empty text", loc, hint: "write the claim after the id: 'claim \(c.id): ...'") }
            if let b = c.base, !(0...1).contains(b) || b.isNaN { v.error("base score \(b) of claim '\(c.id)' is outside [0, 1]", loc) }
            for t in c.tags where !Slug.isValid(t) {
                v.error("invalid tag '\(t)' on claim '\(c.id)'", loc, hint: "tags are slugs: letters, digits, '-', '_' and '.'")
            }
        }
        var outStances: [Stance] = []
        outStances.reserveCapacity(stances.count)
        for s in stances {
            let a = v.resolve(s.actor, in: actorIndex, kind: "actor", at: s.locations.actor)
            let c = v.resolve(s.claim, in: claimIndex, kind: "claim", at: s.locations.claim)
            var d: Int?
            if let doc = s.document { d = v.resolve(doc, in: docIndex, kind: "document", at: s.locations.document) }
            for q in s.quotes where q.text.allSatisfy(\.isWhitespace) { v.error("empty quote", s.location) }
            if let a, let c, s.document == nil || d != nil {
                outStances.append(Stance(actor: a, claim: c, kind: s.kind, document: d, quotes: s.quotes))
            }
        }
        var outRelations: [Relation] = []
        outRelations.reserveCapacity(relations.count)
        for (i, r) in relations.enumerated() {
            let src = v.resolve(r.source, in: claimIndex, kind: "claim", at: r.sourceLocation ?? r.location)
            var target: RelationTarget?
            switch r.target {
            case let .claim(t):
                if let tc = v.resolve(t, in: claimIndex, kind: "claim", at: r.targetLocation ?? r.location) {
                    target = .claim(tc)
                    if tc == src { v.error("claim '\(t)' cannot \(r.kind.rawValue) itself", r.targetLocation ?? r.location) }
                }
            case let .relation(t):
                if r.kind == .support {
                    v.error("a support must target a claim, not a relation", r.targetLocation ?? r.location, hint: "use 'undercut' to attack a relation")
                } else if let tr = v.resolve(t, in: relIndex, kind: "relation", at: r.targetLocation ?? r.location) {
                    target = .relation(tr)
                    if tr == i { v.error("relation '\(t)' cannot undercut itself", r.targetLocation ?? r.location) }
                }
            }
            if blank(r.note) { v.error("the relation's note is empty", r.location) }
            if !(0...1).contains(r.weight) || r.weight.isNaN {
                v.error("weight \(r.weight) is outside [0, 1]", r.weightLocation ?? r.location)
            }
            var actor: Int?
            if let a = r.actor { actor = v.resolve(a, in: actorIndex, kind: "actor", at: r.actorLocation ?? r.location) }
            if let src, let target, r.actor == nil || actor != nil {
                outRelations.append(Relation(id: r.id, kind: r.kind, source: src, target: target, weight: r.weight, actor: actor, note: r.note))
            }
        }
        if v.errorCount > 0 { throw DiagnosticError(v.diagnostics) }
        // A tag listed twice is listed once (as the .arg reader does).
        let outClaims = claims.map { c, _ in
            var c = c
            if Set(c.tags).count != c.tags.count {
                var seen = Set<String>()
                c.tags = c.tags.filter { seen.insert($0).inserted }
            }
            return c
        }
        let graph = Graph(name: name, title: title, description: description, documents: documents.map(\.0),
                          actors: actors.map(\.0), claims: outClaims, stances: outStances, relations: outRelations)
        var warnings: [Diagnostic] = []
        if lint {
            var related = [Bool](repeating: false, count: graph.claims.count)
            for r in graph.relations {
                related[r.source] = true
                if let t = r.targetClaim { related[t] = true }
            }
            for (i, (c, loc)) in claims.enumerated() {
                if !related[i], graph.claims.count > 1 {
                    warnings.append(Diagnostic(.warning, "claim '\(c.id)' is isolated: no relation supports, attacks or starts from it", at: loc))
                }
                if graph.stancesOfClaim.degree(i) == 0 {
                    warnings.append(Diagnostic(.warning, "no actor holds claim '\(c.id)'", at: loc, hint: "add 'stance ACTOR asserts \(c.id)'"))
                }
            }
        }
        return (graph, warnings)
    }
}

/// Accumulates diagnostics while checking a builder.
struct Validator {
    var diagnostics: [Diagnostic] = []
    var errorCount = 0
    let limit: Int
    /// How many ids the did-you-mean searches may still scan, so that 100 unknown references
    /// in a graph of a million claims stay quick (the first few still get hints).
    var suggestionBudget = 4_000_000

    init(limit: Int) { self.limit = limit }

    mutating func error(_ message: String, _ location: SourceLocation?, hint: String? = nil) {
        errorCount += 1
        if errorCount <= limit { diagnostics.append(Diagnostic(.error, message, at: location, hint: hint)) }
    }

    /// Maps ids to positions, reporting duplicates and malformed ids.
    mutating func index(_ ids: [(String, SourceLocation?)], kind: String) -> [String: Int] {
        var d: [String: Int] = [:]
        d.reserveCapacity(ids.count)
        for (i, (id, loc)) in ids.enumerated() {
            if !Slug.isValid(id) {
                error("'\(id)' is not a valid \(kind) id", loc, hint: "ids use letters, digits, '-', '_' and '.', and start with a letter or digit")
            }
            if let first = d[id] {
                let firstLoc = ids[first].1.map { " (first declared at \($0))" } ?? ""
                error("duplicate \(kind) id '\(id)'\(firstLoc)", loc)
            } else {
                d[id] = i
            }
        }
        return d
    }

    /// Looks an id up, reporting an unknown one with the nearest ids as a hint.
    mutating func resolve(_ id: String, in index: [String: Int], kind: String, at loc: SourceLocation?) -> Int? {
        if let i = index[id] { return i }
        var hint: String?
        if errorCount < limit, suggestionBudget >= index.count {
            suggestionBudget -= index.count
            hint = Suggestions.hint(for: id, in: index.keys)
        }
        error("unknown \(kind) '\(id)'", loc, hint: hint)
        return nil
    }
}

/// The rules for ids.
public enum Slug {
    /// Whether `id` is a valid slug: a letter or digit, then letters, digits, `-`, `_` or `.`.
    public static func isValid(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, isAlnum(first) else { return false }
        return id.unicodeScalars.allSatisfy { isAlnum($0) || $0 == "-" || $0 == "_" || $0 == "." }
    }

    static func isAlnum(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v >= 0x30 && v <= 0x39) || (v | 0x20 >= 0x61 && v | 0x20 <= 0x7A) }
        return s.properties.isAlphabetic
    }
}
