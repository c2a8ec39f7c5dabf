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
        public init(
            actor: String, claim: String, kind: StanceKind = .asserts, document: String? = nil,
            quotes: [Quote] = [], location: SourceLocation? = nil
        ) {
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
            a.actor == b.actor && a.claim == b.claim && a.kind == b.kind && a.document == b.document
                && a.quotes == b.quotes
        }

        /// Hashes the stance's content.
        public func hash(into h: inout Hasher) {
            h.combine(actor); h.combine(claim); h.combine(kind); h.combine(document)
        }
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
        /// The source claim's id; for a linked relation, its first premise.
        public var source: String
        /// The ids of a linked relation's premises after the first; empty for a plain relation.
        public var otherPremises: [String] = []
        /// Where each of `otherPremises` stands, for diagnostics (missing entries fall back to `sourceLocation`).
        public var otherPremiseLocations: [SourceLocation?] = []
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
        public init(
            id: String? = nil, kind: RelationKind, source: String, target: TargetDraft, weight: Double = 1,
            actor: String? = nil, note: String? = nil, location: SourceLocation? = nil
        ) {
            self.id = id
            self.kind = kind
            self.source = source
            self.target = target
            self.weight = weight
            self.actor = actor
            self.note = note
            self.location = location
        }

        /// Creates a draft of a relation whose premises (at least one) hold only together.
        public init(
            id: String? = nil, kind: RelationKind, premises: [String], target: TargetDraft, weight: Double = 1,
            actor: String? = nil, note: String? = nil, location: SourceLocation? = nil
        ) {
            self.init(
                id: id, kind: kind, source: premises.first ?? "", target: target, weight: weight, actor: actor,
                note: note, location: location)
            otherPremises = Array(premises.dropFirst())
        }

        /// Every premise's id, `source` first.
        public var premises: [String] { [source] + otherPremises }

        /// Compares content, not locations.
        public static func == (a: RelationDraft, b: RelationDraft) -> Bool {
            a.id == b.id && a.kind == b.kind && a.source == b.source && a.otherPremises == b.otherPremises
                && a.target == b.target && a.weight == b.weight
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
            StanceDraft(
                actor: graph.actors[s.actor].id, claim: graph.claims[s.claim].id, kind: s.kind,
                document: s.document.map { graph.documents[$0].id }, quotes: s.quotes)
        }
        relations = graph.relations.enumerated().map { i, r in
            let target: TargetDraft
            switch r.target {
            case let .claim(c): target = .claim(graph.claims[c].id)
            case let .relation(t): target = .relation(graph.relations[t].id ?? "#\(t)")
            }
            var draft = RelationDraft(
                id: r.id, kind: r.kind, source: graph.claims[r.source].id, target: target,
                weight: r.weight, actor: r.actor.map { graph.actors[$0].id }, note: r.note)
            draft.otherPremises = r.otherPremises.map { graph.claims[$0].id }
            return draft
        }
    }

    /// Adds a document.
    public mutating func add(_ document: Document, at location: SourceLocation? = nil) {
        documents.append((document, location))
    }
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
        var asm = GraphAssembly()
        var places: [SourceLocation] = []
        func mark(_ l: SourceLocation?) -> Int {
            guard let l else { return -1 }
            places.append(l)
            return places.count - 1
        }
        func table(_ ids: some Collection<String>) -> IdTable {
            var t = IdTable(capacity: ids.count)
            for (i, id) in ids.enumerated() { _ = t.insert(id, value: Int32(i)) }
            return t
        }
        asm.name = name
        asm.title = title
        asm.description = description
        asm.documents = documents.map(\.0)
        asm.documentMarks = documents.map { mark($0.1) }
        asm.documentTable = table(asm.documents.lazy.map(\.id))
        asm.actors = actors.map(\.0)
        asm.actorMarks = actors.map { mark($0.1) }
        asm.actorTable = table(asm.actors.lazy.map(\.id))
        // A tag listed twice is listed once (as the .arg reader does).
        asm.claims = claims.map { c, _ in
            var c = c
            if Set(c.tags).count != c.tags.count {
                var seen = Set<String>()
                c.tags = c.tags.filter { seen.insert($0).inserted }
            }
            return c
        }
        asm.claimMarks = claims.map { mark($0.1) }
        asm.claimTable = table(asm.claims.lazy.map(\.id))
        asm.stances.reserveCapacity(stances.count)
        asm.stanceMarks.reserveCapacity(stances.count)
        for s in stances {
            asm.stances.append(
                Stance(
                    actor: asm.pending(s.actor), claim: asm.pending(s.claim), kind: s.kind,
                    document: s.document.map { asm.pending($0) }, quotes: s.quotes))
            asm.stanceMarks.append(
                .init(
                    declaration: mark(s.location), actor: mark(s.locations.actor),
                    claim: mark(s.locations.claim), document: mark(s.locations.document)))
        }
        asm.relations.reserveCapacity(relations.count)
        asm.reserveRelationMarks(relations.count)
        for (i, r) in relations.enumerated() {
            let target: RelationTarget
            switch r.target {
            case let .claim(t): target = .claim(asm.pending(t))
            case let .relation(t): target = .relation(asm.pending(t))
            }
            var relation = Relation(
                id: r.id, kind: r.kind, source: asm.pending(r.source), target: target,
                weight: r.weight, actor: r.actor.map { asm.pending($0) }, note: r.note)
            if !r.otherPremises.isEmpty {
                relation.otherPremises = r.otherPremises.map { asm.pending($0) }
                asm.otherPremiseMarks[i] = r.otherPremises.indices.map { k in
                    mark(
                        (k < r.otherPremiseLocations.count ? r.otherPremiseLocations[k] : nil) ?? r.sourceLocation
                            ?? r.location)
                }
            }
            asm.relations.append(relation)
            asm.appendRelationMarks(
                .init(
                    source: mark(r.sourceLocation ?? r.location), target: mark(r.targetLocation ?? r.location),
                    extra: Int32(i)))
            asm.relationExtraMarks.append(
                .init(
                    declaration: mark(r.location), actor: mark(r.actorLocation ?? r.location),
                    weight: mark(r.weightLocation ?? r.location)))
            if let id = r.id { _ = asm.relationTable.insert(id, value: Int32(i)) }
        }
        let spelling = spellingErrors()
        let built: (graph: Graph, lint: [UInt32])
        do {
            built = try asm.assemble(errorLimit: errorLimit, lint: lint) { $0 >= 0 ? places[$0] : nil }
        } catch {
            throw DiagnosticError(Array((spelling.diagnostics + error.diagnostics).prefix(errorLimit)))
        }
        if spelling.errorCount > 0 { throw DiagnosticError(spelling.diagnostics) }
        let claimMarks = asm.claimMarks
        let warnings = built.lint.map { r in
            let m = claimMarks[Int(r >> 1)]
            return GraphAssembly.lintDiagnostic(Int(r), claims: built.graph.claims, at: m >= 0 ? places[m] : nil)
        }
        return (built.graph, warnings)
    }
}

