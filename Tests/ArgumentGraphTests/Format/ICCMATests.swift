import Foundation
import Testing
@testable import ArgumentGraph

@Suite struct ICCMATests {
    func read(_ text: String, _ format: ICCMAFormat) throws -> ICCMAFramework {
        try ICCMAReader.read(bytes: Array(text.utf8), format: format)
    }

    @Test func readsI23WithCommentsAndBlankLines() throws {
        let f = try read("# a comment\np af 4\n1 2\n\n# another\n2 3\n3 2\r\n4 4\n1 2\n", .i23)
        #expect(f.framework.count == 4)
        #expect(f.framework.attackCount == 4, "the duplicate 1 2 is merged")
        #expect(f.framework.attacks(0, 1) && f.framework.attacks(3, 3) && f.framework.attacks(2, 1))
        #expect(f.names == ["1", "2", "3", "4"])
        #expect(try read("p af 0\n", .i23).framework.count == 0)
    }

    @Test(arguments: [
        ("1 2\n", 1, 1, "expected the header"),
        ("p af 3\n1 4\n", 2, 3, "argument 4 is not in 1...3"),
        ("p af 3\n1\n", 2, 2, "expected a space"),
        ("p af 3\n1 x\n", 2, 3, "expected a number"),
        ("p af 3\n1 2 3\n", 2, 5, "unexpected text '3'"),
        ("p af 3\np af 3\n", 2, 1, "a second 'p af' header"),
        ("p xx 3\n", 1, 3, "expected 'af'"),
        ("", 1, 1, "missing the header"),
    ])
    func rejectsMalformedI23(_ input: String, _ line: Int, _ column: Int, _ message: String) {
        #expect {
            try read(input, .i23)
        } throws: { error in
            guard let d = (error as? DiagnosticError)?.diagnostics.first else { return false }
            return d.location?.line == line && d.location?.column == column && d.message.contains(message)
        }
    }

    @Test func readsAPXAndTGF() throws {
        let apx = try read("arg(a).\narg(b).\n% comment\narg( c ).\natt(a,b).\natt(b, c).\natt(\"c\",a).\n", .apx)
        #expect(apx.names == ["a", "b", "c"])
        #expect(apx.framework.attacks(0, 1) && apx.framework.attacks(1, 2) && apx.framework.attacks(2, 0))
        let tgf = try read("1 first\n2\n3\n#\n1 2\n2 3 label\n", .tgf)
        #expect(tgf.names == ["1", "2", "3"])
        #expect(tgf.framework.attackCount == 2 && tgf.framework.attacks(1, 2))
    }

    @Test func apxAndTGFErrorsNameTheProblem() {
        #expect { try read("arg(a).\natt(a,bb).\n", .apx) } throws: { e in
            let d = (e as? DiagnosticError)?.diagnostics.first
            return d?.message == "attack names undeclared argument 'bb'" && d?.location?.line == 2
        }
        #expect { try read("arg(a)\n", .apx) } throws: {
            ($0 as? DiagnosticError)?.diagnostics.first?.message.contains("'.'") == true
        }
        #expect { try read("1\n#\n1 2\n", .tgf) } throws: {
            ($0 as? DiagnosticError)?.diagnostics.first?.message.contains("unknown node '2'") == true
        }
    }

    /// Writing and reading back gives the same attack relation, in every format.
    @Test func roundTripsRandomFrameworks() throws {
        var rng = SeededGenerator(seed: 23)
        for _ in 0..<100 {
            let af = randomFramework(Int.random(in: 0...20, using: &rng), 0.15, &rng)
            for format in ICCMAFormat.allCases {
                let names = format == .i23 ? nil : (0..<af.count).map { "arg\($0)" }
                let back = try read(ICCMAWriter.write(af, names: names, format: format), format).framework
                #expect(back.count == af.count)
                #expect(back.attacks.map { [$0.0, $0.1] } == af.attacks.map { [$0.0, $0.1] })
            }
        }
    }

    @Test func writesAGraphsAttackRelationWithClaimNames() throws {
        let g = try canonicalGraph("nixon-diamond")
        let i23 = ICCMAWriter.write(g, format: .i23)
        #expect(i23.contains("# 1 quaker\n") && i23.contains("p af 4\n3 4\n4 3\n"))
        let apx = ICCMAWriter.write(g, format: .apx)
        #expect(apx.contains("arg(\"not-pacifist\").") && apx.contains("att(pacifist,\"not-pacifist\")."))
        let back = try read(apx, .apx)
        #expect(back.names == g.claims.map(\.id))
        #expect(ICCMAWriter.i23Extension([.in, .out, .in]) == "w 1 3")
        #expect(ICCMAWriter.bracketExtensions([[.in, .out], [.out, .in]], names: ["a", "b"]) == "[[a],[b]]")
        #expect(ICCMAWriter.bracketExtension([.out, .out], names: ["a", "b"]) == "[]")
    }
}
