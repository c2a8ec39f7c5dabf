/// Every REPL command, each declared once in its group's file under `Commands/`.
///
/// A group file adds `extension CommandRegistry { static let fooCommands: [Command] = [...] }`;
/// ``standard`` concatenates the groups.
public struct CommandRegistry: Sendable {
    /// The commands, in help order.
    public let commands: [Command]
    private let byName: [String: Int]

    /// A registry of these commands; a later duplicate name or alias is ignored.
    public init(_ commands: [Command]) {
        self.commands = commands
        var d: [String: Int] = [:]
        for (i, c) in commands.enumerated() {
            for n in [c.name] + c.aliases where d[n] == nil { d[n] = i }
        }
        byName = d
    }

    /// All commands of every group.
    public static let standard = CommandRegistry(
        navigationCommands + editingCommands + syncCommands + sessionCommands + scoringCommands + comparingCommands
            + exportCommands + sourceCommands)

    /// The command with this name or alias.
    public func command(named name: String) -> Command? { byName[name].map { commands[$0] } }

    /// Every name and alias, sorted.
    public var allNames: [String] { byName.keys.sorted() }

    /// The names (not aliases) that repeat across commands, for tests.
    public var duplicateNames: [String] {
        var seen = Set<String>(), dups: [String] = []
        for c in commands { for n in [c.name] + c.aliases where !seen.insert(n).inserted { dups.append(n) } }
        return dups
    }
}
