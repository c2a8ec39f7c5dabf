import ArgumentGraph
import Foundation

/// The state of one REPL session: the open graphs, the current one, settings and where output goes.
public final class Session {
    /// The open graphs; there is always at least one.
    public private(set) var graphs: [LoadedGraph]
    /// The position of the current graph in ``graphs``.
    public private(set) var currentIndex: Int
    /// The settings `set` changes and every command reads (see ``Setting/all``).
    public var settings = Settings()
    /// The commands.
    public let registry: CommandRegistry
    /// Where command output goes.
    public var output: TextOutput
    /// Where errors go.
    public var errorOutput: TextOutput
    /// The colours the output allows (detected at start); the `colour` setting may override them.
    public var detectedStyle: Style
    /// The output width, asked afresh for every command.
    public var widthProvider: () -> Int
    /// Whether the user pressed Ctrl-C during the running command.
    public var isCancelled: () -> Bool = { Interrupt.isRequested }
    /// Asks the user a yes/no question; scripts answer yes.
    public var confirm: (String) -> Bool = { _ in true }
    /// Set by `quit`; the shell stops reading.
    public var quitRequested = false
    /// Set when the session ends without an answer to the quit question (Ctrl-D at it): the unsaved
    /// edits stay in their recovery files, for the next start to offer.
    public var keepsUnsavedEditsForNextStart = false
    /// Whether the session reads from a person at a terminal.
    public var isInteractive = false
    /// Where unsaved edits are kept for a session that dies; the shell publishes to it after each command.
    public var journal: RecoveryJournal?
    /// The files this session read or wrote, for refusing to overwrite others' changes.
    public var files = KnownFiles()

    /// A session on the given graphs (an empty scratch graph when none).
    public init(
        graphs: [LoadedGraph], registry: CommandRegistry = .standard, output: TextOutput = BufferedOutput(),
        errorOutput: TextOutput? = nil, style: Style = .plain, width: Int = 100
    ) {
        self.graphs = graphs.isEmpty ? [LoadedGraph(name: "scratch", graph: .empty)] : graphs
        self.currentIndex = 0
        self.registry = registry
        self.output = output
        self.errorOutput = errorOutput ?? output
        self.detectedStyle = style
        self.widthProvider = { width }
        for g in self.graphs { g.disk.snapshot.map { files.record($0) } }
    }

    /// The current output width in columns: the `width` setting, else the provider's (at least 40).
    public var width: Int { settings.width ?? max(40, widthProvider()) }

    /// The colours in use: the `colour` setting, `auto` taking the detected style.
    public var style: Style {
        switch settings.colour {
        case .auto: detectedStyle
        case .on: Style(enabled: true)
        case .off: .plain
        }
    }

    /// The current graph.
    public var current: LoadedGraph { graphs[currentIndex] }

    /// The graphs with edits not yet saved.
    public var unsavedGraphs: [LoadedGraph] { graphs.filter(\.hasUnsavedChanges) }

    /// Adds a graph, replacing an open graph of the same name, and makes it current.
    public func add(_ graph: LoadedGraph) {
        graph.disk.snapshot.map { files.record($0) }
        if let i = graphs.firstIndex(where: { $0.name == graph.name }) {
            graphs[i] = graph
            currentIndex = i
        } else {
            graphs.append(graph)
            currentIndex = graphs.count - 1
        }
    }

    /// Makes the graph with this name current.
    public func use(_ name: String) throws {
        guard let i = graphs.firstIndex(where: { $0.name == name }) else {
            throw CommandError.unknown("graph", name, among: graphs.map(\.name))
        }
        currentIndex = i
    }

    /// The prompt: `GRAPH:FOCUS> `, with `*` after the graph when it has unsaved edits.
    public var prompt: String {
        let g = current
        var p = g.name
        if g.hasUnsavedChanges { p += "*" }
        if let v = g.view { p += "[" + v.label + "]" }
        if let f = g.focus, g.graph.claimIndex(of: f) != nil { p += ":" + f }
        return p + "> "
    }
}
