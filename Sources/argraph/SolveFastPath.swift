import ArgumentParser
import ArgumentGraph

/// `argraph solve` as ICCMA harnesses call it, read straight from the command line without ArgumentParser.
///
/// Building the command tree and reflecting on every option of the root and of `solve` took about half of the
/// start-up of `solve -p SE-GR` on a 5-argument file (15 M of 31 M instructions; docs/performance.md). Only the
/// competition's options are read here: `-p TASK`, `-f FILE`, `-fo FORMAT`, `-a ARG`, `--sat ENGINE` (each with
/// a value) and `--formats`, `--problems`. Anything else — help, another option, a missing value, a task or value
/// the request rejects — goes to the full parser, which gives its usual messages; nothing is read before that.
enum SolveFastPath {
    /// The request when `arguments` (program name first) is such a `solve` call; nil otherwise.
    static func request(_ arguments: [String]) -> SolveRequest? {
        guard arguments.count >= 2, arguments[1] == "solve" else { return nil }
        var r = SolveRequest()
        var i = 2
        while i < arguments.count {
            let option = arguments[i]
            if option == "--formats" { r.formats = true; i += 1; continue }
            if option == "--problems" { r.problems = true; i += 1; continue }
            guard i + 1 < arguments.count else { return nil }
            let value = arguments[i + 1]
            if value.hasPrefix("-") { return nil }
            switch option {
            case "-p": r.task = value
            case "-f": r.file = value
            case "-fo": r.fileFormat = value
            case "-a": r.argument = value
            case "--sat": r.sat = value
            default: return nil
            }
            i += 2
        }
        return r
    }

    /// Runs the request; a ``ValidationError`` sends the whole command line to the full parser for its message.
    /// Returns false when `arguments` is not a call this path takes.
    static func run(_ arguments: [String]) -> Bool {
        guard let request = request(arguments) else { return false }
        do {
            try request.run()
        } catch is ValidationError {
            return false
        } catch {
            Argraph.exit(withError: error)
        }
        return true
    }
}
