import ArgumentGraphModel
import ArgumentGraphText
import Foundation

// The declaration lines of `.arg`: keywords, ids, relation headers (see ArgParser.swift for the state).
extension ArgParser {
    /// The declaration keywords.
    enum Keyword: String {
        case graph, document, actor, claim, evidence, proposal, stance, support, attack, undercut

        init?(_ b: Bytes) {
            func eq(_ s: StaticString) -> Bool {
                guard s.utf8CodeUnitCount == b.count else { return false }
                return b.withBuffer { memcmp($0.baseAddress!, s.utf8Start, b.count) == 0 }
            }
            switch b.first {
            case UInt8(ascii: "s"):
                if eq("support") { self = .support } else if eq("stance") { self = .stance } else { return nil }
            case UInt8(ascii: "c"): if eq("claim") { self = .claim } else { return nil }
            case UInt8(ascii: "a"):
                if eq("attack") { self = .attack } else if eq("actor") { self = .actor } else { return nil }
            case UInt8(ascii: "e"): if eq("evidence") { self = .evidence } else { return nil }
            case UInt8(ascii: "p"): if eq("proposal") { self = .proposal } else { return nil }
            case UInt8(ascii: "u"): if eq("undercut") { self = .undercut } else { return nil }
            case UInt8(ascii: "d"): if eq("document") { self = .document } else { return nil }
            case UInt8(ascii: "g"): if eq("graph") { self = .graph } else { return nil }
            default: return nil
            }
        }
    }

    /// The id tables a reference can name.
    enum Table { case document, actor, claim, relation }

    /// A reference to the entity of `table` spelled by these bytes: its index when already declared, else pending by name.
    /// Claims are looked up a batch at a time (see ``indexAndResolve(final:)``).
    mutating func reference(_ b: Bytes, in table: Table) -> Int {
        reference(from: b.startIndex, to: b.endIndex, in: table)
    }

    /// A reference to the entity of `table` spelled by `bytes[start..<end]`.
    mutating func reference(from start: Int, to end: Int, in table: Table) -> Int {
        if table == .claim, let r = GraphAssembly.spanReference(offset: start, length: end - start) { return r }
        let found = bytes.withUnsafeBytes { raw -> Int32? in
            let key = UnsafeRawBufferPointer(rebasing: raw[start..<end])
            switch table {
            case .document: return assembly.documentTable.findExact(key)
            case .actor: return assembly.actorTable.findExact(key)
            case .claim: return assembly.claimTable.findExact(key)
            case .relation: return assembly.relationTable.findExact(key)
            }
        }
        if let found { return Int(found) }
        return assembly.pending(String(decoding: bytes[start..<end], as: UTF8.self))
    }

