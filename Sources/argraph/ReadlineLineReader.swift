@preconcurrency import CReadline
import ArgraphREPL
import Foundation
import Synchronization

/// What the readline callbacks share with the reader: the completer, the candidates being
/// handed out, and the line the line handler received.
struct ReadlineState {
    enum Pending { case none, line(String), end }
    var completer: CompleterBox?
    var candidates: [String] = []
    var next = 0
    var pending: Pending = .none
}

/// Holds the completer for the callbacks; readline calls them only on the thread that reads.
final class CompleterBox: @unchecked Sendable {
    let completer: Completer
    init(_ completer: Completer) { self.completer = completer }
}

/// Readline's callbacks are C function pointers, so their state lives in a global.
let readlineState = Mutex(ReadlineState())

/// Called by readline when a line is complete (nil at end of input).
func readlineLineHandler(_ line: UnsafeMutablePointer<CChar>?) {
    if let line {
        let s = String(cString: line)
        free(line)
        readlineState.withLock { $0.pending = .line(s) }
    } else {
        readlineState.withLock { $0.pending = .end }
    }
    // Stop readline from showing a new prompt before the command's output.
    rl_callback_handler_remove()
}

/// Readline's completion entry: fills the candidates for the word at `start..<end`.
func readlineAttemptedCompletion(_ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32)
    -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
{
    rl_attempted_completion_over = 1  // never fall back to readline's own file names
    guard let text, let buffer = rl_line_buffer else { return nil }
    let word = String(cString: text)
    let bytes = UnsafeRawBufferPointer(start: buffer, count: Int(max(0, start)))
    let before = String(decoding: bytes, as: UTF8.self)
    let found = readlineState.withLock { state -> [String] in
        let c = state.completer?.completer.complete(before: before, word: word) ?? []
        state.candidates = c
        state.next = 0
        return c
    }
    if found.count == 1, found[0].hasSuffix("/") { rl_completion_suppress_append = 1 }
    if found.isEmpty { return nil }
    return rl_completion_matches(text, readlineCompletionGenerator)
}

/// Hands readline one candidate per call, `strdup`ed (readline frees them).
func readlineCompletionGenerator(_ text: UnsafePointer<CChar>?, _ state: Int32) -> UnsafeMutablePointer<CChar>? {
    let word = readlineState.withLock { s -> String? in
        if state == 0 { s.next = 0 }
        guard s.next < s.candidates.count else { return nil }
        defer { s.next += 1 }
        return s.candidates[s.next]
    }
    return word.flatMap { strdup($0) }
}

/// Reads lines with GNU readline: editing, Ctrl-R, Tab completion and a history file that
/// gets each line as it is entered, so a killed session keeps it.
final class ReadlineLineReader: LineReader {
    /// The most lines kept in the history file.
    static let historyLimit: Int32 = 1000
    private let historyPath: String?
    private var lastEntry: String?

    /// `$XDG_STATE_HOME/argraph/history`, else `~/.local/state/argraph/history`.
    static func defaultHistoryPath(environment: [String: String]) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/argraph/history" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.local/state/argraph/history"
    }

    init(completer: Completer, historyPath: String?) {
        self.historyPath = historyPath
        let box = CompleterBox(completer)
        readlineState.withLock { $0.completer = box }
        rl_readline_name = UnsafePointer(strdup("argraph"))
        // No readline signal handlers: ours set the Ctrl-C flag (the read loop below handles it) and write
        // the recovery file on SIGTERM and SIGHUP, which leaves the terminal as readline had it: put it back.
        rl_catch_signals = 0
        var modes = termios()
        if tcgetattr(0, &modes) == 0 {
            let saved = modes
            Recovery.addCleanup {
                var m = saved
                _ = tcsetattr(0, TCSANOW, &m)
                // Readline turns on bracketed paste at the prompt; turn it off again.
                if isatty(1) != 0 { _ = "\u{1B}[?2004l".withCString { write(1, $0, strlen($0)) } }
            }
        }
        rl_attempted_completion_function = readlineAttemptedCompletion
        rl_completer_word_break_characters = UnsafePointer(strdup(" \t\n;\"'"))
        stifle_history(Self.historyLimit)
        if let historyPath {
            let dir = (historyPath as NSString).deletingLastPathComponent
            try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            if !FileManager.default.fileExists(atPath: historyPath) {
                _ = FileManager.default.createFile(
                    atPath: historyPath, contents: nil, attributes: [.posixPermissions: 0o600])
            }
            read_history(historyPath)
            if history_length > 0, let last = history_get(history_base + history_length - 1),
                let line = last.pointee.line
            {
                lastEntry = String(cString: line)
            }
        }
    }

    func readLine(prompt: String) -> LineInput { read(prompt: prompt, record: true) }

    func ask(_ prompt: String) -> LineInput { read(prompt: prompt, record: false) }

    private func read(prompt: String, record: Bool) -> LineInput {
        _ = Interrupt.consume()
        readlineState.withLock { $0.pending = .none }
        rl_callback_handler_install(prompt, readlineLineHandler)
        while true {
            if Interrupt.consume() {
                // Ctrl-C: abandon the line, keep the session.
                rl_free_line_state()
                rl_callback_sigcleanup()
                rl_callback_handler_remove()
                try? FileHandle.standardOutput.write(contentsOf: Data("^C\n".utf8))
                return .interrupted
            }
            var fds = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
            let r = poll(&fds, 1, -1)
            if r < 0 {
                if errno == EINTR { continue }
                rl_callback_handler_remove()
                return .end
            }
            // The terminal is gone (its window closed): SIGHUP is on its way, but reading on would
            // see end of input and quit before the handler has written the unsaved edits. Stop as
            // the signal would.
            if fds.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
                Recovery.stop(signal: SIGHUP)
            }
            rl_callback_read_char()
            let pending = readlineState.withLock { state -> ReadlineState.Pending in
                defer { state.pending = .none }
                return state.pending
            }
            switch pending {
            case .none: continue
            case .end: return .end
            case let .line(line):
                if record { remember(line) }
                return .line(line)
            }
        }
    }

    /// Adds a line to the history and appends it to the file at once.
    private func remember(_ line: String) {
        guard !line.trimmingCharacters(in: .whitespaces).isEmpty, line != lastEntry else { return }
        lastEntry = line
        add_history(line)
        if let historyPath {
            append_history(1, historyPath)
            history_truncate_file(historyPath, Self.historyLimit)
        }
    }
}
