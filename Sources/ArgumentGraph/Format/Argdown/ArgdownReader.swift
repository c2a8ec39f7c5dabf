import Foundation

/// Reads the common subset of Argdown into a graph, and says plainly what it skipped.
///
/// Statements (`[Title]: text`) and arguments (`<Title>: text`) become claims; relations
/// (`+ - <+ <- +> -> _> <_ ><`) nested by indentation become supports and attacks (`><` two
/// attacks); a premise–conclusion structure makes each premise support the argument and the
/// argument support its conclusion (the inference), which is what an undercut of the argument
/// attacks. `#tags` and headings become tags, `{author: ...}` an actor asserting the claim,
/// `{kind: evidence}` the claim kind. Comments (`//`, `/* */`, `<!-- -->`) are ignored.
/// Untitled paragraphs without relations (prose), front matter, inference rules and other
/// metadata are skipped, each with a warning at its line and column.
public enum ArgdownReader {
    /// Reads an Argdown file.
    public static func read(contentsOf path: String) throws(DiagnosticError) -> ParsedGraph {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw DiagnosticError([Diagnostic(.error, "cannot read '\(path)': \(FileError.describe(error))")])
        }
        return try read(String(decoding: data, as: UTF8.self), file: path)
    }

    /// Reads Argdown text; `file` names the source in diagnostics.
    public static func read(_ text: String, file: String = "<input>") throws(DiagnosticError) -> ParsedGraph {
        var p = ArgdownParser(file: file)
        p.parse(text)
        return try p.finish()
    }
}

/// The line-based parser behind ``ArgdownReader``.
struct ArgdownParser {
    enum Marker: String, CaseIterable {
        case inSupport = "<+", inAttack = "<-", inUndercut = "<_", outSupport = "+>", outAttack = "->", outUndercut = "_>",
             contradiction = "><", plus = "+", minus = "-", underscore = "_"
    }

    struct ClaimEntry {
        var id: String
        var text: String?
        var title: String?
        var isArgument: Bool
        var tags: [String] = []
        var kind: ClaimKind = .claim
        var authors: [String] = []
        var location: SourceLocation
        var provisional = false
    }

    struct RelationEntry {
        var kind: RelationKind
        var undercut: Bool
        var from: String
        var to: String
        var id: String?
        var note: String?
        var location: SourceLocation
    }

    /// One element on a line: what it says and where.
    struct Element {
        var claim: String
        var location: SourceLocation
    }

    let file: String
    var warnings: [Diagnostic] = []
    var claims: [ClaimEntry] = []
    var claimIndex: [String: Int] = [:]
    var statementTitles: [String: String] = [:]
    var argumentTitles: [String: String] = [:]
    var ids = IDMaker()
    var relationIDs = IDMaker()
    var relations: [RelationEntry] = []
    /// Keys of the relations so far, to drop repeats.
    var relationKeys: Set<String> = []
    /// Claims that take part in a relation.
    var related: Set<String> = []
    var inferenceOf: [String: String] = [:]
    var headings: [(level: Int, tag: String)] = []
    var anonymousArguments = 0

    init(file: String) { self.file = file }

    func loc(_ line: Int, _ column: Int) -> SourceLocation { SourceLocation(file: file, line: line, column: column) }

    mutating func warn(_ message: String, _ at: SourceLocation) { warnings.append(Diagnostic(.warning, message, at: at)) }

    // MARK: Comments

    /// Marks a character that stood in a comment.
    static let commentMark: Character = "\u{1}"

