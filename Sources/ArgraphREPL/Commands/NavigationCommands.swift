import ArgumentGraph
import Foundation

extension CommandRegistry {
    /// Commands that read and walk a graph.
    static let navigationCommands: [Command] = [
        Command(
            "info", group: .navigation,
            summary: "Counts of the current graph's documents, actors, claims and relations.",
            usage: "info", example: "info"
        ) { ctx in
            try ctx.expectAtMost(0)
            Navigation.info(ctx)
        },
        Command(
            "claims", aliases: ["ls"], group: .navigation,
            options: [
                OptionSpec("--by", .actor), OptionSpec("--in", .document), OptionSpec("--tag", .tag),
                OptionSpec("--kind", .choice(ClaimKind.allCases.map(\.rawValue))),
            ],
            summary: "List claims, optionally those held by an actor, said in a document, tagged or of a kind.",
            usage: "claims [--by ACTOR] [--in DOCUMENT] [--tag TAG] [--kind claim|evidence|proposal]",
            example: "claims --by welch --tag china"
        ) { ctx in
            try ctx.expectAtMost(0)
            try Navigation.claims(ctx)
        },
        Command(
            "actors", group: .navigation,
            summary: "List the actors with how many claims each takes a stance on.",
            usage: "actors", example: "actors"
        ) { ctx in
            try ctx.expectAtMost(0)
            var t = TextTable(headers: ["ID", "NAME", "KIND", "STANCES", "AFFILIATION"], rightAligned: [3])
            t.colours[0] = ctx.style.actor
            let g = ctx.graph
            for (i, a) in g.actors.enumerated() {
                try ctx.checkCancelled()
                t.add([
                    a.id, a.name, a.kind.rawValue, String(g.stancesOfActor.degree(i)),
                    [a.role, a.affiliation].compactMap { $0 }.joined(separator: ", "),
                ])
            }
            ctx.print(table: t)
        },
        Command(
            "documents", aliases: ["docs"], group: .navigation,
            summary: "List the documents with their dates and publishers.",
            usage: "documents", example: "documents"
        ) { ctx in
            try ctx.expectAtMost(0)
            var t = TextTable(headers: ["ID", "DATE", "PUBLISHER", "TITLE"])
            for d in ctx.graph.documents {
                try ctx.checkCancelled()
                t.add([d.id, d.date?.description ?? "", d.publisher ?? "", d.title])
            }
            ctx.print(table: t)
        },
        Command(
            "tags", group: .navigation,
            summary: "List the tags with how many claims carry each.",
            usage: "tags", example: "tags"
        ) { ctx in
            try ctx.expectAtMost(0)
            var counts: [String: Int] = [:]
            for c in ctx.graph.claims { for t in c.tags { counts[t, default: 0] += 1 } }
            var t = TextTable(headers: ["TAG", "CLAIMS"], rightAligned: [1])
            for (tag, n) in counts.sorted(by: { $0.key < $1.key }) { t.add([tag, String(n)]) }
            ctx.print(table: t)
        },
        Command(
            "show", aliases: ["s"], group: .navigation, arguments: [ArgumentSpec("ID", .anyID, optional: true)],
            options: [.flag("--context"), sourcesOption],
            summary:
                "Show a claim: its text, who asserts or denies it where, their quotes, and what supports and attacks it (or show an actor or document).",
            usage: "show [ID] [--context [--sources DIR]]", example: "show china-engagement",
            details:
                "Without an ID, shows the focused claim. --context adds each quote inside its paragraph of the source (see 'context'). The numbers before supporters and attackers are the choices of 'down N'; those before what the claim bears on are the choices of 'up N'."
        ) { ctx in
            try ctx.expectAtMost(1)
            try Navigation.show(ctx)
            if ctx.flag("--context"), ctx.argument(0).map({ $0 == "." || ctx.graph.claimIndex(of: $0) != nil }) ?? true
            {
                ctx.print()
                ctx.print(ctx.style.heading("In context"))
                ctx.print(
                    lines: SourceViews.context(
                        claim: try ctx.claimOrFocus(0), graph: ctx.graph, library: try SourceCommands.library(ctx),
                        style: ctx.style, width: ctx.width))
            }
        },
        Command(
            "go", aliases: ["cd"], group: .navigation, arguments: [ArgumentSpec("CLAIM", .claim, optional: true)],
            summary: "Focus a claim: the prompt shows it and 'up', 'down', 'show' and '.' refer to it.",
            usage: "go [CLAIM]", example: "go china-engagement",
            details:
                "Without CLAIM, focuses the claim with the most supporters and attackers: a good place to start. Wherever a command takes a claim, '.' names the focused one."
        ) { ctx in
            try ctx.expectAtMost(1)
            if let id = ctx.argument(0) {
                Navigation.move(ctx, to: try ctx.claim(id))
                return
            }
            let g = ctx.graph
            guard !g.claims.isEmpty else { throw CommandError("the graph has no claims", hint: "add claim ID TEXT") }
            var best = 0
            for c in g.claims.indices
            where g.supportsTo.degree(c) + g.attacksTo.degree(c) > g.supportsTo.degree(best) + g.attacksTo.degree(best)
            { best = c }
            Navigation.move(ctx, to: best)
        },
        Command(
            "up", group: .navigation, arguments: [ArgumentSpec("N", .free, optional: true)],
            summary: "Move to what the focused claim supports or attacks (choose by number when several).",
            usage: "up [N]", example: "up 2"
        ) { ctx in
            try ctx.expectAtMost(1)
            try Navigation.step(ctx, up: true)
        },
        Command(
            "down", group: .navigation, arguments: [ArgumentSpec("N", .free, optional: true)],
            summary: "Move to what supports or attacks the focused claim (choose by number when several).",
            usage: "down [N]", example: "down 1"
        ) { ctx in
            try ctx.expectAtMost(1)
            try Navigation.step(ctx, up: false)
        },
        Command(
            "back", group: .navigation,
            summary: "Return to the claim focused before.",
            usage: "back", example: "back"
        ) { ctx in
            try ctx.expectAtMost(0)
            let g = ctx.session.current
            guard let previous = g.trail.popLast() else {
                throw CommandError("nothing to go back to", hint: "'where' shows the trail")
            }
            g.focus = previous
            if let c = ctx.graph.claimIndex(of: previous) { Navigation.card(ctx, c) }
        },
        Command(
            "where", group: .navigation,
            summary: "Show the trail of focused claims, oldest first.",
            usage: "where", example: "where"
        ) { ctx in
            try ctx.expectAtMost(0)
            let g = ctx.session.current
            guard let f = g.focus else { ctx.print("no claim is focused (go CLAIM)"); return }
            ctx.printWrapped(
                (g.trail + [ctx.style.id(f) + " (here)"]).joined(separator: " → "), indent: "  ", firstIndent: "")
        },
        Command(
            "tree", group: .navigation, arguments: [ArgumentSpec("CLAIM", .claim, optional: true)],
            options: [OptionSpec("--depth", .free), OptionSpec("--limit", .free)],
            summary: "Indented tree of what supports (+), attacks (−) or undercuts (⊘) a claim, level by level.",
            usage: "tree [CLAIM] [--depth N] [--limit LINES]", example: "tree china-engagement --depth 2",
            details:
                "A claim already shown is marked (see above) and one that closes a cycle (cycle); neither is expanded again. The default depth is 4 and at most 500 lines are printed; a note says when the tree was cut."
        ) { ctx in
            try ctx.expectAtMost(1)
            try Navigation.tree(ctx)
        },
        Command(
            "path", group: .navigation, arguments: [ArgumentSpec("FROM", .claim), ArgumentSpec("TO", .claim)],
            options: [OptionSpec("--max", .free)],
            summary: "The shortest chains of relations leading from one claim to another (up to 3, or --max).",
            usage: "path FROM TO [--max N]", example: "path engage-china alliance-vital",
            details:
                "Follows relations in their direction (FROM supports or attacks …, which supports or attacks TO). When there is no such chain, chains from TO to FROM, then chains ignoring direction, are shown."
        ) { ctx in
            try ctx.expectAtMost(2)
            try Navigation.path(ctx)
        },
        Command(
            "find", aliases: ["search"], group: .navigation, arguments: [ArgumentSpec("TEXT", .free, repeats: true)],
            options: [OptionSpec("--limit", .free)],
            summary: "Find claims whose text or quotes contain TEXT (ignoring case and accents), or match /REGEX/.",
            usage: "find TEXT | find /REGEX/ [--limit N]", example: "find china"
        ) { ctx in
            try Navigation.find(ctx)
        },
    ]
}