    mutating func startDeclaration(line: Bytes, number: Int) {
        var tokens = Tokenizer(line)
        guard let keyword = tokens.next() else { return }
        beginPending(at: line.startIndex, number: number)
        guard let kw = Keyword(keyword.bytes) else {
            let kw = keyword.string
            error(
                "unknown declaration '\(kw)'", line: number, byteColumn: 0, lineBytes: line,
                hint: Suggestions.hint(
                    for: kw,
                    in: [
                        "graph", "document", "actor", "claim", "evidence", "proposal", "stance", "support", "attack",
                        "undercut",
                    ])
                    ?? (kw.hasSuffix(":") ? "properties must be indented under a declaration" : nil))
            current = nil
            return
        }

        switch kw {
        case .graph:
            if seenGraphHeader {
                error(
                    "a second 'graph' header", line: number, byteColumn: 0, lineBytes: line,
                    hint: "a file declares at most one graph")
            }
            seenGraphHeader = true
            var name: String?
            if let t = tokens.next() {
                name = t.string
                // The writer prints the name as it is, so it must be a slug for the file to read back the same
                // (a name of carriage returns would become a line ending); the other readers check the same rule.
                if !Slug.isValid(t.string) {
                    error(
                        "'\(t.string)' is not a valid graph id", line: number, byteColumn: t.offset, lineBytes: line,
                        hint: "ids use letters, digits, '-', '_' and '.', and start with a letter or digit")
                }
            }
            if let extra = tokens.next() {
                error(
                    "unexpected '\(extra.string)' after the graph id", line: number, byteColumn: extra.offset,
                    lineBytes: line)
            }
            current = .graph(name: name, title: nil, description: nil)
        case .document, .actor:
            let kw = kw.rawValue
            guard let t = tokens.next() else {
                error(
                    "missing \(kw) id", line: number, byteColumn: line.count, lineBytes: line, hint: "write '\(kw) ID'")
                current = nil
                return
            }
            if let extra = tokens.next() {
                error(
                    "unexpected '\(extra.string)' after the \(kw) id", line: number, byteColumn: extra.offset,
                    lineBytes: line,
                    hint: "properties go on indented lines below")
            }
            current = kw == "document" ? .document(Document(id: t.string, title: "")) : .actor(Actor(id: t.string))
            pendingMark = t.bytes.startIndex
        case .claim, .evidence, .proposal:
            let kind: ClaimKind = kw == .claim ? .claim : kw == .evidence ? .evidence : .proposal
            // claim ID[: TEXT]
            let rest = line[tokens.position...]
            var j = rest.startIndex
            while j < rest.endIndex, rest[j] == 0x20 || rest[j] == 0x09 { j += 1 }
            let idStart = j
            while j < rest.endIndex, rest[j] != UInt8(ascii: ":"), rest[j] != 0x20, rest[j] != 0x09 { j += 1 }
            if idStart == j {
                error(
                    "missing claim id", line: number, byteColumn: idStart - line.startIndex, lineBytes: line,
                    hint: "write '\(kw.rawValue) ID: TEXT'")
                current = nil
                return
            }
            let id = rest[idStart..<j].string
            while j < rest.endIndex, rest[j] == 0x20 || rest[j] == 0x09 { j += 1 }
            var text = ClaimText.owned("")
            var hasText = false
            if j < rest.endIndex {
                if rest[j] == UInt8(ascii: ":") {
                    let value = trimmed(rest[(j + 1)...])
                    if !value.isEmpty {
                        text = value.withBuffer { texts.store($0) }
                        hasText = true
                        pendingKeys |= PropertyKey.textBit
                    }
                } else {
                    error(
                        "expected ':' after the claim id", line: number, byteColumn: j - line.startIndex,
                        lineBytes: line,
                        hint: "write '\(kw.rawValue) \(id): TEXT'")
                }
            }
            if fastPaths, hasText, noPropertiesFollow(line) {
                // Appended at once, as finishing the declaration would append it. No declaration is left pending, so
                // `handle` skips indented lines until the next declaration: there are none.
                appendSpan(.claim, index: assembly.claims.count, number: number)
                appendClaim(
                    Claim(id: id, storedText: text, kind: kind), mark: idStart, line: number,
                    lineStart: line.startIndex)
                current = nil
                return
            }
            claimDraft = Claim(id: id, storedText: text, kind: kind)
            claimTextMark = j
            claimTextLine = number
            current = .claim
            pendingMark = idStart
        case .stance:
            words.removeAll(keepingCapacity: true)
            tokens.all(into: &words)
            let parts = words
            guard parts.count >= 3 else {
                error(
                    "incomplete stance", line: number, byteColumn: line.count, lineBytes: line,
                    hint: "write 'stance ACTOR asserts|denies CLAIM [in DOCUMENT]'")
                current = nil
                return
            }
            let verb: StanceKind
            if parts[1].is("asserts") {
                verb = .asserts
            } else if parts[1].is("denies") {
                verb = .denies
            } else {
                error(
                    "unknown stance '\(parts[1].string)'", line: number, byteColumn: parts[1].offset, lineBytes: line,
                    hint: Suggestions.hint(for: parts[1].string, in: ["asserts", "denies"])
                        ?? "use 'asserts' or 'denies'")
                current = nil
                return
            }
            let actorMark = parts[0].bytes.startIndex
            var marks = GraphAssembly.StanceMarks(
                declaration: actorMark, actor: actorMark, claim: parts[2].bytes.startIndex, document: -1)
            var stance = Stance(
                actor: reference(parts[0].bytes, in: .actor), claim: reference(parts[2].bytes, in: .claim), kind: verb)
            if parts.count > 3 {
                if !parts[3].is("in") {
                    error(
                        "expected 'in DOCUMENT' after the claim", line: number, byteColumn: parts[3].offset,
                        lineBytes: line)
                } else if parts.count < 5 {
                    error("missing document id after 'in'", line: number, byteColumn: line.count, lineBytes: line)
                } else {
                    stance.document = reference(parts[4].bytes, in: .document)
                    marks.document = parts[4].bytes.startIndex
                    if parts.count > 5 {
                        error(
                            "unexpected '\(parts[5].string)' after the document", line: number,
                            byteColumn: parts[5].offset, lineBytes: line)
                    }
                }
            }
            current = .stance(stance, marks)
        case .support, .attack, .undercut:
            parseRelationHeader(keyword: kw, line: line, number: number, after: tokens.position)
        }
        appendSpan(spanKind(current), index: 0, number: number)
    }

