import ArgumentGraph
import Foundation

extension CommandRegistry {
    /// Commands that compare actors, documents and graphs.
    static let comparingCommands: [Command] = [
        Command(
            "position", aliases: ["pos"], group: .comparing,
            arguments: [ArgumentSpec("WHO", .anyID)], options: [.flag("--implied")],
            summary: "What an actor (or a group a+b, or a document) asserts and denies, by theme, with quotes.",
            usage: "position ACTOR|DOCUMENT|A+B [--implied]", example: "position welch",
            details:
                "The first line sums up: claims asserted, denied, attacked by others, and attacks left unanswered. "
                + "WHO may join actors and documents with '+': 'welch+ishii' pools two actors, 'welch+stimson-2008' is what Welch said there. "
                + "--implied adds the claims that follow along the actor's own support links (or an analyst's). See docs/comparing.md."
        ) { ctx in
            try ctx.expectAtMost(1)
            let scope = try Comparing.scope(ctx, try ctx.requireArgument(0, "ACTOR"))
            let p = Position(ctx.graph, scope: scope, includeImplied: ctx.flag("--implied"))
            Comparing.write(ctx, PositionReport.position(p, in: ctx.graph, width: ctx.width))
        },
        Command(
            "compare", aliases: ["cmp"], group: .comparing,
            arguments: [ArgumentSpec("A", .anyID), ArgumentSpec("B", .anyID)], options: [.flag("--implied")],
            summary: "Common ground, conflicts, what each alone says, and an agreement index in [-1, 1].",
            usage: "compare A B [--implied]", example: "compare welch ishii",
            details: Comparison.definition
        ) { ctx in
            try ctx.expectAtMost(2)
            let a = try Comparing.scope(ctx, try ctx.requireArgument(0, "A"))
            let b = try Comparing.scope(ctx, try ctx.requireArgument(1, "B"))
            let c = Comparison(ctx.graph, a, b, includeImplied: ctx.flag("--implied"))
            Comparing.write(ctx, PositionReport.comparison(c, in: ctx.graph, width: ctx.width))
        },
        Command(
            "matrix", group: .comparing,
            options: [
                OptionSpec("--by", .choice(AgreementMatrix.Axis.allCases.map(\.rawValue))), OptionSpec("--csv", .file),
                OptionSpec("--svg", .file), .flag("--implied"),
            ],
            summary:
                "Agreement index of every pair of actors (or documents), similar ones side by side; CSV and SVG export.",
            usage: "matrix [--by actor|document] [--csv FILE|-] [--svg FILE] [--implied]",
            example: "matrix --svg agreement.svg",
            details:
                "Rows are ordered by average-linkage clustering so that similar actors sit together. '-' marks pairs with no contact. "
                + "--csv - prints the CSV instead of the table."
        ) { ctx in
            try ctx.expectAtMost(0)
            let axisName = ctx.option("--by") ?? "actor"
            guard let axis = AgreementMatrix.Axis(rawValue: axisName) else {
                throw CommandError.usage(ctx.command, "--by takes actor or document, not '\(axisName)'")
            }
            let g = ctx.graph
            let members = AgreementMatrix.memberCount(g, by: axis)
            guard members <= AgreementMatrix.maxMembers else {
                throw CommandError(
                    "\(members) \(axis.rawValue)s take stances; a matrix is computed for at most \(AgreementMatrix.maxMembers)",
                    hint: "compare two of them with 'compare A B', or export a part of the graph")
            }
            guard
                let m = AgreementMatrix(g, by: axis, includeImplied: ctx.flag("--implied"), cancel: { ctx.isCancelled })
            else {
                throw CommandError.interrupted
            }
            if m.ids.isEmpty { ctx.print("no \(axis.rawValue) takes a stance"); return }
            var wrote: [String] = []
            if let csv = ctx.option("--csv") {
                if csv == "-" {
                    Comparing.write(ctx, m.csv())
                } else {
                    try Comparing.save(m.csv(), to: csv)
                    wrote.append(csv)
                }
            }
            if let svg = ctx.option("--svg") {
                try Comparing.save(
                    MatrixSVG.render(
                        m, title: "Agreement index by \(axis.rawValue)" + (g.title.map { ": " + $0 } ?? "")), to: svg)
                wrote.append(svg)
            }
            if ctx.option("--csv") != "-" && wrote.isEmpty { Comparing.write(ctx, PositionReport.matrix(m)) }
            for f in wrote { ctx.print("wrote \(f)") }
        },
        Command(
            "conflicts", group: .comparing, arguments: [ArgumentSpec("ACTOR", .actor, optional: true)],
            summary: "Every attack between two actors' claims, grouped by pair, quotes side by side.",
            usage: "conflicts [ACTOR]", example: "conflicts tatsumi"
        ) { ctx in
            try ctx.expectAtMost(1)
            let a = try ctx.argument(0).map { try ctx.actor($0) }
            Comparing.write(
                ctx, PositionReport.conflicts(Conflicts.pairs(in: ctx.graph, actor: a), in: ctx.graph, width: ctx.width)
            )
        },
        Command(
            "unanswered", group: .comparing, arguments: [ArgumentSpec("ACTOR", .actor)], options: [.flag("--all")],
            summary: "Attacks on an actor's claims that none of their claims answers.",
            usage: "unanswered ACTOR [--all]", example: "unanswered anon-2009",
            details: Unanswered.definition + " --all lists the answered attacks too, with their answers."
        ) { ctx in
            try ctx.expectAtMost(1)
            let scope = try Comparing.scope(ctx, try ctx.requireArgument(0, "ACTOR"))
            let attacks = Unanswered.attacks(on: Position(ctx.graph, scope: scope), in: ctx.graph)
            Comparing.write(
                ctx, PositionReport.unanswered(attacks, in: ctx.graph, all: ctx.flag("--all"), width: ctx.width))
        },
        Command(
            "timeline", group: .comparing, arguments: [ArgumentSpec("ACTOR", .actor, optional: true)],
            summary: "Stances by document date, marking views restated, extended or reversed.",
            usage: "timeline [ACTOR]", example: "timeline ishii",
            details:
                "restated: the same stance on the same claim as in an earlier document; extended: a new claim supporting an earlier one; "
                + "reversed: the opposite stance to an earlier one, or an attack on an earlier claim. Undated documents come last."
        ) { ctx in
            try ctx.expectAtMost(1)
            let a = try ctx.argument(0).map { try ctx.actor($0) }
            Comparing.write(
                ctx, PositionReport.timeline(Timeline(ctx.graph, actor: a), in: ctx.graph, width: ctx.width))
        },
        Command(
            "whatif", group: .comparing,
            arguments: [
                ArgumentSpec("ACTION", .choice(["drop", "credibility", "retract", "reset"])),
                ArgumentSpec("ID", .anyID, optional: true), ArgumentSpec("X", .free, optional: true),
            ],
            options: [.setting("--threshold", "threshold")],
            summary:
                "Re-score without an actor or document, with another credibility, or without a claim, and show what changed.",
            usage: "whatif drop ACTOR|DOCUMENT | credibility ACTOR X | retract CLAIM | reset [--threshold T]",
            example: "whatif drop welch",
            details: WhatIf.dropRule
                + " The result is shown as a what-if view (the prompt names it); further what-ifs apply on top of it, "
                + "and 'whatif reset' returns to the graph as edited. Changes listed: grounded labels that flip, and strengths "
                + "(under the 'gradual' setting, with the 'credibility' overrides) that move by more than the 'threshold' setting "
                + "(default 0.05; --threshold for one run), largest first.",
            completion: { index, previous in
                switch (index, previous.first) {
                case (0, _): .choice(["drop", "credibility", "retract", "reset"])
                case (1, "drop"?): .anyID
                case (1, "credibility"?): .actor
                case (1, "retract"?): .claim
                default: .free
                }
            }
        ) { ctx in
            try Comparing.whatIf(ctx)
        },
        Command(
            "cruxes", group: .comparing,
            arguments: [ArgumentSpec("A", .actor, optional: true), ArgumentSpec("B", .actor, optional: true)],
            options: [OptionSpec("--target", .claim), OptionSpec("--limit", .free)],
            summary: "The claims on which the conflict between two actors (or a claim's strength) hinges most.",
            usage: "cruxes A B | cruxes --target CLAIM [--limit N]", example: "cruxes tatsumi washington-commentators",
            details: Cruxes.definition
        ) { ctx in
            try Comparing.cruxes(ctx)
        },
    ]
}

