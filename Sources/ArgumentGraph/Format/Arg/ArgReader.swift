import Foundation

/// A graph read from an `.arg` file, with its warnings and where each declaration stands.
public struct ParsedGraph: Sendable {
    /// The graph.
    public var graph: Graph
    /// Warnings (isolated claims, claims no one holds); the graph is usable.
    public var warnings: Warnings
    /// Every declaration in file order, with its line range, so that edits can keep untouched text.
    public var declarations: [DeclarationSpan]

    /// Creates a parsed graph, for readers of other formats and for tests.
    public init(graph: Graph, warnings: [Diagnostic] = [], declarations: [DeclarationSpan] = []) {
        self.graph = graph
        self.warnings = Warnings(warnings)
        self.declarations = declarations
    }

    init(graph: Graph, warnings: Warnings, declarations: [DeclarationSpan]) {
        self.graph = graph
        self.warnings = warnings
        self.declarations = declarations
    }

    /// A list of warnings whose diagnostics about claims are made when read, so that a graph of a million claims no
    /// one holds keeps a million small records, not a million messages.
    public struct Warnings: RandomAccessCollection, ExpressibleByArrayLiteral, Sendable, CustomStringConvertible {
        /// Diagnostics given as they are.
        private var given: [Diagnostic]
        /// The claims the lint records refer to.
        private let claims: [Claim]
        /// Per record: the claim's index times two, plus one for "no actor holds it" (else "isolated").
        private let records: [Int]
        /// Per record: the line and column of the claim's id (line 0: no location).
        private let lines: [Int]
        private let columns: [Int]
        private let file: String

        /// A list of these diagnostics.
        public init(_ diagnostics: [Diagnostic]) {
            given = diagnostics
            claims = []
            records = []
            lines = []
            columns = []
            file = ""
        }

        /// A list of these diagnostics.
        public init(arrayLiteral elements: Diagnostic...) { self.init(elements) }

        /// Lint records about `claims`, with the place of each in `file` (see ``records``).
        init(claims: [Claim], records: [Int], lines: [Int], columns: [Int], file: String) {
            given = []
            self.claims = claims
            self.records = records
            self.lines = lines
            self.columns = columns
            self.file = file
        }

        /// The first position.
        public var startIndex: Int { 0 }
        /// One past the last position.
        public var endIndex: Int { given.count + records.count }

        /// The diagnostic at position `i`.
        public subscript(i: Int) -> Diagnostic {
            if i < given.count { return given[i] }
            let k = i - given.count
            return GraphAssembly.lintDiagnostic(records[k], claims: claims,
                                                at: lines[k] > 0 ? SourceLocation(file: file, line: lines[k], column: columns[k]) : nil)
        }

        /// The diagnostics, one per line.
        public var description: String { map(\.description).joined(separator: "\n") }
    }
}

/// Where one declaration stands in an `.arg` file.
public struct DeclarationSpan: Sendable, Hashable {
    /// What a declaration declares.
    public enum Kind: String, Sendable, Hashable {
        /// The `graph` header.
        case graph
        /// A `document`.
        case document
        /// An `actor`.
        case actor
        /// A `claim`, `evidence` or `proposal`.
        case claim
        /// A `stance`.
        case stance
        /// A `support`, `attack` or `undercut`.
        case relation
    }

    /// The kind of entity declared.
    public var kind: Kind
    /// The entity's index in its array of the graph (0 for the header).
    public var index: Int
    /// The first line (1-based) of the declaration, including the comments and blank lines directly above it.
    public var leadingLine: Int
    /// The header's line (1-based).
    public var firstLine: Int
    /// The last line (1-based) of the declaration's properties.
    public var lastLine: Int
}

/// Reads the `.arg` format (see `docs/format.md`), reporting every error with its line and column.
///
/// The reader works on bytes, line by line, with no recursion, so any input — binary data, a
/// 10 MB line, a million relations — gives a graph or diagnostics in time linear in its size.
public struct ArgReader {
    /// The most errors reported before the reader stops collecting.
    public static let errorLimit = 100

    /// Reads a file from disk; the path names the file in diagnostics.
    public static func read(contentsOf path: String) throws(DiagnosticError) -> ParsedGraph {
        return try read(FileBytes.read(path), file: path)
    }

    /// Reads `.arg` text.
    public static func read(_ text: String, file: String = "<input>") throws(DiagnosticError) -> ParsedGraph {
        try read(Array(text.utf8), file: file)
    }

    /// Reads `.arg` bytes.
    public static func read(_ bytes: [UInt8], file: String = "<input>") throws(DiagnosticError) -> ParsedGraph {
        var parser = ArgParser(bytes: bytes, file: file)
        parser.parse()
        parser.resolveClaimReferences()
        var diagnostics = parser.diagnostics
        if parser.errorCount >= errorLimit {
            diagnostics.append(Diagnostic(.note, "too many errors; stopped after \(errorLimit)"))
            throw DiagnosticError(diagnostics)
        }
        let built: (graph: Graph, lint: [Int])
        let locator = SourceLocator(bytes: bytes, file: file)
        do {
            built = try parser.assembly.assemble(errorLimit: errorLimit, lint: true, locate: locator.locate)
        } catch {
            let all = (diagnostics + error.diagnostics).enumerated().sorted { a, b in
                let la = a.element.location?.line ?? Int.max, lb = b.element.location?.line ?? Int.max
                return la != lb ? la < lb : a.offset < b.offset
            }.map(\.element)
            throw DiagnosticError(Array(all.prefix(errorLimit)))
        }
        if parser.errorCount > 0 { throw DiagnosticError(diagnostics) }
        // The claims' places, found in one forward scan since the claims come in file order.
        var lines: [Int] = [], columns: [Int] = []
        lines.reserveCapacity(built.lint.count)
        columns.reserveCapacity(built.lint.count)
        for r in built.lint {
            let loc = locator.locate(parser.assembly.claimMarks[r >> 1])
            lines.append(loc?.line ?? 0)
            columns.append(loc?.column ?? 0)
        }
        let warnings = ParsedGraph.Warnings(claims: built.graph.claims, records: built.lint, lines: lines, columns: columns, file: file)
        return ParsedGraph(graph: built.graph, warnings: warnings, declarations: parser.spans)
    }
}