    func spanKind(_ p: Pending?) -> DeclarationSpan.Kind {
        switch p {
        case .graph, nil: .graph
        case .document: .document
        case .actor: .actor
        case .claim: .claim
        case .stance: .stance
        case .relation: .relation
        }
    }

    /// The first four whitespace-separated words of a range of the file (as byte ranges), and how many words there are.
    struct FirstWords {
        var count = 0
        var starts: (Int, Int, Int, Int) = (0, 0, 0, 0)
        var ends: (Int, Int, Int, Int) = (0, 0, 0, 0)

        init(_ p: UnsafeBufferPointer<UInt8>, from: Int, to: Int) {
            var i = from
            while true {
                while i < to, p[i] == 0x20 || p[i] == 0x09 { i += 1 }
                if i >= to { return }
                let s = i
                while i < to, p[i] != 0x20, p[i] != 0x09 { i += 1 }
                switch count {
                case 0: starts.0 = s; ends.0 = i
                case 1: starts.1 = s; ends.1 = i
                case 2: starts.2 = s; ends.2 = i
                case 3: starts.3 = s; ends.3 = i
                default: break
                }
                count += 1
            }
        }

        /// Word `k` (below 4).
        subscript(k: Int) -> (start: Int, end: Int) {
            switch k {
            case 0: (starts.0, ends.0)
            case 1: (starts.1, ends.1)
            case 2: (starts.2, ends.2)
            default: (starts.3, ends.3)
            }
        }
    }

