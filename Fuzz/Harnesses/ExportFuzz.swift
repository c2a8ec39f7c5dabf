// libFuzzer harness for the exporters: DOT, GraphML, native JSON, AIF and the HTML page.
//
// The input is a graph: either argraph JSON (when it starts with `{`: whatever GraphJSON.decode
// accepts), or a recipe read byte by byte that puts slices of the input into every text an exporter
// writes (ids, claim texts, tags, actor names, document titles, notes, quotes, the graph's name and
// title, claim labels), so quotes, <, >, &, braces, backslashes, line breaks, control characters,
// invalid UTF-8 (as U+FFFD) and odd Unicode all reach them. Each output must be well formed by
// construction:
//   - JSON parses back (JSONSerialization) with the same entity counts, ids and texts;
//   - GraphML parses (XMLParser) with no error, with one node per claim, one edge per relation and
//     each claim's text (less the characters XML forbids);
//   - AIF parses with one I-node per claim holding its text, unique node ids, and edges between
//     nodes that exist;
//   - DOT passes a strict tokenizer and a parser of the statements argraph writes: quoted strings
//     end, hold no raw line break and only the escapes \\, \" and \n; HTML labels balance and parse
//     as XML; every attribute is `name = one token`; one node statement per claim (plus undercut
//     points and the legend) with the claim's id, and every edge joins declared nodes;
//   - the HTML page (without its Graphviz map) has only its own elements and two scripts, an
//     escaped title, and a JSON island that cannot end its script and gives every text back
//     (Support/HTMLPageCheck.swift).
import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
@testable import ArgumentGraph

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let graph: Graph
    var options = DOTExporter.Options()
    if bytes.first == UInt8(ascii: "{") {
        do { graph = try GraphJSON.decode(Data(bytes), file: "fuzz.json") } catch { return 0 }
    } else {
        var recipe = Recipe(bytes)
        graph = recipe.graph()
        options = recipe.options(for: graph)
    }
    ExportChecks.json(graph)
    ExportChecks.graphML(graph)
    ExportChecks.aif(graph)
    ExportChecks.dot(graph, options: options)
    HTMLPageCheck.check(graph, map: options)
    return 0
}

/// Reads a graph from fuzz bytes: small numbers and length-prefixed strings.
struct Recipe {
    let bytes: [UInt8]
    var at = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func byte() -> Int {
        guard at < bytes.count else { return 0 }
        defer { at += 1 }
        return Int(bytes[at])
    }

    /// A string of up to 63 bytes, decoded as UTF-8 (invalid bytes become U+FFFD).
    mutating func string() -> String {
        let n = byte() & 63
        let end = min(bytes.count, at + n)
        defer { at = end }
        return String(decoding: bytes[at..<end], as: UTF8.self)
    }

    mutating func optional() -> String? { byte() & 1 == 0 ? nil : string() }

    /// A weight as readers give them, in [0, 1].
    mutating func weight() -> Double {
        let b = byte()
        switch b {
        case 0: return 1
        case 1: return 0
        case 2: return 1e-300
        default: return Double(b) / 255
        }
    }

    /// `id`, made unique among `taken` (readers never give two entities of a kind one id).
    static func unique(_ id: String, _ taken: inout Set<String>) -> String {
        var candidate = id, k = 2
        while !taken.insert(candidate).inserted { candidate = id + "~\(k)"; k += 1 }
        return candidate
    }

