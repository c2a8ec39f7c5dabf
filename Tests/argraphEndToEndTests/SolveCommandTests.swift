import Foundation
import Testing
import ArgraphTestSupport

@Suite struct SolveCommandTests {
    func write(_ text: String, _ name: String) throws -> String {
        let url = try ScratchDirectory.make("e2e").appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// 1 → 2 → 3 ⇄ 4, 5 isolated: grounded {1, 5}; preferred {1,3,5}, {1,4,5}.
    let af = "p af 5\n# example\n1 2\n2 3\n3 4\n4 3\n"

    @Test func i23Tasks() throws {
        let f = try write(af, "a.i23")
        func run(_ args: [String]) throws -> String {
            let r = try BinaryRunner.run(["solve"] + args + ["-f", f])
            #expect(r.status == 0, "\(r.stderr)")
            return r.stdout
        }
        #expect(try run(["-p", "SE-GR"]) == "w 1 5\n")
        #expect(try run(["-p", "EE-PR"]) == "w 1 3 5\nw 1 4 5\n")
        #expect(try run(["-p", "CE-CO"]) == "3\n")
        #expect(try run(["-p", "DC-PR", "-a", "4"]) == "YES\nw 1 4 5\n")
        #expect(try run(["-p", "DS-PR", "-a", "4"]).hasPrefix("NO\nw 1 3 5"))
        #expect(try run(["-p", "DS-GR", "-a", "5"]) == "YES\n")
        #expect(try run(["-p", "DC-GR", "-a", "3"]) == "NO\n")
        #expect(try run(["-p", "SE-ID"]) == "w 1 5\n")
    }

    @Test func noStableExtensionPrintsNO() throws {
        let f = try write("p af 3\n1 2\n2 3\n3 1\n", "odd.i23")
        #expect(try BinaryRunner.run(["solve", "-p", "SE-ST", "-f", f]).stdout == "NO\n")
        #expect(try BinaryRunner.run(["solve", "-p", "EE-ST", "-f", f]).stdout == "NO\n")
        #expect(try BinaryRunner.run(["solve", "-p", "DS-ST", "-f", f, "-a", "1"]).stdout == "YES\n")
    }

    @Test func apxAndTGFUseBrackets() throws {
        let apx = try write("arg(a).\narg(b).\narg(c).\natt(a,b).\natt(b,a).\natt(b,c).\n", "x.apx")
        #expect(try BinaryRunner.run(["solve", "-p", "EE-PR", "-f", apx]).stdout == "[[a,c],[b]]\n")
        #expect(try BinaryRunner.run(["solve", "-p", "SE-GR", "-f", apx]).stdout == "[]\n")
        #expect(try BinaryRunner.run(["solve", "-p", "DC-ST", "-f", apx, "-a", "c"]).stdout == "YES\n")
        let tgf = try write("a\nb\n#\na b\n", "x.tgf")
        #expect(try BinaryRunner.run(["solve", "-p", "SE-PR", "-f", tgf, "-fo", "tgf"]).stdout == "[a]\n")
    }

    @Test func argGraphsAreSolvedOnTheirAttackRelation() throws {
        let f = BinaryRunner.repositoryRoot.appendingPathComponent("graphs/nixon-diamond.arg").path
        let r = try BinaryRunner.run(["solve", "-p", "EE-ST", "-f", f])
        #expect(
            r.stdout == "[[quaker,republican,not-pacifist],[quaker,republican,pacifist]]\n"
                || r.stdout == "[[quaker,republican,pacifist],[quaker,republican,not-pacifist]]\n")
    }

    @Test func errorsAreClear() throws {
        let bad = try write("p af 2\n1 3\n", "bad.i23")
        let r = try BinaryRunner.run(["solve", "-p", "SE-GR", "-f", bad])
        #expect(r.status == 1)
        #expect(r.stderr.contains("bad.i23:2:3: error: argument 3 is not in 1...2"))
        let t = try BinaryRunner.run(["solve", "-p", "XX-GR", "-f", bad])
        #expect(t.status != 0 && t.stderr.contains("unknown task 'XX-GR'"))
        let good = try write(af, "ok.i23")
        let q = try BinaryRunner.run(["solve", "-p", "DC-PR", "-f", good])
        #expect(q.status != 0 && q.stderr.contains("-a ARG"))
        let p = try BinaryRunner.run(["solve", "--problems"])
        #expect(p.stdout.contains("DC-PR") && p.stdout.contains("EE-SST"))
    }
}
