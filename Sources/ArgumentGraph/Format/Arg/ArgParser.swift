import ArgumentGraphModel
import Foundation

/// The line-by-line state machine behind ``ArgReader``.
///
/// It works on byte offsets: ids are looked up as bytes in the id tables as soon as they are read
/// (only forward references wait, by name, for the end), and places are kept as byte offsets that
/// become ``SourceLocation``s only when a diagnostic is reported.
struct ArgParser {
    var bytes: [UInt8]
    let file: String
    /// Where line 1 starts (3 after a byte order mark).
    var firstLineStart = 0
    var assembly = GraphAssembly()
    var diagnostics: [Diagnostic] = []
    var errorCount = 0
    var spans: [DeclarationSpan] = []
    /// Whether every declaration's span is kept (for saving with comments, for `fmt`); when not, 20 bytes a
    /// declaration fewer (80 MB for 4·10^6 declarations).
    var keepsDeclarations = true

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
    /// Where the claims' texts are stored, many to a chunk (``ClaimText``).
    var texts: TextChunk.Writer
    /// The relation being read, with its marks.
    var relationDraft = Relation(kind: .attack, source: 0, target: .claim(0))
    var relationDraftMarks = GraphAssembly.RelationMarks(source: 0, target: 0)
    var relationDraftExtra: GraphAssembly.ExtraMarks?
    /// Byte offsets of the draft's premises after the first (a linked relation).
    var relationDraftOtherMarks: [Int] = []
    /// Whether the whole file is valid UTF-8, so that no line need be checked on its own.
    var validUTF8 = false
    /// `bytes` as a buffer, valid while ``parse()`` runs (see ``parse(_:)``); lines are slices of it.
    var buffer = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    /// Whether the common declarations are read by their fast paths (tests turn them off to compare both ways).
    var fastPaths = true
    /// Whether, and how, the bytes already read are let go during the parse; nil keeps them (the bytes are the
    /// caller's, or someone else keeps them).
    var release: ByteRelease?
    /// The bytes before this offset were let go.
    var releasedUpTo = 0
    /// How many claims are in the claim-id table, and how many relations and stances had their references resolved.
    var claimsIndexed = 0
    var relationsResolved = 0
    var stancesResolved = 0
    /// Each claim's line and column (of its id), kept as it is read, for the warnings about it: placing them later
    /// would need the bytes.
    var claimLines: [Int32] = []
    var claimColumns: [Int32] = []
    /// Where a claim reference kept as a byte range stands: a stance's claim, or a relation's target or source.
    typealias ClaimReference = (index: Int, isStance: Bool, isTarget: Bool, span: Int)
    /// References not found before a release, with their ids' bytes copied aside (see ``indexAndResolve(final:)``);
    /// their spans are into `deferredBytes`.
    var deferred: [ClaimReference] = []
    var deferredBytes: [UInt8] = []
    /// References not found when letting the bytes go stopped, as spans of the file's bytes, which are then kept.
    var deferredInFile: [ClaimReference] = []

    /// Letting the bytes go while parsing: after every `every` bytes the claims are indexed, the references resolved
    /// and the bytes before the current declaration released (see ``releaseBytes(before:)``).
    struct ByteRelease {
        var every: Int
        /// For tests: overwrite the released bytes with this value rather than give their pages back.
        var poison: UInt8?
    }

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
        var literalLines: [(indent: Int, text: Bytes)] = []
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

    /// The declaration's mark (its id's offset), first and last line, and the properties given so far; and where its
    /// header line starts.
    var pendingLineStart = 0
    var pendingMark = -1
    var pendingFirstLine = 0
    var pendingLastLine = 0
    var pendingKeys: UInt32 = 0

