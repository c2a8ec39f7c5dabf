import Foundation
import Testing
@testable import ArgumentGraph

/// The bundled graph meets the figures its issue sets, and every quote stands in its source.
@Suite struct BundledGraphTests {
    static let graph: Graph = {
        do { return try ArgReader.read(contentsOf: TestPaths.repo("graphs/us-japan-alliance.arg")).graph } catch {
            fatalError("bundled graph does not read: \(error)")
        }
    }()

    /// Whether a relation joins claims held by different actors (no asserting actor in common).
    static func crossesActors(_ r: Relation, in g: Graph) -> Bool {
        guard let t = r.targetClaim else { return false }
        let a = Set(g.holders(of: r.source)), b = Set(g.holders(of: t))
        return !a.isEmpty && !b.isEmpty && a.isDisjoint(with: b)
    }

    @Test func readsWithoutWarnings() throws {
        let parsed = try ArgReader.read(contentsOf: TestPaths.repo("graphs/us-japan-alliance.arg"))
        #expect(parsed.warnings.isEmpty, "\(parsed.warnings)")
    }

    @Test func meetsTheCountsOfTheIssue() {
        let g = Self.graph
        #expect(g.documents.count == 5)
        #expect(g.claims.count >= 80)
        #expect(g.supportCount >= 50)
        #expect(g.attackCount >= 8)
        let cross = g.relations.filter { Self.crossesActors($0, in: g) }
        #expect(cross.filter { $0.kind == .attack }.count >= 8)
        #expect(Set(g.claims.flatMap(\.tags)).count >= 8)
    }

    /// The graph file in graphs/ and the copy bundled into the library are the same bytes.
    @Test func bundledCopyIsTheGraphInGraphs() throws {
        let a = try Data(contentsOf: URL(fileURLWithPath: TestPaths.repo("graphs/us-japan-alliance.arg")))
        let b = try Data(
            contentsOf: URL(fileURLWithPath: TestPaths.repo("Sources/ArgumentGraph/Resources/us-japan-alliance.arg")))
        #expect(a == b)
    }

    @Test func namedActorsAreThereWithTheirSurnames() {
        let g = Self.graph
        for id in ["welch", "ishii", "tatsumi", "przystup"] {
            #expect(g.actor(id)?.kind == .person, "\(id)")
        }
        #expect(g.actors.filter { $0.kind != .person }.count >= 6, "institutions and the reported positions' groups")
    }

    @Test func everyClaimIsHeldAndQuoted() {
        let g = Self.graph
        for c in g.claims.indices {
            let stances = g.stances(onClaim: c)
            #expect(!stances.isEmpty, "\(g.claims[c].id) has no stance")
            #expect(stances.contains { !$0.quotes.isEmpty && $0.document != nil }, "\(g.claims[c].id) has no quote")
        }
    }

    @Test func analystInferencesAreMarkedAndWeighedLower() {
        let g = Self.graph
        let inferred = g.relations.filter { $0.actor == nil }
        #expect(!inferred.isEmpty)
        for r in inferred {
            #expect(r.note?.isEmpty == false, "\(g.label(ofRelation: g.relations.firstIndex(of: r)!)) has no note")
            #expect(r.weight < 1)
        }
    }

    @Test func welchAndIshiiBothAssertEngagingChina() {
        let g = Self.graph
        let welch = g.actorIndex(of: "welch")!, ishii = g.actorIndex(of: "ishii")!
        let shared = g.claims.indices.filter { c in
            let h = g.holders(of: c)
            return h.contains(welch) && h.contains(ishii) && g.claims[c].tags.contains("china")
        }
        #expect(!shared.isEmpty)
    }

    @Test(.enabled(if: TestPaths.sharedExists("seeds"), "needs ../shared/seeds beside the repository"))
    func everyQuoteStandsInItsSourceText() throws {
        let seeds = try #require(TestPaths.shared("seeds"))
        let checks = QuoteVerifier(sourceDirectory: seeds).verify(Self.graph)
        #expect(checks.count >= Self.graph.claims.count)
        for c in checks where !c.isVerified {
            let s = Self.graph.stances[c.stance]
            Issue.record("\(Self.graph.claims[s.claim].id): \(s.quotes[c.quote].text): \(c.verdict)")
        }
    }
}
