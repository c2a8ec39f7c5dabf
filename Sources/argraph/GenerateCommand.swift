import ArgumentParser
import ArgumentGraph
import Foundation

/// `argraph generate --family F --claims N --relations M --seed S -o FILE`: writes a reproducible synthetic graph.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a reproducible synthetic graph, for benchmarks and tests.",
        discussion: """
            Families: random (Erdős–Rényi), scale-free (preferential attachment), layered (acyclic support and attack), \
            chain (c(i) -> c(i-1), then acyclic shortcuts), policy (many actors, documents, quotes, tags). The same options \
            and seed give the same graph on every machine. The output format comes from --format or the extension of -o.
            """)

    @Option(help: "The family: \(GraphGenerator.Family.allCases.map(\.rawValue).joined(separator: ", ")).")
    var family: GraphGenerator.Family

    @Option(help: "How many claims.")
    var claims: Int

    @Option(help: "How many relations (default: twice the claims; a chain's default is one fewer than the claims).")
    var relations: Int?

    @Option(help: "The share of relations that are attacks, in [0, 1] (default: the family's).")
    var attackShare: Double?

    @Option(help: "The seed.")
    var seed: UInt64 = 1

    @Option(help: "The output format (default: from the extension of -o, else arg).")
    var format: GraphFormat?

    @Option(name: .shortAndLong, help: "Write here (atomically) instead of standard output.", completion: .file())
    var output: String?

    func validate() throws {
        guard claims >= 0, claims <= 50_000_000 else {
            throw ValidationError("--claims must be between 0 and 50000000")
        }
        if let relations, relations < 0 || relations > 100_000_000 {
            throw ValidationError("--relations must be between 0 and 100000000")
        }
        if let attackShare, !(0...1).contains(attackShare) { throw ValidationError("--attack-share must be in [0, 1]") }
    }

    func run() throws {
        let m = relations ?? (family == .chain ? max(0, claims - 1) : 2 * claims)
        let graph = GraphGenerator.generate(
            .init(family: family, claims: claims, relations: m, attackShare: attackShare), seed: seed)
        let format = format ?? output.flatMap(GraphFormat.infer(fromPath:)) ?? .arg
        let data = GraphFile.data(of: graph, as: format)
        if let output {
            do { try GraphFile.writeAtomically(data, to: output) } catch {
                CLI.report(error.diagnostics, source: nil)
                throw ExitCode(1)
            }
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}

extension GraphGenerator.Family: ExpressibleByArgument {}
