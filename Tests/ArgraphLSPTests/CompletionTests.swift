import Testing
@testable import ArgraphLSP

/// Completion offers what may stand at the cursor, each item with documentation.
@Suite struct CompletionTests {
    /// The labels offered after typing `typed` on a new line after line `after` (0-based) of the fixture.
    func labels(typing typed: String, after line: Int = Fixture.line("undercut")) -> (labels: [String], items: [JSON]) {
        let s = LSPSession()
        s.open(Fixture.uri, Fixture.text)
        let at: JSON = ["line": .int(line + 1), "character": 0]
        s.change(Fixture.uri, version: 2, [["range": ["start": at, "end": at], "text": .string(typed + "\n")]])
        let result = s.request("textDocument/completion", LSPSession.at(Fixture.uri, line + 1, typed.utf16.count))
        let items = result["items"]?.array ?? []
        return (items.compactMap { $0["label"]?.string }, items)
    }

    @Test func actorsAfterStance() {
        #expect(labels(typing: "stance ").labels == ["ann", "bob"])
        #expect(labels(typing: "stance a").labels == ["ann", "bob"], "the client filters by the typed prefix")
    }

    @Test func stancesThenClaimsThenInThenDocuments() {
        #expect(labels(typing: "stance ann ").labels == ["asserts", "denies"])
        #expect(labels(typing: "stance ann asserts ").labels == ["c1", "e1", "c2"])
        #expect(labels(typing: "stance ann asserts c2 ").labels == ["in"])
        #expect(labels(typing: "stance ann asserts c2 in ").labels == ["doc1"])
    }

    @Test func claimsAroundTheArrowAndRelationsAfterAnUndercutArrow() {
        #expect(labels(typing: "support ").labels == ["c1", "e1", "c2"])
        #expect(labels(typing: "attack r2: ").labels == ["c1", "e1", "c2"])
        #expect(labels(typing: "attack e1 ").labels == ["->", "+"])
        // A linked relation: claims after each `+`.
        #expect(labels(typing: "support c1 + ").labels == ["c1", "e1", "c2"])
        #expect(labels(typing: "support r9: c1 + e1 ").labels == ["->", "+"])
        #expect(labels(typing: "attack c1 + e1 -> ").labels == ["c1", "e1", "c2"])
        #expect(labels(typing: "attack e1 -> ").labels == ["c1", "e1", "c2"])
        #expect(labels(typing: "undercut e1 -> ").labels == ["s1"])
        let glued = labels(typing: "support e1->c")
        #expect(glued.labels == ["c1", "e1", "c2"])
        // The edit replaces only what follows the arrow.
        let line = Fixture.line("undercut") + 1
        #expect(glued.items.first?["textEdit"]?.rangeNumbers == [line, 12, line, 13])
    }

    @Test func keywordsAtTheStartOfALine() {
        let l = labels(typing: "").labels
        #expect(l.contains("claim") && l.contains("stance") && l.contains("undercut") && l.count == 10)
    }

    @Test func blockKeysNotYetGivenThenActorsAfterBy() {
        let support = Fixture.line("support s1")
        #expect(labels(typing: "  ", after: support + 1).labels == ["weight", "note"], "by: is given already")
        #expect(
            labels(typing: "  ", after: Fixture.line("actor bob")).labels == [
                "name", "affiliation", "role", "credibility",
            ])
        #expect(
            labels(typing: "  kind: ", after: Fixture.line("actor bob") + 1).labels == [
                "person", "institution", "group",
            ])
        #expect(labels(typing: "  by: ", after: Fixture.line("attack c2")).labels == ["ann", "bob"])
        #expect(labels(typing: "  q", after: Fixture.line("stance bob denies")).labels == ["quote"])
        let key = labels(typing: "  ", after: Fixture.line("claim c2")).items.first
        #expect(key?["textEdit"]?["newText"] == "text: ")
    }

    @Test func idItemsCarryTheirTextAsDocumentation() {
        let items = labels(typing: "stance ann asserts ").items
        let c1 = items.first { $0["label"] == "c1" }
        #expect(c1?["documentation"]?["value"]?.string?.contains("Cats are better than dogs.") == true)
        #expect(c1?["detail"] == "claim")
        let ann = labels(typing: "stance ").items.first
        #expect(ann?["documentation"]?["value"]?.string?.contains("Ann Example") == true)
    }
}

extension CompletionTests {
    @Test func nothingIsCompletedInsideAValue() {
        // A continuation line of the description, and a line of a literal block.
        #expect(labels(typing: "    more", after: Fixture.line("  title: Tiny")).labels == [])
        let s = LSPSession()
        s.open(Fixture.uri, "claim a\n  text: |\n  \n")
        #expect(s.request("textDocument/completion", LSPSession.at(Fixture.uri, 2, 2))["items"] == [])
    }
}