/// The line-by-line state machine behind ``ArgReader``.
///
/// It works on byte offsets: ids are looked up as bytes in the id tables as soon as they are read
/// (only forward references wait, by name, for the end), and places are kept as byte offsets that
/// become ``SourceLocation``s only when a diagnostic is reported.
struct ArgParser {
    let bytes: [UInt8]
    let file: String
    /// Where line 1 starts (3 after a byte order mark).
    var firstLineStart = 0
    var assembly = GraphAssembly()
    var diagnostics: [Diagnostic] = []
    var errorCount = 0
    var spans: [DeclarationSpan] = []

    /// The declaration being read.
    var current: Pending?
    /// The property being read, for continuation lines.
    var property: PropertyState?
    /// Whether that property is a literal block, and its indentation (kept apart so that checking them copies nothing).
    var inLiteral = false
    var propertyIndent: Int?
    var seenGraphHeader = false
    /// Set after a header that could not be read, so that its indented lines are passed over quietly.
    var skipping = false
    /// The last comment line, and the first line of the run of comment lines that ends there.
    var lastCommentLine = -1
    var commentRunStart = -1
    /// Scratch space for a header's words.
    var words: [Token] = []
    var rightWords: [Token] = []
    /// The claim being read, with the offset and line of its text (or of where its text should be).
    var claimDraft = Claim(id: "", text: "")
    var claimTextMark = 0
    var claimTextLine = 0
    /// The relation being read, with its marks.
    var relationDraft = Relation(kind: .attack, source: 0, target: .claim(0))
    var relationDraftMarks = GraphAssembly.RelationMarks(source: 0, target: 0)
    var relationDraftExtra: GraphAssembly.ExtraMarks?
    /// Whether the whole file is valid UTF-8, so that no line need be checked on its own.
    var validUTF8 = false
    /// Where the slot loads that prefetch the claim table go, so that they are not optimized away.
    var prefetchSink: UInt64 = 0

    struct PropertyState {
        var key: PropertyKey
        var indent: Int
        var literal: Bool
        var first: String
        var more: [String] = []
        /// The byte offset of the value and its line.
        var mark: Int
        var line: Int
        var quoteLocation: QuoteLocation?
        var literalLines: [(indent: Int, text: ArraySlice<UInt8>)] = []
    }

    enum Pending {
        case graph(name: String?, title: String?, description: String?)
        case document(Document)
        case actor(Actor)
        /// A claim, held in ``claimDraft`` (kept out of the enum, whose copies would cost more than the claim).
        case claim
        case stance(Stance, GraphAssembly.StanceMarks)
        /// A relation, held in ``relationDraft``.
        case relation
    }

    /// The declaration's mark (its id's offset), first and last line, and the properties given so far.
    var pendingMark = -1
    var pendingFirstLine = 0
    var pendingLastLine = 0
    var pendingKeys: UInt32 = 0

    init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    mutating func error(_ message: String, line: Int, byteColumn: Int, lineBytes: ArraySlice<UInt8>, hint: String? = nil) {
        errorCount += 1
        guard errorCount <= ArgReader.errorLimit else { return }
        diagnostics.append(Diagnostic(.error, message, at: location(line: line, byteColumn: byteColumn, lineBytes: lineBytes), hint: hint))
    }

    /// Converts a byte offset within a line to a 1-based character column.
    func location(line: Int, byteColumn: Int, lineBytes: ArraySlice<UInt8>) -> SourceLocation {
        let start = lineBytes.startIndex
        let end = min(start + byteColumn, lineBytes.endIndex)
        return SourceLocation(file: file, line: line, column: SourceLocator.column(bytes, from: start, to: end))
    }

    /// The location of byte `offset` of the file, on line `line`.
    func location(line: Int, offset: Int) -> SourceLocation {
        var start = offset
        while start > firstLineStart, bytes[start - 1] != 0x0A { start -= 1 }
        return SourceLocation(file: file, line: line, column: SourceLocator.column(bytes, from: start, to: offset))
    }

