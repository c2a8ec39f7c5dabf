import ArgumentGraph
import Foundation

extension CommandRegistry {
    /// Commands that compute acceptability and strength.
    static let scoringCommands: [Command] = [
        Command(
            "score", group: .scoring,
            options: [.setting("--semantics", "gradual"), OptionSpec("--top", .free)],
            summary:
                "Rank all claims by gradual strength (DF-QuAD unless --semantics or 'set gradual' says otherwise).",
            usage: "score [--semantics df-quad|quadratic-energy|euler|h-categorizer] [--top N]",
            example: "score --semantics quadratic-energy --top 10",
            details:
                "Strengths are in [0, 1]; BASE is the claim's base score (see docs/scoring.md). A cyclic graph that does not settle is reported as not converged."
        ) { ctx in
            try ctx.expectAtMost(0)
            let options = try Scoring.strengthOptions(ctx)
            let top = try ctx.intOption("--top", default: Int.max, in: 1...Int.max)
            let (ranked, result) = Strengths.ranking(ctx.graph, options: options, cancel: { ctx.isCancelled })
            try ctx.checkCancelled()
            var t = TextTable(headers: ["RANK", "CLAIM", "STRENGTH", "BASE"], rightAligned: [0, 2, 3])
            for (i, r) in ranked.prefix(top).enumerated() {
                try ctx.checkCancelled()
                t.add([
                    String(i + 1), ctx.graph.claims[r.claim].id, Scoring.number(r.strength),
                    Scoring.number(result.base[r.claim]),
                ])
            }
            ctx.print(table: t)
            ctx.print(Scoring.convergence(result))
        },
        Command(
            "status", group: .scoring,
            options: [.setting("--semantics", "semantics"), .setting("--bipolar", "bipolar")],
            summary:
                "Label every claim in, out or undecided under an extension semantics, and say whether it is accepted in all extensions.",
            usage:
                "status [--semantics grounded|complete|preferred|stable|semi-stable|ideal] [--bipolar none|supported|secondary|both]",
            example: "status --semantics preferred"
        ) { ctx in
            try ctx.expectAtMost(0)
            let analysis = try ctx.analysis()
            let semantics = analysis.semantics
            // The solver polls on this thread only; the session's check (the Ctrl-C flag, or a test's) is safe to call from it.
            nonisolated(unsafe) let cancelled = ctx.session.isCancelled
            let status = Extensions.status(ctx.graph, analysis: analysis, cancel: { cancelled() })
            try ctx.checkCancelled()
            var t = TextTable(headers: ["CLAIM", "LABEL", "ACCEPTANCE"])
            for (i, c) in ctx.graph.claims.enumerated() {
                t.add([c.id, status.labels.map { $0[i].rawValue } ?? "-", status.acceptance[i].rawValue])
            }
            ctx.print(table: t)
            let count =
                status.extensionCount.map { "\(NumberText.counted($0, "extension"))" } ?? "more than 1000 extensions"
            ctx.print("\(semantics.rawValue): \(count); LABEL is from the first one found")
        },
        Command(
            "chains", group: .scoring, arguments: [ArgumentSpec("CLAIM", .claim, optional: true)],
            options: [OptionSpec("--k", .free), OptionSpec("--max-length", .free), OptionSpec.flag("--product")],
            summary:
                "The strongest lines of support into a claim: paths of supports from evidence or unsupported claims.",
            usage: "chains [CLAIM] [--k N] [--max-length N] [--product]", example: "chains . --k 3",
            details:
                "A chain's score is its weakest link (the least of its claims' strengths and link weights), or with --product their product. A step through a linked support needs all its premises: the others show as 'a (+ b) -> c' and their strengths count."
        ) { ctx in
            try ctx.expectAtMost(1)
            let claim = try ctx.claimOrFocus(0)
            let k = try ctx.intOption("--k", default: 5, in: 1...1000)
            let maxLength =
                ctx.option("--max-length") == nil ? nil : try ctx.intOption("--max-length", default: 0, in: 1...100_000)
            let result = Strengths.compute(
                ctx.graph, options: try Scoring.strengthOptions(ctx), cancel: { ctx.isCancelled })
            try ctx.checkCancelled()
            let chains = Chains.top(
                ctx.graph, to: claim, k: k, maxLength: maxLength,
                scoring: ctx.flag("--product") ? .product : .weakestLink, strengths: result.strengths,
                cancel: { ctx.isCancelled })
            try ctx.checkCancelled()
            if chains.isEmpty { ctx.print("no support chain reaches \(ctx.graph.claims[claim].id)"); return }
            for (i, c) in chains.enumerated() {
                ctx.print("\(i + 1). \(Scoring.number(c.score))  " + Scoring.chainText(c, in: ctx.graph))
            }
        },
        Command(
            "why", group: .scoring, arguments: [ArgumentSpec("CLAIM", .claim, optional: true)],
            options: [.setting("--semantics", "gradual")],
            summary:
                "Explain a claim's strength: its base score, each supporter's and attacker's contribution, and its strongest chain.",
            usage: "why [CLAIM] [--semantics S]", example: "why china-engagement"
        ) { ctx in
            try ctx.expectAtMost(1)
            let claim = try ctx.claimOrFocus(0)
            let options = try Scoring.strengthOptions(ctx)
            let g = ctx.graph
            let result = Strengths.compute(g, options: options, cancel: { ctx.isCancelled })
            try ctx.checkCancelled()
            let e = Explanation.why(g, claim: claim, result: result, options: options)
            ctx.print("\(g.claims[claim].id): strength \(Scoring.number(e.strength)) under \(e.semantics.rawValue)")
            if e.explicitBase {
                ctx.print("  base \(Scoring.number(e.base)) (declared)")
            } else if e.stanceTerms.isEmpty {
                ctx.print("  base \(Scoring.number(e.base)) (no stance: the default credibility)")
            } else {
                let terms = e.stanceTerms.map {
                    "\(g.actors[$0.actor].id) \($0.kind.rawValue) (\(Scoring.number($0.credibility)))"
                }
                ctx.printWrapped(
                    "base \(Scoring.number(e.base)) from " + terms.joined(separator: ", "), indent: "    ",
                    firstIndent: "  ")
            }
            if e.influences.isEmpty { ctx.print("  no supporter or attacker") }
            var t = TextTable(headers: ["", "FROM", "STRENGTH", "WEIGHT", "EFFECT"], rightAligned: [2, 3, 4])
            for i in e.influences {
                let weight = i.undercuts.isEmpty ? Scoring.number(i.weight) : "\(Scoring.number(i.effectiveWeight))*"
                t.add([
                    i.kind.rawValue, g.premiseText(i.premises), Scoring.number(i.premiseStrength), weight,
                    NumberText.change(i.contribution),
                ])
            }
            if !e.influences.isEmpty {
                ctx.print(lines: t.render(width: ctx.width, style: ctx.style).map { "  " + $0 })
            }
            for i in e.influences where i.premises.count > 1 {
                ctx.printWrapped(Scoring.unitText(i, in: g), indent: "    ", firstIndent: "  ")
            }
            if e.influences.contains(where: { !$0.undercuts.isEmpty }) { ctx.print("  * weight lowered by undercuts") }
            if let chain = e.chain {
                ctx.print(
                    "  strongest chain (\(Scoring.number(chain.score))): " + Scoring.chainText(chain, in: g))
            }
            if !e.converged { ctx.print("  warning: the computation did not converge; this is the last iterate") }
        },
        Command(
            "credibility", group: .scoring,
            arguments: [ArgumentSpec("ACTOR", .actor, optional: true), ArgumentSpec("VALUE", .free, optional: true)],
            summary:
                "Show the actors' credibility, or override one for this session (0 to 1), which changes derived base scores.",
            usage: "credibility [ACTOR [VALUE]]", example: "credibility welch 0.9"
        ) { ctx in
            try ctx.expectAtMost(2)
            let g = ctx.graph
            guard let id = ctx.argument(0) else {
                var t = TextTable(headers: ["ACTOR", "CREDIBILITY", "FROM"], rightAligned: [1])
                let options = try Scoring.strengthOptions(ctx)
                for (i, a) in g.actors.enumerated() {
                    let from = options.credibility[i] != nil ? "session" : (a.credibility != nil ? "graph" : "default")
                    t.add([a.id, Scoring.number(Strengths.credibility(of: i, g, options)), from])
                }
                ctx.print(table: t)
                return
            }
            let actor = try ctx.actor(id)
            guard let text = ctx.argument(1) else {
                ctx.print(
                    "\(g.actors[actor].id) = \(Scoring.number(Strengths.credibility(of: actor, g, try Scoring.strengthOptions(ctx))))"
                )
                return
            }
            try ctx.session.settings.set("credibility", [g.actors[actor].id, text])
            ctx.print(
                "\(g.actors[actor].id) = \(Scoring.number(Strengths.credibility(of: actor, g, try Scoring.strengthOptions(ctx))))"
            )
        },
    ]
}