    mutating func graph() -> Graph {
        let flags = byte()
        let name = flags & 1 != 0 ? string() : nil
        let title = flags & 2 != 0 ? string() : nil
        var taken = Set<String>()
        let documents = (0..<(byte() % 3)).map { _ in
            Document(id: Self.unique(string(), &taken), title: string(), publisher: optional(), url: optional())
        }
        taken = []
        let actors = (0..<(byte() % 4)).map { _ in
            Actor(
                id: Self.unique(string(), &taken), name: string(),
                kind: ActorKind.allCases[byte() % ActorKind.allCases.count],
                affiliation: optional(), role: optional())
        }
        taken = []
        let claimCount = byte() % 8 + 1
        let claims = (0..<claimCount).map { _ in
            let id = Self.unique(string(), &taken), text = string()
            let kind = ClaimKind.allCases[byte() % ClaimKind.allCases.count]
            let tags = (0..<(byte() % 3)).map { _ in string() }
            return Claim(id: id, text: text, kind: kind, tags: tags)
        }
        var stances: [Stance] = []
        if !actors.isEmpty {
            for _ in 0..<(byte() % 6) {
                let a = byte() % actors.count, c = byte() % claimCount
                let kind: StanceKind = byte() & 1 == 0 ? .asserts : .denies
                let d = documents.isEmpty || byte() & 1 == 0 ? nil : byte() % documents.count
                let quotes = (0..<(byte() % 2)).map { _ in Quote(string()) }
                stances.append(Stance(actor: a, claim: c, kind: kind, document: d, quotes: quotes))
            }
        }
        let relationCount = byte() % 10
        taken = []
        var relations: [Relation] = []
        for i in 0..<relationCount {
            let k = byte()
            let source = byte() % claimCount
            let target: RelationTarget
            let kind: RelationKind
            if k & 3 == 3, relationCount > 1 {
                var t = byte() % relationCount
                if t == i { t = (t + 1) % relationCount }
                target = .relation(t); kind = .attack
            } else {
                target = .claim(byte() % claimCount); kind = k & 1 == 0 ? .support : .attack
            }
            let id = k & 4 != 0 ? Self.unique(string(), &taken) : nil
            let note = k & 8 != 0 ? string() : nil
            let actor = k & 16 != 0 && !actors.isEmpty ? byte() % actors.count : nil
            relations.append(
                Relation(id: id, kind: kind, source: source, target: target, weight: weight(), actor: actor, note: note)
            )
        }
        return Graph(
            name: name, title: title, description: flags & 4 != 0 ? string() : nil, documents: documents,
            actors: actors, claims: claims, stances: stances, relations: relations)
    }

    mutating func options(for graph: Graph) -> DOTExporter.Options {
        var o = DOTExporter.Options()
        let f = byte()
        o.direction = DOTExporter.Direction.allCases[f % 4]
        o.clustering = DOTExporter.Clustering.allCases[(f >> 2) % 3]
        o.showIDs = f & 16 != 0
        o.legend = f & 32 == 0
        o.wrapWidth = byte() % 40
        if f & 64 != 0 { o.strengths = graph.claims.indices.map { _ in weight() } }
        if f & 128 != 0 { o.labels = graph.claims.indices.map { _ in string() } }
        if byte() & 1 != 0 { o.title = string() }
        if graph.actors.count >= 2, byte() & 1 != 0 { o.compare = (graph.actors[0].id, graph.actors[1].id) }
        return o
    }
}

enum ExportChecks {
    static func fail(_ what: String, _ output: String) -> Never {
        fatalError("\(what)\n--- output:\n\(output)")
    }

    // MARK: JSON

    /// `text` without U+FEFF. Foundation's JSONSerialization on Linux drops a U+FEFF at the start
    /// of a string or right after an escape (`"\u0006\u{FEFF}"` reads as `"\u0006"`); JSONDecoder,
    /// which argraph reads with, keeps it. The checks compare texts without it.
    static func noBOM(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.append(contentsOf: text.unicodeScalars.filter { $0 != "\u{FEFF}" })
        return out
    }