    /// Indexes the claims, then resolves every claim reference kept as a byte range, in two tight loops.
    mutating func resolveClaimReferences() {
        var table = IdTable(capacity: assembly.claims.count)
        for (i, c) in assembly.claims.enumerated() { _ = table.insert(c.id, value: Int32(i)) }
        assembly.claimTable = table
        // Unknown ids: (index, is a stance, is the target, offset, length), made pending after the loop.
        var unknown: [(Int, Bool, Bool, Int, Int)] = []
        var sink: UInt64 = 0
        bytes.withUnsafeBytes { raw in
            table.withExactLookup { lookup in
                // Ids of up to 8 bytes (most) are read as one word when 8 bytes can be loaded there.
                let size = raw.count
                @inline(__always) func word(_ o: Int, _ l: Int) -> UInt64? {
                    guard l <= 8, o + 8 <= size else { return nil }
                    let w = raw.loadUnaligned(fromByteOffset: o, as: UInt64.self)
                    return l == 8 ? w : w & ((1 << (8 * UInt64(l))) - 1)
                }
                @inline(__always) func find(_ r: Int) -> Int? {
                    let (o, l) = GraphAssembly.span(r)
                    if let w = word(o, l) { return lookup.find(word: w, count: l).map(Int.init) }
                    return lookup.find(UnsafeRawBufferPointer(rebasing: raw[o..<(o + l)])).map(Int.init)
                }
                @inline(__always) func touch(_ r: Int) -> UInt64 {
                    guard GraphAssembly.isSpan(r) else { return 0 }
                    let (o, l) = GraphAssembly.span(r)
                    if let w = word(o, l) { return lookup.touch(word: w, count: l) }
                    return lookup.touch(UnsafeRawBufferPointer(rebasing: raw[o..<(o + l)]))
                }
                sink &+= assembly.relations.withUnsafeMutableBufferPointer { rel -> UInt64 in
                    var acc: UInt64 = 0
                    var start = 0
                    while start < rel.count {
                        // First load the slots of a block of lookups, whose misses then overlap; then look up.
                        let end = min(rel.count, start + 16)
                        for i in start..<end {
                            acc &+= touch(rel[i].source)
                            if case let .claim(t) = rel[i].target { acc &+= touch(t) }
                        }
                        for i in start..<end {
                            let source = rel[i].source
                            if GraphAssembly.isSpan(source) {
                                if let v = find(source) { rel[i].source = v } else { unknown.append((i, false, false, source, 0)) }
                            }
                            if case let .claim(t) = rel[i].target, GraphAssembly.isSpan(t) {
                                if let v = find(t) { rel[i].target = .claim(v) } else { unknown.append((i, false, true, t, 0)) }
                            }
                        }
                        start = end
                    }
                    return acc
                }
                assembly.stances.withUnsafeMutableBufferPointer { st in
                    for k in st.indices where GraphAssembly.isSpan(st[k].claim) {
                        if let v = find(st[k].claim) { st[k].claim = v } else { unknown.append((k, true, false, st[k].claim, 0)) }
                    }
                }
            }
        }
        for (i, isStance, isTarget, r, _) in unknown {
            let (o, l) = GraphAssembly.span(r)
            let name = String(decoding: bytes[o..<(o + l)], as: UTF8.self)
            // A non-ASCII id, or any id once the table compares strings, waits by name, as written.
            let ref = assembly.pending(name)
            if isStance { assembly.stances[i].claim = ref } else if isTarget { assembly.relations[i].target = .claim(ref) } else { assembly.relations[i].source = ref }
        }
        prefetchSink = sink
    }

    mutating func parse() {
        var lineNumber = 0
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        firstLineStart = start
        let n = bytes.count
        validUTF8 = isValidUTF8(bytes[start...])
        reserveCapacities(from: start)
        while start < n {
            if errorCount >= ArgReader.errorLimit { return }
            let end = bytes.withUnsafeBufferPointer { p -> Int in
                guard let found = memchr(p.baseAddress! + start, 0x0A, n - start) else { return n }
                return p.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
            }
            lineNumber += 1
            var lineEnd = end
            if lineEnd > start, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            handle(line: bytes[start..<lineEnd], number: lineNumber)
            start = end + 1
        }
        finishDeclaration()
    }

    /// Reserves room for the declarations by counting the lines that start with each keyword's first letter.
    mutating func reserveCapacities(from start: Int) {
        var counts = [Int](repeating: 0, count: 128)
        bytes.withUnsafeBufferPointer { p in
            let n = p.count
            var i = start
            while i < n {
                let b = p[i]
                if b < 128 { counts[Int(b)] += 1 }
                guard let nl = memchr(p.baseAddress! + i, 0x0A, n - i) else { break }
                i = p.baseAddress!.distance(to: nl.assumingMemoryBound(to: UInt8.self)) + 1
            }
        }
        func c(_ s: Unicode.Scalar) -> Int { counts[Int(s.value)] }
        let claims = c("c") + c("e") + c("p"), relations = c("s") + c("a") + c("u")
        spans.reserveCapacity(claims + relations + c("d") + c("g"))
        assembly.claims.reserveCapacity(claims)
        assembly.claimMarks.reserveCapacity(claims)
        assembly.relations.reserveCapacity(relations)
        assembly.relationMarks.reserveCapacity(relations)
    }

    mutating func handle(line: ArraySlice<UInt8>, number: Int) {
        if !validUTF8, !isValidUTF8(line) {
            let bad = firstInvalidUTF8Offset(line)
            error("invalid UTF-8", line: number, byteColumn: bad, lineBytes: line)
            return
        }
        var indent = 0
        var i = line.startIndex
        while i < line.endIndex, line[i] == 0x20 || line[i] == 0x09 { indent += 1; i += 1 }
        let blank = i == line.endIndex

        // Literal blocks take every deeper line, and blank lines, verbatim.
        if inLiteral {
            if blank {
                property!.literalLines.append((Int.max, []))
                return
            }
            if indent > property!.indent {
                property!.literalLines.append((indent, line))
                pendingLastLine = number
                return
            }
            finishProperty()
        }
        if blank { return }
        if line[i] == UInt8(ascii: "#") {
            if lastCommentLine != number - 1 { commentRunStart = number }
            lastCommentLine = number
            return
        }
        if indent == 0 {
            finishDeclaration()
            skipping = false
            startDeclaration(line: line, number: number)
            if case .none = current { skipping = true }
            return
        }
        if skipping { return }
        if case .none = current {
            error("indented line outside a declaration", line: number, byteColumn: indent, lineBytes: line,
                  hint: "properties belong under a declaration such as 'claim ID: TEXT'")
            return
        }
        if let propertyIndent, indent > propertyIndent {
            property!.more.append(trimmedString(line[i...]))
            pendingLastLine = number
            return
        }
        finishProperty()
        startProperty(line: line, number: number, indent: indent, at: i)
        pendingLastLine = number
    }

