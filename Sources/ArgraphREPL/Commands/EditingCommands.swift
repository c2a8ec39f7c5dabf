import ArgumentGraph
import Foundation

extension CommandRegistry {
    /// Commands that change the current graph, undo changes and save.
    static let editingCommands: [Command] = [
        Command(
            "add", group: .editing,
            arguments: [
                ArgumentSpec("WHAT", .choice(["claim", "stance", "actor", "document"])),
                ArgumentSpec("…", .free, repeats: true),
            ],
            options: [
                OptionSpec("--kind", .choice(ClaimKind.allCases.map(\.rawValue) + ActorKind.allCases.map(\.rawValue))),
                OptionSpec("--tag", .tag, repeats: true), OptionSpec("--supports", .claim),
                OptionSpec("--attacks", .claim),
                OptionSpec("--by", .actor), OptionSpec("--quote", .free, repeats: true), OptionSpec("--name", .free),
                OptionSpec("--affiliation", .free), OptionSpec("--role", .free), OptionSpec("--date", .free),
                OptionSpec("--publisher", .free), OptionSpec("--url", .free),
            ],
            summary: "Add a claim, a stance, an actor or a document.",
            usage:
                "add claim ID [--kind K] [--tag T]... [--supports C | --attacks C] [--by ACTOR] TEXT | add stance ACTOR asserts|denies CLAIM [in DOCUMENT] [--quote TEXT]... | add actor ID [--name N] [--kind person|institution|group] [--affiliation A] [--role R] | add document ID [--date YYYY-MM-DD] [--publisher P] [--url U] TITLE",
            example: "add claim my-rebuttal --attacks china-engagement Engagement has not moderated China.",
            details:
                "'add claim' with --supports or --attacks also links the new claim, and with --by records that the actor asserts it; the whole addition is one step for undo.",
            completion: { index, previous in
                if index == 0 { return .choice(["claim", "stance", "actor", "document"]) }
                switch previous.first {
                case "stance":
                    return [.actor, .choice(["asserts", "denies"]), .claim, .choice(["in"]), .document][safe: index - 1]
                        ?? .free
                default: return .free
                }
            }
        ) { ctx in
            try Editing.add(ctx)
        },
        Command(
            "link", group: .editing,
            arguments: [
                ArgumentSpec("FROM", .claim),
                ArgumentSpec("supports|attacks|undercuts", .choice(["supports", "attacks", "undercuts"])),
                ArgumentSpec("TO", .claim), ArgumentSpec("weight", .choice(["weight"]), optional: true),
                ArgumentSpec("W", .free, optional: true),
            ],
            options: [
                OptionSpec("--weight", .free), OptionSpec("--by", .actor), OptionSpec("--note", .free),
                OptionSpec("--id", .free),
            ],
            summary:
                "Add a support or attack between claims (or an undercut of a relation with an id); FROM may be A + B (linked).",
            usage:
                "link FROM [+ FROM…] supports|attacks TO [weight W] [--by ACTOR] [--note TEXT] [--id RELATION-ID] | link FROM [+ FROM…] undercuts RELATION-ID",
            example: "link my-rebuttal attacks china-engagement weight 0.7"
        ) { ctx in
            try Editing.link(ctx)
        },
        Command(
            "unlink", group: .editing, arguments: [ArgumentSpec("FROM", .claim), ArgumentSpec("TO", .claim)],
            summary: "Remove the relations from one claim to another (and undercuts of them).",
            usage: "unlink FROM TO", example: "unlink my-rebuttal china-engagement"
        ) { ctx in
            try ctx.expectAtMost(2)
            let from = try ctx.claimID(try ctx.requireArgument(0, "FROM"))
            let to = try ctx.claimID(try ctx.requireArgument(1, "TO"))
            ctx.print(try ctx.session.current.apply(.unlink(source: from, target: to)))
        },
        Command(
            "premise", group: .editing,
            arguments: [
                ArgumentSpec("add|remove", .choice(["add", "remove"])), ArgumentSpec("RELATION", .relation),
                ArgumentSpec("CLAIM", .claim),
            ],
            summary: "Add a premise to a named relation (making it linked) or remove one from a linked relation.",
            usage: "premise add|remove RELATION-ID CLAIM", example: "premise add r7 base-rights",
            details:
                "A linked relation's premises give its reason only together (docs/format.md); 'link A + B supports C' makes one "
                + "in one step. Removing the last premise is refused: remove the relation instead."
        ) { ctx in
            try ctx.expectAtMost(3)
            let action = try ctx.requireArgument(0, "add|remove")
            let relation = try ctx.requireArgument(1, "RELATION")
            let claim = try ctx.claimID(try ctx.requireArgument(2, "CLAIM"))
            let edit: GraphEdit
            switch action {
            case "add": edit = .addPremise(relation: relation, premise: claim)
            case "remove": edit = .removePremise(relation: relation, premise: claim)
            default:
                throw CommandError.unknown("premise action", action, among: ["add", "remove"])
            }
            ctx.print(try ctx.session.current.apply(edit))
        },
        Command(
            "remove", aliases: ["rm"], group: .editing, arguments: [ArgumentSpec("ID", .anyID)],
            summary:
                "Remove a claim (with its stances and relations), an actor (with their stances), a document or a named relation.",
            usage: "remove [claim|actor|document|relation] ID", example: "remove my-rebuttal",
            completion: { index, previous in
                if index == 0 { return .anyID }
                switch previous.first {
                case "claim": return index == 1 ? .claim : .free
                case "actor": return index == 1 ? .actor : .free
                case "document": return index == 1 ? .document : .free
                default: return .free
                }
            }
        ) { ctx in
            try Editing.remove(ctx)
        },
        Command("undo", group: .editing, summary: "Revert the last edit.", usage: "undo", example: "undo") { ctx in
            try ctx.expectAtMost(0)
            guard let label = ctx.session.current.undo() else { throw CommandError("nothing to undo") }
            ctx.print("undid: " + label)
        },
        Command("redo", group: .editing, summary: "Re-apply the last undone edit.", usage: "redo", example: "redo") {
            ctx in
            try ctx.expectAtMost(0)
            guard let label = ctx.session.current.redo() else { throw CommandError("nothing to redo") }
            ctx.print("redid: " + label)
        },
        Command(
            "save", group: .editing, arguments: [ArgumentSpec("FILE", .file, optional: true)],
            options: [.flag("--canonical"), .flag("--force"), .flag("--diff")],
            summary:
                "Write the current graph to its file or to FILE (.arg keeps your comments; .json too), atomically.",
            usage: "save [FILE] [--canonical] [--diff] [--force]", example: "save my-alliance.arg",
            details:
                "In .arg files, declarations you did not change keep their text and the comments above them; changed ones are rewritten in place and new ones go after the last of their kind. --canonical writes the canonical form instead. A file changed on disk since it was read (or one argraph did not write or open) is not overwritten: 'merge', 'reload' or --force. --diff shows the changes against the file and asks first."
        ) { ctx in
            try ctx.expectAtMost(1)
            try SaveWork.save(ctx)
        },
    ]
}

