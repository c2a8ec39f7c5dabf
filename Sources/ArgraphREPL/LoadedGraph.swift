import ArgumentGraph
import Foundation
import Synchronization

/// One graph open in the session: its current state, where it came from, undo history and focus.
public final class LoadedGraph {
    /// The short name used in the prompt and by `use`.
    public var name: String
    /// The file it was read from or last saved to, if any.
    public var path: String?
    /// Whether `save` without a file must refuse (the bundled graph).
    public var isReadOnly: Bool
    /// The graph as edited.
    public private(set) var base: Graph
    /// A temporary modified graph that commands read instead of ``base`` (what-if analyses), with a label.
    public private(set) var view: (graph: Graph, label: String)?
    /// The focused claim's id.
    public var focus: String?
    /// Earlier focuses, most recent last, for `back`.
    public var trail: [String] = []
    /// The folder of the documents' source texts, as last given with `--sources` (see ``SourceLibrary/locate``).
    public var sourcesDirectory: String?

    /// Where a save of `.arg` text finds the comments and layout to keep; nil writes the graph in canonical form.
    public internal(set) var source: CommentSource?
    /// The graph as last read or saved.
    public private(set) var savedGraph: Graph
    /// The inverses of the edits made, most recent last, with their labels.
    private var undoStack: [(edit: GraphEdit, label: String)] = []
    /// The inverses of the edits undone, most recent last.
    private var redoStack: [(edit: GraphEdit, label: String)] = []
    /// The file as last read or written, the edits since, and what the prompt last warned about.
    public internal(set) var disk = DiskState()
    private var caches = GraphCaches()

    /// Opens a graph; `source` is the file text it was read from, for comment-keeping saves.
    public init(
        name: String, graph: Graph, path: String? = nil, source: [UInt8]? = nil,
        declarations: [DeclarationSpan] = [], isReadOnly: Bool = false
    ) {
        self.name = name
        self.path = path
        self.isReadOnly = isReadOnly
        self.base = graph
        self.savedGraph = graph
        if let source { self.source = .text(source, declarations: declarations, graph: graph) }
        caches.warmIfLarge(graph)
    }

    /// Reads a graph file.
    public static func open(path: String, name: String? = nil, isReadOnly: Bool = false) throws -> LoadedGraph {
        let read: DiskRead
        do { read = try LoadedGraph.read(path: path) } catch { throw CommandError(error) }
        return LoadedGraph(read, name: name, isReadOnly: isReadOnly)
    }

