import ArgumentGraphModel
import ArgumentGraphText

/// A theme of a position: the entries whose claim carries one tag.
public struct PositionTheme: Sendable, Hashable {
    /// The tag, or nil for claims without tags.
    public let tag: String?
    /// The entries filed under the tag, by claim index.
    public let entries: [PositionEntry]
}

/// The counts that sum up a position in one line.
public struct PositionSummary: Sendable, Hashable, CustomStringConvertible {
    /// Claims asserted.
    public let asserted: Int
    /// Claims denied.
    public let denied: Int
    /// Claims both asserted and denied.
    public let mixed: Int
    /// Claims implied (0 unless implied claims were requested).
    public let implied: Int
    /// Asserted claims under at least one outside attack (see ``Unanswered``).
    public let attacked: Int
    /// Outside attacks that the position does not answer.
    public let unanswered: Int

    /// For example `5 asserted, 1 denied; 3 attacked by others, 2 attacks unanswered`.
    public var description: String {
        var head = "\(asserted) asserted, \(denied) denied"
        if mixed > 0 { head += ", \(mixed) both asserted and denied" }
        if implied > 0 { head += ", \(implied) implied" }
        return head + "; \(attacked) attacked by others, \(NumberText.counted(unanswered, "attack")) unanswered"
    }
}

extension Position {
    /// The entries grouped by theme: each claim is filed under its first tag (its main theme); tags are
    /// sorted, and claims without tags come last under a nil tag.
    public func themes(in graph: Graph) -> [PositionTheme] {
        var byTag: [String: [PositionEntry]] = [:]
        var untagged: [PositionEntry] = []
        for e in entries {
            if let tag = graph.claims[e.claim].tags.first {
                byTag[tag, default: []].append(e)
            } else {
                untagged.append(e)
            }
        }
        var themes = byTag.keys.sorted().map { PositionTheme(tag: $0, entries: byTag[$0] ?? []) }
        if !untagged.isEmpty { themes.append(PositionTheme(tag: nil, entries: untagged)) }
        return themes
    }

    /// The one-line summary: how many claims asserted, denied, attacked by others, and attacks left unanswered.
    public func summary(in graph: Graph) -> PositionSummary {
        let attacks = Unanswered.attacks(on: self, in: graph)
        return PositionSummary(
            asserted: asserted.count, denied: denied.count, mixed: mixed.count, implied: implied.count,
            attacked: Set(attacks.map(\.target)).count,
            unanswered: attacks.filter(\.isUnanswered).count)
    }
}
