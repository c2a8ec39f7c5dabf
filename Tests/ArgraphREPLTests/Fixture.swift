@testable import ArgumentGraph
import Foundation
@testable import ArgraphREPL

/// Small graphs and a way to run scripted sessions on them, capturing exact output.
enum Fixture {
    /// A graph with every kind of entity, a quote, an undercut and a comment (`Tests/Fixtures/repl-fixture.arg`,
    /// shared with the library's splicer tests).
    static let text =
        (try? String(
            contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("Fixtures/repl-fixture.arg"), encoding: .utf8))
        ?? ""

    /// The fixture graph as read.
    static func parsed(_ source: String = text) -> (graph: Graph, declarations: [DeclarationSpan]) {
        // The fixtures are valid; a failure here shows up as an empty graph in the caller's expectations.
        guard let p = try? ArgReader.read(source, file: "fixture.arg") else { return (.empty, []) }
        return (p.graph, p.declarations)
    }

    /// A session on `source`, writing output and errors to one buffer.
    static func session(_ source: String = text, width: Int = 80) -> (Session, BufferedOutput) {
        let p = parsed(source)
        let out = BufferedOutput()
        let g = LoadedGraph(
            name: LoadedGraph.shortName(for: p.graph, path: nil), graph: p.graph, source: Array(source.utf8),
            declarations: p.declarations)
        let s = Session(graphs: [g], output: out, errorOutput: out, style: .plain, width: width)
        s.isCancelled = { false }
        return (s, out)
    }

    /// Runs lines as a script that keeps going, returning everything printed.
    static func run(_ lines: [String], source: String = text, width: Int = 80) -> String {
        let (s, out) = session(source, width: width)
        _ = Shell(session: s).run(reader: ScriptLineReader(lines: lines), interactive: false, keepGoing: true)
        return out.text
    }

    /// A graph of claims `c0 … c(n-1)` where each claim supports the next.
    static func chain(_ n: Int) -> Graph {
        var b = GraphBuilder()
        b.lint = false
        for i in 0..<n { b.add(Claim(id: "c\(i)", text: "Claim \(i).")) }
        for i in 1..<n {
            b.add(GraphBuilder.RelationDraft(kind: .support, source: "c\(i - 1)", target: .claim("c\(i)")))
        }
        return (try? b.build().graph) ?? .empty
    }

    /// A seeded generator for repeatable random tests (the library's SplitMix64).
    typealias Random = SplitMix64
}
