import ArgumentGraph
import Testing

@testable import ArgumentGraphModel

/// The assembly step every reader ends with: pending references resolved by id, every error reported with its
/// place, and the graph indexed.
@Suite struct GraphAssemblyTests {
    /// An assembly of claims `a`, `b`, `c` and actor `x`, with a support and a stance given by id (pending).
    static func assembly(supportTarget: String = "b", actor: String = "x") -> GraphAssembly {
        var asm = GraphAssembly()
        asm.claims = ["a", "b", "c"].map { Claim(id: $0, text: "Claim \($0).") }
        asm.claimMarks = [0, 1, 2]
        asm.claimTable = IdTable(["a", "b", "c"])
        asm.actors = [Actor(id: "x")]
        asm.actorMarks = [3]
        asm.actorTable = IdTable(["x"])
        asm.relations = [Relation(id: "r1", kind: .support, source: 0, target: .claim(asm.pending(supportTarget)))]
        asm.appendRelationMarks(.init(source: 4, target: 5))
        asm.relationTable = IdTable(["r1"])
        asm.stances = [Stance(actor: asm.pending(actor), claim: 1)]
        asm.stanceMarks = [.init(declaration: 6, actor: 7, claim: 8, document: -1)]
        return asm
    }

    static func locate(_ mark: Int) -> ArgumentGraphModel.SourceLocation? {
        mark < 0 ? nil : ArgumentGraphModel.SourceLocation(file: "t", line: mark + 1, column: 1)
    }

    /// The diagnostics `assemble` throws, or none when it succeeds.
    static func errors(_ asm: GraphAssembly) -> [Diagnostic] {
        var asm = asm
        do { _ = try asm.assemble(errorLimit: 100, lint: false, locate: locate); return [] } catch {
            return error.diagnostics
        }
    }

    @Test func pendingReferencesResolveToIndices() throws {
        var asm = Self.assembly()
        let (graph, lint) = try asm.assemble(errorLimit: 100, lint: true, locate: Self.locate)
        #expect(graph.relations[0].source == 0 && graph.relations[0].target == RelationTarget.claim(1))
        #expect(graph.stances[0].actor == 0 && graph.stances[0].claim == 1)
        #expect(graph.claimIndex(of: "c") == 2)
        // Lint: c is isolated (record 2·2) and a and c are held by no one (2·0 + 1, 2·2 + 1).
        #expect(Set(lint) == [1, 4, 5])
        #expect(GraphAssembly.lintDiagnostic(5, claims: graph.claims, at: nil).message == "no actor holds claim 'c'")
    }

    @Test func anUnknownIdIsReportedAtItsPlaceWithAHint() {
        let d = Self.errors(Self.assembly(supportTarget: "bb", actor: "y"))
        #expect(d.count == 2)
        #expect(
            d.contains {
                $0.message == "unknown claim 'bb'" && $0.location?.line == 6 && $0.hint == "did you mean 'b'?"
            })
        #expect(d.contains { $0.message == "unknown actor 'y'" && $0.location?.line == 8 })
    }

    @Test func duplicateAndInvalidIdsAndSelfSupportAreErrors() {
        var asm = Self.assembly(supportTarget: "a")
        asm.claims.append(Claim(id: "b", text: "Again."))
        asm.claimMarks.append(9)
        asm.claimTable = IdTable(asm.claims.map(\.id))
        asm.actors[0] = Actor(id: "-x")
        asm.actorTable = IdTable(["-x"])
        let m = Self.errors(asm).map(\.message)
        #expect(m.contains("duplicate claim id 'b' (first declared at t:2:1)"), "\(m)")
        #expect(m.contains("'-x' is not a valid actor id"), "\(m)")
        #expect(m.contains("claim 'a' cannot support itself"), "\(m)")
    }

    @Test func spanReferencesRoundTrip() throws {
        for (offset, length) in [(0, 1), (12345, 40), (1 << 39, (1 << 22) - 1)] {
            let r = try #require(GraphAssembly.spanReference(offset: offset, length: length))
            #expect(GraphAssembly.isSpan(r))
            #expect(GraphAssembly.span(r) == (offset, length))
        }
        #expect(GraphAssembly.spanReference(offset: 0, length: 1 << 22) == nil)
        #expect(!GraphAssembly.isSpan(-5) && !GraphAssembly.isSpan(0))
    }
}
