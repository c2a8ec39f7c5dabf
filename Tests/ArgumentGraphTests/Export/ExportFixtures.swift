import Foundation
@testable import ArgumentGraph

/// Small graphs and helpers shared by the export and format tests.
enum ExportFixtures {
    /// Labels that try to break every output format.
    static let evil = [
        #"She said "no" \ twice"#,
        "line one\nline two\r\nthree\ttabbed",
        #"}"]; evil [label="pwned"]; x [ {"#,
        "<b>bold</b> & <script>alert(1)</script> &amp;",
        "emoji 🎉 and 日本語 and Ωmega",
        #"trailing backslash \"#,
        "-- not a comment // nor /* this */ <!-- nor this --> #nottag [ref] <arg> {author: Mallory} @[x]",
        "\u{7}bell and \u{0}nul",
    ]

    /// A graph whose texts and names are the adversarial labels above.
    static func adversarial() throws -> Graph {
        var b = GraphBuilder()
        b.title = #"Title with "quotes" & <tags> \ and } braces"#
        b.add(Actor(id: "mallory", name: #"Mallory "]; evil [ <i>"#))
        b.add(Actor(id: "éve", name: "Ève 🎭 & co"))
        for (i, text) in evil.enumerated() {
            b.add(Claim(id: "c\(i)", text: text, kind: ClaimKind.allCases[i % 3], tags: ["t\(i % 2)"]))
            b.add(GraphBuilder.StanceDraft(actor: i % 2 == 0 ? "mallory" : "éve", claim: "c\(i)"))
        }
        for i in 1..<evil.count {
            b.add(
                GraphBuilder.RelationDraft(
                    id: "r\(i)", kind: i % 2 == 0 ? .support : .attack, source: "c\(i)", target: .claim("c\(i - 1)"),
                    weight: 0.5, note: evil[i]))
        }
        b.add(GraphBuilder.RelationDraft(kind: .attack, source: "c0", target: .relation("r2")))
        return try b.build().graph
    }

    /// Nixon diamond (Reiter & Criscuolo 1981) with an undercut, two actors and a document.
    static func nixon() throws -> Graph {
        try ArgReader.read(
            """
            graph nixon
              title: Nixon diamond

            document interview
              title: An interview

            actor reiter
              name: Ray Reiter
            actor quakers
              name: The Quakers
              kind: group

            evidence nixon-quaker: Nixon is a Quaker.
            claim nixon-pacifist: Nixon is a pacifist.
            claim nixon-not-pacifist: Nixon is not a pacifist.
            proposal study-nixon: Study Nixon's record.

            stance reiter asserts nixon-quaker in interview
            stance reiter asserts nixon-pacifist
            stance quakers asserts nixon-pacifist in interview
            stance quakers denies nixon-not-pacifist
            stance quakers asserts study-nixon

            support r1: nixon-quaker -> nixon-pacifist
              weight: 0.8
              by: reiter
            attack nixon-pacifist -> nixon-not-pacifist
            attack nixon-not-pacifist -> nixon-pacifist
            undercut study-nixon -> r1
              weight: 0.5
            """
        ).graph
    }

    /// An undercut of an undercut of a support.
    static func undercutChain() throws -> Graph {
        try ArgReader.read(
            """
            actor x
            claim a: A.
            claim b: B.
            claim c: C.
            claim d: D.
            stance x asserts d
            support r0: a -> b
            undercut u1: c -> r0
            undercut d -> u1
            """
        ).graph
    }

    /// A chain c0 -> c1 -> ... of supports.
    static func chain(_ n: Int) throws -> Graph {
        var b = GraphBuilder()
        b.lint = false
        for i in 0..<n { b.add(Claim(id: "c\(i)", text: "Claim \(i)")) }
        for i in 1..<max(n, 1) {
            b.add(GraphBuilder.RelationDraft(kind: .support, source: "c\(i - 1)", target: .claim("c\(i)")))
        }
        return try b.build().graph
    }

    /// The repository root.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared/data` beside the repository, if present.
    static let sharedData: URL? = {
        let url = root.deletingLastPathComponent().appendingPathComponent("shared/data")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }()

    /// Whether Graphviz `dot` is installed; prints a visible note when it is not.
    static let dotAvailable: Bool = Graphviz.isAvailable

    /// Every graph in `graphs/`.
    static func bundledGraphs() throws -> [(String, Graph)] {
        let dir = root.appendingPathComponent("graphs")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".arg") }
            .sorted()
        return try files.map { ($0, try ArgReader.read(contentsOf: dir.appendingPathComponent($0).path).graph) }
    }
}
