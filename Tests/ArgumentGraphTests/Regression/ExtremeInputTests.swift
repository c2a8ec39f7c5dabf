import Foundation
import Testing
@testable import ArgumentGraph

/// Inputs at the extremes (issue #9), at sizes a debug build handles in a few seconds each;
/// `scripts/extremes` runs the full sizes (10^6 claims, 10^6 actors) on the release binary.
///
/// Each must give a result or a clear error, never a crash, a stack overflow or a hang.
@Suite struct ExtremeInputTests {
    // MARK: Long chains and wide fans

    /// `claim c0 … cN-1` with `support c(i) -> c(i-1)`: the deepest graph there is.
    static func chain(_ n: Int) -> String {
        var s = ""
        s.reserveCapacity(n * 45)
        for i in 0..<n { s += "claim c\(i): C\(i).\n" }
        for i in 1..<n { s += "support c\(i) -> c\(i - 1)\n" }
        return s
    }

    @Test func aLongChainGoesThroughEveryFormatWithoutRecursion() throws {
        let n = 20_000
        let g = try ArgReader.read(Self.chain(n)).graph
        #expect(g.claims.count == n)
        #expect(g.supportCount == n - 1)
        #expect(g.supporters(of: n - 2) == [n - 1])
        let json = GraphJSON.encode(g)
        #expect(try GraphJSON.decode(json) == g)
        #expect(try ArgReader.read(ArgWriter.write(g)).graph == g)
    }

    @Test func theChainsIntoTheEndOfALongChainAreOneChainOfEveryClaim() throws {
        // Yen's algorithm built each spur's root path and banned set, the chain's length per spur: hours at 10^6
        // claims. Spurs with no usable edge (here, all of them) are now skipped before any of that.
        let n = 20_000
        let g = try ArgReader.read(Self.chain(n)).graph
        let ones = [Double](repeating: 1, count: n)
        for maxLength in [nil, n] as [Int?] {
            let chains = Chains.top(g, to: 0, k: 3, maxLength: maxLength, strengths: ones)
            #expect(chains.count == 1)
            #expect(chains.first?.claims == Array((0..<n).reversed()))
            #expect(chains.first?.relations.count == n - 1)
        }
        // With a shortcut from the far end to the middle there are exactly two.
        let shortcut = try ArgReader.read(Self.chain(n) + "support c\(n - 1) -> c\(n / 2)\n").graph
        let two = Chains.top(shortcut, to: 0, k: 3, strengths: ones)
        #expect(two.map(\.claims.count) == [n / 2 + 2, n])  // c(n-1), then c(n/2) down to c0
        // A bound that keeps out the long one: the hop-bounded search, which held hops × claims values (3 GB here)
        // and now keeps what each hop changed.
        let bounded = Chains.top(shortcut, to: 0, k: 3, maxLength: n / 2 + 1, strengths: ones)
        #expect(bounded.map(\.claims.count) == [n / 2 + 2])
    }

    @Test func aClaimWithTwentyThousandAttackers() throws {
        let n = 20_000
        var s = "claim t: The target.\n"
        s.reserveCapacity(n * 40)
        for i in 0..<n { s += "claim a\(i): A\(i).\nattack a\(i) -> t\n" }
        let g = try ArgReader.read(s).graph
        let t = try #require(g.claimIndex(of: "t"))
        #expect(g.attackers(of: t).count == n)
        #expect(g.attacksTo.degree(t) == n)
        #expect(try GraphJSON.decode(GraphJSON.encode(g)) == g)
    }

