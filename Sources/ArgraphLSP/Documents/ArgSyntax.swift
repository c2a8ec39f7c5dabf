import ArgumentGraph

/// Where each id of an `.arg` text is declared and named, read line by line and tolerant of errors.
///
/// ``ArgReader`` gives a graph or diagnostics and keeps no place of a reference; an editor needs the places of every
/// id, also while the text does not read (half a line typed). This index follows the same line rules as the reader
/// (`docs/format.md`): declarations in column 1, indented properties, deeper continuation lines, `|` literal blocks,
/// `#` comments outside them.
public struct ArgSyntax: Sendable {
    /// The kinds of ids; ids are unique per kind.
    public enum IDKind: String, Sendable, Hashable, CaseIterable {
        case document, actor, claim, relation
    }

    /// One id written in the text.
    public struct Occurrence: Sendable, Hashable {
        public var kind: IDKind
        public var id: String
        /// The id's bytes in the text.
        public var bytes: Range<Int>
        /// Whether this is where the id is declared (else it refers to it).
        public var isDeclaration: Bool
        /// The index in ``ArgSyntax/declarations`` of the declaration it stands in.
        public var declaration: Int
    }

    /// One `key: value` property line (with its continuation lines).
    public struct Property: Sendable, Hashable {
        public var key: String
        public var keyBytes: Range<Int>
        /// The value, continuation lines joined with a space (a literal block keeps its line breaks).
        public var value: String
        /// From the first byte of the value to the end of its last line (empty after `key:` with nothing).
        public var valueBytes: Range<Int>
    }

    /// One declaration: its header line and the properties under it.
    public struct Declaration: Sendable, Hashable {
        /// The header's first word (`claim`, `stance`, `undercut`, or what was typed).
        public var keyword: String
        /// The declared id (nil for a stance, an unnamed relation, a header without one).
        public var id: String?
        public var idBytes: Range<Int>?
        /// The header line and the last line of the declaration (0-based).
        public var firstLine: Int
        public var lastLine: Int
        /// The header's text after the id (a claim's inline text, a relation's `FROM -> TO`).
        public var headerRest: String
        public var properties: [Property]

        /// The kind of id it declares, if any.
        public var kind: IDKind? {
            switch keyword {
            case "document": .document
            case "actor": .actor
            case "claim", "evidence", "proposal": .claim
            case "support", "attack", "undercut": .relation
            default: nil
            }
        }

        /// The first value of property `key`.
        public func property(_ key: String) -> String? { properties.first { $0.key == key }?.value }

        /// A claim's text: inline on the header or in `text:`.
        public var claimText: String? {
            let inline = headerRest.hasPrefix(":") ? String(headerRest.dropFirst()).trimmed : ""
            return inline.isEmpty ? property("text") : inline
        }
    }

    public private(set) var declarations: [Declaration] = []
    public private(set) var occurrences: [Occurrence] = []

    /// The declaration keywords, in the order `docs/format.md` lists them.
    public static let keywords = [
        "graph", "document", "actor", "claim", "evidence", "proposal", "stance", "support", "attack", "undercut",
    ]

    /// Indexes a text.
    public init(_ doc: TextDocument) {
        var scanner = Scanner(doc: doc)
        scanner.run()
        declarations = scanner.declarations
        occurrences = scanner.occurrences
    }

    /// The occurrence whose id contains byte `offset` (or ends right at it, so that a cursor after an id finds it).
    public func occurrence(at offset: Int) -> Occurrence? {
        occurrences.first { $0.bytes.contains(offset) } ?? occurrences.first { $0.bytes.upperBound == offset }
    }

    /// Every occurrence of an id of a kind, declarations first.
    public func occurrences(of kind: IDKind, _ id: String) -> [Occurrence] {
        let all = occurrences.filter { $0.kind == kind && $0.id == id }
        return all.filter(\.isDeclaration) + all.filter { !$0.isDeclaration }
    }

    /// The declarations of ids of a kind, in text order.
    public func declarations(of kind: IDKind) -> [Declaration] {
        declarations.filter { $0.kind == kind && $0.id != nil }
    }

    /// The first declaration of an id of a kind.
    public func declaration(of kind: IDKind, _ id: String) -> Declaration? {
        declarations.first { $0.kind == kind && $0.id == id }
    }