    static func json(_ graph: Graph) {
        let data = GraphJSON.encode(graph)
        let text = String(decoding: data, as: UTF8.self)
        guard let root = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            fail("JSON: does not parse", text)
        }
        func array(_ key: String) -> [[String: Any]] { root[key] as? [[String: Any]] ?? [] }
        let claims = array("claims")
        if claims.count != graph.claims.count || array("relations").count != graph.relations.count
            || array("actors").count != graph.actors.count || array("stances").count != graph.stances.count
            || array("documents").count != graph.documents.count
        {
            fail("JSON: entity counts changed", text)
        }
        for (c, claim) in zip(claims, graph.claims)
        where (c["id"] as? String).map(noBOM) != noBOM(claim.id)
            || (c["text"] as? String).map(noBOM) != noBOM(claim.text)
        {
            let got = [c["id"] as? String, c["text"] as? String].map {
                $0.map { $0.unicodeScalars.map { String($0.value, radix: 16) } }
            }
            let had = [claim.id, claim.text].map { $0.unicodeScalars.map { String($0.value, radix: 16) } }
            fail(
                "JSON: claim \(claim.id.debugDescription) changed: scalars \(had) came back as \(got.map { $0 ?? [] })",
                text)
        }
    }

    // MARK: GraphML

    /// Collects nodes, edges and data values from GraphML.
    final class GraphMLCounter: NSObject, XMLParserDelegate {
        var nodes = 0, edges = 0
        var texts: [String] = []
        var current: String?
        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            if name == "node" { nodes += 1 }
            if name == "edge" { edges += 1 }
            if name == "data", attributes["key"] == "n_text" { current = "" }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { current? += string }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "data", let c = current { texts.append(c); current = nil }
        }
    }

    /// `text` less what XML 1.0 cannot hold (what the GraphML writer drops).
    static func xmlChars(_ text: String) -> String {
        var out = ""
        for s in text.unicodeScalars {
            let v = s.value
            if (v < 0x20 && v != 0x9 && v != 0xA && v != 0xD) || v == 0xFFFE || v == 0xFFFF { continue }
            out.unicodeScalars.append(s)
        }
        return out
    }

    static func graphML(_ graph: Graph) {
        let text = GraphMLWriter.write(graph)
        let parser = XMLParser(data: Data(text.utf8))
        let counter = GraphMLCounter()
        parser.delegate = counter
        if !parser.parse() {
            fail(
                "GraphML: does not parse: \(parser.parserError.map { "\($0)" } ?? "?") at line \(parser.lineNumber)",
                text)
        }
        if counter.nodes != graph.claims.count || counter.edges != graph.relations.count {
            fail(
                "GraphML: \(counter.nodes) nodes and \(counter.edges) edges for \(graph.claims.count) claims and \(graph.relations.count) relations",
                text)
        }
        let expected = graph.claims.map { xmlChars($0.text) }
        if counter.texts.map({ Array($0.unicodeScalars) }) != expected.map({ Array($0.unicodeScalars) }) {
            fail(
                "GraphML: claim texts changed: \(counter.texts.map(\.debugDescription)) for \(expected.map(\.debugDescription))",
                text)
        }
    }

    // MARK: AIF

    static func aif(_ graph: Graph) {
        let data = AIFWriter.write(graph)
        let text = String(decoding: data, as: UTF8.self)
        guard let root = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
            let nodes = root["nodes"] as? [[String: Any]], let edges = root["edges"] as? [[String: Any]]
        else {
            fail("AIF: does not parse", text)
        }
        var ids = Set<String>()
        for n in nodes {
            guard let id = n["nodeID"] as? String, ids.insert(id).inserted else {
                fail("AIF: node id \(String(describing: n["nodeID"])) repeated", text)
            }
        }
        let inodes = nodes.filter { $0["type"] as? String == "I" }
        if inodes.count != graph.claims.count {
            fail("AIF: \(inodes.count) I-nodes for \(graph.claims.count) claims", text)
        }
        for (n, claim) in zip(inodes, graph.claims)
        where (n["nodeID"] as? String).map(noBOM) != noBOM(claim.id)
            || (n["text"] as? String).map(noBOM) != noBOM(claim.text)
        {
            fail("AIF: claim \(claim.id.debugDescription) changed", text)
        }
        for e in edges {
            guard let from = e["fromID"] as? String, let to = e["toID"] as? String, ids.contains(from), ids.contains(to)
            else {
                fail("AIF: an edge joins a node that does not exist: \(e)", text)
            }
        }
    }

    // MARK: DOT

    static func dot(_ graph: Graph, options: DOTExporter.Options) {
        let text = DOTExporter.write(graph, options: options)
        var checker = DOTChecker(text)
        checker.check()
        let undercut = graph.relations.indices.filter { graph.relationsTo.degree($0) > 0 }
        // A claim's node is named by its id, or `@c<index>` when the id cannot be shown as it is.
        let names = graph.claims.enumerated().map { c, claim in
            claim.id.hasPrefix("@")
                || claim.id.unicodeScalars.contains(where: {
                    $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0.value == 0x2028 || $0.value == 0x2029
                })
                ? "@c\(c)" : claim.id
        }
        var expectedNodes = Set(names)
        for r in undercut { expectedNodes.insert("@r\(r)") }
        if options.legend, checker.nodes.contains("@legend") { expectedNodes.insert("@legend") }
        if checker.nodes.count != Set(checker.nodes).count { fail("DOT: a node is declared twice", text) }
        if Set(checker.nodes) != expectedNodes {
            fail(
                "DOT: node statements \(checker.nodes.map(\.debugDescription)) for claims \(graph.claims.map(\.id.debugDescription))",
                text)
        }
        if checker.edges.count != graph.relations.count + undercut.count {
            fail(
                "DOT: \(checker.edges.count) edges for \(graph.relations.count) relations (\(undercut.count) undercut)",
                text)
        }
        let declared = Set(checker.nodes)
        for (a, b) in checker.edges where !declared.contains(a) || !declared.contains(b) {
            fail("DOT: edge \(a.debugDescription) -> \(b.debugDescription) joins an undeclared node", text)
        }
    }
}