extension Array {
    /// The element at `i`, or nil when out of range.
    subscript(safe i: Int) -> Element? { i >= 0 && i < count ? self[i] : nil }
}

/// The work behind the editing commands.
enum Editing {
    static func slug(_ ctx: CommandContext, _ id: String, _ what: String) throws -> String {
        guard Slug.isValid(id) else {
            throw CommandError(
                "'\(id)' is not a valid \(what) id",
                hint: "ids use letters, digits, '-', '_' and '.', and start with a letter or digit")
        }
        return id
    }

    static func add(_ ctx: CommandContext) throws {
        let what = try ctx.requireArgument(0, "what to add (claim, stance, actor or document)")
        let lg = ctx.session.current
        switch what {
        case "claim", "evidence", "proposal":
            let id = try slug(ctx, try ctx.requireArgument(1, "claim ID"), "claim")
            let text = ctx.arguments.dropFirst(2).joined(separator: " ")
            guard !text.isEmpty else { throw CommandError.usage(ctx.command, "missing the claim's TEXT") }
            var kind = ClaimKind(rawValue: what) ?? .claim
            if let k = ctx.option("--kind") {
                guard let kk = ClaimKind(rawValue: k) else {
                    throw CommandError("unknown claim kind '\(k)'", hint: "claim, evidence or proposal")
                }
                kind = kk
            }
            var tags: [String] = []
            for t in ctx.optionValues("--tag").flatMap({
                $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            }) where !tags.contains(t) {
                tags.append(try slug(ctx, t, "tag"))
            }
            var edits: [GraphEdit] = [.addClaim(Claim(id: id, text: text, kind: kind, tags: tags))]
            if ctx.option("--supports") != nil, ctx.option("--attacks") != nil {
                throw CommandError.usage(ctx.command, "give --supports or --attacks, not both")
            }
            if let given = ctx.option("--supports") ?? ctx.option("--attacks") {
                let target = try ctx.claimID(given)
                edits.append(
                    .addRelation(
                        .init(
                            kind: ctx.option("--supports") != nil ? .support : .attack, source: id,
                            target: .claim(target))))
            }
            if let by = ctx.option("--by") {
                _ = try ctx.actor(by)
                edits.append(.addStance(.init(actor: by, claim: id, kind: .asserts)))
            }
            let edit: GraphEdit = edits.count == 1 ? edits[0] : .sequence(edits, label: "add claim \(id)")
            ctx.print(try lg.apply(edit))
        case "stance":
            // add stance ACTOR asserts|denies CLAIM [in DOCUMENT]
            let args = Array(ctx.arguments.dropFirst())
            guard args.count == 3 || (args.count == 5 && args[3] == "in") else {
                throw CommandError.usage(ctx.command, "write 'add stance ACTOR asserts|denies CLAIM [in DOCUMENT]'")
            }
            _ = try ctx.actor(args[0])
            guard let kind = StanceKind(rawValue: args[1]) else {
                throw CommandError("unknown stance '\(args[1])'", hint: "asserts or denies")
            }
            let claimID = try ctx.claimID(args[2])
            var doc: String?
            if args.count == 5 { _ = try ctx.document(args[4]); doc = args[4] }
            let quotes = ctx.optionValues("--quote").map { Quote($0) }
            if quotes.contains(where: { $0.text.allSatisfy(\.isWhitespace) }) { throw CommandError("empty quote") }
            ctx.print(
                try lg.apply(
                    .addStance(.init(actor: args[0], claim: claimID, kind: kind, document: doc, quotes: quotes))))
        case "actor":
            try ctx.expectAtMost(2)
            let id = try slug(ctx, try ctx.requireArgument(1, "actor ID"), "actor")
            var kind = ActorKind.person
            if let k = ctx.option("--kind") {
                guard let kk = ActorKind(rawValue: k) else {
                    throw CommandError("unknown actor kind '\(k)'", hint: "person, institution or group")
                }
                kind = kk
            }
            let actor = Actor(
                id: id, name: ctx.option("--name"), kind: kind, affiliation: ctx.option("--affiliation"),
                role: ctx.option("--role"))
            ctx.print(try lg.apply(.addActor(actor)))
        case "document":
            let id = try slug(ctx, try ctx.requireArgument(1, "document ID"), "document")
            let title = ctx.arguments.dropFirst(2).joined(separator: " ")
            guard !title.isEmpty else { throw CommandError.usage(ctx.command, "missing the document's TITLE") }
            var date: PartialDate?
            if let d = ctx.option("--date") {
                guard let pd = PartialDate(d) else {
                    throw CommandError("invalid date '\(d)'", hint: "YYYY, YYYY-MM or YYYY-MM-DD")
                }
                date = pd
            }
            let doc = Document(
                id: id, title: title, publisher: ctx.option("--publisher"), date: date, url: ctx.option("--url"))
            ctx.print(try lg.apply(.addDocument(doc)))
        default:
            throw CommandError.usage(
                ctx.command,
                "cannot add '\(what)'"
                    + (Nearest.hint(for: what, in: ["claim", "stance", "actor", "document"]).map { " (\($0))" } ?? ""))
        }
    }

