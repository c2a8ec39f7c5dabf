import ArgumentGraphModel
import Foundation

/// The splice worked on the text's UTF-8 bytes: lines are offsets, the output one byte buffer, and a declaration's
/// canonical text is written only when it is compared or emitted. Lines are numbered as the reader numbers them (a
/// line ends at each newline byte, a `\r` before it staying in the line), so a file with `\r\n` line ends keeps its
/// comments too, and what is written into it ends its lines as its first line does. Declarations without an id
/// (stances, relations without one) are matched to their unchanged text through a sorted table of text hashes, each
/// candidate checked against the text itself. On a graph of 10^6 claims and 3·10^6 relations this holds line offsets instead of
/// 8·10^6 line `String`s and no array of every declaration's text.
struct ByteSplice {
    let text: UnsafeBufferPointer<UInt8>
    let declarations: [DeclarationSpan]
    let original: Graph
    let edited: Graph
    /// Where each line starts.
    private let starts: [Int]
    /// How the lines written here end: `\r\n` when the text's first line ends so.
    private let newline: [UInt8]
    private var out: [UInt8] = []
    /// Where each output line starts in ``out`` (each line there is followed by a newline).
    private var outStarts: [Int] = []

    private enum Fate { case keep, rewrite(String), drop }

    /// Whether declarations whose fields show they are written alike (``ArgWriter/writesAlike(_:_:in:_:in:)``) are
    /// kept without writing them (tests turn it off to compare both ways).
    var comparesFields = true

    init(text: UnsafeBufferPointer<UInt8>, declarations: [DeclarationSpan], original: Graph, edited: Graph) {
        self.text = text
        self.declarations = declarations
        self.original = original
        self.edited = edited
        var starts = [0]
        for k in text.indices where text[k] == 0x0A { starts.append(k + 1) }
        self.starts = starts
        newline = starts.count > 1 && starts[1] >= 2 && text[starts[1] - 2] == 0x0D ? [0x0D, 0x0A] : [0x0A]
    }

    private var lineCount: Int { starts.count }

    private func line(_ k: Int) -> UnsafeBufferPointer<UInt8> {
        let end = k + 1 < starts.count ? starts[k + 1] - 1 : text.count
        return UnsafeBufferPointer(rebasing: text[starts[k]..<end])
    }

    /// Whether a line holds only white space (`CharacterSet.whitespaces`: spaces and tabs, and in Unicode the other
    /// space separators), before the `\r` of a `\r\n`.
    private static func isBlank(_ line: some BidirectionalCollection<UInt8>) -> Bool {
        let bytes = line.last == 0x0D ? line.dropLast() : line[...]
        if bytes.allSatisfy({ $0 < 0x80 }) { return bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
        return String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces).isEmpty
    }

    /// Whether a line is empty, but for the `\r` of a `\r\n`.
    private static func isEmpty(_ line: some BidirectionalCollection<UInt8>) -> Bool {
        line.isEmpty || (line.count == 1 && line.first == 0x0D)
    }

    // MARK: Declarations, written when needed

    private static let kinds: [DeclarationSpan.Kind] = [.graph, .document, .actor, .claim, .stance, .relation]

    private static func count(_ g: Graph, _ kind: DeclarationSpan.Kind) -> Int {
        switch kind {
        case .graph: 1
        case .document: g.documents.count
        case .actor: g.actors.count
        case .claim: g.claims.count
        case .stance: g.stances.count
        case .relation: g.relations.count
        }
    }

    private static func block(_ g: Graph, _ kind: DeclarationSpan.Kind, _ i: Int) -> String {
        switch kind {
        case .graph: ArgWriter.header(of: g) ?? ""
        case .document: ArgWriter.document(g.documents[i])
        case .actor: ArgWriter.actor(g.actors[i])
        case .claim: ArgWriter.claim(g.claims[i])
        case .stance: ArgWriter.stance(g.stances[i], in: g)
        case .relation: ArgWriter.relation(g.relations[i], in: g)
        }
    }

