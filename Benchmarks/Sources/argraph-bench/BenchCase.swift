import ArgumentGraph
import Foundation

/// One thing to time on one instance: untimed preparation, then a timed body run several times.
struct BenchCase: Sendable {
    /// A short name, such as `read-arg`.
    let name: String
    /// What is timed, in a few words.
    let summary: String
    /// The instance files it runs on, by extension (`arg`, `json`, `i23`); empty for a case that needs none (run once).
    let input: String
    /// Whether throughput (MB/s of the instance file) means something for this case.
    let reportsThroughput: Bool
    /// When set, only instances whose file name contains one of these (a case too slow or meaningless on the others).
    var instances: [String]? = nil
    /// Loads what the body needs from the instance path (untimed) and returns the body to time.
    let prepare: @Sendable (String) throws -> () throws -> Void

    /// Every case. To add one (DOT export, a REPL command, a solver), add one entry here.
    static let all: [BenchCase] =
        [
            BenchCase(
                name: "read-arg", summary: "read and check an .arg file (bytes to Graph, with warnings)", input: "arg",
                reportsThroughput: true
            ) { path in
                { _ = try ArgReader.read(contentsOf: path) }
            },
            BenchCase(
                name: "read-json", summary: "read and check an argraph JSON file", input: "json",
                reportsThroughput: true
            ) { path in
                { _ = try GraphFile.read(path: path) }
            },
            BenchCase(
                name: "read-i23", summary: "read an ICCMA 2023 attack framework", input: "i23", reportsThroughput: true
            ) { path in
                { _ = try ICCMAReader.read(path: path, format: .i23) }
            },
            BenchCase(
                name: "build", summary: "validate and index a graph with GraphBuilder (ids to indices, adjacency)",
                input: "arg",
                reportsThroughput: false
            ) { path in
                let builder = GraphBuilder(try ArgReader.read(contentsOf: path).graph)
                return { _ = try builder.build() }
            },
            BenchCase(
                name: "index", summary: "Graph.init from entity arrays (id tables and CSR adjacency)", input: "arg",
                reportsThroughput: false
            ) { path in
                let g = try ArgReader.read(contentsOf: path).graph
                return {
                    _ = Graph(
                        name: g.name, title: g.title, description: g.description, documents: g.documents,
                        actors: g.actors,
                        claims: g.claims, stances: g.stances, relations: g.relations)
                }
            },
            BenchCase(
                name: "write-arg", summary: "print the canonical .arg text", input: "arg", reportsThroughput: false
            ) { path in
                let g = try ArgReader.read(contentsOf: path).graph
                return { _ = ArgWriter.write(g) }
            },
            BenchCase(name: "write-json", summary: "encode the JSON form", input: "json", reportsThroughput: false) {
                path in
                let g = try GraphFile.read(path: path).graph
                return { _ = GraphJSON.encode(g) }
            },
            BenchCase(
                name: "grounded", summary: "grounded labelling of a loaded ICCMA attack framework", input: "i23",
                reportsThroughput: false
            ) { path in
                let af = try ICCMAReader.read(path: path, format: .i23).framework
                return { _ = Extensions.grounded(af) }
            },
            BenchCase(
                name: "preferred-one",
                summary: "one preferred extension of a loaded i23 framework (SAT, grounded first)",
                input: "i23", reportsThroughput: false
            ) { path in
                let af = try satSizedFramework(path)
                return { _ = Extensions.one(.preferred, af) }
            },
            BenchCase(
                name: "stable-one",
                summary: "one stable extension (or none) of a loaded i23 framework (SAT, grounded first)",
                input: "i23", reportsThroughput: false
            ) { path in
                let af = try satSizedFramework(path)
                return { _ = Extensions.one(.stable, af) }
            },
        ]
        // Analysis cases (issue #8: gradual semantics, chains, compare, matrix, DOT, REPL): BenchCase+Analysis.swift.
        + analysis + sources
}

/// Why a SAT case does not run on an instance.
struct BenchSkip: Error, CustomStringConvertible {
    let description: String
}

/// The framework of an i23 file for the SAT-based cases, which run on instances of up to 2·10^4 arguments and at most
/// 3 attacks per argument: denser random frameworks (such as 10^4 / 5·10^4) and larger ones (random 5·10^4 /
/// 1.5·10^5: over 10 minutes for one preferred extension) are hard instances that take minutes; the peers table
/// compares the solvers on them with a time limit.
func satSizedFramework(_ path: String) throws -> AttackFramework {
    let af = try ICCMAReader.read(path: path, format: .i23).framework
    if af.count > 20_000 || af.attackCount > 3 * af.count {
        throw BenchSkip(
            description: "skipped: the SAT cases run on instances of up to 20000 arguments and 3 attacks per argument")
    }
    return af
}
