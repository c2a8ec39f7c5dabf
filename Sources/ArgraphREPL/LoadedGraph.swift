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

    /// The text of the file at ``path`` and its declarations, to keep comments on save.
    public private(set) var source: (text: String, declarations: [DeclarationSpan], graph: Graph)?
    /// The graph as last read or saved.
    public private(set) var savedGraph: Graph
    private var undoStack: [(graph: Graph, label: String)] = []
    private var redoStack: [(graph: Graph, label: String)] = []
    private var caches = GraphCaches()

    /// Opens a graph; `source` is the file text it was read from, for comment-keeping saves.
    public init(name: String, graph: Graph, path: String? = nil, source: String? = nil,
                declarations: [DeclarationSpan] = [], isReadOnly: Bool = false) {
        self.name = name
        self.path = path
        self.isReadOnly = isReadOnly
        self.base = graph
        self.savedGraph = graph
        if let source { self.source = (source, declarations, graph) }
        caches.warmIfLarge(graph)
    }

    /// Reads a graph file.
    public static func open(path: String, name: String? = nil, isReadOnly: Bool = false) throws -> LoadedGraph {
        let parsed: ParsedGraph
        do { parsed = try GraphFile.read(path: path) } catch { throw CommandError(error) }
        let text = GraphFormat.infer(fromPath: path) == .arg ? try? String(contentsOfFile: path, encoding: .utf8) : nil
        return LoadedGraph(name: name ?? shortName(for: parsed.graph, path: path), graph: parsed.graph, path: path,
                           source: text, declarations: parsed.declarations, isReadOnly: isReadOnly)
    }

    /// A short name: the graph's id or file name, cut to its first two words when long (`us-japan`).
    public static func shortName(for graph: Graph, path: String?) -> String {
        let full = graph.name ?? path.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent } ?? "untitled"
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

    /// Applies an edit, keeping the old graph for `undo`; the view is dropped.
    @discardableResult
    public func apply(_ edit: Edit) throws -> String {
        let (graph, message) = try edit.applied(to: base)
        replace(with: graph, label: edit.label)
        return message
    }

    /// Replaces the edited graph, recording the old one under `label` for `undo`.
    public func replace(with graph: Graph, label: String) {
        undoStack.append((base, label))
        if undoStack.count > 200 { undoStack.removeFirst() }
        redoStack.removeAll()
        setBase(graph)
    }

    /// Reverts the last edit; returns its label, or nil when there is none.
    public func undo() -> String? {
        guard let last = undoStack.popLast() else { return nil }
        redoStack.append((base, last.label))
        setBase(last.graph)
        return last.label
    }

    /// Re-applies the last undone edit; returns its label, or nil when there is none.
    public func redo() -> String? {
        guard let next = redoStack.popLast() else { return nil }
        undoStack.append((base, next.label))
        setBase(next.graph)
        return next.label
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

    /// Records that the graph was written to `path` as `text`.
    public func markSaved(path: String, text: String?) {
        self.path = path
        isReadOnly = false
        savedGraph = base
        if let text, let parsed = try? ArgReader.read(text, file: path) {
            source = (text, parsed.declarations, parsed.graph)
        } else {
            source = nil
        }
    }

    /// The text `save` writes for an `.arg` file: the original text with untouched declarations kept.
    public func argText() -> String {
        guard let source else { return ArgWriter.write(base) }
        return ArgSplicer.splice(source.text, declarations: source.declarations, original: source.graph, edited: base)
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
    /// Each claim's text and quotes, folded for case- and diacritic-insensitive search.
    public var foldedClaimText: [String] { caches.get(\.folded) { GraphCaches.folded(graph) } }
}

extension LoadedGraph {
    /// ``foldedClaimText`` laid out for a byte scan (see ``FoldedTextScan``).
    public var foldedScan: FoldedTextScan { caches.get(\.scan) { FoldedTextScan(foldedClaimText) } }
}

/// Folded claim texts laid out for fast substring search: the all-ASCII ones end to end in one byte
/// array (each followed by a NUL), the others kept apart and searched as strings.
///
/// For an ASCII needle without NUL, a byte match in an ASCII text is exactly what `String.contains`
/// answers there (no character of ASCII text spans several bytes); every other case falls back to it.
public struct FoldedTextScan: Sendable {
    /// The ASCII texts, each followed by a NUL byte.
    let bytes: [UInt8]
    /// Where each ASCII text starts in ``bytes``, and one past the last.
    let starts: [Int]
    /// The claim index of each ASCII text.
    let claims: [Int32]
    /// The claims whose folded text is not all ASCII, in index order.
    let others: [Int]

    /// Lays out folded texts, one per claim.
    public init(_ folded: [String]) {
        var bytes: [UInt8] = [], starts: [Int] = [], claims: [Int32] = [], others: [Int] = []
        for (i, text) in folded.enumerated() {
            let utf8 = text.utf8
            let ascii = utf8.withContiguousStorageIfAvailable { b in b.allSatisfy { $0 < 0x80 && $0 != 0 } }
                ?? utf8.allSatisfy { $0 < 0x80 && $0 != 0 }
            if ascii {
                starts.append(bytes.count)
                claims.append(Int32(i))
                if utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) == nil { bytes.append(contentsOf: utf8) }
                bytes.append(0)
            } else {
                others.append(i)
            }
        }
        starts.append(bytes.count)
        self.bytes = bytes
        self.starts = starts
        self.claims = claims
        self.others = others
    }

    /// The claims (ascending) whose folded text contains `needle`, as `folded[i].contains(needle)` answers.
    public func matches(_ needle: String, in folded: [String]) -> [Int] {
        let n = Array(needle.utf8)
        guard !n.isEmpty, n.allSatisfy({ $0 < 0x80 && $0 != 0 }), claims.count + others.count == folded.count else {
            return folded.indices.filter { folded[$0].contains(needle) }
        }
        var found: [Int] = []
        bytes.withUnsafeBufferPointer { hay in
            let first = n[0], count = hay.count, m = n.count
            var text = 0, p = 0
            while p + m <= count {
                if hay[p] != first { p += 1; continue }
                var k = 1
                while k < m && hay[p + k] == n[k] { k += 1 }
                if k < m { p += 1; continue }
                // A match at p: find its text (the last start at or before p), record it, skip to the next text.
                var lo = text, hi = starts.count - 1
                while lo + 1 < hi { let mid = (lo + hi) / 2; if starts[mid] <= p { lo = mid } else { hi = mid } }
                text = lo
                found.append(Int(claims[text]))
                text += 1
                p = starts[text]
            }
        }
        let rest = others.filter { folded[$0].contains(needle) }
        if rest.isEmpty { return found }
        // Merge the two ascending lists.
        var out: [Int] = [], a = 0, b = 0
        out.reserveCapacity(found.count + rest.count)
        while a < found.count || b < rest.count {
            if b == rest.count || (a < found.count && found[a] < rest[b]) { out.append(found[a]); a += 1 } else { out.append(rest[b]); b += 1 }
        }
        return out
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
    var folded: [String]?
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
        let texts = Mutex<(folded: [String], scan: FoldedTextScan)?>(nil)
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
            let folded = Self.folded(graph)
            let scan = FoldedTextScan(folded)
            w.texts.withLock { $0 = (folded, scan) }
            w.textsDone.signal()
        }
    }

    /// Takes over what the background build made for `key`, waiting for that part if needed.
    private func adoptWarming(forIDs: Bool) {
        guard let w = warming else { return }
        if forIDs {
            guard claimIDs == nil else { return }
            w.idsDone.wait()
            w.idsDone.signal()   // the texts' adoption may wait on it too
            claimIDs = w.ids.withLock { $0.take() }
        } else {
            guard folded == nil || scan == nil else { return }
            w.textsDone.wait()
            w.textsDone.signal()
            if let t = w.texts.withLock({ $0.take() }) {
                if folded == nil { folded = t.folded }
                if scan == nil { scan = t.scan }
            }
        }
        if claimIDs != nil && folded != nil && scan != nil { warming = nil }
    }

    func get<T>(_ key: ReferenceWritableKeyPath<GraphCaches, T?>, _ make: () -> T) -> T {
        if let v = self[keyPath: key] { return v }
        if warming != nil {
            if key == \GraphCaches.claimIDs { adoptWarming(forIDs: true) }
            if key == \GraphCaches.folded || key == \GraphCaches.scan { adoptWarming(forIDs: false) }
            if let v = self[keyPath: key] { return v }
        }
        let v = make()
        self[keyPath: key] = v
        return v
    }

    /// The claim ids of `graph`, sorted, for prefix completion.
    static func claimIDs(_ graph: Graph) -> PrefixIndex { PrefixIndex(graph.claims.lazy.map(\.id)) }

    /// Each claim's text and quotes, folded for case- and diacritic-insensitive search.
    static func folded(_ g: Graph) -> [String] {
        g.claims.indices.map { c in
            var s = g.claims[c].text
            for st in g.stancesOfClaim[c] { for q in g.stances[Int(st)].quotes { s += "\n" + q.text } }
            return TextSearch.fold(s)
        }
    }
}

/// Case- and diacritic-insensitive text matching.
public enum TextSearch {
    /// Lower-cases and strips accents: `Tōkyō` → `tokyo`.
    public static func fold(_ s: String) -> String {
        // ASCII folds to its lower case (checked against Foundation for every ASCII character in the tests).
        let ascii = s.utf8.withContiguousStorageIfAvailable { b -> String? in
            guard b.allSatisfy({ $0 < 0x80 }) else { return nil }
            return String(unsafeUninitializedCapacity: b.count) { out in
                for i in b.indices { let c = b[i]; out[i] = c >= 0x41 && c <= 0x5A ? c | 0x20 : c }
                return b.count
            }
        }
        if let folded = ascii ?? nil { return folded }
        return s.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }
}
