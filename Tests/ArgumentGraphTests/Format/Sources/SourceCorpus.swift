import ArgraphTestSupport
import Foundation
import ArgumentGraph
@testable import ArgumentGraphFormats

/// A two-document corpus with one known restatement (engaging China, said in both), boilerplate marked
/// `skip:`, and a graph built from it; written to a fresh temporary folder.
enum SourceCorpus {
    static let a = """
        Engagement with China

        Japan and the United States must engage China on regional security. Share on twitter. Nuclear deterrence
        remains the core of the alliance. The budget was approved in March.
        """
    static let b =
        "Engaging China on regional security is what Tokyo and Washington must do. The alliance should help poor countries build hospitals. Share on twitter.\n"

    static let graph = """
        document da
          title: A
          file: a.txt
          skip: Share on twitter
        document db
          title: B
          file: b.txt
          skip L1: Share on twitter.
        actor x
        actor y
        claim engage-a: Japan and the US must engage China on regional security.
        claim deterrence: Nuclear deterrence is the core of the alliance.
        claim engage-b: Tokyo and Washington must engage China on regional security.
        claim hospitals: The alliance should help poor countries build hospitals.
        stance x asserts engage-a in da
          quote: Japan and the United States must engage China on regional security
        stance x asserts deterrence in da
          quote: Nuclear deterrence remains the core of the alliance
        stance y asserts engage-b in db
          quote: Engaging China on regional security is what Tokyo and Washington must do
        stance y asserts hospitals in db
          quote: The alliance should help poor countries build hospitals
        support engage-a -> deterrence
        support engage-b -> hospitals
        """

    /// Writes the sources and the graph (`g.arg`) to a new folder; returns the folder.
    static func write() throws -> String {
        let dir = try ScratchDirectory.make("corpus")
        try a.write(to: dir.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try b.write(to: dir.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
        try graph.write(to: dir.appendingPathComponent("g.arg"), atomically: true, encoding: .utf8)
        return dir.path
    }
}
