import ArgumentGraphModel
import Foundation

/// The native JSON form of a graph: lossless, with references written as ids so a person can read it.
///
/// `GraphJSON.decode(GraphJSON.encode(g)) == g` for every graph.
public struct GraphJSON: Codable, Sendable, Hashable {
    /// The format's version; readers reject a newer major version.
    public var format: String = "argraph/1"
    /// The graph's slug.
    public var name: String?
    /// The graph's title.
    public var title: String?
    /// The graph's description.
    public var description: String?
    /// The documents.
    public var documents: [Document]
    /// The actors.
    public var actors: [Actor]
    /// The claims.
    public var claims: [Claim]
    /// The stances, with ids for references.
    public var stances: [StanceJSON]
    /// The relations, with ids for references.
    public var relations: [RelationJSON]

    /// A stance with its references as ids.
    public struct StanceJSON: Codable, Sendable, Hashable {
        /// The actor's id.
        public var actor: String
        /// `asserts` or `denies`.
        public var stance: StanceKind
        /// The claim's id.
        public var claim: String
        /// The document's id.
        public var document: String?
        /// The quotes.
        public var quotes: [Quote]?
    }

    /// A relation with its references as ids.
    public struct RelationJSON: Codable, Sendable, Hashable {
        /// The relation's id.
        public var id: String?
        /// `support` or `attack`.
        public var kind: RelationKind
        /// The source claim's id; for a linked relation, its first premise.
        public var from: String
        /// A linked relation's premises after the first (nil for a plain relation). In the file, `from` is then a
        /// list of every premise, `"from": ["a", "b"]`; a plain relation's `from` stays a string.
        public var otherPremises: [String]? = nil
        /// The target claim's id (absent for an undercut).
        public var to: String?
        /// The target relation's id (an undercut).
        public var toRelation: String?
        /// The weight (1 when absent).
        public var weight: Double?
        /// The actor who draws the link.
        public var by: String?
        /// A note.
        public var note: String?
    }

    enum CodingKeys: String, CodingKey {
        case format, name, title, description, documents, actors, claims, stances, relations
    }