    // MARK: Declarations

    /// The declaration keywords.
    enum Keyword: String {
        case graph, document, actor, claim, evidence, proposal, stance, support, attack, undercut

        init?(_ b: ArraySlice<UInt8>) {
            func eq(_ s: StaticString) -> Bool {
                guard s.utf8CodeUnitCount == b.count else { return false }
                return b.withUnsafeBufferPointer { memcmp($0.baseAddress!, s.utf8Start, b.count) == 0 }
            }
            switch b.first {
            case UInt8(ascii: "s"): if eq("support") { self = .support } else if eq("stance") { self = .stance } else { return nil }
            case UInt8(ascii: "c"): if eq("claim") { self = .claim } else { return nil }
            case UInt8(ascii: "a"): if eq("attack") { self = .attack } else if eq("actor") { self = .actor } else { return nil }
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
    /// Claims are looked up at the end, all at once (see ``resolveClaimReferences()``).
    mutating func reference(_ b: ArraySlice<UInt8>, in table: Table) -> Int {
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

    mutating func startDeclaration(line: ArraySlice<UInt8>, number: Int) {
        var tokens = Tokenizer(line)
        guard let keyword = tokens.next() else { return }
        pendingMark = line.startIndex
        pendingFirstLine = number
        pendingLastLine = number
        pendingKeys = 0
        guard let kw = Keyword(keyword.bytes) else {
            let kw = keyword.string
            error("unknown declaration '\(kw)'", line: number, byteColumn: 0, lineBytes: line,
                  hint: Suggestions.hint(for: kw, in: ["graph", "document", "actor", "claim", "evidence", "proposal", "stance", "support", "attack", "undercut"])
                    ?? (kw.hasSuffix(":") ? "properties must be indented under a declaration" : nil))
            current = nil
            return
        }

        switch kw {
        case .graph:
            if seenGraphHeader {
                error("a second 'graph' header", line: number, byteColumn: 0, lineBytes: line, hint: "a file declares at most one graph")
            }
            seenGraphHeader = true
            var name: String?
            if let t = tokens.next() {
                name = t.string
                // The writer prints the name as it is, so it must be a slug for the file to read back the same
                // (a name of carriage returns would become a line ending); the other readers check the same rule.
                if !Slug.isValid(t.string) {
                    error("'\(t.string)' is not a valid graph id", line: number, byteColumn: t.offset, lineBytes: line,
                          hint: "ids use letters, digits, '-', '_' and '.', and start with a letter or digit")
                }
            }
            if let extra = tokens.next() {
                error("unexpected '\(extra.string)' after the graph id", line: number, byteColumn: extra.offset, lineBytes: line)
            }
            current = .graph(name: name, title: nil, description: nil)
        case .document, .actor:
            let kw = kw.rawValue
            guard let t = tokens.next() else {
                error("missing \(kw) id", line: number, byteColumn: line.count, lineBytes: line, hint: "write '\(kw) ID'")
                current = nil
                return
            }
            if let extra = tokens.next() {
                error("unexpected '\(extra.string)' after the \(kw) id", line: number, byteColumn: extra.offset, lineBytes: line,
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
                error("missing claim id", line: number, byteColumn: idStart - line.startIndex, lineBytes: line, hint: "write '\(kw.rawValue) ID: TEXT'")
                current = nil
                return
            }
            let id = String(decoding: rest[idStart..<j], as: UTF8.self)
            while j < rest.endIndex, rest[j] == 0x20 || rest[j] == 0x09 { j += 1 }
            var text = ""
            if j < rest.endIndex {
                if rest[j] == UInt8(ascii: ":") {
                    text = trimmedString(rest[(j + 1)...])
                    if !text.isEmpty { pendingKeys |= PropertyKey.textBit }
                } else {
                    error("expected ':' after the claim id", line: number, byteColumn: j - line.startIndex, lineBytes: line,
                          hint: "write '\(kw.rawValue) \(id): TEXT'")
                }
            }
            claimDraft = Claim(id: id, text: text, kind: kind)
            claimTextMark = j
            claimTextLine = number
            current = .claim
            pendingMark = idStart
        case .stance:
            words.removeAll(keepingCapacity: true)
            tokens.all(into: &words)
            let parts = words
            guard parts.count >= 3 else {
                error("incomplete stance", line: number, byteColumn: line.count, lineBytes: line,
                      hint: "write 'stance ACTOR asserts|denies CLAIM [in DOCUMENT]'")
                current = nil
                return
            }
            let verb: StanceKind
            if parts[1].is("asserts") { verb = .asserts } else if parts[1].is("denies") { verb = .denies } else {
                error("unknown stance '\(parts[1].string)'", line: number, byteColumn: parts[1].offset, lineBytes: line,
                      hint: Suggestions.hint(for: parts[1].string, in: ["asserts", "denies"]) ?? "use 'asserts' or 'denies'")
                current = nil
                return
            }
            let actorMark = parts[0].bytes.startIndex
            var marks = GraphAssembly.StanceMarks(declaration: actorMark, actor: actorMark, claim: parts[2].bytes.startIndex, document: -1)
            var stance = Stance(actor: reference(parts[0].bytes, in: .actor), claim: reference(parts[2].bytes, in: .claim), kind: verb)
            if parts.count > 3 {
                if !parts[3].is("in") {
                    error("expected 'in DOCUMENT' after the claim", line: number, byteColumn: parts[3].offset, lineBytes: line)
                } else if parts.count < 5 {
                    error("missing document id after 'in'", line: number, byteColumn: line.count, lineBytes: line)
                } else {
                    stance.document = reference(parts[4].bytes, in: .document)
                    marks.document = parts[4].bytes.startIndex
                    if parts.count > 5 {
                        error("unexpected '\(parts[5].string)' after the document", line: number, byteColumn: parts[5].offset, lineBytes: line)
                    }
                }
            }
            current = .stance(stance, marks)
        case .support, .attack, .undercut:
            parseRelationHeader(keyword: kw, line: line, number: number, after: tokens.position)
        }
        let leading = lastCommentLine == number - 1 ? commentRunStart : number
        spans.append(DeclarationSpan(kind: spanKind(current), index: 0, leadingLine: leading, firstLine: number, lastLine: number))
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

    mutating func parseRelationHeader(keyword: Keyword, line: ArraySlice<UInt8>, number: Int, after: Int) {
        // [ID:] FROM -> TO
        let lineStart = line.startIndex, lineEnd = line.endIndex
        let (arrowFound, left, right) = bytes.withUnsafeBufferPointer { p -> (Int?, FirstWords, FirstWords) in
            var i = after
            while i + 1 < lineEnd, !(p[i] == UInt8(ascii: "-") && p[i + 1] == UInt8(ascii: ">")) { i += 1 }
            guard i + 1 < lineEnd else { return (nil, FirstWords(p, from: 0, to: 0), FirstWords(p, from: 0, to: 0)) }
            return (i, FirstWords(p, from: after, to: i), FirstWords(p, from: i + 2, to: lineEnd))
        }
        guard let arrow = arrowFound else {
            error("expected 'FROM -> TO'", line: number, byteColumn: after == lineEnd ? line.count : after - lineStart + 1, lineBytes: line,
                  hint: "write '\(keyword.rawValue) FROM -> TO'")
            current = nil
            return
        }
        func string(_ w: (start: Int, end: Int)) -> String { String(decoding: bytes[w.start..<w.end], as: UTF8.self) }
        var first = 0                                                          // the left words before it are the relation's id
        var relationID: (id: String, offset: Int)?
        if left.count > 0 {
            let w = left[0]
            var ascii = true
            for k in w.start..<w.end where bytes[k] >= 0x80 { ascii = false; break }
            if bytes[w.end - 1] == UInt8(ascii: ":"), ascii || string(w).hasSuffix(":") {
                relationID = (ascii ? String(decoding: bytes[w.start..<(w.end - 1)], as: UTF8.self) : String(string(w).dropLast()), w.start - lineStart)
                first = 1
            } else if left.count == 2, left[1].end - left[1].start == 1, bytes[left[1].start] == UInt8(ascii: ":") {
                relationID = (string(w), w.start - lineStart)
                first = 2
            }
        }
        guard left.count - first == 1 else {
            let more = left.count - first > 1
            let at = more ? left[first + 1].start - lineStart : arrow - lineStart
            error(!more ? "missing the source claim before '->'" : "unexpected '\(string(left[first + 1]))' before '->'",
                  line: number, byteColumn: at, lineBytes: line, hint: "write '\(keyword.rawValue) [ID:] FROM -> TO'")
            current = nil
            return
        }
        guard right.count == 1 else {
            let at = right.count > 1 ? right[1].start - lineStart : line.count
            error(right.count == 0 ? "missing the target after '->'" : "unexpected '\(string(right[1]))' after the target",
                  line: number, byteColumn: at, lineBytes: line, hint: "write '\(keyword.rawValue) [ID:] FROM -> TO'")
            current = nil
            return
        }
        let source = left[first], targetWord = right[0]
        let target: RelationTarget = keyword == .undercut ? .relation(reference(from: targetWord.start, to: targetWord.end, in: .relation))
            : .claim(reference(from: targetWord.start, to: targetWord.end, in: .claim))
        let sourceRef = reference(from: source.start, to: source.end, in: .claim)
        let extra = relationID.map { id in
            let m = lineStart + id.offset
            return GraphAssembly.ExtraMarks(declaration: m, actor: m, weight: m)
        }
        // Field by field: assigning a whole Relation copies it through its value witnesses.
        relationDraft.id = relationID?.id
        relationDraft.kind = keyword == .support ? .support : .attack
        relationDraft.source = sourceRef
        relationDraft.target = target
        relationDraft.weight = 1
        relationDraft.actor = nil
        relationDraft.note = nil
        relationDraftMarks = GraphAssembly.RelationMarks(source: source.start, target: targetWord.start)
        relationDraftExtra = extra
        current = .relation
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
            if claimDraft.text.isEmpty {
                errorAt("claim '\(claimDraft.id)' has empty text", location(line: claimTextLine, offset: claimTextMark),
                        hint: "write the claim after the id: 'claim \(claimDraft.id): ...'")
                claimDraft.text = "?"
            }
            assembly.claims.append(claimDraft)
            assembly.claimMarks.append(mark)
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
            assembly.relations.append(relationDraft)
            assembly.relationMarks.append(marks)
        }
    }

    mutating func errorAt(_ message: String, _ loc: SourceLocation, hint: String? = nil) {
        errorCount += 1
        if errorCount <= ArgReader.errorLimit { diagnostics.append(Diagnostic(.error, message, at: loc, hint: hint)) }
    }

    // MARK: Properties

    /// The property keys, each with a bit for the set of keys a declaration has given.
    enum PropertyKey: String, CaseIterable {
        case title, description, publisher, date, url, file, name, kind, affiliation, role, credibility, text, tags, base, quote, weight, by, note

        var bit: UInt32 { 1 << UInt32(ArgParser.PropertyKey.allCases.firstIndex(of: self)!) }
        /// The bit of `text`, which every claim header with text sets.
        static let textBit = PropertyKey.text.bit

        init?(_ b: ArraySlice<UInt8>) {
            for k in ArgParser.PropertyKey.allCases where k.rawValue.utf8.elementsEqual(b) {
                self = k
                return
            }
            return nil
        }
    }

    static let keys: [DeclarationSpan.Kind: [PropertyKey]] = [
        .graph: [.title, .description],
        .document: [.title, .publisher, .date, .url, .file],
        .actor: [.name, .kind, .affiliation, .role, .credibility],
        .claim: [.text, .tags, .base],
        .stance: [.quote],
        .relation: [.weight, .by, .note],
    ]

    mutating func startProperty(line: ArraySlice<UInt8>, number: Int, indent: Int, at i: Int) {
        var j = i
        while j < line.endIndex, line[j] != UInt8(ascii: ":"), line[j] != 0x20, line[j] != 0x09 { j += 1 }
        let kind = spanKind(current)
        let allowed = ArgParser.keys[kind]!
        guard let key = PropertyKey(line[i..<j]), allowed.contains(key) else {
            let key = String(decoding: line[i..<j], as: UTF8.self)
            let what = kind == .claim ? "a claim" : "a \(kind.rawValue)"
            let names = allowed.map(\.rawValue)
            errorAt("unknown property '\(key)' for \(what)", location(line: number, offset: i),
                    hint: Suggestions.hint(for: key, in: names) ?? "allowed: " + names.joined(separator: ", "))
            clearProperty()
            return
        }
        // quote [LOCATION]: TEXT
        var quoteLocation: QuoteLocation?
        while j < line.endIndex, line[j] == 0x20 || line[j] == 0x09 { j += 1 }
        if key == .quote, j < line.endIndex, line[j] != UInt8(ascii: ":") {
            let ls = j
            while j < line.endIndex, line[j] != UInt8(ascii: ":"), line[j] != 0x20, line[j] != 0x09 { j += 1 }
            let text = String(decoding: line[ls..<j], as: UTF8.self)
            if let q = QuoteLocation(text) { quoteLocation = q } else {
                errorAt("invalid quote location '\(text)'", location(line: number, offset: ls),
                        hint: "use L12, L12-14 (lines) or 1040-1068 (character offsets)")
            }
            while j < line.endIndex, line[j] == 0x20 || line[j] == 0x09 { j += 1 }
        }
        guard j < line.endIndex, line[j] == UInt8(ascii: ":") else {
            errorAt("expected ':' after '\(key.rawValue)'", location(line: number, offset: j),
                    hint: "write '\(key.rawValue): VALUE'")
            clearProperty()
            return
        }
        if key != .quote {
            if pendingKeys & key.bit != 0 {
                errorAt(key == .text ? "the claim's text is given twice" : "duplicate property '\(key.rawValue)'", location(line: number, offset: i))
            }
            pendingKeys |= key.bit
        }
        var valueStart = j + 1
        while valueStart < line.endIndex, line[valueStart] == 0x20 || line[valueStart] == 0x09 { valueStart += 1 }
        var valueEnd = line.endIndex
        // Trailing CRs belong to the line ending, as in every other value (and the writer cannot write them back).
        while valueEnd > valueStart, line[valueEnd - 1] == 0x20 || line[valueEnd - 1] == 0x09 || line[valueEnd - 1] == 0x0D { valueEnd -= 1 }
        let literal = valueEnd == valueStart + 1 && line[valueStart] == UInt8(ascii: "|")
        inLiteral = literal
        propertyIndent = indent
        property = PropertyState(key: key, indent: indent, literal: literal,
                                 first: literal ? "" : String(decoding: line[valueStart..<valueEnd], as: UTF8.self),
                                 mark: valueStart, line: number, quoteLocation: quoteLocation)
    }

    mutating func clearProperty() {
        property = nil
        inLiteral = false
        propertyIndent = nil
    }

    mutating func finishProperty() {
        if case .none = property { return }
        guard let p = property.take() else { return }
        inLiteral = false
        propertyIndent = nil
        var value: String
        if p.literal {
            var lines = p.literalLines
            while let last = lines.last, last.indent == Int.max { lines.removeLast() }
            let common = lines.filter { $0.indent != Int.max }.map(\.indent).min() ?? 0
            value = lines.map { l in
                l.indent == Int.max ? "" : String(decoding: l.text.dropFirst(common), as: UTF8.self)
            }.map { l in
                var u = l.unicodeScalars
                while let last = u.last, last == " " || last == "\t" || last == "\r" { u.removeLast() }
                return String(u)
            }
                .joined(separator: "\n")
        } else if p.more.isEmpty {
            value = p.first
        } else {
            value = ([p.first] + p.more).filter { !$0.isEmpty }.joined(separator: " ")
        }
        apply(key: p.key, value: value, at: p, quoteLocation: p.quoteLocation)
    }

    mutating func apply(key: PropertyKey, value: String, at p: PropertyState, quoteLocation: QuoteLocation?) {
        let loc = { [file = file, bytes = bytes, first = firstLineStart] in
            var start = p.mark
            while start > first, bytes[start - 1] != 0x0A { start -= 1 }
            return SourceLocation(file: file, line: p.line, column: SourceLocator.column(bytes, from: start, to: p.mark))
        }
        if value.isEmpty {
            errorAt(key == .quote ? "empty quote" : "property '\(key.rawValue)' has no value", loc())
            return
        }
        func number(_ what: String) -> Double? {
            guard let d = Double(value), d.isFinite else {
                errorAt("\(what) '\(value)' is not a number", loc(), hint: "write a decimal number between 0 and 1, such as 0.8")
                return nil
            }
            guard (0...1).contains(d) else {
                errorAt("\(what) \(value) is outside [0, 1]", loc())
                return nil
            }
            return d
        }
        switch current {
        case let .graph(name, title, description)?:
            current = key == .title ? .graph(name: name, title: value, description: description)
                : .graph(name: name, title: title, description: value)
        case var .document(d)?:
            current = nil
            switch key {
            case .title: d.title = value
            case .publisher: d.publisher = value
            case .date:
                if let date = PartialDate(value) { d.date = date } else {
                    errorAt("invalid date '\(value)'", loc(), hint: "write YYYY, YYYY-MM or YYYY-MM-DD")
                }
            case .url: d.url = value
            default: d.file = value
            }
            current = .document(d)
        case var .actor(a)?:
            current = nil
            switch key {
            case .name: a.name = value
            case .kind:
                if let k = ActorKind(rawValue: value) { a.kind = k } else {
                    errorAt("unknown actor kind '\(value)'", loc(), hint: Suggestions.hint(for: value, in: ActorKind.allCases.map(\.rawValue))
                            ?? "use person, institution or group")
                }
            case .affiliation: a.affiliation = value
            case .role: a.role = value
            default: a.credibility = number("credibility")
            }
            current = .actor(a)
        case .claim?:
            switch key {
            case .text: claimDraft.text = value
            case .tags:
                var tags: [String] = []
                for t in value.split(separator: ",") {
                    let tag = t.trimmingCharacters(in: .whitespaces)
                    if !Slug.isValid(tag) {
                        errorAt("invalid tag '\(tag)'", loc(), hint: "tags are slugs: letters, digits, '-', '_' and '.'")
                    } else if !tags.contains(tag) {
                        tags.append(tag)
                    }
                }
                claimDraft.tags = tags
            default: claimDraft.base = number("base score")
            }
        case .stance(var s, let marks)?:
            current = nil
            s.quotes.append(Quote(value, location: quoteLocation))
            current = .stance(s, marks)
        case .relation?:
            let marks = relationDraftMarks
            var extra = relationDraftExtra
            switch key {
            case .weight:
                if extra == nil { extra = .init(declaration: marks.source, actor: marks.source, weight: marks.source) }
                extra!.weight = p.mark
                if let w = number("weight") { relationDraft.weight = w }
            case .by:
                var v = value
                relationDraft.actor = v.withUTF8 { assembly.actorTable.findExact(UnsafeRawBufferPointer($0)) }.map(Int.init) ?? assembly.pending(value)
                if extra == nil { extra = .init(declaration: marks.source, actor: marks.source, weight: marks.source) }
                extra!.actor = p.mark
            default: relationDraft.note = value
            }
            relationDraftExtra = extra
        case nil:
            break
        }
    }
}

/// Turns byte offsets of a file into line and column locations, indexing the lines on first use.
final class SourceLocator {
    let bytes: [UInt8]
    let file: String
    private var lineStarts: [Int] = []
    /// The line found last: diagnostics come mostly in file order, so the next is usually near.
    private var lastLine = 0
    /// Before the index is built, offsets in increasing order are found by scanning forward: the scan has
    /// reached `scanned`, which is on line `scanLine` (0-based) starting at `scanLineStart`.
    private var scanned = -1
    private var scanLine = 0
    private var scanLineStart = 0

    init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    /// The location of byte `offset`, or nil for -1.
    func locate(_ offset: Int) -> SourceLocation? {
        guard offset >= 0 else { return nil }
        let first = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        if scanned < 0 { scanned = first; scanLineStart = first }
        if lineStarts.isEmpty, offset >= scanned, offset <= bytes.count {
            bytes.withUnsafeBufferPointer { p in
                guard let base = p.baseAddress else { return }
                while scanned < offset, let nl = memchr(base + scanned, 0x0A, offset - scanned) {
                    scanned = base.distance(to: nl.assumingMemoryBound(to: UInt8.self)) + 1
                    scanLine += 1
                    scanLineStart = scanned
                }
            }
            scanned = offset
            return SourceLocation(file: file, line: scanLine + 1, column: SourceLocator.column(bytes, from: scanLineStart, to: offset))
        }
        if lineStarts.isEmpty {
            lineStarts.append(first)
            bytes.withUnsafeBufferPointer { p in
                guard let base = p.baseAddress else { return }
                var i = first
                while i < p.count, let nl = memchr(base + i, 0x0A, p.count - i) {
                    i = base.distance(to: nl.assumingMemoryBound(to: UInt8.self)) + 1
                    lineStarts.append(i)
                }
            }
        }
        // The last line start at or before the offset: near the last one found, else by bisection.
        var lo = 0, hi = lineStarts.count
        if lineStarts[lastLine] <= offset {
            var k = lastLine
            while k + 1 < lineStarts.count, lineStarts[k + 1] <= offset, k < lastLine + 8 { k += 1 }
            if k + 1 == lineStarts.count || lineStarts[k + 1] > offset { lo = k; hi = k + 1 }
        }
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid }
        }
        lastLine = lo
        return SourceLocation(file: file, line: lo + 1, column: SourceLocator.column(bytes, from: lineStarts[lo], to: offset))
    }

    /// The 1-based character column of byte `end` in a line starting at byte `start`: UTF-8 lead bytes before it, plus one.
    static func column(_ bytes: [UInt8], from start: Int, to end: Int) -> Int {
        var column = 1
        var i = start
        while i < end {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return column
    }
}

/// Reads a whole file into bytes with one allocation.
enum FileBytes {
    static func read(_ path: String) throws(DiagnosticError) -> [UInt8] {
        func fail(_ reason: String) -> DiagnosticError {
            DiagnosticError([Diagnostic(.error, "cannot read '\(path)': \(reason)")])
        }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw fail(errno == ENOENT ? "no such file" : errno == EACCES ? "permission denied" : String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw fail(String(cString: strerror(errno))) }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw fail(String(cString: strerror(EISDIR))) }
        var out = [UInt8]()
        if (st.st_mode & S_IFMT) == S_IFREG {
            let size = Int(st.st_size)
            var failure: Int32 = 0
            out = [UInt8](unsafeUninitializedCapacity: size) { buf, initialized in
                var got = 0
                while got < size {
                    let n = Foundation.read(fd, buf.baseAddress! + got, size - got)
                    if n < 0 { if errno == EINTR { continue }; failure = errno; break }
                    if n == 0 { break }
                    got += n
                }
                initialized = got
            }
            if failure != 0 { throw fail(String(cString: strerror(failure))) }
        }
        // Whatever is left (a growing file, a pipe), read in chunks.
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress!, $0.count) }
            if n < 0 { if errno == EINTR { continue }; throw fail(String(cString: strerror(errno))) }
            if n == 0 { break }
            out.append(contentsOf: chunk[0..<n])
        }
        return out
    }
}

