import ArgumentGraph
import Foundation

extension CommandRegistry {
    /// Commands for help, open graphs, settings and quitting.
    static let sessionCommands: [Command] = [
        Command(
            "help", aliases: ["?"], group: .session, arguments: [ArgumentSpec("COMMAND", .command, optional: true)],
            summary: "List the commands, or show one command's usage and an example.",
            usage: "help [COMMAND]", example: "help show"
        ) { ctx in
            try ctx.expectAtMost(1)
            try SessionWork.help(ctx)
        },
        Command(
            "graphs", group: .session,
            summary: "List the open graphs; * marks the current one.",
            usage: "graphs", example: "graphs"
        ) { ctx in
            try ctx.expectAtMost(0)
            var t = TextTable(headers: ["", "NAME", "CLAIMS", "STATE", "FILE"], rightAligned: [2])
            for g in ctx.session.graphs {
                t.add([
                    g === ctx.session.current ? "*" : "", g.name, String(g.graph.claims.count),
                    g.hasUnsavedChanges ? "unsaved" : "saved", g.path ?? "",
                ])
            }
            ctx.print(table: t)
        },
        Command(
            "use", group: .session, arguments: [ArgumentSpec("GRAPH", .graph)],
            summary: "Make another open graph the current one.",
            usage: "use GRAPH", example: "use us-japan"
        ) { ctx in
            try ctx.expectAtMost(1)
            try ctx.session.use(try ctx.requireArgument(0, "GRAPH"))
            ctx.print("using \(ctx.session.current.name)")
        },
        Command(
            "load", aliases: ["open"], group: .session, arguments: [ArgumentSpec("FILE", .file)],
            options: [OptionSpec("--as", .free), .flag("--force")],
            summary: "Open a graph file (.arg or .json) and make it current; a graph of the same name is replaced.",
            usage: "load FILE [--as NAME] [--force]", example: "load graphs/us-japan-alliance.arg --as alliance",
            details:
                "Replacing an open graph that has unsaved edits needs --force (or, at a terminal, a yes); the message says what would be dropped."
        ) { ctx in
            try ctx.expectAtMost(1)
            let path = (try ctx.requireArgument(0, "FILE") as NSString).expandingTildeInPath
            let lg = try LoadedGraph.open(path: path, name: ctx.option("--as"))
            if let old = ctx.session.graphs.first(where: { $0.name == lg.name }), old.hasUnsavedChanges,
                !ctx.flag("--force"),
                !ctx.session.isInteractive
                    || !ctx.session.confirm("'\(lg.name)' has \(old.unsavedSummary); replace it?")
            {
                throw CommandError(
                    "not loaded: it would replace '\(lg.name)', which has \(old.unsavedSummary)",
                    hint: "load \(path) --as OTHER-NAME, or load --force \(path) to drop them")
            }
            ctx.session.add(lg)
            let g = lg.graph
            ctx.print(
                "loaded \(lg.name): \(NumberText.counted(g.claims.count, "claim")), "
                    + "\(NumberText.counted(g.actors.count, "actor")), \(NumberText.counted(g.relations.count, "relation"))"
            )
        },
        Command(
            "set", group: .session,
            arguments: [
                ArgumentSpec("KEY", .choice(Setting.keys), optional: true),
                ArgumentSpec("VALUE", .free, optional: true, repeats: true),
            ],
            summary:
                "List the settings with their values and defaults, show one, or change one (checked against its allowed values).",
            usage: "set [KEY [VALUE]]", example: "set gradual euler",
            details: "Keys: "
                + Setting.all.map { "\($0.key) (\($0.values.count > 1 ? $0.values.joined(separator: "|") : $0.type))" }
                .joined(separator: ", ")
                + ". Commands read them: status the semantics and bipolar; score, why, chains, credibility, whatif and cruxes the "
                + "gradual semantics and credibility; whatif the threshold. The same settings are flags of 'argraph repl' (--gradual euler).",
            completion: { index, previous in
                if index == 0 { return .choice(Setting.keys) }
                guard let setting = Setting.all.first(where: { $0.key == previous.first }) else { return .free }
                return index == 1 ? setting.completion : .free
            }
        ) { ctx in
            try SessionWork.set(ctx)
        },
        Command(
            "unset", group: .session,
            arguments: [ArgumentSpec("KEY", .choice(Setting.keys)), ArgumentSpec("ACTOR", .actor, optional: true)],
            summary: "Put a setting back to its default (unset credibility ACTOR drops one override).",
            usage: "unset KEY [ACTOR]", example: "unset gradual"
        ) { ctx in
            try ctx.expectAtMost(2)
            let key = try ctx.requireArgument(0, "KEY")
            try ctx.session.settings.reset(key, Array(ctx.arguments.dropFirst()))
            ctx.print("\(key) = " + (try ctx.session.settings.value(of: key)))
        },
        Command(
            "view", group: .session, arguments: [ArgumentSpec("clear", .choice(["clear"]), optional: true)],
            summary: "Say which what-if view is shown instead of the edited graph, or leave it with 'view clear'.",
            usage: "view [clear]", example: "view clear"
        ) { ctx in
            try ctx.expectAtMost(1)
            let lg = ctx.session.current
            switch ctx.argument(0) {
            case nil:
                ctx.print(
                    lg.view.map { "showing the what-if view '\($0.label)'" }
                        ?? "showing the graph as edited (no what-if view)")
            case "clear": lg.clearView(); ctx.print("showing the graph as edited")
            case let other?: throw CommandError.usage(ctx.command, "unexpected '\(other)'")
            }
        },
        Command(
            "quit", aliases: ["exit", "q"], group: .session, options: [.flag("--force")],
            summary: "Leave the session (asks first when there are unsaved changes; Ctrl-D does the same).",
            usage: "quit [--force]", example: "quit"
        ) { ctx in
            try ctx.expectAtMost(0)
            if !ctx.flag("--force") {
                let unsaved = ctx.session.unsavedGraphs
                if !unsaved.isEmpty,
                    !ctx.session.confirm(
                        "unsaved changes in \(unsaved.map(\.name).joined(separator: ", ")); quit anyway?")
                {
                    return
                }
            }
            ctx.session.quitRequested = true
        },
    ]
}

