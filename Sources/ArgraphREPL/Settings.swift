import ArgumentGraph

/// Whether output is coloured.
public enum ColourMode: String, Sendable, CaseIterable {
    /// Colour at a terminal when `NO_COLOR` is unset and `TERM` is not `dumb`.
    case auto
    /// Always colour.
    case on
    /// Never colour.
    case off
}

/// Every session setting as one typed value: the analysis options commands pass to the library, and
/// how output looks. `set`, `unset`, Tab and the command line's flags all go through ``Setting/all``.
public struct Settings: Sendable, Equatable {
    /// The options every analysis takes.
    public var analysis = AnalysisOptions()
    /// Whether output is coloured.
    public var colour = ColourMode.auto
    /// The output width in columns; nil follows the terminal.
    public var width: Int?

    /// The defaults.
    public init() {}

    /// Sets `key` from the words after it (`set KEY WORDS…`); an unknown key or value is refused with
    /// the allowed values and the nearest ones.
    public mutating func set(_ key: String, _ words: [String]) throws(CommandError) {
        try Setting.named(key).set(&self, words)
    }

    /// Puts `key` back to its default (`unset KEY [WORDS…]`).
    public mutating func reset(_ key: String, _ words: [String] = []) throws(CommandError) {
        try Setting.named(key).reset(&self, words)
    }

    /// The current value of `key` as `set` shows it.
    public func value(of key: String) throws(CommandError) -> String { try Setting.named(key).show(self) }
}

/// One setting: its key, the kind of value, the values Tab offers, its default, a line of help, and how
/// it reads and writes ``Settings``.
///
/// To add a setting: add a field to ``Settings`` (or to ``AnalysisOptions`` when an analysis reads it),
/// and one entry to ``all``. `set`, `unset`, the `set` listing, Tab, and the command line's flags
/// (`SettingsOptions` in the `argraph` executable, which has one flag per key) follow from it.
public struct Setting: Sendable {
    /// The key typed after `set`; also the command-line flag `--KEY`.
    public let key: String
    /// The kind of value, for the listing: `extension semantics`, `number 0...1`.
    public let type: String
    /// The words a value may be (Tab offers them); empty for numbers.
    public let values: [String]
    /// The default, as `set` shows it.
    public let defaultValue: String
    /// One line of help.
    public let help: String
    /// What Tab offers for the value words (defaults to ``values``).
    public let completion: CompletionKind
    let show: @Sendable (Settings) -> String
    let set: @Sendable (inout Settings, [String]) throws(CommandError) -> Void
    let reset: @Sendable (inout Settings, [String]) throws(CommandError) -> Void

    /// Every setting, in the order `set` lists them.
    public static let all: [Setting] = [
        choice(
            "semantics", "extension semantics", ExtensionSemantics.self, \.analysis.semantics, default: .grounded,
            help: "Which claims stand, for status.",
            otherKind: {
                GradualSemantics(rawValue: $0) != nil ? "\($0) is a gradual semantics: set gradual \($0)" : nil
            }),
        choice(
            "gradual", "gradual semantics", GradualSemantics.self, \.analysis.gradual, default: .dfquad,
            help: "How strong claims are, for score, why, chains, credibility, whatif and cruxes.",
            otherKind: {
                ExtensionSemantics(rawValue: $0) != nil ? "\($0) is an extension semantics: set semantics \($0)" : nil
            }),
        choice(
            "bipolar", "support mapping", BipolarMapping.self, \.analysis.bipolar, default: BipolarMapping.none,
            help: "How supports become attacks for status and the labels of whatif."),
        credibility,
        number(
            "default-credibility", \.analysis.defaultCredibility, default: 0.5, in: 0...1,
            help: "The credibility of an actor with none declared or set."),
        number(
            "threshold", \.analysis.threshold, default: 0.05, in: 0...1,
            help: "whatif lists strengths that move by more than this."),
        choice(
            "colour", "colour mode", ColourMode.self, \.colour, default: .auto,
            help: "Colour output: auto (at a terminal, unless NO_COLOR is set), on or off."),
        width,
    ]

    /// The keys, in listing order.
    public static var keys: [String] { all.map(\.key) }

    /// The setting with this key, or an error naming the keys and the nearest one.
    public static func named(_ key: String) throws(CommandError) -> Setting {
        if let s = all.first(where: { $0.key == key }) { return s }
        throw CommandError("unknown setting '\(key)'", hint: alternatives(key, among: keys, what: "settings are"))
    }

    /// "did you mean 'x'?; WHAT a, b or c".
    static func alternatives(_ word: String, among names: [String], what: String) -> String {
        let list =
            names.count > 1
            ? names.dropLast().joined(separator: ", ") + " or " + names[names.count - 1] : names.joined()
        return (Nearest.hint(for: word, in: names).map { $0 + " " } ?? "") + what + " " + list
    }

