import ArgumentGraphText
import ArgumentGraphModel
import Foundation

// The parse behind ``AIFReader/read(_:file:)``: the node sets, their places in the text, and the mapping of
// I-, RA-, CA-, MA-, L- and YA-nodes to claims, relations and stances.
extension AIFReader {
    struct Node {
        var id: String
        var type: String
        var text: String
        /// An S-node's `weight` field (argraph's own, outside the AIF standard), when it is a number in [0, 1].
        var weight: Double? = nil
    }

    struct Parser {
        let file: String
        let text: String
        var errors: [Diagnostic] = []
        var warnings: [Diagnostic] = []

        init(file: String, text: String) {
            self.file = file
            self.text = text
        }

        func loc(line: Int, column: Int) -> SourceLocation { SourceLocation(file: file, line: line, column: column) }

        /// The place of the first occurrence of `needle` in the source, or line 1.
        func locate(_ needle: String) -> SourceLocation {
            guard let r = text.range(of: needle) else { return loc(line: 1, column: 1) }
            var line = 1, column = 1
            for ch in text[..<r.lowerBound] {
                if ch == "\n" { line += 1; column = 1 } else { column += 1 }
            }
            return loc(line: line, column: column)
        }

        /// The place of `"key": value` (value quoted or not), else of the quoted value, else line 1.
        func locate(key: String, value: String, occurrence: Int = 1) -> SourceLocation {
            let v = NSRegularExpression.escapedPattern(for: value)
            let pattern = "\"" + key + "\"\\s*:\\s*(\"" + v + "\"|" + v + "(?![0-9A-Za-z_]))"
            var start = text.startIndex
            var found: Range<String.Index>?
            for _ in 0..<max(1, occurrence) {
                guard let r = text.range(of: pattern, options: .regularExpression, range: start..<text.endIndex) else {
                    break
                }
                found = r
                start = r.upperBound
            }
            if let found { return location(of: found.lowerBound) }
            return text.contains("\"" + value + "\"") ? locate("\"" + value + "\"") : loc(line: 1, column: 1)
        }

        /// Where each `"nodeID": value` stands, found in one pass (the first declaration of each id).
        var nodeLocations: [String: SourceLocation] = [:]

        /// Fills ``nodeLocations`` in one linear pass over the text.
        mutating func indexNodeLocations() {
            guard let re = try? NSRegularExpression(pattern: #""nodeID"\s*:\s*(?:"([^"\\]*)"|(-?[0-9]+))"#) else {
                return
            }
            var line = 1, column = 1
            var cursor = text.startIndex
            for m in re.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                guard let whole = Range(m.range, in: text) else { continue }
                for ch in text[cursor..<whole.lowerBound] {
                    if ch == "\n" { line += 1; column = 1 } else { column += 1 }
                }
                cursor = whole.lowerBound
                for g in 1...2 {
                    if let r = Range(m.range(at: g), in: text), nodeLocations[String(text[r])] == nil {
                        nodeLocations[String(text[r])] = loc(line: line, column: column)
                    }
                }
            }
        }

        /// The place where node `id` is declared (line 1 when it cannot be found).
        func locate(id: String) -> SourceLocation { nodeLocations[id] ?? loc(line: 1, column: 1) }

        func location(of index: String.Index) -> SourceLocation {
            var line = 1, column = 1
            for ch in text[..<index] {
                if ch == "\n" { line += 1; column = 1 } else { column += 1 }
            }
            return loc(line: line, column: column)
        }

        mutating func error(_ message: String, _ at: SourceLocation?) {
            if errors.count < 100 { errors.append(Diagnostic(.error, message, at: at)) }
        }

        /// A JSON string or number as an id string.
        static func idString(_ value: Any?) -> String? {
            if let s = value as? String { return s }
            if let n = value as? NSNumber {
                let d = n.doubleValue
                if d.rounded() == d, abs(d) < 1e15 { return String(Int64(d)) }
                return n.stringValue
            }
            return nil
        }