/// A strict reader of the DOT argraph writes: tokens, then statements.
struct DOTChecker {
    enum Token: Equatable {
        case id(String)  // a bare ID or a numeral
        case quoted(String)  // the unescaped body of a quoted string
        case html(String)  // the body of <...>
        case punct(String)  // { } [ ] ; , = ->
    }

    let text: String
    var tokens: [Token] = []
    var pos = 0
    /// Node statements' ids and edge statements' ends, in order.
    var nodes: [String] = []
    var edges: [(String, String)] = []

    init(_ text: String) { self.text = text }

    func fail(_ what: String) -> Never { ExportChecks.fail("DOT: " + what, text) }

    mutating func tokenize() {
        let s = Array(text.unicodeScalars)
        var i = 0
        func isIDStart(_ u: Unicode.Scalar) -> Bool {
            u == "_" || u.properties.isAlphabetic && u.isASCII || u.value >= 0x80
        }
        while i < s.count {
            let u = s[i]
            if u == " " || u == "\n" || u == "\t" { i += 1; continue }
            if u == "\"" {
                var body = ""
                i += 1
                while true {
                    guard i < s.count else { fail("a quoted string does not end") }
                    let v = s[i]
                    if v == "\"" { i += 1; break }
                    if v == "\n" || v == "\r" { fail("a raw line break inside a quoted string") }
                    if v.value < 0x20 || v.value == 0x7F {
                        fail("a control character U+\(String(v.value, radix: 16)) inside a quoted string")
                    }
                    if v == "\\" {
                        guard i + 1 < s.count else { fail("a backslash ends the text") }
                        let e = s[i + 1]
                        switch e {
                        case "\\": body += "\\"
                        case "\"": body += "\""
                        case "n": body += "\n"
                        default: fail("the escape \\\(e) in a quoted string (Graphviz would expand it)")
                        }
                        i += 2
                        continue
                    }
                    body.unicodeScalars.append(v)
                    i += 1
                }
                tokens.append(.quoted(body))
                continue
            }
            if u == "<" {
                var depth = 0, raw: [Unicode.Scalar] = []
                repeat {
                    guard i < s.count else { fail("an HTML label does not end") }
                    let v = s[i]
                    if v == "<" { depth += 1 }
                    if v == ">" { depth -= 1 }
                    if v == "\n" || v == "\r" { fail("a raw line break inside an HTML label") }
                    raw.append(v)
                    i += 1
                } while depth > 0
                var body = ""
                body.unicodeScalars.append(contentsOf: raw.dropFirst().dropLast())
                tokens.append(.html(body))
                continue
            }
            if u == "-" && i + 1 < s.count && s[i + 1] == ">" { tokens.append(.punct("->")); i += 2; continue }
            if "{}[];,=".unicodeScalars.contains(u) { tokens.append(.punct(String(u))); i += 1; continue }
            if isIDStart(u) {
                var id = ""
                while i < s.count, isIDStart(s[i]) || ("0"..."9").contains(s[i]) {
                    id.unicodeScalars.append(s[i]); i += 1
                }
                tokens.append(.id(id))
                continue
            }
            if u == "-" || u == "." || ("0"..."9").contains(u) {
                var id = ""
                if u == "-" { id = "-"; i += 1 }
                while i < s.count, s[i] == "." || ("0"..."9").contains(s[i]) { id.unicodeScalars.append(s[i]); i += 1 }
                if id.isEmpty || id == "-" || id.filter({ $0 == "." }).count > 1 { fail("a malformed numeral '\(id)'") }
                // A numeral must not run into an ID: Graphviz splits "1a" with a warning.
                if i < s.count, isIDStart(s[i]) { fail("a numeral runs into an ID") }
                tokens.append(.id(id))
                continue
            }
            fail("an unexpected character U+\(String(u.value, radix: 16)) outside a string")
        }
    }

