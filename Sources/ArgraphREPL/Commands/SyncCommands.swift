import ArgumentGraph
import Foundation

extension CommandRegistry {
    /// Commands that bring a graph and its file back together after the file changed on disk.
    static let syncCommands: [Command] = [
        Command(
            "reload", group: .editing, options: [.flag("--discard")],
            summary: "Read the current graph's file again (refuses to drop unsaved edits without --discard).",
            usage: "reload [--discard]", example: "reload",
            details:
                "Use it when the file was changed by another program or session. With unsaved edits, reload says which it would drop and stops; --discard drops them, and 'merge' keeps them on top of the file instead."
        ) { ctx in
            try ctx.expectAtMost(0)
            try SaveWork.reload(ctx)
        },
        Command(
            "merge", group: .editing, options: [.flag("--diff")],
            summary: "Replay this session's unsaved edits onto the file as it is now, then save (comments kept).",
            usage: "merge [--diff]", example: "merge --diff",
            details:
                "Each edit since the last save is applied to the file as another program or session left it. An edit whose claim, actor or document was removed or changed there is not applied and is listed; then nothing is written and the edits that did apply stay unsaved for you to check. --diff shows the .arg differences against the file and asks before writing."
        ) { ctx in
            try ctx.expectAtMost(0)
            try SaveWork.merge(ctx)
        },
    ]
}

/// The work behind `save`, `reload` and `merge`: no write replaces a file that changed since this
/// session read or wrote it, or that it never read or wrote, unless forced.
enum SaveWork {
    static func save(_ ctx: CommandContext) throws {
        let lg = ctx.session.current
        let path: String
        if let p = ctx.argument(0) {
            path = (p as NSString).expandingTildeInPath
        } else {
            guard let p = lg.path, !lg.isReadOnly else {
                throw CommandError(
                    lg.path == nil ? "this graph has no file yet" : "the bundled graph is read-only",
                    hint: "give a file: save my-graph.arg")
            }
            path = p
        }
        guard let format = GraphFormat.infer(fromPath: path), format == .arg || format == .json else {
            if let format = GraphFormat.infer(fromPath: path) {
                throw CommandError(
                    "save keeps everything only in .arg or .json; '\(format)' would lose parts of the graph",
                    hint: "use export \(format) \(path)")
            }
            throw CommandError("cannot tell the format of '\(path)' from its extension", hint: "use .arg or .json")
        }
        let force = ctx.flag("--force")
        let expected: FileSnapshot
        if ownFile(lg, path), let own = lg.disk.snapshot {
            expected = own
        } else {
            expected = try ctx.session.expectedSnapshot(for: path, force: force, command: "save")
        }
        let (text, data) = contents(ctx, lg, format, canonical: ctx.flag("--canonical"))
        guard try confirmDiff(ctx, data, path: path) else { return }
        try write(ctx, lg, data, text: text, to: path, expecting: expected, force: force)
        let g = lg.base
        ctx.print(
            "saved \(path) (\(NumberText.counted(g.claims.count, "claim")), \(NumberText.counted(g.relations.count, "relation")))"
        )
    }

    /// What a save writes for `lg` in `format` (`.arg`, keeping comments unless `canonical`, or `.json`),
    /// with the `.arg` text; says so when the comments could not be kept.
    static func contents(_ ctx: CommandContext, _ lg: LoadedGraph, _ format: GraphFormat, canonical: Bool) -> (
        text: String?, data: Data
    ) {
        guard format == .arg else { return (nil, GraphFile.data(of: lg.base, as: .json)) }
        if canonical { return contents(ArgWriter.write(lg.base)) }
        let (text, lost) = lg.argTextKeepingComments()
        if let lost, let path = lg.path {
            let why =
                lost == .fileChanged
                ? "\(path) is no longer as it was read" : "the edits could not be placed in \(path)'s text"
            ctx.print(
                ctx.style.dim(
                    "note: \(why), so its comments and layout cannot be kept; the graph is written in canonical form"))
        }
        return contents(text)
    }

    private static func contents(_ text: String) -> (text: String?, data: Data) { (text, Data(text.utf8)) }

