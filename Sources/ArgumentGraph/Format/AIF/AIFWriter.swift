import ArgumentGraphModel
import Foundation

/// Writes a graph as AIF JSON (AIFdb/OVA node set).
///
/// Claims become I-nodes (nodeID = claim id); each support an RA node, each attack a CA node,
/// each undercut a CA node aimed at the RA or CA node of the relation it attacks; a pair of
/// supports noted `rephrase (MA)` with the same actor and weight becomes one MA node (a support so noted
/// without such a pair stays an RA node, its text the note). Each asserting stance becomes an L-node
/// `Name : text` (with a locution naming the participant) linked to the I-node by an `Asserting`
/// YA node; each relation with an actor (`by:`) becomes such an L-node `Name : premises` linked to
/// its S-node by an `Arguing` (RA), `Disagreeing` (CA) or `Restating` (MA) YA node, as AIF corpora
/// anchor an inference in the speaker's illocution. An S-node's text is its relation's note (else
/// `Default Inference` / `Default Conflict`); a weight other than 1 is written as a `weight` field of
/// the S-node, outside the AIF standard (other tools ignore it). Kinds, tags, documents, quotes and
/// denials have no AIF form and are left out.
///
/// The text is written directly, byte for byte as `JSONSerialization` writes the same objects with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`: keys sorted (`edges`, `locutions`, `nodes`,
/// `participants`; `nodeID`, `text`, `type`, `weight`; `edgeID`, `fromID`, `toID`; `nodeID`, `personID`;
/// `firstname`, `participantID`, `surname`), two-space indents, `" : "` between key and value.
public enum AIFWriter {
    /// The AIF JSON bytes of `graph`, pretty-printed with sorted keys.
    public static func write(_ graph: Graph) -> Data {
        // One S-node per relation, except that mutual rephrase supports share one MA node.
        func pairKey(_ a: Int, _ b: Int) -> Int { a << 32 | b }
        var sNode = [String](repeating: "", count: graph.relations.count)
        // Whether the relation is one of a rephrase pair written as one MA node.
        var isMA = [Bool](repeating: false, count: graph.relations.count)
        var pairOf: [Int: Int] = [:]
        func isRephrase(_ r: Relation) -> Bool { r.kind == .support && r.note == AIFReader.rephraseNote && !r.isLinked }
        for (i, r) in graph.relations.enumerated() where isRephrase(r) {
            if case let .claim(t) = r.target { pairOf[pairKey(r.source, t)] = i }
        }
        // Node ids are claim ids and made-up names; a made-up name never takes a claim's id.
        var usedNames = Set(graph.claims.map(\.id))
        func fresh(_ name: String) -> String {
            var n = name
            while usedNames.contains(n) { n += "_" }
            usedNames.insert(n)
            return n
        }
        for (i, r) in graph.relations.enumerated() {
            var name = "_" + (r.id ?? "r\(i)")
            if usedNames.contains(name) { name += "-\(i)" }
            name = fresh(name)
            // One MA node reads back as both supports, each with the node's actor and weight.
            if isRephrase(r), case let .claim(t) = r.target, let back = pairOf[pairKey(t, r.source)], back < i,
                !sNode[back].isEmpty, graph.relations[back].actor == r.actor, graph.relations[back].weight == r.weight
            {
                sNode[i] = sNode[back]
                (isMA[i], isMA[back]) = (true, true)
                continue
            }
            sNode[i] = name
        }
        // The relations that write their S-node (the first of a rephrase pair does).
        var emitted = Set<String>()
        let emits = graph.relations.indices.map { emitted.insert(sNode[$0]).inserted }
        emitted = []
        // Speakers: one L and one YA node per asserting stance, then per relation with an actor, saying `said`
        // with the illocution `act` into node `to`.
        var speeches: [(actor: Int, said: String, act: String, to: String, l: String, ya: String)] = []
        func speech(_ actor: Int, _ said: String, _ act: String, _ to: String) {
            let l = speeches.count + 1
            speeches.append((actor, said, act, to, fresh("_l\(l)"), fresh("_ya\(l)")))
        }
        var seen = Set<Int>()
        for s in graph.stances where s.kind == .asserts && seen.insert(pairKey(s.actor, s.claim)).inserted {
            speech(s.actor, graph.claims[s.claim].text, "Asserting", graph.claims[s.claim].id)
        }
        seen = []
        for (i, r) in graph.relations.enumerated() where emits[i] {
            guard let a = r.actor else { continue }
            let act = isMA[i] ? "Restating" : (r.kind == .support ? "Arguing" : "Disagreeing")
            speech(a, r.premises.map { graph.claims[$0].text }.joined(separator: " "), act, sNode[i])
        }
        usedNames = []

        // The arrays in key order, each written in one pass.
        var out = JSONObjectsText()
        out.raw("{\n")
        out.array("edges")
        var edgeCount = 0
        func edge(_ from: String, _ to: String) {
            edgeCount += 1
            out.edge(number: edgeCount, from: from, to: to)
        }
        for (i, r) in graph.relations.enumerated() where emits[i] {
            // A linked relation's premises all point into its one S-node, as AIF has it.
            for p in r.premises { edge(graph.claims[p].id, sNode[i]) }
            switch r.target {
            case let .claim(c): edge(sNode[i], graph.claims[c].id)
            case let .relation(t): edge(sNode[i], sNode[t])
            }
        }
        for sp in speeches {
            edge(sp.l, sp.ya)
            edge(sp.ya, sp.to)
        }
        out.endArray(then: ",\n")
        out.array("locutions")
        for sp in speeches { out.locution(node: sp.l, person: sp.actor + 1) }
        out.endArray(then: ",\n")
        out.array("nodes")
        for c in graph.claims { out.node(id: c.id, type: "I", text: c.text) }
        for (i, r) in graph.relations.enumerated() where emits[i] {
            let type = isMA[i] ? "MA" : (r.kind == .support ? "RA" : "CA")
            let text =
                isMA[i]
                ? "Default Rephrase" : (r.note ?? (r.kind == .support ? "Default Inference" : "Default Conflict"))
            out.node(id: sNode[i], type: type, text: text, weight: r.weight == 1 ? nil : r.weight)
        }
        for sp in speeches {
            out.node(id: sp.l, type: "L", text: graph.actors[sp.actor].name + " : " + sp.said)
            out.node(id: sp.ya, type: "YA", text: sp.act)
        }
        out.endArray(then: ",\n")
        out.array("participants")
        let speaking = Set(speeches.map(\.actor))
        for a in speaking.sorted() {
            let words = graph.actors[a].name.split(separator: " ", maxSplits: 1)
            out.participant(
                first: words.first.map(String.init) ?? "", id: a + 1,
                surname: words.count > 1 ? String(words[1]) : "")
        }
        out.endArray(then: "\n}\n")
        return out.finish()
    }
}

