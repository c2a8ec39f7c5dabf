import ArgumentGraphModel
import Foundation

/// Writes attack frameworks in the ICCMA formats, and answers in the competitions' output conventions.
public enum ICCMAWriter {
    /// The framework as text. i23 numbers arguments 1…N and, when `names` differ from the numbers, lists
    /// `# i name` comment lines first; apx and tgf use the names (apx quotes names that are not plain atoms).
    ///
    /// The ICCMA formats have no attacks by sets: a collective attack is written as an attack by each member
    /// (``AttackFramework/splittingCollectiveAttacks()``); ``Graph/linkedRelationWarning(writing:keeping:)`` says so.
    public static func write(_ af: AttackFramework, names: [String]? = nil, format: ICCMAFormat) -> String {
        let af = af.hasCollectiveAttacks ? af.splittingCollectiveAttacks() : af
        // i23 without names needs none of the numbers as strings (a 14-byte header can declare 10^7 arguments).
        let given = names
        let names = names ?? (format == .i23 ? [] : (0..<af.count).map { String($0 + 1) })
        var out = ""
        out.reserveCapacity(16 * (af.count + af.attackCount))
        switch format {
        case .i23:
            if given != nil {
                for i in 0..<af.count where names[i] != String(i + 1) { out += "# \(i + 1) \(names[i])\n" }
            }
            out += "p af \(af.count)\n"
            // Straight over the table's arrays: a slice per argument cost more than the text for 10^7 arguments.
            let offsets = af.attacked.offsets, entries = af.attacked.entries
            var a = 0
            for k in entries.indices {
                while Int(offsets[a + 1]) <= k { a += 1 }
                out += "\(a + 1) \(Int(entries[k]) + 1)\n"
            }
        case .apx:
            let atoms = names.map(apxAtom)
            for a in 0..<af.count { out += "arg(\(atoms[a])).\n" }
            for a in 0..<af.count { for b in af.attacked[a] { out += "att(\(atoms[a]),\(atoms[Int(b)])).\n" } }
        case .tgf:
            // A reader drops a byte-order mark at the very start, so a first name that begins with U+FEFF gets
            // one of its own in front, or it would lose its first character on the way back.
            if names.first?.unicodeScalars.first == "\u{FEFF}" { out += "\u{FEFF}" }
            for a in 0..<af.count { out += tgfToken(names[a]) + "\n" }
            out += "#\n"
            for a in 0..<af.count {
                for b in af.attacked[a] { out += "\(tgfToken(names[a])) \(tgfToken(names[Int(b)]))\n" }
            }
        }
        return out
    }

    /// A graph's attack framework (claims, then any auxiliary arguments) in `format`, named by claim ids.
    public static func write(_ graph: Graph, options: FrameworkOptions = .init(), format: ICCMAFormat) -> String {
        let af = AttackFramework(graph, options: options)
        return write(af, names: argumentNames(graph, af), format: format)
    }

    /// Claim ids for claim arguments, then the auxiliary names.
    public static func argumentNames(_ graph: Graph, _ af: AttackFramework) -> [String] {
        (0..<af.count).map { $0 < graph.claims.count ? graph.claims[$0].id : (af.auxiliaryNames[$0] ?? "aux\($0)") }
    }

    static func apxAtom(_ name: String) -> String {
        let plain =
            name.utf8.first.map { $0 >= 0x61 && $0 <= 0x7A } == true
            && name.utf8.allSatisfy {
                ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F
            }
        if plain { return name }
        // A quoted name cannot hold '"', so the reader gives such a name only unquoted (`arg(x"y).`):
        // write it back the same way when it can stand unquoted.
        if name.utf8.contains(0x22), name.utf8.first != 0x22,
            !name.utf8.contains(where: {
                $0 == 0x2C || $0 == 0x29 || $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A
            })
        {
            return name
        }
        return "\"" + name.replacingOccurrences(of: "\"", with: "'") + "\""
    }

    static func tgfToken(_ name: String) -> String {
        String(name.map { $0 == " " || $0 == "\t" ? "_" : $0 })
    }
}