    /// The declaration whose lines include `line` (0-based).
    public func declaration(atLine line: Int) -> Declaration? {
        guard let i = declarationIndex(atLine: line) else { return nil }
        return declarations[i]
    }

    func declarationIndex(atLine line: Int) -> Int? {
        var lo = 0, hi = declarations.count - 1
        guard hi >= 0, declarations[0].firstLine <= line else { return nil }
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if declarations[mid].firstLine <= line { lo = mid } else { hi = mid - 1 }
        }
        return line <= declarations[lo].lastLine ? lo : nil
    }
}

extension String {
    var trimmed: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s.removeLast() }
        return String(s)
    }
}

/// The line-by-line pass behind ``ArgSyntax``.
private struct Scanner {
    let doc: TextDocument
    var declarations: [ArgSyntax.Declaration] = []
    var occurrences: [ArgSyntax.Occurrence] = []
    /// The property being read: its index in the current declaration, indentation, and whether it is a literal block.
    var property: (index: Int, indent: Int, literal: Bool)?

    init(doc: TextDocument) { self.doc = doc }

    /// A word of a line: its bytes in the text.
    struct Word {
        var range: Range<Int>
    }

    func string(_ r: Range<Int>) -> String { String(decoding: doc.bytes[r], as: UTF8.self) }

    func words(_ r: Range<Int>) -> [Word] {
        var out: [Word] = []
        var i = r.lowerBound
        while i < r.upperBound {
            while i < r.upperBound, doc.bytes[i] == 0x20 || doc.bytes[i] == 0x09 { i += 1 }
            guard i < r.upperBound else { break }
            let s = i
            while i < r.upperBound, doc.bytes[i] != 0x20, doc.bytes[i] != 0x09 { i += 1 }
            out.append(Word(range: s..<i))
        }
        return out
    }

    mutating func run() {
        for n in 0..<doc.lineCount {
            let line = doc.lineBytes(n)
            var i = line.startIndex
            var indent = 0
            while i < line.endIndex, line[i] == 0x20 || line[i] == 0x09 { i += 1; indent += 1 }
            let blank = i == line.endIndex
            if let p = property, p.literal {
                if blank { continue }
                if indent > p.indent {
                    extendProperty(
                        to: line.endIndex, line: n, text: string(line.startIndex..<line.endIndex), literal: true);
                    continue
                }
            }
            if blank { continue }
            if line[i] == UInt8(ascii: "#") { continue }
            if indent == 0 {
                property = nil
                header(line.startIndex..<line.endIndex, line: n)
                continue
            }
            guard !declarations.isEmpty else { continue }
            if let p = property, indent > p.indent {
                extendProperty(to: line.endIndex, line: n, text: string(i..<line.endIndex).trimmed, literal: false)
                continue
            }
            propertyLine(i..<line.endIndex, indent: indent, line: n)
        }
    }

    mutating func extendProperty(to end: Int, line: Int, text: String, literal: Bool) {
        guard let p = property else { return }
        let d = declarations.count - 1
        declarations[d].lastLine = line
        var prop = declarations[d].properties[p.index]
        if literal {
            prop.value += (prop.value.isEmpty ? "" : "\n") + text
        } else if !text.isEmpty {
            prop.value += (prop.value.isEmpty ? "" : " ") + text
        }
        prop.valueBytes = prop.valueBytes.lowerBound..<end
        declarations[d].properties[p.index] = prop
    }

    mutating func propertyLine(_ r: Range<Int>, indent: Int, line: Int) {
        let d = declarations.count - 1
        declarations[d].lastLine = line
        var j = r.lowerBound
        while j < r.upperBound, doc.bytes[j] != UInt8(ascii: ":"), doc.bytes[j] != 0x20, doc.bytes[j] != 0x09 { j += 1 }
        let keyRange = r.lowerBound..<j
        // `quote LOCATION:` has a word between the key and the colon.
        while j < r.upperBound, doc.bytes[j] != UInt8(ascii: ":") { j += 1 }
        guard j < r.upperBound else {
            property = nil
            return
        }
        var v = j + 1
        while v < r.upperBound, doc.bytes[v] == 0x20 || doc.bytes[v] == 0x09 { v += 1 }
        var end = r.upperBound
        while end > v, doc.bytes[end - 1] == 0x20 || doc.bytes[end - 1] == 0x09 { end -= 1 }
        let raw = string(v..<end)
        let literal = raw == "|"
        let key = string(keyRange)
        // A literal block's value starts at its `|`, so that replacing the value replaces the block.
        declarations[d].properties.append(
            ArgSyntax.Property(key: key, keyBytes: keyRange, value: literal ? "" : raw, valueBytes: v..<end))
        property = (declarations[d].properties.count - 1, indent, literal)
        if key == "by", declarations[d].kind == .relation, v < end {
            occurrences.append(.init(kind: .actor, id: raw, bytes: v..<end, isDeclaration: false, declaration: d))
        }
    }

