import ArgumentGraph
import Foundation

/// What a graph knows of its file: the snapshot of what it last read or wrote there, the edits made
/// since (for `merge`), and the change on disk the prompt last warned about (to warn once).
public struct DiskState: Sendable {
    /// The file as last read or written; nil for a graph without a file.
    public internal(set) var snapshot: FileSnapshot?
    /// The edits on the undo stack, for `merge` to replay those since the last save.
    public internal(set) var log = EditLog()
    /// The content on disk the prompt last warned about, so that it warns once per change.
    var warned: FileSnapshot?
}

/// The edits behind the undo and redo stacks, mirrored step for step, with where the last save was.
public struct EditLog: Sendable {
    private var done: [GraphEdit?] = []
    private var undone: [GraphEdit?] = []
    /// How many of `done` the saved state had; nil once the saved state left the history.
    private var savedCount: Int? = 0

    /// An edit (nil: a change that is not an edit, such as restored recovery) went on the undo stack.
    mutating func pushed(_ edit: GraphEdit?) {
        if let s = savedCount, s > done.count { savedCount = nil }  // the saved state was on the redo stack
        done.append(edit)
        undone.removeAll()
    }

    /// The oldest undo step was forgotten.
    mutating func droppedOldest() {
        guard !done.isEmpty else { return }
        done.removeFirst()
        savedCount = savedCount.flatMap { $0 > 0 ? $0 - 1 : nil }
    }

    mutating func undid() { if let e = done.popLast() { undone.append(e) } }
    mutating func redid() { if let e = undone.popLast() { done.append(e) } }
    mutating func markSaved() { savedCount = done.count }

    /// The edits made since the last save, in order; nil when the unsaved state is not the saved one
    /// plus edits (undo went back past the save, or a change was not an edit).
    public var sinceSave: [GraphEdit]? {
        guard let s = savedCount, s <= done.count else { return nil }
        let tail = done[s...]
        guard tail.allSatisfy({ $0 != nil }) else { return nil }
        return tail.compactMap { $0 }
    }
}

extension LoadedGraph {
    /// A graph file as read: the graph (without declarations: a save reads the file again for those) and the
    /// snapshot of exactly the bytes parsed.
    public struct DiskRead: Sendable {
        public var parsed: ParsedGraph
        /// Whether it is `.arg` text, which a save can rewrite keeping its comments.
        public var isArgText: Bool
        public var snapshot: FileSnapshot
    }

    /// Reads a graph file with the snapshot of what was read. An `.arg` file is hashed, then parsed from the same
    /// bytes, which the parse lets go as it reads (a graph open in the session does not hold its file); other
    /// formats are read again until a snapshot before and after agree.
    public static func read(path: String) throws(DiagnosticError) -> DiskRead {
        func read() throws(DiagnosticError) -> FileSnapshot.Unhashed {
            do { return try FileSnapshot.readUnhashed(path) } catch { throw DiagnosticError([error.diagnostic]) }
        }
        if GraphFormat.infer(fromPath: path) == .arg {
            let (bytes, snapshot) = try hashed(read())
            let parsed = try ArgReader.read(fileBytes: consume bytes, path: path, declarations: false)
            return DiskRead(parsed: parsed, isArgText: true, snapshot: snapshot)
        }
        var attempt = 0
        while true {
            let before = try read().snapshot()
            let parsed = try GraphFile.read(path: path)
            attempt += 1
            // A file rewritten while it was parsed: read again; after three tries keep the first
            // snapshot, so that a save refuses rather than trusting it.
            if let after = try? FileSnapshot.current(path), after.sameContent(as: before) || attempt == 3 {
                return DiskRead(parsed: parsed, isArgText: false, snapshot: before)
            }
        }
    }

    /// A file's bytes and their snapshot, the `Unhashed` that held them gone.
    private static func hashed(_ file: consuming FileSnapshot.Unhashed) -> (bytes: [UInt8], snapshot: FileSnapshot) {
        let snapshot = file.snapshot()
        return (file.bytes, snapshot)
    }

    /// The text kept of a file's bytes: the bytes themselves when they are UTF-8 (nil when not), as the `String`
    /// that Foundation decodes would have them; with a byte order mark, that `String`'s bytes.
    static func keptText(_ bytes: [UInt8]) -> [UInt8]? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return String(bytes: bytes, encoding: .utf8).map { Array($0.utf8) }
        }
        return isValidUTF8(bytes) ? bytes : nil
    }

    /// A graph opened from a file read with ``read(path:)``.
    public convenience init(_ read: DiskRead, name: String? = nil, isReadOnly: Bool = false) {
        let path = read.snapshot.path
        self.init(
            name: name ?? LoadedGraph.shortName(for: read.parsed.graph, path: path), graph: read.parsed.graph,
            path: path, isReadOnly: isReadOnly)
        source = read.commentSource
        disk.snapshot = read.snapshot
    }

    /// Takes the file as read: nothing unsaved, no undo history.
    public func reload(_ read: DiskRead) {
        adopt(read.parsed.graph, source: read.commentSource)
        path = read.snapshot.path
        disk.snapshot = read.snapshot
        disk.warned = nil
    }

    /// Records what a save wrote.
    func recordWritten(_ snapshot: FileSnapshot, text: String?) {
        markSaved(path: snapshot.path, source: text == nil ? nil : .file(snapshot))
        disk.snapshot = snapshot
        disk.warned = nil
    }

    /// The labels of the unsaved edits, for saying what a reload would drop.
    public var unsavedEditLabels: [String]? { disk.log.sinceSave.map { $0.map(\.label) } }

    /// "3 unsaved edits (add claim x, link x attacks y, remove claim z)", or "unsaved changes".
    public var unsavedSummary: String {
        guard let labels = unsavedEditLabels, !labels.isEmpty else { return "unsaved changes" }
        let shown = labels.prefix(5).joined(separator: ", ") + (labels.count > 5 ? ", …" : "")
        return "\(NumberText.counted(labels.count, "unsaved edit")) (\(shown))"
    }
}

extension LoadedGraph.DiskRead {
    /// Where a save that keeps comments finds them: the file as read, for `.arg` text.
    var commentSource: LoadedGraph.CommentSource? { isArgText ? .file(snapshot) : nil }
}