    mutating func parseRelationHeader(keyword: Keyword, line: Bytes, number: Int, after: Int) {
        // [ID:] FROM -> TO
        let lineStart = line.startIndex, lineEnd = line.endIndex
        // The scan for the arrow also notes a '+' before it (a linked relation), at no extra pass.
        let (arrowFound, left, right, plus) = bytes.withUnsafeBufferPointer {
            p -> (Int?, FirstWords, FirstWords, Bool) in
            var i = after
            var plus = false
            while i + 1 < lineEnd, !(p[i] == UInt8(ascii: "-") && p[i + 1] == UInt8(ascii: ">")) {
                if p[i] == UInt8(ascii: "+") { plus = true }
                i += 1
            }
            guard i + 1 < lineEnd else {
                return (nil, FirstWords(p, from: 0, to: 0), FirstWords(p, from: 0, to: 0), false)
            }
            return (i, FirstWords(p, from: after, to: i), FirstWords(p, from: i + 2, to: lineEnd), plus)
        }
        guard let arrow = arrowFound else {
            error(
                "expected 'FROM -> TO'", line: number,
                byteColumn: after == lineEnd ? line.count : after - lineStart + 1, lineBytes: line,
                hint: "write '\(keyword.rawValue) FROM -> TO'")
            current = nil
            return
        }
        func string(_ w: (start: Int, end: Int)) -> String { String(decoding: bytes[w.start..<w.end], as: UTF8.self) }
        var first = 0  // the left words before it are the relation's id
        var relationID: (id: String, offset: Int)?
        if left.count > 0 {
            let w = left[0]
            var ascii = true
            for k in w.start..<w.end where bytes[k] >= 0x80 { ascii = false; break }
            if bytes[w.end - 1] == UInt8(ascii: ":"), ascii || string(w).hasSuffix(":") {
                relationID = (
                    ascii
                        ? String(decoding: bytes[w.start..<(w.end - 1)], as: UTF8.self) : String(string(w).dropLast()),
                    w.start - lineStart
                )
                first = 1
            } else if left.count >= 2, left[1].end - left[1].start == 1, bytes[left[1].start] == UInt8(ascii: ":") {
                relationID = (string(w), w.start - lineStart)
                first = 2
            }
        }
        // A linked relation: premises joined by '+' ('a + b -> c').
        var others: [(start: Int, end: Int)] = []
        var firstPremise: (start: Int, end: Int)?
        if plus, left.count > first, bytes[left[first].start..<arrow].contains(UInt8(ascii: "+")) {
            guard
                let premises = linkedPremises(
                    from: left[first].start, to: arrow, line: line, number: number, keyword: keyword)
            else {
                current = nil
                return
            }
            firstPremise = premises[0]
            others = Array(premises.dropFirst())
        }
        guard firstPremise != nil || left.count - first == 1 else {
            let more = left.count - first > 1
            let at = more ? left[first + 1].start - lineStart : arrow - lineStart
            error(
                !more ? "missing the source claim before '->'" : "unexpected '\(string(left[first + 1]))' before '->'",
                line: number, byteColumn: at, lineBytes: line, hint: "write '\(keyword.rawValue) [ID:] FROM -> TO'")
            current = nil
            return
        }
        guard right.count == 1 else {
            let at = right.count > 1 ? right[1].start - lineStart : line.count
            error(
                right.count == 0
                    ? "missing the target after '->'" : "unexpected '\(string(right[1]))' after the target",
                line: number, byteColumn: at, lineBytes: line, hint: "write '\(keyword.rawValue) [ID:] FROM -> TO'")
            current = nil
            return
        }
        let source = firstPremise ?? left[first], targetWord = right[0]
        let target: RelationTarget =
            keyword == .undercut
            ? .relation(reference(from: targetWord.start, to: targetWord.end, in: .relation))
            : .claim(reference(from: targetWord.start, to: targetWord.end, in: .claim))
        let sourceRef = reference(from: source.start, to: source.end, in: .claim)
        let extra = relationID.map { id in
            let m = lineStart + id.offset
            return GraphAssembly.ExtraMarks(declaration: m, actor: m, weight: m)
        }
        var otherRefs: [Int] = []
        var otherMarks: [Int] = []
        for w in others {
            otherRefs.append(assembly.pending(String(decoding: bytes[w.start..<w.end], as: UTF8.self)))
            otherMarks.append(w.start)
        }
        draftRelation(
            keyword == .support ? .support : .attack, source: sourceRef, target: target, otherPremises: otherRefs,
            otherMarks: otherMarks, id: relationID?.id,
            marks: GraphAssembly.RelationMarks(source: source.start, target: targetWord.start), extra: extra)
    }

    /// Makes the relation being read the pending declaration, field by field (assigning a whole `Relation` copies it
    /// through its value witnesses): the one place that fills the draft, for every relation header.
    mutating func draftRelation(
        _ kind: RelationKind, source: Int, target: RelationTarget, otherPremises: [Int], otherMarks: [Int], id: String?,
        marks: GraphAssembly.RelationMarks, extra: GraphAssembly.ExtraMarks?
    ) {
        relationDraft.kind = kind
        relationDraft.source = source
        // Empty arrays are left as they are (an assignment would release and retain for nothing).
        if !(otherMarks.isEmpty && relationDraftOtherMarks.isEmpty) { relationDraftOtherMarks = otherMarks }
        relationDraft.target = target
        relationDraft.setOptionalFields(id: id, actor: nil, note: nil, weight: 1, otherPremises: otherPremises)
        relationDraftMarks = marks
        relationDraftExtra = extra
        current = .relation
    }

    /// Starts the pending declaration's bookkeeping: its mark, its lines so far, no property given yet.
    mutating func beginPending(at mark: Int, number: Int) {
        pendingLineStart = mark
        pendingMark = mark
        pendingFirstLine = number
        pendingLastLine = number
        pendingKeys = 0
    }

    /// Appends a claim whose id starts at byte `mark`, on line `line` starting at byte `lineStart`.
    mutating func appendClaim(_ claim: Claim, mark: Int, line: Int, lineStart: Int) {
        assembly.claims.append(claim)
        assembly.claimMarks.append(mark)
        claimLines.append(Int32(clamping: line))
        claimColumns.append(Int32(clamping: SourceLocator.column(bytes, from: lineStart, to: mark)))
    }

