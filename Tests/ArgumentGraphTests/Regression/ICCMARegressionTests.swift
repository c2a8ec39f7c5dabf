import Foundation
import Testing
@testable import ArgumentGraph

/// Inputs found by the ICCMA fuzz harnesses (Fuzz/Harnesses/I23Fuzz.swift, TGFFuzz.swift), kept verbatim.
@Suite struct ICCMARegressionTests {
    @Test func aHugeArgumentCountIsAnErrorNotAGigabyteAllocation() throws {
        // Fuzz/artifacts/i23/oom-6b6886a2: 'p af' with 999999999 arguments malloc'ed 4 GB.
        let input: [UInt8] =
            [0x70, 0x20, 0x61, 0x66, 0x20, 0x09, 0x20, 0x09, 0x09] + Array("99999999999".utf8.prefix(9)) + [
                0x09, 0x09, 0x0A,
            ]
        let e = try #require(throws: DiagnosticError.self) { try ICCMAReader.read(bytes: input, format: .i23) }
        #expect(e.errors.first?.message == "999999999 arguments are more than argraph reads (at most 10000000)")
        #expect(e.errors.first?.location?.line == 1)
        // The largest count allowed still reads.
        let ok = try ICCMAReader.read(bytes: Array("p af 3\n1 2\n".utf8), format: .i23)
        #expect(ok.framework.count == 3)
    }

    @Test func tgfNodeIdsAreReadWholeHoweverLongOrMalformed() throws {
        // Fuzz/artifacts/tgf/crash-725b988d: ids were cut at 40 bytes (the length kept for error
        // messages), and invalid UTF-8 moved the read position by the decoded length, not the bytes.
        let long = String(repeating: "n", count: 60)
        let text = "\(long)a label\n\(long)b\n#\n\(long)a \(long)b\n"
        let af = try ICCMAReader.read(bytes: Array(text.utf8), format: .tgf)
        #expect(af.names == [long + "a", long + "b"])
        #expect(af.framework.attackCount == 1)
        let bad: [UInt8] =
            Array("q'x0 label 0\n".utf8) + [0xC3, 0xA9, 0x31, 0x20] + Array("labe".utf8)
            + [UInt8](repeating: 0xFF, count: 51) + Array("a b\n#\n".utf8)
        let read = try ICCMAReader.read(bytes: bad, format: .tgf)
        #expect(read.names.count == 2)
        let again = try ICCMAReader.read(
            bytes: Array(ICCMAWriter.write(read.framework, names: read.names, format: .tgf).utf8), format: .tgf)
        #expect(again.names == read.names)
    }

    @Test func aFirstTGFNameStartingWithAByteOrderMarkKeepsIt() throws {
        // Fuzz/artifacts/tgf/crash-0f88bf5d: CR, U+FEFF, space. The only node is named U+FEFF (the mark is not at
        // the start, so it is no BOM); written back, the file began with U+FEFF, which the reader took for a BOM.
        let input: [UInt8] = [0x0D, 0xEF, 0xBB, 0xBF, 0x20]
        let read = try ICCMAReader.read(bytes: input, format: .tgf)
        #expect(read.names == ["\u{FEFF}"])
        let written = ICCMAWriter.write(read.framework, names: read.names, format: .tgf)
        let again = try ICCMAReader.read(bytes: Array(written.utf8), format: .tgf)
        #expect(again.names == read.names)
        #expect(again.framework.count == 1)
        // A file that starts with a real BOM still loses it, and names without one get none.
        let plain = try ICCMAReader.read(bytes: [0xEF, 0xBB, 0xBF] + Array("a\nb\n#\na b\n".utf8), format: .tgf)
        #expect(plain.names == ["a", "b"])
        #expect(ICCMAWriter.write(plain.framework, names: plain.names, format: .tgf).hasPrefix("a\n"))
    }
}

/// The apx input found by Fuzz/Harnesses/APXFuzz.swift.
@Suite struct APXRegressionTests {
    @Test func anUnquotedNameWithAQuoteIsWrittenBackUnchanged() throws {
        // Fuzz/artifacts/apx/crash-70673a01: `arg(#X0").` names `#X0"`; the writer quoted it and
        // turned the '"' into "'", so the name changed on the way back.
        let af = try ICCMAReader.read(
            bytes: Array("arg(#X0\").\narg(\"n 11\").\natt(#X0\",\"n 11\").\n".utf8), format: .apx)
        #expect(af.names == ["#X0\"", "n 11"])
        let again = try ICCMAReader.read(
            bytes: Array(ICCMAWriter.write(af.framework, names: af.names, format: .apx).utf8), format: .apx)
        #expect(again.names == af.names)
        #expect(again.framework.attacked == af.framework.attacked)
    }

    @Test func aNumberedI23FrameworkIsWrittenWithoutItsNumbersAsStrings() throws {
        // Fuzz/artifacts/i23/timeout-3a7642bc (`p af 9999999`): the harness, and the writer, built the 10^7 names
        // "1"…"9999999" to compare them with themselves; over 10 s under ASan.
        let read = try ICCMAReader.read(bytes: Array("p af 9999999\n\n".utf8), format: .i23)
        #expect(read.givenNames == nil)
        #expect(read.framework.count == 9_999_999)
        #expect(ICCMAWriter.write(read.framework, format: .i23) == "p af 9999999\n")
        // Names that differ from the numbers (from apx, say) are still written as comments.
        let apx = try ICCMAReader.read(bytes: Array("arg(a).\narg(b).\natt(a,b).\n".utf8), format: .apx)
        #expect(ICCMAWriter.write(apx.framework, names: apx.givenNames, format: .i23) == "# 1 a\n# 2 b\np af 2\n1 2\n")
    }
}