/// The work behind the session commands.
enum SessionWork {
    /// `set`, `set KEY`, `set KEY VALUE…`.
    static func set(_ ctx: CommandContext) throws {
        let s = ctx.session
        guard let key = ctx.argument(0) else {
            var t = TextTable(headers: ["KEY", "VALUE", "DEFAULT", "HELP"])
            for setting in Setting.all {
                t.add([setting.key, setting.show(s.settings), setting.defaultValue, setting.help])
            }
            ctx.print(table: t)
            return
        }
        let setting = try Setting.named(key)
        let words = Array(ctx.arguments.dropFirst())
        guard !words.isEmpty else {
            ctx.print("\(key) = \(setting.show(s.settings)) (default \(setting.defaultValue))")
            ctx.printWrapped(
                setting.help + " Takes "
                    + (setting.values.count > 1 ? setting.values.joined(separator: ", ") : setting.type) + ".",
                indent: "  ", firstIndent: "  ")
            return
        }
        if key == "credibility", let actor = words.first { _ = try ctx.actor(actor) }
        try s.settings.set(key, words)
        ctx.print("\(key) = \(setting.show(s.settings))")
    }

    static func help(_ ctx: CommandContext) throws {
        let registry = ctx.session.registry
        if let name = ctx.argument(0) {
            guard let c = registry.command(named: name) else {
                throw CommandError("unknown command '\(name)'", hint: Nearest.hint(for: name, in: registry.allNames))
            }
            ctx.print(
                ctx.style.id(c.name) + (c.aliases.isEmpty ? "" : " (also: " + c.aliases.joined(separator: ", ") + ")"))
            ctx.printWrapped(c.summary, indent: "  ", firstIndent: "  ")
            ctx.print()
            ctx.printWrapped(c.usage, indent: "         ", firstIndent: "usage:   ")
            ctx.printWrapped(c.example, indent: "         ", firstIndent: "example: ")
            if !c.options.isEmpty {
                ctx.printWrapped(
                    c.options.map(\.name).joined(separator: " "), indent: "         ", firstIndent: "options: ")
            }
            if let d = c.details {
                ctx.print()
                ctx.printWrapped(d, indent: "  ", firstIndent: "  ")
            }
            return
        }
        for group in CommandGroup.allCases {
            let cmds = registry.commands.filter { $0.group == group }
            if cmds.isEmpty { continue }
            ctx.print(ctx.style.heading(group.title))
            var t = TextTable(headers: ["", ""])
            for c in cmds { t.add([c.name, c.summary]) }
            ctx.print(lines: t.render(width: ctx.width - 2).dropFirst().map { "  " + $0 })
        }
        ctx.print()
        ctx.printWrapped(
            "'help COMMAND' shows its usage and an example. Tab completes commands, ids, tags and files; Ctrl-R searches the history; Ctrl-C abandons a line or a running command; Ctrl-D leaves."
        )
    }
}