    /// Records where a declaration whose header is on line `number` stands, from the comment lines directly above it.
    mutating func appendSpan(_ kind: DeclarationSpan.Kind, index: Int, number: Int) {
        let leading = lastCommentLine == number - 1 ? commentRunStart : number
        let span = DeclarationSpan(kind: kind, index: index, leadingLine: leading, firstLine: number, lastLine: number)
        // Without declarations kept, the one span is the current declaration's (finishing it still writes there).
        if keepsDeclarations || spans.isEmpty { spans.append(span) } else { spans[0] = span }
    }

    /// The premises of a linked relation, `bytes[from..<to]` split at '+' (each one id), or nil after reporting an
    /// empty premise or a premise of several words.
    mutating func linkedPremises(from: Int, to: Int, line: Bytes, number: Int, keyword: Keyword) -> [(
        start: Int, end: Int
    )]? {
        var premises: [(start: Int, end: Int)] = []
        var i = from
        let hint = "write '\(keyword.rawValue) [ID:] A + B -> TO'"
        func blank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
        while true {
            var end = i
            while end < to, bytes[end] != UInt8(ascii: "+") { end += 1 }
            var s = i, e = end
            while s < e, blank(bytes[s]) { s += 1 }
            while e > s, blank(bytes[e - 1]) { e -= 1 }
            if s == e {
                error(
                    "empty premise in a linked relation", line: number,
                    byteColumn: (end < to ? end : i - 1) - line.startIndex,
                    lineBytes: line, hint: hint)
                return nil
            }
            if let gap = bytes[s..<e].firstIndex(where: blank) {
                var w = gap
                while blank(bytes[w]) { w += 1 }
                error(
                    "unexpected '\(String(decoding: bytes[w..<e], as: UTF8.self))' in a premise; premises are joined by ' + '",
                    line: number, byteColumn: w - line.startIndex, lineBytes: line, hint: hint)
                return nil
            }
            premises.append((s, e))
            if end >= to { return premises }
            i = end + 1
        }
    }

    mutating func finishDeclaration() {
        finishProperty()
        guard let c = current.take() else { return }
        let mark = pendingMark
        if !spans.isEmpty { spans[spans.count - 1].lastLine = pendingLastLine }
        switch c {
        case let .graph(name, title, description):
            assembly.name = name
            assembly.title = title
            assembly.description = description
        case let .document(d):
            let i = assembly.documents.count
            spans[spans.count - 1].index = i
            _ = assembly.documentTable.insert(d.id, value: Int32(i))
            assembly.documents.append(d)
            assembly.documentMarks.append(mark)
        case let .actor(a):
            let i = assembly.actors.count
            spans[spans.count - 1].index = i
            _ = assembly.actorTable.insert(a.id, value: Int32(i))
            assembly.actors.append(a)
            assembly.actorMarks.append(mark)
        case .claim:
            let i = assembly.claims.count
            spans[spans.count - 1].index = i
            if case .owned("") = claimDraft.storedText {
                errorAt(
                    "claim '\(claimDraft.id)' has empty text", location(line: claimTextLine, offset: claimTextMark),
                    hint: "write the claim after the id: 'claim \(claimDraft.id): ...'")
                claimDraft.text = "?"
            }
            // Moved out of the draft, not copied (a copy would retain the strings, and the next draft release them).
            var claim = Claim(id: "", text: "")
            swap(&claim, &claimDraft)
            claim.storedText = texts.store(claim.storedText)
            appendClaim(claim, mark: mark, line: pendingFirstLine, lineStart: pendingLineStart)
        case let .stance(s, marks):
            spans[spans.count - 1].index = assembly.stances.count
            assembly.stances.append(s)
            assembly.stanceMarks.append(marks)
        case .relation:
            let i = assembly.relations.count
            spans[spans.count - 1].index = i
            var marks = relationDraftMarks
            if let extra = relationDraftExtra {
                marks.extra = Int32(assembly.relationExtraMarks.count)
                assembly.relationExtraMarks.append(extra)
            }
            if let id = relationDraft.id { _ = assembly.relationTable.insert(id, value: Int32(i)) }
            if !relationDraftOtherMarks.isEmpty { assembly.otherPremiseMarks[i] = relationDraftOtherMarks }
            assembly.relations.append(relationDraft)
            assembly.appendRelationMarks(marks)
        }
    }

