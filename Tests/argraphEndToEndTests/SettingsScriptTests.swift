import Foundation
import Testing

/// The settings, driven through the REPL in script mode on the bundled graph: `set` refuses what it
/// cannot use, and what it keeps reaches every command.
@Suite struct SettingsScriptTests {
    /// The numbers in a line, in order.
    static func numbers(_ line: Substring) -> [Double] {
        line.split(whereSeparator: { !"0123456789.-+".contains($0) }).compactMap { Double($0) }
    }

    /// The first line of `text` that starts with `prefix`.
    static func line(_ text: String, startingWith prefix: String) -> Substring? {
        text.split(separator: "\n").first { $0.hasPrefix(prefix) }
    }

    /// `why CLAIM`'s strength under the session's settings, from `argraph -c "SETUP; why CLAIM"`.
    static func whyStrength(_ claim: String, after setup: String) throws -> Double? {
        let r = try BinaryRunner.run(["-c", setup + "; why " + claim])
        guard r.status == 0, let l = line(r.stdout, startingWith: claim + ": strength") else { return nil }
        return numbers(l.dropFirst(claim.count)).first
    }

    @Test func aGradualNameGivenToSemanticsIsRefusedWithTheRightCommand() throws {
        let r = try BinaryRunner.run(["-c", "set semantics euler"])
        #expect(r.status == 1)
        #expect(r.stderr == "error: euler is a gradual semantics: set gradual euler\n")
        let back = try BinaryRunner.run(["-c", "set gradual grounded"])
        #expect(back.stderr == "error: grounded is an extension semantics: set semantics grounded\n")
        // status still runs under the (unchanged) grounded semantics.
        let s = try BinaryRunner.run(["--keep-going", "-c", "set semantics euler; status"])
        #expect(s.status == 1)
        #expect(s.stdout.contains("grounded: 1 extension"), "\(s.stdout)")
    }