    /// A short name: the graph's id or file name, cut to its first two words when long (`us-japan`).
    public static func shortName(for graph: Graph, path: String?) -> String {
        let full =
            graph.name ?? path.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent } ?? "untitled"
        let parts = full.split(separator: "-")
        if full.count > 12, parts.count > 2 { return parts.prefix(2).joined(separator: "-") }
        return full
    }

    /// The graph commands read: the view if one is set, else the edited graph.
    public var graph: Graph { view?.graph ?? base }

    /// Whether there are edits not yet saved.
    public var hasUnsavedChanges: Bool { base != savedGraph }

    /// The label of the edit `undo` would revert.
    public var undoLabel: String? { undoStack.last?.label }
    /// The label of the edit `redo` would apply.
    public var redoLabel: String? { redoStack.last?.label }

    /// The focused claim's index, if the focus still names a claim.
    public var focusIndex: Int? { focus.flatMap { base.claimIndex(of: $0) } }

    /// Applies an edit, keeping its inverse for `undo`; the view is dropped. Returns what changed.
    @discardableResult
    public func apply(_ edit: GraphEdit) throws(CommandError) -> String {
        let applied: AppliedEdit
        do { applied = try edit.apply(to: base) } catch { throw CommandError(error) }
        undoStack.append((applied.inverse, edit.label))
        disk.log.pushed(edit.isReplayable ? edit : nil)
        if undoStack.count > 200 { undoStack.removeFirst(); disk.log.droppedOldest() }
        redoStack.removeAll()
        setBase(applied.graph)
        return applied.summary
    }

    /// Replaces the edited graph, recording the old one under `label` for `undo`.
    public func replace(with graph: Graph, label: String) {
        _ = try? apply(.replace(with: graph, label: label))
    }

    /// Reverts the last edit; returns its label, or nil when there is none.
    public func undo() -> String? {
        guard let label = step(from: &undoStack, to: &redoStack) else { return nil }
        disk.log.undid()
        return label
    }

    /// Re-applies the last undone edit; returns its label, or nil when there is none.
    public func redo() -> String? {
        guard let label = step(from: &redoStack, to: &undoStack) else { return nil }
        disk.log.redid()
        return label
    }

    /// Applies the last edit of one stack and pushes its inverse on the other.
    private func step(from: inout [(edit: GraphEdit, label: String)], to: inout [(edit: GraphEdit, label: String)])
        -> String?
    {
        guard let last = from.popLast() else { return nil }
        // An inverse applies to the graph it was made from, which is `base` here; it cannot fail.
        guard let applied = try? last.edit.apply(to: base) else { return nil }
        to.append((applied.inverse, last.label))
        setBase(applied.graph)
        return last.label
    }

    /// Sets a what-if view that commands read until ``clearView()`` or the next edit.
    public func setView(_ graph: Graph, label: String) {
        view = (graph, label)
        caches = GraphCaches()
    }

    /// Drops the what-if view.
    public func clearView() {
        view = nil
        caches = GraphCaches()
    }

    private func setBase(_ graph: Graph) {
        base = graph
        view = nil
        caches = GraphCaches()
        caches.warmIfLarge(graph)
    }

    /// Records that the graph was written to `path`; `source` is where the next save finds what it wrote.
    func markSaved(path: String, source: CommentSource?) {
        self.path = path
        isReadOnly = false
        savedGraph = base
        disk.log.markSaved()
        self.source = source
    }

    /// Takes the graph as read from its file: nothing unsaved, no undo history, no what-if view.
    func adopt(_ graph: Graph, source: CommentSource?) {
        undoStack.removeAll()
        redoStack.removeAll()
        disk.log = EditLog()
        savedGraph = graph
        self.source = source
        setBase(graph)
    }

    /// The text `save` writes for an `.arg` file: the original text with untouched declarations kept.
    public func argText() -> String { argTextKeepingComments().text }

    /// The text `save` writes for an `.arg` file, and why it could not keep the file's comments, if it could not:
    /// the file the graph was read from is read again and the edits spliced into it; when the file is no longer what
    /// was read (changed on disk, gone, or unreadable), or the splice does not read back to the graph, the graph is
    /// written in canonical form.
    public func argTextKeepingComments() -> (text: String, lost: CommentLoss?) {
        let spliced: String?
        switch source {
        case nil:
            return (ArgWriter.write(base), nil)
        case let .text(text, declarations, graph):
            spliced = ArgSplicer.attempt(utf8: text, declarations: declarations, original: graph, edited: base)
        case let .file(expected):
            spliced = LoadedGraph.spliceReadBack(expected, edited: base)
            if spliced == nil { return (ArgWriter.write(base), .fileChanged) }
        }
        if let spliced, let kept = ArgSplicer.checked(spliced, edited: base) { return (kept, nil) }
        return (ArgWriter.write(base), .notSpliced)
    }

    /// Why a save could not keep a file's comments and layout.
    public enum CommentLoss: Sendable {
        /// The file is no longer as it was read.
        case fileChanged
        /// The edits spliced into the file's text would not read back as the graph.
        case notSpliced
    }

    /// The splice of `edited` into the file `expected` saw, if the file still holds exactly that. Its bytes were
    /// gone by the time the splice runs (156 MB for a graph of 10^6 claims), so they are read and parsed again here;
    /// all of it is let go when this returns, before the result is checked by reading it.
    private static func spliceReadBack(_ expected: FileSnapshot, edited: Graph) -> String? {
        guard let (snapshot, bytes) = try? FileSnapshot.read(expected.path), snapshot.sameContent(as: expected),
            let text = keptText(bytes), let parsed = try? ArgReader.read(bytes, file: expected.path)
        else { return nil }
        let spliced = ArgSplicer.attempt(
            utf8: text, declarations: parsed.declarations, original: parsed.graph, edited: edited)
        // The byte order mark that decoding the text dropped stays in the file.
        return bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? "\u{FEFF}" + spliced : spliced
    }

    // MARK: Indexes for completion and search

    /// Claim ids, sorted, for prefix completion.
    public var claimIDs: PrefixIndex { caches.get(\.claimIDs) { GraphCaches.claimIDs(graph) } }
    /// Actor ids, sorted.
    public var actorIDs: PrefixIndex { caches.get(\.actorIDs) { PrefixIndex(graph.actors.lazy.map(\.id)) } }
    /// Document ids, sorted.
    public var documentIDs: PrefixIndex { caches.get(\.documentIDs) { PrefixIndex(graph.documents.lazy.map(\.id)) } }
    /// Tags, sorted.
    public var tagIndex: PrefixIndex { caches.get(\.tags) { PrefixIndex(graph.claims.lazy.flatMap(\.tags)) } }
    /// Each claim's text and quotes, folded for case- and diacritic-insensitive search and laid out for `find`.
    public var foldedScan: FoldedTextScan { caches.get(\.scan) { FoldedTextScan(graph) } }
}

