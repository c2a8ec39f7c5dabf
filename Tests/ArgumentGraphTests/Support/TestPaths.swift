import Foundation

/// Paths the tests read: the repository and `../shared` beside it (absent in some checkouts).
enum TestPaths {
    /// The repository root.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// A file in the repository.
    static func repo(_ path: String) -> String { root.appendingPathComponent(path).path }

    /// `../shared`, or the folder named by the environment variable `ARGRAPH_SHARED` (a worktree has no `../shared`).
    static let sharedRoot: URL = {
        if let env = ProcessInfo.processInfo.environment["ARGRAPH_SHARED"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        return root.deletingLastPathComponent().appendingPathComponent("shared")
    }()

    /// The seed texts (`../shared/seeds`), or nil when absent; for `.enabled(if:)`.
    static let seeds: String? = shared("seeds")

    /// A path in `../shared`, or nil when it is absent (a test that needs it says so with
    /// `.enabled(if: TestPaths.sharedExists(path), reason)`).
    static func shared(_ path: String) -> String? {
        let url = sharedRoot.appendingPathComponent(path)
        return FileManager.default.fileExists(atPath: url.path) ? url.path : nil
    }

    /// Whether `../shared` has `path`.
    static func sharedExists(_ path: String) -> Bool { shared(path) != nil }
}