/// A whitespace-separated word of a line, with its byte offset from the line's start.
struct Token {
    var bytes: ArraySlice<UInt8>
    var offset: Int
    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Whether the word is exactly `s`.
    func `is`(_ s: StaticString) -> Bool {
        guard s.utf8CodeUnitCount == bytes.count else { return false }
        var k = 0
        for x in bytes {
            if s.utf8Start[k] != x { return false }
            k += 1
        }
        return true
    }
}

/// Splits a line into whitespace-separated tokens.
struct Tokenizer {
    let line: ArraySlice<UInt8>
    let base: Int
    var position: Int

    init(_ line: ArraySlice<UInt8>, base: Int? = nil) {
        self.line = line
        self.base = base ?? line.startIndex
        self.position = line.startIndex
    }

    mutating func next() -> Token? {
        while position < line.endIndex, line[position] == 0x20 || line[position] == 0x09 { position += 1 }
        guard position < line.endIndex else { return nil }
        let start = position
        while position < line.endIndex, line[position] != 0x20, line[position] != 0x09 { position += 1 }
        return Token(bytes: line[start..<position], offset: start - base)
    }

    mutating func all() -> [Token] {
        var out: [Token] = []
        all(into: &out)
        return out
    }

    /// Appends every remaining token to `out`.
    mutating func all(into out: inout [Token]) {
        while let t = next() { out.append(t) }
    }
}

