import ArgumentGraphModel
import Foundation

// Blocks of Argdown: items with their continuation lines, relation lists nested by indentation, premise–conclusion structures.
extension ArgdownParser {
    /// An item: a line that starts something, with its continuation lines joined.
    struct Item {
        enum Kind { case top, relation(Marker), numbered(Int), inference(rule: String?), heading(Int) }
        var kind: Kind
        var line: Line
        var text: String
        var textColumn: Int
    }

    static func marker(of content: String) -> (Marker, String)? {
        // Every marker starts with one of these; most lines start with none.
        guard let f = content.utf8.first,
            f == UInt8(ascii: "<") || f == UInt8(ascii: "+") || f == UInt8(ascii: "-")
                || f == UInt8(ascii: "_") || f == UInt8(ascii: ">")
        else { return nil }
        for m in Marker.allCases where content.hasPrefix(m.rawValue) {
            let rest = content.dropFirst(m.rawValue.count)
            if rest.first == " " || rest.first == "\t" { return (m, Self.trimBlanks(rest)) }
        }
        return nil
    }

    static func numbered(_ content: String) -> (Int, String)? {
        guard content.utf8.first == UInt8(ascii: "(") else { return nil }
        guard content.first == "(", let close = content.firstIndex(of: ")") else { return nil }
        let digits = content[content.index(after: content.startIndex)..<close]
        guard !digits.isEmpty, digits.count < 6, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(digits)
        else { return nil }
        return (n, Self.trimBlanks(content[content.index(after: close)...]))
    }

    static func isDashes(_ content: String) -> Bool {
        content.utf8.first == UInt8(ascii: "-") && content.utf8.count >= 2
            && content.utf8.allSatisfy { $0 == UInt8(ascii: "-") }
    }

    static func heading(_ content: String) -> (Int, String)? {
        guard content.utf8.first == UInt8(ascii: "#") else { return nil }
        let hashes = content.prefix { $0 == "#" }
        let rest = content.dropFirst(hashes.count)
        guard (1...6).contains(hashes.count), rest.first == " " else { return nil }
        return (hashes.count, Self.trimBlanks(rest))
    }

    /// Splits a block into items.
    static func items(_ block: [Line]) -> [Item] {
        var items: [Item] = []
        var k = 0
        while k < block.count {
            let line = block[k]
            let c = line.content
            if isDashes(c) {
                // `----` (4 or more) or `--` before a numbered line: a bare inference; else `--` rule `--`.
                if c.count >= 4 || (k + 1 < block.count && numbered(block[k + 1].content) != nil) {
                    items.append(Item(kind: .inference(rule: nil), line: line, text: "", textColumn: line.column))
                    k += 1
                } else {
                    var rule: [String] = []
                    k += 1
                    let ruleLine = k < block.count && !isDashes(block[k].content) ? block[k] : line
                    while k < block.count, !isDashes(block[k].content) { rule.append(block[k].content); k += 1 }
                    k += 1
                    items.append(
                        Item(
                            kind: .inference(rule: rule.joined(separator: " ")), line: ruleLine, text: "",
                            textColumn: ruleLine.column))
                }
                continue
            }
            if items.isEmpty || k == 0, line.indent == 0, let (level, title) = heading(c) {
                items.append(Item(kind: .heading(level), line: line, text: title, textColumn: line.column + level + 1))
                k += 1
                continue
            }
            var item: Item
            if let (m, rest) = marker(of: c) {
                item = Item(
                    kind: .relation(m), line: line, text: rest, textColumn: line.column + (c.count - rest.count))
            } else if let (n, rest) = numbered(c) {
                item = Item(
                    kind: .numbered(n), line: line, text: rest, textColumn: line.column + (c.count - rest.count))
            } else if items.isEmpty
                || {
                    if case .heading = items[items.count - 1].kind { return true }; return false
                }()
            {
                item = Item(kind: .top, line: line, text: c, textColumn: line.column)
            } else {
                items[items.count - 1].text += " " + c
                k += 1
                continue
            }
            k += 1
            while k < block.count {
                let next = block[k].content
                if marker(of: next) != nil || numbered(next) != nil || isDashes(next) { break }
                item.text += " " + next
                k += 1
            }
            items.append(item)
        }
        return items
    }

