import ArgumentGraphAnalysis
import ArgumentGraphFormats

// A solver's answer is a labelling, an analysis result: writing it sits above Analysis, beside the other views.
extension ICCMAWriter {
    /// An extension in ICCMA 2023 form: `w 1 3 4` (1-based numbers of the in-arguments).
    public static func i23Extension(_ labels: [Label]) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "w")]
        var digits = [UInt8](repeating: 0, count: 20)
        for (i, l) in labels.enumerated() where l == .in {
            bytes.append(UInt8(ascii: " "))
            var v = i + 1, k = 0
            while v > 0 { digits[k] = UInt8(48 + v % 10); v /= 10; k += 1 }
            while k > 0 { k -= 1; bytes.append(digits[k]) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// An extension in the apx/tgf form of ICCMA 2015–2021: `[a,b]`.
    public static func bracketExtension(_ labels: [Label], names: [String]) -> String {
        "[" + labels.indices.filter { labels[$0] == .in }.map { names[$0] }.joined(separator: ",") + "]"
    }

    /// Several extensions in the apx/tgf form: `[[a],[b,c]]`.
    public static func bracketExtensions(_ all: [[Label]], names: [String]) -> String {
        "[" + all.map { bracketExtension($0, names: names) }.joined(separator: ",") + "]"
    }
}
