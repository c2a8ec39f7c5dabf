import Foundation
import Testing
import ArgraphTestSupport
@testable import ArgraphREPL

@Suite struct CompleterTests {
    let completer = Completer(session: Fixture.session().0)

    @Test func commandNamesAtTheStart() {
        #expect(completer.complete(before: "", word: "sh") == ["show"])
        #expect(completer.complete(before: "info; ", word: "tr") == ["tree"])
    }

    @Test func idsByArgumentKind() {
        #expect(completer.complete(before: "show ", word: "t") == ["top"])
        #expect(completer.complete(before: "go ", word: "") == ["con", "fact", "pro", "top"])
        #expect(completer.complete(before: "show ", word: "a") == ["alice"])
        #expect(completer.complete(before: "claims --by ", word: "") == ["alice", "bob"])
        #expect(completer.complete(before: "claims --in ", word: "d") == ["doc1"])
        #expect(completer.complete(before: "claims --tag ", word: "") == ["main", "reasons"])
        #expect(completer.complete(before: "path top ", word: "f") == ["fact"])
        #expect(completer.complete(before: "help ", word: "he") == ["help"])
    }

    @Test func optionNamesAfterADash() {
        #expect(completer.complete(before: "claims ", word: "--") == ["--by", "--in", "--tag", "--kind"])
        #expect(completer.complete(before: "tree top ", word: "--d") == ["--depth"])
    }

    @Test func positionsOfMultiWordCommands() {
        #expect(completer.complete(before: "add ", word: "s") == ["stance"])
        #expect(completer.complete(before: "add stance ", word: "b") == ["bob"])
        #expect(completer.complete(before: "add stance bob ", word: "") == ["asserts", "denies"])
        #expect(completer.complete(before: "add stance bob denies ", word: "p") == ["pro"])
        #expect(completer.complete(before: "add stance bob denies pro in ", word: "") == ["doc1"])
        #expect(completer.complete(before: "link pro ", word: "a") == ["attacks"])
        #expect(completer.complete(before: "link pro attacks ", word: "c") == ["con"])
        // A linked relation: a claim after each `+`.
        #expect(completer.complete(before: "link pro + ", word: "c") == ["con"])
        #expect(completer.complete(before: "remove actor ", word: "") == ["alice", "bob"])
        // `premise`: the action, then a named relation's id, then a claim.
        #expect(completer.complete(before: "premise ", word: "") == ["add", "remove"])
        #expect(completer.complete(before: "premise add ", word: "") == ["r1"])
        #expect(completer.complete(before: "premise add ", word: "x") == [])
        #expect(completer.complete(before: "premise add r1 ", word: "c") == ["con"])
    }

    @Test func filePathsAfterLoadAndSave() throws {
        let dir = try ScratchDirectory.make("argraph-complete")
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "".write(to: dir.appendingPathComponent("graph.arg"), atomically: true, encoding: .utf8)
        try "".write(to: dir.appendingPathComponent(".hidden"), atomically: true, encoding: .utf8)
        #expect(
            completer.complete(before: "load ", word: dir.path + "/") == [dir.path + "/graph.arg", dir.path + "/sub/"])
        #expect(completer.complete(before: "save ", word: dir.path + "/g") == [dir.path + "/graph.arg"])
        #expect(completer.complete(before: "load ", word: dir.path + "/.h") == [dir.path + "/.hidden"])
    }

    @Test func nothingForFreeTextUnknownCommandsOrOpenQuotes() {
        #expect(completer.complete(before: "find ", word: "t").isEmpty)
        #expect(completer.complete(before: "frob ", word: "t").isEmpty)
        #expect(completer.complete(before: "add claim x 'some ", word: "t").isEmpty)
    }
}