    static func link(_ ctx: CommandContext) throws {
        // Premises joined by '+' (a linked relation) come before the verb: `link a + b supports c`.
        let verbs: Set<String> = ["supports", "support", "attacks", "attack", "undercuts", "undercut"]
        var args = ctx.arguments
        var premises: [String] = []
        if let v = args.firstIndex(where: { verbs.contains($0) }), v > 1 || args[0].contains("+") {
            let joined = args[..<v].joined(separator: " ")
            for part in joined.split(separator: "+", omittingEmptySubsequences: false) {
                let id = part.trimmingCharacters(in: .whitespaces)
                guard !id.isEmpty else { throw CommandError.usage(ctx.command, "empty premise in '\(joined)'") }
                guard !id.contains(" ") else {
                    throw CommandError.usage(ctx.command, "premises are joined by ' + ', not '\(id)'")
                }
                premises.append(try ctx.claimID(id))
            }
            args = [premises[0]] + args[v...]
        }
        guard args.count == 3 || (args.count == 5 && args[3] == "weight") else {
            throw CommandError.usage(ctx.command, args.count < 3 ? "missing arguments" : "unexpected '\(args[3])'")
        }
        let from = try ctx.claimID(args[0]), verb = args[1]
        var to = args[2]
        var w = 1.0
        if let ws = args.count == 5 ? args[4] : ctx.option("--weight") {
            guard let v = Double(ws), (0...1).contains(v) else {
                throw CommandError("weight '\(ws)' is not a number in [0, 1]")
            }
            w = v
        }
        if let by = ctx.option("--by") { _ = try ctx.actor(by) }
        let rid = try ctx.option("--id").map { try slug(ctx, $0, "relation") }
        let target: GraphBuilder.TargetDraft
        let kind: RelationKind
        switch verb {
        case "supports", "support": kind = .support; to = try ctx.claimID(to); target = .claim(to)
        case "attacks", "attack": kind = .attack; to = try ctx.claimID(to); target = .claim(to)
        case "undercuts", "undercut":
            kind = .attack
            guard ctx.graph.relationIndex(of: to) != nil else {
                throw CommandError.unknown("relation", to, among: ctx.graph.relations.compactMap(\.id))
            }
            target = .relation(to)
        default:
            throw CommandError.usage(ctx.command, "expected supports, attacks or undercuts, not '\(verb)'")
        }
        var draft = GraphBuilder.RelationDraft(
            id: rid, kind: kind, source: from, target: target, weight: w,
            actor: ctx.option("--by"), note: ctx.option("--note"))
        draft.otherPremises = Array(premises.dropFirst())
        ctx.print(try ctx.session.current.apply(.addRelation(draft)))
    }

