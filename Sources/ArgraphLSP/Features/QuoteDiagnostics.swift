import ArgumentGraph
import Foundation

/// A quote that did not verify against its document's source text.
public struct QuoteIssue: Sendable, Hashable {
    /// The stance's index in the graph, and the quote's in the stance.
    public var stance: Int
    public var quote: Int
    public var severity: Diagnostic.Severity
    public var message: String
    /// The passage to put in the quote's place, when the check is sure of it (a safe fix): offered as a quick fix.
    public var replacement: String?
    /// Where the quote's text stands in the document (filled in by ``QuoteDiagnostics/locate(_:in:)``).
    public var range: TextRange?

    public init(stance: Int, quote: Int, severity: Diagnostic.Severity, message: String, replacement: String? = nil) {
        self.stance = stance
        self.quote = quote
        self.severity = severity
        self.message = message
        self.replacement = replacement
    }
}

/// The quote check behind the editor's quote diagnostics and their quick fixes.
///
/// ``check(_:sourceDirectory:)`` is the one place the server asks whether quotes stand in their sources: it uses
/// ``QuoteChecker``, as `argraph verify` does, and offers its safe fix as ``QuoteIssue/replacement``.
public enum QuoteDiagnostics {
    /// The type of ``check(_:sourceDirectory:)``, so that tests can stand in another checker.
    public typealias Checker = @Sendable (Graph, String) -> [QuoteIssue]

    /// Every quote of `graph` that does not stand in its source under `sourceDirectory`: the near-miss check of
    /// `argraph verify` (``QuoteChecker``), with the closest passage in the message and, where the fix is safe, the
    /// passage as the quick fix's replacement.
    public static func check(_ graph: Graph, sourceDirectory: String) -> [QuoteIssue] {
        let checker = QuoteChecker(library: SourceLibrary(graph: graph, directory: sourceDirectory))
        return checker.check(graph).compactMap { c in
            let stance = graph.stances[c.stance]
            let who = "\(graph.actors[stance.actor].id) \(stance.kind.rawValue) \(graph.claims[stance.claim].id)"
            let file = stance.document.flatMap { graph.documents[$0].file } ?? "its source"
            func line(_ a: QuoteAlignment) -> String { "L\(a.span.lines.lowerBound)" }
            switch c.verdict {
            case .verbatim:
                return nil
            case .nearMiss:
                let passage = c.passage.map { "; closest passage (\(line($0))): \"\($0.fixedText)\"" } ?? ""
                return QuoteIssue(
                    stance: c.stance, quote: c.quote, severity: .error,
                    message: "quote not word for word in \(file) (\(who))\(passage)", replacement: c.fix)
            case .wrongLocation:
                let at = c.passage.map { " it stands at \(line($0))" } ?? ""
                return QuoteIssue(
                    stance: c.stance, quote: c.quote, severity: .warning,
                    message: "quote is not at its recorded location (\(who));\(at)")
            case .otherDocument:
                let doc = c.elsewhere.map { graph.documents[$0.document].id } ?? "another document"
                return QuoteIssue(
                    stance: c.stance, quote: c.quote, severity: .error,
                    message: "quote not found in \(file) (\(who)); it stands in \(doc)")
            case .noPassage:
                return QuoteIssue(
                    stance: c.stance, quote: c.quote, severity: .error,
                    message: "quote not found in \(file) (\(who)), nor any passage close to it")
            case let .noSource(reason):
                return QuoteIssue(
                    stance: c.stance, quote: c.quote, severity: .note,
                    message: "cannot check this quote (\(who)): \(reason)")
            }
        }
    }

    /// The folder that holds the graph's source files: the first of `configured` (as given, then relative to the
    /// graph's folder), `$ARGRAPH_SOURCES`, the graph's folder and its `sources/` subfolder that holds one of the
    /// documents' files; nil when none does (or the graph names no file), so that a graph without its sources gets
    /// no quote noise.
    public static func sourceDirectory(
        forGraphAt path: String?, graph: Graph, configured: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> String? {
        let files = graph.documents.compactMap(\.file)
        guard !files.isEmpty else { return nil }
        let graphDir = path.map { ($0 as NSString).deletingLastPathComponent }
        var candidates: [String] = []
        if let configured {
            candidates.append(configured)
            if let graphDir, !configured.hasPrefix("/") {
                candidates.append((graphDir as NSString).appendingPathComponent(configured))
            }
        }
        if let env = environment["ARGRAPH_SOURCES"], !env.isEmpty { candidates.append(env) }
        if let graphDir {
            candidates.append(graphDir.isEmpty ? "." : graphDir)
            candidates.append((graphDir as NSString).appendingPathComponent("sources"))
        }
        let fm = FileManager.default
        return candidates.first { dir in
            files.contains { fm.isReadableFile(atPath: (dir as NSString).appendingPathComponent($0)) }
        }
    }

    /// The issues with the range of each quote's text, found in the syntax index: the n-th stance declaration is
    /// stance n of a graph read from that text, and its quotes are its `quote` properties in order.
    public static func locate(_ issues: [QuoteIssue], in analysis: DocumentAnalysis) -> [QuoteIssue] {
        guard !issues.isEmpty else { return [] }
        let stances = analysis.syntax.declarations.filter { $0.keyword == "stance" }
        return issues.map { issue in
            var issue = issue
            if issue.stance < stances.count {
                let quotes = stances[issue.stance].properties.filter { $0.key == "quote" }
                if issue.quote < quotes.count {
                    issue.range = analysis.text.range(of: quotes[issue.quote].valueBytes)
                } else {
                    issue.range = analysis.text.range(of: stances[issue.stance].idBytesOrHeader(analysis.text))
                }
            }
            return issue
        }
    }
}

extension ArgSyntax.Declaration {
    /// The header line's bytes.
    func idBytesOrHeader(_ text: TextDocument) -> Range<Int> {
        let line = text.lineBytes(firstLine)
        return line.startIndex..<line.endIndex
    }
}