    /// Parses one block; returns the argument a following premise–conclusion block belongs to, if any.
    mutating func parseBlock(_ block: [Line], pendingArgument: String?) -> String? {
        let items = Self.items(block)
        var stack: [(indent: Int, claim: String)] = []
        var pcs: [(claim: String, afterInference: Bool, location: SourceLocation)] = []
        var rules: [String] = []
        var sawInference = false
        var lastWasInference = false
        var topLevelOnly: String?
        var provisionalTop: String?
        var hadRelations = false
        for (n, item) in items.enumerated() {
            let at = loc(item.line.number, item.textColumn)
            switch item.kind {
            case let .heading(level):
                headings.removeAll { $0.level >= level }
                let tag = Self.tag(Self.stripEmoji(item.text))
                if !tag.isEmpty { headings.append((level, tag)) }
            case .top:
                guard let el = element(item.text, at: at, top: true) else { continue }
                stack = [(item.line.indent, el.claim)]
                if let ci = claimIndex[el.claim], claims[ci].isArgument,
                    items.count == 1
                        || (n + 1 < items.count
                            && {
                                if case .numbered = items[n + 1].kind { return true }; return false
                            }())
                {
                    topLevelOnly = el.claim
                }
                if let ci = claimIndex[el.claim], claims[ci].provisional { provisionalTop = el.claim }
            case let .relation(m):
                while let top = stack.last, top.indent >= item.line.indent { stack.removeLast() }
                guard let parent = stack.last?.claim else {
                    warn(
                        "relation '\(m.rawValue)' has nothing above it to relate to; skipped",
                        loc(item.line.number, item.line.column))
                    continue
                }
                guard let el = element(item.text, at: at, top: false) else { continue }
                hadRelations = true
                relate(parent: parent, marker: m, child: el.claim, at: loc(item.line.number, item.line.column))
                stack.append((item.line.indent, el.claim))
            case .numbered:
                guard let el = element(item.text, at: at, top: false) else { continue }
                pcs.append((el.claim, lastWasInference, at))
                lastWasInference = false
                stack = [(item.line.indent, el.claim)]
            case let .inference(rule):
                sawInference = true
                lastWasInference = true
                if let rule, !rule.isEmpty {
                    var r = rule
                    if let brace = r.firstIndex(of: "{") {
                        r = Self.trimBlanks(r[..<brace])
                        warn("skipped the metadata of an inference rule", at)
                    }
                    if !r.isEmpty { rules.append(r) }
                }
            }
        }
        if let top = provisionalTop, !hadRelations, let i = claimIndex[top], claims[i].provisional,
            !related.contains(top)
        {
            warn(
                "skipped an untitled paragraph without relations (prose, not an argument): \"\(Self.excerpt(claims[i].text ?? ""))\"",
                claims[i].location)
            claims[i].id = ""  // tombstone
            claimIndex[top] = nil
        } else if let top = provisionalTop, let i = claimIndex[top] {
            claims[i].provisional = false
        }
        if !pcs.isEmpty {
            var firstIsNumbered = false
            if let first = items.first, case .numbered = first.kind { firstIsNumbered = true }
            let argument = topLevelOnly ?? (firstIsNumbered ? pendingArgument : nil)
            finishPCS(pcs, argument: argument, sawInference: sawInference, rules: rules)
            return nil
        }
        return items.count == 1 ? topLevelOnly : nil
    }

    static func excerpt(_ s: String) -> String { s.count <= 40 ? s : String(s.prefix(40)) + "…" }

    mutating func finishPCS(
        _ pcs: [(claim: String, afterInference: Bool, location: SourceLocation)], argument: String?,
        sawInference: Bool, rules: [String]
    ) {
        guard let conclusion = pcs.last else { return }
        if !sawInference {
            warn(
                "premise–conclusion structure without an inference line ('--'); its last statement is taken as the conclusion",
                conclusion.location)
        }
        reconstructions.append(
            Reconstruction(
                argument: argument, premises: pcs.dropLast().map { Element(claim: $0.claim, location: $0.location) },
                conclusion: Element(claim: conclusion.claim, location: conclusion.location), rules: rules))
    }