extension GraphBuilder {
    /// What the .arg form cannot spell is an error here too, so that every graph built can be
    /// saved as .arg and read back (JSON and the other readers come through this builder).
    func spellingErrors() -> Validator {
        var v = Validator(limit: errorLimit)
        func blank(_ s: String?) -> Bool { s.map { $0.allSatisfy(\.isWhitespace) } ?? false }
        if let name, !Slug.isValid(name) { v.error("'\(name)' is not a valid graph id", nil) }
        if blank(title) { v.error("the graph's title is empty", nil) }
        if blank(description) { v.error("the graph's description is empty", nil) }
        // Empty titles and names are the assembly's to report; white space alone is reported here.
        for (d, loc) in documents {
            if !d.title.isEmpty, blank(d.title) {
                v.error("document '\(d.id)' has no title", loc, hint: "add a line '  title: ...'")
            }
            for (key, value) in [("publisher", d.publisher), ("url", d.url), ("file", d.file)] where blank(value) {
                v.error("property '\(key)' of document '\(d.id)' is empty", loc)
            }
        }
        for (a, loc) in actors {
            if !a.name.isEmpty, blank(a.name) { v.error("actor '\(a.id)' has an empty name", loc) }
            for (key, value) in [("affiliation", a.affiliation), ("role", a.role)] where blank(value) {
                v.error("property '\(key)' of actor '\(a.id)' is empty", loc)
            }
        }
        for (c, loc) in claims {
            for t in c.tags where !Slug.isValid(t) {
                v.error(
                    "invalid tag '\(t)' on claim '\(c.id)'", loc,
                    hint: "tags are slugs: letters, digits, '-', '_' and '.'")
            }
        }
        for r in relations where blank(r.note) { v.error("the relation's note is empty", r.location) }
        return v
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
}

/// The rules for ids.
public enum Slug {
    /// Whether `id` is a valid slug: a letter or digit, then letters, digits, `-`, `_` or `.`.
    public static func isValid(_ id: String) -> Bool {
        // Fast path: ASCII ids decide on their bytes.
        var ascii = true, valid = true, first = true
        for b in id.utf8 {
            if b >= 0x80 { ascii = false; break }
            let alnum = (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A)
            if first ? !alnum : !(alnum || b == 0x2D || b == 0x5F || b == 0x2E) { valid = false }
            first = false
        }
        if ascii { return valid && !first }
        guard let first = id.unicodeScalars.first, isAlnum(first) else { return false }
        return id.unicodeScalars.allSatisfy { isAlnum($0) || $0 == "-" || $0 == "_" || $0 == "." }
    }

    package static func isAlnum(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v >= 0x30 && v <= 0x39) || (v | 0x20 >= 0x61 && v | 0x20 <= 0x7A) }
        return s.properties.isAlphabetic
    }
}