    /// Decodes the JSON form; `format` and empty arrays may be left out.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        format = try c.decodeIfPresent(String.self, forKey: .format) ?? "argraph/1"
        name = try c.decodeIfPresent(String.self, forKey: .name)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        description = try c.decodeIfPresent(String.self, forKey: .description)
        documents = try c.decodeIfPresent([Document].self, forKey: .documents) ?? []
        actors = try c.decodeIfPresent([Actor].self, forKey: .actors) ?? []
        claims = try c.decodeIfPresent([Claim].self, forKey: .claims) ?? []
        stances = try c.decodeIfPresent([StanceJSON].self, forKey: .stances) ?? []
        relations = try c.decodeIfPresent([RelationJSON].self, forKey: .relations) ?? []
    }

    /// The JSON form of `graph`.
    public init(_ graph: Graph) {
        name = graph.name
        title = graph.title
        description = graph.description
        documents = graph.documents
        actors = graph.actors
        claims = graph.claims
        stances = graph.stances.map { s in
            StanceJSON(
                actor: graph.actors[s.actor].id, stance: s.kind, claim: graph.claims[s.claim].id,
                document: s.document.map { graph.documents[$0].id }, quotes: s.quotes.isEmpty ? nil : s.quotes)
        }
        relations = graph.relations.map { r in
            var j = RelationJSON(
                id: r.id, kind: r.kind, from: graph.claims[r.source].id,
                weight: r.weight == 1 ? nil : r.weight, by: r.actor.map { graph.actors[$0].id }, note: r.note)
            if r.isLinked { j.otherPremises = r.otherPremises.map { graph.claims[$0].id } }
            switch r.target {
            case let .claim(c): j.to = graph.claims[c].id
            case let .relation(t): j.toRelation = graph.relations[t].id ?? "#\(t)"
            }
            return j
        }
    }

    /// Checks the references and builds the graph, or throws every error found.
    public func graph() throws(DiagnosticError) -> Graph {
        guard format.hasPrefix("argraph/1") else {
            throw DiagnosticError([
                Diagnostic(.error, "unsupported format '\(format)'", hint: "this argraph reads 'argraph/1'")
            ])
        }
        var b = GraphBuilder()
        b.lint = false
        b.name = name
        b.title = title
        b.description = description
        for d in documents { b.add(d) }
        for a in actors { b.add(a) }
        for c in claims { b.add(c) }
        for s in stances {
            b.add(
                GraphBuilder.StanceDraft(
                    actor: s.actor, claim: s.claim, kind: s.stance, document: s.document, quotes: s.quotes ?? []))
        }
        for (i, r) in relations.enumerated() {
            let target: GraphBuilder.TargetDraft
            switch (r.to, r.toRelation) {
            case let (to?, nil): target = .claim(to)
            case let (nil, rel?): target = .relation(rel)
            default:
                throw DiagnosticError([
                    Diagnostic(.error, "relation \(i) must have exactly one of 'to' and 'toRelation'")
                ])
            }
            var draft = GraphBuilder.RelationDraft(
                id: r.id, kind: r.kind, source: r.from, target: target,
                weight: r.weight ?? 1, actor: r.by, note: r.note)
            draft.otherPremises = r.otherPremises ?? []
            b.add(draft)
        }
        return try b.build().graph
    }

    /// Encodes a graph as pretty-printed JSON with sorted keys.
    public static func encode(_ graph: Graph) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain values cannot fail.
        return (try? encoder.encode(GraphJSON(graph))) ?? Data()
    }

    /// Decodes a graph from JSON, with a clear error for malformed input or bad references.
    public static func decode(_ data: Data, file: String = "<input>") throws(DiagnosticError) -> Graph {
        let json: GraphJSON
        do {
            json = try JSONDecoder().decode(GraphJSON.self, from: data)
        } catch let error as DecodingError {
            throw DiagnosticError([Diagnostic(.error, "\(file): invalid argraph JSON: \(describe(error))")])
        } catch {
            throw DiagnosticError([Diagnostic(.error, "\(file): invalid JSON: \(error.localizedDescription)")])
        }
        return try json.graph()
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ c: DecodingError.Context) -> String {
            let p = c.codingPath.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined()
            return p.isEmpty ? "" : " at \(p.hasPrefix(".") ? String(p.dropFirst()) : p)"
        }
        switch error {
        case let .keyNotFound(key, c): return "missing key '\(key.stringValue)'\(path(c))"
        case let .typeMismatch(_, c): return "\(c.debugDescription)\(path(c))"
        case let .valueNotFound(_, c): return "missing value\(path(c))"
        case let .dataCorrupted(c):
            if let underlying = c.underlyingError as NSError? {
                return "\(underlying.userInfo[NSDebugDescriptionErrorKey] ?? c.debugDescription)\(path(c))"
            }
            return "\(c.debugDescription)\(path(c))"
        @unknown default: return "\(error)"
        }
    }
}

extension GraphJSON.RelationJSON {
    enum CodingKeys: String, CodingKey { case id, kind, from, to, toRelation, weight, by, note }

    /// Decodes a relation whose `from` is one id or a list of premise ids (a linked relation).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(String.self, forKey: .id)
        kind = try c.decode(RelationKind.self, forKey: .kind)
        if let one = try? c.decode(String.self, forKey: .from) {
            from = one
        } else {
            let all = try c.decode([String].self, forKey: .from)
            guard let first = all.first else {
                throw DecodingError.dataCorruptedError(
                    forKey: .from, in: c, debugDescription: "'from' lists no premise")
            }
            from = first
            otherPremises = all.count > 1 ? Array(all.dropFirst()) : nil
        }
        to = try c.decodeIfPresent(String.self, forKey: .to)
        toRelation = try c.decodeIfPresent(String.self, forKey: .toRelation)
        weight = try c.decodeIfPresent(Double.self, forKey: .weight)
        by = try c.decodeIfPresent(String.self, forKey: .by)
        note = try c.decodeIfPresent(String.self, forKey: .note)
    }

    /// Encodes `from` as a string, or as the list of premises for a linked relation.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(id, forKey: .id)
        try c.encode(kind, forKey: .kind)
        if let otherPremises, !otherPremises.isEmpty {
            try c.encode([from] + otherPremises, forKey: .from)
        } else {
            try c.encode(from, forKey: .from)
        }
        try c.encodeIfPresent(to, forKey: .to)
        try c.encodeIfPresent(toRelation, forKey: .toRelation)
        try c.encodeIfPresent(weight, forKey: .weight)
        try c.encodeIfPresent(by, forKey: .by)
        try c.encodeIfPresent(note, forKey: .note)
    }
}
