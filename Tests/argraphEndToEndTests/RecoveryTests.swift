import Foundation
import Testing
import ArgraphTestSupport

/// A session stopped by SIGTERM or SIGHUP keeps its unsaved edits in a recovery file, and the
/// next start offers them back (issue #9: no session may lose edits).
@Suite struct RecoveryTests {
    /// Starts `argraph FILE` with piped standard input, types one edit, waits for its answer,
    /// sends `signal`, and returns the exit status and standard error.
    static func editThenSignal(_ signal: Int32, graph: URL, state: URL) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = BinaryRunner.productsDirectory.appendingPathComponent("argraph")
        process.arguments = [graph.path]
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env["XDG_STATE_HOME"] = state.path
        process.environment = env
        let input = Pipe(), out = Pipe(), err = Pipe()
        process.standardInput = input
        process.standardOutput = out
        process.standardError = err
        try process.run()
        input.fileHandleForWriting.write(Data("add claim fresh-claim --attacks a A brand new claim.\n".utf8))
        // Wait (at most 60 s) until the edit is done; standard input stays open, so the session waits for more.
        var seen = Data()
        let deadline = Date().addingTimeInterval(60)
        while !String(decoding: seen, as: UTF8.self).contains("added claim fresh-claim"), Date() < deadline {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen.append(chunk)
        }
        #expect(String(decoding: seen, as: UTF8.self).contains("added claim fresh-claim"))
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        try? input.fileHandleForWriting.close()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return (process.terminationStatus, stderr)
    }

    @Test(arguments: [SIGTERM, SIGHUP])
    func aStoppedSessionsEditsAreOfferedBackAtTheNextStart(signal: Int32) throws {
        let dir = try ScratchDirectory.make("e2e")
        defer { try? FileManager.default.removeItem(at: dir) }
        let graph = dir.appendingPathComponent("g.arg")
        try "claim a: A\nclaim b: B\nattack a -> b\n".write(to: graph, atomically: true, encoding: .utf8)
        let state = dir.appendingPathComponent("state")

        let stopped = try Self.editThenSignal(signal, graph: graph, state: state)
        #expect(stopped.status == 128 + signal, "\(stopped.stderr)")
        #expect(stopped.stderr.contains("unsaved edits kept in"), "\(stopped.stderr)")
        let recovery = state.appendingPathComponent("argraph/recovery")
        let files = try FileManager.default.contentsOfDirectory(atPath: recovery.path)
        #expect(files.count == 1)
        // The graph file itself is untouched: the edit was never saved.
        #expect(try String(contentsOf: graph, encoding: .utf8).contains("fresh-claim") == false)

        // Declining keeps the file for next time.
        let declined = try BinaryRunner.run(
            [graph.path], stdin: "n\nshow fresh-claim\n", environment: ["XDG_STATE_HOME": state.path])
        #expect(declined.stdout.contains("Restore them? [y/N]"))
        #expect(
            declined.stderr.contains("unknown claim") || declined.stderr.contains("fresh-claim"), "\(declined.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: recovery.path).count == 1)

        // Accepting restores the claim as an unsaved edit and removes the recovery file; saving then writes it.
        let restored = try BinaryRunner.run(
            [graph.path], stdin: "y\nshow fresh-claim\nsave\n", environment: ["XDG_STATE_HOME": state.path])
        #expect(restored.status == 0, "\(restored.stderr)")
        #expect(restored.stdout.contains("restored 'g'"))
        #expect(restored.stdout.contains("A brand new claim."))
        #expect(try FileManager.default.contentsOfDirectory(atPath: recovery.path).isEmpty)
        #expect(try String(contentsOf: graph, encoding: .utf8).contains("claim fresh-claim: A brand new claim."))
    }

    @Test func aSessionWithoutEditsLeavesNoRecoveryFile() throws {
        let dir = try ScratchDirectory.make("e2e")
        defer { try? FileManager.default.removeItem(at: dir) }
        let graph = dir.appendingPathComponent("g.arg")
        try "claim a: A\nclaim b: B\nattack a -> b\nclaim fresh-claim: old\nattack fresh-claim -> a\n".write(
            to: graph, atomically: true, encoding: .utf8)
        let state = dir.appendingPathComponent("state")
        // The edit fails (the claim exists), so there is nothing unsaved to keep.
        let stopped = try Self.editThenSignalExpectingFailure(graph: graph, state: state)
        #expect(stopped == 128 + SIGTERM)
        let recovery = state.appendingPathComponent("argraph/recovery").path
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: recovery)) ?? []).isEmpty)
    }

    /// Like ``editThenSignal(_:graph:state:)`` for an edit that fails: waits for the error instead.
    static func editThenSignalExpectingFailure(graph: URL, state: URL) throws -> Int32 {
        let process = Process()
        process.executableURL = BinaryRunner.productsDirectory.appendingPathComponent("argraph")
        process.arguments = [graph.path, "--keep-going"]
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env["XDG_STATE_HOME"] = state.path
        process.environment = env
        let input = Pipe(), err = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        input.fileHandleForWriting.write(Data("add claim fresh-claim --attacks a Again.\n".utf8))
        var seen = Data()
        let deadline = Date().addingTimeInterval(60)
        while !String(decoding: seen, as: UTF8.self).contains("error"), Date() < deadline {
            let chunk = err.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen.append(chunk)
        }
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        try? input.fileHandleForWriting.close()
        return process.terminationStatus
    }
}
