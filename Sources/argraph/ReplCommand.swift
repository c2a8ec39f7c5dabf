import ArgumentParser
import ArgumentGraph
import ArgraphREPL
import Foundation

/// `argraph [FILE...]`: opens the interactive session (the default subcommand).
struct ReplCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "Open an interactive session on graphs (the default).",
        discussion:
            "At a terminal: line editing, Tab completion, history (in $XDG_STATE_HOME/argraph/history). Otherwise lines are read from standard input without a prompt. Type 'help' in the session for the commands."
    )

    @Argument(help: "Graph files to open (default: the bundled us-japan-alliance graph).", completion: .file())
    var files: [String] = []

    @Option(name: .customShort("c"), help: "Run these commands (separated by ';') and exit.")
    var commands: String?

    @Option(help: "Run the commands in this file, one per line, and exit.", completion: .file())
    var script: String?

    @Flag(
        help:
            "With -c, --script or piped input: run the remaining commands after one fails (the exit status is still 1)."
    )
    var keepGoing = false

    @OptionGroup(title: "Settings (as 'set KEY VALUE' in the session)")
    var settings: SettingsOptions

    func validate() throws {
        if commands != nil, script != nil { throw ValidationError("give -c or --script, not both") }
    }

    func run() throws {
        var loaded: [LoadedGraph] = []
        if files.isEmpty {
            guard let path = BundledGraphs.defaultGraphPath() else {
                CLI.printError("error: the bundled graph is missing; pass a graph file")
                throw ExitCode(1)
            }
            loaded.append(try open(path, readOnly: true))
        } else {
            for path in files {
                let g = try open(path, readOnly: false)
                var name = g.name, n = 2
                while loaded.contains(where: { $0.name == name }) { name = g.name + "-\(n)"; n += 1 }
                g.name = name
                loaded.append(g)
            }
        }
        let stdinIsTerminal = isatty(0) != 0
        let interactive = commands == nil && script == nil && stdinIsTerminal
        let env = ProcessInfo.processInfo.environment
        let session = Session(
            graphs: loaded, output: FileOutput(fd: 1), errorOutput: FileOutput(fd: 2),
            style: .detect(isTerminal: isatty(1) != 0, environment: env))
        session.widthProvider = { terminalWidth(environment: env) }
        session.settings = try settings.settings()
        for id in session.settings.analysis.credibility.keys.sorted()
        where !loaded.contains(where: { $0.graph.actorIndex(of: id) != nil }) {
            let hint = Nearest.hint(for: id, in: loaded.flatMap { $0.graph.actors.map(\.id) }).map { "; " + $0 } ?? ""
            CLI.printError("error: --credibility: unknown actor '\(id)'" + hint)
            throw ExitCode(1)
        }
        let shell = Shell(session: session)
        installInterruptHandler(exitWhenIdle: !interactive)

        let reader: LineReader
        if let commands {
            reader = ScriptLineReader(lines: [commands])
        } else if let script {
            guard let text = try? String(contentsOfFile: script, encoding: .utf8) else {
                CLI.printError("error: cannot read script '\(script)'")
                throw ExitCode(1)
            }
            reader = ScriptLineReader(text: text)
        } else if interactive {
            let rl = ReadlineLineReader(
                completer: Completer(session: session),
                historyPath: ReadlineLineReader.defaultHistoryPath(environment: env))
            let g = session.current
            let n = g.graph.claims.count, a = g.graph.actors.count
            session.output.write(
                "argraph: \(g.name), \(NumberText.counted(n, "claim")), \(NumberText.counted(a, "actor")). Type 'help' for commands; Tab completes; Ctrl-D quits.\n"
            )
            session.output.flush()
            reader = rl
        } else {
            reader = PlainLineReader()
        }
        // Sessions that read lines (a terminal or piped input) keep a journal of their unsaved edits;
        // -c and --script runs only write one when stopped by a signal.
        let readsLines = commands == nil && script == nil
        let journal = RecoveryJournal(directory: RecoveryJournal.directory(environment: env), journalling: readsLines)
        session.journal = journal
        Recovery.installSignalHandlers(journal: journal)
        if readsLines {
            journal.offer(to: session, reader: reader)
            journal.publish(session)  // restored edits are journalled before the first command
        }
        let status = shell.run(reader: reader, interactive: interactive, keepGoing: keepGoing)
        session.output.flush()
        if session.keepsUnsavedEditsForNextStart {
            for file in journal.keepForNextStart() {
                CLI.printError("argraph: unsaved edits kept in \(file); the next start offers them")
            }
        } else {
            journal.finish()
        }
        if status != 0 { throw ExitCode(status) }
    }

    private func open(_ path: String, readOnly: Bool) throws -> LoadedGraph {
        let read = try CLI.load(path) { () throws(DiagnosticError) in try LoadedGraph.read(path: path) }
        return LoadedGraph(read, isReadOnly: readOnly)
    }
}

/// The terminal's width from TIOCGWINSZ, else `$COLUMNS`, else 100.
func terminalWidth(environment: [String: String]) -> Int {
    if isatty(1) != 0 {
        var size = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
    }
    if let c = environment["COLUMNS"].flatMap(Int.init), c > 0 { return c }
    return 100
}

/// Installs the SIGINT handler: it sets the flag running commands poll; without a prompt to
/// return to (scripts, piped input), Ctrl-C outside a command ends the program.
func installInterruptHandler(exitWhenIdle: Bool) {
    var action = sigaction()
    if exitWhenIdle {
        action.__sigaction_handler.sa_handler = { _ in
            if !Interrupt.isCommandRunning { _exit(130) }
            Interrupt.request()
        }
    } else {
        action.__sigaction_handler.sa_handler = { _ in Interrupt.request() }
    }
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0  // no SA_RESTART: a wait for input returns EINTR
    sigaction(SIGINT, &action, nil)
    // A parent (a test runner, a job-control shell) may hand down SIGINT blocked; unblock it.
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, SIGINT)
    pthread_sigmask(SIG_UNBLOCK, &set, nil)
}
