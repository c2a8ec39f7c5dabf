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

    @Option(name: .customLong("fo", withSingleDash: true), help: "The file format: i23, apx or tgf (default: from the extension).")
    var fileFormat: String?

    @Option(name: .customShort("a"), help: "The query argument for DC and DS tasks.")
    var argument: String?

    @Option(help: ArgumentHelp("For .arg graphs: " + SettingsOptions.help("bipolar").abstract, valueName: "none|supported|secondary|both"))
    var bipolar: String?

    @Option(help: "Stop EE after this many extensions.")
    var limit: Int = Int.max

    @Option(help: ArgumentHelp("Instead of a task, print each claim's gradual strength for an .arg/.json graph. "
                               + SettingsOptions.help("gradual").abstract, valueName: "df-quad|quadratic-energy|euler|h-categorizer"))
    var gradual: String?

    @Flag(help: "Print how long reading and solving took to standard error.")
    var timings = false

    @Flag(help: "Print the supported formats and exit.")
    var formats = false

    @Flag(help: "Print the supported tasks and exit.")
    var problems = false

    static let kinds = ["DC", "DS", "SE", "EE", "CE"]

    func run() throws {
        if formats { print("[" + ICCMAFormat.allCases.map(\.rawValue).joined(separator: ",") + "]"); return }
        if problems {
            let all = SolveCommand.kinds.flatMap { k in ExtensionSemantics.allCases.map { "\(k)-\($0.iccmaCode)" } }
            print("[" + all.joined(separator: ",") + "]"); return
        }
        // The same checks and defaults as the session's settings of these names.
        let given = [("bipolar", bipolar), ("gradual", gradual)].compactMap { k, v in v.map { (key: k, words: [$0]) } }
        let analysis = try SettingsOptions.settings(given).analysis
        if gradual != nil {
            guard let file else { throw ValidationError("give the graph with -f") }
            let semantics = analysis.gradual
            let g = try CLI.load(file).graph
            let r = Strengths.compute(g, analysis: analysis)
            var out = "# \(semantics.rawValue) converged=\(r.converged) iterations=\(r.iterations) acyclic=\(r.acyclic)\n"
            for (i, c) in g.claims.enumerated() { out += "\(c.id) \(r.strengths[i])\n" }
            print(out, terminator: "")
            return
        }
        guard let task, let file else { throw ValidationError("give a task with -p and a file with -f") }
        let parts = task.uppercased().split(separator: "-", maxSplits: 1).map(String.init)
        guard parts.count == 2, SolveCommand.kinds.contains(parts[0]), let semantics = ExtensionSemantics(iccmaCode: parts[1]) else {
            throw ValidationError("unknown task '\(task)'; tasks are \(SolveCommand.kinds.joined(separator: ", ")) × CO, GR, PR, ST, SST, ID, such as DC-PR")
        }
        let kind = parts[0]

        // Read the framework.
        let lower = file.lowercased()
        let loaded: ICCMAFramework
        var outputFormat: ICCMAFormat
        if fileFormat == nil, lower.hasSuffix(".arg") || lower.hasSuffix(".json") {
            let g = try CLI.load(file).graph
            let af = AttackFramework(g, options: analysis.frameworkOptions)
            loaded = ICCMAFramework(framework: af, names: ICCMAWriter.argumentNames(g, af))
            outputFormat = .apx
        } else {
            var format = ICCMAFormat.infer(fromPath: file) ?? .i23
            if let fileFormat {
                guard let f = ICCMAFormat(rawValue: fileFormat.lowercased()) else {
                    throw ValidationError("unknown format '\(fileFormat)'; use i23, apx or tgf")
                }
                format = f
            }
            let start = DispatchTime.now().uptimeNanoseconds
            let cpuStart = CLI.cpuSeconds()
            do {
                loaded = try ICCMAReader.read(path: file, format: format)
                if timings {
                    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                    let cpu = CLI.cpuSeconds() - cpuStart
                    let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
                    CLI.printError(String(format: "read: %.3f s (%.0f MB/s), cpu %.3f s (%.0f MB/s), %d arguments, %d attacks", seconds,
                                          Double(size) / 1e6 / max(seconds, 1e-9), cpu, Double(size) / 1e6 / max(cpu, 1e-9),
                                          loaded.framework.count, loaded.framework.attackCount))
                }
            } catch {
                CLI.report(error.diagnostics, source: file)
                throw ExitCode(1)
            }
            outputFormat = format
        }
        let af = loaded.framework
        let names = outputFormat == .i23 ? [] : loaded.names
        let i23 = outputFormat == .i23

        var query = -1
        if kind == "DC" || kind == "DS" {
            guard let argument else { throw ValidationError("\(kind) tasks need the query argument: -a ARG") }
            if i23 {
                guard let n = Int(argument), n >= 1, n <= af.count else {
                    CLI.printError("error: argument '\(argument)' is not in 1...\(af.count)")
                    throw ExitCode(1)
                }
                query = n - 1
            } else {
                guard let i = names.firstIndex(of: argument) else {
                    let hint = Suggestions.hint(for: argument, in: names).map { " (\($0))" } ?? ""
                    CLI.printError("error: unknown argument '\(argument)'\(hint)")
                    throw ExitCode(1)
                }
                query = i
            }
        }

        let solveStart = DispatchTime.now().uptimeNanoseconds
        var out = ""
        func ext(_ labels: [Label]) -> String {
            i23 ? ICCMAWriter.i23Extension(labels) : ICCMAWriter.bracketExtension(labels, names: names)
        }
        switch kind {
        case "DC":
            if let w = Extensions.credulousWitness(semantics, af, argument: query) {
                out = i23 ? "YES\n" + ext(w) : "YES"
            } else { out = "NO" }
        case "DS":
            if let c = Extensions.skepticalCounterexample(semantics, af, argument: query) {
                out = i23 ? "NO\n" + ext(c) : "NO"
            } else { out = "YES" }
        case "SE":
            out = Extensions.one(semantics, af).map(ext) ?? "NO"
        case "EE":
            let (all, _) = Extensions.enumerate(semantics, af, limit: limit)
            if i23 {
                out = all.isEmpty ? "NO" : all.map(ext).joined(separator: "\n")
            } else {
                out = ICCMAWriter.bracketExtensions(all, names: names)
            }
        default:
            out = String(Extensions.count(semantics, af) ?? 0)
        }
        print(out)
        if timings { CLI.printError(String(format: "solve: %.3f s", Double(DispatchTime.now().uptimeNanoseconds - solveStart) / 1e9)) }
    }
}
