import Foundation

/// A graph read from an `.arg` file, with its warnings and where each declaration stands.
public struct ParsedGraph: Sendable {
    /// The graph.
    public var graph: Graph
    /// Warnings (isolated claims, claims no one holds); the graph is usable.
    public var warnings: [Diagnostic]
    /// Every declaration in file order, with its line range, so that edits can keep untouched text.
    public var declarations: [DeclarationSpan]

    /// Creates a parsed graph, for readers of other formats and for tests.
    public init(graph: Graph, warnings: [Diagnostic] = [], declarations: [DeclarationSpan] = []) {
        self.graph = graph
        self.warnings = warnings
        self.declarations = declarations
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
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw DiagnosticError([Diagnostic(.error, "cannot read '\(path)': \(FileError.describe(error))")])
        }
        return try read(Array(data), file: path)
    }

    /// Reads `.arg` text.
    public static func read(_ text: String, file: String = "<input>") throws(DiagnosticError) -> ParsedGraph {
        try read(Array(text.utf8), file: file)
    }

    /// Reads `.arg` bytes.
    public static func read(_ bytes: [UInt8], file: String = "<input>") throws(DiagnosticError) -> ParsedGraph {
        var parser = ArgParser(bytes: bytes, file: file)
        parser.parse()
        var builder = parser.builder
        builder.errorLimit = errorLimit
        var diagnostics = parser.diagnostics
        if parser.errorCount >= errorLimit {
            diagnostics.append(Diagnostic(.note, "too many errors; stopped after \(errorLimit)"))
            throw DiagnosticError(diagnostics)
        }
        let built: (graph: Graph, warnings: [Diagnostic])
        do {
            built = try builder.build()
        } catch {
            let all = (diagnostics + error.diagnostics).enumerated().sorted { a, b in
                let la = a.element.location?.line ?? Int.max, lb = b.element.location?.line ?? Int.max
                return la != lb ? la < lb : a.offset < b.offset
            }.map(\.element)
            throw DiagnosticError(Array(all.prefix(errorLimit)))
        }
        if parser.errorCount > 0 { throw DiagnosticError(diagnostics) }
        return ParsedGraph(graph: built.graph, warnings: built.warnings, declarations: parser.spans)
    }
}

/// The line-by-line state machine behind ``ArgReader``.
struct ArgParser {
    let bytes: [UInt8]
    let file: String
    var builder = GraphBuilder()
    var diagnostics: [Diagnostic] = []
    var errorCount = 0
    var spans: [DeclarationSpan] = []

    /// The declaration being read.
    var current: Pending?
    /// The property being read, for continuation lines.
    var property: PropertyState?
    var seenGraphHeader = false
    /// Set after a header that could not be read, so that its indented lines are passed over quietly.
    var skipping = false
    var commentLines: Set<Int> = []

    struct PropertyState {
        var key: String
        var indent: Int
        var literal: Bool
        var lines: [String]
        var location: SourceLocation
        var quoteLocation: QuoteLocation?
        var literalLines: [(indent: Int, text: [UInt8])] = []
    }

    enum Pending {
        case graph(name: String?, title: String?, description: String?)
        case document(Document)
        case actor(Actor)
        case claim(Claim, textLocation: SourceLocation)
        case stance(GraphBuilder.StanceDraft)
        case relation(GraphBuilder.RelationDraft)
    }

