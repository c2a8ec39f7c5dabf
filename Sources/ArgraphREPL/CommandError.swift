import ArgumentGraph

/// A command's failure, shown as `error: MESSAGE` with an optional hint; it never ends the session.
public struct CommandError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, in one sentence.
    public var message: String
    /// How to fix it, such as "did you mean 'show'?" or a usage line.
    public var hint: String?

    /// Creates an error.
    public init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }

    /// The error for a command given wrong arguments: the problem plus the usage line.
    public static func usage(_ command: Command, _ problem: String) -> CommandError {
        CommandError(problem, hint: "usage: " + command.usage)
    }

    /// The error raised when the user pressed Ctrl-C during a command.
    public static let interrupted = CommandError("interrupted")

    /// The error for an id that names nothing, with the nearest ids as a hint.
    public static func unknown(_ kind: String, _ id: String, among candidates: some Sequence<String>) -> CommandError {
        CommandError("unknown \(kind) '\(id)'", hint: Nearest.hint(for: id, in: candidates))
    }

    /// The error for rejected input from the library, keeping its first message and hint.
    public init(_ error: DiagnosticError) {
        let errors = error.errors.isEmpty ? error.diagnostics : error.errors
        let first = errors.first
        var message = first?.message ?? "invalid input"
        if errors.count > 1 { message += " (and \(errors.count - 1) more)" }
        self.init(message, hint: first?.hint)
    }

    /// `error: MESSAGE`, then `  hint: HINT` on a second line.
    public var description: String {
        "error: " + message + (hint.map { "\n  hint: " + $0 } ?? "")
    }
}
