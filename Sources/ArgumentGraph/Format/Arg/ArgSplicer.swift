import ArgumentGraphModel
import Foundation

/// Writes an edited graph back into its original `.arg` text, keeping comments, blank lines and
/// the text of every declaration the edits did not touch.
///
/// Changed declarations are rewritten in canonical form in place (their leading comments kept);
/// new ones are added after the last declaration of their kind, or at the end of the file;
/// removed ones disappear with their leading comments. If the result would not read back to
/// the edited graph, the canonical form of the whole graph is returned instead.
public enum ArgSplicer {
    /// The text for `edited`, given the text that reads as `original` and its declarations.
    public static func splice(_ text: String, declarations: [DeclarationSpan], original: Graph, edited: Graph) -> String
    {
        let result = attempt(text, declarations: declarations, original: original, edited: edited)
        if let reread = try? ArgReader.read(result), reread.graph == edited { return result }
        return ArgWriter.write(edited)
    }

    /// The splice itself, before its result is checked (see ``ByteSplice``).
    static func attempt(_ text: String, declarations: [DeclarationSpan], original: Graph, edited: Graph) -> String {
        var text = text
        return text.withUTF8 {
            var s = ByteSplice(text: $0, declarations: declarations, original: original, edited: edited)
            return s.run()
        }
    }
}