/// The work behind the navigation commands.
enum Navigation {
    /// The deepest level of `tree` drawn with its own indentation.
    static let maxIndent = 24

    static func info(_ ctx: CommandContext) {
        let lg = ctx.session.current
        let g = lg.graph
        ctx.print(ctx.style.heading(lg.name) + (g.title.map { ": " + $0 } ?? ""))
        if let p = lg.path { ctx.print("file: " + p + (lg.isReadOnly ? " (bundled, read-only)" : "")) }
        var kinds: [ClaimKind: Int] = [:]
        for c in g.claims { kinds[c.kind, default: 0] += 1 }
        var t = TextTable(headers: ["WHAT", "COUNT"], rightAligned: [1])
        t.add(["documents", String(g.documents.count)])
        t.add(["actors", String(g.actors.count)])
        t.add(["claims", String(g.claims.count)])
        for k in ClaimKind.allCases { t.add(["  " + k.rawValue, String(kinds[k] ?? 0)]) }
        t.add(["stances", String(g.stances.count)])
        t.add(["supports", String(g.supportCount)])
        t.add(["attacks", String(g.attackCount)])
        t.add(["undercuts", String(g.undercutCount)])
        ctx.print(table: t)
        if lg.hasUnsavedChanges { ctx.print("unsaved changes (save to keep them)") }
        if let v = lg.view { ctx.print("showing the what-if view '\(v.label)' (view clear to leave it)") }
    }

