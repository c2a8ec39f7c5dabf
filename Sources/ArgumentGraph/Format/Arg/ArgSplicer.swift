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

    private enum Fate { case keep, rewrite(String), drop }

    private static func blocks(_ g: Graph, _ kind: DeclarationSpan.Kind) -> [String] {
        switch kind {
        case .graph: [ArgWriter.header(of: g) ?? ""]
        case .document: g.documents.map(ArgWriter.document)
        case .actor: g.actors.map(ArgWriter.actor)
        case .claim: g.claims.map(ArgWriter.claim)
        case .stance: g.stances.map { ArgWriter.stance($0, in: g) }
        case .relation: g.relations.map { ArgWriter.relation($0, in: g) }
        }
    }

    private static func ids(_ g: Graph, _ kind: DeclarationSpan.Kind) -> [String?] {
        switch kind {
        case .graph: [g.name != nil || g.title != nil || g.description != nil ? "graph" : nil]
        case .document: g.documents.map(\.id)
        case .actor: g.actors.map(\.id)
        case .claim: g.claims.map(\.id)
        case .stance: g.stances.map { _ in nil }
        case .relation: g.relations.map(\.id)
        }
    }

    /// The text's lines, as splitting its characters at `"\n"` gives them (a `\r\n` is one character, so it ends no
    /// line there). Without a `\r` in the text they are found on the UTF-8 bytes, where the two agree, since a newline
    /// is always a character of its own: on a 44 MB file that split was a fifth of a save.
    static func lines(of text: String) -> [String] {
        var text = text
        let fast = text.withUTF8 { p -> [String]? in
            guard let base = p.baseAddress else { return [""] }
            guard memchr(base, 0x0D, p.count) == nil else { return nil }
            var out: [String] = []
            var start = 0
            while true {
                let rest = p.count - start
                let nl = rest > 0 ? memchr(base + start, 0x0A, rest) : nil
                let end = nl.map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? p.count
                out.append(String(decoding: UnsafeBufferPointer(rebasing: p[start..<end]), as: UTF8.self))
                if nl == nil { return out }
                start = end + 1
            }
        }
        return fast ?? text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    static func attempt(_ text: String, declarations: [DeclarationSpan], original: Graph, edited: Graph) -> String {
        let lines = lines(of: text)
        let kinds: [DeclarationSpan.Kind] = [.graph, .document, .actor, .claim, .stance, .relation]
        var fates: [Int: Fate] = [:]  // span position -> fate
        var unmatched: [DeclarationSpan.Kind: [String]] = [:]
        var lastSpanOfKind: [DeclarationSpan.Kind: Int] = [:]
        for (p, s) in declarations.enumerated() { lastSpanOfKind[s.kind] = p }
        for kind in kinds {
            let oldBlocks = blocks(original, kind), newBlocks = blocks(edited, kind)
            let oldIDs = ids(original, kind), newIDs = ids(edited, kind)
            var newByID: [String: Int] = [:]
            for (i, id) in newIDs.enumerated() { if let id { newByID[id] = i } }
            var newByText: [String: [Int]] = [:]
            for (i, b) in newBlocks.enumerated().reversed() where newIDs[i] == nil {
                newByText[b, default: []].append(i)
            }
            var used = Set<Int>()
            for (p, s) in declarations.enumerated() where s.kind == kind {
                guard s.index < oldBlocks.count else { fates[p] = .drop; continue }
                if let id = oldIDs[s.index] {
                    if let j = newByID[id], !used.contains(j) {
                        used.insert(j)
                        fates[p] = newBlocks[j] == oldBlocks[s.index] ? .keep : .rewrite(newBlocks[j])
                    } else {
                        fates[p] = .drop
                    }
                } else if var stack = newByText[oldBlocks[s.index]], let j = stack.popLast() {
                    newByText[oldBlocks[s.index]] = stack
                    used.insert(j)
                    fates[p] = .keep
                } else {
                    fates[p] = .drop
                }
            }
            let extra = newBlocks.indices.filter { !used.contains($0) && !(kind == .graph && newIDs[$0] == nil) }
            unmatched[kind] = extra.map { newBlocks[$0] }
        }
        var out: [String] = []
        func emit(_ range: Range<Int>) {
            for i in range where i >= 0 && i < lines.count { out.append(lines[i]) }
        }
        func emitBlock(_ block: String) {
            var b = block
            if b.hasSuffix("\n") { b.removeLast() }
            out.append(contentsOf: b.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        }
        // New declarations follow the spacing of the last one of their kind: a blank line before each if it had one.
        var blankBefore: [DeclarationSpan.Kind: Bool] = [:]
        var previousEnd = 0
        for s in declarations {
            blankBefore[s.kind] =
                s.leadingLine - 1 > previousEnd
                && lines[previousEnd..<min(s.leadingLine - 1, lines.count)].contains {
                    $0.trimmingCharacters(in: .whitespaces).isEmpty
                }
            previousEnd = s.lastLine
        }
        func emitNew(_ kind: DeclarationSpan.Kind) {
            for block in unmatched[kind] ?? [] {
                if let last = out.last, !last.trimmingCharacters(in: .whitespaces).isEmpty, blankBefore[kind] ?? true {
                    out.append("")
                }
                emitBlock(block)
            }
            unmatched[kind] = []
        }
        if lastSpanOfKind[.graph] == nil, let header = unmatched[.graph]?.first {
            emitBlock(header)
            out.append("")
            unmatched[.graph] = []
        }
        var done = 0  // lines consumed (0-based end)
        for (p, s) in declarations.enumerated() {
            let gap = done..<(s.leadingLine - 1)
            let fate = fates[p] ?? .keep
            if case .drop = fate {
                if lines[gap].contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) { emit(gap) }
            } else {
                emit(gap)
            }
            switch fate {
            case .keep: emit((s.leadingLine - 1)..<s.lastLine)
            case let .rewrite(block):
                emit((s.leadingLine - 1)..<(s.firstLine - 1))
                emitBlock(block)
            case .drop: break
            }
            done = s.lastLine
            if lastSpanOfKind[s.kind] == p { emitNew(s.kind) }
        }
        // Text after the last declaration, without the final empty piece of a trailing newline.
        var tail = Array(lines[min(done, lines.count)...])
        if tail.last == "" { tail.removeLast() }
        out.append(contentsOf: tail)
        for kind in kinds where !(unmatched[kind] ?? []).isEmpty { emitNew(kind) }
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }
}
