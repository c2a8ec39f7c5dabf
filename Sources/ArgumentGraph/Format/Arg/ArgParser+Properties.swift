import ArgumentGraphModel
import ArgumentGraphText
import Foundation

// The indented property lines of `.arg` (`key: value`), applied to the declaration they follow.
extension ArgParser {
    /// The property keys, each with a bit for the set of keys a declaration has given.
    enum PropertyKey: String, CaseIterable {
        case title, description, publisher, date, url, file, skip, name, kind, affiliation, role, credibility, text,
            tags, base, quote, weight, by, note

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
        .document: [.title, .publisher, .date, .url, .file, .skip],
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
            let text = String(decoding: line[ls..<j], as: UTF8.self)
            if let q = QuoteLocation(text) {
                quoteLocation = q
            } else {
                errorAt(
                    "invalid quote location '\(text)'", location(line: number, offset: ls),
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
            return SourceLocation(
                file: file, line: p.line, column: SourceLocator.column(bytes, from: start, to: p.mark))
        }
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
                for t in value.split(separator: ",") {
                    let tag = t.trimmingCharacters(in: .whitespaces)
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
