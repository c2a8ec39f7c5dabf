import ArgumentGraph
import Dispatch
import Foundation
import Synchronization

/// What a stop by SIGTERM or SIGHUP does, for the whole process: write the session's journal (the last
/// published unsaved graphs, see ``RecoveryJournal``), say where, run the cleanups (such as putting the
/// terminal back in line mode) and exit with 128 + the signal. A command half done when the signal came
/// is not in the files; every command finished before it is.
public enum Recovery {
    /// The signal sources, kept alive for the life of the process (set once, at start-up, on the main thread).
    nonisolated(unsafe) static var handlers: [any DispatchSourceSignal] = []
    /// The journal a stop writes: set by ``installSignalHandlers(journal:)``.
    static let journal = Mutex<RecoveryJournal?>(nil)
    /// Whether a stop has begun: the first caller writes and exits, any other waits for the exit.
    static let stopping = Mutex(false)
    /// Run before exiting on a signal, such as putting the terminal back in line mode.
    static let cleanups = Mutex<[@Sendable () -> Void]>([])

    /// On SIGTERM and SIGHUP: writes `journal`'s published graphs, says where, and exits with 128 + the signal.
    public static func installSignalHandlers(journal j: RecoveryJournal) {
        journal.withLock { $0 = j }
        var sources: [any DispatchSourceSignal] = []
        for sig in [SIGTERM, SIGHUP] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: j.queue)
            source.setEventHandler { stopOnQueue(signal: sig) }
            source.resume()
            sources.append(source)
        }
        handlers = sources
    }

    /// Adds work to do before exiting on a signal (it may run on any thread).
    public static func addCleanup(_ cleanup: @escaping @Sendable () -> Void) {
        cleanups.withLock { $0.append(cleanup) }
    }

    /// Ends the session as a signal does: writes the published graphs to the recovery folder, says
    /// where, runs the cleanups and exits with 128 + `signal`.
    ///
    /// Called by the SIGTERM and SIGHUP handlers, and by a reader that finds its terminal gone
    /// (which may see the hang-up before the signal arrives). Only the first call writes; a call
    /// on another thread meanwhile waits for the exit. The writing waits for a journal write in flight.
    public static func stop(signal sig: Int32) -> Never {
        if let j = journal.withLock({ $0 }) {
            j.queue.sync { stopOnQueue(signal: sig) }
        } else {
            stopOnQueue(signal: sig)
        }
        // Not reached: stopOnQueue exits.
        while true { pause() }
    }

    /// ``stop(signal:)`` on the journal's queue.
    static func stopOnQueue(signal sig: Int32) -> Never {
        let first = stopping.withLock { started in
            defer { started = true }
            return !started
        }
        if !first { while true { pause() } }
        if let j = journal.withLock({ $0 }) {
            let files = j.writePublished()
            if !files.isEmpty {
                let list = files.joined(separator: ", ")
                try? FileHandle.standardError.write(
                    contentsOf: Data("\nargraph: stopped by signal \(sig); unsaved edits kept in \(list)\n".utf8))
            }
        }
        for cleanup in cleanups.withLock({ $0 }) { cleanup() }
        exit(128 + sig)
    }
}