        mutating func parse(_ root: Any) throws(DiagnosticError) -> ParsedGraph {
            guard let object = root as? [String: Any] else {
                throw DiagnosticError([
                    Diagnostic(
                        .error, "AIF JSON must be an object with 'nodes' and 'edges' arrays",
                        at: loc(line: 1, column: 1))
                ])
            }
            guard let rawNodes = object["nodes"] as? [Any] else {
                throw DiagnosticError([Diagnostic(.error, "AIF JSON has no 'nodes' array", at: locate("\"nodes\""))])
            }
            guard let rawEdges = object["edges"] as? [Any] else {
                throw DiagnosticError([Diagnostic(.error, "AIF JSON has no 'edges' array", at: locate("\"edges\""))])
            }
            indexNodeLocations()
            // Nodes.
            var nodes: [Node] = []
            var index: [String: Int] = [:]
            var seenAgain: [String: Int] = [:]
            for (k, raw) in rawNodes.enumerated() {
                guard let n = raw as? [String: Any] else {
                    error("nodes[\(k)] is not an object", locate("\"nodes\"")); continue
                }
                guard let id = Self.idString(n["nodeID"]) else {
                    error("nodes[\(k)] has no nodeID", locate("\"nodes\"")); continue
                }
                guard let type = n["type"] as? String else {
                    error("node '\(id)' has no type", locate(id: id)); continue
                }
                let nodeText = n["text"] as? String ?? ""
                if index[id] != nil {
                    seenAgain[id, default: 1] += 1
                    error("duplicate nodeID '\(id)'", locate(key: "nodeID", value: id, occurrence: seenAgain[id] ?? 2))
                    continue
                }
                if type == "I", n["text"] != nil, !(n["text"] is String) {
                    error("I-node '\(id)' has a text that is not a string", locate(id: id))
                }
                var weight: Double?
                if ["RA", "CA", "MA"].contains(type), let w = n["weight"] {
                    if let x = (w as? NSNumber)?.doubleValue, (0...1).contains(x) {
                        weight = x
                    } else {
                        warnings.append(
                            Diagnostic(
                                .warning, "\(type) node '\(id)' has a weight that is not a number in [0, 1]; read as 1",
                                at: locate(id: id)))
                    }
                }
                index[id] = nodes.count
                nodes.append(Node(id: id, type: type, text: nodeText, weight: weight))
            }
            // Edges.
            var out = [[Int]](repeating: [], count: nodes.count), inc = [[Int]](repeating: [], count: nodes.count)
            // A repeated edge says nothing new; kept, it would repeat relations (and multiply undercuts).
            var edgeSeen = Set<Int>()
            var repeatedEdges = 0
            for (k, raw) in rawEdges.enumerated() {
                guard let e = raw as? [String: Any] else {
                    error("edges[\(k)] is not an object", locate("\"edges\"")); continue
                }
                guard let from = Self.idString(e["fromID"]), let to = Self.idString(e["toID"]) else {
                    error(
                        "edges[\(k)] needs a fromID and a toID",
                        Self.idString(e["edgeID"]).map { locate(id: $0) } ?? locate("\"edges\""))
                    continue
                }
                guard let f = index[from] else {
                    error("edge from unknown node '\(from)'", locate(key: "fromID", value: from)); continue
                }
                guard let t = index[to] else {
                    error("edge to unknown node '\(to)'", locate(key: "toID", value: to)); continue
                }
                guard edgeSeen.insert(f * nodes.count + t).inserted else { repeatedEdges += 1; continue }
                out[f].append(t)
                inc[t].append(f)
            }
            // Locutions and participants: person ids and names.
            var personOfNode: [String: String] = [:]
            if let locutions = object["locutions"] as? [Any] {
                for raw in locutions {
                    if let l = raw as? [String: Any], let node = Self.idString(l["nodeID"]),
                        let person = Self.idString(l["personID"])
                    {
                        personOfNode[node] = person
                    }
                }
            }
            var participantName: [String: String] = [:]
            if let participants = object["participants"] as? [Any] {
                for raw in participants {
                    guard let p = raw as? [String: Any], let id = Self.idString(p["participantID"]) else { continue }
                    let name = [p["firstname"] as? String, p["surname"] as? String].compactMap { $0 }.filter {
                        !$0.isEmpty
                    }.joined(separator: " ")
                    if !name.isEmpty { participantName[id] = name }
                }
            }
            if repeatedEdges > 0 {
                warnings.append(
                    Diagnostic(
                        .warning,
                        "\(NumberText.counted(repeatedEdges, "repeated edge")) (same fromID and toID) read once",
                        at: locate("\"edges\"")))
            }
            if !errors.isEmpty { throw DiagnosticError(errors) }
            return try build(
                nodes: nodes, out: out, inc: inc, personOfNode: personOfNode, participantName: participantName)
        }

