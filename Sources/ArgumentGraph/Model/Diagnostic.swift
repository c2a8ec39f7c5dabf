import Foundation

/// A place in a source file: 1-based line and column (columns count Unicode characters).
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The file name as given by the caller, or `<input>`.
    public var file: String
    /// The 1-based line.
    public var line: Int
    /// The 1-based column, in characters.
    public var column: Int

    /// Creates a location.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `FILE:LINE:COLUMN`.
    public var description: String { "\(file):\(line):\(column)" }
}

/// An error or warning about a graph, with where it was found and a hint where one helps.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Hashable, Codable {
        /// The input is rejected.
        case error
        /// The input is accepted but probably not what was meant.
        case warning
        /// Extra information attached to another diagnostic.
        case note
    }

    /// Error or warning.
    public var severity: Severity
    /// What is wrong, in one sentence.
    public var message: String
    /// Where, if the input came from a file.
    public var location: SourceLocation?
    /// How to fix it, such as "did you mean 'welch'?".
    public var hint: String?

    /// Creates a diagnostic.
    public init(_ severity: Severity, _ message: String, at location: SourceLocation? = nil, hint: String? = nil) {
        self.severity = severity
        self.message = Diagnostic.shortened(message)
        self.location = location
        self.hint = hint.map(Diagnostic.shortened)
    }

    /// The longest '…'-quoted run kept whole in a message (a file path fits); a longer one keeps
    /// its first ``quoteKept`` characters and an ellipsis.
    static let quoteLimit = 4096
    /// The characters kept of a quoted run cut short.
    static let quoteKept = 80

    /// `text` with every '…'-quoted run longer than ``quoteLimit`` characters cut short, so that
    /// a 10 MB id in the input gives a one-line message, not a 10 MB one.
    static func shortened(_ text: String) -> String {
        guard text.utf8.count > quoteLimit else { return text }
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "'") {
            out += rest[...open]
            rest = rest[rest.index(after: open)...]
            guard let close = rest.firstIndex(of: "'") else { break }
            let quoted = rest[..<close]
            if quoted.unicodeScalars.count > quoteLimit {
                out +=
                    String(String.UnicodeScalarView(quoted.unicodeScalars.prefix(quoteKept)))
                    + "… (\(quoted.unicodeScalars.count) characters)"
            } else {
                out += quoted
            }
            out += "'"
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// `FILE:LINE:COLUMN: error: message` (without the source line; see ``DiagnosticRenderer``).
    public var description: String {
        var s = location.map { "\($0): " } ?? ""
        s += "\(severity.rawValue): \(message)"
        if let hint { s += " (hint: \(hint))" }
        return s
    }
}

/// The error thrown when input is rejected: every error found, in order, plus the warnings.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    /// All diagnostics, errors and warnings, in source order.
    public var diagnostics: [Diagnostic]

    /// Creates the error.
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    /// Only the errors.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    /// One diagnostic per line.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