    /// With `--diff`, shows what the write changes on disk and asks; false when the answer is no.
    static func confirmDiff(_ ctx: CommandContext, _ data: Data, path: String) throws -> Bool {
        guard ctx.flag("--diff") else { return true }
        let disk = (try? FileSnapshot.read(path)).map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
        let diff = LineDiff.unified(
            old: disk, new: String(decoding: data, as: UTF8.self),
            oldLabel: path + " (on disk)", newLabel: path + " (to be written)")
        if diff.isEmpty {
            ctx.print("no differences from \(path) on disk")
            return true
        }
        ctx.session.output.write(
            diff.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
                line.hasPrefix("+") && !line.hasPrefix("+++")
                    ? ctx.style.support(String(line))
                    : line.hasPrefix("-") && !line.hasPrefix("---") ? ctx.style.attack(String(line)) : String(line)
            }.joined(separator: "\n"))
        if ctx.session.confirm("write \(path)?") { return true }
        ctx.print("not saved")
        return false
    }

    /// Writes `data` for `lg` to `path` if the file is still as `expecting` recorded; records the write.
    static func write(
        _ ctx: CommandContext, _ lg: LoadedGraph, _ data: Data, text: String?, to path: String,
        expecting: FileSnapshot, force: Bool
    ) throws {
        let written: FileSnapshot
        do { written = try GraphFile.save(data, to: path, expecting: expecting, force: force) } catch {
            // Said here; the next prompt need not warn about the same change.
            if ownFile(lg, path) { lg.disk.warned = (try? FileSnapshot.current(path)) ?? .missing(at: path) }
            throw refusal(error, lg, path: path, ownFile: ownFile(lg, path))
        }
        lg.recordWritten(written, text: text)
        ctx.session.files.record(written)
    }

    static func ownFile(_ lg: LoadedGraph, _ path: String) -> Bool {
        lg.path.map(KnownFiles.key) == KnownFiles.key(path)
    }

    /// A refused save, with what the user can do about it.
    static func refusal(_ error: SaveError, _ lg: LoadedGraph, path: String, ownFile: Bool) -> CommandError {
        guard error.isConflict else {
            if case .notAFile = error, lg.disk.snapshot?.exists == true, ownFile {
                return CommandError(
                    error.description + " (it was a file when argraph read it); not saved",
                    hint: "save OTHER-FILE.arg writes your graph elsewhere")
            }
            return CommandError(error.description)
        }
        let hint: String
        switch error {
        case .changed where ownFile:
            hint =
                lg.hasUnsavedChanges
                ? "'merge' replays your \(lg.unsavedSummary) onto it; 'save --force' overwrites it; 'reload --discard' drops your edits"
                : "'reload' reads it again; 'save --force' overwrites it"
        case .readOnly: hint = "'save --force' writes it anyway; or save OTHER-FILE.arg"
        case .deleted: hint = "'save --force' writes it again; or save OTHER-FILE.arg"
        default: hint = "'save --force \(path)' overwrites it; or save OTHER-FILE.arg"
        }
        return CommandError(error.description + "; not saved", hint: hint)
    }

    static func reload(_ ctx: CommandContext) throws {
        let lg = ctx.session.current
        guard let path = lg.path else { throw CommandError("\(lg.name) has no file to reload") }
        if lg.hasUnsavedChanges, !ctx.flag("--discard") {
            throw CommandError(
                "reloading would drop \(lg.name)'s \(lg.unsavedSummary)",
                hint: "'reload --discard' drops them; 'merge' keeps them on top of the file as it is now")
        }
        let dropped = lg.hasUnsavedChanges ? lg.unsavedSummary : nil
        let read: LoadedGraph.DiskRead
        do { read = try LoadedGraph.read(path: path) } catch { throw CommandError(error) }
        let differ = lg.disk.snapshot.map { LineDiff.changedLines($0.lineHashes, read.snapshot.lineHashes) }
        lg.reload(read)
        ctx.session.files.record(read.snapshot)
        ctx.print(
            "reloaded \(lg.name) from \(path): \(NumberText.counted(lg.graph.claims.count, "claim"))"
                + (differ.map { $0 == 0 ? ", the file unchanged" : ", \(Session.differ($0)) from what was read" } ?? "")
                + (dropped.map { "; dropped \($0)" } ?? ""))
    }

    static func merge(_ ctx: CommandContext) throws {
        let lg = ctx.session.current
        guard let path = lg.path, !lg.isReadOnly else {
            throw CommandError("\(lg.name) has no file to merge with", hint: "save FILE.arg")
        }
        guard let format = GraphFormat.infer(fromPath: path), format == .arg || format == .json else {
            throw CommandError("merge writes only .arg and .json files", hint: "save OTHER-FILE.arg")
        }
        guard let edits = lg.disk.log.sinceSave else {
            throw CommandError(
                "cannot merge: \(lg.name)'s unsaved changes are not a list of edits (undo went back past the last save, or they were restored from a recovery file)",
                hint: "'save --force' overwrites the file; 'reload --discard' drops the changes")
        }
        let read: LoadedGraph.DiskRead
        do { read = try LoadedGraph.read(path: path) } catch {
            throw CommandError(
                "cannot merge: \(CommandError(error).message)", hint: "'save --force' overwrites the file")
        }
        let outcome = EditReplay.replay(edits, base: lg.savedGraph, onto: read.parsed.graph)
        lg.reload(read)
        ctx.session.files.record(read.snapshot)
        for e in outcome.applied { try lg.apply(e) }
        for (edit, reason) in outcome.refused { ctx.print("not merged: \(edit.label): \(reason)") }
        let n = outcome.applied.count
        let applied = NumberText.counted(n, "edit")
        guard outcome.refused.isEmpty else {
            ctx.print(
                "merged \(applied) of \(edits.count) onto \(path) as it is now; not saved: \(outcome.refused.count) could not be applied (listed above)."
                    + (n > 0 ? " 'save' writes the merge; 'undo' steps back through it." : ""))
            return
        }
        if edits.isEmpty {
            ctx.print("no unsaved edits to merge; \(lg.name) now holds \(path) as it is on disk")
            return
        }
        let (text, data) = contents(ctx, lg, format, canonical: false)
        guard try confirmDiff(ctx, data, path: path) else { return }
        try write(ctx, lg, data, text: text, to: path, expecting: read.snapshot, force: false)
        ctx.print(
            "merged \(applied) onto \(path) as it is now and saved (\(NumberText.counted(lg.base.claims.count, "claim")))"
        )
    }
}

extension SaveWork {
    /// Writes an export to `path`: over a file only if this session wrote it and it is unchanged since
    /// (or with `--force`); records the write.
    static func writeOther(_ ctx: CommandContext, _ data: Data, to path: String, command: String) throws {
        let force = ctx.flag("--force")
        let expected = try ctx.session.expectedSnapshot(for: path, force: force, command: command)
        do {
            ctx.session.files.record(try GraphFile.save(data, to: path, expecting: expected, force: force))
        } catch {
            throw CommandError(
                error.description + "; not written",
                hint: error.isConflict ? "'\(command) … --force' replaces it; or choose another file" : nil)
        }
    }
}