    static func claims(_ ctx: CommandContext) throws {
        let g = ctx.graph
        var keep = [Bool](repeating: true, count: g.claims.count)
        if let by = ctx.option("--by") {
            let a = try ctx.actor(by)
            var held = [Bool](repeating: false, count: g.claims.count)
            for s in g.stancesOfActor[a] { held[g.stances[Int(s)].claim] = true }
            for i in keep.indices { keep[i] = keep[i] && held[i] }
        }
        if let doc = ctx.option("--in") {
            let d = try ctx.document(doc)
            var said = [Bool](repeating: false, count: g.claims.count)
            for s in g.stances where s.document == d { said[s.claim] = true }
            for i in keep.indices { keep[i] = keep[i] && said[i] }
        }
        if let tag = ctx.option("--tag") {
            if !g.claims.contains(where: { $0.tags.contains(tag) }) {
                throw CommandError.unknown("tag", tag, among: g.tags)
            }
            for i in keep.indices where keep[i] { keep[i] = g.claims[i].tags.contains(tag) }
        }
        if let k = ctx.option("--kind") {
            guard let kind = ClaimKind(rawValue: k) else {
                throw CommandError.usage(ctx.command, "unknown kind '\(k)' (claim, evidence or proposal)")
            }
            for i in keep.indices where keep[i] { keep[i] = g.claims[i].kind == kind }
        }
        var t = TextTable(headers: ["ID", "KIND", "+", "−", "TEXT"], rightAligned: [2, 3])
        t.colours[0] = ctx.style.id
        var n = 0
        for (i, c) in g.claims.enumerated() where keep[i] {
            if n % 1024 == 0 { try ctx.checkCancelled() }
            n += 1
            t.add([c.id, c.kind.rawValue, String(g.supportsTo.degree(i)), String(g.attacksTo.degree(i)), c.text])
        }
        if n == 0 { ctx.print("no claims match"); return }
        ctx.print(table: t)
        ctx.print(ctx.style.dim("\(NumberText.counted(n, "claim"))"))
    }

