import ArgumentGraphModel
import Foundation

/// Runs Graphviz `dot` to turn DOT text into a picture.
public enum Graphviz {
    /// The output formats `render` accepts, as `dot -T` names them.
    public static let imageFormats = ["svg", "png", "pdf"]

    /// The message shown when `dot` cannot be found.
    public static let missingMessage =
        "Graphviz 'dot' was not found on PATH; install the graphviz package (Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz), or export DOT with --format dot and render it elsewhere"

    /// The path of the `dot` executable on `PATH`, or nil when Graphviz is not installed.
    public static func dotPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") where !dir.isEmpty {
            let candidate = String(dir) + "/dot"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Whether `dot` is installed.
    public static var isAvailable: Bool { dotPath() != nil }

    /// Runs `dot -T<format>` on `dot` text and returns the picture's bytes.
    ///
    /// Throws with ``missingMessage`` when Graphviz is absent, with `dot`'s own message when it rejects
    /// the input, and when `timeout` (seconds) is given and `dot` runs longer (it is then stopped).
    public static func render(_ dotText: String, format: String, timeout: Double? = nil) throws(DiagnosticError) -> Data
    {
        guard imageFormats.contains(format) || format == "canon" || format == "dot" else {
            throw DiagnosticError([
                Diagnostic(
                    .error, "cannot render to '\(format)'", hint: "use one of \(imageFormats.joined(separator: ", "))")
            ])
        }
        guard let exe = dotPath() else { throw DiagnosticError([Diagnostic(.error, missingMessage)]) }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "argraph-dot-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        } catch {
            throw DiagnosticError([
                Diagnostic(.error, "cannot create a temporary folder: \(error.localizedDescription)")
            ])
        }
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in.dot"), output = dir.appendingPathComponent("out.\(format)")
        let errors = dir.appendingPathComponent("err.txt")
        do {
            try Data(dotText.utf8).write(to: input)
            _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: exe)
            process.arguments = ["-T\(format)", input.path, "-o", output.path]
            process.standardError = try FileHandle(forWritingTo: errors)
            process.standardOutput = FileHandle.nullDevice
            process.standardInput = FileHandle.nullDevice
            try process.run()
            if let timeout {
                let deadline = Date().addingTimeInterval(timeout)
                while process.isRunning {
                    if Date() > deadline {
                        // dot does not always stop on SIGTERM in the middle of a layout: give it a moment, then SIGKILL.
                        process.terminate()
                        for _ in 0..<50 where process.isRunning { usleep(20_000) }
                        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
                        process.waitUntilExit()
                        let limit = timeout >= 1 ? String(Int(timeout)) : String(timeout)
                        throw DiagnosticError([
                            Diagnostic(.error, "Graphviz dot took more than \(limit) s and was stopped")
                        ])
                    }
                    usleep(20_000)
                }
            }
            process.waitUntilExit()
            let message =
                (try? String(contentsOf: errors, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
                ?? ""
            guard process.terminationStatus == 0 else {
                throw DiagnosticError([
                    Diagnostic(
                        .error,
                        "Graphviz dot failed (status \(process.terminationStatus))"
                            + (message.isEmpty ? "" : ": " + message))
                ])
            }
            return try Data(contentsOf: output)
        } catch let e as DiagnosticError {
            throw e
        } catch {
            throw DiagnosticError([Diagnostic(.error, "cannot run Graphviz dot: \(error.localizedDescription)")])
        }
    }
}