/// Helpers for the comparing commands.
enum Comparing {
    /// Resolves `a`, `a+b` or `actor+document` to a scope: actors pooled, restricted to the documents named.
    static func scope(_ ctx: CommandContext, _ word: String) throws -> PositionScope {
        let g = ctx.graph
        var actors = Set<Int>(), documents = Set<Int>()
        for part in word.split(separator: "+", omittingEmptySubsequences: false).map(String.init) {
            if let a = g.actorIndex(of: part) {
                actors.insert(a)
            } else if let d = g.documentIndex(of: part) {
                documents.insert(d)
            } else {
                throw CommandError.unknown("actor or document", part, among: g.actors.map(\.id) + g.documents.map(\.id))
            }
        }
        return PositionScope(actors: actors.isEmpty ? nil : actors, documents: documents.isEmpty ? nil : documents)
    }

    /// A strength as every command prints it (``NumberText/strength(_:)``).
    static func fixed(_ x: Double) -> String { NumberText.strength(x) }

    /// `whatif ACTION ...`.
    static func whatIf(_ ctx: CommandContext) throws {
        let action = try ctx.requireArgument(0, "ACTION")
        let lg = ctx.session.current
        if action == "reset" {
            try ctx.expectAtMost(1)
            guard lg.view != nil else { ctx.print("no what-if view to leave"); return }
            lg.clearView()
            ctx.print("back to the graph as edited")
            return
        }
        let analysis = try ctx.analysis()
        let threshold = analysis.threshold
        let g = ctx.graph
        let edit: EditedGraph, label: String
        var afterAnalysis = analysis
        switch action {
        case "drop":
            try ctx.expectAtMost(2)
            let id = try ctx.requireArgument(1, "ACTOR or DOCUMENT")
            if let a = g.actorIndex(of: id) {
                edit = WhatIf.drop(actor: a, from: g)
            } else if let d = g.documentIndex(of: id) {
                edit = WhatIf.drop(document: d, from: g)
            } else {
                throw CommandError.unknown("actor or document", id, among: g.actors.map(\.id) + g.documents.map(\.id))
            }
            label = "drop " + id
        case "credibility":
            try ctx.expectAtMost(3)
            let a = try ctx.actor(try ctx.requireArgument(1, "ACTOR"))
            let text = try ctx.requireArgument(2, "X")
            guard let x = Double(text), (0...1).contains(x) else {
                throw CommandError.usage(ctx.command, "credibility takes a number from 0 to 1, not '\(text)'")
            }
            edit = WhatIf.setCredibility(actor: a, to: x, in: g)
            if analysis.credibility[g.actors[a].id] != nil {
                afterAnalysis.credibility[g.actors[a].id] = x
                ctx.print(
                    "note: the session's credibility for \(g.actors[a].id) still applies to later commands; 'unset credibility \(g.actors[a].id)' drops it"
                )
            }
            label = "credibility " + g.actors[a].id + " " + text
        case "retract":
            try ctx.expectAtMost(2)
            let c = try ctx.claim(try ctx.requireArgument(1, "CLAIM"))
            edit = WhatIf.retract(claim: c, from: g)
            label = "retract " + g.claims[c].id
        default:
            throw CommandError.usage(ctx.command, "unknown action '\(action)'")
        }
        let diff = WhatIf.compare(
            before: g, after: edit, analysis: analysis, afterAnalysis: afterAnalysis, cancel: { ctx.isCancelled })
        try ctx.checkCancelled()
        let viewLabel = lg.view.map { $0.label + "; " + label } ?? label
        lg.setView(edit.graph, label: viewLabel)
        var removed: [String] = []
        if !edit.removedClaims.isEmpty {
            removed.append("\(NumberText.counted(edit.removedClaims.count, "claim"))")
        }
        if !edit.removedRelations.isEmpty {
            removed.append("\(NumberText.counted(edit.removedRelations.count, "relation"))")
        }
        if edit.removedStances > 0 {
            removed.append("\(NumberText.counted(edit.removedStances, "stance"))")
        }
        ctx.print("what if: \(label)" + (removed.isEmpty ? "" : "; removed " + removed.joined(separator: ", ")))
        if !edit.removedClaims.isEmpty {
            ctx.printWrapped(
                "removed claims: " + edit.removedClaims.map { g.claims[$0].id }.joined(separator: ", "), indent: "  ")
        }
        if diff.changes.isEmpty {
            ctx.print("no label flips and no strength moves over \(fixed(threshold)) (\(analysis.gradual.rawValue))")
        } else {
            ctx.print(
                "\(NumberText.counted(diff.changes.count, "claim")) changed (grounded labels; \(analysis.gradual.rawValue) strengths, moves over \(fixed(threshold))):"
            )
            var t = TextTable(headers: ["CLAIM", "LABEL", "STRENGTH", "CHANGE"], rightAligned: [3])
            for c in diff.changes {
                try ctx.checkCancelled()
                let lab = c.flipped ? (c.labelBefore ?? "") + " → " + (c.labelAfter ?? "") : (c.labelAfter ?? "")
                t.add([g.claims[c.claim].id, lab, fixed(c.before) + " → " + fixed(c.after), NumberText.change(c.delta)])
            }
            ctx.print(table: t)
        }
        ctx.print("(what-if view '\(viewLabel)'; 'whatif reset' returns to the graph as edited)")
    }

