import ArgumentGraph
import Dispatch
import Foundation
import Synchronization

/// The recovery journal of one session: its unsaved graphs, kept as `.arg` files in a folder so that a
/// session that dies does not lose them, and offered back at the next start.
///
/// After each command the shell publishes the session's unsaved graphs (immutable values, so publishing
/// copies nothing). With ``journalling`` on (sessions that read lines), a background queue then rewrites
/// the file of each graph that changed and removes the file of a graph saved since, so a session killed
/// outright (SIGKILL, a crash, power loss) loses at most the command that was running. Either way a stop by
/// SIGTERM or SIGHUP writes the last published state (see ``Recovery``). Files are `NAME-PID.arg` in
/// ``directory``; a file whose PID is another live argraph session is left alone.
///
/// The session holds its journal (``Session/journal``); tests make one on a scratch folder.
public final class RecoveryJournal: Sendable {
    /// One unsaved graph as the shell last published it.
    public struct Entry: Sendable {
        /// The session's name for the graph.
        public var name: String
        /// The file it came from, if any.
        public var path: String?
        /// The edited graph.
        public var graph: Graph

        /// An entry for a graph named `name`, read from `path`.
        public init(name: String, path: String?, graph: Graph) {
            self.name = name
            self.path = path
            self.graph = graph
        }
    }

    /// A recovery file found at start-up.
    public struct Found: Sendable {
        /// The recovery file.
        public var file: String
        /// The graph's name in the stopped session.
        public var name: String
        /// The file the graph came from, if any.
        public var path: String?
        /// When the recovery file was written.
        public var date: Date
        /// The recovered graph.
        public var graph: Graph
    }

    /// The folder of the recovery files.
    public let directory: String
    /// Whether the files are kept up to date after each command, or written only on a stop.
    public let journalling: Bool
    /// The process id in the file names (this process's, or a test's).
    let processID: Int32
    /// The queue that writes the files: the journal and a stop, one at a time.
    let queue = DispatchQueue(label: "argraph.recovery")
    /// The last published entries, the files written with the graph each holds, and whether the journal is on.
    private let state: Mutex<(published: [Entry], written: [String: Graph], on: Bool)>

    /// A journal on `directory` (see ``directory(environment:)``) for the process `processID`.
    public init(directory: String, journalling: Bool, processID: Int32 = getpid()) {
        self.directory = directory
        self.journalling = journalling
        self.processID = processID
        state = Mutex(([], [:], journalling))
    }

