import Testing
@testable import ArgumentGraph

/// Inputs at the extremes give a graph or errors, never a crash, a hang or a stack overflow.
@Suite struct ArgReaderExtremeInputTests {
    @Test func binaryGarbageGivesErrors() {
        var rng = SplitMix64(seed: 42)
        for _ in 0..<50 {
            let bytes = (0..<2000).map { _ in UInt8.random(in: 0...255, using: &rng) }
            do { _ = try ArgReader.read(bytes) } catch {
                #expect(!error.errors.isEmpty)
                #expect(error.errors.count <= ArgReader.errorLimit)
            }
        }
    }

    @Test func tenMegabyteLineIsReadInOnePass() throws {
        let text = String(repeating: "word \"quoted\" ", count: 10_000_000 / 14)
        let g = try ArgReader.read("claim x: " + text + "\n").graph
        #expect(g.claims[0].text.utf8.count > 9_000_000)
        let bad = try #require(throws: DiagnosticError.self) {
            try ArgReader.read(String(repeating: "x", count: 10_000_000))
        }
        #expect(bad.errors.count == 1)
    }

    @Test func longSupportChainReadsAndWritesWithoutRecursion() throws {
        let n = 50_000
        var src = ""
        src.reserveCapacity(n * 40)
        for i in 0..<n { src += "claim c\(i): C\(i).\n" }
        for i in 1..<n { src += "support c\(i) -> c\(i - 1)\n" }
        var parsed = try ArgReader.read(src)
        #expect(parsed.graph.supportCount == n - 1)
        #expect(parsed.graph.supporters(of: 0) == [1])
        let text = ArgWriter.write(parsed.graph)
        parsed = try ArgReader.read(text)
        #expect(parsed.graph.claims.count == n)
    }

    @Test func unfinishedLiteralBlockEndsAtTheEndOfTheFile() throws {
        let g = try ArgReader.read("claim x\n  text: |\n    line one\n    line two").graph
        #expect(g.claims[0].text == "line one\nline two")
    }

    @Test func emptyAndCommentOnlyFilesGiveEmptyGraphs() throws {
        #expect(try ArgReader.read("").graph == Graph.empty)
        #expect(try ArgReader.read("# nothing\n\n   \n").graph == Graph.empty)
    }
}
