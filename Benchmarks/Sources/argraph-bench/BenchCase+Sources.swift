import ArgumentGraph
import Foundation

extension BenchCase {
    /// The seed texts beside the repository (`../shared/seeds`), or a skip.
    static func seeds() throws -> String {
        let dir =
            ProcessInfo.processInfo.environment["ARGRAPH_SOURCES"]
            ?? (URL(fileURLWithPath: rootDirectory()).deletingLastPathComponent().appendingPathComponent("shared/seeds")
                .path)
        guard FileManager.default.fileExists(atPath: dir) else {
            throw BenchSkip(description: "skipped: no seed texts at \(dir)")
        }
        return dir
    }

    /// Source-text cases (issue #18): verify, coverage and similar on the bundled graph and its five texts.
    static let sources: [BenchCase] = [
        BenchCase(
            name: "verify-bundled",
            summary: "check every quote of the bundled graph against its sources (texts read untimed)",
            input: "", reportsThroughput: false
        ) { _ in
            guard let path = BundledGraphs.defaultGraphPath() else { throw BenchError("bundled graph not found") }
            let g = try ArgReader.read(contentsOf: path).graph
            let checker = QuoteChecker(library: SourceLibrary(graph: g, directory: try seeds()))
            return { _ = checker.check(g) }
        },
        BenchCase(
            name: "verify-bundled-cold",
            summary: "read the five sources and check every quote (as `argraph verify` does)",
            input: "", reportsThroughput: false
        ) { _ in
            guard let path = BundledGraphs.defaultGraphPath() else { throw BenchError("bundled graph not found") }
            let g = try ArgReader.read(contentsOf: path).graph
            let dir = try seeds()
            return { _ = QuoteChecker(library: SourceLibrary(graph: g, directory: dir)).check(g) }
        },
        BenchCase(
            name: "coverage-similar-bundled",
            summary: "coverage of the five sources, then similar pairs with uncovered sentences",
            input: "", reportsThroughput: false
        ) { _ in
            guard let path = BundledGraphs.defaultGraphPath() else { throw BenchError("bundled graph not found") }
            let g = try ArgReader.read(contentsOf: path).graph
            let library = SourceLibrary(graph: g, directory: try seeds())
            return { _ = Restatements.rank(g, coverage: Coverage.compute(g, library: library), sameClaim: true) }
        },
    ]
}
