import ArgraphREPL
import ArgumentParser

/// The session settings as command-line flags, one `--KEY VALUE` per ``Setting`` (`--gradual euler`,
/// `--credibility welch=0.9`): the help and the checking come from ``Setting/all``, so a flag takes
/// exactly what `set KEY VALUE` takes in the session.
struct SettingsOptions: ParsableArguments {
    @Option(help: SettingsOptions.help("semantics")) var semantics: String?
    @Option(help: SettingsOptions.help("gradual")) var gradual: String?
    @Option(help: SettingsOptions.help("bipolar")) var bipolar: String?
    @Option(help: ArgumentHelp(SettingsOptions.help("credibility").abstract + " Repeatable.", valueName: "actor=x"))
    var credibility: [String] = []
    @Option(help: SettingsOptions.help("default-credibility")) var defaultCredibility: String?
    @Option(help: SettingsOptions.help("threshold")) var threshold: String?
    @Option(help: SettingsOptions.help("colour")) var colour: String?
    @Option(help: SettingsOptions.help("width")) var width: String?

    /// The flags' values by setting key; every key of ``Setting/all`` has one (the tests check the help lists them).
    var given: [(key: String, words: [String])] {
        var out: [(String, [String])] = []
        let single: [(String, String?)] = [
            ("semantics", semantics), ("gradual", gradual), ("bipolar", bipolar),
            ("default-credibility", defaultCredibility), ("threshold", threshold),
            ("colour", colour), ("width", width),
        ]
        for (key, value) in single { if let value { out.append((key, [value])) } }
        for pair in credibility {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            out.append(("credibility", parts.count == 2 ? parts : [pair]))
        }
        return out
    }

    /// The settings the flags give, from the defaults.
    func settings() throws -> Settings { try Self.settings(given) }

    /// The settings from `--KEY` values, checked as `set KEY VALUE` checks them.
    static func settings(_ given: [(key: String, words: [String])]) throws -> Settings {
        var s = Settings()
        for (key, words) in given {
            do { try s.set(key, words) } catch {
                throw ValidationError("--\(key): " + error.message + (error.hint.map { " (\($0))" } ?? ""))
            }
        }
        return s
    }

    func validate() throws { _ = try settings() }

    /// A flag's help: the setting's line, its values and its default.
    static func help(_ key: String) -> ArgumentHelp {
        guard let s = Setting.all.first(where: { $0.key == key }) else { return ArgumentHelp() }
        let takes = s.values.count > 1 ? s.values.joined(separator: ", ") : s.type
        return ArgumentHelp(
            "\(s.help) Takes \(takes); default \(s.defaultValue).",
            valueName: s.values.count > 1 ? s.values.joined(separator: "|") : nil)
    }
}
