import ArgumentGraph
import Foundation

/// Runs command lines against a session: parsing, dispatch, error rendering and the read loop.
public final class Shell {
    /// The session commands act on.
    public let session: Session

    /// A shell over a session.
    public init(session: Session) { self.session = session }

    /// Runs a line of `;`-separated commands; returns false if one failed (the rest are skipped unless `keepGoing`).
    @discardableResult
    public func execute(_ line: String, keepGoing: Bool = false) -> Bool {
        var ok = true
        for statement in CommandLexer.statements(line) {
            if !executeStatement(statement) {
                ok = false
                if !keepGoing { return false }
            }
            if session.quitRequested { break }
        }
        return ok
    }

    private func executeStatement(_ statement: String) -> Bool {
        let trimmed = statement.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed.hasPrefix("#") { return true }
        Interrupt.clear()
        Interrupt.setCommandRunning(true)
        defer {
            session.journal?.publish(session)
            Interrupt.setCommandRunning(false)
            session.output.flush()
            session.errorOutput.flush()
        }
        do {
            try run(trimmed)
            return true
        } catch let e as CommandError {
            report(e)
        } catch let e as DiagnosticError {
            report(CommandError(e))
        } catch {
            report(CommandError("\(error)"))
        }
        return false
    }

    private func run(_ statement: String) throws {
        let lexed = CommandLexer.words(statement)
        if lexed.unterminatedQuote {
            throw CommandError("unterminated quote", hint: "close the quote, or escape it with \\")
        }
        guard let name = lexed.words.first else { return }
        guard let command = session.registry.command(named: name) else {
            let near = Nearest.words(to: name, in: session.registry.allNames)
            let hint =
                near.isEmpty
                ? "type 'help' for the list of commands"
                : "did you mean " + near.map { "'\($0)'" }.joined(separator: " or ") + "?"
            throw CommandError("unknown command '\(name)'", hint: hint)
        }
        let parsed = try CommandContext.parse(Array(lexed.words.dropFirst()), for: command)
        let context = CommandContext(
            session: session, command: command, arguments: parsed.arguments, options: parsed.options)
        try command.run(context)
    }

    /// Writes an error to the error output.
    public func report(_ error: CommandError) {
        session.output.flush()
        let style = session.style
        var s = style.error("error:") + " " + error.message + "\n"
        if let hint = error.hint { s += "  hint: " + hint + "\n" }
        session.errorOutput.write(s)
        session.errorOutput.flush()
    }

    /// Reads and runs lines until the input ends or `quit`; returns the exit status.
    ///
    /// Interactive sessions show the prompt, keep going after errors and ask before quitting with
    /// unsaved edits. Otherwise a failed line stops the run with status 1 unless `keepGoing`, in
    /// which case the status is 1 if any line failed.
    public func run(reader: LineReader, interactive: Bool, keepGoing: Bool = false) -> Int32 {
        session.isInteractive = interactive
        if interactive {
            session.confirm = { [unowned self] question in
                switch reader.ask(question + " [y/N] ") {
                case let .line(answer):
                    return ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
                case .end:
                    // No answer is not a yes: quit, but keep the edits for the next start.
                    self.session.output.write("\n")
                    self.session.keepsUnsavedEditsForNextStart = true
                    return true
                case .interrupted: return false
                }
            }
        }
        var failed = false
        while !session.quitRequested {
            if interactive { session.checkFilesOnDisk() }
            switch reader.readLine(prompt: interactive ? session.prompt : "") {
            case .end:
                if interactive {
                    session.output.write("\n")
                    session.output.flush()
                    if !confirmQuit() { continue }
                    return 0
                }
                return failed ? 1 : 0
            case .interrupted:
                continue
            case let .line(line):
                if !execute(line, keepGoing: keepGoing) {
                    failed = true
                    if !interactive && !keepGoing { return 1 }
                }
            }
        }
        return interactive ? 0 : (failed ? 1 : 0)
    }

    /// Asks before leaving unsaved edits behind; true to quit.
    public func confirmQuit() -> Bool {
        let unsaved = session.unsavedGraphs
        guard !unsaved.isEmpty else { return true }
        let names = unsaved.map(\.name).joined(separator: ", ")
        return session.confirm("unsaved changes in \(names); quit anyway?")
    }
}
