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
    var relationKeys: Set<RelationKey> = []

    /// What makes two relations the same one.
    struct RelationKey: Hashable {
        var kind: RelationKind
        var undercut: Bool
        var from: String
        var to: String
    }
    /// Claims that take part in a relation.
    var related: Set<String> = []
    var inferenceOf: [String: String] = [:]
    var headings: [(level: Int, tag: String)] = []
    var anonymousArguments = 0

    init(file: String) { self.file = file }

    func loc(_ line: Int, _ column: Int) -> SourceLocation { SourceLocation(file: file, line: line, column: column) }

    mutating func warn(_ message: String, _ at: SourceLocation) { warnings.append(Diagnostic(.warning, message, at: at)) }

    // MARK: Comments

    /// Marks the first byte of a character that stood in a comment: it counts as a space. No UTF-8 text has
    /// this byte, nor ``commentTail``, so no character of the input is taken for a comment.
    static let commentMark: UInt8 = 0xFF
    /// Marks the other bytes of a character that stood in a comment: they count as nothing.
    static let commentTail: UInt8 = 0xFE

    /// The text's UTF-8 bytes, CR LF as LF, with comments replaced by ``commentMark`` (one per Unicode scalar,
    /// so that positions stay right) and ``commentTail``; line breaks are kept.
    ///
    /// The scan compares bytes: every marker is ASCII, and no byte of a multi-byte scalar is ASCII. Like
    /// Argdown's own lexer, it reads code points, so a combining mark after `/` does not hide a comment.
    static func stripComments(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var previous: UInt8 = 0
        for b in text.utf8 {
            if b == 0x0A, previous == 0x0D { bytes[bytes.count - 1] = 0x0A } else { bytes.append(b) }
            previous = b
        }
        let n = bytes.count
        func blank(_ from: Int, _ to: Int) {
            for k in from..<min(to, n) where bytes[k] != 0x0A {
                bytes[k] = bytes[k] & 0xC0 == 0x80 ? commentTail : commentMark
            }
        }
        @inline(__always) func at(_ k: Int, _ a: UInt8, _ b: UInt8) -> Bool { k + 1 < n && bytes[k] == a && bytes[k + 1] == b }
        let slash = UInt8(ascii: "/"), star = UInt8(ascii: "*"), dash = UInt8(ascii: "-")
        var i = 0
        while i < n {
            let c = bytes[i]
            if c == UInt8(ascii: "\\") { i += 2; continue }
            if c == UInt8(ascii: "<"), at(i + 1, UInt8(ascii: "!"), dash), i + 3 < n, bytes[i + 3] == dash {
                var j = i + 4
                while j < n, !(at(j, dash, dash) && j + 2 < n && bytes[j + 2] == UInt8(ascii: ">")) { j += 1 }
                blank(i, j + 3); i = j + 3; continue
            }
            if at(i, slash, star) {
                var j = i + 2
                while j < n, !at(j, star, slash) { j += 1 }
                blank(i, j + 2); i = j + 2; continue
            }
            if at(i, slash, slash), i == 0 || isWhitespace(endingAt: i, in: bytes) {
                var j = i
                while j < n, bytes[j] != 0x0A { j += 1 }
                blank(i, j); i = j; continue
            }
            i += 1
        }
        return bytes
    }

    /// Whether the scalar that ends just before `end` is white space (Unicode's White_Space).
    static func isWhitespace(endingAt end: Int, in bytes: [UInt8]) -> Bool {
        let last = bytes[end - 1]
        if last < 0x80 { return last == 0x20 || (0x09...0x0D).contains(last) }
        if last == commentMark || last == commentTail { return false }
        var start = end - 1
        while start > 0, bytes[start] & 0xC0 == 0x80, end - start < 4 { start -= 1 }
        let scalar = String(decoding: bytes[start..<end], as: UTF8.self).unicodeScalars
        return scalar.count == 1 && scalar.first!.properties.isWhitespace
    }

    // MARK: Lines


    /// Whether a scalar is one that `trimmingCharacters(in: .whitespaces)` trims: tab, a space separator (Zs),
    /// or U+200B, as Foundation's set has it.
    @inline(__always) static func isBlank(_ u: Unicode.Scalar) -> Bool {
        if u.value < 0x80 { return u.value == 0x20 || u.value == 0x09 }
        return u.value == 0x200B || u.properties.generalCategory == .spaceSeparator
    }

    /// The text without leading and trailing blanks (``isBlank(_:)``): `trimmingCharacters(in: .whitespaces)`
    /// without Foundation's bridging, which was a tenth of the reader's time.
    static func trimBlanks(_ s: Substring) -> String {
        let u = s.unicodeScalars
        var lo = u.startIndex, hi = u.endIndex
        while lo < hi, isBlank(u[lo]) { lo = u.index(after: lo) }
        while hi > lo, isBlank(u[u.index(before: hi)]) { hi = u.index(before: hi) }
        return String(Substring(u[lo..<hi]))
    }

    /// ``trimBlanks(_:)-(Substring)`` of a whole string.
    static func trimBlanks(_ s: String) -> String { trimBlanks(s[...]) }

    /// Whether the text is empty or blanks alone.
    static func isBlankOnly<S: StringProtocol>(_ s: S) -> Bool { s.unicodeScalars.allSatisfy(isBlank) }

    struct Line {
        var number: Int
        var indent: Int
        var content: String
        var column: Int { indent + 1 }
    }

    mutating func parse(_ text: String) {
        let bytes = Self.stripComments(text)
        var lines: [Line] = []
        var number = 0
        var lineStart = 0
        var content: [UInt8] = []
        while lineStart <= bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            number += 1
            // A line that held only a comment is not a blank line: it does not end a block. Comments count as spaces.
            var hadComment = false
            var k = lineStart
            var indent = 0
            while k < lineEnd {
                let c = bytes[k]
                if c == 0x20 { indent += 1 } else if c == 0x09 { indent += 4 } else if c == Self.commentMark {
                    indent += 1; hadComment = true
                } else if c != Self.commentTail { break }
                k += 1
            }
            if k == lineEnd, hadComment { continue }
            var end = lineEnd
            while end > k {
                let b = bytes[end - 1]
                if b == Self.commentMark || b == Self.commentTail { end -= 1; continue }
                guard Self.isWhitespace(endingAt: end, in: bytes) else { break }
                repeat { end -= 1 } while end > k && bytes[end] & 0xC0 == 0x80
            }
            content.removeAll(keepingCapacity: true)
            for m in k..<end {
                let b = bytes[m]
                if b == Self.commentMark { content.append(0x20) } else if b != Self.commentTail { content.append(b) }
            }
            lines.append(Line(number: number, indent: indent, content: String(decoding: content, as: UTF8.self)))
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
        // Every marker starts with one of these; most lines start with none.
        guard let f = content.utf8.first, f == UInt8(ascii: "<") || f == UInt8(ascii: "+") || f == UInt8(ascii: "-")
            || f == UInt8(ascii: "_") || f == UInt8(ascii: ">") else { return nil }
        for m in Marker.allCases where content.hasPrefix(m.rawValue) {
            let rest = content.dropFirst(m.rawValue.count)
            if rest.first == " " || rest.first == "\t" { return (m, Self.trimBlanks(rest)) }
        }
        return nil
    }

    static func numbered(_ content: String) -> (Int, String)? {
        guard content.utf8.first == UInt8(ascii: "(") else { return nil }
        guard content.first == "(", let close = content.firstIndex(of: ")") else { return nil }
        let digits = content[content.index(after: content.startIndex)..<close]
        guard !digits.isEmpty, digits.count < 6, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(digits) else { return nil }
        return (n, Self.trimBlanks(content[content.index(after: close)...]))
    }

    static func isDashes(_ content: String) -> Bool {
        content.utf8.first == UInt8(ascii: "-") && content.utf8.count >= 2 && content.utf8.allSatisfy { $0 == UInt8(ascii: "-") }
    }

    static func heading(_ content: String) -> (Int, String)? {
        guard content.utf8.first == UInt8(ascii: "#") else { return nil }
        let hashes = content.prefix { $0 == "#" }
        let rest = content.dropFirst(hashes.count)
        guard (1...6).contains(hashes.count), rest.first == " " else { return nil }
        return (hashes.count, Self.trimBlanks(rest))
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
                        r = Self.trimBlanks(r[..<brace])
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
        guard relationKeys.insert(RelationKey(kind: r.kind, undercut: r.undercut, from: r.from, to: r.to)).inserted else { return }
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
            if after.first == ":" || Self.isBlankOnly(after) || after.first == " " {
                title = Self.trimBlanks(Self.unescape(String(s[s.index(after: s.startIndex)..<close])))
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
        // Without an escape, a tag or metadata, the text is the words.
        if !raw.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "{") }) {
            return (collapseWhitespace(raw), [], [:], [])
        }
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
        return (collapseWhitespace(text), tags, meta, skipped)
    }

    /// The words of the text, one space between each: runs of white space become one space, and none is left at either end.
    static func collapseWhitespace(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ") }
        // ASCII: white space is tab to carriage return and the space, as Character.isWhitespace has it.
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var pending = false
        for b in utf8 {
            if b == 0x20 || (0x09...0x0D).contains(b) { pending = !out.isEmpty; continue }
            if pending { out.append(0x20); pending = false }
            out.append(b)
        }
        return String(decoding: out, as: UTF8.self)
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
            let key = Self.trimBlanks(part[..<colon])
            var value = Self.trimBlanks(part[part.index(after: colon)...])
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
        let t = Self.trimBlanks(s)
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
        // The regular expression is costly to run; a heading without two colons has no code to remove.
        guard s.utf8.lazy.filter({ $0 == UInt8(ascii: ":") }).count >= 2 else { return s }
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