    /// A setting that is one of an enumeration's raw values.
    static func choice<E: RawRepresentable & CaseIterable & Sendable>(
        _ key: String, _ type: String, _: E.Type, _ path: WritableKeyPath<Settings, E> & Sendable, default def: E,
        help: String,
        otherKind: (@Sendable (String) -> String?)? = nil
    ) -> Setting where E.RawValue == String {
        let values = E.allCases.map(\.rawValue)
        return Setting(
            key: key, type: type, values: values, defaultValue: def.rawValue, help: help, completion: .choice(values),
            show: { $0[keyPath: path].rawValue },
            set: { s, words throws(CommandError) in
                let word = try single(key, words)
                guard let v = E(rawValue: word) else {
                    if let message = otherKind?(word) { throw CommandError(message) }
                    throw CommandError(
                        "unknown \(type) '\(word)'", hint: alternatives(word, among: values, what: "\(key) is"))
                }
                s[keyPath: path] = v
            },
            reset: { s, words throws(CommandError) in
                try none(key, words)
                s[keyPath: path] = def
            })
    }

    /// A setting that is a number in a range.
    static func number(
        _ key: String, _ path: WritableKeyPath<Settings, Double> & Sendable, default def: Double,
        in range: ClosedRange<Double>, help: String
    ) -> Setting {
        let type = "a number from \(format(range.lowerBound)) to \(format(range.upperBound))"
        return Setting(
            key: key, type: type, values: [], defaultValue: format(def), help: help, completion: .free,
            show: { format($0[keyPath: path]) },
            set: { s, words throws(CommandError) in
                let word = try single(key, words)
                guard let v = Double(word), range.contains(v) else {
                    throw CommandError("\(key) takes \(type), not '\(word)'", hint: "set \(key) \(format(def))")
                }
                s[keyPath: path] = v
            },
            reset: { s, words throws(CommandError) in
                try none(key, words)
                s[keyPath: path] = def
            })
    }

    /// `credibility ACTOR X`: an override per actor, kept by id.
    static let credibility = Setting(
        key: "credibility", type: "ACTOR and a number from 0 to 1", values: [], defaultValue: "none",
        help: "Credibility overrides by actor (also: credibility ACTOR X); unset credibility [ACTOR].",
        completion: .actor,
        show: { s in
            let o = s.analysis.credibility
            return o.isEmpty ? "none" : o.keys.sorted().map { "\($0)=\(format(o[$0] ?? 0))" }.joined(separator: " ")
        },
        set: { s, words throws(CommandError) in
            guard words.count == 2 else {
                throw CommandError(
                    "credibility takes an actor and a number from 0 to 1", hint: "set credibility ACTOR 0.8")
            }
            guard let v = Double(words[1]), (0...1).contains(v) else {
                throw CommandError("credibility must be a number from 0 to 1, not '\(words[1])'")
            }
            s.analysis.credibility[words[0]] = v
        },
        reset: { s, words throws(CommandError) in
            switch words.count {
            case 0: s.analysis.credibility = [:]
            case 1:
                guard s.analysis.credibility.removeValue(forKey: words[0]) != nil else {
                    let overridden = s.analysis.credibility.keys.sorted()
                    throw CommandError(
                        "no credibility override for '\(words[0])'",
                        hint: overridden.isEmpty
                            ? "no actor's credibility is overridden"
                            : alternatives(words[0], among: overridden, what: "overridden:"))
                }
            default: throw CommandError("unset credibility takes at most one actor")
            }
        })

    /// `width auto|N`: the output width.
    static let width = Setting(
        key: "width", type: "auto or a whole number from 40 to 1000", values: ["auto"], defaultValue: "auto",
        help: "Output width in columns; auto follows the terminal ($COLUMNS, else 100).", completion: .choice(["auto"]),
        show: { $0.width.map(String.init) ?? "auto" },
        set: { s, words throws(CommandError) in
            let word = try single("width", words)
            if word == "auto" { s.width = nil; return }
            guard let n = Int(word), (40...1000).contains(n) else {
                throw CommandError(
                    "width takes auto or a whole number from 40 to 1000, not '\(word)'", hint: "set width 100")
            }
            s.width = n
        },
        reset: { s, words throws(CommandError) in
            try none("width", words)
            s.width = nil
        })

    /// The one value word of `set KEY VALUE`.
    static func single(_ key: String, _ words: [String]) throws(CommandError) -> String {
        guard words.count == 1 else {
            throw CommandError(
                words.isEmpty ? "\(key) needs a value" : "\(key) takes one value, not \(words.count)",
                hint: "set \(key) VALUE")
        }
        return words[0]
    }

    /// Refuses words after `unset KEY`.
    static func none(_ key: String, _ words: [String]) throws(CommandError) {
        if !words.isEmpty { throw CommandError("unset \(key) takes no value", hint: "unset \(key)") }
    }

    /// A number as short as it reads: `0.05`, `1`.
    static func format(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}
