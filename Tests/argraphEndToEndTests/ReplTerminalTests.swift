import Foundation
#if canImport(Glibc)
    import Glibc
#endif
import Testing
import ArgraphTestSupport

/// The built binary in a pseudo-terminal, driven by keystrokes as a person would.
final class PseudoTerminal {
    let master: Int32
    let pid: pid_t
    private(set) var output = ""
    /// Whether ``hangUp()`` closed the terminal.
    private(set) var isClosed = false

    init(arguments: [String], environment: [String: String]) throws {
        let exe = BinaryRunner.productsDirectory.appendingPathComponent("argraph").path
        // Everything the child needs is allocated before the fork.
        let argv: [UnsafeMutablePointer<CChar>?] = ([exe] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        var fd: Int32 = -1
        var size = winsize(ws_row: 40, ws_col: 100, ws_xpixel: 0, ws_ypixel: 0)
        let child = forkpty(&fd, nil, nil, &size)
        if child == 0 {
            execve(exe, argv, envp)
            _exit(127)
        }
        for p in argv { free(p) }
        for p in envp { free(p) }
        guard child > 0 else { throw CocoaError(.featureUnsupported) }
        master = fd
        pid = child
    }

    deinit {
        if !isClosed { close(master) }
    }

    /// Closes the terminal, as when its window is closed: the child gets SIGHUP and end of input.
    func hangUp() {
        guard !isClosed else { return }
        close(master)
        isClosed = true
    }

    /// The terminal's line settings (shared by both ends of the pseudo-terminal).
    func modes() -> termios? {
        var t = termios()
        return !isClosed && tcgetattr(master, &t) == 0 ? t : nil
    }

    func send(_ keys: String) {
        let bytes = Array(keys.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Reads until the output (since `from`) contains `text`; false after `timeout` seconds or at end of output.
    @discardableResult
    func waitFor(_ text: String, after from: String.Index? = nil, timeout: Double = 30) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let start = from ?? output.startIndex
            if output[start...].contains(text) { return true }
            if isClosed { return false }
            var fds = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            if poll(&fds, 1, 200) > 0 {
                var buffer = [UInt8](repeating: 0, count: 4096)
                let n = read(master, &buffer, buffer.count)
                if n <= 0 { return output[start...].contains(text) }
                output += String(decoding: buffer[0..<n], as: UTF8.self)
            }
        }
        return false
    }

    /// Waits for the child to exit and returns its exit status (or 128 + signal).
    func exitStatus(timeout: Double = 30) -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while Date() < deadline {
            if isClosed { usleep(50_000) } else { waitFor("\u{0}", timeout: 0.1) }  // drain output
            if waitpid(pid, &status, WNOHANG) == pid {
                if status & 0x7f == 0 { return (status >> 8) & 0xff }
                return 128 + (status & 0x7f)
            }
        }
        kill(pid, SIGKILL)
        return -1
    }
}

@Suite struct ReplTerminalTests {
    @Test func tabCompletesHistorySurvivesCtrlCAbandonsAndCtrlDExits() throws {
        let dir = try ScratchDirectory.make("e2e")
        defer { try? FileManager.default.removeItem(at: dir) }
        let graph = dir.appendingPathComponent("tiny.arg").path
        try
            "graph tiny\nclaim unusual-claim-id: An unusual claim.\nclaim other: Other.\nsupport other -> unusual-claim-id\n"
            .write(toFile: graph, atomically: true, encoding: .utf8)
        let state = dir.appendingPathComponent("state").path
        let env = [
            "XDG_STATE_HOME": state, "HOME": dir.path, "TERM": "xterm", "NO_COLOR": "1",
            "INPUTRC": try BinaryRunner.emptyInputrc(in: dir),
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin",
        ]

        // First session: Tab completes a claim id; Ctrl-D exits with status 0.
        let first = try PseudoTerminal(arguments: [graph], environment: env)
        #expect(first.waitFor("tiny> "))
        first.send("show unus\t")
        #expect(first.waitFor("unusual-claim-id"))
        first.send("\r")
        #expect(first.waitFor("An unusual claim."), "Tab did not complete: \(first.output)")
        // Keys typed while a command runs meet the terminal in line mode; wait for the prompt first.
        #expect(first.waitFor("tiny> ", after: first.output.range(of: "An unusual claim.")?.upperBound))
        first.send("\u{04}")
        #expect(first.exitStatus() == 0)
        let history = try String(contentsOfFile: state + "/argraph/history", encoding: .utf8)
        #expect(history.contains("show unusual-claim-id"))

        // Second session: Ctrl-P recalls the line from the history file.
        let second = try PseudoTerminal(arguments: [graph], environment: env)
        #expect(second.waitFor("tiny> "))
        let mark = second.output.endIndex
        second.send("\u{10}\r")
        #expect(second.waitFor("An unusual claim.", after: mark), "history lost: \(second.output)")
        #expect(second.waitFor("tiny> ", after: second.output.range(of: "An unusual claim.")?.upperBound))
        // Ctrl-C abandons the line and keeps the session.
        second.send("go nowhere-at-all")
        #expect(second.waitFor("nowhere-at-all"))
        second.send("\u{03}")
        #expect(second.waitFor("^C"))
        let afterInterrupt = second.output.endIndex
        second.send("go other\r")
        #expect(second.waitFor("tiny:other> ", after: afterInterrupt))
        #expect(!second.output.contains("unknown claim 'nowhere-at-all"))
        // Ctrl-D with unsaved changes asks first.
        second.send("add claim zz Zed.\r")
        #expect(second.waitFor("added claim zz"))
        #expect(second.waitFor("tiny*:other> "))
        second.send("\u{04}")
        #expect(second.waitFor("quit anyway? [y/N]"))
        second.send("y\r")
        #expect(second.exitStatus() == 0)
    }
}