    private static func id(_ g: Graph, _ kind: DeclarationSpan.Kind, _ i: Int) -> String? {
        switch kind {
        case .graph: g.name != nil || g.title != nil || g.description != nil ? "graph" : nil
        case .document: g.documents[i].id
        case .actor: g.actors[i].id
        case .claim: g.claims[i].id
        case .stance: nil
        case .relation: g.relations[i].id
        }
    }

    /// The entity of `kind` with `id` in `g` (ids are unique per kind in a graph).
    private static func index(_ g: Graph, _ kind: DeclarationSpan.Kind, id: String) -> Int? {
        switch kind {
        case .graph: id == "graph" && Self.id(g, .graph, 0) != nil ? 0 : nil
        case .document: g.documentIndex(of: id)
        case .actor: g.actorIndex(of: id)
        case .claim: g.claimIndex(of: id)
        case .stance: nil
        case .relation: g.relationIndex(of: id)
        }
    }

    private static func hash(_ s: String) -> UInt64 {
        var s = s
        return s.withUTF8 { UInt64(bitPattern: Int64(IdTable.hash(UnsafeRawBufferPointer($0)))) }
    }

    // MARK: Output

    /// Appends a line of the text as it is (with the `\r` of a `\r\n`).
    private mutating func append(_ line: some Collection<UInt8>) {
        outStarts.append(out.count)
        out.append(contentsOf: line)
        out.append(0x0A)
    }

    /// Appends a line written here, ended as the text's lines end.
    private mutating func appendNew(_ line: some Collection<UInt8>) {
        outStarts.append(out.count)
        out.append(contentsOf: line)
        out.append(contentsOf: newline)
    }

    private mutating func emit(_ range: Range<Int>) {
        for k in range where k >= 0 && k < lineCount { append(line(k)) }
    }

    /// A declaration's text as lines, without the newline that ends it.
    private mutating func emitBlock(_ block: String) {
        var b = Array(block.utf8)
        if b.last == 0x0A { b.removeLast() }
        var start = 0
        for k in b.indices where b[k] == 0x0A {
            appendNew(b[start..<k])
            start = k + 1
        }
        appendNew(b[start...])
    }

    /// The last line written, without its newline.
    private var lastOutLine: ArraySlice<UInt8>? {
        guard let s = outStarts.last else { return nil }
        return out[s..<(out.count - 1)]
    }

    // MARK: The splice

