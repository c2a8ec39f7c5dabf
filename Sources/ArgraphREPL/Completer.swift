import ArgumentGraph
import Foundation

/// Offers completions for the word being typed, by what the command expects there.
public struct Completer {
    /// The session whose graphs and commands are offered.
    public let session: Session

    /// A completer over a session.
    public init(session: Session) { self.session = session }

    /// The candidates that complete `word`, given the text of the line before it.
    ///
    /// `before` is everything left of the word (after the last `;`, commands chain). Directory
    /// candidates end with `/`.
    public func complete(before: String, word: String) -> [String] {
        let statement = CommandLexer.statements(before).last ?? ""
        let lexed = CommandLexer.words(statement)
        if lexed.unterminatedQuote { return [] }
        let words = lexed.words
        guard let name = words.first else {
            return session.registry.allNames.filter { $0.hasPrefix(word) }
        }
        guard let command = session.registry.command(named: name) else { return [] }
        if word.hasPrefix("-") { return command.options.map(\.name).filter { $0.hasPrefix(word) } }
        var positionals: [String] = []
        var i = 1
        var pendingOption: OptionSpec?
        while i < words.count {
            let w = words[i]
            if w.hasPrefix("--"), let spec = command.option(named: w) {
                if spec.value != nil {
                    if i + 1 < words.count { i += 2; continue }
                    pendingOption = spec
                }
                i += 1
                continue
            }
            positionals.append(w)
            i += 1
        }
        let kind = pendingOption?.value ?? command.completionKind(at: positionals.count, previous: positionals)
        return candidates(kind, word: word, command: command)
    }

    /// The candidates of one kind that start with `word`.
    public func candidates(_ kind: CompletionKind, word: String, command: Command? = nil) -> [String] {
        let g = session.current
        switch kind {
        case .claim: return g.claimIDs.matches(prefix: word)
        case .actor: return g.actorIDs.matches(prefix: word)
        case .document: return g.documentIDs.matches(prefix: word)
        case .relation: return g.graph.relations.compactMap(\.id).filter { $0.hasPrefix(word) }.sorted()
        case .anyID:
            return Array(
                Set(
                    g.claimIDs.matches(prefix: word) + g.actorIDs.matches(prefix: word)
                        + g.documentIDs.matches(prefix: word))
            ).sorted()
        case .tag: return g.tagIndex.matches(prefix: word)
        case .command: return session.registry.allNames.filter { $0.hasPrefix(word) }
        case .graph: return session.graphs.map(\.name).filter { $0.hasPrefix(word) }.sorted()
        case let .setting(key):
            guard let setting = Setting.all.first(where: { $0.key == key }) else { return [] }
            return candidates(setting.completion, word: word, command: command)
        case let .choice(words): return words.filter { $0.hasPrefix(word) }
        case .option: return (command?.options.map(\.name) ?? []).filter { $0.hasPrefix(word) }
        case .file: return Completer.files(prefix: word)
        case .free: return []
        }
    }

    /// Paths that start with `prefix`; directories end with `/`. Hidden files only when asked for.
    public static func files(prefix: String) -> [String] {
        let expanded = prefix.hasPrefix("~") ? NSString(string: prefix).expandingTildeInPath : prefix
        let dirPart: String, namePart: String
        if let slash = expanded.lastIndex(of: "/") {
            dirPart = String(expanded[...slash])
            namePart = String(expanded[expanded.index(after: slash)...])
        } else {
            dirPart = ""
            namePart = expanded
        }
        let shownDir: String
        if let slash = prefix.lastIndex(of: "/") { shownDir = String(prefix[...slash]) } else { shownDir = "" }
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: dirPart.isEmpty ? "." : dirPart) else { return [] }
        var out: [String] = []
        for n in names where n.hasPrefix(namePart) && (namePart.hasPrefix(".") || !n.hasPrefix(".")) {
            var isDir: ObjCBool = false
            _ = fm.fileExists(atPath: dirPart + n, isDirectory: &isDir)
            out.append(shownDir + n + (isDir.boolValue ? "/" : ""))
        }
        return out.sorted()
    }
}
