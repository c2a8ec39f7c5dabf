import Testing
@testable import ArgumentGraph

@Suite struct PartialDateTests {
    @Test(arguments: ["2009", "2008-03", "2008-03-14", "0999-12-31"])
    func parsesAndPrintsBack(_ text: String) throws {
        let date = try #require(PartialDate(text))
        #expect(date.description == text)
    }

    @Test(arguments: [
        "", "09", "2008-3", "2008-13", "2008-00", "2008-03-32", "2008-03-1", "20x8", "2008--03", "2008-03-14-01",
        "-2008",
    ])
    func rejectsMalformed(_ text: String) {
        #expect(PartialDate(text) == nil)
    }

    @Test func ordersChronologicallyWithCoarserDatesFirst() throws {
        let dates = try ["2010-10-27", "2008", "2008-03-14", "2005-06", "2008-03"].map { try #require(PartialDate($0)) }
        #expect(dates.sorted().map(\.description) == ["2005-06", "2008", "2008-03", "2008-03-14", "2010-10-27"])
    }
}
