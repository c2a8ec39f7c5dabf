import ArgraphREPL
import ArgumentGraph
import Foundation

// Cases for issue #8's analysis targets: gradual semantics, chains, comparing, DOT export and the REPL.
// Kept in their own file (and block of `BenchCase.all`) so that other case lists merge without conflict.
extension BenchCase {
    /// Gradual semantics, chains, compare, matrix, DOT export, REPL commands and start-up.
    static let analysis: [BenchCase] =
        gradual + [
            BenchCase(
                name: "chains-top10",
                summary: "top-10 support chains (Yen) into the claim with the most supporters, DF-QuAD strengths given",
                input: "arg", reportsThroughput: false, instances: ["layered-", "chain-", "policy-"]
            ) { path in
                let g = try ArgReader.read(contentsOf: path).graph
                let s = Strengths.compute(g).strengths
                let target = mostSupported(g)
                let chains = Chains.top(g, to: target, k: 10, strengths: s)
                note(
                    "chains-top10 \(name(path)): target \(g.claims[target].id) (\(g.supportsTo.degree(target)) supporters), "
                        + "\(chains.count) chains, longest \(chains.map(\.claims.count).max() ?? 0) claims")
                return { _ = Chains.top(g, to: target, k: 10, strengths: s) }
            },
            BenchCase(
                name: "compare", summary: "compare the two actors with the most stances, with the text report",
                input: "arg", reportsThroughput: false, instances: ["policy-"]
            ) { path in
                let g = try ArgReader.read(contentsOf: path).graph
                let busiest = g.actors.indices.sorted {
                    (g.stancesOfActor.degree($0), $1) > (g.stancesOfActor.degree($1), $0)
                }
                guard busiest.count >= 2 else { throw BenchError("needs two actors") }
                let (a, b) = (busiest[0], busiest[1])
                return { _ = PositionReport.comparison(Comparison(g, actor: a, actor: b), in: g, width: 100) }
            },
            // Not on policy-100000 (5,000 actors, 12.5·10^6 pairs): minutes per run; see docs/performance.md.
            BenchCase(
                name: "matrix", summary: "agreement matrix of all actors, seriated (AgreementMatrix)",
                input: "arg", reportsThroughput: false, instances: ["policy-10000-", "policy-2000-"]
            ) { path in
                let g = try ArgReader.read(contentsOf: path).graph
                note("matrix \(name(path)): \(g.actors.count) actors")
                return { _ = AgreementMatrix(g) }
            },
            BenchCase(
                name: "export-dot", summary: "DOT text of the whole graph (DOTExporter, default options)",
                input: "arg", reportsThroughput: false, instances: ["policy-", "random-50000"]
            ) { path in
                let g = try ArgReader.read(contentsOf: path).graph
                return { _ = DOTExporter.write(g) }
            },
            BenchCase(
                name: "repl-show", summary: "REPL `show` of a claim (Shell.execute, output to a buffer), warm",
                input: "arg", reportsThroughput: false, instances: repl
            ) { path in
                let (shell, out) = try replSession(path)
                let id = shell.session.current.graph.claims[shell.session.current.graph.claims.count / 2].id
                return {
                    shell.execute("show " + id); _ = out.take()
                }
            },
            BenchCase(
                name: "repl-find",
                summary: "REPL `find` of two words (all matches counted, 50 shown), folded text cached",
                input: "arg", reportsThroughput: false, instances: repl
            ) { path in
                let (shell, out) = try replSession(path)
                shell.execute("find \(findQuery)")
                note("repl-find \(name(path)): " + (out.take().split(separator: "\n").last.map(String.init) ?? ""))
                return {
                    shell.execute("find \(findQuery)"); _ = out.take()
                }
            },
            BenchCase(
                name: "repl-find-first",
                summary: "the first REPL `find` on a freshly opened graph (builds the folded text)",
                input: "arg", reportsThroughput: false, instances: repl
            ) { path in
                let g = try ArgReader.read(contentsOf: path).graph
                return {
                    let out = BufferedOutput()
                    let session = Session(graphs: [LoadedGraph(name: "bench", graph: g)], output: out)
                    session.isCancelled = { false }
                    Shell(session: session).execute("find \(findQuery)")
                }
            },
            BenchCase(
                name: "repl-complete", summary: "Tab completion of a claim id after `show ` (Completer), index built",
                input: "arg", reportsThroughput: false, instances: repl
            ) { path in
                let (shell, _) = try replSession(path)
                let completer = Completer(session: shell.session)
                let prefix = completionPrefix(shell.session.current.graph)
                note(
                    "repl-complete \(name(path)): '\(prefix)' -> \(completer.complete(before: "show ", word: prefix).count) candidates"
                )
                return { _ = completer.complete(before: "show ", word: prefix) }
            },
            BenchCase(
                name: "repl-complete-first",
                summary: "the first Tab completion on a freshly opened graph (builds the id indexes)",
                input: "arg", reportsThroughput: false, instances: repl
            ) { path in
                let g = try ArgReader.read(contentsOf: path).graph
                let prefix = completionPrefix(g)
                return {
                    let session = Session(graphs: [LoadedGraph(name: "bench", graph: g)])
                    _ = Completer(session: session).complete(before: "show ", word: prefix)
                }
            },
            BenchCase(
                name: "startup-lib",
                summary: "open the bundled graph as the REPL does and build its first prompt (in process)",
                input: "", reportsThroughput: false
            ) { _ in
                guard let path = BundledGraphs.defaultGraphPath() else { throw BenchError("bundled graph not found") }
                return {
                    let g = try LoadedGraph.open(path: path, isReadOnly: true)
                    _ = Session(graphs: [g], output: BufferedOutput()).prompt
                }
            },
            BenchCase(
                name: "startup-cli",
                summary: "run `argraph -c info` on the bundled graph (process start to exit; CPU includes the child's)",
                input: "", reportsThroughput: false
            ) { _ in
                let exe = ProcessInfo.processInfo.environment["ARGRAPH"] ?? rootDirectory() + "/.build/release/argraph"
                guard FileManager.default.isExecutableFile(atPath: exe) else {
                    throw BenchError("no argraph at \(exe); set ARGRAPH")
                }
                return {
                    let p = Process()
                    p.executableURL = URL(fileURLWithPath: exe)
                    p.arguments = ["-c", "info"]
                    p.standardOutput = FileHandle.nullDevice
                    try p.run()
                    p.waitUntilExit()
                    guard p.terminationStatus == 0 else {
                        throw BenchError("argraph -c info exited with \(p.terminationStatus)")
                    }
                }
            },
        ]

