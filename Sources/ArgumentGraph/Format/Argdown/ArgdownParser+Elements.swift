import ArgumentGraphModel
import Foundation

// The elements inside a block: statements, arguments, references, tags and `{key: value}` data.
extension ArgdownParser {
    /// Parses `[Title]: text`, `<Title>: text`, a bare reference, or untitled text; defines or finds the claim.
    mutating func element(_ raw: String, at: SourceLocation, top: Bool) -> Element? {
        var s = Substring(raw)
        var title: String?
        var isArgument = false
        if let open = s.first, open == "[" || open == "<", let close = Self.closing(of: s, open: open) {
            let after = s[s.index(after: close)...]
            if after.first == ":" || Self.isBlankOnly(after) || after.first == " " {
                title = Self.trimBlanks(Self.unescape(String(s[s.index(after: s.startIndex)..<close])))
                isArgument = open == "<"
                s = after.first == ":" ? after.dropFirst() : after
            }
        }
        var (text, tags, meta, skippedKeys) = Self.inline(String(s))
        if !skippedKeys.isEmpty {
            warn(
                "skipped metadata \(skippedKeys.map { "'\($0)'" }.joined(separator: ", ")) (only author and kind are read)",
                at)
        }
        if title?.isEmpty == true { title = nil }
        if let t = title {
            let id = define(title: t, text: text.isEmpty ? nil : text, isArgument: isArgument, at: at)
            annotate(id, tags: tags, meta: meta)
            return Element(claim: id, location: at)
        }
        guard !text.isEmpty else {
            warn("empty statement skipped", at)
            return nil
        }
        let words = text.split(separator: " ").prefix(6).joined(separator: " ")
        let id = ids.make(IDMaker.slugify(words, maxLength: 40), fallback: "statement")
        var entry = ClaimEntry(id: id, text: text, title: nil, isArgument: false, location: at)
        entry.tags = headings.map(\.tag)
        entry.provisional = top
        claimIndex[id] = claims.count
        claims.append(entry)
        annotate(id, tags: tags, meta: meta)
        text = ""
        return Element(claim: id, location: at)
    }

    /// Finds or creates the claim for a statement or argument title; the first text given wins.
    mutating func define(title: String, text: String?, isArgument: Bool, at: SourceLocation) -> String {
        if let id = isArgument ? argumentTitles[title] : statementTitles[title], let i = claimIndex[id] {
            if claims[i].text == nil, let text { claims[i].text = text }
            return id
        }
        let id = ids.make(title, fallback: isArgument ? "argument" : "statement")
        if isArgument { argumentTitles[title] = id } else { statementTitles[title] = id }
        var entry = ClaimEntry(id: id, text: text, title: title, isArgument: isArgument, location: at)
        entry.tags = headings.map(\.tag)
        claimIndex[id] = claims.count
        claims.append(entry)
        return id
    }

    mutating func annotate(_ id: String, tags: [String], meta: [String: [String]]) {
        guard let i = claimIndex[id] else { return }
        for t in tags where !claims[i].tags.contains(t) { claims[i].tags.append(t) }
        for a in (meta["author"] ?? []) + (meta["authors"] ?? []) where !claims[i].authors.contains(a) {
            claims[i].authors.append(a)
        }
        if let k = meta["kind"]?.first, let kind = ClaimKind(rawValue: k.lowercased()) { claims[i].kind = kind }
    }

    static func closing(of s: Substring, open: Character) -> Substring.Index? {
        let close: Character = open == "[" ? "]" : ">"
        var k = s.index(after: s.startIndex)
        while k < s.endIndex {
            if s[k] == "\\" { k = s.index(after: k); if k < s.endIndex { k = s.index(after: k) }; continue }
            if s[k] == close { return k }
            k = s.index(after: k)
        }
        return nil
    }