    /// The relations a claim bears on (for `up`) or that bear on it (for `down`), supports first.
    static func neighbours(_ g: Graph, _ c: Int, up: Bool) -> [(relation: Int, claim: Int)] {
        if up {
            return (Array(g.supportsFrom[c]) + Array(g.attacksFrom[c])).compactMap { r in
                g.relations[Int(r)].targetClaim.map { (Int(r), $0) }
            }
        }
        return (Array(g.supportsTo[c]) + Array(g.attacksTo[c])).map { (Int($0), g.relations[Int($0)].source) }
    }

    static func marker(_ ctx: CommandContext, _ r: Relation) -> String {
        if r.isUndercut { return ctx.style.attack("⊘") }
        return r.kind == .support ? ctx.style.support("+") : ctx.style.attack("−")
    }

    static func weight(_ w: Double) -> String { ArgWriter.number(w) }

    /// Prints `id: text` for a claim, wrapped.
    static func card(_ ctx: CommandContext, _ c: Int) {
        let claim = ctx.graph.claims[c]
        ctx.printWrapped(claim.text, indent: "  ", firstIndent: ctx.style.id(claim.id) + ": ")
    }

    static func move(_ ctx: CommandContext, to c: Int) {
        let lg = ctx.session.current
        let id = ctx.graph.claims[c].id
        if let f = lg.focus, f != id { lg.trail.append(f) }
        if lg.trail.count > 1000 { lg.trail.removeFirst(lg.trail.count - 1000) }
        lg.focus = id
        card(ctx, c)
    }

    static func step(_ ctx: CommandContext, up: Bool) throws {
        guard let f = ctx.session.current.focus, let c = ctx.graph.claimIndex(of: f) else {
            throw CommandError("no claim is focused", hint: "go CLAIM first")
        }
        let g = ctx.graph
        let choices = neighbours(g, c, up: up)
        guard !choices.isEmpty else {
            throw CommandError(
                up ? "'\(f)' supports or attacks nothing" : "nothing supports or attacks '\(f)'",
                hint: up ? "try 'down'" : "try 'up'")
        }
        if let s = ctx.argument(0) {
            guard let n = Int(s), (1...choices.count).contains(n) else {
                throw CommandError.usage(ctx.command, "choose a number from 1 to \(choices.count)")
            }
            move(ctx, to: choices[n - 1].claim)
            return
        }
        if choices.count == 1 { move(ctx, to: choices[0].claim); return }
        ctx.print("\(choices.count) choices; type '\(up ? "up" : "down") N':")
        printRelations(ctx, choices, numbered: true)
    }

    static func printRelations(
        _ ctx: CommandContext, _ list: [(relation: Int, claim: Int)], numbered: Bool, from first: Int = 1
    ) {
        let g = ctx.graph
        var t = TextTable(
            headers: numbered ? ["#", "", "ID", "W", "TEXT"] : ["", "ID", "W", "TEXT"],
            rightAligned: numbered ? [0] : [])
        t.headers = t.headers.map { _ in "" }
        var linked = false
        for (k, item) in list.enumerated() {
            let r = g.relations[item.relation]
            var text = g.claims[item.claim].text
            let undercuts = g.relationsTo[item.relation].map {
                g.premiseText(g.relations[Int($0)].premises)
            }
            if !undercuts.isEmpty { text += " [undercut by " + undercuts.joined(separator: ", ") + "]" }
            // Listed at its target, a linked relation shows every premise, the others on rows marked '&'; listed
            // at a premise, it names the others it holds with.
            let partners = r.isLinked && item.claim == r.source ? r.otherPremises : []
            if r.isLinked && item.claim != r.source {
                text += " [linked: " + g.premiseText(r.premises) + "]"
            }
            let row = [marker(ctx, r), ctx.style.id(g.claims[item.claim].id), weight(r.weight), text]
            t.add(numbered ? [String(k + first)] + row : row)
            for p in partners {
                let more = [ctx.style.dim("&"), ctx.style.id(g.claims[p].id), "", g.claims[p].text]
                t.add(numbered ? [""] + more : more)
                linked = true
            }
        }
        ctx.print(lines: t.render(width: ctx.width - 2, style: .plain).dropFirst().map { "  " + $0 })
        if linked {
            ctx.print(ctx.style.dim("  (& : a premise that gives the reason only together with the one above)"))
        }
    }

