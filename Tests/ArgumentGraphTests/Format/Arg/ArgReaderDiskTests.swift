import Foundation
import Testing
import ArgraphTestSupport

@testable import ArgumentGraph

/// A file over 8 MB read from disk: the reader lets its bytes go as it reads (pages given back to the kernel) and
/// reads the file again to place an error; the result is the in-memory read's, which keeps every byte.
@Suite struct ArgReaderDiskTests {
    static func describe(_ read: () throws(DiagnosticError) -> ParsedGraph) -> String {
        do {
            let parsed = try read()
            return String(decoding: GraphJSON.encode(parsed.graph), as: UTF8.self) + "\n" + parsed.warnings.description
                + "\n" + parsed.declarations.map { "\($0)" }.joined(separator: "\n")
        } catch {
            return "error: \(error)"
        }
    }

    @Test(arguments: ["", "\nclaim c7: a duplicate at the end\nattack nowhere -> c1\n"])
    func aLargeFileReadFromDiskReadsAsInMemory(_ tail: String) throws {
        let g = GraphGenerator.generate(.init(family: .random, claims: 70_000, relations: 210_000), seed: 9)
        let text = "claim early: An early claim that nothing names.\n\n" + ArgWriter.write(g) + tail
        #expect(text.utf8.count > 8 << 20)  // over one release's stride
        let path = try ScratchDirectory.file("disk.arg", prefix: "disk").path
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let fromDisk = Self.describe { () throws(DiagnosticError) in try ArgReader.read(contentsOf: path) }
        let inMemory = Self.describe { () throws(DiagnosticError) in try ArgReader.read(Array(text.utf8), file: path) }
        #expect(fromDisk == inMemory)
        if tail.isEmpty {
            #expect(!fromDisk.hasPrefix("error:"))
        } else {
            // Both errors at the end, placed from the file read again; the duplicate names its first place.
            #expect(fromDisk.contains("unknown claim 'nowhere'") && fromDisk.contains("duplicate claim id 'c7'"))
        }
    }
}
