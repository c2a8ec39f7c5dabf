import ArgumentGraph
import Foundation

/// The files this session read or wrote, with what it last saw in each: a save or export may replace
/// one of these only if it is still as recorded, and any other existing file only with `--force`.
public struct KnownFiles: Sendable {
    private var byPath: [String: FileSnapshot] = [:]

    /// The key for a path: absolute, `.` and `..` resolved, symbolic links followed.
    static func key(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// Records what argraph read from or wrote to a file.
    public mutating func record(_ snapshot: FileSnapshot) { byPath[Self.key(snapshot.path)] = snapshot }

    /// What argraph last saw at `path`, if it read or wrote it.
    public func snapshot(for path: String) -> FileSnapshot? { byPath[Self.key(path)] }
}

extension Session {
    /// What a write to `path` must find there: the last snapshot this session took of it (from its
    /// own writes, or an open graph's read), else a missing file. Throws when an existing file was
    /// neither read nor written by this session, unless `force`.
    func expectedSnapshot(for path: String, force: Bool, command: String) throws -> FileSnapshot {
        let key = KnownFiles.key(path)
        if let known = files.snapshot(for: path) { return known }
        if let open = graphs.first(where: { $0.path.map(KnownFiles.key) == key })?.disk.snapshot { return open }
        var st = stat()
        if lstat(path, &st) != 0 || force { return .missing(at: path) }
        throw CommandError(
            "'\(path)' exists and argraph did not write or open it in this session; \(command) would replace it",
            hint: "\(command) --force … replaces it; or choose another file")
    }

    /// Run before each prompt: a graph whose file changed on disk is reloaded when it has no unsaved
    /// edits (and says so); with unsaved edits, or when the new file does not read, it warns once.
    public func checkFilesOnDisk() {
        var reloaded = false
        for g in graphs {
            guard let snapshot = g.disk.snapshot, !snapshot.looksUnchanged else { continue }
            let now: FileSnapshot
            do { now = try FileSnapshot.current(snapshot.path) } catch {
                let what =
                    if case let .notAFile(_, kind) = error { "is now \(kind)" } else {
                        "cannot be read: \(error.description)"
                    }
                warnOnce(
                    g, about: .missing(at: snapshot.path),
                    "'\(snapshot.path)' \(what); 'save OTHER-FILE.arg' writes \(g.name) elsewhere")
                continue
            }
            if now.sameContent(as: snapshot) {
                g.disk.snapshot = now  // touched, not changed: remember the new time
                continue
            }
            if g.disk.warned.map({ $0.sameContent(as: now) }) == true { continue }
            let what =
                now.exists
                ? "changed on disk (\(Self.differ(LineDiff.changedLines(snapshot.lineHashes, now.lineHashes))))"
                : "was deleted on disk"
            if now.exists, !g.hasUnsavedChanges {
                do {
                    g.reload(try LoadedGraph.read(path: snapshot.path))
                    files.record(g.disk.snapshot ?? now)
                    say(
                        "'\(snapshot.path)' \(what); reloaded \(g.name): \(NumberText.counted(g.graph.claims.count, "claim"))"
                    )
                    reloaded = true
                } catch {
                    warnOnce(
                        g, about: now,
                        "'\(snapshot.path)' \(what) and does not read (\(CommandError(error).message)); \(g.name) is kept as it was"
                    )
                }
                continue
            }
            let advice =
                now.exists
                ? (g.hasUnsavedChanges
                    ? "'merge' replays your edits onto it, 'save --force' overwrites it, 'reload --discard' drops your edits"
                    : "'reload' reads it again")
                : "'save --force' writes it again"
            warnOnce(
                g, about: now,
                "'\(snapshot.path)' \(what) while \(g.name) has \(g.hasUnsavedChanges ? g.unsavedSummary : "no unsaved changes"): \(advice)"
            )
        }
        if reloaded { journal?.publish(self) }
    }

    private func warnOnce(_ g: LoadedGraph, about disk: FileSnapshot, _ message: String) {
        if g.disk.warned.map({ $0.sameContent(as: disk) }) == true { return }
        g.disk.warned = disk
        errorOutput.write(style.quote("warning:") + " " + message + "\n")
        errorOutput.flush()
    }

    private func say(_ message: String) {
        output.write(message + "\n")
        output.flush()
    }

    /// "1 line differs", "3 lines differ".
    static func differ(_ n: Int) -> String { n == 1 ? "1 line differs" : "\(n) lines differ" }
}
