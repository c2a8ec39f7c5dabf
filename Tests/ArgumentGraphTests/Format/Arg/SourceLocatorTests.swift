import Testing

@testable import ArgumentGraphFormats

/// Places from byte offsets, including after a reader let its bytes go and the file is read again.
@Suite struct SourceLocatorTests {
    static let text = Array("claim a: A.\n\nclaim bé: B.\nattack a -> bé\n".utf8)

    @Test func offsetsBecomeLinesAndCharacterColumns() {
        let locator = SourceLocator(bytes: Self.text, file: "f")
        #expect(locator.locate(-1) == nil)
        #expect(locator.locate(6).map { "\($0.line):\($0.column)" } == "1:7")
        #expect(locator.locate(19).map { "\($0.line):\($0.column)" } == "3:7")  // after "claim bé" 2-byte é: 'b' at 19
        #expect(locator.locate(Self.text.count - 4).map { "\($0.line):\($0.column)" } == "4:13")
    }

    @Test func placesAfterAReloadComeFromTheBytesReadAgain() {
        // The bytes held were let go (poisoned); the reload gives the file.
        let locator = SourceLocator(bytes: [UInt8](repeating: 0xFF, count: Self.text.count), file: "f")
        locator.reload { Self.text }
        #expect(locator.locate(19).map { "\($0.line):\($0.column)" } == "3:7")
        #expect(locator.locate(6).map { "\($0.line):\($0.column)" } == "1:7")
    }

    @Test func aFileReadAgainShorterOrNotAtAllGivesNoPlaceRatherThanACrash() {
        let shorter = SourceLocator(bytes: Self.text, file: "f")
        shorter.reload { Array(Self.text.prefix(5)) }
        #expect(shorter.locate(30) == nil)
        #expect(shorter.locate(3).map { "\($0.line):\($0.column)" } == "1:4")
        let gone = SourceLocator(bytes: Self.text, file: "f")
        gone.reload { nil }
        #expect(gone.locate(6) == nil)
    }
}
