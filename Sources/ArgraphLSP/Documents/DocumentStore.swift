import ArgumentGraph
import Foundation

/// One document the client has open.
public struct OpenDocument {
    public let uri: String
    /// The file's path, for a `file:` URI.
    public let path: String?
    public var version: Int
    public private(set) var analysis: DocumentAnalysis
    /// The latest analysis whose text read without errors (for hover and completion while a line is half typed).
    public private(set) var lastGood: DocumentAnalysis?
    /// The quotes that failed verification in the latest version, with their ranges.
    public var quoteIssues: [QuoteIssue] = []

    init(uri: String, version: Int, text: String) {
        self.uri = uri
        path = OpenDocument.path(of: uri)
        self.version = version
        analysis = DocumentAnalysis(TextDocument(text), file: path ?? uri)
        lastGood = analysis.parsed == nil ? nil : analysis
    }

    public var text: TextDocument { analysis.text }

    /// The graph to describe: the current one, else the last that read.
    public var graph: Graph? { (analysis.parsed ?? lastGood?.parsed)?.graph }

    mutating func update(_ text: TextDocument, version: Int) {
        self.version = version
        analysis = DocumentAnalysis(text, file: path ?? uri)
        if analysis.parsed != nil { lastGood = analysis }
    }

    /// The path of a `file:` URI (percent-decoded), else nil.
    static func path(of uri: String) -> String? {
        guard let url = URL(string: uri), url.isFileURL else { return nil }
        return url.path
    }
}

/// The open documents, by URI, kept in step with the client's edits.
public struct DocumentStore {
    public private(set) var documents: [String: OpenDocument] = [:]

    public init() {}

    public subscript(uri: String) -> OpenDocument? { documents[uri] }

    /// Opens (or reopens) a document.
    @discardableResult
    public mutating func open(uri: String, version: Int, text: String) -> OpenDocument {
        let doc = OpenDocument(uri: uri, version: version, text: text)
        documents[uri] = doc
        return doc
    }

    /// Applies a `didChange`'s edits in order; nil when the document is not open.
    @discardableResult
    public mutating func change(uri: String, version: Int, changes: [TextDocument.Change]) -> OpenDocument? {
        guard var doc = documents[uri] else { return nil }
        var text = doc.text
        for c in changes { text.apply(c) }
        doc.update(text, version: version)
        documents[uri] = doc
        return doc
    }

    public mutating func setQuoteIssues(_ issues: [QuoteIssue], for uri: String) {
        documents[uri]?.quoteIssues = issues
    }

    public mutating func close(uri: String) {
        documents[uri] = nil
    }
}