    /// `cruxes A B` or `cruxes --target CLAIM`.
    static func cruxes(_ ctx: CommandContext) throws {
        try ctx.expectAtMost(2)
        let g = ctx.graph
        let limit = try ctx.intOption("--limit", default: 10, in: 1...10_000)
        let analysis = try ctx.analysis()
        let ranked: [Cruxes.Crux]
        if let t = ctx.option("--target") {
            try ctx.expectAtMost(0)
            let target = try ctx.claim(t)
            ranked = Cruxes.forTarget(target, in: g, analysis: analysis, limit: limit, cancel: { ctx.isCancelled })
            try ctx.checkCancelled()
            ctx.print(
                "cruxes for \(g.claims[target].id): retracting each claim upstream and re-scoring (\(analysis.gradual.rawValue))"
            )
            if let first = ranked.first { ctx.print("strength of \(g.claims[target].id): \(fixed(first.before))") }
        } else {
            let a = try ctx.actor(try ctx.requireArgument(0, "A")), b = try ctx.actor(try ctx.requireArgument(1, "B"))
            let attacks = Cruxes.crossAttacks(g, a, b)
            guard !attacks.isEmpty else {
                ctx.print(
                    "\(g.actors[a].id) and \(g.actors[b].id) do not attack each other's claims: no conflict force to change"
                )
                return
            }
            ranked = Cruxes.between(a, b, in: g, analysis: analysis, limit: limit, cancel: { ctx.isCancelled })
            try ctx.checkCancelled()
            ctx.print(
                "cruxes between \(g.actors[a].id) and \(g.actors[b].id): \(NumberText.counted(attacks.count, "cross attack")); "
                    + "conflict force \(fixed(ranked.first?.before ?? 0)) (\(analysis.gradual.rawValue))")
        }
        if ranked.isEmpty { ctx.print("no claim upstream"); return }
        var t = TextTable(headers: ["#", "CLAIM", "ROLE", "IF RETRACTED", "CHANGE", "TEXT"], rightAligned: [0, 3, 4])
        for (i, c) in ranked.enumerated() {
            t.add([
                String(i + 1), g.claims[c.claim].id, c.role.rawValue, fixed(c.after), NumberText.change(c.delta),
                g.claims[c.claim].text,
            ])
        }
        ctx.print(table: t)
    }

    /// Writes a finished report (it ends with a newline).
    static func write(_ ctx: CommandContext, _ text: String) {
        ctx.session.output.write(text)
    }

    /// Writes text to a file atomically, or fails with the reason.
    static func save(_ text: String, to path: String) throws {
        do { try GraphFile.writeAtomically(text: text, to: path) } catch { throw CommandError(error) }
    }
}
