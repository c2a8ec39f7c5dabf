import Testing
@testable import ArgraphLSP

/// The document store's text: UTF-16 positions, and incremental edits equal to editing the text as a string.
@Suite struct TextDocumentTests {
    @Test func positionsCountUTF16CodeUnits() {
        let doc = TextDocument("aé😀b\nx\r\nlast")
        // a(1) é(1) 😀(2) b(1): 'b' is at UTF-16 column 4, byte 1 + 2 + 4 = 7.
        #expect(doc.offset(of: Position(line: 0, character: 4)) == 7)
        #expect(doc.position(of: 7) == Position(line: 0, character: 4))
        // Inside the surrogate pair rounds down to the emoji's start.
        #expect(doc.offset(of: Position(line: 0, character: 3)) == 3)
        // Past the end of a line: its end (before "\r\n"); past the last line: the end of the text.
        #expect(doc.offset(of: Position(line: 1, character: 99)) == 10)
        #expect(doc.offset(of: Position(line: 9, character: 0)) == doc.bytes.count)
        #expect(doc.line(1) == "x")
        #expect(doc.position(line: 1, scalarColumn: 4) == Position(line: 0, character: 4), "scalar column 4 is 'b'")
    }

    /// The reference: the same edit made on the text as UTF-16 code units.
    func reference(_ text: String, _ change: TextDocument.Change) -> String {
        guard let r = change.range else { return change.text }
        var lines = utf16Lines(text)
        func index(_ p: Position) -> Int {
            guard p.line < lines.count else { return lines.map { $0.count + 1 }.reduce(0, +) - 1 }
            var content = lines[p.line].count
            if content > 0, lines[p.line][content - 1] == 0x0D { content -= 1 }
            let ch = min(p.character, content)
            return lines[..<p.line].map { $0.count + 1 }.reduce(0, +) + ch
        }
        var units = Array(text.utf16)
        let lo = index(r.start), hi = max(lo, index(r.end))
        units.replaceSubrange(lo..<hi, with: Array(change.text.utf16))
        lines = []
        return String(decoding: units, as: UTF16.self)
    }

    @Test func editsInsertDeleteAndReplaceAcrossLines() {
        var doc = TextDocument("claim a: A.\nclaim b: B.\n")
        doc.apply(.init(range: TextRange(Position(line: 0, character: 6), Position(line: 0, character: 7)), text: "x"))
        #expect(doc.text == "claim x: A.\nclaim b: B.\n")
        doc.apply(.init(range: TextRange(Position(line: 0, character: 11), Position(line: 1, character: 0)), text: ""))
        #expect(doc.text == "claim x: A.claim b: B.\n")
        #expect(doc.lineStarts == [0, 23])
        doc.apply(
            .init(
                range: TextRange(Position(line: 0, character: 11), Position(line: 0, character: 11)), text: "\n\n# c\n")
        )
        #expect(doc.text == "claim x: A.\n\n# c\nclaim b: B.\n")
        #expect(doc.lineStarts == [0, 12, 13, 17, 29])
        doc.apply(.init(range: nil, text: "whole"))
        #expect(doc.text == "whole" && doc.lineStarts == [0])
    }

    @Test func randomEditsMatchTheReference() {
        var rng = SplitMix(seed: 19)
        let pieces = ["a", "é", "😀", "\n", "\r\n", " ", "claim ", "—", "x\ny"]
        for _ in 0..<300 {
            var text = (0..<rng.next(20)).map { _ in pieces[rng.next(pieces.count)] }.joined()
            var doc = TextDocument(text)
            for _ in 0..<8 {
                let lines = doc.lineCount + 1
                let a = Position(line: rng.next(lines), character: rng.next(6))
                let b = Position(line: rng.next(lines), character: rng.next(6))
                let change = TextDocument.Change(
                    range: TextRange(min(a, b), max(a, b)),
                    text: (0..<rng.next(3)).map { _ in pieces[rng.next(pieces.count)] }.joined())
                let expected = reference(text, change)
                // Only edits whose ends fall on character boundaries are comparable (the reference does not round).
                guard !splitsSurrogate(text, change) else { continue }
                doc.apply(change)
                text = expected
                #expect(doc.text == text)
                #expect(doc.lineStarts == TextDocument(text).lineStarts)
            }
        }
    }

    /// The lines as UTF-16 (split on the code unit: as a Character, "\r\n" is not "\n").
    func utf16Lines(_ text: String) -> [[UInt16]] {
        Array(text.utf16).split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
    }

    func splitsSurrogate(_ text: String, _ c: TextDocument.Change) -> Bool {
        let lines = utf16Lines(text)
        for p in [c.range!.start, c.range!.end]
        where p.line < lines.count && p.character > 0 && p.character < lines[p.line].count {
            if UTF16.isTrailSurrogate(lines[p.line][p.character]) { return true }
        }
        return false
    }
}

/// A small seeded generator, so that failures repeat.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(max(bound, 1)))
    }
}

/// The store: the edits of one `didChange` apply in order, each to the text the previous one left.
@Suite struct DocumentStoreTests {
    @Test func changesApplyInOrderAndKeepTheLastGoodGraph() {
        var store = DocumentStore()
        store.open(uri: "file:///a.arg", version: 1, text: "claim a: A.\n")
        let p = { (l: Int, c: Int) in Position(line: l, character: c) }
        let doc = store.change(
            uri: "file:///a.arg", version: 2,
            changes: [
                .init(range: TextRange(p(0, 6), p(0, 7)), text: "b"),  // claim b: A.
                .init(range: TextRange(p(1, 0), p(1, 0)), text: "claim c\n"),  // a second claim, without text: an error
                .init(range: TextRange(p(1, 6), p(1, 7)), text: "a"),  // claim a (edits the line the last one added)
            ])
        #expect(doc?.text.text == "claim b: A.\nclaim a\n")
        #expect(doc?.version == 2)
        #expect(doc?.analysis.parsed == nil, "claim a has no text")
        #expect(doc?.graph?.claim("a")?.text == "A.", "the last graph that read")
        #expect(store.change(uri: "file:///other.arg", version: 1, changes: []) == nil)
        store.close(uri: "file:///a.arg")
        #expect(store["file:///a.arg"] == nil)
    }

    @Test func aChangeToADocumentThatIsNotOpenIsLoggedNotApplied() {
        let s = LSPSession()
        s.change("file:///never-opened.arg", version: 2, [["text": "claim x: X.\n"]])
        #expect(s.notifications.last?["method"] == "window/logMessage")
        #expect(s.server.store["file:///never-opened.arg"] == nil)
    }
}