    static func show(_ ctx: CommandContext) throws {
        let g = ctx.graph
        if let id = ctx.argument(0), id != ".", g.claimIndex(of: id) == nil {
            if let a = g.actorIndex(of: id) { showActor(ctx, a); return }
            if let d = g.documentIndex(of: id) { showDocument(ctx, d); return }
            let all = g.claims.lazy.map(\.id) + g.actors.lazy.map(\.id) + g.documents.lazy.map(\.id)
            throw CommandError("unknown claim, actor or document '\(id)'", hint: Nearest.hint(for: id, in: all))
        }
        let c = try ctx.claimOrFocus(0)
        let claim = g.claims[c]
        var head = ctx.style.id(claim.id) + "  (" + claim.kind.rawValue
        if !claim.tags.isEmpty { head += "; tags: " + claim.tags.joined(separator: ", ") }
        if let b = claim.base { head += "; base " + weight(b) }
        ctx.print(head + ")")
        ctx.printWrapped(claim.text, indent: "  ", firstIndent: "  ")
        let stances = g.stances(onClaim: c)
        ctx.print()
        if stances.isEmpty {
            ctx.print(ctx.style.heading("Held by") + " no one")
        } else {
            ctx.print(ctx.style.heading("Held by"))
            for s in stances {
                let a = g.actors[s.actor]
                var line =
                    "  " + ctx.style.actor(a.id) + " "
                    + (s.kind == .asserts ? ctx.style.support("asserts") : ctx.style.attack("denies"))
                if let d = s.document {
                    let doc = g.documents[d]
                    line += " in " + doc.id + (doc.date.map { " (\($0))" } ?? "")
                }
                ctx.print(line)
                for q in s.quotes {
                    ctx.print(
                        lines: TextLayout.wrap(
                            "“" + q.text + "”" + (q.location.map { " [\($0)]" } ?? ""), width: ctx.width,
                            indent: "      ", firstIndent: "    "
                        ).map(ctx.style.quote))
                }
            }
        }
        let down = neighbours(g, c, up: false), upward = neighbours(g, c, up: true)
        let supporters = down.filter { g.relations[$0.relation].kind == .support }
        let attackers = down.filter { g.relations[$0.relation].kind == .attack }
        ctx.print()
        ctx.print(ctx.style.heading("Supported by") + (supporters.isEmpty ? " nothing" : ""))
        printRelations(ctx, supporters, numbered: true)
        ctx.print(ctx.style.heading("Attacked by") + (attackers.isEmpty ? " nothing" : ""))
        printRelations(ctx, attackers, numbered: true, from: supporters.count + 1)
        // Undercuts of the links this claim draws.
        var undercutLines: [(relation: Int, claim: Int)] = []
        for r in g.supportsFrom[c] + g.attacksFrom[c] {
            for u in g.relationsTo[Int(r)] { undercutLines.append((Int(u), g.relations[Int(u)].source)) }
        }
        ctx.print(ctx.style.heading("Bears on") + (upward.isEmpty ? " nothing" : ""))
        printRelations(ctx, upward, numbered: true)
        if !undercutLines.isEmpty {
            ctx.print(ctx.style.heading("Its links are undercut by"))
            printRelations(ctx, undercutLines, numbered: false)
        }
        if down.count + upward.count > 0 {
            ctx.print(ctx.style.dim("(to walk: go \(claim.id), then 'down N' or 'up N' by these numbers)"))
        }
    }

