import Foundation
import Testing
@testable import ArgumentGraph

@Suite struct GraphJSONTests {
    @Test func writesReadableIdsNotIndices() throws {
        let g = try ArgReader.read(
            "actor a\nclaim x: X.\nclaim y: Y.\nstance a asserts x\nsupport x -> y\n  weight: 0.5\n"
        ).graph
        let json = String(decoding: GraphJSON.encode(g), as: UTF8.self)
        #expect(json.contains("\"from\" : \"x\""))
        #expect(json.contains("\"to\" : \"y\""))
        #expect(json.contains("\"format\" : \"argraph/1\""))
    }

    @Test func malformedJSONIsAClearError() throws {
        let e1 = try #require(throws: DiagnosticError.self) { try GraphJSON.decode(Data("{".utf8), file: "g.json") }
        #expect(e1.errors[0].message.hasPrefix("g.json: invalid"))
        let e2 = try #require(throws: DiagnosticError.self) {
            try GraphJSON.decode(
                Data(
                    #"{"documents":[],"actors":[],"claims":[{"id":"x","text":"X","kind":"claim","tags":[]}],"stances":[],"relations":[{"kind":"support","from":"x","to":"nope"}]}"#
                        .utf8))
        }
        #expect(e2.errors[0].message == "unknown claim 'nope'")
        let e3 = try #require(throws: DiagnosticError.self) {
            try GraphJSON.decode(
                Data(#"{"format":"argraph/2","documents":[],"actors":[],"claims":[],"stances":[],"relations":[]}"#.utf8)
            )
        }
        #expect(e3.errors[0].message == "unsupported format 'argraph/2'")
        let e4 = try #require(throws: DiagnosticError.self) {
            try GraphJSON.decode(
                Data(
                    #"{"documents":[{"id":"d","title":"T","date":"2008/3"}],"actors":[],"claims":[],"stances":[],"relations":[]}"#
                        .utf8))
        }
        #expect(e4.errors[0].message.contains("invalid date '2008/3'"))
    }

    @Test func deeplyNestedJSONIsRejectedWithoutCrashing() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: DiagnosticError.self) { try GraphJSON.decode(Data(deep.utf8)) }
    }
}
