import Foundation
import Testing
import ArgumentGraph
@testable import ArgumentGraphFormats

@Suite struct ArgdownFormatTests {
    static func read(_ text: String) throws -> ParsedGraph { try ArgdownReader.read(text, file: "t.argdown") }

    /// Relations as "kind premises target" strings (a linked relation's premises joined by `+`), undercuts as
    /// "undercut premises (premises>target)".
    static func relations(_ g: Graph) -> [String] {
        func premises(_ r: Relation) -> String { r.premises.map { g.claims[$0].id }.joined(separator: "+") }
        return g.relations.map { r in
            switch r.target {
            case let .claim(c): return "\(r.kind) \(premises(r)) \(g.claims[c].id)"
            case let .relation(t):
                return
                    "undercut \(premises(r)) (\(premises(g.relations[t]))>\(g.relations[t].targetClaim.map { g.claims[$0].id } ?? "?"))"
            }
        }.sorted()
    }

    /// The Argdown primer, counted by hand (see docs/export.md): 13 claims (Intro and its 3 pros,
    /// Statement 1 and 2, 4 named arguments, premise (1), conclusion (3), and the statement (3) attacks);
    /// 7 supports (3 pros, <Argument title>, the 2 premises together, the inference, (3) +> <Yet another argument>):
    /// <Argument 1> is attacked, so it stays a claim between its premises and its conclusion;
    /// 5 attacks (<Another argument>, <Yet another argument>, [Intro] -> <Argument 1>, (3) -> two statements).
    @Test(
        .enabled(if: ExportFixtures.sharedData != nil, "needs ../shared/data beside the repository (the real samples)"))
    func primerImportsWithHandCheckedCounts() throws {
        let dir = try #require(ExportFixtures.sharedData)
        let parsed = try ArgdownReader.read(
            contentsOf: dir.appendingPathComponent("argdown/argdown-primer.argdown").path)
        let g = parsed.graph
        #expect(g.claims.count == 13)
        #expect(g.supportCount == 7)
        #expect(g.attackCount == 5)
        #expect(g.undercutCount == 0)
        let rels = Self.relations(g)
        #expect(rels.contains("attack Intro argument-1"))
        #expect(rels.contains("support argument-1 and-now-the-conclusion"))
        #expect(rels.contains("support first-premise-this-is-is-a+statement-2 argument-1"))
        #expect(rels.contains("attack and-now-the-conclusion statement-1"))
        #expect(g.claim("statement-1")?.tags.contains("another-tag") == true)
        #expect(g.claim("yet-another-argument")?.tags.contains("yet-another-tag") == true)
        #expect(g.claim("argument-title")?.tags.contains("argdown-basics") == true)
        // Prose paragraphs are skipped, each with a warning at its line.
        let skipped = parsed.warnings.filter { $0.message.contains("untitled paragraph") }
        #expect(skipped.count == 8)
        #expect(skipped.first?.location?.line == 15)
        #expect(
            parsed.warnings.contains { $0.message.contains("metadata of an inference rule") && $0.location?.line == 73 }
        )
    }

    @Test(arguments: [
        ("+", "support b a"), ("<+", "support b a"), ("-", "attack b a"), ("<-", "attack b a"),
        ("+>", "support a b"), ("->", "attack a b"),
    ])
    func relationSymbolsPointTheRightWay(_ symbol: String, _ expected: String) throws {
        let g = try Self.read("[a]: A.\n  \(symbol) [b]: B.\n").graph
        #expect(Self.relations(g) == [expected])
    }

    @Test func contradictionIsTwoAttacks() throws {
        let g = try Self.read("[a]: A.\n  >< [b]: B.\n").graph
        #expect(Self.relations(g) == ["attack a b", "attack b a"])
    }

    @Test func nestingByIndentation() throws {
        let g = try Self.read(
            """
            [t]: Thesis.
              + <p>: Pro.
                - <c>: Con of pro.
                  + [cc]: Pro of con.
              - <q>: Con of thesis.
            """
        ).graph
        #expect(Self.relations(g) == ["attack c p", "attack q t", "support cc c", "support p t"])
    }

    @Test func premiseConclusionStructureAndUndercut() throws {
        let parsed = try Self.read(
            """
            <Arg>: The argument.

            (1) [P1]: First premise.
            (2) Second premise.
            ----
            (3) [C]: Conclusion.

            <U>: Undercutter.
              _> <Arg>

            <V>: Another undercutter.
              _> [C]
            """)
        let g = parsed.graph
        // Nothing but an undercut mentions <Arg>: its premises support the conclusion together, and the undercut
        // attacks that support, named after the argument and noted with its description.
        #expect(
            Self.relations(g) == [
                "attack V C", "support P1+second-premise C", "undercut U (P1+second-premise>C)",
            ])
        #expect(g.claim("Arg") == nil)
        let inference = try #require(g.relations.first { $0.isLinked })
        #expect(inference.id == "Arg" && inference.note == "The argument.")
        #expect(
            parsed.warnings.contains { $0.message.contains("undercut drawn as an attack") && $0.location?.line == 12 })
        // `[x] <_ <Arg>`: Arg undercuts x, but x is a statement, so it becomes an attack (with a warning);
        // the later premise-conclusion structure makes x Arg's conclusion, with the rule in the note.
        let inc = try Self.read("[x]: X.\n  <_ <Arg>: A.\n\n<Arg>\n\n(1) P.\n--\nModus ponens\n--\n(2) [x]\n")
        #expect(Self.relations(inc.graph) == ["attack Arg x", "support Arg x", "support p Arg"])
        #expect(inc.graph.relations.last?.note == "inference of <Arg>: Modus ponens")
        #expect(inc.warnings.map { $0.location?.line } == [2])
    }

    /// The worked example of docs/export.md.
    @Test func premiseConclusionStructureIsOneLinkedSupport() throws {
        let text = """
            <Tax>: Taxes pay for schools.

            (1) [need]: Schools need money.
            (2) [taxes]: Taxes raise money.
            ----
            (3) [raise]: Taxes should rise.
            """
        let g = try Self.read(text).graph
        #expect(g.claims.map(\.id) == ["need", "taxes", "raise"])
        #expect(Self.relations(g) == ["support need+taxes raise"])
        #expect(g.relations[0].id == "Tax" && g.relations[0].note == "Taxes pay for schools.")
        // One premise: a plain support; no title: no id.
        let one = try Self.read("(1) [a]: A.\n----\n(2) [b]: B.\n").graph
        #expect(one.claims.map(\.id) == ["a", "b"])
        #expect(Self.relations(one) == ["support a b"] && one.relations[0].id == nil)
        // Attacked by name, the argument stays a claim: the premises together support it, and it the conclusion.
        let attacked = try Self.read(text + "\n\n[con]: Schools waste money.\n  -> <Tax>\n").graph
        #expect(
            Self.relations(attacked) == ["attack con Tax", "support Tax raise", "support need+taxes Tax"])
        #expect(attacked.relations.first { $0.source == attacked.claimIndex(of: "Tax") }?.id == "Tax-inference")
        // An argument that is a premise of another structure stays a claim too, whichever comes first.
        let chained = try Self.read(
            "<A>: Alpha.\n\n(1) [p]: P.\n----\n(2) [q]: Q.\n\n<B>\n\n(1) <A>\n(2) [r]: R.\n----\n(3) [s]: S.\n"
        ).graph
        #expect(Self.relations(chained) == ["support A q", "support A+r s", "support p A"])
        #expect(chained.claim("B") == nil && chained.relations.first { $0.isLinked }?.id == "B")
    }

    /// Linked supports as (id, premise ids, conclusion id, note), in order; the note only of those with an id
    /// (Argdown carries it as the description of the argument titled with the id).
    static func linkedSupports(_ g: Graph) -> [String] {
        g.relations.filter { $0.kind == .support && $0.isLinked }.map { r in
            "\(r.id ?? "-"): \(r.premises.map { g.claims[$0].id }.joined(separator: " + ")) -> "
                + "\(r.targetClaim.map { g.claims[$0].id } ?? "?") (\(r.id == nil ? "-" : r.note ?? "-"))"
        }
    }

    @Test func aLinkedSupportIsWrittenAsAPremiseConclusionStructureAndReadBack() throws {
        let g = try ArgReader.read(
            """
            claim a: A.
            claim b: B.
            claim c: C.
            claim d: D.
            claim e: E.
            support r1: b + c -> a
              note: Two reasons, # one link.
            support b + c + d + e -> a
            support r3: d -> a
            attack r4: d + e -> c
            undercut u1: e -> r1
            undercut u2: e -> r3

            """
        ).graph
        let text = ArgdownWriter.write(g)
        #expect(text.contains("<r1>: Two reasons, \\# one link.\n\n(1) [b]\n(2) [c]\n----\n(3) [a]\n"))
        #expect(text.contains("(1) [b]\n(2) [c]\n(3) [d]\n(4) [e]\n----\n(5) [a]\n"))
        #expect(text.contains("[e]\n  _> <r1>\n"))
        let back = try Self.read(text)
        #expect(back.warnings.isEmpty, "\(back.warnings)")
        let b = back.graph
        #expect(b.claims.map(\.id) == g.claims.map(\.id))
        #expect(Self.linkedSupports(b) == ["r1: b + c -> a (Two reasons, # one link.)", "-: b + c + d + e -> a (-)"])
        #expect(Self.linkedSupports(b) == Self.linkedSupports(g))
        // The undercut of the titled linked support comes back; the linked attack is split, with a warning.
        #expect(Self.relations(b).contains("undercut e (b+c>a)"))
        #expect(Self.relations(b).contains("attack d c") && Self.relations(b).contains("attack e c"))
        let warnings = GraphExport.warnings(of: g, as: .argdown)
        #expect(warnings.count == 1 && warnings[0].message.contains("('r4')"))
        #expect(text.contains("// undercut (not expressible in Argdown): [e] attacks the link [d] -> [a] (r3)"))
    }

    @Test func randomLinkedSupportsSurviveArgdown() throws {
        var o = GraphGenerator.Options()
        o.claims = 12
        o.relations = 20
        o.undercuts = 3
        o.linkedShare = 0.5
        var linked = 0
        for seed in UInt64(1)...100 {
            let g = GraphGenerator(o).generate(seed: seed)
            let back = try Self.read(ArgdownWriter.write(g)).graph
            func words(_ s: String) -> String { s.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
            #expect(
                Self.linkedSupports(back).map(words) == Self.linkedSupports(g).map(words), "seed \(seed)")
            linked += Self.linkedSupports(g).count
        }
        #expect(linked > 100)
    }

    @Test func tagsHeadingsMetadataAndComments() throws {
        let parsed = try Self.read(
            """
            ===
            title: ignored
            ===
            # Part One

            // a comment line
            [a]: Alpha #one #(two words) {author: "Ann Lee", kind: evidence, color: red}
              /* inline */ + [b]: Beta {authors: [Bo, "Cy D"]}
              <!--
              a comment between children
              -->
              - [c]: Gamma, see https://example.org/x
            """)
        let g = parsed.graph
        #expect(g.claim("a")?.tags == ["part-one", "one", "two-words"])
        #expect(g.claim("a")?.kind == .evidence)
        #expect(g.claim("a")?.text == "Alpha")
        #expect(g.claim("c")?.text == "Gamma, see https://example.org/x")
        #expect(g.actors.map(\.name) == ["Ann Lee", "Bo", "Cy D"])
        #expect(g.holders(of: 1).count == 2)
        #expect(Self.relations(g) == ["attack c a", "support b a"])
        #expect(parsed.warnings.contains { $0.message.contains("front matter") && $0.location?.line == 1 })
        #expect(parsed.warnings.contains { $0.message.contains("'color'") && $0.location?.line == 7 })
    }

    @Test func problemsAreWarningsWithLineAndColumn() throws {
        let parsed = try Self.read(
            "Just prose.\n\n  + [orphan]: No parent? It is the first line of a block.\n\n[s]: Self.\n  + [s]\n")
        #expect(
            parsed.warnings.contains {
                $0.message.contains("untitled paragraph") && $0.location?.line == 1 && $0.location?.column == 1
            })
        #expect(
            parsed.warnings.contains {
                $0.message.contains("nothing above it") && $0.location?.line == 3 && $0.location?.column == 3
            })
        #expect(parsed.warnings.contains { $0.message.contains("itself") && $0.location?.line == 6 })
    }

    @Test func exportThenImportKeepsClaimsAndRelations() throws {
        for g in [try ExportFixtures.nixon(), try ExportFixtures.adversarial(), try ExportFixtures.chain(30)] {
            let text = ArgdownWriter.write(g)
            let back = try Self.read(text)
            #expect(back.graph.claims.map(\.id) == g.claims.map(\.id), "\(text)")
            #expect(
                back.graph.claims.map(\.text)
                    == g.claims.map {
                        String($0.text.map { $0.isASCII && ($0.asciiValue ?? 32) < 32 ? " " : $0 }).split(
                            separator: " "
                        ).joined(separator: " ")
                    })
            #expect(back.graph.claims.map(\.kind) == g.claims.map(\.kind))
            #expect(back.graph.claims.map(\.tags) == g.claims.map(\.tags))
            let plain = Self.relations(g).filter { !$0.hasPrefix("undercut") }
            #expect(Self.relations(back.graph) == plain)
            #expect(
                back.graph.stances.filter { $0.kind == .asserts }.count
                    == g.stances.filter { $0.kind == .asserts }.count)
            #expect(back.warnings.isEmpty, "\(back.warnings)")
        }
    }

    @Test func golden() throws {
        let g = try ExportFixtures.nixon()
        #expect(
            ArgdownWriter.write(g) == """
                // Nixon diamond

                [nixon-quaker]: Nixon is a Quaker. {author: "Ray Reiter", kind: evidence}

                [nixon-pacifist]: Nixon is a pacifist. {author: ["Ray Reiter", "The Quakers"]}

                [nixon-not-pacifist]: Nixon is not a pacifist.

                [study-nixon]: Study Nixon's record. {author: "The Quakers", kind: proposal}

                [nixon-pacifist]
                  <+ [nixon-quaker]
                  <- [nixon-not-pacifist]

                [nixon-not-pacifist]
                  <- [nixon-pacifist]

                // undercut (not expressible in Argdown): [study-nixon] attacks the link [nixon-quaker] -> [nixon-pacifist] (r1)

                """)
    }
}

