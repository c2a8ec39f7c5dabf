import Foundation

/// Folders for the files tests write. Each is made inside one folder per test process, in the system's
/// temporary folder, and that folder is removed when the process exits: a test run leaves nothing behind,
/// whether a test passes, fails or throws. (A crash leaves the one folder, named after the process.)
public enum ScratchDirectory {
    /// The folder of this test process, made on first use; removed at exit.
    public static let root: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("argraph-tests-\(getpid())")
        try? FileManager.default.removeItem(at: url)  // left by a crashed process that had this pid
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: ScratchDirectory.root) }
        return url
    }()

    /// A new, empty folder named `prefix-` and a UUID.
    public static func make(_ prefix: String) throws -> URL {
        let url = root.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The path of a file named `name` in a new folder (the file itself is not made).
    public static func file(_ name: String, prefix: String) throws -> URL {
        try make(prefix).appendingPathComponent(name)
    }
}