    static func showActor(_ ctx: CommandContext, _ a: Int) {
        let g = ctx.graph
        let actor = g.actors[a]
        ctx.print(ctx.style.actor(actor.id) + "  " + actor.name + " (" + actor.kind.rawValue + ")")
        for (k, v) in [
            ("role", actor.role), ("affiliation", actor.affiliation), ("credibility", actor.credibility.map(weight)),
        ] {
            if let v { ctx.print("  \(k): \(v)") }
        }
        var t = TextTable(headers: ["STANCE", "CLAIM", "IN", "TEXT"])
        for s in g.stances(ofActor: a) {
            t.add([
                s.kind.rawValue, g.claims[s.claim].id, s.document.map { g.documents[$0].id } ?? "",
                g.claims[s.claim].text,
            ])
        }
        ctx.print()
        if t.rows.isEmpty { ctx.print("takes no stance") } else { ctx.print(table: t) }
    }

    static func showDocument(_ ctx: CommandContext, _ d: Int) {
        let g = ctx.graph
        let doc = g.documents[d]
        ctx.print(doc.id)
        ctx.printWrapped(doc.title, indent: "  ", firstIndent: "  ")
        for (k, v) in [
            ("publisher", doc.publisher), ("date", doc.date?.description), ("url", doc.url), ("file", doc.file),
        ] {
            if let v { ctx.print("  \(k): \(v)") }
        }
        var t = TextTable(headers: ["ACTOR", "STANCE", "CLAIM", "QUOTES"], rightAligned: [3])
        for s in g.stances where s.document == d {
            t.add([g.actors[s.actor].id, s.kind.rawValue, g.claims[s.claim].id, String(s.quotes.count)])
        }
        ctx.print()
        if t.rows.isEmpty { ctx.print("no stances are taken in it") } else { ctx.print(table: t) }
    }

    static func tree(_ ctx: CommandContext) throws {
        let g = ctx.graph
        let root = try ctx.claimOrFocus(0)
        let maxDepth = try ctx.intOption("--depth", default: 4, in: 0...1_000_000)
        let limit = try ctx.intOption("--limit", default: 500, in: 1...Int.max)
        /// `joint`: a linked relation's premise after the first, drawn with '&' under the one before.
        enum Step { case enter(claim: Int, relation: Int?, depth: Int, joint: Bool), exit(Int) }
        var stack: [Step] = [.enter(claim: root, relation: nil, depth: 0, joint: false)]
        var onPath = [Bool](repeating: false, count: g.claims.count)
        var shown = [Bool](repeating: false, count: g.claims.count)
        var lines = 0, cutByDepth = 0
        var cutByLimit = false
        let width = ctx.width
        while let step = stack.popLast() {
            if lines % 1024 == 0 { try ctx.checkCancelled() }
            switch step {
            case let .exit(c): onPath[c] = false
            case let .enter(c, relation, depth, joint):
                if lines >= limit { cutByLimit = true; stack.removeAll(); break }
                // Deep levels keep a bounded indent and show their depth, so a long chain stays readable (and linear).
                let indent =
                    depth <= Navigation.maxIndent
                    ? String(repeating: "  ", count: depth)
                    : String(repeating: "  ", count: Navigation.maxIndent) + "[\(depth)] "
                var head = indent
                if let relation {
                    let r = g.relations[relation]
                    if joint {
                        head += ctx.style.dim("&") + " "
                    } else {
                        head += marker(ctx, r) + " "
                        if r.weight != 1 { head += "(" + weight(r.weight) + ") " }
                    }
                }
                head += ctx.style.id(g.claims[c].id)
                var note = ""
                if onPath[c] { note = " (cycle)" } else if shown[c] { note = " (see above)" }
                let room = width - TextLayout.visibleWidth(head + note) - 2
                var text = g.claims[c].text
                if text.count > room { text = room > 1 ? String(text.prefix(room - 1)) + "…" : "" }
                ctx.print(head + ctx.style.dim(note) + (text.isEmpty ? "" : "  " + text))
                lines += 1
                if !note.isEmpty { continue }
                shown[c] = true
                var children: [(relation: Int, claim: Int, joint: Bool)] = []
                func addPremises(_ r: Int32) {
                    for (k, p) in g.relations[Int(r)].premises.enumerated() { children.append((Int(r), p, k > 0)) }
                }
                for r in g.supportsTo[c] { addPremises(r) }
                for r in g.attacksTo[c] { addPremises(r) }
                if let relation, !joint { for u in g.relationsTo[relation] { addPremises(u) } }
                if children.isEmpty { continue }
                if depth >= maxDepth { cutByDepth += 1; continue }
                onPath[c] = true
                stack.append(.exit(c))
                for child in children.reversed() {
                    stack.append(
                        .enter(claim: child.claim, relation: child.relation, depth: depth + 1, joint: child.joint))
                }
            }
        }
        if cutByDepth > 0 {
            ctx.print(
                ctx.style.dim(
                    "(\(cutByDepth) claim\(cutByDepth == 1 ? " has" : "s have") more below depth \(maxDepth); use --depth N)"
                ))
        }
        if cutByLimit { ctx.print(ctx.style.dim("(cut at \(limit) lines; use --limit N)")) }
    }

