/// A text's lines as the `.arg` reader numbers them: split at each newline byte, so that line `n` here is line `n` in a
/// diagnostic. (Split by `Character`, a `\r\n` is one character and ends no line, and every line after the first
/// `\r\n` would be numbered short.) A line keeps the `\r` of a `\r\n`.
public enum SourceLines {
    /// The lines of `text`, 0-based; a text ending in a newline ends with an empty line.
    public static func of(_ text: String) -> [Substring] {
        text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { Substring($0) }
    }
}
