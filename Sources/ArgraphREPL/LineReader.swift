/// What a line reader got.
public enum LineInput: Sendable, Equatable {
    /// A line, without its newline.
    case line(String)
    /// Ctrl-C at the prompt: the line was abandoned.
    case interrupted
    /// End of input (Ctrl-D on an empty line).
    case end
}

/// A source of input lines: readline at a terminal, plain lines otherwise.
public protocol LineReader: AnyObject {
    /// Reads one line, showing `prompt` if the reader shows prompts.
    func readLine(prompt: String) -> LineInput
    /// Reads the answer to a question; unlike a command line, it is not kept in the history.
    func ask(_ prompt: String) -> LineInput
}

extension LineReader {
    /// Reads the answer like any other line.
    public func ask(_ prompt: String) -> LineInput { readLine(prompt: prompt) }
}

/// Reads plain lines from standard input, with no prompt and no echo.
public final class PlainLineReader: LineReader {
    /// A reader of standard input.
    public init() {}
    /// The next line of standard input, or `.end`.
    public func readLine(prompt: String) -> LineInput {
        guard let line = Swift.readLine(strippingNewline: true) else { return .end }
        return .line(line.hasSuffix("\r") ? String(line.dropLast()) : line)
    }
}

/// Hands out a fixed list of lines, for scripts and tests.
public final class ScriptLineReader: LineReader {
    private var lines: [String]
    private var position = 0
    /// The prompts shown so far (tests check them).
    public private(set) var prompts: [String] = []

    /// A reader of these lines.
    public init(lines: [String]) { self.lines = lines }

    /// A reader of a script's text, one command line per line.
    public convenience init(text: String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        self.init(lines: lines)
    }

    /// The next line, or `.end`.
    public func readLine(prompt: String) -> LineInput {
        prompts.append(prompt)
        guard position < lines.count else { return .end }
        defer { position += 1 }
        return .line(lines[position])
    }
}
