import Synchronization

/// Set by the SIGINT handler, polled by long computations.
let interruptFlag = Atomic<Bool>(false)
/// Set while a command runs, so a signal handler can tell a running command from a wait for input.
let commandRunningFlag = Atomic<Bool>(false)

/// The Ctrl-C flag shared by the signal handler and running commands.
public enum Interrupt {
    /// Marks that the user pressed Ctrl-C; safe to call from a signal handler.
    public static func request() { interruptFlag.store(true, ordering: .relaxed) }
    /// Clears the flag before a command starts.
    public static func clear() { interruptFlag.store(false, ordering: .relaxed) }
    /// Whether Ctrl-C was pressed since the last ``clear()``.
    public static var isRequested: Bool { interruptFlag.load(ordering: .relaxed) }
    /// Reads and clears the flag in one step.
    public static func consume() -> Bool { interruptFlag.exchange(false, ordering: .relaxed) }
    /// Whether a command is running (set by ``Shell``); safe to read from a signal handler.
    public static var isCommandRunning: Bool { commandRunningFlag.load(ordering: .relaxed) }
    /// Marks the start or end of a command.
    static func setCommandRunning(_ running: Bool) { commandRunningFlag.store(running, ordering: .relaxed) }
}
