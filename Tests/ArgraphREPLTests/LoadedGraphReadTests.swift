@testable import ArgumentGraph
import Foundation
import Testing
import ArgraphTestSupport
@testable import ArgraphREPL

/// `LoadedGraph.read(path:)` of an `.arg` file: the parse and the snapshot are what each gives alone, and the graph
/// opened from it keeps neither the bytes nor the declarations (a save reads the file again).
@Suite struct LoadedGraphReadTests {
    @Test(arguments: [2_000, 40_000])
    func theReadIsTheParseAndTheSnapshotOfTheFile(claims: Int) throws {
        let g = GraphGenerator.generate(.init(family: .policy, claims: claims, relations: claims * 2), seed: 5)
        let text = ArgWriter.write(g)
        let dir = try ScratchDirectory.make("argraph-read").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/g.arg"
        try text.write(toFile: file, atomically: false, encoding: .utf8)

        let read = try LoadedGraph.read(path: file)
        #expect(read.isArgText)
        let alone = try FileSnapshot.read(file).snapshot
        #expect(read.snapshot == alone)
        let parsed = try ArgReader.read(text, file: file)
        #expect(GraphJSON.encode(read.parsed.graph) == GraphJSON.encode(parsed.graph))
        #expect(read.parsed.declarations.isEmpty && !parsed.declarations.isEmpty)
        #expect(read.parsed.warnings.description == parsed.warnings.description)
        let lg = LoadedGraph(read)
        guard case .file(let snapshot) = lg.source else {
            Issue.record("the graph keeps \(String(describing: lg.source))")
            return
        }
        #expect(snapshot == alone)
        #expect(lg.argText() == text, "an unedited graph saves as the file it was read from")
    }

    /// The text kept for saving is the file's bytes when they are UTF-8, as Foundation's `String` of them would be.
    @Test(arguments: [
        Array("claim a: été\n".utf8), [], Array("\u{FEFF}claim a: x\n".utf8), [0x61, 0xFF, 0x0A], [0xEF, 0xBB],
        [0xE2, 0x82], Array("🙂\r\n".utf8),
    ])
    func theKeptTextIsWhatFoundationDecodes(_ bytes: [UInt8]) {
        #expect(LoadedGraph.keptText(bytes) == String(bytes: bytes, encoding: .utf8).map { Array($0.utf8) })
    }

    /// A file that starts with a byte order mark keeps it, and its comments, through an edit and a save (the mark
    /// was dropped once: the kept text is decoded by Foundation, which leaves it out).
    @Test(arguments: ["\n", "\r\n"])
    func aByteOrderMarkStaysThroughASave(_ newline: String) throws {
        let dir = try ScratchDirectory.make("argraph-read").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/bom.arg"
        let text = ["\u{FEFF}# A comment.", "claim a: A.", "", "claim b: B.", ""].joined(separator: newline)
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        let lg = LoadedGraph(try LoadedGraph.read(path: file))
        #expect(lg.argText() == text)
        _ = try lg.apply(.addClaim(Claim(id: "c", text: "C.")))
        let saved = lg.argText()
        #expect(Array(saved.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(saved.hasPrefix("\u{FEFF}# A comment." + newline + "claim a: A."))
        #expect(try ArgReader.read(saved).graph.claims.map(\.id) == ["a", "b", "c"])
    }

    @Test func anErrorInALargeFileIsReportedAsTheParseReportsIt() throws {
        let g = GraphGenerator.generate(.init(family: .policy, claims: 40_000, relations: 80_000), seed: 6)
        let text = ArgWriter.write(g) + "\nattack nowhere -> c1\n"
        let dir = try ScratchDirectory.make("argraph-read").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/g.arg"
        try text.write(toFile: file, atomically: false, encoding: .utf8)
        var message = ""
        do {
            _ = try LoadedGraph.read(path: file)
            Issue.record("the read succeeded")
        } catch {
            message = "\(error)"
        }
        #expect(message.contains("unknown claim 'nowhere'"))
        #expect(message.contains("g.arg:"))
    }
}