    static func path(_ ctx: CommandContext) throws {
        let g = ctx.graph
        let a = try ctx.claim(try ctx.requireArgument(0, "FROM"))
        let b = try ctx.claim(try ctx.requireArgument(1, "TO"))
        let k = try ctx.intOption("--max", default: 3, in: 1...100)
        if a == b { throw CommandError("FROM and TO are the same claim") }
        guard let (direction, paths) = PathSearch.links(g, a, b, limit: k, cancel: { ctx.isCancelled }) else {
            try ctx.checkCancelled()
            ctx.print("no chain of relations links \(g.claims[a].id) and \(g.claims[b].id)")
            return
        }
        switch direction {
        case .forward: break
        case .backward: ctx.print("no chain leads from \(g.claims[a].id) to \(g.claims[b].id); chains the other way:")
        case .undirected: ctx.print("no chain in either direction; chains ignoring direction:")
        }
        let from = direction == .backward ? b : a
        for (n, p) in paths.enumerated() {
            var s = ctx.style.id(g.claims[from].id)
            var at = from
            for r in p {
                let rel = g.relations[r]
                let forward = rel.premises.contains(at)
                let next = forward ? (rel.targetClaim ?? at) : rel.source
                let verb = rel.kind == .support ? ctx.style.support("supports") : ctx.style.attack("attacks")
                s += forward ? " —\(verb)→ " : " ←\(verb)— "
                s += ctx.style.id(g.claims[next].id)
                at = next
            }
            ctx.print(lines: TextLayout.wrap(s, width: ctx.width, indent: "     ", firstIndent: "\(n + 1). "))
        }
    }

    static func find(_ ctx: CommandContext) throws {
        let query = ctx.arguments.joined(separator: " ")
        guard !query.isEmpty else { throw CommandError.usage(ctx.command, "missing TEXT") }
        let limit = try ctx.intOption("--limit", default: 50, in: 1...Int.max)
        let g = ctx.graph
        let loaded = ctx.session.current
        guard
            let (found, total) = try TextFind.find(
                query, in: g, limit: limit, index: { loaded.foldedScan },
                cancel: { ctx.isCancelled })
        else { throw CommandError.interrupted }
        let hits = found.map { ($0.claim, $0.shown) }
        if hits.isEmpty { ctx.print("no claim or quote contains '\(query)'"); return }
        var t = TextTable(headers: ["ID", "TEXT"])
        t.colours[0] = ctx.style.id
        for (i, text) in hits { t.add([g.claims[i].id, text]) }
        ctx.print(table: t)
        ctx.print(
            ctx.style.dim(
                total > hits.count
                    ? "\(hits.count) of \(total) matches shown; use --limit N"
                    : "\(total) match\(total == 1 ? "" : "es")"))
    }
}
