import ArgumentGraph

/// The REPL's name for the library's one did-you-mean engine, ``Suggestions``.
public typealias Nearest = Suggestions

extension Suggestions {
    /// Up to three words near `word`, nearest first (``nearest(to:in:limit:)``).
    public static func words(to word: String, in names: some Sequence<String>) -> [String] {
        nearest(to: word, in: names)
    }
}
