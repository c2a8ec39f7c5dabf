import Testing
@testable import ArgumentGraph
@testable import ArgumentGraphFormats

/// The `.arg` parser's fast paths for common lines, held to the general path on random files: the same graph, the
/// same warnings and declaration spans, or the same errors.
@Suite struct ArgFastPathTests {
    /// A deterministic generator (SplitMix64), so that a failure names its seed.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func pick<T>(_ xs: [T]) -> T { xs[below(xs.count)] }
    }

    /// A relation header of a random shape: mostly plain, sometimes with an id, linked premises, tabs, trailing
    /// spaces, odd bytes in an id, a missing side or an unknown claim.
    static func relationLine(_ r: inout Random, claims: Int) -> String {
        func id() -> String {
            switch r.below(60) {
            case 0: return "c\(claims + r.below(3))"  // unknown
            case 1: return r.pick(["c1:", "c-1", "c.1", "c_1", "C1", "c1é", "c1>", "c1+c2", "", "-", "c1\t"])
            default: return "c\(r.below(claims))"
            }
        }
        let keyword = r.below(10) > 0 ? r.pick(["attack", "support"]) : r.pick(["undercut", "attacks", "support\t"])
        func space() -> String { r.below(10) > 0 ? " " : r.pick(["  ", "\t"]) }
        var head = keyword + space()
        if r.below(15) == 0 { head += r.pick(["r\(r.below(5)):", "r\(r.below(5)) :"]) + space() }
        var left = id()
        if r.below(15) == 0 { left += r.pick([" + ", "+", " +"]) + id() }
        let arrow = r.below(8) > 0 ? " -> " : r.pick(["->", " ->", "-> ", "  ->  ", " - > ", " => "])
        var line = head + left + arrow + id()
        if r.below(20) == 0 { line += r.pick([" ", "\t", " extra", ":"]) }
        return line
    }

    /// After a property: nothing, or lines that continue it (deeper), after blank lines and comments or not, or a
    /// comment or blank line alone.
    static func continuation(_ r: inout Random) -> [String] {
        switch r.below(6) {
        case 0: return ["    more words"]
        case 1: return ["", "# c", "\t\tmore"]
        case 2: return [r.pick(["", "  # c", "   "])]
        case 3: return ["      x", "    y"]
        default: return []
        }
    }

    static func file(seed: UInt64) -> String {
        var r = Random(state: seed)
        let claims = 2 + r.below(6)
        var lines = ["graph g", "", "actor a", "  name: A", ""]
        for i in 0..<claims {
            // Claims with and without properties (after blank lines or comments), with empty text, or a missing ':'.
            lines.append(
                r.below(40) > 0
                    ? "claim c\(i): Claim \(i)." : r.pick(["claim c\(i):", "claim c\(i) x", "claim c\(i):  "]))
            for _ in 0..<r.below(3) { lines.append(r.pick(["", "# c", "  # c", "   ", "\r"])) }
            if r.below(25) == 0 { lines.append(r.pick(["claim y: \u{1}", "\u{1}x"])) }  // invalid UTF-8 (see below)
            if r.below(4) == 0 {
                lines.append(
                    r.below(15) > 0
                        ? r.pick(["  tags: t", "  base: 0.5", "  text: T"]) : r.pick(["  bogus: 1", "    deeper"]))
                lines += ArgFastPathTests.continuation(&r)
            }
            lines.append("")
        }
        for _ in 0..<(1 + r.below(12)) {
            if r.below(6) == 0 { lines.append("# a comment") }
            lines.append(relationLine(&r, claims: claims))
            // Properties, sometimes after blank lines, comments or a line of spaces; now and then a stray CR.
            if r.below(5) == 0 {
                for _ in 0..<r.below(3) { lines.append(r.pick(["", "# c", "  # c", "   ", "\r", " \r"])) }
                lines.append(
                    r.pick([
                        "  by: a", "  weight: 0.5", "  note: why", "  by: a", "  weight: 1", "  by: b", "  weight: x",
                        "  note: |", "  note:",
                    ]))
                lines += ArgFastPathTests.continuation(&r)
                if r.below(3) == 0 { lines.append(r.pick(["  weight: 0.2", "   note: deeper", " by: a"])) }
            }
            if r.below(2) == 0 { lines.append(r.pick(["", "", "", "# after", "  ", " \rx"])) }
            // A line of invalid UTF-8 (the marker becomes a 0xFF byte), which ends no declaration.
            if r.below(25) == 0 { lines.append(r.pick(["claim z: bad \u{1}", "attack c0 -> c1\u{1}", "\u{1}"])) }
        }
        if r.below(4) == 0 { lines.append("stance a asserts c0") }
        if r.below(3) == 0 {
            lines += ["", "stance a denies c1", r.pick(["  quote: Claim 1.", "  quote L1: Claim", "  quote: "])]
            lines += ArgFastPathTests.continuation(&r)
        }
        return lines.joined(separator: r.below(6) == 0 ? "\r\n" : "\n")
    }

    /// Everything a read gives, as text: the graph's JSON, the warnings and the spans; or the errors.
    static func outcome(
        _ text: String, fastPaths: Bool, declarations: Bool = true, releaseEvery: Int? = nil
    ) -> String {
        do {
            let bytes = text.utf8.map { $0 == 1 ? 0xFF : $0 }
            let parsed = try ArgReader.read(
                bytes, file: "f.arg", fastPaths: fastPaths, declarations: declarations, releaseEvery: releaseEvery)
            let json = String(decoding: GraphJSON.encode(parsed.graph), as: UTF8.self)
            let spans = parsed.declarations.map { "\($0)" }.joined(separator: "\n")
            return [json, parsed.warnings.description, spans].joined(separator: "\n")
        } catch {
            return "error: \(error)"
        }
    }

    @Test func fastAndGeneralPathsReadTheSame() {
        var plainFast = 0, errors = 0
        for seed in 0..<3000 as Range<UInt64> {
            let text = ArgFastPathTests.file(seed: seed)
            let fast = ArgFastPathTests.outcome(text, fastPaths: true)
            let general = ArgFastPathTests.outcome(text, fastPaths: false)
            #expect(fast == general, "seed \(seed):\n\(text)")
            if fast.hasPrefix("error:") { errors += 1 } else { plainFast += 1 }
        }
        // Both outcomes are exercised (a file with errors is still read to its end, fast paths and all).
        #expect(plainFast > 40)
        #expect(errors > 300)
    }

    /// A read that lets its bytes go as it goes (here poisoned, so that a later read of them would change the outcome;
    /// down to every line) gives the same graph, warnings, spans and errors, their places included.
    @Test(arguments: [1, 7, 64, 512])
    func aReadThatLetsItsBytesGoReadsTheSame(every: Int) {
        var released = 0
        for seed in 0..<1500 as Range<UInt64> {
            let text = ArgFastPathTests.file(seed: seed)
            let kept = ArgFastPathTests.outcome(text, fastPaths: true)
            #expect(ArgFastPathTests.outcome(text, fastPaths: true, releaseEvery: every) == kept, "seed \(seed)")
            if every < 8, seed % 5 == 0 {
                #expect(ArgFastPathTests.outcome(text, fastPaths: false, releaseEvery: every) == kept, "seed \(seed)")
            }
            if text.utf8.count > every { released += 1 }
        }
        #expect(released > 100)
    }

    /// The three ways a read that lets its bytes go treats references to claims declared further on: a few are
    /// copied aside (with their ids' bytes) and looked up at the end; relations first, seen in a sample, stop the
    /// letting go at once; many found only by the full pass stop it too, and are looked up in the kept bytes.
    @Test(arguments: [
        "few",  // 4 of 128 relations name a later claim: copied aside
        "all",  // every relation does (the sample sees it): the bytes are kept
        "one in three",  // one in three, none of them sampled (every third relation is): kept, looked up in them
    ])
    func referencesToLaterClaimsReadTheSame(_ pattern: String) throws {
        var lines = ["graph g", ""]
        for i in 0..<10 { lines.append("claim c\(i): C\(i).") }
        lines.append("")
        let late: Set<Int> =
            switch pattern {
            case "few": [5, 17, 41, 62]
            case "all": Set(0..<128)
            default: Set((0..<128).filter { $0 % 3 == 1 })
            }
        for i in 0..<128 {
            lines.append(late.contains(i) ? "attack x\(i) -> c\(i % 10)" : "support c\(i % 10) -> c\((i + 1) % 10)")
        }
        lines.append("")
        for k in 0..<150 { lines.append("# padding, so that the bytes are let go before the later claims \(k)") }
        for i in late.sorted() { lines.append("claim x\(i): X\(i).") }
        lines.append("attack nowhere -> c1")  // and an unknown id, placed from the bytes read again
        let text = lines.joined(separator: "\n") + "\n"
        let kept = ArgFastPathTests.outcome(text, fastPaths: true)
        #expect(kept.contains("unknown claim 'nowhere'"))
        // Every 4,000 bytes: the first release comes in the padding, after all the relations.
        #expect(ArgFastPathTests.outcome(text, fastPaths: true, releaseEvery: 4000) == kept)
        #expect(ArgFastPathTests.outcome(text, fastPaths: true, releaseEvery: 64) == kept)
        let valid = text.replacingOccurrences(of: "attack nowhere -> c1\n", with: "")
        let graph = try ArgReader.read(Array(valid.utf8), file: "f", fastPaths: true, releaseEvery: 4000).graph
        #expect(graph.relations.count == 128)
        #expect(graph.relations.filter { graph.claims[$0.source].id.hasPrefix("x") }.count == late.count)
    }

    /// A read that keeps no declarations (for commands that do not rewrite the file) gives the same graph, warnings and
    /// errors, and no spans.
    @Test func aReadWithoutDeclarationsIsTheSameReadWithoutSpans() throws {
        for seed in 0..<1000 as Range<UInt64> {
            let text = ArgFastPathTests.file(seed: seed)
            let without = ArgFastPathTests.outcome(text, fastPaths: true, declarations: false)
            let with = ArgFastPathTests.outcome(text, fastPaths: true)
            if with.hasPrefix("error:") {
                #expect(without == with, "seed \(seed)")
            } else {
                #expect(without.hasSuffix("\n") && with.hasPrefix(without), "seed \(seed)")
            }
        }
        let parsed = try ArgReader.read(
            Array("claim a: A.\nclaim b: B.\n".utf8), file: "f", fastPaths: true, declarations: false)
        #expect(parsed.declarations.isEmpty && parsed.graph.claims.count == 2)
    }

    @Test func plainHeadersTakeTheFastPath() throws {
        let text = "claim a: A.\n\nclaim b-2.x_y: B.\n\nattack a -> b-2.x_y\n  weight: 0.5\nsupport  b-2.x_y  ->a\n"
        let g = try ArgReader.read(Array(text.utf8), file: "f.arg", fastPaths: true).graph
        #expect(g.relations.map(\.kind) == [.attack, .support])
        #expect(g.relations.map(\.source) == [0, 1])
        #expect(g.relations.map(\.target) == [.claim(1), .claim(0)])
        #expect(g.relations.map(\.weight) == [0.5, 1])
    }

    /// Claims read from a file keep their texts in the reader's shared chunks, whichever path read them; short texts
    /// stay inline strings. (A `String` per text cost about 60 bytes more per claim.)
    @Test(arguments: [true, false])
    func claimTextsAreStoredInChunks(fastPaths: Bool) throws {
        let text = """
            claim a: A text longer than fifteen bytes.

            claim b: Short.

            claim c: Another text read on its header line.
              tags: t

            claim d:
              text: A text given as a property,
                and continued on the next line.

            claim e:
              text: |
                A literal block
                of two lines.
            """
        let g = try ArgReader.read(Array(text.utf8), file: "f.arg", fastPaths: fastPaths).graph
        #expect(
            g.claims.map(\.text) == [
                "A text longer than fifteen bytes.", "Short.", "Another text read on its header line.",
                "A text given as a property, and continued on the next line.", "A literal block\nof two lines.",
            ])
        let stored = g.claims.map { c -> Bool in if case .stored = c.storedText { true } else { false } }
        #expect(stored == [true, false, true, true, true])
    }
}