    mutating func next() -> Token {
        guard pos < tokens.count else { fail("the text ends early") }
        defer { pos += 1 }
        return tokens[pos]
    }

    func peek(_ k: Int = 0) -> Token? { pos + k < tokens.count ? tokens[pos + k] : nil }

    mutating func expect(_ p: String) {
        let t = next()
        if t != .punct(p) { fail("expected '\(p)', found \(t)") }
    }

    static func idValue(_ t: Token) -> String? {
        switch t {
        case let .id(s), let .quoted(s), let .html(s): s
        case .punct: nil
        }
    }

    /// `[name = value, ...]`: each value is one token.
    mutating func attributes() {
        expect("[")
        if peek() == .punct("]") { pos += 1; return }
        while true {
            guard case let .id(name) = next() else { fail("an attribute name that is not a bare ID") }
            expect("=")
            let value = next()
            if Self.idValue(value) == nil { fail("attribute \(name) has no value") }
            if case let .html(body) = value { checkHTML(body) }
            switch next() {
            case .punct(","): continue
            case .punct("]"): return
            case let t: fail("attribute \(name) is followed by \(t), not ',' or ']': its value is more than one token")
            }
        }
    }

    /// An HTML-like label must be XML (Graphviz parses it as such).
    func checkHTML(_ body: String) {
        let parser = XMLParser(data: Data(("<x>" + body + "</x>").utf8))
        if !parser.parse() { fail("an HTML label is not XML: \(body)") }
    }

    mutating func statements(until close: String) {
        while true {
            guard let t = peek() else { fail("missing '\(close)'") }
            if t == .punct(close) { pos += 1; return }
            if t == .punct(";") { pos += 1; continue }
            statement()
        }
    }

    mutating func statement() {
        let first = next()
        if case let .id(kw) = first, ["graph", "node", "edge"].contains(kw), peek() == .punct("[") {
            attributes()
            return
        }
        if case .id("subgraph") = first {
            guard let name = peek(), Self.idValue(name) != nil else { fail("a subgraph without a name") }
            pos += 1
            expect("{")
            statements(until: "}")
            return
        }
        guard let a = Self.idValue(first), !(first == .punct("{")) else { fail("a statement starts with \(first)") }
        if peek() == .punct("=") {
            pos += 1
            let v = next()
            if Self.idValue(v) == nil { fail("'\(a) =' has no value") }
            return
        }
        if peek() == .punct("->") {
            pos += 1
            guard let b = Self.idValue(next()) else { fail("an edge to nothing") }
            if peek() == .punct("->") { fail("an edge chain (argraph writes one edge per statement)") }
            edges.append((a, b))
        } else {
            nodes.append(a)
        }
        if peek() == .punct("[") { attributes() }
        if peek() == .punct(";") { pos += 1 } else { fail("a statement not ended by ';'") }
    }

    mutating func check() {
        tokenize()
        guard next() == .id("digraph") else { fail("does not start with 'digraph'") }
        if peek() != .punct("{") { pos += 1 }
        expect("{")
        statements(until: "}")
        if pos != tokens.count { fail("text after the closing brace") }
    }
}
