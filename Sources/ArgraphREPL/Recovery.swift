import ArgumentGraph
import Dispatch
import Foundation
import Synchronization

/// Unsaved graphs written to a recovery file when the session is stopped by SIGTERM or SIGHUP,
/// and offered back at the next start.
///
/// After each command the shell publishes the session's unsaved graphs (immutable values, so
/// publishing copies nothing). A signal source on a background queue writes the last published
/// state to `$XDG_STATE_HOME/argraph/recovery/` (default `~/.local/state/argraph/recovery/`),
/// one `.arg` file per graph, then exits with status 128 + the signal. A command half done when
/// the signal came is not in the file; every command finished before it is.
///
/// With the journal on (``installSignalHandlers(environment:journal:)``), the same queue also
/// rewrites a graph's file after each command that changed it, and removes it once the graph is
/// saved, so a session killed outright (SIGKILL, a crash, power loss) loses at most the command
/// that was running. ``finish()`` removes the files when the session ends normally.
public enum Recovery {
    /// One unsaved graph as the shell last published it.
    public struct Entry: Sendable {
        /// The session's name for the graph.
        public var name: String
        /// The file it came from, if any.
        public var path: String?
        /// The edited graph.
        public var graph: Graph
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

    static let published = Mutex<[Entry]>([])
    /// The signal sources, kept alive for the life of the process (set once, at start-up, on the main thread).
    nonisolated(unsafe) static var handlers: [any DispatchSourceSignal] = []
    /// Where ``stop(signal:)`` writes: set by ``installSignalHandlers(environment:)``.
    static let stopDirectory = Mutex<String?>(nil)
    /// Whether a stop has begun: the first caller writes and exits, any other waits for the exit.
    static let stopping = Mutex(false)
    /// Run before exiting on a signal, such as putting the terminal back in line mode.
    static let cleanups = Mutex<[@Sendable () -> Void]>([])
    /// The queue that writes recovery files: the signal handlers and the journal, one at a time.
    static let queue = DispatchQueue(label: "argraph.recovery")
    /// The journal's folder while it is on.
    static let journalDirectory = Mutex<String?>(nil)
    /// The files this process wrote, by path, with the graph each holds (used only on `queue`).
    static let written = Mutex<[String: Graph]>([:])

    /// The recovery folder for an environment.
    public static func directory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let state = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/state"
        return state + "/argraph/recovery"
    }

    /// Records the session's unsaved graphs, for a later signal (and, with the journal on, at once) to write.
    public static func publish(_ session: Session) {
        let entries = session.unsavedGraphs.map { Entry(name: $0.name, path: $0.path, graph: $0.base) }
        published.withLock { $0 = entries }
        if journalDirectory.withLock({ $0 }) != nil { queue.async { syncJournal() } }
    }

    /// Brings the journal's files up to date with the last published state (on `queue`): writes the
    /// graphs that changed since their last write, removes the files of graphs no longer unsaved.
    /// Later calls queued behind this one find nothing to do, so bursts of commands cost one write.
    static func syncJournal() {
        guard let directory = journalDirectory.withLock({ $0 }) else { return }
        let entries = published.withLock { $0 }
        let files = fileNames(entries, in: directory)
        var done = written.withLock { $0 }
        var changed = false
        for (e, file) in zip(entries, files) where done[file] != e.graph {
            if write(e, to: file, directory: directory) { done[file] = e.graph; changed = true }
        }
        for file in done.keys where !files.contains(file) {
            try? FileManager.default.removeItem(atPath: file)
            done[file] = nil
            changed = true
        }
        if changed { written.withLock { $0 = done } }
    }

    /// Brings the journal's files up to date and turns the journal off, leaving the files for the next
    /// start to offer; returns their paths (none when the journal is off).
    public static func keepForNextStart() -> [String] {
        guard journalDirectory.withLock({ $0 }) != nil else { return [] }
        return queue.sync {
            syncJournal()
            journalDirectory.withLock { $0 = nil }
            return written.withLock { $0 }.keys.sorted()
        }
    }

    /// Removes this process's recovery files and turns the journal off: the session ended as the user chose.
    public static func finish() {
        guard journalDirectory.withLock({ $0 }) != nil else { return }
        queue.sync {
            journalDirectory.withLock { $0 = nil }
            for file in written.withLock({ $0 }).keys { try? FileManager.default.removeItem(atPath: file) }
            written.withLock { $0 = [:] }
        }
    }

    /// The header line that starts a recovery file, before the graph's `.arg` text.
    static let marker = "# argraph recovery"

    /// The recovery file of each entry: `NAME-PID.arg`, the name cut to letters, digits, `-` and `_`
    /// (with `-2`, `-3`, … when two names cut the same way).
    static func fileNames(_ entries: [Entry], in directory: String) -> [String] {
        var used = Set<String>()
        return entries.map { e in
            let safe = String(e.name.unicodeScalars.map { u -> Character in
                u.isASCII && (u.properties.isAlphabetic || u.properties.numericType != nil || u == "-" || u == "_") ? Character(u) : "_"
            })
            var file = directory + "/\(safe)-\(getpid()).arg", n = 2
            while !used.insert(file).inserted { file = directory + "/\(safe)-\(n)-\(getpid()).arg"; n += 1 }
            return file
        }
    }

