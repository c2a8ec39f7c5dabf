import ArgumentGraphModel
import ArgumentGraphText
import Foundation

// The indented property lines of `.arg` (`key: value`), applied to the declaration they follow.
extension ArgParser {
    /// The property keys, each with a bit for the set of keys a declaration has given.
    enum PropertyKey: String, CaseIterable {
        case title, description, publisher, date, url, file, skip, name, kind, affiliation, role, credibility, text,
            tags, base, quote, weight, by, note

        /// The key's position in `allCases`, as a switch (`allCases` would be an array made on every call).
        var ordinal: UInt32 {
            switch self {
            case .title: 0
            case .description: 1
            case .publisher: 2
            case .date: 3
            case .url: 4
            case .file: 5
            case .skip: 6
            case .name: 7
            case .kind: 8
            case .affiliation: 9
            case .role: 10
            case .credibility: 11
            case .text: 12
            case .tags: 13
            case .base: 14
            case .quote: 15
            case .weight: 16
            case .by: 17
            case .note: 18
            }
        }

        var bit: UInt32 { 1 << ordinal }
        /// The bit of `text`, which every claim header with text sets.
        static let textBit = PropertyKey.text.bit

        init?(_ b: Bytes) {
            func eq(_ s: StaticString) -> Bool {
                guard s.utf8CodeUnitCount == b.count else { return false }
                return b.withBuffer { memcmp($0.baseAddress!, s.utf8Start, b.count) == 0 }
            }
            switch b.first {
            case UInt8(ascii: "a"): if eq("affiliation") { self = .affiliation } else { return nil }
            case UInt8(ascii: "b"):
                if eq("base") { self = .base } else if eq("by") { self = .by } else { return nil }
            case UInt8(ascii: "c"): if eq("credibility") { self = .credibility } else { return nil }
            case UInt8(ascii: "d"):
                if eq("date") { self = .date } else if eq("description") { self = .description } else { return nil }
            case UInt8(ascii: "f"): if eq("file") { self = .file } else { return nil }
            case UInt8(ascii: "k"): if eq("kind") { self = .kind } else { return nil }
            case UInt8(ascii: "n"):
                if eq("name") { self = .name } else if eq("note") { self = .note } else { return nil }
            case UInt8(ascii: "p"): if eq("publisher") { self = .publisher } else { return nil }
            case UInt8(ascii: "q"): if eq("quote") { self = .quote } else { return nil }
            case UInt8(ascii: "r"): if eq("role") { self = .role } else { return nil }
            case UInt8(ascii: "s"): if eq("skip") { self = .skip } else { return nil }
            case UInt8(ascii: "t"):
                if eq("text") {
                    self = .text
                } else if eq("tags") {
                    self = .tags
                } else if eq("title") {
                    self = .title
                } else {
                    return nil
                }
            case UInt8(ascii: "u"): if eq("url") { self = .url } else { return nil }
            case UInt8(ascii: "w"): if eq("weight") { self = .weight } else { return nil }
            default: return nil
            }
        }
    }

    /// The keys allowed in a declaration of `kind`, as a set of ``PropertyKey/bit``s: the one table of them.
    static func allowedKeys(_ kind: DeclarationSpan.Kind) -> UInt32 {
        switch kind {
        case .graph: PropertyKey.title.bit | PropertyKey.description.bit
        case .document:
            PropertyKey.title.bit | PropertyKey.publisher.bit | PropertyKey.date.bit | PropertyKey.url.bit
                | PropertyKey.file.bit | PropertyKey.skip.bit
        case .actor:
            PropertyKey.name.bit | PropertyKey.kind.bit | PropertyKey.affiliation.bit | PropertyKey.role.bit
                | PropertyKey.credibility.bit
        case .claim: PropertyKey.text.bit | PropertyKey.tags.bit | PropertyKey.base.bit
        case .stance: PropertyKey.quote.bit
        case .relation: PropertyKey.weight.bit | PropertyKey.by.bit | PropertyKey.note.bit
        }
    }

    /// The keys allowed in a declaration of `kind`, in declaration order, for messages (from ``allowedKeys(_:)``).
    static func keys(_ kind: DeclarationSpan.Kind) -> [PropertyKey] {
        PropertyKey.allCases.filter { allowedKeys(kind) & $0.bit != 0 }
    }