    init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
        texts = TextChunk.Writer(expectedBytes: bytes.count)
    }

    mutating func error(
        _ message: String, line: Int, byteColumn: Int, lineBytes: Bytes, hint: String? = nil
    ) {
        errorCount += 1
        guard errorCount <= ArgReader.errorLimit else { return }
        diagnostics.append(
            Diagnostic(
                .error, message, at: location(line: line, byteColumn: byteColumn, lineBytes: lineBytes), hint: hint))
    }

    /// Converts a byte offset within a line to a 1-based character column.
    func location(line: Int, byteColumn: Int, lineBytes: Bytes) -> SourceLocation {
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

    /// Indexes the claims read since the last call, then resolves the claim references kept as byte ranges by the
    /// relations and stances read since, in two tight loops (a tight loop of independent lookups runs several times
    /// faster than lookups spread over the parse). Called by a parse that lets its bytes go before each release (see
    /// ``ByteRelease``), so that no byte range is read after its bytes are gone: a reference not found yet (most often
    /// an id declared further on) is then copied aside, its id's bytes with it, to be looked up again at the end. At
    /// the end (`final`), what is still not found (an unknown or a non-ASCII id) waits by name, as written, for the
    /// assembly.
    mutating func indexAndResolve(final: Bool) {
        let claims = claimsIndexed..<assembly.claims.count
        // Each id from its bytes in the file (at the claim's mark; the id was decoded from a valid line, so its
        // UTF-8 is those bytes), with no claim copied out of the array.
        bytes.withUnsafeBytes { raw in
            assembly.claims.withUnsafeBufferPointer { cl in
                assembly.claimMarks.withUnsafeBufferPointer { marks in
                    assembly.claimTable.insertNumbered(claims) { i in
                        UnsafeRawBufferPointer(rebasing: raw[marks[i]..<(marks[i] + cl[i].id.utf8.count)])
                    }
                }
            }
        }
        claimsIndexed = claims.upperBound
        if !final && mostlyDeclaredFurtherOn(relationsResolved..<assembly.relations.count) {
            // References before their claims (relations first): they wait for the end, and the bytes with them.
            release = nil
            return
        }
        let relations = relationsResolved..<assembly.relations.count
        let stances = stancesResolved..<assembly.stances.count
        relationsResolved = relations.upperBound
        stancesResolved = stances.upperBound
        // Unknown ids, made pending after the loops.
        var unknown: [ClaimReference] = []
        bytes.withUnsafeBytes { raw in
            assembly.claimTable.withExactLookup { lookup in
                let find = SpanLookup(raw: raw, lookup: lookup)
                // The relations in two halves at once: each half writes only its own relations and unknown list.
                var unknownByHalf: [[ClaimReference]] = [[], []]
                unknownByHalf.withUnsafeMutableBufferPointer { unknownOut in
                    assembly.relations.withUnsafeMutableBufferPointer { rel in
                        Parallel.halves(relations.count, minimum: 200_000) { range, half in
                            let shifted =
                                (range.lowerBound + relations.lowerBound)..<(range.upperBound + relations.lowerBound)
                            find.resolve(rel, shifted, unknown: &unknownOut[half])
                        }
                    }
                }
                unknown = unknownByHalf[0] + unknownByHalf[1]
                assembly.stances.withUnsafeMutableBufferPointer { st in
                    for k in stances where GraphAssembly.isSpan(st[k].claim) {
                        if let v = find.find(st[k].claim) {
                            st[k].claim = v
                        } else {
                            unknown.append((k, true, false, st[k].claim))
                        }
                    }
                }
            }
        }
        if final {
            resolveDeferred(copied: true)
            resolveDeferred(copied: false)
            for (i, isStance, isTarget, r) in unknown {
                let (o, l) = GraphAssembly.span(r)
                wait(byName: String(decoding: bytes[o..<(o + l)], as: UTF8.self), i, isStance, isTarget)
            }
        } else if unknown.count * 8 > 2 * relations.count + stances.count {
            // Many ids declared further on: copying them aside would cost more than it saves. The bytes are kept from
            // here on, and these references looked up in them at the end.
            deferredInFile += unknown
            release = nil
        } else {
            for (i, isStance, isTarget, r) in unknown {
                let (o, l) = GraphAssembly.span(r)
                if let copy = GraphAssembly.spanReference(offset: deferredBytes.count, length: l) {
                    deferredBytes.append(contentsOf: bytes[o..<(o + l)])
                    deferred.append((i, isStance, isTarget, copy))
                } else {
                    wait(byName: String(decoding: bytes[o..<(o + l)], as: UTF8.self), i, isStance, isTarget)
                }
            }
        }
    }

    /// Whether more than one in eight of the claim references of `relations`, sampled at 32 places, are not in the
    /// claim-id table yet.
    private func mostlyDeclaredFurtherOn(_ relations: Range<Int>) -> Bool {
        guard !relations.isEmpty else { return false }
        var asked = 0, missed = 0
        bytes.withUnsafeBytes { raw in
            assembly.claimTable.withExactLookup { lookup in
                let find = SpanLookup(raw: raw, lookup: lookup)
                let step = max(1, relations.count / 32)
                for i in stride(from: relations.lowerBound, to: relations.upperBound, by: step) {
                    var refs = [assembly.relations[i].source]
                    if case let .claim(t) = assembly.relations[i].target { refs.append(t) }
                    for r in refs where GraphAssembly.isSpan(r) {
                        asked += 1
                        if find.find(r) == nil { missed += 1 }
                    }
                }
            }
        }
        return missed * 8 > asked
    }

    /// Looks the references set aside up again (those copied aside, or those left in the file's bytes), now that every
    /// claim is indexed, with the slots of the one 16 places ahead fetched meanwhile; those still not found wait by
    /// name.
    private mutating func resolveDeferred(copied: Bool) {
        let deferred = copied ? self.deferred : deferredInFile
        guard !deferred.isEmpty else { return }
        let source = copied ? deferredBytes : bytes
        var missing: [ClaimReference] = []
        source.withUnsafeBytes { raw in
            assembly.claimTable.withExactLookup { lookup in
                let find = SpanLookup(raw: raw, lookup: lookup)
                for k in deferred.indices {
                    if k + 16 < deferred.count { find.prefetch(deferred[k + 16].span) }
                    let (i, isStance, isTarget, r) = deferred[k]
                    guard let v = find.find(r) else {
                        missing.append(deferred[k])
                        continue
                    }
                    setClaimReference(v, i, isStance, isTarget)
                }
            }
        }
        for (i, isStance, isTarget, r) in missing {
            let (o, l) = GraphAssembly.span(r)
            wait(byName: String(decoding: source[o..<(o + l)], as: UTF8.self), i, isStance, isTarget)
        }
        if copied {
            self.deferred = []
            deferredBytes = []
        } else {
            deferredInFile = []
        }
    }

    /// Makes a claim reference wait by name for the assembly: a non-ASCII id, or any id once the table compares strings.
    private mutating func wait(byName name: String, _ i: Int, _ isStance: Bool, _ isTarget: Bool) {
        setClaimReference(assembly.pending(name), i, isStance, isTarget)
    }

    /// Sets the claim reference of stance `i`, or the target or source of relation `i`.
    private mutating func setClaimReference(_ ref: Int, _ i: Int, _ isStance: Bool, _ isTarget: Bool) {
        if isStance {
            assembly.stances[i].claim = ref
        } else if isTarget {
            assembly.relations[i].target = .claim(ref)
        } else {
            assembly.relations[i].source = ref
        }
    }

    /// Lets the bytes before `offset` go: nothing reads them afterwards (the claims before it are indexed, the
    /// references before it resolved, and ``SourceLocator`` reads the file again to place an error). The kernel takes
    /// the whole pages back (`MADV_DONTNEED`); a test poisons the bytes instead, to catch any later read.
    mutating func releaseBytes(before offset: Int) {
        guard let release, offset > releasedUpTo else { return }
        bytes.withUnsafeBufferPointer { p in
            guard let base = p.baseAddress else { return }
            let from = UnsafeMutablePointer(mutating: base + releasedUpTo)
            if let poison = release.poison {
                from.update(repeating: poison, count: offset - releasedUpTo)
            } else {
                #if os(Linux)
                    let page = 4096
                    let lo = (Int(bitPattern: from) + page - 1) & ~(page - 1)
                    let hi = Int(bitPattern: base + offset) & ~(page - 1)
                    if hi > lo { _ = madvise(UnsafeMutableRawPointer(bitPattern: lo), hi - lo, MADV_DONTNEED) }
                #endif
            }
        }
        releasedUpTo = offset
    }

    /// Parses `bytes`, which `array` (the same bytes) keeps alive while the parse reads them through a pointer.
    mutating func parse(_ array: [UInt8]) {
        array.withUnsafeBufferPointer { p in
            buffer = p
            parseLines()
            buffer = UnsafeBufferPointer(start: nil, count: 0)
        }
    }

    /// The parse proper, over ``buffer``.
    private mutating func parseLines() {
        var lineNumber = 0
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        firstLineStart = start
        let n = bytes.count
        validUTF8 = isValidUTF8(bytes[start...])
        reserveCapacities(from: start)
        while start < n {
            if errorCount >= ArgReader.errorLimit { return }
            let p = buffer.baseAddress!
            let end =
                memchr(p + start, 0x0A, n - start).map { p.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? n
            lineNumber += 1
            var lineEnd = end
            if lineEnd > start, buffer[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            handle(line: buffer[start..<lineEnd], number: lineNumber)
            start = end + 1
            if let release, start - releasedUpTo >= release.every, start < n {
                indexAndResolve(final: false)
                // Not the declaration being read: its lines (a literal block, say) and references are still to use;
                // nor the newline before it, where a place on its first line starts counting columns.
                releaseBytes(before: (current == nil ? start : min(start, pendingLineStart)) - 1)
            }
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
        if keepsDeclarations { spans.reserveCapacity(claims + relations + c("d") + c("g")) }
        assembly.claims.reserveCapacity(claims)
        assembly.claimMarks.reserveCapacity(claims)
        claimLines.reserveCapacity(claims)
        claimColumns.reserveCapacity(claims)
        assembly.claimTable.reserve(claims)
        assembly.relations.reserveCapacity(relations)
        HugePages.advise(reservedIn: &spans)
        HugePages.advise(reservedIn: &assembly.claims)
        HugePages.advise(reservedIn: &assembly.relations)
        assembly.reserveRelationMarks(relations)
    }

    mutating func handle(line: Bytes, number: Int) {
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
                property!.literalLines.append((Int.max, line[line.endIndex...]))
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
            // A plain relation may be appended whole, leaving no declaration pending (and nothing to skip).
            if fastPaths, startPlainRelation(line: line, number: number) { return }
            startDeclaration(line: line, number: number)
            if case .none = current { skipping = true }
            return
        }
        if skipping { return }
        if case .none = current {
            error(
                "indented line outside a declaration", line: number, byteColumn: indent, lineBytes: line,
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
}

/// Claim lookups by the byte range a reference holds, over the file's bytes and the claim-id table's raw pointers.
private struct SpanLookup {
    let raw: UnsafeRawBufferPointer
    let lookup: IdTable.ExactLookup

    /// An id of up to 8 bytes (most) as one word, when 8 bytes can be loaded there.
    @inline(__always) func word(_ o: Int, _ l: Int) -> UInt64? {
        guard l <= 8, o + 8 <= raw.count else { return nil }
        let w = raw.loadUnaligned(fromByteOffset: o, as: UInt64.self)
        return l == 8 ? w : w & ((1 << (8 * UInt64(l))) - 1)
    }

    /// The claim a span reference names, if the table has it.
    @inline(__always) func find(_ r: Int) -> Int? {
        let (o, l) = GraphAssembly.span(r)
        if let w = word(o, l) { return lookup.find(word: w, count: l).map(Int.init) }
        return lookup.find(UnsafeRawBufferPointer(rebasing: raw[o..<(o + l)])).map(Int.init)
    }

    /// Asks the cache for the table slot a span reference would probe first.
    @inline(__always) func prefetch(_ r: Int) {
        guard GraphAssembly.isSpan(r) else { return }
        let (o, l) = GraphAssembly.span(r)
        if let w = word(o, l) { return lookup.prefetch(word: w, count: l) }
        lookup.prefetch(UnsafeRawBufferPointer(rebasing: raw[o..<(o + l)]))
    }

    /// Resolves the span references of `rel[range]` in place, noting those not found.
    func resolve(
        _ rel: UnsafeMutableBufferPointer<Relation>, _ range: Range<Int>, unknown: inout [ArgParser.ClaimReference]
    ) {
        @inline(__always) func resolve(_ i: Int) {
            let source = rel[i].source
            if GraphAssembly.isSpan(source) {
                if let v = find(source) {
                    rel[i].source = v
                } else {
                    unknown.append((i, false, false, source))
                }
            }
            if case let .claim(t) = rel[i].target, GraphAssembly.isSpan(t) {
                if let v = find(t) {
                    rel[i].target = .claim(v)
                } else {
                    unknown.append((i, false, true, t))
                }
            }
        }
        // The slots of the relation 16 places ahead are fetched while this one is looked up.
        let ahead = 16
        for i in range {
            if i + ahead < range.upperBound {
                prefetch(rel[i + ahead].source)
                if case let .claim(t) = rel[i + ahead].target { prefetch(t) }
            }
            resolve(i)
        }
    }
}