    /// The text with comments replaced by ``commentMark`` (line breaks kept, so positions stay right).
    static func stripComments(_ text: String) -> [Character] {
        var chars = Array(text.replacingOccurrences(of: "\r\n", with: "\n"))
        var i = 0
        func blank(_ from: Int, _ to: Int) {
            for k in from..<min(to, chars.count) where chars[k] != "\n" { chars[k] = commentMark }
        }
        func starts(_ s: String, at k: Int) -> Bool {
            var k = k
            for c in s { if k >= chars.count || chars[k] != c { return false }; k += 1 }
            return true
        }
        while i < chars.count {
            let c = chars[i]
            if c == "\\" { i += 2; continue }
            if starts("<!--", at: i) {
                var j = i + 4
                while j < chars.count, !starts("-->", at: j) { j += 1 }
                blank(i, j + 3); i = j + 3; continue
            }
            if starts("/*", at: i) {
                var j = i + 2
                while j < chars.count, !starts("*/", at: j) { j += 1 }
                blank(i, j + 2); i = j + 2; continue
            }
            if starts("//", at: i), i == 0 || chars[i - 1].isWhitespace {
                var j = i
                while j < chars.count, chars[j] != "\n" { j += 1 }
                blank(i, j); i = j; continue
            }
            i += 1
        }
        return chars
    }

    // MARK: Lines

    struct Line {
        var number: Int
        var indent: Int
        var content: String
        var column: Int { indent + 1 }
    }

