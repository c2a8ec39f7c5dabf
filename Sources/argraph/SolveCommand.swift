import ArgraphREPL
import ArgumentParser
import ArgumentGraph
import Foundation

/// `argraph solve -p TASK -f FILE [-fo FORMAT] [-a ARG]`: the ICCMA solver interface.
struct SolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Solve an ICCMA task (DC-, DS-, SE-, EE-, CE- × CO, GR, PR, ST, SST, ID) on an attack framework.",
        discussion: """
            Reads ICCMA 2023 (`p af N`, attacks `a b`), apx (`arg(a).` `att(a,b).`) or tgf files, or an .arg/.json graph \
            (its attack relation; see --bipolar). Output follows the competitions: i23 prints YES/NO, `w 1 3 4` per \
            extension (and a `w` certificate line after a DC YES or a DS NO), NO when there is no extension; apx and tgf \
            print YES/NO, `[a,b]` and `[[a],[b]]`. CE prints the number of extensions.
            """)

    @Option(name: .customShort("p"), help: "The task, such as DC-PR or EE-ST.")
    var task: String?

    @Option(name: .customShort("f"), help: "The framework file.", completion: .file())
    var file: String?

    @Option(
        name: .customLong("fo", withSingleDash: true),
        help: "The file format: i23, apx or tgf (default: from the extension).")
    var fileFormat: String?

    @Option(name: .customShort("a"), help: "The query argument for DC and DS tasks.")
    var argument: String?

    @Option(
        help: ArgumentHelp(
            "For .arg graphs: " + SettingsOptions.help("bipolar").abstract, valueName: "none|supported|secondary|both"))
    var bipolar: String?

    @Option(help: "Stop EE after this many extensions.")
    var limit: Int = Int.max

    @Option(
        help: ArgumentHelp(
            "Instead of a task, print each claim's gradual strength for an .arg/.json graph. "
                + SettingsOptions.help("gradual").abstract, valueName: "df-quad|quadratic-energy|euler|h-categorizer"))
    var gradual: String?

    @Option(
        help:
            "The SAT engine for CO/PR/ST/SST/ID beyond grounded: \(SATEngine.available.map(\.rawValue).joined(separator: " or ")) (default \(SATEngine.preferred.rawValue); also ARGRAPH_SAT)."
    )
    var sat: String?

    @Flag(help: "Print how long reading and solving took to standard error.")
    var timings = false

    @Flag(help: "Print the supported formats and exit.")
    var formats = false

    @Flag(help: "Print the supported tasks and exit.")
    var problems = false

    func run() throws {
        try SolveRequest(
            task: task, file: file, fileFormat: fileFormat, argument: argument, bipolar: bipolar, limit: limit,
            gradual: gradual, sat: sat, timings: timings, formats: formats, problems: problems
        ).run()
    }
}
