import Foundation
import ArgumentGraph
import Testing
import ArgraphTestSupport
@testable import ArgraphREPL

@Suite struct ShellTests {
    @Test func unknownCommandsSuggestTheNearest() {
        #expect(Fixture.run(["shwo top"]) == "error: unknown command 'shwo'\n  hint: did you mean 'show'?\n")
        #expect(
            Fixture.run(["xyzzy"]) == "error: unknown command 'xyzzy'\n  hint: type 'help' for the list of commands\n")
    }

    @Test func wrongArgumentsGiveTheUsageLine() {
        #expect(Fixture.run(["go top extra"]) == "error: unexpected 'extra'\n  hint: usage: go [CLAIM]\n")
        #expect(Fixture.run(["tree top --depth many"]).hasPrefix("error: --depth needs a whole number"))
        #expect(
            Fixture.run(["show 'unterminated"])
                == "error: unterminated quote\n  hint: close the quote, or escape it with \\\n")
    }

    @Test func scriptsStopAtTheFirstFailureUnlessKeepGoing() {
        let lines = ["# a comment", "", "go top", "frob", "go pro"]
        let (s1, out1) = Fixture.session()
        #expect(Shell(session: s1).run(reader: ScriptLineReader(lines: lines), interactive: false) == 1)
        #expect(s1.current.focus == "top")
        #expect(
            out1.text
                == "top: The top claim.\nerror: unknown command 'frob'\n  hint: type 'help' for the list of commands\n")
        let (s2, _) = Fixture.session()
        #expect(
            Shell(session: s2).run(reader: ScriptLineReader(lines: lines), interactive: false, keepGoing: true) == 1)
        #expect(s2.current.focus == "pro")
        let (s3, _) = Fixture.session()
        #expect(
            Shell(session: s3).run(
                reader: ScriptLineReader(lines: ["go top; go pro", "quit", "go con"]), interactive: false) == 0)
        #expect(s3.current.focus == "pro")
    }

    @Test func quittingWithUnsavedChangesAsksFirst() {
        let (s, out) = Fixture.session()
        // 'quit' asks and 'n' keeps the session; the end of input asks again and, with no answer, quits.
        let reader = ScriptLineReader(lines: ["add claim x --attacks top X.", "quit", "n", "go top"])
        #expect(Shell(session: s).run(reader: reader, interactive: true) == 0)
        let question = "unsaved changes in fixture; quit anyway? [y/N] "
        #expect(reader.prompts == ["fixture> ", "fixture*> ", question, "fixture*> ", "fixture*:top> ", question])
        #expect(out.text.hasPrefix("added claim x; linked: x attacks top\n"))
        let (s2, _) = Fixture.session()
        let yes = ScriptLineReader(lines: ["add claim x X.", "quit", "y", "go top"])
        #expect(Shell(session: s2).run(reader: yes, interactive: true) == 0)
        #expect(s2.current.focus == nil)
    }

    @Test func interactiveSessionsKeepGoingAfterErrors() {
        let (s, _) = Fixture.session()
        #expect(Shell(session: s).run(reader: ScriptLineReader(lines: ["frob", "go top"]), interactive: true) == 0)
        #expect(s.current.focus == "top")
    }

    @Test func everyCommandIsDocumentedAndItsExampleNeverCrashes() throws {
        let registry = CommandRegistry.standard
        // Examples that write files (save, export, render, matrix --svg) write into a scratch folder, not the working directory.
        let scratch = try ScratchDirectory.make("argraph-examples")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outputFile = try NSRegularExpression(
            pattern: #"(?<=\s)[\w.-]+\.(svg|png|pdf|dot|arg|json|csv|graphml|argdown|i23|apx|tgf)\b"#)
        func sandboxed(_ example: String) -> String {
            let range = NSRange(example.startIndex..., in: example)
            return outputFile.stringByReplacingMatches(in: example, range: range, withTemplate: scratch.path + "/$0")
        }
        #expect(registry.duplicateNames.isEmpty)
        for c in registry.commands {
            #expect(c.usage.hasPrefix(c.name), "\(c.name)")
            #expect(c.example.hasPrefix(c.name), "\(c.name)")
            #expect(!c.summary.isEmpty)
            let help = Fixture.run(["help \(c.name)"])
            #expect(help.contains("usage:   " + c.name) && help.contains("example: " + c.name), "\(c.name)")
            // Examples name claims of the real graph; on the fixture they may fail, but only with an error line.
            let out = Fixture.run([sandboxed(c.example)])
            #expect(!out.isEmpty || c.name == "quit", "\(c.name) printed nothing")
        }
        let all = Fixture.run(["help"])
        for c in registry.commands { #expect(all.contains("  " + c.name + " "), "\(c.name)") }
    }

    @Test func settingsAndViews() {
        let (s, out) = Fixture.session()
        let shell = Shell(session: s)
        shell.execute("set semantics preferred; set semantics; unset semantics")
        #expect(
            out.take() == """
                semantics = preferred
                semantics = preferred (default grounded)
                  Which claims stand, for status. Takes grounded, complete, preferred, stable,
                  semi-stable, ideal.
                semantics = grounded

                """)
        #expect(s.settings == Settings())
        // A what-if view is what commands read, until cleared or an edit.
        let p = Fixture.parsed("claim only: Only.\n")
        s.current.setView(p.graph, label: "what-if")
        #expect(s.prompt == "fixture[what-if]> ")
        shell.execute("claims")
        #expect(out.take().contains("only  claim"))
        shell.execute("view clear; claims")
        #expect(out.take().contains("The top claim."))
    }

    @Test func severalGraphsLoadUseAndList() throws {
        let (s, out) = Fixture.session()
        s.add(LoadedGraph(name: "other", graph: Fixture.parsed("claim z: Z.\n").graph))
        let shell = Shell(session: s)
        shell.execute("graphs")
        #expect(out.take() == "   NAME     CLAIMS  STATE  FILE\n   fixture       4  saved\n*  other         1  saved\n")
        shell.execute("use fixture; go top")
        #expect(s.prompt == "fixture:top> ")
        #expect(!shell.execute("use fixtur"))
        #expect(out.take().hasSuffix("error: unknown graph 'fixtur'\n  hint: did you mean 'fixture'?\n"))
        #expect(!shell.execute("load /nonexistent/x.arg"))
        #expect(out.take().hasPrefix("error: cannot read '/nonexistent/x.arg'"))
    }
}