/// Pretty-printed JSON text of the top-level arrays of objects, gathered in a small buffer that is
/// moved into the result as it fills (so that the result is not copied whole at the end).
struct JSONObjectsText {
    /// The text so far, less `bytes`.
    private var data = Data()
    /// The text not yet moved into `data`.
    private var bytes: [UInt8] = []
    /// Whether the current array has an element yet.
    private var started = false

    init() { bytes.reserveCapacity(1 << 16) }

    /// Moves `bytes` into `data` once it holds 60 KB.
    @inline(__always)
    private mutating func spill() {
        if bytes.count >= 60_000 {
            data.append(contentsOf: bytes)
            bytes.removeAll(keepingCapacity: true)
        }
    }

    /// Appends ASCII text as it is.
    mutating func raw(_ s: StaticString) { s.withUTF8Buffer { bytes.append(contentsOf: $0) } }

    /// Starts `  "name" : [`.
    mutating func array(_ name: StaticString) {
        raw("  \"")
        raw(name)
        raw("\" : [\n")
        started = false
    }

    /// Ends the array (an empty one as `JSONSerialization` writes it, `[` blank line `  ]`) and appends `tail`.
    mutating func endArray(then tail: StaticString) {
        raw("\n  ]")
        raw(tail)
    }

    /// Starts an element: the separator after the previous one and the opening brace.
    private mutating func open() {
        spill()
        if started { raw(",\n") }
        started = true
        raw("    {\n")
    }

