import ArgumentGraphModel

/// How a claim fares across all extensions of a semantics.
public enum Acceptance: String, Sendable, CaseIterable {
    /// In every extension (skeptically accepted).
    case accepted
    /// In some extension but not all (credulously accepted only).
    case credulous
    /// Out in every extension: some accepted argument always defeats it.
    case rejected
    /// In no extension, but not always out.
    case undecided
}

/// The status of each claim under an extension semantics: its labels in one extension and its acceptance across all.
public struct ClaimStatus: Sendable {
    /// The semantics.
    public let semantics: ExtensionSemantics
    /// Per claim, its acceptance across all extensions.
    public let acceptance: [Acceptance]
    /// Per claim, its label in the first extension found (the grounded one for grounded, complete and ideal); nil when none exists.
    public let labels: [Label]?
    /// The number of extensions, or nil when there were more than the limit.
    public let extensionCount: Int?
}

extension Extensions {
    /// The status of every claim of `graph` under `semantics` (see ``ClaimStatus``); enumerates up to `limit`
    /// extensions, then falls back to per-claim credulous and skeptical queries.
    public static func status(
        _ graph: Graph, semantics: ExtensionSemantics, options: FrameworkOptions = .init(), limit: Int = 1000,
        cancel: (@Sendable () -> Bool)? = nil
    ) -> ClaimStatus {
        let af = AttackFramework(graph, options: options)
        let n = graph.claims.count
        let (all, complete) = enumerate(semantics, af, limit: limit, cancel: cancel)
        var acceptance = [Acceptance](repeating: .undecided, count: n)
        if complete {
            for c in 0..<n {
                let labels = all.map { $0[c] }
                if labels.isEmpty {
                    acceptance[c] = .accepted
                }  // no extension: vacuously in all (stable only)
                else if labels.allSatisfy({ $0 == .in }) {
                    acceptance[c] = .accepted
                } else if labels.contains(.in) {
                    acceptance[c] = .credulous
                } else if labels.allSatisfy({ $0 == .out }) {
                    acceptance[c] = .rejected
                }
            }
        } else {
            let g = grounded(af)
            for c in 0..<n {
                if skeptical(semantics, af, argument: c, cancel: cancel) {
                    acceptance[c] = .accepted
                } else if credulous(semantics, af, argument: c, cancel: cancel) {
                    acceptance[c] = .credulous
                } else if g[c] == .out {
                    acceptance[c] = .rejected
                }
            }
        }
        return ClaimStatus(
            semantics: semantics, acceptance: acceptance, labels: all.first.map { Array($0.prefix(n)) },
            extensionCount: complete ? all.count : nil)
    }
}

extension Strengths {
    /// All claims ranked by strength, strongest first (ties by claim order), with the full result.
    ///
    /// `cancel` is passed to ``compute(_:options:cancel:)``.
    public static func ranking(
        _ graph: Graph, options: StrengthOptions = .init(),
        cancel: (() -> Bool)? = nil
    ) -> (ranked: [(claim: Int, strength: Double)], result: StrengthResult) {
        let r = compute(graph, options: options, cancel: cancel)
        let ranked = r.strengths.enumerated().map { (claim: $0.offset, strength: $0.element) }
            .sorted { $0.strength != $1.strength ? $0.strength > $1.strength : $0.claim < $1.claim }
        return (ranked, r)
    }
}