/// The bytes as a string, without leading and trailing spaces and tabs.
func trimmedString(_ bytes: ArraySlice<UInt8>) -> String {
    bytes.withUnsafeBufferPointer { p in
        var lo = 0, hi = p.count
        while lo < hi, p[lo] == 0x20 || p[lo] == 0x09 { lo += 1 }
        // A carriage return at the end is part of a line ending ("a\r\r\n"), never of the value.
        while hi > lo, p[hi - 1] == 0x20 || p[hi - 1] == 0x09 || p[hi - 1] == 0x0D { hi -= 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: p[lo..<hi]), as: UTF8.self)
    }
}

func isValidUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
    bytes.withUnsafeBytes { isValidUTF8($0) }
}

/// Whether the bytes are valid UTF-8 (quick for ASCII, eight bytes at a time).
func isValidUTF8(_ p: UnsafeRawBufferPointer) -> Bool {
    var i = 0
    var acc: UInt64 = 0
    while i + 8 <= p.count {
        acc |= p.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        i += 8
    }
    while i < p.count { acc |= UInt64(p[i]); i += 1 }
    if acc & 0x8080_8080_8080_8080 == 0 { return true }
    return firstInvalidUTF8Offset(p) == p.count
}

/// The byte offset of the first invalid UTF-8 sequence, or `bytes.count` when all is valid.
func firstInvalidUTF8Offset(_ bytes: some Collection<UInt8>) -> Int {
    var decoder = UTF8()
    var iterator = bytes.makeIterator()
    var consumed = 0
    while true {
        switch decoder.decode(&iterator) {
        case let .scalarValue(s): consumed += UTF8.width(s)
        case .emptyInput: return bytes.count
        case .error: return consumed
        }
    }
}

/// Turns a Foundation file error into a short reason.
enum FileError {
    static func describe(_ error: any Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
           let code = POSIXErrorCode(rawValue: Int32(underlying.code)) {
            return String(cString: strerror(code.rawValue))
        }
        if ns.domain == NSCocoaErrorDomain {
            switch ns.code {
            case NSFileReadNoSuchFileError, NSFileNoSuchFileError: return "no such file"
            case NSFileReadNoPermissionError: return "permission denied"
            default: break
            }
        }
        return ns.localizedDescription
    }
}
