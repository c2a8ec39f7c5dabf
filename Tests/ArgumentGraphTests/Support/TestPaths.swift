import Foundation

/// Paths the tests read: the repository and `../shared` beside it (absent in some checkouts).
enum TestPaths {
    /// The repository root.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// A file in the repository.
    static func repo(_ path: String) -> String { root.appendingPathComponent(path).path }

    /// `../shared`, or nil (with a visible note) when it is absent.
    static func shared(_ path: String, for test: String = #function) -> String? {
        let url = root.deletingLastPathComponent().appendingPathComponent("shared").appendingPathComponent(path)
        guard FileManager.default.fileExists(atPath: url.path) else {
            print("SKIPPED \(test): \(url.path) not found (../shared is absent in this checkout)")
            return nil
        }
        return url.path
    }
}
