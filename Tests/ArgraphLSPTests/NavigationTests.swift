import Testing
@testable import ArgraphLSP

/// Hover, go to definition, find references and the outline, on the fixture.
@Suite struct NavigationTests {
    let s: LSPSession

    init() {
        s = LSPSession()
        s.open(Fixture.uri, Fixture.text)
    }

    func at(_ word: String, inLine prefix: String, offset: Int = 0) -> JSON {
        LSPSession.at(Fixture.uri, Fixture.line(prefix), Fixture.column(word, inLine: prefix) + offset)
    }

    @Test func hoverOnAClaimGivesTextHoldersGroundedLabelAndStrength() {
        let h = s.request("textDocument/hover", at("c1", inLine: "stance bob denies", offset: 1))
        let text = h["contents"]?["value"]?.string ?? ""
        #expect(text.contains("Cats are better than dogs."))
        #expect(text.contains("asserts by: ann in doc1"))
        #expect(text.contains("denies by: bob"))
        // c1 and c2 attack each other: neither is in the grounded extension.
        #expect(text.contains("grounded: **undecided**"))
        #expect(text.contains("DF-QuAD strength: **"))
        let line = Fixture.line("stance bob denies")
        #expect(h.rangeNumbers == [line, 18, line, 20])
        let e1 = s.request("textDocument/hover", at("e1", inLine: "evidence e1"))["contents"]?["value"]?.string ?? ""
        #expect(
            e1.contains("grounded: **in**") && e1.contains("DF-QuAD strength: **0.500**")
                && e1.contains("held by no actor"))
    }

    @Test func hoverOnAnActorCountsClaimsAndDocuments() {
        let text =
            s.request("textDocument/hover", at("bob", inLine: "stance bob asserts"))["contents"]?["value"]?.string ?? ""
        #expect(text.contains("2 claims (1 asserted, 1 denied); in no document"))
        let ann = s.request("textDocument/hover", at("ann", inLine: "  by: ann"))["contents"]?["value"]?.string ?? ""
        #expect(ann.contains("Ann Example") && ann.contains("1 claim (1 asserted, 0 denied) in doc1"))
    }

    @Test func hoverOnNothingIsNull() {
        #expect(s.request("textDocument/hover", at("title", inLine: "  title: Tiny")) == .null)
    }

    @Test func hoverKeepsTheLastGoodGraphWhileALineIsBroken() {
        let line = Fixture.line("attack c1")
        s.change(
            Fixture.uri, version: 2,
            [
                [
                    "range": [
                        "start": ["line": .int(line), "character": 0], "end": ["line": .int(line), "character": 0],
                    ],
                    "text": "attack c1 ->\n",
                ]
            ])
        let text = s.request("textDocument/hover", at("c2", inLine: "claim c2"))["contents"]?["value"]?.string ?? ""
        #expect(text.contains("Dogs are better than cats.") && text.contains("last read without errors"))
    }

    @Test func definitionOfAReferenceIsItsDeclaration() {
        let d = s.request("textDocument/definition", at("c2", inLine: "undercut c2"))
        let line = Fixture.line("claim c2")
        #expect(d.array?.count == 1)
        #expect(d.array?.first?["uri"] == .string(Fixture.uri))
        #expect(d.array?.first?.rangeNumbers == [line, 6, line, 8])
        // The relation id after an undercut's arrow.
        let r = s.request("textDocument/definition", at("s1", inLine: "undercut c2"))
        #expect(r.array?.first?.rangeNumbers == [Fixture.line("support s1"), 8, Fixture.line("support s1"), 10])
        // A claim and an actor may share an id; the kind decides.
        #expect(
            s.request("textDocument/definition", at("doc1", inLine: "stance ann")).array?.first?.rangeNumbers.first
                == Fixture.line("document doc1"))
    }

    @Test func referencesFindEveryUseOfTheSameKind() {
        let refs = s.request(
            "textDocument/references", at("c1", inLine: "claim c1").merging(["context": ["includeDeclaration": true]]))
        let lines = (refs.array ?? []).map { $0.rangeNumbers[0] }
        let expected = ["claim c1", "stance ann", "stance bob denies", "support s1", "attack c2", "attack c1"].map {
            Fixture.line($0)
        }
        #expect(lines.sorted() == expected.sorted())
        let without = s.request(
            "textDocument/references", at("c1", inLine: "claim c1").merging(["context": ["includeDeclaration": false]]))
        #expect(without.array?.count == expected.count - 1)
    }

    @Test func theOutlineListsDocumentsActorsClaimsAndRelations() {
        let symbols =
            s.request("textDocument/documentSymbol", ["textDocument": ["uri": .string(Fixture.uri)]]).array ?? []
        #expect(
            symbols.compactMap { $0["name"]?.string } == [
                "doc1", "ann", "bob", "c1", "e1", "c2", "s1: support", "attack c2 -> c1",
                "attack c1 -> c2", "undercut c2 -> s1",
            ])
        let doc = symbols.first
        #expect(doc?["detail"] == "The first document")
        let l = Fixture.line("document doc1")
        #expect(doc?.rangeNumbers == [l, 0, l + 2, 16])
        #expect(symbols[3]["detail"] == "Cats are better than dogs.")
    }
}

extension JSON {
    /// An object with more members.
    func merging(_ other: JSON) -> JSON {
        guard case var .object(a) = self, case let .object(b) = other else { return self }
        for (k, v) in b { a[k] = v }
        return .object(a)
    }
}

extension NavigationTests {
    @Test func hoverOnARelationAndADocument() {
        let r = s.request("textDocument/hover", at("s1", inLine: "undercut c2"))["contents"]?["value"]?.string ?? ""
        #expect(r.hasPrefix("**support s1**: e1 -> c1") && r.contains("by: ann"))
        let d = s.request("textDocument/hover", at("doc1", inLine: "stance ann"))["contents"]?["value"]?.string ?? ""
        #expect(d.contains("The first document") && d.contains("doc1.txt") && d.contains("1 stance by 1 actor"))
    }
}