    var pendingLocation = SourceLocation(file: "", line: 0, column: 0)
    var pendingFirstLine = 0
    var pendingLastLine = 0
    var pendingKeys: Set<String> = []

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
        var column = 1
        var i = start
        // Count UTF-8 lead bytes (not continuation bytes) before the offset.
        while i < end {
            if lineBytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    mutating func parse() {
        var lineNumber = 0
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        let n = bytes.count
        while start < n {
            if errorCount >= ArgReader.errorLimit { return }
            var end = start
            while end < n, bytes[end] != 0x0A { end += 1 }
            lineNumber += 1
            var lineEnd = end
            if lineEnd > start, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            handle(line: bytes[start..<lineEnd], number: lineNumber)
            start = end + 1
        }
        finishDeclaration()
    }

    mutating func handle(line: ArraySlice<UInt8>, number: Int) {
        if !isValidUTF8(line) {
            let bad = firstInvalidUTF8Offset(line)
            error("invalid UTF-8", line: number, byteColumn: bad, lineBytes: line)
            return
        }
        var indent = 0
        var i = line.startIndex
        while i < line.endIndex, line[i] == 0x20 || line[i] == 0x09 { indent += 1; i += 1 }
        let blank = i == line.endIndex

        // Literal blocks take every deeper line, and blank lines, verbatim.
        if var p = property, p.literal {
            if blank {
                p.literalLines.append((Int.max, []))
                property = p
                return
            }
            if indent > p.indent {
                p.literalLines.append((indent, Array(line)))
                property = p
                pendingLastLine = number
                return
            }
            finishProperty()
        }
        if blank { return }
        if line[i] == UInt8(ascii: "#") {
            commentLines.insert(number)
            return
        }
        if indent == 0 {
            finishDeclaration()
            skipping = false
            startDeclaration(line: line, number: number)
            if current == nil { skipping = true }
            return
        }
        if skipping { return }
        guard current != nil else {
            error("indented line outside a declaration", line: number, byteColumn: indent, lineBytes: line,
                  hint: "properties belong under a declaration such as 'claim ID: TEXT'")
            return
        }
        if let p = property, indent > p.indent {
            property!.lines.append(trimmedString(line[i...]))
            pendingLastLine = number
            return
        }
        finishProperty()
        startProperty(line: line, number: number, indent: indent, at: i)
        pendingLastLine = number
    }

    // MARK: Declarations

    mutating func startDeclaration(line: ArraySlice<UInt8>, number: Int) {
        var tokens = Tokenizer(line)
        guard let keyword = tokens.next() else { return }
        let kw = String(decoding: keyword.bytes, as: UTF8.self)
        pendingLocation = location(line: number, byteColumn: 0, lineBytes: line)
        pendingFirstLine = number
        pendingLastLine = number
        pendingKeys = []
        func loc(_ t: Token) -> SourceLocation { location(line: number, byteColumn: t.offset, lineBytes: line) }

        switch kw {
        case "graph":
            if seenGraphHeader {
                error("a second 'graph' header", line: number, byteColumn: 0, lineBytes: line, hint: "a file declares at most one graph")
            }
            seenGraphHeader = true
            var name: String?
            if let t = tokens.next() { name = t.string }
            if let extra = tokens.next() {
                error("unexpected '\(extra.string)' after the graph id", line: number, byteColumn: extra.offset, lineBytes: line)
            }
            current = .graph(name: name, title: nil, description: nil)
        case "document", "actor":
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
            pendingLocation = loc(t)
        case "claim", "evidence", "proposal":
            let kind = ClaimKind(rawValue: kw)!
            // claim ID[: TEXT]
            let rest = line[tokens.position...]
            var j = rest.startIndex
            while j < rest.endIndex, rest[j] == 0x20 || rest[j] == 0x09 { j += 1 }
            let idStart = j
            while j < rest.endIndex, rest[j] != UInt8(ascii: ":"), rest[j] != 0x20, rest[j] != 0x09 { j += 1 }
            let id = String(decoding: rest[idStart..<j], as: UTF8.self)
            let idOffset = idStart - line.startIndex
            if id.isEmpty {
                error("missing claim id", line: number, byteColumn: idOffset, lineBytes: line, hint: "write '\(kw) ID: TEXT'")
                current = nil
                return
            }
            while j < rest.endIndex, rest[j] == 0x20 || rest[j] == 0x09 { j += 1 }
            var text = ""
            var textLoc = location(line: number, byteColumn: j - line.startIndex, lineBytes: line)
            if j < rest.endIndex {
                if rest[j] == UInt8(ascii: ":") {
                    text = trimmedString(rest[(j + 1)...])
                    if text.isEmpty { textLoc = location(line: number, byteColumn: j - line.startIndex, lineBytes: line) }
                    else { pendingKeys.insert("text") }
                } else {
                    error("expected ':' after the claim id", line: number, byteColumn: j - line.startIndex, lineBytes: line,
                          hint: "write '\(kw) \(id): TEXT'")
                }
            }
            current = .claim(Claim(id: id, text: text, kind: kind), textLocation: textLoc)
            pendingLocation = location(line: number, byteColumn: idOffset, lineBytes: line)
        case "stance":
            let parts = tokens.all()
            guard parts.count >= 3 else {
                error("incomplete stance", line: number, byteColumn: line.count, lineBytes: line,
                      hint: "write 'stance ACTOR asserts|denies CLAIM [in DOCUMENT]'")
                current = nil
                return
            }
            guard let verb = StanceKind(rawValue: parts[1].string) else {
                error("unknown stance '\(parts[1].string)'", line: number, byteColumn: parts[1].offset, lineBytes: line,
                      hint: Suggestions.hint(for: parts[1].string, in: ["asserts", "denies"]) ?? "use 'asserts' or 'denies'")
                current = nil
                return
            }
            var draft = GraphBuilder.StanceDraft(actor: parts[0].string, claim: parts[2].string, kind: verb, location: loc(parts[0]))
            draft.locations = (loc(parts[0]), loc(parts[2]), nil)
            if parts.count > 3 {
                if parts[3].string != "in" {
                    error("expected 'in DOCUMENT' after the claim", line: number, byteColumn: parts[3].offset, lineBytes: line)
                } else if parts.count < 5 {
                    error("missing document id after 'in'", line: number, byteColumn: line.count, lineBytes: line)
                } else {
                    draft.document = parts[4].string
                    draft.locations.document = loc(parts[4])
                    if parts.count > 5 {
                        error("unexpected '\(parts[5].string)' after the document", line: number, byteColumn: parts[5].offset, lineBytes: line)
                    }
                }
            }
            current = .stance(draft)
        case "support", "attack", "undercut":
            parseRelationHeader(keyword: kw, line: line, number: number, after: tokens.position)
        default:
            error("unknown declaration '\(kw)'", line: number, byteColumn: 0, lineBytes: line,
                  hint: Suggestions.hint(for: kw, in: ["graph", "document", "actor", "claim", "evidence", "proposal", "stance", "support", "attack", "undercut"])
                    ?? (kw.hasSuffix(":") ? "properties must be indented under a declaration" : nil))
            current = nil
            return
        }
        var leading = number
        while commentLines.contains(leading - 1) { leading -= 1 }
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

    mutating func parseRelationHeader(keyword: String, line: ArraySlice<UInt8>, number: Int, after: Int) {
        // [ID:] FROM -> TO
        let rest = line[after...]
        guard let arrow = find(rest, [UInt8(ascii: "-"), UInt8(ascii: ">")]) else {
            error("expected 'FROM -> TO'", line: number, byteColumn: rest.count == 0 ? line.count : after - line.startIndex + 1, lineBytes: line,
                  hint: "write '\(keyword) FROM -> TO'")
            current = nil
            return
        }
        var leftTokens = Tokenizer(line[after..<arrow], base: line.startIndex)
        var rightTokens = Tokenizer(line[(arrow + 2)...], base: line.startIndex)
        var left = leftTokens.all()
        let right = rightTokens.all()
        var relationID: (String, Int)?
        if let first = left.first, first.string.hasSuffix(":") {
            relationID = (String(first.string.dropLast()), first.offset)
            left.removeFirst()
        } else if left.count == 2, left[1].string == ":" {
            relationID = (left[0].string, left[0].offset)
            left.removeFirst(2)
        }
        func loc(_ offset: Int) -> SourceLocation { location(line: number, byteColumn: offset, lineBytes: line) }
        guard left.count == 1 else {
            let at = left.count > 1 ? left[1].offset : arrow - line.startIndex
            error(left.isEmpty ? "missing the source claim before '->'" : "unexpected '\(left[1].string)' before '->'",
                  line: number, byteColumn: at, lineBytes: line, hint: "write '\(keyword) [ID:] FROM -> TO'")
            current = nil
            return
        }
        guard right.count == 1 else {
            let at = right.count > 1 ? right[1].offset : line.count
            error(right.isEmpty ? "missing the target after '->'" : "unexpected '\(right[1].string)' after the target",
                  line: number, byteColumn: at, lineBytes: line, hint: "write '\(keyword) [ID:] FROM -> TO'")
            current = nil
            return
        }
        let target: GraphBuilder.TargetDraft = keyword == "undercut" ? .relation(right[0].string) : .claim(right[0].string)
        var draft = GraphBuilder.RelationDraft(id: relationID?.0, kind: keyword == "support" ? .support : .attack,
                                               source: left[0].string, target: target,
                                               location: loc(relationID?.1 ?? left[0].offset))
        draft.sourceLocation = loc(left[0].offset)
        draft.targetLocation = loc(right[0].offset)
        current = .relation(draft)
    }

    mutating func finishDeclaration() {
        finishProperty()
        guard let c = current else { return }
        let loc = pendingLocation
        if !spans.isEmpty { spans[spans.count - 1].lastLine = pendingLastLine }
        switch c {
        case let .graph(name, title, description):
            builder.name = name
            builder.title = title
            builder.description = description
        case let .document(d):
            spans[spans.count - 1].index = builder.documents.count
            builder.add(d, at: loc)
        case let .actor(a):
            spans[spans.count - 1].index = builder.actors.count
            builder.add(a, at: loc)
        case let .claim(cl, textLocation):
            spans[spans.count - 1].index = builder.claims.count
            if cl.text.isEmpty {
                errorAt("claim '\(cl.id)' has empty text", textLocation, hint: "write the claim after the id: 'claim \(cl.id): ...'")
                builder.add(Claim(id: cl.id, text: "?", kind: cl.kind, tags: cl.tags, base: cl.base), at: loc)
            } else {
                builder.add(cl, at: loc)
            }
        case let .stance(s):
            spans[spans.count - 1].index = builder.stances.count
            builder.add(s)
        case let .relation(r):
            spans[spans.count - 1].index = builder.relations.count
            builder.add(r)
        }
        current = nil
    }

    mutating func errorAt(_ message: String, _ loc: SourceLocation, hint: String? = nil) {
        errorCount += 1
        if errorCount <= ArgReader.errorLimit { diagnostics.append(Diagnostic(.error, message, at: loc, hint: hint)) }
    }

    // MARK: Properties

    static let keys: [DeclarationSpan.Kind: [String]] = [
        .graph: ["title", "description"],
        .document: ["title", "publisher", "date", "url", "file"],
        .actor: ["name", "kind", "affiliation", "role", "credibility"],
        .claim: ["text", "tags", "base"],
        .stance: ["quote"],
        .relation: ["weight", "by", "note"],
    ]

    mutating func startProperty(line: ArraySlice<UInt8>, number: Int, indent: Int, at i: Int) {
        var j = i
        while j < line.endIndex, line[j] != UInt8(ascii: ":"), line[j] != 0x20, line[j] != 0x09 { j += 1 }
        let key = String(decoding: line[i..<j], as: UTF8.self)
        let keyLoc = location(line: number, byteColumn: i - line.startIndex, lineBytes: line)
        let kind = spanKind(current)
        let allowed = ArgParser.keys[kind]!
        guard allowed.contains(key) else {
            let what = kind == .claim ? "a claim" : "a \(kind.rawValue)"
            errorAt("unknown property '\(key)' for \(what)", keyLoc,
                    hint: Suggestions.hint(for: key, in: allowed) ?? "allowed: " + allowed.joined(separator: ", "))
            property = nil
            return
        }
        // quote [LOCATION]: TEXT
        var quoteLocation: QuoteLocation?
        while j < line.endIndex, line[j] == 0x20 || line[j] == 0x09 { j += 1 }
        if key == "quote", j < line.endIndex, line[j] != UInt8(ascii: ":") {
            let ls = j
            while j < line.endIndex, line[j] != UInt8(ascii: ":"), line[j] != 0x20, line[j] != 0x09 { j += 1 }
            let text = String(decoding: line[ls..<j], as: UTF8.self)
            if let q = QuoteLocation(text) { quoteLocation = q } else {
                errorAt("invalid quote location '\(text)'", location(line: number, byteColumn: ls - line.startIndex, lineBytes: line),
                        hint: "use L12, L12-14 (lines) or 1040-1068 (character offsets)")
            }
            while j < line.endIndex, line[j] == 0x20 || line[j] == 0x09 { j += 1 }
        }
        guard j < line.endIndex, line[j] == UInt8(ascii: ":") else {
            errorAt("expected ':' after '\(key)'", location(line: number, byteColumn: j - line.startIndex, lineBytes: line),
                    hint: "write '\(key): VALUE'")
            property = nil
            return
        }
        if key != "quote" {
            if pendingKeys.contains(key) {
                errorAt(key == "text" ? "the claim's text is given twice" : "duplicate property '\(key)'", keyLoc)
            }
            pendingKeys.insert(key)
        }
        let value = trimmedString(line[(j + 1)...])
        var valueStart = j + 1
        while valueStart < line.endIndex, line[valueStart] == 0x20 || line[valueStart] == 0x09 { valueStart += 1 }
        property = PropertyState(key: key, indent: indent, literal: value == "|", lines: value == "|" ? [] : [value],
                                 location: location(line: number, byteColumn: valueStart - line.startIndex, lineBytes: line),
                                 quoteLocation: quoteLocation)
    }

    mutating func finishProperty() {
        guard let p = property else { return }
        property = nil
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
        } else {
            value = p.lines.filter { !$0.isEmpty }.joined(separator: " ")
        }
        apply(key: p.key, value: value, at: p.location, quoteLocation: p.quoteLocation)
    }

    mutating func apply(key: String, value: String, at loc: SourceLocation, quoteLocation: QuoteLocation?) {
        if value.isEmpty {
            errorAt(key == "quote" ? "empty quote" : "property '\(key)' has no value", loc)
            return
        }
        func number(_ what: String) -> Double? {
            guard let d = Double(value), d.isFinite else {
                errorAt("\(what) '\(value)' is not a number", loc, hint: "write a decimal number between 0 and 1, such as 0.8")
                return nil
            }
            guard (0...1).contains(d) else {
                errorAt("\(what) \(value) is outside [0, 1]", loc)
                return nil
            }
            return d
        }
        switch current {
        case let .graph(name, title, description)?:
            current = key == "title" ? .graph(name: name, title: value, description: description)
                : .graph(name: name, title: title, description: value)
        case var .document(d)?:
            switch key {
            case "title": d.title = value
            case "publisher": d.publisher = value
            case "date":
                if let date = PartialDate(value) { d.date = date } else {
                    errorAt("invalid date '\(value)'", loc, hint: "write YYYY, YYYY-MM or YYYY-MM-DD")
                }
            case "url": d.url = value
            default: d.file = value
            }
            current = .document(d)
        case var .actor(a)?:
            switch key {
            case "name": a.name = value
            case "kind":
                if let k = ActorKind(rawValue: value) { a.kind = k } else {
                    errorAt("unknown actor kind '\(value)'", loc, hint: Suggestions.hint(for: value, in: ActorKind.allCases.map(\.rawValue))
                            ?? "use person, institution or group")
                }
            case "affiliation": a.affiliation = value
            case "role": a.role = value
            default: a.credibility = number("credibility")
            }
            current = .actor(a)
        case .claim(var c, let textLoc)?:
            switch key {
            case "text": c.text = value
            case "tags":
                var tags: [String] = []
                for t in value.split(separator: ",") {
                    let tag = t.trimmingCharacters(in: .whitespaces)
                    if !Slug.isValid(tag) {
                        errorAt("invalid tag '\(tag)'", loc, hint: "tags are slugs: letters, digits, '-', '_' and '.'")
                    } else if !tags.contains(tag) {
                        tags.append(tag)
                    }
                }
                c.tags = tags
            default: c.base = number("base score")
            }
            current = .claim(c, textLocation: textLoc)
        case var .stance(s)?:
            s.quotes.append(Quote(value, location: quoteLocation))
            current = .stance(s)
        case var .relation(r)?:
            switch key {
            case "weight":
                r.weightLocation = loc
                if let w = number("weight") { r.weight = w }
            case "by":
                r.actor = value
                r.actorLocation = loc
            default: r.note = value
            }
            current = .relation(r)
        case nil:
            break
        }
    }
}

/// A whitespace-separated word of a line, with its byte offset from the line's start.
struct Token {
    var bytes: ArraySlice<UInt8>
    var offset: Int
    var string: String { String(decoding: bytes, as: UTF8.self) }
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
        while let t = next() { out.append(t) }
        return out
    }
}

