import ArgraphREPL
import ArgumentParser
import ArgumentGraph
import Foundation

/// One `argraph solve` call, its options as plain values: what ``SolveCommand`` parses, and what ``SolveFastPath``
/// reads straight from the command line.
struct SolveRequest {
    var task: String?
    var file: String?
    var fileFormat: String?
    var argument: String?
    var bipolar: String?
    var limit = Int.max
    var gradual: String?
    var sat: String?
    var timings = false
    var formats = false
    var problems = false

    static let kinds = ["DC", "DS", "SE", "EE", "CE"]

    func run() throws {
        var engine = SATEngine.preferred
        if let sat {
            guard let e = SATEngine(rawValue: sat.lowercased()), SATEngine.available.contains(e) else {
                throw ValidationError(
                    "unknown --sat '\(sat)'; this build has \(SATEngine.available.map(\.rawValue).joined(separator: " and "))"
                )
            }
            engine = e
        }
        try SATEngine.$current.withValue(engine) { try solve() }
    }

    private func solve() throws {
        if formats { print("[" + ICCMAFormat.allCases.map(\.rawValue).joined(separator: ",") + "]"); return }
        if problems {
            let all = SolveRequest.kinds.flatMap { k in ExtensionSemantics.allCases.map { "\(k)-\($0.iccmaCode)" } }
            print("[" + all.joined(separator: ",") + "]"); return
        }
        // The same checks and defaults as the session's settings of these names.
        let given = [("bipolar", bipolar), ("gradual", gradual)].compactMap { k, v in v.map { (key: k, words: [$0]) } }
        let analysis = try SettingsOptions.settings(given).analysis
        if gradual != nil {
            guard let file else { throw ValidationError("give the graph with -f") }
            let semantics = analysis.gradual
            let g = try CLI.load(file, declarations: false).graph
            let r = Strengths.compute(g, analysis: analysis)
            var out =
                "# \(semantics.rawValue) converged=\(r.converged) iterations=\(r.iterations) acyclic=\(r.acyclic)\n"
            for (i, c) in g.claims.enumerated() { out += "\(c.id) \(r.strengths[i])\n" }
            print(out, terminator: "")
            return
        }
        guard let task, let file else { throw ValidationError("give a task with -p and a file with -f") }
        let parts = task.uppercased().split(separator: "-", maxSplits: 1).map(String.init)
        guard parts.count == 2, SolveRequest.kinds.contains(parts[0]),
            let semantics = ExtensionSemantics(iccmaCode: parts[1])
        else {
            throw ValidationError(
                "unknown task '\(task)'; tasks are \(SolveRequest.kinds.joined(separator: ", ")) × CO, GR, PR, ST, SST, ID, such as DC-PR"
            )
        }
        let kind = parts[0]
        if (kind == "DC" || kind == "DS") && argument == nil {
            throw ValidationError("\(kind) tasks need the query argument: -a ARG")
        }

        // Read the framework.
        let lower = file.lowercased()
        let loaded: ICCMAFramework
        var outputFormat: ICCMAFormat
        if fileFormat == nil, lower.hasSuffix(".arg") || lower.hasSuffix(".json") {
            let g = try CLI.load(file, declarations: false).graph
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
                    CLI.printError(
                        String(
                            format: "read: %.3f s (%.0f MB/s), cpu %.3f s (%.0f MB/s), %d arguments, %d attacks",
                            seconds,
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
            let argument = argument ?? ""
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
            } else {
                out = "NO"
            }
        case "DS":
            if let c = Extensions.skepticalCounterexample(semantics, af, argument: query) {
                out = i23 ? "NO\n" + ext(c) : "NO"
            } else {
                out = "YES"
            }
        case "SE":
            out = Extensions.one(semantics, af).map(ext) ?? "NO"
        case "EE":
            // In a fixed order (by their arguments, lexicographically), whichever order the SAT engine found them in.
            let all = Extensions.enumerate(semantics, af, limit: limit).extensions
                .map { l in (l, l.indices.filter { l[$0] == .in }) }
                .sorted { $0.1.lexicographicallyPrecedes($1.1) }.map(\.0)
            if i23 {
                out = all.isEmpty ? "NO" : all.map(ext).joined(separator: "\n")
            } else {
                out = ICCMAWriter.bracketExtensions(all, names: names)
            }
        default:
            out = String(Extensions.count(semantics, af) ?? 0)
        }
        print(out)
        if timings {
            CLI.printError(
                String(format: "solve: %.3f s", Double(DispatchTime.now().uptimeNanoseconds - solveStart) / 1e9))
        }
    }
}
