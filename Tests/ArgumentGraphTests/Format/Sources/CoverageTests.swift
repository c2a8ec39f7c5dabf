import Foundation
import Testing
import ArgumentGraph
@testable import ArgumentGraphFormats

@Suite struct CoverageTests {
    @Test func skipPassagesRoundTripThroughArgAndJSON() throws {
        let g = try ArgReader.read(SourceCorpus.graph).graph
        #expect(g.documents[0].skips == [Quote("Share on twitter")])
        #expect(g.documents[1].skips == [Quote("Share on twitter.", location: .lines(first: 1, last: 1))])
        let written = ArgWriter.write(g)
        #expect(written.contains("  skip L1: Share on twitter.\n"))
        #expect(try ArgReader.read(written).graph == g)
        let json = try JSONEncoder().encode(GraphJSON(g))
        #expect(try JSONDecoder().decode(GraphJSON.self, from: json).graph() == g)
    }

    @Test func malformedSkipsAreErrorsWithTheirPlace() {
        for (text, message, line) in [
            ("document d\n  title: D\n  skip L0: x\n", "invalid quote location 'L0'", 3),
            ("document d\n  title: D\n  skip:\n", "empty skip", 3),
            ("actor a\n  skip: x\n", "unknown property 'skip' for a actor", 2),
        ] {
            do {
                _ = try ArgReader.read(text)
                Issue.record("expected an error for \(text)")
            } catch {
                #expect(
                    error.diagnostics.contains { $0.message == message && $0.location?.line == line },
                    "\(error.diagnostics)")
            }
        }
    }

    @Test func sharesCountCoveredSentencesAndLeaveSkippedOnesOut() throws {
        let dir = try SourceCorpus.write()
        let g = try ArgReader.read(SourceCorpus.graph).graph
        let covs = Coverage.compute(g, library: SourceLibrary(graph: g, directory: dir))
        #expect(covs.count == 2)
        #expect(covs[0].sentences.count == 5)
        #expect(covs[0].counted == 4 && covs[0].covered == 2 && covs[0].share == 0.5)
        #expect(covs[0].uncovered.map(\.text) == ["Engagement with China", "The budget was approved in March."])
        #expect(covs[0].uncovered.map(\.span.start.line) == [1, 4])
        #expect(covs[1].share == 1)
        #expect(covs[1].sentences.count { $0.isSkipped } == 1)
    }

    @Test func restatementsAcrossDocumentsRankFirst() throws {
        let dir = try SourceCorpus.write()
        let g = try ArgReader.read(SourceCorpus.graph).graph
        let covs = Coverage.compute(g, library: SourceLibrary(graph: g, directory: dir))
        let pairs = Restatements.rank(g, coverage: covs, minimum: 0)
        let top = try #require(pairs.first)
        #expect(
            Set([top.first.claim, top.second.claim])
                == Set([g.claimIndex(of: "engage-a"), g.claimIndex(of: "engage-b")]))
        #expect(top.score > 0.3)
        // Pairs come from different documents, never a claim with itself.
        for p in pairs { #expect(p.first.document != p.second.document && p.first.claim != p.second.claim) }
        // Only pairs with the claim asked for.
        let d = g.claimIndex(of: "deterrence")!
        #expect(
            Restatements.rank(g, coverage: covs, minimum: 0, claim: d).allSatisfy {
                $0.first.claim == d || $0.second.claim == d
            })
        #expect(Restatements.rank(g, minimum: 0.99).isEmpty)
    }

    @Test func sourcesAreLocatedBesideTheGraphOrByTheEnvironment() throws {
        let dir = try SourceCorpus.write()
        let g = try ArgReader.read(SourceCorpus.graph).graph
        #expect(
            SourceLibrary.locate(explicit: nil, graphFile: dir + "/g.arg", graph: g, environment: [:]).directory == dir)
        #expect(
            SourceLibrary.locate(
                explicit: nil, graphFile: "/nonexistent/g.arg", graph: g, environment: ["ARGRAPH_SOURCES": dir]
            ).directory == dir)
        let none = SourceLibrary.locate(explicit: nil, graphFile: "/nonexistent/g.arg", graph: g, environment: [:])
        #expect(none.directory == nil && none.tried == ["/nonexistent", "/nonexistent/sources"])
        #expect(SourceLibrary.locate(explicit: "/x", graphFile: nil, graph: g, environment: [:]).directory == "/x")
    }
}

@Suite struct RestatementTests {
    @Test func aClaimQuotedInTwoDocumentsIsListedAsOneClaimWhenAsked() throws {
        let text =
            SourceCorpus.graph
            + "\nstance y asserts engage-a in db\n  quote: Engaging China on regional security is what Tokyo and Washington must do\n"
        let g = try ArgReader.read(text).graph
        let a = g.claimIndex(of: "engage-a")!
        let with = Restatements.rank(g, minimum: 0, sameClaim: true)
        #expect(with.contains { $0.isSameClaim && $0.first.claim == a })
        #expect(!Restatements.rank(g, minimum: 0).contains { $0.isSameClaim })
    }

    /// The positions the bundled graph already shares between documents (one claim quoted in two) rank high:
    /// most within the top 1% of the graph's thousands of pairs. Word overlap cannot see a paraphrase without a
    /// shared word, so not every one does (on the second pass, 6 of 11 in the top 1%, two near the bottom).
    @Test func sharedPositionsOfTheBundledGraphRankNearTheTop() throws {
        let g = try ArgReader.read(contentsOf: TestPaths.repo("graphs/us-japan-alliance.arg")).graph
        var shared = Set<Int>()
        for c in g.claims.indices where Set(g.stances(onClaim: c).compactMap(\.document)).count >= 2 {
            shared.insert(c)
        }
        let pairs = Restatements.rank(g, minimum: 0, sameClaim: true)
        let ranks = shared.compactMap { c in pairs.firstIndex { $0.isSameClaim && $0.first.claim == c } }.sorted()
        #expect(ranks.count == shared.count, "every shared claim is listed")
        let top = pairs.count / 100
        #expect(ranks.filter { $0 < top }.count * 2 >= shared.count, "ranks \(ranks) of \(pairs.count)")
        #expect(
            ranks.count > 0 && ranks[ranks.count / 2] < pairs.count / 20, "median rank of \(ranks) of \(pairs.count)")
    }
}