    mutating func parse(_ text: String) {
        let chars = Self.stripComments(text)
        var lines: [Line] = []
        var number = 0
        for line in chars.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            // A line that held only a comment is not a blank line: it does not end a block.
            let hadComment = line.contains(Self.commentMark)
            let raw = line.map { $0 == Self.commentMark ? " " : $0 }[...]
            if hadComment, raw.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            var indent = 0
            var k = raw.startIndex
            while k < raw.endIndex, raw[k] == " " || raw[k] == "\t" { indent += raw[k] == "\t" ? 4 : 1; k = raw.index(after: k) }
            var content = String(raw[k...])
            while let last = content.last, last.isWhitespace { content.removeLast() }
            lines.append(Line(number: number, indent: indent, content: content))
        }
        var i = 0
        // Front matter.
        while i < lines.count, lines[i].content.isEmpty { i += 1 }
        if i < lines.count, lines[i].content.hasPrefix("===") {
            let start = lines[i]
            i += 1
            while i < lines.count, !lines[i].content.hasPrefix("===") { i += 1 }
            i += 1
            warn("skipped the front matter (settings between === lines)", loc(start.number, start.column))
        }
        // Blocks separated by blank lines.
        var pendingArgument: String?
        while i < lines.count {
            if lines[i].content.isEmpty { i += 1; continue }
            var block: [Line] = []
            while i < lines.count, !lines[i].content.isEmpty { block.append(lines[i]); i += 1 }
            pendingArgument = parseBlock(block, pendingArgument: pendingArgument)
        }
    }

    // MARK: Blocks

    /// An item: a line that starts something, with its continuation lines joined.
    struct Item {
        enum Kind { case top, relation(Marker), numbered(Int), inference(rule: String?), heading(Int) }
        var kind: Kind
        var line: Line
        var text: String
        var textColumn: Int
    }

    static func marker(of content: String) -> (Marker, String)? {
        for m in Marker.allCases where content.hasPrefix(m.rawValue) {
            let rest = content.dropFirst(m.rawValue.count)
            if rest.first == " " || rest.first == "\t" { return (m, rest.trimmingCharacters(in: .whitespaces)) }
        }
        return nil
    }

    static func numbered(_ content: String) -> (Int, String)? {
        guard content.first == "(", let close = content.firstIndex(of: ")") else { return nil }
        let digits = content[content.index(after: content.startIndex)..<close]
        guard !digits.isEmpty, digits.count < 6, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(digits) else { return nil }
        return (n, content[content.index(after: close)...].trimmingCharacters(in: .whitespaces))
    }

    static func isDashes(_ content: String) -> Bool { content.count >= 2 && content.allSatisfy { $0 == "-" } }

    static func heading(_ content: String) -> (Int, String)? {
        let hashes = content.prefix { $0 == "#" }
        let rest = content.dropFirst(hashes.count)
        guard (1...6).contains(hashes.count), rest.first == " " else { return nil }
        return (hashes.count, rest.trimmingCharacters(in: .whitespaces))
    }

    /// Splits a block into items.
    static func items(_ block: [Line]) -> [Item] {
        var items: [Item] = []
        var k = 0
        while k < block.count {
            let line = block[k]
            let c = line.content
            if isDashes(c) {
                // `----` (4 or more) or `--` before a numbered line: a bare inference; else `--` rule `--`.
                if c.count >= 4 || (k + 1 < block.count && numbered(block[k + 1].content) != nil) {
                    items.append(Item(kind: .inference(rule: nil), line: line, text: "", textColumn: line.column))
                    k += 1
                } else {
                    var rule: [String] = []
                    k += 1
                    let ruleLine = k < block.count && !isDashes(block[k].content) ? block[k] : line
                    while k < block.count, !isDashes(block[k].content) { rule.append(block[k].content); k += 1 }
                    k += 1
                    items.append(Item(kind: .inference(rule: rule.joined(separator: " ")), line: ruleLine, text: "", textColumn: ruleLine.column))
                }
                continue
            }
            if items.isEmpty || k == 0, line.indent == 0, let (level, title) = heading(c) {
                items.append(Item(kind: .heading(level), line: line, text: title, textColumn: line.column + level + 1))
                k += 1
                continue
            }
            var item: Item
            if let (m, rest) = marker(of: c) {
                item = Item(kind: .relation(m), line: line, text: rest, textColumn: line.column + (c.count - rest.count))
            } else if let (n, rest) = numbered(c) {
                item = Item(kind: .numbered(n), line: line, text: rest, textColumn: line.column + (c.count - rest.count))
            } else if items.isEmpty || { if case .heading = items[items.count - 1].kind { return true }; return false }() {
                item = Item(kind: .top, line: line, text: c, textColumn: line.column)
            } else {
                items[items.count - 1].text += " " + c
                k += 1
                continue
            }
            k += 1
            while k < block.count {
                let next = block[k].content
                if marker(of: next) != nil || numbered(next) != nil || isDashes(next) { break }
                item.text += " " + next
                k += 1
            }
            items.append(item)
        }
        return items
    }

    /// Parses one block; returns the argument a following premise–conclusion block belongs to, if any.
    mutating func parseBlock(_ block: [Line], pendingArgument: String?) -> String? {
        let items = Self.items(block)
        var stack: [(indent: Int, claim: String)] = []
        var pcs: [(claim: String, afterInference: Bool, location: SourceLocation)] = []
        var rules: [String] = []
        var sawInference = false
        var lastWasInference = false
        var topLevelOnly: String?
        var provisionalTop: String?
        var hadRelations = false
        for (n, item) in items.enumerated() {
            let at = loc(item.line.number, item.textColumn)
            switch item.kind {
            case let .heading(level):
                headings.removeAll { $0.level >= level }
                let tag = Self.tag(Self.stripEmoji(item.text))
                if !tag.isEmpty { headings.append((level, tag)) }
            case .top:
                guard let el = element(item.text, at: at, top: true) else { continue }
                stack = [(item.line.indent, el.claim)]
                if (claimIndex[el.claim].map { claims[$0].isArgument } ?? false), items.count == 1 || (n + 1 < items.count && { if case .numbered = items[n + 1].kind { return true }; return false }()) {
                    topLevelOnly = el.claim
                }
                if (claimIndex[el.claim].map { claims[$0].provisional } ?? false) { provisionalTop = el.claim }
            case let .relation(m):
                while let top = stack.last, top.indent >= item.line.indent { stack.removeLast() }
                guard let parent = stack.last?.claim else {
                    warn("relation '\(m.rawValue)' has nothing above it to relate to; skipped", loc(item.line.number, item.line.column))
                    continue
                }
                guard let el = element(item.text, at: at, top: false) else { continue }
                hadRelations = true
                relate(parent: parent, marker: m, child: el.claim, at: loc(item.line.number, item.line.column))
                stack.append((item.line.indent, el.claim))
            case .numbered:
                guard let el = element(item.text, at: at, top: false) else { continue }
                pcs.append((el.claim, lastWasInference, at))
                lastWasInference = false
                stack = [(item.line.indent, el.claim)]
            case let .inference(rule):
                sawInference = true
                lastWasInference = true
                if let rule, !rule.isEmpty {
                    var r = rule
                    if let brace = r.firstIndex(of: "{") {
                        r = String(r[..<brace]).trimmingCharacters(in: .whitespaces)
                        warn("skipped the metadata of an inference rule", at)
                    }
                    if !r.isEmpty { rules.append(r) }
                }
            }
        }
        if let top = provisionalTop, !hadRelations, let i = claimIndex[top], claims[i].provisional,
           !related.contains(top) {
            warn("skipped an untitled paragraph without relations (prose, not an argument): \"\(Self.excerpt(claims[i].text ?? ""))\"", claims[i].location)
            claims[i].id = ""   // tombstone
            claimIndex[top] = nil
        } else if let top = provisionalTop, let i = claimIndex[top] {
            claims[i].provisional = false
        }
        if !pcs.isEmpty {
            var firstIsNumbered = false
            if let first = items.first, case .numbered = first.kind { firstIsNumbered = true }
            let argument = topLevelOnly ?? (firstIsNumbered ? pendingArgument : nil)
            finishPCS(pcs, argument: argument, sawInference: sawInference, rules: rules)
            return nil
        }
        return items.count == 1 ? topLevelOnly : nil
    }

    static func excerpt(_ s: String) -> String { s.count <= 40 ? s : String(s.prefix(40)) + "…" }

    mutating func finishPCS(_ pcs: [(claim: String, afterInference: Bool, location: SourceLocation)], argument: String?,
                            sawInference: Bool, rules: [String]) {
        guard let conclusion = pcs.last else { return }
        if !sawInference { warn("premise–conclusion structure without an inference line ('--'); its last statement is taken as the conclusion", conclusion.location) }
        let arg: String
        if let argument { arg = argument } else {
            anonymousArguments += 1
            let title = "Argument \(anonymousArguments)"
            let text = "Argument for: " + (claimIndex[conclusion.claim].flatMap { claims[$0].text } ?? conclusion.claim)
            arg = define(title: title, text: text, isArgument: true, at: pcs[0].location)
        }
        for p in pcs.dropLast() where p.claim != arg {
            addRelation(RelationEntry(kind: .support, undercut: false, from: p.claim, to: arg, note: "premise of <\(claimIndex[arg].flatMap { claims[$0].title } ?? arg)>", location: p.location))
        }
        let rid = relationIDs.make(arg + "-inference", fallback: "inference")
        var note = "inference of <\(claimIndex[arg].flatMap { claims[$0].title } ?? arg)>"
        if !rules.isEmpty { note += ": " + rules.joined(separator: "; ") }
        inferenceOf[arg] = rid
        addRelation(RelationEntry(kind: .support, undercut: false, from: arg, to: conclusion.claim, id: rid, note: note, location: conclusion.location))
    }

    mutating func relate(parent: String, marker: Marker, child: String, at: SourceLocation) {
        switch marker {
        case .plus, .inSupport: addRelation(RelationEntry(kind: .support, undercut: false, from: child, to: parent, location: at))
        case .minus, .inAttack: addRelation(RelationEntry(kind: .attack, undercut: false, from: child, to: parent, location: at))
        case .outSupport: addRelation(RelationEntry(kind: .support, undercut: false, from: parent, to: child, location: at))
        case .outAttack: addRelation(RelationEntry(kind: .attack, undercut: false, from: parent, to: child, location: at))
        case .inUndercut, .underscore: addRelation(RelationEntry(kind: .attack, undercut: true, from: child, to: parent, location: at))
        case .outUndercut: addRelation(RelationEntry(kind: .attack, undercut: true, from: parent, to: child, location: at))
        case .contradiction:
            addRelation(RelationEntry(kind: .attack, undercut: false, from: parent, to: child, note: "contradiction", location: at))
            addRelation(RelationEntry(kind: .attack, undercut: false, from: child, to: parent, note: "contradiction", location: at))
        }
    }

    mutating func addRelation(_ r: RelationEntry) {
        if r.from == r.to {
            warn("a claim cannot \(r.undercut ? "undercut" : r.kind.rawValue) itself; relation skipped", r.location)
            return
        }
        guard relationKeys.insert("\(r.kind) \(r.undercut) \(r.from) \(r.to)").inserted else { return }
        related.insert(r.from)
        related.insert(r.to)
        relations.append(r)
    }

    // MARK: Elements

    /// Parses `[Title]: text`, `<Title>: text`, a bare reference, or untitled text; defines or finds the claim.
    mutating func element(_ raw: String, at: SourceLocation, top: Bool) -> Element? {
        var s = Substring(raw)
        var title: String?
        var isArgument = false
        if let open = s.first, open == "[" || open == "<", let close = Self.closing(of: s, open: open) {
            let after = s[s.index(after: close)...]
            if after.first == ":" || after.trimmingCharacters(in: .whitespaces).isEmpty || after.first == " " {
                title = Self.unescape(String(s[s.index(after: s.startIndex)..<close])).trimmingCharacters(in: .whitespaces)
                isArgument = open == "<"
                s = after.first == ":" ? after.dropFirst() : after
            }
        }
        var (text, tags, meta, skippedKeys) = Self.inline(String(s))
        if !skippedKeys.isEmpty { warn("skipped metadata \(skippedKeys.map { "'\($0)'" }.joined(separator: ", ")) (only author and kind are read)", at) }
        if title?.isEmpty == true { title = nil }
        if let t = title {
            let id = define(title: t, text: text.isEmpty ? nil : text, isArgument: isArgument, at: at)
            annotate(id, tags: tags, meta: meta)
            return Element(claim: id, location: at)
        }
        guard !text.isEmpty else {
            warn("empty statement skipped", at)
            return nil
        }
        let words = text.split(separator: " ").prefix(6).joined(separator: " ")
        let id = ids.make(IDMaker.slugify(words, maxLength: 40), fallback: "statement")
        var entry = ClaimEntry(id: id, text: text, title: nil, isArgument: false, location: at)
        entry.tags = headings.map(\.tag)
        entry.provisional = top
        claimIndex[id] = claims.count
        claims.append(entry)
        annotate(id, tags: tags, meta: meta)
        text = ""
        return Element(claim: id, location: at)
    }

    /// Finds or creates the claim for a statement or argument title; the first text given wins.
    mutating func define(title: String, text: String?, isArgument: Bool, at: SourceLocation) -> String {
        if let id = isArgument ? argumentTitles[title] : statementTitles[title], let i = claimIndex[id] {
            if claims[i].text == nil, let text { claims[i].text = text }
            return id
        }
        let id = ids.make(title, fallback: isArgument ? "argument" : "statement")
        if isArgument { argumentTitles[title] = id } else { statementTitles[title] = id }
        var entry = ClaimEntry(id: id, text: text, title: title, isArgument: isArgument, location: at)
        entry.tags = headings.map(\.tag)
        claimIndex[id] = claims.count
        claims.append(entry)
        return id
    }

    mutating func annotate(_ id: String, tags: [String], meta: [String: [String]]) {
        guard let i = claimIndex[id] else { return }
        for t in tags where !claims[i].tags.contains(t) { claims[i].tags.append(t) }
        for a in (meta["author"] ?? []) + (meta["authors"] ?? []) where !claims[i].authors.contains(a) { claims[i].authors.append(a) }
        if let k = meta["kind"]?.first, let kind = ClaimKind(rawValue: k.lowercased()) { claims[i].kind = kind }
    }

    static func closing(of s: Substring, open: Character) -> Substring.Index? {
        let close: Character = open == "[" ? "]" : ">"
        var k = s.index(after: s.startIndex)
        while k < s.endIndex {
            if s[k] == "\\" { k = s.index(after: k); if k < s.endIndex { k = s.index(after: k) }; continue }
            if s[k] == close { return k }
            k = s.index(after: k)
        }
        return nil
    }

    /// Splits text into its words (unescaped, whitespace collapsed), `#tags` and `{metadata}`.
    static func inline(_ raw: String) -> (String, [String], [String: [String]], [String]) {
        let chars = Array(raw)
        var text = ""
        var tags: [String] = []
        var meta: [String: [String]] = [:]
        var skipped: [String] = []
        var k = 0
        while k < chars.count {
            let c = chars[k]
            if c == "\\", k + 1 < chars.count { text.append(chars[k + 1]); k += 2; continue }
            if c == "#", k == 0 || chars[k - 1].isWhitespace, k + 1 < chars.count, !chars[k + 1].isWhitespace, chars[k + 1] != "#" {
                var j = k + 1
                var name = ""
                if chars[j] == "(" {
                    j += 1
                    while j < chars.count, chars[j] != ")" { name.append(chars[j]); j += 1 }
                    j += 1
                } else {
                    while j < chars.count, !chars[j].isWhitespace, !",;()[]{}".contains(chars[j]) { name.append(chars[j]); j += 1 }
                    while let last = name.last, ".:!?".contains(last) { name.removeLast(); j -= 1 }
                }
                let t = tag(name)
                if !t.isEmpty, !tags.contains(t) { tags.append(t) }
                k = j
                continue
            }
            if c == "{" {
                var depth = 0, j = k
                var inQuote: Character?
                while j < chars.count {
                    let d = chars[j]
                    if let q = inQuote { if d == "\\" { j += 1 } else if d == q { inQuote = nil } } else if d == "\"" || d == "'" { inQuote = d } else if d == "{" { depth += 1 } else if d == "}" { depth -= 1; if depth == 0 { break } }
                    j += 1
                }
                let body = String(chars[(k + 1)..<min(j, chars.count)])
                for (key, values) in metadata(body) {
                    if ["author", "authors", "kind"].contains(key) { meta[key, default: []] += values } else { skipped.append(key) }
                }
                k = j + 1
                continue
            }
            text.append(c)
            k += 1
        }
        let collapsed = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return (collapsed, tags, meta, skipped)
    }

    /// A YAML-ish flow mapping `key: value, key: [a, "b"]` as keys and string values.
    static func metadata(_ body: String) -> [(String, [String])] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        var inQuote: Character?
        var escaped = false
        for c in body {
            if escaped { current.append(c); escaped = false; continue }
            if let q = inQuote {
                if c == "\\" { escaped = true; current.append(c); continue }
                if c == q { inQuote = nil }
                current.append(c); continue
            }
            switch c {
            case "\"", "'": inQuote = c; current.append(c)
            case "[", "{": depth += 1; current.append(c)
            case "]", "}": depth -= 1; current.append(c)
            case "," where depth == 0: parts.append(current); current = ""
            default: current.append(c)
            }
        }
        parts.append(current)
        var out: [(String, [String])] = []
        for part in parts {
            guard let colon = part.firstIndex(of: ":") else { continue }
            let key = part[..<colon].trimmingCharacters(in: .whitespaces)
            var value = part[part.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            var values: [String] = []
            if value.hasPrefix("[") && value.hasSuffix("]") {
                value = String(value.dropFirst().dropLast())
                values = splitList(value)
            } else {
                values = [unquote(value)]
            }
            if !key.isEmpty { out.append((key, values.filter { !$0.isEmpty })) }
        }
        return out
    }

    static func splitList(_ s: String) -> [String] {
        var items: [String] = []
        var current = ""
        var inQuote: Character?
        var escaped = false
        for c in s {
            if escaped { current.append(c); escaped = false; continue }
            if let q = inQuote {
                if c == "\\" { escaped = true; current.append(c); continue }
                if c == q { inQuote = nil }
                current.append(c); continue
            }
            if c == "\"" || c == "'" { inQuote = c; current.append(c) } else if c == "," { items.append(unquote(current)); current = "" } else { current.append(c) }
        }
        items.append(unquote(current))
        return items
    }

    static func unquote(_ s: String) -> String {
        let t = s.trimmingCharacters(in: .whitespaces)
        guard t.count >= 2, let f = t.first, f == "\"" || f == "'", t.last == f else { return t }
        var out = ""
        var escaped = false
        for c in t.dropFirst().dropLast() {
            if escaped { out.append(c); escaped = false } else if c == "\\" && f == "\"" { escaped = true } else { out.append(c) }
        }
        return out
    }

    static func unescape(_ s: String) -> String {
        var out = ""
        var escaped = false
        for c in s {
            if escaped { out.append(c); escaped = false } else if c == "\\" { escaped = true } else { out.append(c) }
        }
        return out
    }

    /// A tag as a slug: kept when it already is one, else lowercased with other characters as `-`.
    static func tag(_ name: String) -> String { Slug.isValid(name) ? name : IDMaker.slugify(name, maxLength: 40) }

    /// Removes `:emoji:` codes such as `:heart:`.
    static func stripEmoji(_ s: String) -> String {
        var out = s
        while let r = out.range(of: #":[a-z0-9_+-]+:"#, options: .regularExpression) { out.removeSubrange(r) }
        return out
    }

    // MARK: Building

    mutating func finish() throws(DiagnosticError) -> ParsedGraph {
        var b = GraphBuilder()
        b.lint = false
        b.name = IDMaker.slugify(URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent).nilIfEmpty
        var actorIDs = IDMaker()
        var actorOf: [String: String] = [:]
        for c in claims where !c.id.isEmpty {
            let text = c.text ?? c.title ?? c.id
            b.add(Claim(id: c.id, text: text, kind: c.kind, tags: c.tags), at: c.location)
            for name in c.authors {
                let actor: String
                if let a = actorOf[name] { actor = a } else {
                    actor = actorIDs.make(name, fallback: "author")
                    actorOf[name] = actor
                    b.add(Actor(id: actor, name: name))
                }
                b.add(GraphBuilder.StanceDraft(actor: actor, claim: c.id, location: c.location))
            }
        }
        for r in relations {
            guard claimIndex[r.from] != nil, claimIndex[r.to] != nil else { continue }
            if r.undercut {
                if let inference = inferenceOf[r.to] {
                    b.add(GraphBuilder.RelationDraft(id: relationIDs.make(r.from + "-undercuts-" + r.to, fallback: "undercut"), kind: .attack,
                                                     source: r.from, target: .relation(inference), note: r.note, location: r.location))
                } else {
                    let what = (claimIndex[r.to].map { claims[$0].isArgument } ?? false) ? "argument '\(r.to)' has no premise–conclusion structure" : "'\(r.to)' is a statement, not an argument"
                    warn("undercut drawn as an attack: \(what), so there is no inference to undercut", r.location)
                    b.add(GraphBuilder.RelationDraft(id: r.id, kind: .attack, source: r.from, target: .claim(r.to), note: "undercut", location: r.location))
                }
            } else {
                b.add(GraphBuilder.RelationDraft(id: r.id, kind: r.kind, source: r.from, target: .claim(r.to), note: r.note, location: r.location))
            }
        }
        do {
            let built = try b.build()
            return ParsedGraph(graph: built.graph, warnings: warnings.sorted { ($0.location?.line ?? 0, $0.location?.column ?? 0) < ($1.location?.line ?? 0, $1.location?.column ?? 0) }, declarations: [])
        } catch {
            throw DiagnosticError(error.diagnostics + warnings)
        }
    }
}
