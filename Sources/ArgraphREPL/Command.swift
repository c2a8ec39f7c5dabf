/// One REPL command, declared once: its names, group, arguments, help and what it does.
public struct Command: Sendable {
    /// The name typed to run it, such as `show`.
    public var name: String
    /// Other names that run it, such as `s`.
    public var aliases: [String]
    /// The help section it is listed under.
    public var group: CommandGroup
    /// The positional arguments, in order; the last one may repeat.
    public var arguments: [ArgumentSpec]
    /// The `--name [VALUE]` options.
    public var options: [OptionSpec]
    /// One line saying what the command does.
    public var summary: String
    /// The usage line, such as `show [ID]`.
    public var usage: String
    /// One example invocation.
    public var example: String
    /// Longer help shown by `help NAME`, if any.
    public var details: String?
    /// Chooses the completion for positional argument `index` given the positionals before it; nil uses `arguments`.
    public var completion: (@Sendable (_ index: Int, _ previous: [String]) -> CompletionKind)?
    /// Runs the command.
    public var run: @Sendable (CommandContext) throws -> Void

    /// Declares a command.
    public init(
        _ name: String, aliases: [String] = [], group: CommandGroup, arguments: [ArgumentSpec] = [],
        options: [OptionSpec] = [], summary: String, usage: String, example: String, details: String? = nil,
        completion: (@Sendable (_ index: Int, _ previous: [String]) -> CompletionKind)? = nil,
        run: @escaping @Sendable (CommandContext) throws -> Void
    ) {
        self.name = name
        self.aliases = aliases
        self.group = group
        self.arguments = arguments
        self.options = options
        self.summary = summary
        self.usage = usage
        self.example = example
        self.details = details
        self.completion = completion
        self.run = run
    }

    /// The completion kind for positional argument `index`.
    public func completionKind(at index: Int, previous: [String]) -> CompletionKind {
        if let completion { return completion(index, previous) }
        guard !arguments.isEmpty else { return .free }
        if index < arguments.count { return arguments[index].completion }
        return arguments[arguments.count - 1].repeats ? arguments[arguments.count - 1].completion : .free
    }

    /// The option with this name (`--by`), if declared.
    public func option(named name: String) -> OptionSpec? { options.first { $0.name == name } }
}

/// A help section of the command list.
public enum CommandGroup: String, Sendable, CaseIterable {
    /// Reading and walking a graph.
    case navigation
    /// Changing a graph and saving it.
    case editing
    /// Graphs, settings, help and quitting.
    case session
    /// Computing acceptability and strength.
    case scoring
    /// Comparing actors, documents and graphs.
    case comparing
    /// Writing graphs and reports in other formats.
    case export
    /// Working from the documents' source texts.
    case sources

    /// The section's title in `help`.
    public var title: String {
        switch self {
        case .navigation: "Exploring"
        case .editing: "Editing"
        case .session: "Session"
        case .scoring: "Scoring"
        case .comparing: "Comparing"
        case .export: "Export"
        case .sources: "Sources"
        }
    }
}

/// What Tab offers for an argument or option value.
public enum CompletionKind: Sendable, Equatable {
    /// Claim ids of the current graph.
    case claim
    /// Actor ids.
    case actor
    /// Document ids.
    case document
    /// Ids of named relations (`support r7: …`), the only relations a command can name.
    case relation
    /// Claim, actor or document ids.
    case anyID
    /// Tags.
    case tag
    /// File paths.
    case file
    /// Command names.
    case command
    /// Loaded graph names.
    case graph
    /// The values of the setting with this key (see ``Setting/all``).
    case setting(String)
    /// One of fixed words.
    case choice([String])
    /// Option names of the command (`--by`).
    case option
    /// Anything; nothing is offered.
    case free
}

/// A positional argument of a command.
public struct ArgumentSpec: Sendable {
    /// The name shown in usage, such as `ID`.
    public var name: String
    /// What Tab offers.
    public var completion: CompletionKind
    /// Whether the argument may be left out.
    public var optional: Bool
    /// Whether it takes all the remaining words.
    public var repeats: Bool

    /// Declares a positional argument.
    public init(_ name: String, _ completion: CompletionKind, optional: Bool = false, repeats: Bool = false) {
        self.name = name
        self.completion = completion
        self.optional = optional
        self.repeats = repeats
    }
}

/// A `--name` option, with a value or as a flag.
public struct OptionSpec: Sendable {
    /// The option as typed, with its dashes: `--by`.
    public var name: String
    /// What Tab offers for its value; nil for a flag that takes none.
    public var value: CompletionKind?
    /// Whether it may be given more than once.
    public var repeats: Bool
    /// The setting whose value it overrides for one run (`score --semantics` → `gradual`), if any; its
    /// value is checked and completed as that setting's (see ``CommandContext/settings()``).
    public var setting: String?

    /// Declares an option that takes a value.
    public init(_ name: String, _ value: CompletionKind?, repeats: Bool = false) {
        self.name = name
        self.value = value
        self.repeats = repeats
    }

    /// Declares an option that overrides the setting `key` for one run.
    public static func setting(_ name: String, _ key: String) -> OptionSpec {
        var o = OptionSpec(name, .setting(key))
        o.setting = key
        return o
    }

    /// Declares a flag without a value.
    public static func flag(_ name: String) -> OptionSpec { OptionSpec(name, nil) }
}