        mutating func build(
            nodes: [Node], out: [[Int]], inc: [[Int]], personOfNode: [String: String],
            participantName: [String: String]
        ) throws(DiagnosticError) -> ParsedGraph {
            var b = GraphBuilder()
            b.lint = false
            b.name = IDMaker.slugify(URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent).nilIfEmpty
            var claimIDs = IDMaker()
            var claimOf: [Int: String] = [:]
            for (i, n) in nodes.enumerated() where n.type == "I" {
                let id = claimIDs.make(n.id, fallback: "i")
                claimOf[i] = id
                var text = n.text.trimmingCharacters(in: .whitespacesAndNewlines)
                if text.isEmpty {
                    warnings.append(
                        Diagnostic(.warning, "I-node '\(n.id)' has no text; shown as '(empty)'", at: locate(id: n.id)))
                    text = "(empty)"
                }
                b.add(Claim(id: id, text: text), at: locate(id: n.id))
            }
            func isS(_ i: Int) -> Bool { ["RA", "CA", "MA"].contains(nodes[i].type) }
            // An S-node's text is its relations' note unless it is a default scheme name.
            func note(_ n: Node) -> String? {
                ["Default Inference", "Default Conflict", "Default Rephrase", ""].contains(n.text) ? nil : n.text
            }
            // The relation drafts (indices into `b.relations`) each S-node stands for, for their actor.
            var draftsOf: [Int: [Int]] = [:]

            // Relations per S-node; undercuts resolved after every S-node has its relation ids.
            var relationIDs = IDMaker()
            var relationsOf: [Int: [String]] = [:]
            var pendingUndercuts: [(premises: [String], sNode: Int, target: Int)] = []
            // Whether an S-node stands for nothing but its undercuts of one S-node: its undercut then keeps its id.
            var undercutsOnly = Set<Int>()
            for (s, n) in nodes.enumerated() where isS(s) {
                // In the order of the edges; a repeated edge was read once, so no premise repeats.
                let premises = inc[s].compactMap { claimOf[$0] }
                let conclusions = out[s].compactMap { claimOf[$0] }
                let sTargets = out[s].filter { isS($0) }
                let at = locate(id: n.id)
                let note = note(n)
                if premises.isEmpty {
                    warnings.append(
                        Diagnostic(.warning, "\(n.type) node '\(n.id)' has no I-node premise; skipped", at: at))
                    continue
                }
                if conclusions.isEmpty && sTargets.isEmpty {
                    warnings.append(Diagnostic(.warning, "\(n.type) node '\(n.id)' has no conclusion; skipped", at: at))
                    continue
                }
                let base = String(n.id.drop { !Slug.isAlnum($0.unicodeScalars.first ?? " ") })
                var ids: [String] = []
                if n.type == "MA" {
                    // A rephrase is mutual support of two statements, pair by pair.
                    let pairs = premises.flatMap { p in conclusions.map { (p, $0) } }.filter { $0.0 != $0.1 }
                    for (k, (p, c)) in pairs.enumerated() {
                        let rid = relationIDs.make(pairs.count == 1 ? base : base + "-" + String(k + 1), fallback: "r")
                        let back = relationIDs.make(rid + "-back", fallback: "r")
                        ids.append(rid)
                        b.add(
                            GraphBuilder.RelationDraft(
                                id: rid, kind: .support, source: p, target: .claim(c), weight: n.weight ?? 1,
                                note: AIFReader.rephraseNote, location: at))
                        b.add(
                            GraphBuilder.RelationDraft(
                                id: back, kind: .support, source: c, target: .claim(p), weight: n.weight ?? 1,
                                note: AIFReader.rephraseNote, location: at))
                        draftsOf[s, default: []] += [b.relations.count - 2, b.relations.count - 1]
                    }
                } else {
                    // One relation per conclusion, its premises holding together (linked when there are several).
                    for (k, c) in conclusions.enumerated() {
                        let own = premises.filter { $0 != c }
                        if own.isEmpty {
                            warnings.append(
                                Diagnostic(
                                    .warning,
                                    "\(n.type) node '\(n.id)' has no I-node premise besides its conclusion '\(c)'; skipped",
                                    at: at))
                            continue
                        }
                        let rid = relationIDs.make(
                            conclusions.count == 1 ? base : base + "-" + String(k + 1), fallback: "r")
                        ids.append(rid)
                        b.add(
                            GraphBuilder.RelationDraft(
                                id: rid, kind: n.type == "RA" ? .support : .attack, premises: own, target: .claim(c),
                                weight: n.weight ?? 1, note: note, location: at))
                        draftsOf[s, default: []].append(b.relations.count - 1)
                    }
                }
                relationsOf[s] = ids
                if conclusions.isEmpty, sTargets.count == 1 { undercutsOnly.insert(s) }
                for t in sTargets {
                    if n.type == "CA" {
                        pendingUndercuts.append((premises, s, t))
                    } else {
                        warnings.append(
                            Diagnostic(
                                .warning,
                                "\(n.type) node '\(n.id)' points at \(nodes[t].type) node '\(nodes[t].id)'; only conflicts (CA) can target an inference, so this link is skipped",
                                at: at))
                    }
                }
            }
            // Undercuts, in dependency order: a CA aimed at an S-node waits until that node has
            // relations (possibly undercuts themselves); a queue keeps this linear and cycle-safe.
            var waiting: [Int: [(premises: [String], sNode: Int)]] = [:]
            for u in pendingUndercuts { waiting[u.target, default: []].append((u.premises, u.sNode)) }
            // Each undercut of an S-node attacks every relation it stands for, so conflicts aimed at several
            // S-nodes multiply (two conflicts a level, each aimed at both of the level before: 2^k relations at
            // level k). Past the limit, an error.
            let undercutLimit = max(10_000, 16 * out.reduce(0) { $0 + $1.count })
            var undercutCount = 0
            var queue = relationsOf.keys.filter { !(relationsOf[$0] ?? []).isEmpty }.sorted()
            var head = 0
            while head < queue.count {
                let target = queue[head]
                head += 1
                guard let list = waiting.removeValue(forKey: target) else { continue }
                // The target's relations as they stand now: a conflict aimed at itself undercuts them, not its own undercuts.
                let targetRelations = relationsOf[target] ?? []
                for u in list {
                    let hadNone = (relationsOf[u.sNode] ?? []).isEmpty
                    let base = String(nodes[u.sNode].id.drop { !Slug.isAlnum($0.unicodeScalars.first ?? " ") })
                    undercutCount += targetRelations.count
                    if undercutCount > undercutLimit {
                        throw DiagnosticError([
                            Diagnostic(
                                .error,
                                "the conflicts aimed at inferences expand to more than \(undercutLimit) undercuts (CA node '\(nodes[u.sNode].id)' and those it targets); argraph reads at most that many",
                                at: locate(id: nodes[u.sNode].id))
                        ])
                    }
                    let keepsID = undercutsOnly.contains(u.sNode) && targetRelations.count == 1
                    for t in targetRelations {
                        let rid = relationIDs.make(keepsID ? base : base + "-on-" + t, fallback: "u")
                        b.add(
                            GraphBuilder.RelationDraft(
                                id: rid, kind: .attack, premises: u.premises, target: .relation(t),
                                weight: nodes[u.sNode].weight ?? 1, note: note(nodes[u.sNode]),
                                location: locate(id: nodes[u.sNode].id)))
                        draftsOf[u.sNode, default: []].append(b.relations.count - 1)
                        relationsOf[u.sNode, default: []].append(rid)
                    }
                    if hadNone, !(relationsOf[u.sNode] ?? []).isEmpty { queue.append(u.sNode) }
                }
            }
            for (target, list) in waiting.sorted(by: { $0.key < $1.key }) {
                for sNode in Set(list.map(\.sNode)).sorted() {
                    warnings.append(
                        Diagnostic(
                            .warning,
                            "CA node '\(nodes[sNode].id)' undercuts \(nodes[target].type) node '\(nodes[target].id)', which was skipped; so is the undercut",
                            at: locate(id: nodes[sNode].id)))
                }
            }

            // Speakers: an L-node's speaker asserts the I-nodes, and draws the inferences of the S-nodes, that a YA
            // node links to it (not a TA node's: a transition joins two locutions, so it names no one speaker).
            let speakerOf = speakers(nodes: nodes, personOfNode: personOfNode, participantName: participantName)
            var actorIDs = IDMaker()
            var actorOfName: [String: String] = [:]
            var stanceSeen = Set<String>()
            // The L-node whose speaker draws each S-node's relations, the first found.
            var arguedBy: [Int: Int] = [:]
            for (y, n) in nodes.enumerated() where n.type == "YA" {
                let lower = n.text.lowercased()
                if lower.contains("pure questioning") || lower.contains("challenging") { continue }
                let ends = inc[y] + out[y]
                let claims = ends.compactMap { claimOf[$0] }
                let inferences = ends.filter { !(draftsOf[$0] ?? []).isEmpty }
                guard !claims.isEmpty || !inferences.isEmpty else { continue }
                for l in ends where nodes[l].type == "L" {
                    guard let name = speakerOf[l] else {
                        warnings.append(
                            Diagnostic(
                                .warning, "L-node '\(nodes[l].id)' names no speaker", at: locate(id: nodes[l].id)))
                        continue
                    }
                    let actor: String
                    if let a = actorOfName[name] {
                        actor = a
                    } else {
                        actor = actorIDs.make(name, fallback: "speaker")
                        actorOfName[name] = actor
                        b.add(Actor(id: actor, name: name))
                    }
                    for c in claims where stanceSeen.insert(actor + "\u{0}" + c).inserted {
                        b.add(GraphBuilder.StanceDraft(actor: actor, claim: c, location: locate(id: nodes[l].id)))
                    }
                    for s in inferences {
                        if let first = arguedBy[s] {
                            if speakerOf[first] != name {
                                warnings.append(
                                    Diagnostic(
                                        .warning,
                                        "\(nodes[s].type) node '\(nodes[s].id)' is drawn by more than one speaker; read as drawn by \(speakerOf[first] ?? name) (L-node '\(nodes[first].id)')",
                                        at: locate(id: nodes[l].id)))
                            }
                            continue
                        }
                        arguedBy[s] = l
                        for k in draftsOf[s] ?? [] {
                            b.relations[k].actor = actor
                            b.relations[k].actorLocation = locate(id: nodes[l].id)
                        }
                    }
                }
            }
            let ignored = Dictionary(
                grouping: nodes.filter { !["I", "L", "YA", "TA", "RA", "CA", "MA"].contains($0.type) }, by: \.type)
            for (type, list) in ignored.sorted(by: { $0.key < $1.key }) {
                warnings.append(
                    Diagnostic(
                        .warning,
                        "skipped \(list.count) \(type) node\(list.count == 1 ? "" : "s") (argraph has no equivalent)",
                        at: locate(id: list[0].id)))
            }
            do {
                let built = try b.build()
                return ParsedGraph(graph: built.graph, warnings: warnings + built.warnings, declarations: [])
            } catch {
                throw DiagnosticError(error.diagnostics + warnings)
            }
        }

        /// The speaker of each L-node: its last `Name :` prefix, else its person's name.
        func speakers(nodes: [Node], personOfNode: [String: String], participantName: [String: String]) -> [Int: String]
        {
            var nameOfPerson = participantName
            var prefixed: [Int: String] = [:]
            for (i, n) in nodes.enumerated() where n.type == "L" {
                if let name = AIFReader.speakerPrefixes(of: n.text).last {
                    prefixed[i] = name
                    if let p = personOfNode[n.id], nameOfPerson[p] == nil { nameOfPerson[p] = name }
                }
            }
            var result: [Int: String] = [:]
            for (i, n) in nodes.enumerated() where n.type == "L" {
                // A participant list names people exactly; text prefixes are a guess.
                if let p = personOfNode[n.id], let name = participantName[p] {
                    result[i] = name
                } else if let name = prefixed[i] {
                    result[i] = name
                } else if let p = personOfNode[n.id] {
                    result[i] = nameOfPerson[p] ?? "person " + p
                }
            }
            return result
        }
    }
}