    mutating func startProperty(line: Bytes, number: Int, indent: Int, at i: Int) {
        var j = i
        while j < line.endIndex, line[j] != UInt8(ascii: ":"), line[j] != 0x20, line[j] != 0x09 { j += 1 }
        let kind = spanKind(current)
        guard let key = PropertyKey(line[i..<j]), ArgParser.allowedKeys(kind) & key.bit != 0 else {
            let allowed = ArgParser.keys(kind)
            let key = line[i..<j].string
            let what = kind == .claim ? "a claim" : "a \(kind.rawValue)"
            let names = allowed.map(\.rawValue)
            errorAt(
                "unknown property '\(key)' for \(what)", location(line: number, offset: i),
                hint: Suggestions.hint(for: key, in: names) ?? "allowed: " + names.joined(separator: ", "))
            clearProperty()
            return
        }
        // quote [LOCATION]: TEXT (and skip [LOCATION]: TEXT)
        var quoteLocation: QuoteLocation?
        while j < line.endIndex, line[j] == 0x20 || line[j] == 0x09 { j += 1 }
        if key == .quote || key == .skip, j < line.endIndex, line[j] != UInt8(ascii: ":") {
            let ls = j
            while j < line.endIndex, line[j] != UInt8(ascii: ":"), line[j] != 0x20, line[j] != 0x09 { j += 1 }
            if let q = QuoteLocation(utf8: line[ls..<j]) {
                quoteLocation = q
            } else {
                errorAt(
                    "invalid quote location '\(line[ls..<j].string)'", location(line: number, offset: ls),
                    hint: "use L12, L12-14 (lines) or 1040-1068 (character offsets)")
            }
            while j < line.endIndex, line[j] == 0x20 || line[j] == 0x09 { j += 1 }
        }
        guard j < line.endIndex, line[j] == UInt8(ascii: ":") else {
            errorAt(
                "expected ':' after '\(key.rawValue)'", location(line: number, offset: j),
                hint: "write '\(key.rawValue): VALUE'")
            clearProperty()
            return
        }
        if key != .quote && key != .skip {
            if pendingKeys & key.bit != 0 {
                errorAt(
                    key == .text ? "the claim's text is given twice" : "duplicate property '\(key.rawValue)'",
                    location(line: number, offset: i))
            }
            pendingKeys |= key.bit
        }
        var valueStart = j + 1
        while valueStart < line.endIndex, line[valueStart] == 0x20 || line[valueStart] == 0x09 { valueStart += 1 }
        var valueEnd = line.endIndex
        // Trailing CRs belong to the line ending, as in every other value (and the writer cannot write them back).
        while valueEnd > valueStart,
            line[valueEnd - 1] == 0x20 || line[valueEnd - 1] == 0x09 || line[valueEnd - 1] == 0x0D
        { valueEnd -= 1 }
        let literal = valueEnd == valueStart + 1 && line[valueStart] == UInt8(ascii: "|")
        inLiteral = literal
        propertyIndent = indent
        property = PropertyState(
            key: key, indent: indent, literal: literal,
            first: literal ? "" : line[valueStart..<valueEnd].string,
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
                l.indent == Int.max ? "" : l.text.dropFirst(common).string
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
        // A local function, not a closure value, whose captures would be boxed on the heap for every property.
        let mark = p.mark, lineNumber = p.line
        func loc() -> SourceLocation { location(line: lineNumber, offset: mark) }
        if value.isEmpty {
            errorAt(
                key == .quote ? "empty quote" : key == .skip ? "empty skip" : "property '\(key.rawValue)' has no value",
                loc())
            return
        }
        func number(_ what: String) -> Double? {
            guard let d = Double(value), d.isFinite else {
                errorAt(
                    "\(what) '\(value)' is not a number", loc(),
                    hint: "write a decimal number between 0 and 1, such as 0.8")
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
            current =
                key == .title
                ? .graph(name: name, title: value, description: description)
                : .graph(name: name, title: title, description: value)
        case var .document(d)?:
            current = nil
            switch key {
            case .title: d.title = value
            case .publisher: d.publisher = value
            case .date:
                if let date = PartialDate(value) {
                    d.date = date
                } else {
                    errorAt("invalid date '\(value)'", loc(), hint: "write YYYY, YYYY-MM or YYYY-MM-DD")
                }
            case .url: d.url = value
            case .skip: d.skips.append(Quote(value, location: quoteLocation))
            default: d.file = value
            }
            current = .document(d)
        case var .actor(a)?:
            current = nil
            switch key {
            case .name: a.name = value
            case .kind:
                if let k = ActorKind(rawValue: value) {
                    a.kind = k
                } else {
                    errorAt(
                        "unknown actor kind '\(value)'", loc(),
                        hint: Suggestions.hint(for: value, in: ActorKind.allCases.map(\.rawValue))
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
                for tag in ArgParser.tagPieces(value) {
                    if !Slug.isValid(tag) {
                        errorAt(
                            "invalid tag '\(tag)'", loc(), hint: "tags are slugs: letters, digits, '-', '_' and '.'")
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
                relationDraft.actor =
                    v.withUTF8 { assembly.actorTable.findExact(UnsafeRawBufferPointer($0)) }.map(Int.init)
                    ?? assembly.pending(value)
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

extension ArgParser {
    /// The tags of a `tags:` value: split at commas (empty pieces left out) and trimmed of whitespace, as
    /// `split(separator: ",")` and `trimmingCharacters(in: .whitespaces)` do; an ASCII value is split on its
    /// bytes (whose only whitespace characters are the space and the tab).
    static func tagPieces(_ value: String) -> [String] {
        var value = value
        let fast = value.withUTF8 { p -> [String]? in
            var acc: UInt8 = 0
            for b in p { acc |= b }
            guard acc < 0x80 else { return nil }
            var out: [String] = []
            var i = 0
            while i < p.count {
                var end = i
                while end < p.count, p[end] != UInt8(ascii: ",") { end += 1 }
                if end > i {
                    var lo = i, hi = end
                    while lo < hi, p[lo] == 0x20 || p[lo] == 0x09 { lo += 1 }
                    while hi > lo, p[hi - 1] == 0x20 || p[hi - 1] == 0x09 { hi -= 1 }
                    out.append(String(decoding: UnsafeBufferPointer(rebasing: p[lo..<hi]), as: UTF8.self))
                }
                i = end + 1
            }
            return out
        }
        if let fast { return fast }
        return value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }
}