extension LoadedGraph {
    /// Where a comment-keeping save of `.arg` text starts from.
    public enum CommentSource: Sendable {
        /// Text given in memory, with its declarations and the graph read from it.
        case text([UInt8], declarations: [DeclarationSpan], graph: Graph)
        /// The file as this snapshot saw it: read and parsed again when a save needs it, so that an open graph does
        /// not hold its file's bytes and declarations (156 MB and 4·10^6 declarations for 10^6 claims).
        case file(FileSnapshot)
    }
}

/// Lazily built indexes of one graph state.
///
/// On a large graph the claim-id index (the first Tab) and the folded texts (the first `find`) take a
/// few hundred milliseconds at 10^6 claims, so ``warmIfLarge(_:)`` builds them on a background thread as
/// soon as the graph is open or edited; the first use takes them over, waiting for the thread if it is
/// still at work (never slower than building them then).
final class GraphCaches {
    var claimIDs: PrefixIndex?
    var actorIDs: PrefixIndex?
    var documentIDs: PrefixIndex?
    var tags: PrefixIndex?
    var scan: FoldedTextScan?
    /// The background build, while one was started and not yet taken over.
    private var warming: Warming?

    /// Graphs with at least this many claims get their indexes built in the background.
    static let warmThreshold = 20_000

    /// What the background thread builds, handed over under a lock: the claim-id index first (the first Tab
    /// waits only for it), then the folded texts and their scan.
    final class Warming: Sendable {
        let idsDone = DispatchSemaphore(value: 0)
        let textsDone = DispatchSemaphore(value: 0)
        let ids = Mutex<PrefixIndex?>(nil)
        let texts = Mutex<FoldedTextScan?>(nil)
    }

    /// Starts building the claim-id index and the folded texts of `graph` in the background when it is large.
    func warmIfLarge(_ graph: Graph) {
        guard graph.claims.count >= Self.warmThreshold else { return }
        let w = Warming()
        warming = w
        DispatchQueue.global(qos: .utility).async {
            let ids = Self.claimIDs(graph)
            w.ids.withLock { $0 = ids }
            w.idsDone.signal()
            let scan = FoldedTextScan(graph)
            w.texts.withLock { $0 = scan }
            w.textsDone.signal()
        }
    }

    /// Takes over what the background build made for `key`, waiting for that part if needed.
    private func adoptWarming(forIDs: Bool) {
        guard let w = warming else { return }
        if forIDs {
            guard claimIDs == nil else { return }
            w.idsDone.wait()
            w.idsDone.signal()  // the texts' adoption may wait on it too
            claimIDs = w.ids.withLock { $0.take() }
        } else {
            guard scan == nil else { return }
            w.textsDone.wait()
            w.textsDone.signal()
            scan = w.texts.withLock { $0.take() }
        }
        if claimIDs != nil && scan != nil { warming = nil }
    }

    func get<T>(_ key: ReferenceWritableKeyPath<GraphCaches, T?>, _ make: () -> T) -> T {
        if let v = self[keyPath: key] { return v }
        if warming != nil {
            if key == \GraphCaches.claimIDs { adoptWarming(forIDs: true) }
            if key == \GraphCaches.scan { adoptWarming(forIDs: false) }
            if let v = self[keyPath: key] { return v }
        }
        let v = make()
        self[keyPath: key] = v
        return v
    }

    /// The claim ids of `graph`, sorted, for prefix completion.
    static func claimIDs(_ graph: Graph) -> PrefixIndex { PrefixIndex(graph.claims.lazy.map(\.id)) }
}
