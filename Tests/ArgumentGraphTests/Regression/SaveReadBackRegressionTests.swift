import Foundation
import Testing
@testable import ArgumentGraph

/// Inputs that once gave a graph whose `.arg` form did not read back (found by the round-trip
/// oracles of the fuzz harnesses, Fuzz/Harnesses): saving such a graph wrote a file that
/// argraph itself then rejected. Each input is kept here verbatim.
@Suite struct SaveReadBackRegressionTests {
    /// Reads `.arg` bytes, writes the graph, reads it again: the same graph.
    static func argRoundTrip(_ bytes: [UInt8]) throws -> Graph {
        let g = try ArgReader.read(bytes).graph
        let again = try ArgReader.read(ArgWriter.write(g)).graph
        #expect(again == g)
        return g
    }

    @Test func aCarriageReturnBeforeTheLineEndIsNotPartOfTheText() throws {
        // "claim x: a\r\r\n" was read as text "a\r"; the writer then wrote "a\r" on a line of
        // its own, whose CR the reader takes as a line ending: the text changed on saving.
        let g = try Self.argRoundTrip(Array("claim x: a\r\r\n".utf8))
        #expect(g.claims[0].text == "a")
        // The same in a literal block, and with blanks between the CRs.
        let lit = try Self.argRoundTrip(Array("claim x\n  text: |\n    a\r \r\n    b\n".utf8))
        #expect(lit.claims[0].text == "a\nb")
    }

    @Test func aCRLFInsideAJSONTextIsWrittenAsTwoLines() throws {
        // "A\r\nB" is one Swift Character at the break, so splitting on "\n" missed it and the
        // writer put "B" in column 1: `unknown declaration 'B'` when the file was read back.
        let g = try GraphJSON.decode(
            Data(#"{"claims":[{"id":"a","text":"A\r\nB"}],"relations":[],"actors":[{"id":"p","name":"P\r\nQ"}]}"#.utf8))
        let text = ArgWriter.write(g)
        let back = try ArgReader.read(text).graph
        #expect(back.claims[0].text == "A\nB")
        #expect(back.actors[0].name == "P\nQ")
    }

    @Test(arguments: [
        (#"{"claims":[{"id":"a","text":"A","tags":["x y"]}]}"#, "invalid tag 'x y' on claim 'a'"),
        (#"{"claims":[{"id":"a","text":"A","tags":["x\ny"]}]}"#, "invalid tag"),
        (
            #"{"claims":[{"id":"a","text":"A"},{"id":"b","text":"B"}],"relations":[{"kind":"support","from":"a","to":"b","note":""}]}"#,
            "the relation's note is empty"
        ),
        (#"{"documents":[{"id":"d","title":" "}]}"#, "document 'd' has no title"),
        (#"{"documents":[{"id":"d","title":"T","publisher":""}]}"#, "property 'publisher' of document 'd' is empty"),
        (#"{"actors":[{"id":"a","name":"A","role":"  "}]}"#, "property 'role' of actor 'a' is empty"),
        (#"{"actors":[{"id":"a","name":"\n"}]}"#, "actor 'a' has an empty name"),
        (#"{"name":"two words"}"#, "'two words' is not a valid graph id"),
        (#"{"name":"g","title":""}"#, "the graph's title is empty"),
    ])
    func whatTheArgFormCannotSpellIsRejectedFromJSON(json: String, message: String) throws {
        // Each of these was accepted from JSON, and its .arg form was rejected on reading.
        let e = try #require(throws: DiagnosticError.self) { try GraphJSON.decode(Data(json.utf8)) }
        #expect(e.errors.contains { $0.message.contains(message) }, "\(e)")
    }

    @Test func aTagListedTwiceInJSONIsKeptOnce() throws {
        // The .arg reader drops a repeated tag, so the builder does too: JSON -> .arg -> graph is stable.
        let g = try GraphJSON.decode(Data(#"{"claims":[{"id":"a","text":"A","tags":["x","y","x"]}]}"#.utf8))
        #expect(g.claims[0].tags == ["x", "y"])
        #expect(try ArgReader.read(ArgWriter.write(g)).graph == g)
    }

    @Test func trailingCRsOfAPropertyValueArePartOfTheLineEnding() throws {
        // Fuzz/artifacts/arg/crash-90bf9fa7: `role: the vi reports as n\r\r\r\r\n` kept three CRs in the value;
        // the writer put it in a literal block, whose lines lose trailing CRs, so saving changed the actor.
        let text = "actor ab\n  role: x y\r\r\r\n  name: Holders arse\r\ro longer\n"
        let g = try Self.argRoundTrip(Array(text.utf8))
        #expect(g.actors[0].role == "x y")
        #expect(g.actors[0].name == "Holders arse\r\ro longer")  // CRs inside a value are kept
    }

    @Test func aGraphNameMustBeAnIdAsInEveryOtherReader() throws {
        // Fuzz/artifacts/arg/crash-7e57578e: `graph\t      \r…\r   ` took the run of CRs as the name; the writer
        // printed `graph \r…\r\n`, whose CRs are a line ending when read back, so the saved graph had no name.
        let text = "graph\t      " + String(repeating: "\r", count: 62) + String(repeating: " ", count: 27)
        let error = #expect(throws: DiagnosticError.self) { try ArgReader.read(Array(text.utf8)) }
        let d = try #require(error?.diagnostics.first)
        #expect(d.message.contains("is not a valid graph id"))
        #expect(d.location?.line == 1 && d.location?.column == 13)
        // The JSON reader says the same of the same name.
        #expect(throws: DiagnosticError.self) { try GraphJSON.decode(Data(#"{"name":"\r\r","claims":[]}"#.utf8)) }
        // A slug still reads back.
        #expect(try Self.argRoundTrip(Array("graph us-japan.v2\nclaim a: A\n".utf8)).name == "us-japan.v2")
    }
}
