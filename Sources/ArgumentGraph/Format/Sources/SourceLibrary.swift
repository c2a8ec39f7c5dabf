import ArgumentGraphModel
import Foundation

/// The source texts of a graph's documents, read once from a folder.
public struct SourceLibrary: Sendable {
    /// The folder the documents' `file`s were read from.
    public let directory: String
    /// Per document index: its text, or nil.
    public let texts: [SourceText?]
    /// Per document index: why there is no text (no `file`, or the file cannot be read), or nil.
    public let problems: [String?]

    /// Reads every document's `file` from `directory`.
    public init(graph: Graph, directory: String) {
        self.directory = directory
        var texts: [SourceText?] = [], problems: [String?] = []
        var byFile: [String: SourceText] = [:]
        for doc in graph.documents {
            guard let file = doc.file else {
                texts.append(nil)
                problems.append("document '\(doc.id)' names no file")
                continue
            }
            if let t = byFile[file] { texts.append(t); problems.append(nil); continue }
            let path = (directory as NSString).appendingPathComponent(file)
            if let data = FileManager.default.contents(atPath: path), let s = String(data: data, encoding: .utf8) {
                let t = SourceText(s)
                byFile[file] = t
                texts.append(t)
                problems.append(nil)
            } else {
                texts.append(nil)
                problems.append(
                    FileManager.default.fileExists(atPath: path)
                        ? "cannot read '\(file)' in \(directory) as UTF-8" : "no file '\(file)' in \(directory)")
            }
        }
        self.texts = texts
        self.problems = problems
    }

    /// A library of texts given directly (for tests and editors holding unsaved text).
    public init(directory: String = "", texts: [SourceText?]) {
        self.directory = directory
        self.texts = texts
        self.problems = texts.map { $0 == nil ? "no source text" : nil }
    }

    /// The text of document `d`, if it was read.
    public func text(of d: Int) -> SourceText? { d < texts.count ? texts[d] : nil }

    /// Whether any document's text was read.
    public var isEmpty: Bool { !texts.contains { $0 != nil } }

    /// Where a graph's sources are looked for, in order, and the first that holds any document's file.
    ///
    /// The order: `explicit` (`--sources DIR`); the environment variable `ARGRAPH_SOURCES`; the folder of
    /// the graph file; a `sources` folder beside the graph file. A candidate counts when at least one
    /// document's `file` exists in it; `explicit` is used even when none does, so its errors are reported.
    public static func locate(
        explicit: String?, graphFile: String?, graph: Graph,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> (directory: String?, tried: [String]) {
        if let explicit { return (explicit, [explicit]) }
        var candidates: [String] = []
        if let env = environment["ARGRAPH_SOURCES"], !env.isEmpty { candidates.append(env) }
        if let graphFile {
            let folder = (graphFile as NSString).deletingLastPathComponent
            let base = folder.isEmpty ? "." : folder
            candidates.append(base)
            candidates.append((base as NSString).appendingPathComponent("sources"))
        }
        let files = graph.documents.compactMap(\.file)
        for c in candidates
        where files.contains(where: {
            FileManager.default.fileExists(atPath: (c as NSString).appendingPathComponent($0))
        }) {
            return (c, candidates)
        }
        return (nil, candidates)
    }
}
