import ArgumentGraphModel
import Foundation

/// Checks that every quote in a graph stands word for word in its document's source text, and for
/// each that does not, finds the closest passage (see ``QuoteChecker``, which does the work).
///
/// Comparison is word by word after the source's damage is undone (see ``SourceText``): white space
/// is folded and words hyphenated across line breaks are joined. A quote that carries a location must
/// stand at that location.
public struct QuoteVerifier: Sendable {
    /// The folder that holds the documents' `file`s.
    public var sourceDirectory: String

    /// One quote's result.
    public typealias Check = QuoteCheck

    /// Creates a verifier reading sources from `sourceDirectory`.
    public init(sourceDirectory: String) { self.sourceDirectory = sourceDirectory }

    /// Checks every quote; a source file that cannot be read is reported for each of its quotes.
    public func verify(_ graph: Graph) -> [QuoteCheck] {
        QuoteChecker(library: SourceLibrary(graph: graph, directory: sourceDirectory)).check(graph)
    }

    /// Checks every quote of a graph read from `.arg` text, with where each quote is written in it.
    public func verify(_ parsed: ParsedGraph, text: String) -> [QuoteCheck] {
        let places = ArgQuoteLocator.places(
            in: text, declarations: parsed.declarations, stanceCount: parsed.graph.stances.count)
        return QuoteChecker(library: SourceLibrary(graph: parsed.graph, directory: sourceDirectory)).check(
            parsed.graph, places: places)
    }
}