    @Test func unknownValuesAreRefusedWithTheAllowedOnesAndNotStored() throws {
        let r = try BinaryRunner.run([
            "--keep-going", "-c", "set semantics bogus; set colour maybe; set semantics prefered; set colour",
        ])
        #expect(r.status == 1)
        #expect(
            r.stderr == """
                error: unknown extension semantics 'bogus'
                  hint: semantics is grounded, complete, preferred, stable, semi-stable or ideal
                error: unknown colour mode 'maybe'
                  hint: colour is auto, on or off
                error: unknown extension semantics 'prefered'
                  hint: did you mean 'preferred'? semantics is grounded, complete, preferred, stable, semi-stable or ideal

                """)
        #expect(r.stdout.hasPrefix("colour = auto (default auto)\n"))
        let unknownKey = try BinaryRunner.run(["-c", "set gradul euler"])
        #expect(
            unknownKey.stderr.hasPrefix(
                "error: unknown setting 'gradul'\n  hint: did you mean 'gradual'? settings are semantics, gradual,"))
    }

    @Test func setAloneListsEveryKeyWithItsValueAndDefault() throws {
        let r = try BinaryRunner.run(["-c", "set gradual euler; set threshold 0.1; set"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = r.stdout.split(separator: "\n").dropFirst(2).filter { !$0.hasPrefix(" ") }
        let cells = rows.map { $0.split(separator: " ", omittingEmptySubsequences: true).prefix(3).map(String.init) }
        #expect(
            cells.map { $0[0] } == [
                "KEY", "semantics", "gradual", "bipolar", "credibility", "default-credibility", "threshold", "colour",
                "width",
            ])
        #expect(cells.contains(["gradual", "euler", "df-quad"]))
        #expect(cells.contains(["threshold", "0.1", "0.05"]))
        #expect(cells.contains(["semantics", "grounded", "grounded"]))
    }

    @Test func theGradualSettingReachesWhatIfAndCruxes() throws {
        let euler = try #require(try Self.whyStrength("fully-independent-partner", after: "set gradual euler"))
        let dfquad = try #require(try Self.whyStrength("fully-independent-partner", after: "set gradual df-quad"))
        #expect(abs(euler - dfquad) > 0.05, "the two semantics must differ for this test to mean anything")

        let w = try BinaryRunner.run(["-c", "set gradual euler; whatif retract debate-real-issues"])
        #expect(w.status == 0, "\(w.stderr)")
        #expect(w.stdout.contains("euler strengths"), "\(w.stdout)")
        let row = try #require(Self.line(w.stdout, startingWith: "fully-independent-partner"))
        #expect(abs(Self.numbers(row)[0] - euler) < 0.006, "\(row) starts from \(euler)")

        let c = try BinaryRunner.run(["-c", "set gradual euler; cruxes --target fully-independent-partner --limit 1"])
        #expect(c.status == 0, "\(c.stderr)")
        #expect(c.stdout.contains("re-scoring (euler)"))
        let before = try #require(Self.line(c.stdout, startingWith: "strength of fully-independent-partner"))
        #expect(abs(Self.numbers(before.dropFirst("strength of fully-independent-partner".count))[0] - euler) < 0.006)
    }

    @Test func aCredibilityOverrideReachesWhatIfAndCruxes() throws {
        let setup = "credibility anon-2009 0.1"
        let overridden = try #require(try Self.whyStrength("fully-independent-partner", after: setup))
        let plain = try #require(try Self.whyStrength("fully-independent-partner", after: "info"))
        #expect(abs(overridden - plain) > 0.3)

        let w = try BinaryRunner.run(["-c", setup + "; whatif retract debate-real-issues"])
        let row = try #require(Self.line(w.stdout, startingWith: "fully-independent-partner"))
        #expect(abs(Self.numbers(row)[0] - overridden) < 0.006, "\(row) starts from \(overridden)")

        let c = try BinaryRunner.run(["-c", setup + "; cruxes --target fully-independent-partner --limit 1"])
        let before = try #require(Self.line(c.stdout, startingWith: "strength of fully-independent-partner"))
        #expect(
            abs(Self.numbers(before.dropFirst("strength of fully-independent-partner".count))[0] - overridden) < 0.006)

        // The same override as a command-line flag, and as 'set credibility'.
        let flag = try BinaryRunner.run([
            "--credibility", "anon-2009=0.1", "-c", "cruxes --target fully-independent-partner --limit 1",
        ])
        #expect(c.stdout.hasPrefix("anon-2009 = ") && !flag.stdout.isEmpty)
        #expect(c.stdout.hasSuffix(flag.stdout))
        let viaSet = try BinaryRunner.run([
            "-c", "set credibility anon-2009 0.1; cruxes --target fully-independent-partner --limit 1",
        ])
        #expect(viaSet.stdout == "credibility = anon-2009=0.1\n" + flag.stdout)
    }

    @Test func everySettingIsACommandLineFlag() throws {
        let list = try BinaryRunner.run(["-c", "set"])
        let keys = list.stdout.split(separator: "\n").dropFirst().filter { !$0.hasPrefix(" ") }.compactMap {
            $0.split(separator: " ").first
        }
        #expect(keys.count == 8)
        let help = try BinaryRunner.run(["repl", "--help"])
        for key in keys { #expect(help.stdout.contains("--\(key) "), "no flag --\(key)") }
        let bad = try BinaryRunner.run(["--semantics", "euler", "-c", "info"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("--semantics: euler is a gradual semantics: set gradual euler"))
        let good = try BinaryRunner.run([
            "--gradual", "euler", "--threshold", "0.01", "-c", "set gradual; set threshold",
        ])
        #expect(good.stdout.hasPrefix("gradual = euler (default df-quad)\n"))
        #expect(good.stdout.contains("threshold = 0.01 (default 0.05)\n"))
    }
}