    /// One case per gradual semantics, on acyclic (layered, chain) and cyclic (random) graphs.
    static let gradual: [BenchCase] = GradualSemantics.allCases.map { semantics in
        BenchCase(
            name: "gradual-" + shortName(semantics),
            summary: "\(semantics.rawValue) strengths of every claim (Strengths.compute)",
            input: "arg", reportsThroughput: false,
            instances: ["layered-", "chain-", "random-1000-", "random-10000-", "random-50000-"]
        ) { path in
            let g = try ArgReader.read(contentsOf: path).graph
            let options = StrengthOptions(semantics: semantics)
            let r = Strengths.compute(g, options: options)
            // Edge visits: every relation the semantics reads (incoming attacks, supports, undercuts), once per
            // evaluation of the update; RK4 evaluates it four times per step, plus once for the final check.
            let edges = g.relations.filter { semantics.usesSupports || $0.kind == .attack }.count
            let evaluations =
                r.acyclic ? 1 : semantics == .quadraticEnergy ? 4 * r.iterations + (r.converged ? 1 : 0) : r.iterations
            note(
                "gradual-" + shortName(semantics)
                    + " \(name(path)): \(r.acyclic ? "acyclic" : "cyclic"), \(r.iterations) iterations, "
                    + "converged \(r.converged), \(evaluations) evaluations x \(edges) edges = \(evaluations * edges) edge visits"
            )
            return { _ = Strengths.compute(g, options: options) }
        }
    }

    /// A short case name for a semantics.
    static func shortName(_ s: GradualSemantics) -> String {
        switch s {
        case .dfquad: "dfquad"
        case .quadraticEnergy: "energy"
        case .euler: "euler"
        case .hCategorizer: "hcat"
        }
    }

    /// The instances the REPL cases run on: the layered graphs (10^6 claims in the full set).
    static let repl = ["layered-"]
    /// Two words that occur in the generated texts, so `find` has matches to count and show.
    static let findQuery = "treaty deterrence"

    /// The claim with the most supporters (the lowest index on ties).
    static func mostSupported(_ g: Graph) -> Int {
        var best = 0
        for c in g.claims.indices where g.supportsTo.degree(c) > g.supportsTo.degree(best) { best = c }
        return best
    }

    /// A prefix of a claim id in the middle of the graph, one digit shorter, so that about ten ids match.
    static func completionPrefix(_ g: Graph) -> String {
        guard !g.claims.isEmpty else { return "" }
        return String(g.claims[g.claims.count / 2].id.dropLast())
    }

    /// A REPL session on a graph file, as `argraph FILE` opens it, writing to a buffer.
    static func replSession(_ path: String) throws -> (Shell, BufferedOutput) {
        let out = BufferedOutput()
        let session = Session(graphs: [try LoadedGraph.open(path: path)], output: out)
        session.isCancelled = { false }
        return (Shell(session: session), out)
    }

    /// The instance's file name.
    static func name(_ path: String) -> String { URL(fileURLWithPath: path).lastPathComponent }

    /// The argraph repository this runner was built from.
    static func rootDirectory() -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
    }

    /// Writes a line about the instance to standard error (the runner's table is on standard output).
    static func note(_ line: String) {
        FileHandle.standardError.write(Data(("    note: " + line + "\n").utf8))
    }
}

/// A case that cannot run on an instance.
struct BenchError: Error, CustomStringConvertible {
    /// What went wrong.
    let description: String
    init(_ description: String) { self.description = description }
}