    mutating func header(_ r: Range<Int>, line: Int) {
        let ws = words(r)
        guard let first = ws.first else { return }
        let keyword = string(first.range)
        let d = declarations.count
        var decl = ArgSyntax.Declaration(
            keyword: keyword, id: nil, idBytes: nil, firstLine: line, lastLine: line,
            headerRest: string(first.range.upperBound..<r.upperBound).trimmed, properties: [])
        func add(_ kind: ArgSyntax.IDKind, _ range: Range<Int>, declaration: Bool = false) {
            guard !range.isEmpty else { return }
            occurrences.append(
                .init(kind: kind, id: string(range), bytes: range, isDeclaration: declaration, declaration: d))
            if declaration {
                decl.id = string(range)
                decl.idBytes = range
            }
        }
        switch keyword {
        case "document", "actor":
            if ws.count > 1 { add(keyword == "actor" ? .actor : .document, ws[1].range, declaration: true) }
        case "claim", "evidence", "proposal":
            var j = first.range.upperBound
            while j < r.upperBound, doc.bytes[j] == 0x20 || doc.bytes[j] == 0x09 { j += 1 }
            let s = j
            while j < r.upperBound, doc.bytes[j] != UInt8(ascii: ":"), doc.bytes[j] != 0x20, doc.bytes[j] != 0x09 {
                j += 1
            }
            add(.claim, s..<j, declaration: true)
            decl.headerRest = string(j..<r.upperBound).trimmed
        case "stance":
            if ws.count > 1 { add(.actor, ws[1].range) }
            if ws.count > 3 { add(.claim, ws[3].range) }
            if ws.count > 5, string(ws[4].range) == "in" { add(.document, ws[5].range) }
        case "support", "attack", "undercut":
            for (kind, range, declaration) in relationHeader(ws, keyword: keyword) {
                add(kind, range, declaration: declaration)
            }
        default:
            break
        }
        declarations.append(decl)
    }

    /// `KEYWORD [ID:] FROM -> TO`: the arrow may stand alone or touch the words around it.
    func relationHeader(_ ws: [Word], keyword: String) -> [(ArgSyntax.IDKind, Range<Int>, Bool)] {
        var found: [(ArgSyntax.IDKind, Range<Int>, Bool)] = []
        func add(_ kind: ArgSyntax.IDKind, _ range: Range<Int>, _ declaration: Bool) {
            found.append((kind, range, declaration))
        }
        guard ws.count > 1 else { return [] }
        let line = ws[0].range.upperBound..<ws[ws.count - 1].range.upperBound
        var arrow: Int?
        var k = line.lowerBound
        while k + 1 < line.upperBound {
            if doc.bytes[k] == UInt8(ascii: "-"), doc.bytes[k + 1] == UInt8(ascii: ">") { arrow = k; break }
            k += 1
        }
        let leftEnd = arrow ?? line.upperBound
        var left = words(line.lowerBound..<leftEnd)
        if let w = left.first {
            if doc.bytes[w.range.upperBound - 1] == UInt8(ascii: ":") {
                add(.relation, w.range.lowerBound..<(w.range.upperBound - 1), true)
                left.removeFirst()
            } else if left.count > 1, string(left[1].range) == ":" {
                add(.relation, w.range, true)
                left.removeFirst(2)
            }
        }
        // Every premise: `a`, or `a + b` (a linked relation), the '+' standing alone or touching the ids.
        for w in left {
            var start = w.range.lowerBound
            for k in w.range where doc.bytes[k] == UInt8(ascii: "+") {
                if k > start { add(.claim, start..<k, false) }
                start = k + 1
            }
            if start < w.range.upperBound { add(.claim, start..<w.range.upperBound, false) }
        }
        if let arrow, let target = words((arrow + 2)..<line.upperBound).first {
            add(keyword == "undercut" ? .relation : .claim, target.range, false)
        }
        return found
    }
}