    static func remove(_ ctx: CommandContext) throws {
        let g = ctx.graph
        var kind: String?
        var id = try ctx.requireArgument(0, "ID")
        if id == "." { id = try ctx.claimID(".") }
        if ["claim", "actor", "document", "relation"].contains(id), let second = ctx.argument(1) {
            kind = id
            id = second
            try ctx.expectAtMost(2)
        } else {
            try ctx.expectAtMost(1)
        }
        let edit: GraphEdit
        switch kind {
        case "claim": edit = .removeClaim(id)
        case "actor": edit = .removeActor(id)
        case "document": edit = .removeDocument(id)
        case "relation": edit = .removeRelation(id)
        default:
            let hits = [
                g.claimIndex(of: id) != nil ? "claim" : nil, g.actorIndex(of: id) != nil ? "actor" : nil,
                g.documentIndex(of: id) != nil ? "document" : nil, g.relationIndex(of: id) != nil ? "relation" : nil,
            ].compactMap { $0 }
            if hits.count > 1 {
                throw CommandError(
                    "'\(id)' names a \(hits.joined(separator: " and a "))", hint: "say which: remove \(hits[0]) \(id)")
            }
            switch hits.first {
            case "claim": edit = .removeClaim(id)
            case "actor": edit = .removeActor(id)
            case "document": edit = .removeDocument(id)
            case "relation": edit = .removeRelation(id)
            default:
                let all: [String] =
                    g.claims.map(\.id) + g.actors.map(\.id) + g.documents.map(\.id) + g.relations.compactMap(\.id)
                throw CommandError(
                    "unknown claim, actor, document or relation '\(id)'", hint: Nearest.hint(for: id, in: all))
            }
        }
        ctx.print(try ctx.session.current.apply(edit))
    }
}
