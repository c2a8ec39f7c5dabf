import ArgumentGraph
import Foundation
import Testing
@testable import ArgraphREPL

/// Ctrl-C stops every long computation soon after it is pressed, and the session keeps its edits
/// (issue #9). The session's `isCancelled` stands in for the SIGINT flag: it counts its polls and
/// says "pressed" from a chosen poll on.
@Suite struct CancellationTests {
    /// A cyclic graph (so gradual strengths iterate) where alice and bob attack each other's claims,
    /// with support chains from evidence.
    static let source: String = {
        let n = 24
        var s = "graph ring\nactor alice\nactor bob\n"
        for i in 0..<n { s += "claim c\(i): Claim \(i).\n" }
        for i in 0..<n { s += "stance \(i % 2 == 0 ? "alice" : "bob") asserts c\(i)\n" }
        for i in 0..<n {
            s += "attack c\(i) -> c\((i + 1) % n)\n  weight: 0.9\nsupport c\(i) -> c\((i + 2) % n)\n  weight: 0.8\n"
        }
        // Evidence where support chains start.
        for i in stride(from: 0, to: n, by: 3) { s += "evidence e\(i): Evidence \(i).\nsupport e\(i) -> c\(i)\n" }
        return s
    }()

    /// Polls of `isCancelled`, shared with the closure.
    final class Polls {
        var count = 0
    }

    /// Runs `line` after an edit, with Ctrl-C "pressed" from poll `from` on (never when nil); returns
    /// the output, how many times the command polled, and whether the edit is still there, unsaved.
    static func run(_ line: String, pressedFrom from: Int?) -> (output: String, polls: Int, editKept: Bool) {
        let (s, out) = Fixture.session(source, width: 200)
        let shell = Shell(session: s)
        #expect(shell.execute("add claim fresh --attacks c0 A fresh claim."))
        let polls = Polls()
        s.isCancelled = {
            polls.count += 1
            return from.map { polls.count >= $0 } ?? false
        }
        let before = out.text.count
        _ = shell.execute(line)
        let output = String(out.text.dropFirst(before))
        s.isCancelled = { false }
        let kept = s.unsavedGraphs.count == 1 && s.current.graph.claimIndex(of: "fresh") != nil
        return (output, polls.count, kept)
    }

    static let longCommands = [
        "cruxes --target c0", "cruxes alice bob", "score", "chains c0 --k 50", "why c0",
        "whatif retract c3",
    ]

    @Test(arguments: longCommands)
    func aLongCommandStopsSoonAfterCtrlCAndKeepsTheEdits(command: String) {
        let full = Self.run(command, pressedFrom: nil)
        #expect(!full.output.contains("error"), "\(command): \(full.output)")
        // The command polls all along, not only at its start or end.
        #expect(full.polls >= 8, "\(command) polled \(full.polls) times")
        let stop = max(2, full.polls / 4)
        let cut = Self.run(command, pressedFrom: stop)
        #expect(cut.output == "error: interrupted\n", "\(command): \(cut.output)")
        // It stopped within a few polls of the press, long before the end.
        #expect(cut.polls <= stop + 2, "\(command): \(cut.polls) polls, pressed at \(stop) of \(full.polls)")
        #expect(cut.editKept, "\(command) lost the edit")
    }

    /// The extension solver polls every few hundred steps (too rarely to count on a small graph), and
    /// takes the session's check like the others.
    @Test func statusTakesTheSessionsCheck() {
        let (s, out) = Fixture.session(Self.source)
        s.isCancelled = { true }
        #expect(!Shell(session: s).execute("status --semantics preferred"))
        #expect(out.text == "error: interrupted\n")
    }

    @Test func anInterruptedWhatIfLeavesNoView() {
        let (s, _) = Fixture.session(Self.source)
        s.isCancelled = { true }
        #expect(!Shell(session: s).execute("whatif retract c3"))
        #expect(s.current.view == nil)
    }

    /// `matrix` asks once per row: with 16 actors it stops within a row of the press and prints no table.
    @Test func matrixStopsAtTheNextRow() {
        var source = "graph many\n"
        for a in 0..<16 { source += "actor a\(a)\n" }
        for c in 0..<8 { source += "claim c\(c): Claim \(c).\n" }
        for a in 0..<16 {
            source +=
                "stance a\(a) \(a % 3 == 0 ? "denies" : "asserts") c\(a % 8)\nstance a\(a) asserts c\((a + 3) % 8)\n"
        }
        func run(pressedFrom from: Int?) -> (output: String, polls: Int) {
            let (s, out) = Fixture.session(source, width: 200)
            let polls = Polls()
            s.isCancelled = {
                polls.count += 1
                return from.map { polls.count >= $0 } ?? false
            }
            _ = Shell(session: s).execute("matrix")
            return (out.text, polls.count)
        }
        let full = run(pressedFrom: nil)
        #expect(full.output.contains("a15") && !full.output.contains("error"), "\(full.output)")
        #expect(full.polls >= 16, "matrix polled \(full.polls) times")
        let cut = run(pressedFrom: 5)
        #expect(cut.output == "error: interrupted\n", "\(cut.output)")
        #expect(cut.polls <= 6)
    }
}
