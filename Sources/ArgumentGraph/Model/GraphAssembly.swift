import ArgumentGraphText

/// Entities gathered by a reader or a builder, their references resolved to indices where already
/// known and pending by name otherwise, checked and turned into a ``Graph`` in one pass.
///
/// Places are opaque marks (`-1` for none) that a `locate` function turns into ``SourceLocation``s
/// only when a diagnostic needs one, so that no location is built for input without errors.
/// A pending reference is stored as a negative index, `-2 - n`, where `names[n]` is the id.
package struct GraphAssembly {
    /// Where a stance's parts stand.
    package struct StanceMarks {
        package var declaration: Int
        package var actor: Int
        package var claim: Int
        package var document: Int

        package init(declaration: Int, actor: Int, claim: Int, document: Int) {
            self.declaration = declaration; self.actor = actor; self.claim = claim; self.document = document
        }
    }

    /// Where a relation's endpoints stand; `extra` indexes `relationExtraMarks`, or is -1 when the
    /// declaration, actor and weight marks are all the source's mark.
    package struct RelationMarks {
        package var source: Int
        package var target: Int
        package var extra: Int32 = -1

        package init(source: Int, target: Int, extra: Int32 = -1) {
            self.source = source; self.target = target; self.extra = extra
        }
    }

    /// ``RelationMarks`` as stored: 12 bytes, not 24 (36 MB less for a file of 3·10^6 relations, at a read's peak of
    /// memory). Marks of -1 to 2^31 - 1 (a byte offset in a file of up to 2 GB) are kept here; otherwise `source`
    /// is `Int32.min` and both marks are in ``GraphAssembly/wideRelationMarks``.
    package struct PackedRelationMarks {
        @usableFromInline var source: Int32
        @usableFromInline var target: Int32
        @usableFromInline var extra: Int32

        @inlinable init(source: Int32, target: Int32, extra: Int32) {
            self.source = source; self.target = target; self.extra = extra
        }
    }

    /// Where a relation's header, actor and weight stand.
    package struct ExtraMarks {
        package var declaration: Int
        package var actor: Int
        package var weight: Int

        package init(declaration: Int, actor: Int, weight: Int) {
            self.declaration = declaration; self.actor = actor; self.weight = weight
        }
    }

    package var name: String?
    package var title: String?
    package var description: String?
    package var documents: [Document] = []
    package var documentMarks: [Int] = []
    package var actors: [Actor] = []
    package var actorMarks: [Int] = []
    package var claims: [Claim] = []
    package var claimMarks: [Int] = []
    package var stances: [Stance] = []
    package var stanceMarks: [StanceMarks] = []
    package var relations: [Relation] = []
    /// Each relation's marks (see ``appendRelationMarks(_:)`` and ``relationMarks(_:)``).
    package var packedRelationMarks: [PackedRelationMarks] = []
    /// The marks that do not fit in 32 bits, by relation index.
    @usableFromInline var wideRelationMarks: [Int: RelationMarks] = [:]
    package var relationExtraMarks: [ExtraMarks] = []
    /// For linked relations only: relation index to the marks of its premises after the first (as `otherPremises`).
    package var otherPremiseMarks: [Int: [Int]] = [:]
    /// The ids of pending references.
    package var names: [String] = []
    /// Ids to positions, the first declaration winning.
    package var documentTable = IdTable()
    package var actorTable = IdTable()
    package var claimTable = IdTable()
    /// Relation ids to relation positions, the first declaration winning.
    package var relationTable = IdTable()

    /// An empty assembly.
    package init() {}

    /// A pending reference to `id`.
    package mutating func pending(_ id: String) -> Int {
        names.append(id)
        return -1 - names.count
    }

    /// A reference held as the byte range of its id in the source, to be looked up in one pass at the end
    /// (a tight loop of independent lookups runs several times faster than lookups spread over the parse).
    @inlinable
    package static func spanReference(offset: Int, length: Int) -> Int? {
        guard length < 1 << 22, offset < 1 << 40 else { return nil }
        return Int.min + (length << 40) + offset
    }

    /// Whether a reference is a byte range (see ``spanReference(offset:length:)``).
    @inlinable @inline(__always)
    package static func isSpan(_ r: Int) -> Bool { r < Int.min / 2 }

    /// The offset and length of a byte-range reference.
    @inlinable @inline(__always)
    package static func span(_ r: Int) -> (offset: Int, length: Int) {
        let v = r - Int.min
        return (v & ((1 << 40) - 1), v >> 40)
    }

    /// Stores the marks of the next relation.
    @inlinable
    package mutating func appendRelationMarks(_ m: RelationMarks) {
        if let s = Int32(exactly: m.source), let t = Int32(exactly: m.target), s != .min {
            packedRelationMarks.append(PackedRelationMarks(source: s, target: t, extra: m.extra))
        } else {
            wideRelationMarks[packedRelationMarks.count] = m
            packedRelationMarks.append(PackedRelationMarks(source: .min, target: 0, extra: m.extra))
        }
    }

    /// The marks of relation `i`.
    package func relationMarks(_ i: Int) -> RelationMarks {
        let p = packedRelationMarks[i]
        if p.source == .min, let wide = wideRelationMarks[i] { return wide }
        return RelationMarks(source: Int(p.source), target: Int(p.target), extra: p.extra)
    }

    /// Makes room for `n` more relations' marks, on 2 MB pages where the kernel gives them.
    package mutating func reserveRelationMarks(_ n: Int) {
        packedRelationMarks.reserveCapacity(packedRelationMarks.count + n)
        HugePages.advise(reservedIn: &packedRelationMarks)
    }

    /// The declaration, actor and weight marks of relation `i`.
    package func extraMarks(_ i: Int) -> ExtraMarks {
        let m = relationMarks(i)
        if m.extra < 0 { return ExtraMarks(declaration: m.source, actor: m.source, weight: m.source) }
        return relationExtraMarks[Int(m.extra)]
    }

    /// Checks every entity and reference, in the order ``GraphBuilder/build()`` always has, and
    /// returns the graph with its warnings, or throws every error found.
    /// `beforeIndexing` is given the lint records once everything is checked, before the graph's indexes are built
    /// (the peak of memory), so that a reader can place the warnings and free its source first.
    package mutating func assemble(
        errorLimit: Int, lint: Bool,
        locate: (Int) -> SourceLocation?,
        beforeIndexing: ([UInt32]) -> Void = { _ in }
    ) throws(DiagnosticError) -> (graph: Graph, lint: [UInt32]) {
        var v = Validator(limit: errorLimit)
        func checkIds(_ count: Int, _ id: (Int) -> String?, _ mark: (Int) -> Int, _ table: IdTable, _ kind: String) {
            // As many distinct ids in the table as entities with ids: there is no duplicate to look for. Ids are
            // counted and checked in one pass; a second one, to report in order, runs only when something is wrong.
            var withIds = 0, allValid = true
            for i in 0..<count {
                guard let id = id(i) else { continue }
                withIds += 1
                if allValid && !Slug.isValid(id) { allValid = false }
            }
            let distinct = table.count == withIds
            if distinct && allValid { return }
            for i in 0..<count {
                guard let id = id(i) else { continue }
                if !Slug.isValid(id) {
                    v.error(
                        "'\(id)' is not a valid \(kind) id", locate(mark(i)),
                        hint: "ids use letters, digits, '-', '_' and '.', and start with a letter or digit")
                }
                if !distinct, let first = table[id], first != i {
                    let firstLoc = locate(mark(first)).map { " (first declared at \($0))" } ?? ""
                    v.error("duplicate \(kind) id '\(id)'\(firstLoc)", locate(mark(i)))
                }
            }
        }
        checkIds(documents.count, { documents[$0].id }, { documentMarks[$0] }, documentTable, "document")
        checkIds(actors.count, { actors[$0].id }, { actorMarks[$0] }, actorTable, "actor")
        checkIds(claims.count, { claims[$0].id }, { claimMarks[$0] }, claimTable, "claim")
        checkIds(relations.count, { relations[$0].id }, { extraMarks($0).declaration }, relationTable, "relation")

        for (i, d) in documents.enumerated() where d.title.isEmpty {
            v.error("document '\(d.id)' has no title", locate(documentMarks[i]), hint: "add a line '  title: ...'")
        }
        for (i, a) in actors.enumerated() {
            if let c = a.credibility, !(0...1).contains(c) || c.isNaN {
                v.error("credibility \(c) of actor '\(a.id)' is outside [0, 1]", locate(actorMarks[i]))
            }
            if a.name.isEmpty { v.error("actor '\(a.id)' has an empty name", locate(actorMarks[i])) }
        }
        for (i, c) in claims.enumerated() {
            if c.hasBlankText {
                v.error(
                    "claim '\(c.id)' has empty text", locate(claimMarks[i]),
                    hint: "write the claim after the id: 'claim \(c.id): ...'")
            }
            if let b = c.base, !(0...1).contains(b) || b.isNaN {
                v.error("base score \(b) of claim '\(c.id)' is outside [0, 1]", locate(claimMarks[i]))
            }
        }

        func resolve(_ ref: Int, _ table: IdTable, _ kind: String, _ mark: Int) -> Int? {
            if ref >= 0 { return ref }
            let id = names[-2 - ref]
            if let i = table[id] { return i }
            let hint = v.errorCount < v.limit ? Suggestions.hint(for: id, in: table.keys) : nil
            v.error("unknown \(kind) '\(id)'", locate(mark), hint: hint)
            return nil
        }

        // The premises after the first of linked relation `i`, reporting an empty, unknown or repeated one.
        func resolveOtherPremises(_ i: Int, first: Int?) -> [Int] {
            let marks = otherPremiseMarks[i] ?? []
            var seen: [Int] = first.map { [$0] } ?? []
            var out: [Int] = []
            for (k, ref) in relations[i].otherPremises.enumerated() {
                let mark = k < marks.count ? marks[k] : relationMarks(i).source
                if ref < -1, -2 - ref < names.count, names[-2 - ref].isEmpty {
                    v.error(
                        "empty premise in a linked relation", locate(mark),
                        hint: "join premise ids with ' + ': 'a + b -> c'")
                    continue
                }
                guard let p = resolve(ref, claimTable, "claim", mark) else { continue }
                if seen.contains(p) {
                    v.error(
                        "premise '\(claims[p].id)' is repeated in the relation", locate(mark),
                        hint: "list each premise once")
                }
                seen.append(p)
                out.append(p)
            }
            return out
        }

        // Lint (see below): per claim, bit 0 when a relation starts from it, ends at it or has it as a premise, bit 1
        // when held; marked as the references are resolved, and used only when no error is found.
        var seen = [UInt8](repeating: 0, count: lint ? claims.count : 0)
        for k in stances.indices {
            let s = stances[k], m = stanceMarks[k]
            let a = resolve(s.actor, actorTable, "actor", m.actor)
            let c = resolve(s.claim, claimTable, "claim", m.claim)
            var d: Int?
            if let doc = s.document { d = resolve(doc, documentTable, "document", m.document) }
            for q in s.quotes where isBlank(q.text) { v.error("empty quote", locate(m.declaration)) }
            if v.errorCount == 0, let a, let c {
                stances[k].actor = a
                stances[k].claim = c
                stances[k].document = d
                if lint { seen[c] |= 2 }
            }
        }
        for i in relations.indices {
            let m = relationMarks(i)
            // Fields are read one by one: binding the whole relation would copy (retain and release) its strings.
            let kind = relations[i].kind
            let src = resolve(relations[i].source, claimTable, "claim", m.source)
            var others: [Int] = []
            if !relations[i].otherPremises.isEmpty {
                others = resolveOtherPremises(i, first: src)
            }
            var target: RelationTarget?
            switch relations[i].target {
            case let .claim(t):
                if let tc = resolve(t, claimTable, "claim", m.target) {
                    target = .claim(tc)
                    if tc == src {
                        v.error(
                            "claim '\(t < 0 ? names[-2 - t] : claims[tc].id)' cannot \(kind.rawValue) itself",
                            locate(m.target))
                    }
                    if let k = others.firstIndex(of: tc) {
                        v.error(
                            "claim '\(claims[tc].id)' is both a premise and the conclusion of the relation",
                            locate(otherPremiseMarks[i]?[k] ?? m.target),
                            hint: "a premise cannot \(kind.rawValue) itself")
                    }
                }
            case let .relation(t):
                if kind == .support {
                    v.error(
                        "a support must target a claim, not a relation", locate(m.target),
                        hint: "use 'undercut' to attack a relation")
                } else if let tr = resolve(t, relationTable, "relation", m.target) {
                    target = .relation(tr)
                    if tr == i {
                        v.error(
                            "relation '\(t < 0 ? names[-2 - t] : relations[tr].id ?? "")' cannot undercut itself",
                            locate(m.target))
                    }
                }
            }
            if !(0...1).contains(relations[i].weight) || relations[i].weight.isNaN {
                v.error("weight \(relations[i].weight) is outside [0, 1]", locate(extraMarks(i).weight))
            }
            var actor: Int?
            if let a = relations[i].actor { actor = resolve(a, actorTable, "actor", extraMarks(i).actor) }
            if v.errorCount == 0, let src, let target {
                // Written only when changed: most references come resolved, and setting the actor remakes the box.
                if src != relations[i].source { relations[i].source = src }
                if !others.isEmpty { relations[i].otherPremises = others }
                if target != relations[i].target { relations[i].target = target }
                if actor != relations[i].actor { relations[i].actor = actor }
                if lint {
                    seen[src] |= 1
                    for p in others { seen[p] |= 1 }
                    if case let .claim(t) = target { seen[t] |= 1 }
                }
            }
        }
        if v.errorCount > 0 { throw DiagnosticError(v.diagnostics) }
        // Every error is reported by now, so the relations' and stances' marks are freed before the indexes are
        // built, at a read's peak of memory (72 MB for 3·10^6 relations); the claims' marks stay, for the warnings.
        packedRelationMarks = []
        wideRelationMarks = [:]
        relationExtraMarks = []
        stanceMarks = []
        otherPremiseMarks = [:]

        // Lint records (see ``lintDiagnostic(_:claims:at:)``), made into diagnostics by the caller: found before the
        // indexes are built, from the relations and stances, so that the caller can place them and free its source.
        // 32-bit (claim numbers are below 2^31) and counted first: a graph whose million claims no actor holds keeps
        // 4 MB of records, not up to 16.
        var records: [UInt32] = []
        if lint {
            let many = claims.count > 1
            func isolated(_ i: Int) -> Bool { seen[i] & 1 == 0 && many }
            func unheld(_ i: Int) -> Bool { seen[i] & 2 == 0 }
            records.reserveCapacity(claims.indices.reduce(0) { $0 + (isolated($1) ? 1 : 0) + (unheld($1) ? 1 : 0) })
            for i in claims.indices {
                if isolated(i) { records.append(UInt32(2 * i)) }
                if unheld(i) { records.append(UInt32(2 * i + 1)) }
            }
        }
        beforeIndexing(records)
        let graph = Graph(
            name: name, title: title, description: description, documents: documents, actors: actors,
            claims: claims, stances: stances, relations: relations, documentIndex: documentTable,
            actorIndex: actorTable, claimIndex: claimTable, relationIndex: relationTable)
        return (graph, records)
    }

    /// The warning a lint record stands for: claim `record >> 1` is isolated (low bit 0) or held by no actor (1).
    package static func lintDiagnostic(_ record: Int, claims: [Claim], at loc: SourceLocation?) -> Diagnostic {
        let id = claims[record >> 1].id
        if record & 1 == 0 {
            return Diagnostic(
                .warning, "claim '\(id)' is isolated: no relation supports, attacks or starts from it", at: loc)
        }
        return Diagnostic(.warning, "no actor holds claim '\(id)'", at: loc, hint: "add 'stance ACTOR asserts \(id)'")
    }
}

/// Whether every character of `text` is whitespace (true for the empty text); quick for text that starts with a visible ASCII character.
@inlinable @inline(__always)
package func isBlank(_ text: String) -> Bool {
    mayBeBlank(firstByte: text.utf8.first) && text.allSatisfy(\.isWhitespace)
}

/// Whether a text whose UTF-8 starts with `b` can be blank: not when `b` is ASCII other than a space or a control
/// from tab to carriage return (most texts are decided so, without a look at their characters).
@inlinable @inline(__always)
package func mayBeBlank(firstByte b: UInt8?) -> Bool {
    guard let b, b < 0x80 else { return true }
    return b == 0x20 || (0x09...0x0D).contains(b)
}
