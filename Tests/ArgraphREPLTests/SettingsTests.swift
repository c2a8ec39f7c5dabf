import ArgumentGraph
import Testing
@testable import ArgraphREPL

@Suite struct SettingsTests {
    @Test func everyKeyShowsItsDefaultAndGoesBackToIt() throws {
        let defaults = Settings()
        for setting in Setting.all {
            #expect(setting.show(defaults) == setting.defaultValue, "\(setting.key)")
            #expect(!setting.help.isEmpty && !setting.type.isEmpty)
        }
        var s = Settings()
        let changes: [(String, [String])] = [
            ("semantics", ["stable"]), ("gradual", ["euler"]), ("bipolar", ["both"]),
            ("credibility", ["alice", "0.9"]), ("default-credibility", ["0.3"]),
            ("threshold", ["0.2"]), ("colour", ["off"]), ("width", ["120"]),
        ]
        #expect(changes.map(\.0) == Setting.keys, "one change per key")
        for (key, words) in changes { try s.set(key, words) }
        #expect(s.analysis.semantics == .stable && s.analysis.gradual == .euler && s.analysis.bipolar == .both)
        #expect(
            s.analysis.credibility == ["alice": 0.9] && s.analysis.defaultCredibility == 0.3
                && s.analysis.threshold == 0.2)
        #expect(s.colour == .off && s.width == 120)
        for key in Setting.keys { try s.reset(key) }
        #expect(s == defaults)
    }

    @Test func badValuesLeaveTheSettingAlone() {
        var s = Settings()
        let bad: [(String, [String])] = [
            ("semantics", ["euler"]), ("gradual", ["nope"]), ("threshold", ["-1"]), ("threshold", ["x"]),
            ("credibility", ["alice"]), ("credibility", ["alice", "2"]), ("width", ["39"]), ("width", ["a", "b"]),
            ("colour", []),
        ]
        for (key, words) in bad {
            #expect(throws: CommandError.self, "\(key) \(words)") { try s.set(key, words) }
        }
        #expect(s == Settings())
        #expect(
            throws: CommandError(
                "unknown setting 'sematics'",
                hint:
                    "did you mean 'semantics'? settings are semantics, gradual, bipolar, credibility, default-credibility, threshold, colour or width"
            )
        ) {
            try s.set("sematics", ["grounded"])
        }
    }

    @Test func analysisOptionsResolveCredibilityByActorID() throws {
        let g = Fixture.parsed().graph
        var o = AnalysisOptions()
        o.credibility = ["bob": 0.25, "nobody": 1]
        o.defaultCredibility = 0.4
        let strength = o.strengthOptions(for: g)
        let bob = try #require(g.actorIndex(of: "bob"))
        #expect(strength.credibility == [bob: 0.25])
        #expect(strength.defaultCredibility == 0.4)
    }

    @Test func colourAndWidthSettingsReachTheSession() throws {
        let (s, _) = Fixture.session(width: 80)
        #expect(!s.style.enabled && s.width == 80)
        try s.settings.set("colour", ["on"])
        try s.settings.set("width", ["132"])
        #expect(s.style.enabled && s.width == 132)
        try s.settings.set("width", ["auto"])
        #expect(s.width == 80)
    }

    @Test func tabCompletesKeysAndValues() {
        let completer = Completer(session: Fixture.session().0)
        #expect(completer.complete(before: "set ", word: "g") == ["gradual"])
        #expect(completer.complete(before: "set gradual ", word: "") == GradualSemantics.allCases.map(\.rawValue))
        #expect(completer.complete(before: "set colour ", word: "o") == ["on", "off"])
        #expect(completer.complete(before: "set credibility ", word: "") == ["alice", "bob"])
        #expect(completer.complete(before: "unset ", word: "th") == ["threshold"])
        #expect(completer.complete(before: "score --semantics ", word: "") == GradualSemantics.allCases.map(\.rawValue))
        #expect(completer.complete(before: "status --semantics ", word: "s") == ["stable", "semi-stable"])
        #expect(completer.complete(before: "whatif drop alice --threshold ", word: "") == [])
    }

    @Test func aCommandOptionOverridesTheSettingForOneRun() {
        let out = Fixture.run([
            "set gradual euler", "score --semantics h-categorizer", "score", "status --semantics euler",
        ])
        #expect(out.contains("h-categorizer: "))
        #expect(out.contains("euler: "))
        #expect(out.contains("error: --semantics: euler is a gradual semantics: set gradual euler"))
    }

    @Test func aWhatIfCredibilityReplacesTheSessionOverride() {
        let out = Fixture.run(["credibility bob 0.1", "whatif credibility bob 0.9"])
        #expect(out.contains("note: the session's credibility for bob still applies to later commands"))
        #expect(out.contains("con "), "con's strength moves from bob's 0.1 to 0.9: \(out)")
        #expect(!out.contains("no label flips and no strength moves"))
    }
}
