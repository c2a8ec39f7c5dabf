import Testing
@testable import ArgumentGraph

@Suite struct TimelineTests {
    static let text = """
        document d1
          title: One
          date: 2001
        document d2
          title: Two
          date: 2002
        document d3
          title: Undated
        actor x
        actor y
        claim k1: One.
        claim k2: Two.
        claim k3: Three.
        claim k4: Four.
        stance x asserts k1 in d2
        stance x asserts k1 in d1
        stance x asserts k2 in d2
        stance x denies k1 in d3
        stance x asserts k3 in d3
        stance x asserts k4
        stance y asserts k1 in d2
        support k2 -> k1
        attack k3 -> k2
        """

    @Test func restatedExtendedReversed() throws {
        let g = try PositionFixtures.graph(Self.text)
        let t = Timeline(g, actor: 0)
        #expect(t.entries.map(\.stance) == [1, 0, 2, 3, 4, 5])
        #expect(t.entries.map(\.changes) == [[.new], [.restated], [.extended], [.reversed], [.reversed], [.new]])
        #expect(t.entries.map(\.earlier) == [[], [0], [0], [0], [1], []])
        #expect(t.entries[0].date?.description == "2001" && t.entries[5].document == nil)
    }

    @Test func everyActorAndOtherActorsDoNotCount() throws {
        let g = try PositionFixtures.graph(Self.text)
        let all = Timeline(g)
        #expect(all.entries.count == 7)
        let y = all.entries.filter { $0.actor == 1 }
        #expect(y.map(\.changes) == [[.new]])  // x's earlier k1 is not y's
        #expect(Timeline.documentOrder(g) == [0, 1, 2])
        #expect(Timeline(g, actor: 9).entries.isEmpty)
    }

    @Test func sameDocumentIsNotEarlier() throws {
        let g = try PositionFixtures.forum()
        let t = Timeline(g, actor: 0)
        // a's p2 supports p1, but both are in doc1: neither extends the other.
        #expect(t.entries.map(\.changes) == [[.new], [.new], [.new], [.new], [.new]])
    }
}