@Suite struct ArgdownRobustnessTests {
    /// Random documents built from Argdown's tokens (seeded): every one is read or rejected, never a crash.
    @Test func randomDocumentsNeverCrash() {
        let tokens = [
            "[a]", "[b]:", "<A>", "<B>:", "text", "+", "-", "<+", "<-", "+>", "->", "_>", "<_", "><", "(1)", "(2)",
            "--", "----",
            "#", "##", "#tag", "#(x y)", "{author: Z}", "{", "}", "//", "/*", "*/", "<!--", "-->", "\\", "===", "@[a]",
            "\"", ":", "]", ">", ")",
        ]
        var rng = SplitMix(seed: 7)
        var read = 0
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<Int(rng.next() % 40) {
                let r = rng.next() % 10
                if r == 0 {
                    text += "\n"
                } else if r == 1 {
                    text += "\n" + String(repeating: " ", count: Int(rng.next() % 6))
                }
                text += tokens[Int(rng.next() % UInt64(tokens.count))] + " "
            }
            if (try? ArgdownReader.read(text)) != nil { read += 1 }
        }
        #expect(read > 0)
    }

    /// Random AIF node sets (seeded), often malformed: each is read or rejected with errors, never a crash.
    @Test func randomAIFNeverCrashes() {
        var rng = SplitMix(seed: 11)
        let types = ["I", "RA", "CA", "MA", "L", "YA", "TA", "PA"]
        var rejected = 0
        for _ in 0..<300 {
            let n = Int(rng.next() % 12) + 1
            var nodes: [String] = []
            for i in 0..<n {
                let type = types[Int(rng.next() % UInt64(types.count))]
                nodes.append(
                    #"{"nodeID": "\#(rng.next() % 9 == 0 ? 0 : i)", "type": "\#(type)", "text": "Ann : t\#(i)"}"#)
            }
            var edges: [String] = []
            for _ in 0..<Int(rng.next() % 20) {
                edges.append(#"{"fromID": \#(rng.next() % UInt64(n + 1)), "toID": "\#(rng.next() % UInt64(n + 1))"}"#)
            }
            let json = #"{"nodes": [\#(nodes.joined(separator: ","))], "edges": [\#(edges.joined(separator: ","))]}"#
            do { _ = try AIFReader.read(Data(json.utf8)) } catch { rejected += 1; #expect(!error.errors.isEmpty) }
        }
        #expect(rejected > 0 && rejected < 300)
    }
}

/// The byte-level pieces of the Argdown reader agree with the Foundation and Character operations they replaced.
@Suite struct ArgdownScanningTests {
    @Test func trimBlanksTrimsWhatFoundationsWhitespaceSetTrims() {
        // Every scalar of the BMP on either side of a letter.
        var differ: [UInt32] = []
        for v in UInt32(0)...0xFFFF {
            guard let u = Unicode.Scalar(v) else { continue }
            let s = "\(u)x\(u)"
            if ArgdownParser.trimBlanks(s) != s.trimmingCharacters(in: .whitespaces) { differ.append(v) }
        }
        #expect(differ.isEmpty, "\(differ.prefix(10).map { String($0, radix: 16) })")
        #expect(ArgdownParser.trimBlanks(" \t\u{3000}a b\u{A0}") == "a b")
        #expect(
            ArgdownParser.isBlankOnly(" \t\u{2003}") && !ArgdownParser.isBlankOnly(" .")
                && ArgdownParser.isBlankOnly(""))
    }

    @Test func collapseWhitespaceMatchesSplittingOnCharacterWhitespace() {
        let pieces = [
            "a", "bc", " ", "  ", "\t", "\n", "\r\n", "\u{B}", "\u{C}", "\r", "\u{85}", "\u{A0}", "\u{2028}", "é",
            "e\u{301}", "\u{1C}", "\u{0}", "x",
        ]
        var rng = SplitMix(seed: 5)
        for _ in 0..<2000 {
            var s = ""
            for _ in 0..<Int(rng.next() % 12) { s += pieces[Int(rng.next() % UInt64(pieces.count))] }
            #expect(
                ArgdownParser.collapseWhitespace(s)
                    == s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " "), "\(Array(s.unicodeScalars))"
            )
        }
    }

    @Test func commentsBecomeOneSpacePerScalarAndLineBreaksStay() throws {
        // "é" is two bytes: one mark and one tail; the line break inside the block comment stays.
        let bytes = ArgdownParser.stripComments("a /*é\n*/b // c\r\nd")
        let shown = bytes.map { b -> Character in
            b == ArgdownParser.commentMark ? "#" : b == ArgdownParser.commentTail ? "~" : Character(Unicode.Scalar(b))
        }
        #expect(String(shown) == "a ###~\n##b ####\nd")
        // A comment before a relation counts one column per character, so the nesting is that of the spaces it stands for.
        let g = try ArgdownFormatTests.read("[a]: A\n/*é*/+ [b]: B\n").graph
        #expect(ArgdownFormatTests.relations(g) == ["support b a"])
    }

    @Test func controlCharactersOfTheInputAreTextNotComments() throws {
        // U+0001 once stood for a comment inside the reader, so "#\u{1}x" was no tag and a line of it was skipped.
        let g = try ArgdownFormatTests.read("[a]: A #\u{1}x\n  + [b]: B\n").graph
        #expect(g.claims.first { $0.id == "a" }?.tags == ["x"])
        #expect(ArgdownFormatTests.relations(g) == ["support b a"])
    }
}