    /// The recovery folder for an environment: `$XDG_STATE_HOME/argraph/recovery`, else `~/.local/state/argraph/recovery`.
    public static func directory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let state =
            environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/state"
        return state + "/argraph/recovery"
    }

    /// Records the session's unsaved graphs, for a stop to write and, with the journal on, written at once.
    public func publish(_ session: Session) {
        publish(session.unsavedGraphs.map { Entry(name: $0.name, path: $0.path, graph: $0.base) })
    }

    /// Records unsaved graphs (see ``publish(_:)-(Session)``).
    public func publish(_ entries: [Entry]) {
        let on = state.withLock { s in
            s.published = entries
            return s.on
        }
        if on { queue.async { self.syncFiles() } }
    }

    /// Waits until the files are written for everything published so far.
    public func flush() { queue.sync {} }

    /// Brings the files up to date with the last published state (on `queue`): writes the graphs that
    /// changed since their last write, removes the files of graphs no longer unsaved. Later calls queued
    /// behind this one find nothing to do, so bursts of commands cost one write.
    func syncFiles() {
        let (entries, on) = state.withLock { ($0.published, $0.on) }
        guard on else { return }
        let files = fileNames(entries)
        var done = state.withLock { $0.written }
        var changed = false
        for (e, file) in zip(entries, files) where done[file] != e.graph {
            if write(e, to: file) { done[file] = e.graph; changed = true }
        }
        for file in done.keys where !files.contains(file) {
            try? FileManager.default.removeItem(atPath: file)
            done[file] = nil
            changed = true
        }
        if changed { state.withLock { $0.written = done } }
    }

    /// Brings the files up to date and turns the journal off, leaving the files for the next start to
    /// offer; returns their paths (none when the journal is off).
    public func keepForNextStart() -> [String] {
        guard state.withLock({ $0.on }) else { return [] }
        return queue.sync {
            syncFiles()
            return state.withLock { s in
                s.on = false
                return s.written.keys.sorted()
            }
        }
    }

    /// Removes the files this journal wrote and turns it off: the session ended as the user chose.
    public func finish() {
        guard state.withLock({ $0.on }) else { return }
        queue.sync {
            let files = state.withLock { s in
                s.on = false
                defer { s.written = [:] }
                return Array(s.written.keys)
            }
            for file in files { try? FileManager.default.removeItem(atPath: file) }
        }
    }

    /// Writes the published graphs; returns the files written. A stop calls it on the journal's queue.
    @discardableResult
    public func writePublished() -> [String] {
        let entries = state.withLock { $0.published }
        return zip(entries, fileNames(entries)).compactMap { e, file in write(e, to: file) ? file : nil }
    }

    /// The header line that starts a recovery file, before the graph's `.arg` text.
    static let marker = "# argraph recovery"

    /// The recovery file of each entry: `NAME-PID.arg`, the name cut to letters, digits, `-` and `_`
    /// (with `-2`, `-3`, … when two names cut the same way).
    func fileNames(_ entries: [Entry]) -> [String] {
        var used = Set<String>()
        return entries.map { e in
            let safe = String(
                e.name.unicodeScalars.map { u -> Character in
                    u.isASCII && (u.properties.isAlphabetic || u.properties.numericType != nil || u == "-" || u == "_")
                        ? Character(u) : "_"
                })
            var file = directory + "/\(safe)-\(processID).arg", n = 2
            while !used.insert(file).inserted { file = directory + "/\(safe)-\(n)-\(processID).arg"; n += 1 }
            return file
        }
    }

    /// Writes one entry's recovery file; false (having said why) when it cannot.
    func write(_ e: Entry, to file: String) -> Bool {
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var text = Self.marker + "\n# name: \(e.name)\n"
        if let path = e.path { text += "# path: \(URL(fileURLWithPath: path).standardizedFileURL.path)\n" }
        text += ArgWriter.write(e.graph)
        do {
            try GraphFile.writeAtomically(text: text, to: file)
            return true
        } catch {
            try? FileHandle.standardError.write(
                contentsOf: Data("argraph: could not write the recovery file: \(error)\n".utf8))
            return false
        }
    }

    /// The recovery files in `directory`, oldest first (unreadable ones are skipped).
    public func pending() -> [Found] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        var found: [Found] = []
        for n in names.sorted() where n.hasSuffix(".arg") && !isLiveSession(file: n) {
            let file = directory + "/" + n
            guard let text = try? String(contentsOfFile: file, encoding: .utf8), text.hasPrefix(Self.marker),
                let graph = try? ArgReader.read(text, file: file).graph
            else { continue }
            var name = String(n.dropLast(4)), path: String?
            for line in text.split(separator: "\n").prefix(3) {
                if line.hasPrefix("# name: ") { name = String(line.dropFirst(8)) }
                if line.hasPrefix("# path: ") { path = String(line.dropFirst(8)) }
            }
            let date = (try? FileManager.default.attributesOfItem(atPath: file)[.modificationDate] as? Date) ?? Date()
            found.append(Found(file: file, name: name, path: path, date: date, graph: graph))
        }
        return found.sorted { $0.date < $1.date }
    }

    /// Whether a recovery file's name (`NAME-PID.arg`) is the journal of another argraph session
    /// that is still running, which the next start must leave alone.
    func isLiveSession(file name: String) -> Bool {
        guard let dash = name.dropLast(4).lastIndex(of: "-"),
            let pid = Int32(name[name.index(after: dash)..<name.index(name.endIndex, offsetBy: -4)]),
            pid > 0, pid != processID
        else { return false }
        guard kill(pid, 0) == 0 || errno == EPERM else { return false }
        // A process id is reused after the session died: only an argraph process counts (where /proc tells).
        guard let comm = try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8),
            let own = try? String(contentsOfFile: "/proc/self/comm", encoding: .utf8)
        else { return true }
        return comm == own
    }

    /// Offers each recovery file; a yes restores the graph as an unsaved edit and removes the file.
    public func offer(to session: Session, reader: LineReader) {
        for f in pending() {
            let when = ISO8601DateFormatter().string(from: f.date)
            let origin = f.path.map { " of \($0)" } ?? ""
            session.output.write(
                "argraph: unsaved edits to '\(f.name)'\(origin) were kept when a session stopped (\(when)).\n")
            session.output.write("Restore them? [y/N] ")
            session.output.flush()
            guard case let .line(answer) = reader.ask(""),
                ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
            else {
                session.output.write("\nkept in \(f.file); it will be offered again at the next start.\n")
                session.output.flush()
                continue
            }
            Self.restore(f, into: session)
            try? FileManager.default.removeItem(atPath: f.file)
            session.output.write(
                "restored '\(f.name)': \(NumberText.counted(f.graph.claims.count, "claim")), not yet saved.\n")
            session.output.flush()
        }
    }

    /// Puts a recovered graph into the session: over the open graph from the same file, else beside the others.
    static func restore(_ f: Found, into session: Session) {
        if let open = session.graphs.first(where: { g in
            f.path != nil && g.path.map { URL(fileURLWithPath: $0).standardizedFileURL.path } == f.path
        }) {
            open.replace(with: f.graph, label: "restore unsaved edits")
            try? session.use(open.name)
            return
        }
        let loaded: LoadedGraph
        if let path = f.path, let original = try? LoadedGraph.open(path: path) {
            loaded = original
        } else {
            loaded = LoadedGraph(name: f.name, graph: .empty, path: f.path)
        }
        loaded.replace(with: f.graph, label: "restore unsaved edits")
        var name = f.name, n = 2
        while session.graphs.contains(where: { $0.name == name }) { name = f.name + "-\(n)"; n += 1 }
        loaded.name = name
        session.add(loaded)
        try? session.use(name)
    }
}
