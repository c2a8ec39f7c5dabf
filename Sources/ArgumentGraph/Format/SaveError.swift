import ArgumentGraphText
import ArgumentGraphModel
import Foundation

/// Why a save did not replace a file. The first four say that the file is not as argraph last read
/// or wrote it, so writing would lose someone else's change; ``isConflict`` tells them apart from
/// failures of the write itself.
public enum SaveError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file's content changed since it was read: when (its modification time) and how many lines differ.
    case changed(path: String, modified: Date?, linesDiffering: Int)
    /// The file was there when read and is gone now.
    case deleted(path: String)
    /// There was no file when argraph looked (or it meant to create one), and now there is.
    case appeared(path: String, modified: Date?)
    /// The file has no write permission (`chmod a-w`), or the system denies writing it.
    case readOnly(path: String)
    /// The path names a directory or another non-file (a file may have been replaced by one).
    case notAFile(path: String, kind: String)
    /// The file could not be read.
    case unreadable(path: String, reason: String)
    /// Writing failed; `unchanged` says that the old file is as it was.
    case writeFailed(path: String, reason: String, unchanged: Bool)

    /// The file the error is about.
    public var path: String {
        switch self {
        case let .changed(path, _, _), let .deleted(path), let .appeared(path, _), let .readOnly(path),
            let .notAFile(path, _), let .unreadable(path, _), let .writeFailed(path, _, _):
            path
        }
    }

    /// Whether the file is not as expected (changed, deleted, created, made read-only): a forced save
    /// may overwrite it; the other cases fail whatever the caller says.
    public var isConflict: Bool {
        switch self {
        case .changed, .deleted, .appeared, .readOnly: true
        case .notAFile, .unreadable, .writeFailed: false
        }
    }

    /// One sentence, naming the file.
    public var description: String {
        switch self {
        case let .changed(path, modified, lines):
            "'\(path)' was changed on disk\(Self.at(modified)) since argraph read it: \(NumberText.counted(lines, "line")) differ\(lines == 1 ? "s" : "")"
        case let .deleted(path):
            "'\(path)' was deleted since argraph read it"
        case let .appeared(path, modified):
            "'\(path)' did not exist when argraph looked, and now does (written\(Self.at(modified)))"
        case let .readOnly(path):
            "'\(path)' is read-only"
        case let .notAFile(path, kind):
            "cannot save to '\(path)': it is \(kind)"
        case let .unreadable(path, reason):
            "cannot read '\(path)': \(reason)"
        case let .writeFailed(path, reason, unchanged):
            "cannot save to '\(path)': \(reason)" + (unchanged ? "; the old file is unchanged" : "")
        }
    }

    /// The error as a diagnostic, for front-ends that report ``DiagnosticError``s.
    public var diagnostic: Diagnostic { Diagnostic(.error, description) }

    /// ` at 2026-12-04 18:31:02` in local time, or nothing.
    static func at(_ date: Date?) -> String {
        guard let date else { return "" }
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return " at " + f.string(from: date)
    }
}