    /// Turns each premise–conclusion structure into relations, now that every other relation is known.
    ///
    /// The premises together support the conclusion: one (linked) support, the inference, named after the
    /// argument. A named argument that another relation mentions (other than by undercutting it) or that has an
    /// author stays a claim: the premises together support it, and it supports the conclusion (the inference).
    /// Otherwise its claim is dropped, and its description and the inference rules become the support's note.
    mutating func resolveReconstructions() {
        // Decided before any relation below is added: whether another relation, or another structure, needs the
        // argument as a claim.
        var needed = Set<String>()
        for r in relations {
            needed.insert(r.from)
            needed.formUnion(r.otherPremises)
            if !r.undercut { needed.insert(r.to) }
        }
        for r in reconstructions {
            for p in r.premises where p.claim != r.argument { needed.insert(p.claim) }
            if r.conclusion.claim != r.argument { needed.insert(r.conclusion.claim) }
        }
        for r in reconstructions {
            var seen = Set<String>()
            let premises = r.premises.filter {
                $0.claim != r.argument && $0.claim != r.conclusion.claim && seen.insert($0.claim).inserted
            }
            let entry = r.argument.flatMap { claimIndex[$0] }.map { claims[$0] }
            if let arg = r.argument, let entry, needed.contains(arg) || !entry.authors.isEmpty {
                let title = "<\(entry.title ?? arg)>"
                if let first = premises.first {
                    addRelation(
                        RelationEntry(
                            kind: .support, undercut: false, from: first.claim,
                            otherPremises: premises.dropFirst().map(\.claim), to: arg, note: "premises of \(title)",
                            location: first.location))
                }
                let rid = relationIDs.make(arg + "-inference", fallback: "inference")
                inferenceOf[arg] = rid
                addRelation(
                    RelationEntry(
                        kind: .support, undercut: false, from: arg, to: r.conclusion.claim, id: rid,
                        note: "inference of \(title)" + (r.rules.isEmpty ? "" : ": " + r.rules.joined(separator: "; ")),
                        location: r.conclusion.location))
                continue
            }
            if let arg = r.argument, let i = claimIndex[arg] {
                claims[i].id = ""  // tombstone: the support stands for the argument
                claimIndex[arg] = nil
            }
            guard let first = premises.first else {
                warn(
                    "premise–conclusion structure without a premise other than its conclusion; skipped",
                    r.conclusion.location)
                continue
            }
            let rid = r.argument.map { relationIDs.make($0, fallback: "argument") }
            if let arg = r.argument, let rid { inferenceOf[arg] = rid }
            let note = ([entry?.text].compactMap { $0 } + r.rules).joined(separator: "; ")
            addRelation(
                RelationEntry(
                    kind: .support, undercut: false, from: first.claim,
                    otherPremises: premises.dropFirst().map(\.claim),
                    to: r.conclusion.claim, id: rid, note: note.isEmpty ? nil : note, location: r.conclusion.location))
        }
    }

    mutating func relate(parent: String, marker: Marker, child: String, at: SourceLocation) {
        switch marker {
        case .plus, .inSupport:
            addRelation(RelationEntry(kind: .support, undercut: false, from: child, to: parent, location: at))
        case .minus, .inAttack:
            addRelation(RelationEntry(kind: .attack, undercut: false, from: child, to: parent, location: at))
        case .outSupport:
            addRelation(RelationEntry(kind: .support, undercut: false, from: parent, to: child, location: at))
        case .outAttack:
            addRelation(RelationEntry(kind: .attack, undercut: false, from: parent, to: child, location: at))
        case .inUndercut, .underscore:
            addRelation(RelationEntry(kind: .attack, undercut: true, from: child, to: parent, location: at))
        case .outUndercut:
            addRelation(RelationEntry(kind: .attack, undercut: true, from: parent, to: child, location: at))
        case .contradiction:
            addRelation(
                RelationEntry(
                    kind: .attack, undercut: false, from: parent, to: child, note: "contradiction", location: at))
            addRelation(
                RelationEntry(
                    kind: .attack, undercut: false, from: child, to: parent, note: "contradiction", location: at))
        }
    }

    mutating func addRelation(_ r: RelationEntry) {
        if r.from == r.to {
            warn("a claim cannot \(r.undercut ? "undercut" : r.kind.rawValue) itself; relation skipped", r.location)
            return
        }
        guard
            relationKeys.insert(
                RelationKey(kind: r.kind, undercut: r.undercut, from: r.from, otherPremises: r.otherPremises, to: r.to)
            ).inserted
        else { return }
        related.insert(r.from)
        related.formUnion(r.otherPremises)
        related.insert(r.to)
        relations.append(r)
    }
}