/// The bytes as a string, without leading and trailing spaces and tabs.
func trimmedString(_ bytes: ArraySlice<UInt8>) -> String {
    var lo = bytes.startIndex, hi = bytes.endIndex
    while lo < hi, bytes[lo] == 0x20 || bytes[lo] == 0x09 { lo += 1 }
    // A carriage return at the end is part of a line ending ("a\r\r\n"), never of the value.
    while hi > lo, bytes[hi - 1] == 0x20 || bytes[hi - 1] == 0x09 || bytes[hi - 1] == 0x0D { hi -= 1 }
    return String(decoding: bytes[lo..<hi], as: UTF8.self)
}

func find(_ haystack: ArraySlice<UInt8>, _ needle: [UInt8]) -> Int? {
    guard needle.count <= haystack.count else { return nil }
    var i = haystack.startIndex
    let last = haystack.endIndex - needle.count
    while i <= last {
        if haystack[i] == needle[0], haystack[i + 1] == needle[1] { return i }
        i += 1
    }
    return nil
}

func isValidUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
    // Fast path: ASCII.
    if !bytes.contains(where: { $0 >= 0x80 }) { return true }
    return firstInvalidUTF8Offset(bytes) == bytes.count
}

/// The byte offset of the first invalid UTF-8 sequence, or `bytes.count` when all is valid.
func firstInvalidUTF8Offset(_ bytes: ArraySlice<UInt8>) -> Int {
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
