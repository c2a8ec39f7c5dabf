import ArgumentGraph
import Foundation

/// The state of one REPL session: the open graphs, the current one, settings and where output goes.
public final class Session {
    /// The open graphs; there is always at least one.
    public private(set) var graphs: [LoadedGraph]
    /// The position of the current graph in ``graphs``.
    public private(set) var currentIndex: Int
    /// Loose options that commands read and `set` changes (`semantics`, `threshold`, …).
    public var settings: [String: String] = [:]
    /// The commands.
    public let registry: CommandRegistry
    /// Where command output goes.
    public var output: TextOutput
    /// Where errors go.
    public var errorOutput: TextOutput
    /// Colours.
    public var style: Style
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

    /// A session on the given graphs (an empty scratch graph when none).
    public init(graphs: [LoadedGraph], registry: CommandRegistry = .standard, output: TextOutput = BufferedOutput(),
                errorOutput: TextOutput? = nil, style: Style = .plain, width: Int = 100) {
        self.graphs = graphs.isEmpty ? [LoadedGraph(name: "scratch", graph: .empty)] : graphs
        self.currentIndex = 0
        self.registry = registry
        self.output = output
        self.errorOutput = errorOutput ?? output
        self.style = style
        self.widthProvider = { width }
    }

    /// The current output width in columns (at least 40).
    public var width: Int { max(40, widthProvider()) }

    /// The current graph.
    public var current: LoadedGraph { graphs[currentIndex] }

    /// The graphs with edits not yet saved.
    public var unsavedGraphs: [LoadedGraph] { graphs.filter(\.hasUnsavedChanges) }

    /// Adds a graph, replacing an open graph of the same name, and makes it current.
    public func add(_ graph: LoadedGraph) {
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
