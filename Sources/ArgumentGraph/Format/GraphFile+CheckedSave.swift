import ArgumentGraphModel
import Foundation

extension GraphFile {
    /// Writes `data` over `path` atomically, unless the file is no longer as `expecting` recorded when
    /// it was read (or last written): then it throws a ``SaveError`` whose ``SaveError/isConflict`` is
    /// true and leaves the file alone. `force` writes anyway (never over a directory). Returns the
    /// snapshot of what was written, for the next save to expect.
    ///
    /// The check reads the whole file after the new data is on disk, just before the rename. A file
    /// with no write bit (`chmod a-w`) is refused as read-only, even for root. Pass
    /// ``FileSnapshot/missing(at:)`` to create a file that must not exist yet.
    @discardableResult
    public static func save(_ data: Data, to path: String, expecting: FileSnapshot, force: Bool = false)
        throws(SaveError) -> FileSnapshot
    {
        try replace(path, with: data, calls: .system, expecting: expecting, force: force)
    }

    /// ``save(_:to:expecting:force:)`` with the system calls given, so that tests can inject faults.
    static func save(_ data: Data, to path: String, expecting: FileSnapshot, calls: AtomicWriteCalls) throws(SaveError)
        -> FileSnapshot
    {
        try replace(path, with: data, calls: calls, expecting: expecting, force: false)
    }
}