    /// Splits text into its words (unescaped, whitespace collapsed), `#tags` and `{metadata}`.
    static func inline(_ raw: String) -> (String, [String], [String: [String]], [String]) {
        // Without an escape, a tag or metadata, the text is the words.
        if !raw.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "{") })
        {
            return (collapseWhitespace(raw), [], [:], [])
        }
        let chars = Array(raw)
        var text = ""
        var tags: [String] = []
        var meta: [String: [String]] = [:]
        var skipped: [String] = []
        var k = 0
        while k < chars.count {
            let c = chars[k]
            if c == "\\", k + 1 < chars.count { text.append(chars[k + 1]); k += 2; continue }
            if c == "#", k == 0 || chars[k - 1].isWhitespace, k + 1 < chars.count, !chars[k + 1].isWhitespace,
                chars[k + 1] != "#"
            {
                var j = k + 1
                var name = ""
                if chars[j] == "(" {
                    j += 1
                    while j < chars.count, chars[j] != ")" { name.append(chars[j]); j += 1 }
                    j += 1
                } else {
                    while j < chars.count, !chars[j].isWhitespace, !",;()[]{}".contains(chars[j]) {
                        name.append(chars[j]); j += 1
                    }
                    while let last = name.last, ".:!?".contains(last) { name.removeLast(); j -= 1 }
                }
                let t = tag(name)
                if !t.isEmpty, !tags.contains(t) { tags.append(t) }
                k = j
                continue
            }
            if c == "{" {
                var depth = 0, j = k
                var inQuote: Character?
                while j < chars.count {
                    let d = chars[j]
                    if let q = inQuote {
                        if d == "\\" { j += 1 } else if d == q { inQuote = nil }
                    } else if d == "\"" || d == "'" {
                        inQuote = d
                    } else if d == "{" {
                        depth += 1
                    } else if d == "}" {
                        depth -= 1; if depth == 0 { break }
                    }
                    j += 1
                }
                let body = String(chars[(k + 1)..<min(j, chars.count)])
                for (key, values) in metadata(body) {
                    if ["author", "authors", "kind"].contains(key) {
                        meta[key, default: []] += values
                    } else {
                        skipped.append(key)
                    }
                }
                k = j + 1
                continue
            }
            text.append(c)
            k += 1
        }
        return (collapseWhitespace(text), tags, meta, skipped)
    }

    /// The words of the text, one space between each: runs of white space become one space, and none is left at either end.
    static func collapseWhitespace(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else {
            return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }
        // ASCII: white space is tab to carriage return and the space, as Character.isWhitespace has it.
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var pending = false
        for b in utf8 {
            if b == 0x20 || (0x09...0x0D).contains(b) { pending = !out.isEmpty; continue }
            if pending { out.append(0x20); pending = false }
            out.append(b)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A YAML-ish flow mapping `key: value, key: [a, "b"]` as keys and string values.
    static func metadata(_ body: String) -> [(String, [String])] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        var inQuote: Character?
        var escaped = false
        for c in body {
            if escaped { current.append(c); escaped = false; continue }
            if let q = inQuote {
                if c == "\\" { escaped = true; current.append(c); continue }
                if c == q { inQuote = nil }
                current.append(c); continue
            }
            switch c {
            case "\"", "'": inQuote = c; current.append(c)
            case "[", "{": depth += 1; current.append(c)
            case "]", "}": depth -= 1; current.append(c)
            case "," where depth == 0: parts.append(current); current = ""
            default: current.append(c)
            }
        }
        parts.append(current)
        var out: [(String, [String])] = []
        for part in parts {
            guard let colon = part.firstIndex(of: ":") else { continue }
            let key = Self.trimBlanks(part[..<colon])
            var value = Self.trimBlanks(part[part.index(after: colon)...])
            var values: [String] = []
            if value.hasPrefix("[") && value.hasSuffix("]") {
                value = String(value.dropFirst().dropLast())
                values = splitList(value)
            } else {
                values = [unquote(value)]
            }
            if !key.isEmpty { out.append((key, values.filter { !$0.isEmpty })) }
        }
        return out
    }

    static func splitList(_ s: String) -> [String] {
        var items: [String] = []
        var current = ""
        var inQuote: Character?
        var escaped = false
        for c in s {
            if escaped { current.append(c); escaped = false; continue }
            if let q = inQuote {
                if c == "\\" { escaped = true; current.append(c); continue }
                if c == q { inQuote = nil }
                current.append(c); continue
            }
            if c == "\"" || c == "'" {
                inQuote = c; current.append(c)
            } else if c == "," {
                items.append(unquote(current)); current = ""
            } else {
                current.append(c)
            }
        }
        items.append(unquote(current))
        return items
    }

    static func unquote(_ s: String) -> String {
        let t = Self.trimBlanks(s)
        guard t.count >= 2, let f = t.first, f == "\"" || f == "'", t.last == f else { return t }
        var out = ""
        var escaped = false
        for c in t.dropFirst().dropLast() {
            if escaped {
                out.append(c); escaped = false
            } else if c == "\\" && f == "\"" {
                escaped = true
            } else {
                out.append(c)
            }
        }
        return out
    }

    static func unescape(_ s: String) -> String {
        var out = ""
        var escaped = false
        for c in s {
            if escaped { out.append(c); escaped = false } else if c == "\\" { escaped = true } else { out.append(c) }
        }
        return out
    }

    /// A tag as a slug: kept when it already is one, else lowercased with other characters as `-`.
    static func tag(_ name: String) -> String { Slug.isValid(name) ? name : IDMaker.slugify(name, maxLength: 40) }

    /// Removes `:emoji:` codes such as `:heart:`.
    static func stripEmoji(_ s: String) -> String {
        var out = s
        // The regular expression is costly to run; a heading without two colons has no code to remove.
        guard s.utf8.lazy.filter({ $0 == UInt8(ascii: ":") }).count >= 2 else { return s }
        while let r = out.range(of: #":[a-z0-9_+-]+:"#, options: .regularExpression) { out.removeSubrange(r) }
        return out
    }
}
