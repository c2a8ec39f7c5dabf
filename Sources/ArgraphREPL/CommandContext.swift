import ArgumentGraph

/// What a running command sees: the session, its parsed arguments, and ways to print.
public final class CommandContext {
    /// The session.
    public let session: Session
    /// The command being run.
    public let command: Command
    /// The positional arguments.
    public let arguments: [String]
    /// Option values by name (`--by`); a flag has one empty value per use.
    public let options: [String: [String]]

    /// Creates a context; the shell does this after parsing the line.
    public init(session: Session, command: Command, arguments: [String], options: [String: [String]]) {
        self.session = session
        self.command = command
        self.arguments = arguments
        self.options = options
    }

    /// Parses words after the command name against its declared options.
    public static func parse(_ words: [String], for command: Command) throws -> (
        arguments: [String], options: [String: [String]]
    ) {
        var args: [String] = []
        var opts: [String: [String]] = [:]
        var i = 0
        var optionsEnded = false
        while i < words.count {
            let w = words[i]
            i += 1
            if optionsEnded || !w.hasPrefix("--") || w.count < 3 {
                if w == "--" { optionsEnded = true } else { args.append(w) }
                continue
            }
            var name = w
            var inline: String?
            if let eq = w.firstIndex(of: "=") {
                name = String(w[..<eq])
                inline = String(w[w.index(after: eq)...])
            }
            guard let spec = command.option(named: name) else {
                let hint = Nearest.hint(for: name, in: command.options.map(\.name))
                throw CommandError(
                    "unknown option '\(name)' for '\(command.name)'",
                    hint: (hint.map { $0 + "; " } ?? "") + "usage: " + command.usage)
            }
            if spec.value == nil {
                if inline != nil { throw CommandError.usage(command, "option '\(name)' takes no value") }
                opts[name, default: []].append("")
                continue
            }
            let value: String
            if let inline {
                value = inline
            } else {
                guard i < words.count else { throw CommandError.usage(command, "option '\(name)' needs a value") }
                value = words[i]
                i += 1
            }
            if !spec.repeats, opts[name] != nil { throw CommandError.usage(command, "option '\(name)' given twice") }
            opts[name, default: []].append(value)
        }
        return (args, opts)
    }

    // MARK: Arguments

    /// The positional argument at `i`, if given.
    public func argument(_ i: Int) -> String? { i < arguments.count ? arguments[i] : nil }

    /// The positional argument at `i`, or a usage error naming it.
    public func requireArgument(_ i: Int, _ name: String) throws -> String {
        guard let a = argument(i) else { throw CommandError.usage(command, "missing \(name)") }
        return a
    }

    /// Fails with the usage line when more than `n` positional arguments were given.
    public func expectAtMost(_ n: Int) throws {
        if arguments.count > n { throw CommandError.usage(command, "unexpected '\(arguments[n])'") }
    }

    /// The last value of an option, if given.
    public func option(_ name: String) -> String? { options[name]?.last }
    /// Every value of a repeatable option.
    public func optionValues(_ name: String) -> [String] { options[name] ?? [] }
    /// Whether a flag was given.
    public func flag(_ name: String) -> Bool { options[name] != nil }

    /// An integer option, or `defaultValue`; a usage error when it is not a whole number in `range`.
    public func intOption(_ name: String, default defaultValue: Int, in range: ClosedRange<Int> = 0...Int.max) throws
        -> Int
    {
        guard let s = option(name) else { return defaultValue }
        guard let n = Int(s), range.contains(n) else {
            throw CommandError.usage(
                command,
                "\(name) needs a whole number in \(range.lowerBound)...\(range.upperBound == Int.max ? "" : String(range.upperBound))"
            )
        }
        return n
    }

    // MARK: Settings

    /// The session's settings with this command's setting options (``OptionSpec/setting``) applied.
    public func settings() throws(CommandError) -> Settings {
        var s = session.settings
        for spec in command.options {
            guard let key = spec.setting, let value = option(spec.name) else { continue }
            do { try s.set(key, [value]) } catch {
                throw CommandError(spec.name + ": " + error.message, hint: error.hint)
            }
        }
        return s
    }

    /// The analysis options this command runs with: the settings, with its options applied.
    public func analysis() throws(CommandError) -> AnalysisOptions { try settings().analysis }

    // MARK: Graph lookups

    /// The graph commands read (the current graph's view or edited state).
    public var graph: Graph { session.current.graph }

    /// The index of the claim `id`; `.` means the focused claim. Unknown ids fail with the nearest ids.
    public func claim(_ id: String) throws -> Int {
        if id == "." {
            guard let f = session.current.focus, let i = graph.claimIndex(of: f) else {
                throw CommandError("no claim is focused", hint: "go ID")
            }
            return i
        }
        if let i = graph.claimIndex(of: id) { return i }
        throw CommandError.unknown("claim", id, among: graph.claims.lazy.map(\.id))
    }

    /// The real id of the claim `id` (resolving `.` to the focused claim), or an error with the nearest ids.
    public func claimID(_ id: String) throws -> String { graph.claims[try claim(id)].id }

    /// The claim named by argument `i`, or the focused claim when it is absent.
    public func claimOrFocus(_ i: Int) throws -> Int {
        if let id = argument(i) { return try claim(id) }
        guard let f = session.current.focus, let c = graph.claimIndex(of: f) else {
            throw CommandError.usage(command, "no claim given and none focused")
        }
        return c
    }

    /// The index of the actor `id`, or an error with the nearest ids.
    public func actor(_ id: String) throws -> Int {
        if let i = graph.actorIndex(of: id) { return i }
        throw CommandError.unknown("actor", id, among: graph.actors.lazy.map(\.id))
    }

    /// The index of the document `id`, or an error with the nearest ids.
    public func document(_ id: String) throws -> Int {
        if let i = graph.documentIndex(of: id) { return i }
        throw CommandError.unknown("document", id, among: graph.documents.lazy.map(\.id))
    }

    // MARK: Output

    /// The colours to use.
    public var style: Style { session.style }
    /// The output width in columns.
    public var width: Int { session.width }

    /// Prints a line.
    public func print(_ line: String = "") { session.output.write(line + "\n") }

    /// Prints lines.
    public func print(lines: [String]) { for l in lines { print(l) } }

    /// Prints text wrapped to the width, with an indent for every line after the first.
    public func printWrapped(_ text: String, indent: String = "", firstIndent: String? = nil) {
        print(lines: TextLayout.wrap(text, width: width, indent: indent, firstIndent: firstIndent))
    }

    /// Prints a table.
    public func print(table: TextTable) { print(lines: table.render(width: width, style: style)) }

    /// Whether the user pressed Ctrl-C; long loops check it.
    public var isCancelled: Bool { session.isCancelled() }

    /// Throws ``CommandError/interrupted`` when the user pressed Ctrl-C.
    public func checkCancelled() throws { if session.isCancelled() { throw CommandError.interrupted } }
}