    /// Writes one entry's recovery file; false (having said why) when it cannot.
    static func write(_ e: Entry, to file: String, directory: String) -> Bool {
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var text = marker + "\n# name: \(e.name)\n"
        if let path = e.path { text += "# path: \(URL(fileURLWithPath: path).standardizedFileURL.path)\n" }
        text += ArgWriter.write(e.graph)
        do {
            try GraphFile.writeAtomically(Data(text.utf8), to: file)
            return true
        } catch {
            try? FileHandle.standardError.write(contentsOf: Data("argraph: could not write the recovery file: \(error)\n".utf8))
            return false
        }
    }

    /// Writes the published graphs into `directory`; returns the files written.
    @discardableResult
    public static func writePublished(to directory: String) -> [String] {
        let entries = published.withLock { $0 }
        return zip(entries, fileNames(entries, in: directory)).compactMap { e, file in
            write(e, to: file, directory: directory) ? file : nil
        }
    }

    /// On SIGTERM and SIGHUP: writes the published graphs, says where, and exits with 128 + the signal.
    /// With `journal`, also keeps the files up to date after each command (see ``Recovery``).
    public static func installSignalHandlers(environment: [String: String] = ProcessInfo.processInfo.environment,
                                             journal: Bool = false) {
        let folder = directory(environment: environment)
        stopDirectory.withLock { $0 = folder }
        if journal { journalDirectory.withLock { $0 = folder } }
        var sources: [any DispatchSourceSignal] = []
        for sig in [SIGTERM, SIGHUP] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: queue)
            source.setEventHandler { stopOnQueue(signal: sig) }
            source.resume()
            sources.append(source)
        }
        handlers = sources
    }

    /// Adds work to do before exiting on a signal (it may run on any thread).
    public static func addCleanup(_ cleanup: @escaping @Sendable () -> Void) {
        cleanups.withLock { $0.append(cleanup) }
    }

    /// Ends the session as a signal does: writes the published graphs to the recovery folder, says
    /// where, runs the cleanups and exits with 128 + `signal`.
    ///
    /// Called by the SIGTERM and SIGHUP handlers, and by a reader that finds its terminal gone
    /// (which may see the hang-up before the signal arrives). Only the first call writes; a call
    /// on another thread meanwhile waits for the exit. The writing waits for a journal write in flight.
    public static func stop(signal sig: Int32) -> Never {
        queue.sync { stopOnQueue(signal: sig) }
        // Not reached: stopOnQueue exits.
        while true { pause() }
    }

    /// ``stop(signal:)`` on the recovery queue.
    static func stopOnQueue(signal sig: Int32) -> Never {
        let first = stopping.withLock { started in
            defer { started = true }
            return !started
        }
        if !first { while true { pause() } }
        if let directory = stopDirectory.withLock({ $0 }) {
            let files = writePublished(to: directory)
            if !files.isEmpty {
                let list = files.joined(separator: ", ")
                try? FileHandle.standardError.write(contentsOf: Data("\nargraph: stopped by signal \(sig); unsaved edits kept in \(list)\n".utf8))
            }
        }
        for cleanup in cleanups.withLock({ $0 }) { cleanup() }
        exit(128 + sig)
    }

    /// The recovery files in `directory`, oldest first (unreadable ones are skipped).
    public static func pending(in directory: String) -> [Found] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        var found: [Found] = []
        for n in names.sorted() where n.hasSuffix(".arg") && !isLiveSession(file: n) {
            let file = directory + "/" + n
            guard let text = try? String(contentsOfFile: file, encoding: .utf8), text.hasPrefix(marker),
                  let graph = try? ArgReader.read(text, file: file).graph else { continue }
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
    static func isLiveSession(file name: String) -> Bool {
        guard let dash = name.dropLast(4).lastIndex(of: "-"), let pid = Int32(name[name.index(after: dash)..<name.index(name.endIndex, offsetBy: -4)]),
              pid > 0, pid != getpid() else { return false }
        guard kill(pid, 0) == 0 || errno == EPERM else { return false }
        // A process id is reused after the session died: only an argraph process counts (where /proc tells).
        guard let comm = try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8),
              let own = try? String(contentsOfFile: "/proc/self/comm", encoding: .utf8) else { return true }
        return comm == own
    }

    /// Offers each recovery file; a yes restores the graph as an unsaved edit and removes the file.
    public static func offer(in directory: String, session: Session, reader: LineReader) {
        for f in pending(in: directory) {
            let when = ISO8601DateFormatter().string(from: f.date)
            let origin = f.path.map { " of \($0)" } ?? ""
            session.output.write("argraph: unsaved edits to '\(f.name)'\(origin) were kept when a session stopped (\(when)).\n")
            session.output.write("Restore them? [y/N] ")
            session.output.flush()
            guard case let .line(answer) = reader.ask(""),
                  ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased()) else {
                session.output.write("\nkept in \(f.file); it will be offered again at the next start.\n")
                session.output.flush()
                continue
            }
            restore(f, into: session)
            try? FileManager.default.removeItem(atPath: f.file)
            session.output.write("restored '\(f.name)': \(f.graph.claims.count) claims, not yet saved.\n")
            session.output.flush()
        }
    }

    /// Puts a recovered graph into the session: over the open graph from the same file, else beside the others.
    static func restore(_ f: Found, into session: Session) {
        if let open = session.graphs.first(where: { g in f.path != nil && g.path.map { URL(fileURLWithPath: $0).standardizedFileURL.path } == f.path }) {
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
