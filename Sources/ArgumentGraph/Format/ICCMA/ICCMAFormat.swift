import ArgumentGraphModel

/// The abstract-argumentation file formats of the ICCMA competitions.
public enum ICCMAFormat: String, Sendable, CaseIterable, CustomStringConvertible {
    /// ICCMA 2023: `p af N`, then one attack `a b` per line (1-based), `#` comment lines.
    case i23
    /// Aspartix (ICCMA 2015–2021): `arg(a).` and `att(a,b).` facts.
    case apx
    /// Trivial Graph Format (ICCMA 2015–2021): node ids, a `#` line, then edges `a b`.
    case tgf

    /// The format's name as typed on the command line.
    public var description: String { rawValue }

    /// The format a path's extension names (`.i23`/`.af`, `.apx`, `.tgf`), if any.
    public static func infer(fromPath path: String) -> ICCMAFormat? {
        guard let dot = path.lastIndex(of: ".") else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "i23", "af": return .i23
        case "apx": return .apx
        case "tgf": return .tgf
        default: return nil
        }
    }
}

/// A framework read from an ICCMA file, with the name of each argument as written in the file.
public struct ICCMAFramework: Sendable {
    /// The arguments and attacks, arguments numbered from 0 in order of appearance (i23: id − 1).
    public var framework: AttackFramework
    /// Each argument's name in the file (i23: its 1-based number, made on demand).
    public var names: [String] {
        get { storedNames ?? (0..<framework.count).map { String($0 + 1) } }
        set { storedNames = newValue }
    }
    private var storedNames: [String]?

    /// The names the file gave, or nil when they are the 1-based numbers (an i23 file without `# i name` lines).
    public var givenNames: [String]? { storedNames }

    /// Creates the pair; nil names mean the 1-based numbers.
    public init(framework: AttackFramework, names: [String]?) {
        self.framework = framework
        self.storedNames = names
    }
}