    @Test func twentyThousandActorsInJSON() throws {
        let n = 20_000
        var s = #"{"claims":[{"id":"x","text":"X"}],"actors":["#
        s.reserveCapacity(n * 60)
        for i in 0..<n { s += (i > 0 ? "," : "") + #"{"id":"p\#(i)","name":"Person \#(i)"}"# }
        s += #"],"stances":["#
        for i in 0..<n { s += (i > 0 ? "," : "") + #"{"actor":"p\#(i)","stance":"asserts","claim":"x"}"# }
        s += "]}"
        let g = try GraphJSON.decode(Data(s.utf8))
        #expect(g.actors.count == n)
        #expect(g.holders(of: 0).count == n)
    }

    // MARK: Long lines and long ids

    @Test func aMegabyteIdGivesAFewShortErrors() throws {
        // A relation whose source id is one 1 MB word (10 MB in scripts/extremes), in a graph with a few hundred claims:
        // the did-you-mean search must not compare it against every id at full cost,
        // and the message must not repeat 10 MB.
        let long = String(repeating: "x", count: 1_000_000)
        var s = ""
        for i in 0..<300 { s += "claim c\(i): C\(i).\n" }
        s += "support \(long) -> c0\nstance \(long) asserts c1\n"
        let e = try #require(throws: DiagnosticError.self) { try ArgReader.read(s) }
        #expect(!e.errors.isEmpty)
        #expect(e.errors.count <= 3)
        let total = e.diagnostics.map { $0.message.utf8.count + ($0.hint?.utf8.count ?? 0) }.reduce(0, +)
        #expect(total < 1_000, "diagnostics repeat the long id: \(total) bytes")
    }

    @Test func aTenMegabyteClaimTextInJSON() throws {
        let text = String(repeating: "word ", count: 2_000_000)
        let s = #"{"claims":[{"id":"x","text":""# + text + #""}]}"#
        let g = try GraphJSON.decode(Data(s.utf8))
        #expect(g.claims[0].text.utf8.count == 10_000_000)
    }

    @Test func aMegabyteInvalidIdInJSONGivesAShortError() throws {
        let long = String(repeating: "!", count: 1_000_000)
        let s =
            #"{"claims":[{"id":""# + long
            + #"","text":"X"},{"id":"y","text":"Y"}],"relations":[{"kind":"support","from":""# + long
            + #"","to":"y"}]}"#
        let e = try #require(throws: DiagnosticError.self) { try GraphJSON.decode(Data(s.utf8)) }
        #expect(e.errors.first?.message.contains("is not a valid claim id") == true)
        let total = e.diagnostics.map { $0.message.utf8.count + ($0.hint?.utf8.count ?? 0) }.reduce(0, +)
        #expect(total < 1_000, "diagnostics repeat the long id: \(total) bytes")
    }

    // MARK: Deep nesting

    @Test(arguments: [
        ("arrays in the claims array", #"{"claims":"#, "[", "]", "}"),
        ("objects under an unknown key", #"{"extra":"#, #"{"a":"#, "}", "}"),
        ("arrays at the top", "", "[", "]", ""),
    ])
    func deeplyNestedJSONIsAClearError(what: String, prefix: String, open: String, close: String, suffix: String) throws
    {
        let depth = 100_000
        let s = prefix + String(repeating: open, count: depth) + String(repeating: close, count: depth) + suffix
        // The decoder must refuse the depth (or the shape) with an error, not overflow the stack.
        let e = try #require(throws: DiagnosticError.self, "\(what)") { try GraphJSON.decode(Data(s.utf8)) }
        #expect(e.errors.first?.message.contains("invalid") == true, "\(what): \(e)")
    }

    @Test func manyNestedArraysInARelationChainOfArgLinesAreJustText() throws {
        // .arg has no nesting: a line of ten thousand '[' is one unknown declaration.
        let e = try #require(throws: DiagnosticError.self) { try ArgReader.read(String(repeating: "[", count: 10_000)) }
        #expect(e.errors.count == 1)
    }

    // MARK: Invalid UTF-8

    @Test(arguments: [
        ([0xFF] as [UInt8], "a stray 0xFF"),
        ([0x80], "a lone continuation byte"),
        ([0xC0, 0xAF], "an overlong '/'"),
        ([0xED, 0xA0, 0x80], "a UTF-16 surrogate"),
        ([0xF4, 0x90, 0x80, 0x80], "a code point above U+10FFFF"),
        ([0xF0, 0x9F, 0x98], "a sequence cut at the end of the file"),
    ])
    func invalidUTF8InArgIsAnErrorWithItsPlace(bytes: [UInt8], what: String) throws {
        let input = Array("claim x: fine\nclaim y: caf".utf8) + bytes
        let e = try #require(throws: DiagnosticError.self, "\(what)") { try ArgReader.read(input) }
        #expect(e.errors.count == 1, "\(what)")
        #expect(e.errors.first?.message == "invalid UTF-8", "\(what)")
        #expect(e.errors.first?.location?.line == 2, "\(what)")
        #expect(e.errors.first?.location?.column == 13, "\(what)")
    }

    @Test(arguments: [[0xFF] as [UInt8], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF0, 0x9F, 0x98]])
    func invalidUTF8InJSONIsAClearError(bytes: [UInt8]) throws {
        let input = Array(#"{"claims":[{"id":"x","text":"caf"#.utf8) + bytes + Array(#""}]}"#.utf8)
        let e = try #require(throws: DiagnosticError.self) { try GraphJSON.decode(Data(input)) }
        #expect(e.errors.first?.message.contains("invalid") == true, "\(e)")
    }

    @Test func escapedLoneSurrogateInJSONIsAnErrorOrAReplacement() throws {
        // "\ud800" names half a character; it must not crash, and what comes back must be valid text.
        let s = #"{"claims":[{"id":"x","text":"a\ud800b"}]}"#
        do {
            let g = try GraphJSON.decode(Data(s.utf8))
            #expect(g.claims[0].text.unicodeScalars.allSatisfy { !(0xD800...0xDFFF).contains($0.value) })
        } catch {
            #expect(!error.errors.isEmpty)
        }
    }
}