    mutating func run() -> String {
        var fates = [Fate?](repeating: nil, count: declarations.count)
        var unmatched: [DeclarationSpan.Kind: [Int]] = [:]
        var lastSpanOfKind: [DeclarationSpan.Kind: Int] = [:]
        for (p, s) in declarations.enumerated() { lastSpanOfKind[s.kind] = p }
        for kind in Self.kinds {
            let oldCount = Self.count(original, kind), newCount = Self.count(edited, kind)
            var used = [Bool](repeating: false, count: newCount)
            // How many new declarations from the first are used: while an old declaration without an id is written
            // as the new one at its own index and every new one before it is used, that is the one the table below
            // would give (the first unused one of the same text), found without writing either.
            var usedPrefix = 0
            // The new declarations without an id, by the hash of their text, then by position; made when first needed.
            var byText: [(hash: UInt64, index: Int)]?
            for (p, s) in declarations.enumerated() where s.kind == kind {
                while usedPrefix < newCount, used[usedPrefix] { usedPrefix += 1 }
                let i = s.index
                guard i < oldCount else {
                    fates[p] = .drop
                    continue
                }
                if let id = Self.id(original, kind, i) {
                    if let j = Self.index(edited, kind, id: id), Self.id(edited, kind, j) == id, !used[j] {
                        used[j] = true
                        if comparesFields, ArgWriter.writesAlike(kind, i, in: original, j, in: edited) {
                            fates[p] = .keep
                        } else {
                            let new = Self.block(edited, kind, j)
                            fates[p] = new == Self.block(original, kind, i) ? .keep : .rewrite(new)
                        }
                    } else {
                        fates[p] = .drop
                    }
                    continue
                }
                if comparesFields, usedPrefix == i, i < newCount, Self.id(edited, kind, i) == nil,
                    ArgWriter.writesAlike(kind, i, in: original, i, in: edited)
                {
                    used[i] = true
                    fates[p] = .keep
                    continue
                }
                if byText == nil {
                    var table: [(hash: UInt64, index: Int)] = []
                    for j in 0..<newCount where Self.id(edited, kind, j) == nil {
                        table.append((Self.hash(Self.block(edited, kind, j)), j))
                    }
                    table.sort { $0.hash != $1.hash ? $0.hash < $1.hash : $0.index < $1.index }
                    byText = table
                }
                let old = Self.block(original, kind, i)
                if let j = Self.firstUnused(
                    byText!, hash: Self.hash(old), used: used, where: { Self.block(edited, kind, $0) == old })
                {
                    used[j] = true
                    fates[p] = .keep
                } else {
                    fates[p] = .drop
                }
            }
            unmatched[kind] = (0..<newCount).filter {
                !used[$0] && !(kind == .graph && Self.id(edited, kind, $0) == nil)
            }
        }
        // New declarations follow the spacing of the last one of their kind: a blank line before each if it had one.
        var blankBefore: [DeclarationSpan.Kind: Bool] = [:]
        var previousEnd = 0
        for s in declarations {
            let upTo = min(s.leadingLine - 1, lineCount)
            blankBefore[s.kind] =
                s.leadingLine - 1 > previousEnd
                && (previousEnd..<max(previousEnd, upTo)).contains { Self.isBlank(line($0)) }
            previousEnd = s.lastLine
        }
        if lastSpanOfKind[.graph] == nil, let header = unmatched[.graph]?.first {
            emitBlock(Self.block(edited, .graph, header))
            appendNew([])
            unmatched[.graph] = []
        }
        var done = 0  // lines consumed (0-based end)
        for (p, s) in declarations.enumerated() {
            let gap = done..<(s.leadingLine - 1)
            let fate = fates[p] ?? .keep
            if case .drop = fate {
                if gap.contains(where: { $0 >= 0 && $0 < lineCount && !Self.isBlank(line($0)) }) { emit(gap) }
            } else {
                emit(gap)
            }
            switch fate {
            case .keep: emit((s.leadingLine - 1)..<s.lastLine)
            case let .rewrite(block):
                emit((s.leadingLine - 1)..<(s.firstLine - 1))
                emitBlock(block)
            case .drop: break
            }
            done = s.lastLine
            if lastSpanOfKind[s.kind] == p { emitNew(s.kind, &unmatched, blankBefore) }
        }
        // Text after the last declaration, without the final empty piece of a trailing newline.
        var tail = min(done, lineCount)..<lineCount
        if !tail.isEmpty, line(lineCount - 1).isEmpty { tail = tail.lowerBound..<(lineCount - 1) }
        emit(tail)
        for kind in Self.kinds where !(unmatched[kind] ?? []).isEmpty { emitNew(kind, &unmatched, blankBefore) }
        while let last = lastOutLine, Self.isEmpty(last) {
            out.removeSubrange(outStarts.removeLast()...)
        }
        return out.isEmpty ? "\n" : String(decoding: out, as: UTF8.self)
    }

    /// Emits the new declarations of `kind` not placed yet, each after a blank line where the last one of their kind
    /// had one.
    private mutating func emitNew(
        _ kind: DeclarationSpan.Kind, _ unmatched: inout [DeclarationSpan.Kind: [Int]],
        _ blankBefore: [DeclarationSpan.Kind: Bool]
    ) {
        for j in unmatched[kind] ?? [] {
            if let last = lastOutLine, !Self.isBlank(last), blankBefore[kind] ?? true { appendNew([]) }
            emitBlock(Self.block(edited, kind, j))
        }
        unmatched[kind] = []
    }

    /// The first position in `table` (sorted by hash, then position) with this hash, not used, for which `matches`
    /// holds: the earliest unchanged copy of a declaration's text.
    private static func firstUnused(
        _ table: [(hash: UInt64, index: Int)], hash: UInt64, used: [Bool], where matches: (Int) -> Bool
    ) -> Int? {
        var lo = 0, hi = table.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if table[mid].hash < hash { lo = mid + 1 } else { hi = mid }
        }
        while lo < table.count, table[lo].hash == hash {
            let j = table[lo].index
            if !used[j], matches(j) { return j }
            lo += 1
        }
        return nil
    }
}