    mutating func errorAt(_ message: String, _ loc: SourceLocation, hint: String? = nil) {
        errorCount += 1
        if errorCount <= ArgReader.errorLimit { diagnostics.append(Diagnostic(.error, message, at: loc, hint: hint)) }
    }
}

extension ArgParser {
    /// Starts `attack A -> B` or `support A -> B` — most lines of a large file — without tokens or word lists, and
    /// returns whether it did: the ids of slug bytes, spaces only, nothing after the target. Any other shape (an id
    /// before the premises, premises joined by '+', a tab, a trailing space, other bytes in an id) is left to
    /// ``startDeclaration(line:number:)``, which reads these lines the same way.
    mutating func startPlainRelation(line: Bytes, number: Int) -> Bool {
        let p = buffer
        var i = line.startIndex
        let end = line.endIndex
        let kind: RelationKind
        @inline(__always) func matches(_ word: StaticString) -> Bool {
            let n = word.utf8CodeUnitCount
            guard end - i > n else { return false }
            for k in 0..<n where p[i + k] != word.utf8Start[k] { return false }
            return true
        }
        if p[i] == UInt8(ascii: "a"), matches("attack ") {
            kind = .attack
            i += 7
        } else if p[i] == UInt8(ascii: "s"), matches("support ") {
            kind = .support
            i += 8
        } else {
            return false
        }
        @inline(__always) func isSlugByte(_ b: UInt8) -> Bool {
            // Letters, digits, '-', '.', '_' (no ':' of a relation id, no '+' of a linked relation, no '>').
            let lower = b | 0x20
            return (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z"))
                || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
                || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") || b == UInt8(ascii: "_")
        }
        while i < end, p[i] == 0x20 { i += 1 }
        let sourceStart = i
        while i < end, isSlugByte(p[i]) { i += 1 }
        let sourceEnd = i
        guard sourceEnd > sourceStart, i < end, p[i] == 0x20 else { return false }
        while i < end, p[i] == 0x20 { i += 1 }
        guard i + 2 < end, p[i] == UInt8(ascii: "-"), p[i + 1] == UInt8(ascii: ">") else { return false }
        i += 2
        while i < end, p[i] == 0x20 { i += 1 }
        let targetStart = i
        while i < end, isSlugByte(p[i]) { i += 1 }
        guard i == end, end > targetStart,
            let source = GraphAssembly.spanReference(offset: sourceStart, length: sourceEnd - sourceStart),
            let target = GraphAssembly.spanReference(offset: targetStart, length: end - targetStart)
        else { return false }
        let marks = GraphAssembly.RelationMarks(source: sourceStart, target: targetStart)
        if noPropertiesFollow(line) {
            // Appended at once, as finishing the declaration would append it.
            appendSpan(.relation, index: assembly.relations.count, number: number)
            assembly.relations.append(Relation(plain: kind, source: source, target: .claim(target)))
            assembly.appendRelationMarks(marks)
            return true
        }
        beginPending(at: line.startIndex, number: number)
        draftRelation(
            kind, source: source, target: .claim(target), otherPremises: [], otherMarks: [], id: nil, marks: marks,
            extra: nil)
        appendSpan(.relation, index: 0, number: number)
        return true
    }

    /// Whether the declaration on `line` can have no property: the next line that is neither blank nor a comment
    /// starts a declaration, or the file ends first (properties may follow blank lines and comments). Looks at a few
    /// lines only, and says no when it would have to look further or the file is not all valid UTF-8.
    func noPropertiesFollow(_ line: Bytes) -> Bool {
        // A line of invalid UTF-8 is passed over, whatever it starts with: it ends no declaration.
        guard validUTF8 else { return false }
        let p = buffer, n = buffer.count
        var i = line.endIndex
        for _ in 0..<4 {
            while i < n, p[i] != 0x0A { i += 1 }  // to the end of this line (past a '\r')
            i += 1
            if i >= n { return true }
            var j = i
            while j < n, p[j] == 0x20 || p[j] == 0x09 { j += 1 }
            if j >= n { return true }
            let b = p[j]
            let blank = b == 0x0A || (b == 0x0D && (j + 1 == n || p[j + 1] == 0x0A))
            if blank || b == UInt8(ascii: "#") { continue }  // a blank line (CR LF ends one too) or a comment
            return j == i
        }
        return false
    }
}