/// Helpers shared by the scoring commands.
enum Scoring {
    /// The most claims a chain shows whole; a longer one shows its first and last claims and how many are between.
    static let chainShownWhole = 40

    /// A chain as its claims' ids joined by arrows, a linked step's co-premises after its claim (`a (+ b) -> c`),
    /// the middle of a very long chain left out and counted.
    static func chainText(_ chain: Chain, in graph: Graph) -> String {
        let claims = chain.claims
        func step(_ i: Int) -> String {
            let co = i < chain.relations.count ? chain.coPremises(at: i, in: graph) : []
            return graph.claims[claims[i]].id + (co.isEmpty ? "" : " (+ \(graph.premiseText(co)))")
        }
        let ids = { (r: Range<Int>) in r.map(step).joined(separator: " -> ") }
        guard claims.count > chainShownWhole else { return ids(claims.indices) }
        let end = chainShownWhole / 2
        return ids(0..<end) + " -> … \(claims.count - 2 * end) more claims … -> "
            + ids((claims.count - end)..<claims.count)
    }

    /// A linked influence as one unit with each premise's part:
    /// `support r7: a + b (together 0.400, weakest a 0.400, b 0.900)`.
    static func unitText(_ i: ClaimExplanation.Influence, in graph: Graph) -> String {
        let name = i.kind.rawValue + (graph.relations[i.relation].id.map { " " + $0 } ?? "")
        var parts = [
            "together \(number(i.premiseStrength))",
            "weakest \(graph.claims[i.weakestPremise].id) \(number(i.premiseStrength))",
        ]
        for (p, s) in zip(i.premises, i.premiseStrengths) where p != i.weakestPremise {
            parts.append("\(graph.claims[p].id) \(number(s))")
        }
        return "\(name): \(graph.premiseText(i.premises)) (\(parts.joined(separator: ", ")))"
    }

    /// Three decimals.
    static func number(_ x: Double) -> String { NumberText.strength(x) }

    /// The strength options the command runs with on the current graph (settings and its `--semantics`).
    static func strengthOptions(_ ctx: CommandContext) throws -> StrengthOptions {
        try ctx.analysis().strengthOptions(for: ctx.graph)
    }

    /// One line on how the strengths were reached.
    static func convergence(_ r: StrengthResult) -> String {
        if r.acyclic { return "\(r.semantics.rawValue): exact (acyclic, one pass)" }
        if r.converged { return "\(r.semantics.rawValue): converged after \(r.iterations) iterations" }
        return
            "\(r.semantics.rawValue): NOT converged after \(r.iterations) iterations; the numbers are the last iterate"
    }
}