    /// Writes `      "key" : ` (the key is plain ASCII), after `,\n` unless it is the first.
    private mutating func key(_ k: StaticString, first: Bool) {
        if !first { raw(",\n") }
        raw("      \"")
        raw(k)
        raw("\" : ")
    }

    private mutating func close() { raw("\n    }") }

    /// Appends a node object, with a `weight` when one is given.
    mutating func node(id: String, type: String, text: String, weight: Double? = nil) {
        open()
        key("nodeID", first: true); JSONText.string(id, into: &bytes)
        key("text", first: false); JSONText.string(text, into: &bytes)
        key("type", first: false); JSONText.string(type, into: &bytes)
        if let weight {
            key("weight", first: false); JSONText.number(weight, into: &bytes)
        }
        close()
    }

    /// Appends an edge object with id `_e<number>`.
    mutating func edge(number: Int, from: String, to: String) {
        open()
        key("edgeID", first: true)
        raw("\"_e")
        JSONText.integer(number, into: &bytes)
        raw("\"")
        key("fromID", first: false); JSONText.string(from, into: &bytes)
        key("toID", first: false); JSONText.string(to, into: &bytes)
        close()
    }

    /// Appends a locution object.
    mutating func locution(node: String, person: Int) {
        open()
        key("nodeID", first: true); JSONText.string(node, into: &bytes)
        key("personID", first: false); JSONText.integer(person, into: &bytes)
        close()
    }

    /// Appends a participant object.
    mutating func participant(first: String, id: Int, surname: String) {
        open()
        key("firstname", first: true); JSONText.string(first, into: &bytes)
        key("participantID", first: false); JSONText.integer(id, into: &bytes)
        key("surname", first: false); JSONText.string(surname, into: &bytes)
        close()
    }

    /// The whole text.
    mutating func finish() -> Data {
        data.append(contentsOf: bytes)
        bytes = []
        return data
    }
}

/// JSON text of scalar values.
enum JSONText {
    private static let hex = Array("0123456789abcdef".utf8)

    /// Appends `s` as a JSON string: `"` and `\` escaped, control characters as `\b \t \n \f \r` or
    /// `\u00xx`, everything else (the slash, DEL, U+2028 and U+2029 included) as its UTF-8 bytes.
    static func string(_ s: String, into out: inout [UInt8]) {
        out.append(0x22)
        var s = s
        s.withUTF8 { p in
            var start = 0
            for i in 0..<p.count {
                let b = p[i]
                guard b < 0x20 || b == 0x22 || b == 0x5C else { continue }
                if start < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: p[start..<i])) }
                start = i + 1
                switch b {
                case 0x22: out.append(contentsOf: [0x5C, 0x22])
                case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
                case 0x08: out.append(contentsOf: [0x5C, 0x62])
                case 0x09: out.append(contentsOf: [0x5C, 0x74])
                case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
                case 0x0C: out.append(contentsOf: [0x5C, 0x66])
                case 0x0D: out.append(contentsOf: [0x5C, 0x72])
                default: out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
                }
            }
            if start < p.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: p[start..<p.count])) }
        }
        out.append(0x22)
    }

    /// Appends `n` in decimal.
    static func integer(_ n: Int, into out: inout [UInt8]) {
        out.append(contentsOf: String(n).utf8)
    }

    /// Appends a finite `x` as `JSONSerialization` writes it: a whole number without a fraction (`0`, `-0`),
    /// anything else as Swift's shortest form that reads back the same (`0.1`, `1e-07`).
    static func number(_ x: Double, into out: inout [UInt8]) {
        if x == x.rounded(), abs(x) < 1e15 {
            if x == 0, x.sign == .minus { out.append(0x2D) }
            integer(Int(x), into: &out)
        } else {
            out.append(contentsOf: x.description.utf8)
        }
    }
}
