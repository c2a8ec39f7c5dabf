import ArgumentParser
import ArgumentGraph
import Foundation

/// `argraph compare FILE A B`, and `compare position|matrix|conflicts|unanswered|timeline`: actors' positions from the shell.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare the positions of actors: common ground, conflicts, agreement index.",
        discussion: Comparison.definition,
        subcommands: [
            Pair.self, PositionOf.self, Matrix.self, ConflictList.self, UnansweredList.self, TimelineOf.self,
        ],
        defaultSubcommand: Pair.self)

    /// Resolves an actor id or exits with a did-you-mean hint.
    static func actor(_ id: String, in graph: Graph) throws -> Int {
        if let a = graph.actorIndex(of: id) { return a }
        let near = Suggestions.nearest(to: id, in: graph.actors.map(\.id))
        CLI.printError(
            "error: unknown actor '\(id)'"
                + (near.isEmpty ? "" : "; did you mean " + near.map { "'\($0)'" }.joined(separator: " or ") + "?"))
        throw ExitCode(1)
    }

    /// `argraph compare [pair] FILE A B [--implied]`.
    struct Pair: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "pair", abstract: "Compare two actors.")
        @Argument(help: "The graph file.", completion: .file()) var file: String
        @Argument(help: "The first actor's id.") var first: String
        @Argument(help: "The second actor's id.") var second: String
        @Flag(help: "Count what follows along each actor's own support links.") var implied = false

        func run() throws {
            let g = try CLI.load(file, declarations: false).graph
            let c = Comparison(
                g, actor: try CompareCommand.actor(first, in: g), actor: try CompareCommand.actor(second, in: g),
                includeImplied: implied)
            print(PositionReport.comparison(c, in: g), terminator: "")
        }
    }

    /// `argraph compare position FILE ACTOR [--implied]`.
    struct PositionOf: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "position", abstract: "An actor's claims by theme, with quotes.")
        @Argument(help: "The graph file.", completion: .file()) var file: String
        @Argument(help: "The actor's id.") var actor: String
        @Flag(help: "Add what follows along the actor's own support links.") var implied = false

        func run() throws {
            let g = try CLI.load(file, declarations: false).graph
            let p = Position(g, actor: try CompareCommand.actor(actor, in: g), includeImplied: implied)
            print(PositionReport.position(p, in: g), terminator: "")
        }
    }

    /// `argraph compare matrix FILE [--by actor|document] [--csv] [--svg OUT]`.
    struct Matrix: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "matrix",
            abstract: "Pairwise agreement of all actors or documents, similar ones together.")
        @Argument(help: "The graph file.", completion: .file()) var file: String
        @Option(help: "Rows: actor or document.") var by: AgreementMatrix.Axis = .actor
        @Flag(help: "Print CSV instead of a table.") var csv = false
        @Option(help: "Also write an SVG heat map to this file.", completion: .file()) var svg: String?

        func run() throws {
            let g = try CLI.load(file, declarations: false).graph
            let members = AgreementMatrix.memberCount(g, by: by)
            guard members <= AgreementMatrix.maxMembers else {
                CLI.printError(
                    "error: \(members) \(by.rawValue)s take stances; a matrix is computed for at most \(AgreementMatrix.maxMembers)"
                )
                throw ExitCode(1)
            }
            let m = AgreementMatrix(g, by: by)
            print(csv ? m.csv() : PositionReport.matrix(m), terminator: "")
            if let svg {
                let title = "Agreement index by \(by.rawValue)" + (g.title.map { ": " + $0 } ?? "")
                do { try GraphFile.writeAtomically(Data(MatrixSVG.render(m, title: title).utf8), to: svg) } catch {
                    CLI.report(error.diagnostics, source: nil)
                    throw ExitCode(1)
                }
            }
        }
    }

    /// `argraph compare conflicts FILE [ACTOR]`.
    struct ConflictList: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "conflicts", abstract: "Every cross-actor attack, by pair, quotes side by side.")
        @Argument(help: "The graph file.", completion: .file()) var file: String
        @Argument(help: "Only pairs that include this actor.") var actor: String?

        func run() throws {
            let g = try CLI.load(file, declarations: false).graph
            let a = try actor.map { try CompareCommand.actor($0, in: g) }
            print(PositionReport.conflicts(Conflicts.pairs(in: g, actor: a), in: g), terminator: "")
        }
    }

    /// `argraph compare unanswered FILE ACTOR [--all]`.
    struct UnansweredList: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "unanswered", abstract: "Attacks on an actor's claims that they do not answer.",
            discussion: Unanswered.definition)
        @Argument(help: "The graph file.", completion: .file()) var file: String
        @Argument(help: "The actor's id.") var actor: String
        @Flag(help: "List answered attacks too, with their answers.") var all = false

        func run() throws {
            let g = try CLI.load(file, declarations: false).graph
            let attacks = Unanswered.attacks(on: Position(g, actor: try CompareCommand.actor(actor, in: g)), in: g)
            print(PositionReport.unanswered(attacks, in: g, all: all), terminator: "")
        }
    }

    /// `argraph compare timeline FILE [ACTOR]`.
    struct TimelineOf: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "timeline", abstract: "Stances by document date: restated, extended, reversed.")
        @Argument(help: "The graph file.", completion: .file()) var file: String
        @Argument(help: "Only this actor.") var actor: String?

        func run() throws {
            let g = try CLI.load(file, declarations: false).graph
            let a = try actor.map { try CompareCommand.actor($0, in: g) }
            print(PositionReport.timeline(Timeline(g, actor: a), in: g), terminator: "")
        }
    }
}

extension AgreementMatrix.Axis: ExpressibleByArgument {}
