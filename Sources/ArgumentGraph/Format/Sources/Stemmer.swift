import ArgumentGraphModel

/// The Porter (1980) stemmer for English: `alliances` → `allianc`, `cooperation` → `cooper`.
///
/// Works on lower-case ASCII words; any other word, and words of one or two letters, come back unchanged.
public enum Stemmer {
    /// The stem of a lower-case word.
    public static func stem(_ word: String) -> String {
        guard word.count > 2, word.utf8.allSatisfy({ $0 >= 97 && $0 <= 122 }) else { return word }
        var w = Porter(Array(word.utf8))
        w.step1ab(); w.step1c(); w.step2(); w.step3(); w.step4(); w.step5()
        return String(decoding: w.b[0..<w.k], as: UTF8.self)
    }

    private struct Porter {
        var b: [UInt8]
        /// The end of the word (exclusive) and of the stem being tested (exclusive).
        var k: Int
        var j = 0
        init(_ b: [UInt8]) { self.b = b; k = b.count }

        func cons(_ i: Int) -> Bool {
            switch b[i] {
            case 97, 101, 105, 111, 117: return false
            case 121: return i == 0 ? true : !cons(i - 1)
            default: return true
            }
        }
        /// The number of vowel-consonant sequences in b[0..<j].
        func m() -> Int {
            var n = 0, i = 0
            while true { if i >= j { return n }; if !cons(i) { break }; i += 1 }
            i += 1
            while true {
                while true { if i >= j { return n }; if cons(i) { break }; i += 1 }
                i += 1; n += 1
                while true { if i >= j { return n }; if !cons(i) { break }; i += 1 }
                i += 1
            }
        }
        func vowelInStem() -> Bool { (0..<j).contains { !cons($0) } }
        func doubleC(_ i: Int) -> Bool { i >= 1 && b[i] == b[i - 1] && cons(i) }
        /// consonant-vowel-consonant ending at i, the last not w, x or y.
        func cvc(_ i: Int) -> Bool {
            guard i >= 2, cons(i), !cons(i - 1), cons(i - 2) else { return false }
            return b[i] != 119 && b[i] != 120 && b[i] != 121
        }
        mutating func ends(_ s: String) -> Bool {
            let u = Array(s.utf8)
            guard u.count <= k, Array(b[(k - u.count)..<k]) == u else { return false }
            j = k - u.count
            return true
        }
        mutating func setTo(_ s: String) {
            let u = Array(s.utf8)
            b.replaceSubrange(j..<k, with: u)
            k = j + u.count
            b.removeSubrange(k...)
        }
        mutating func r(_ s: String) { if m() > 0 { setTo(s) } }

        mutating func step1ab() {
            if b[k - 1] == 115 {  // s
                if ends("sses") { k -= 2 } else if ends("ies") { setTo("i") } else if k >= 2, b[k - 2] != 115 { k -= 1 }
                b.removeSubrange(k...)
            }
            if ends("eed") {
                if m() > 0 { k -= 1; b.removeSubrange(k...) }
            } else if (ends("ed") || ends("ing")) && vowelInStem() {
                k = j
                b.removeSubrange(k...)
                if ends("at") {
                    setTo("ate")
                } else if ends("bl") {
                    setTo("ble")
                } else if ends("iz") {
                    setTo("ize")
                } else if doubleC(k - 1) {
                    let c = b[k - 1]
                    if c != 108 && c != 115 && c != 122 { k -= 1; b.removeSubrange(k...) }
                } else {
                    j = k; if m() == 1 && cvc(k - 1) { setTo("e") }
                }
            }
        }
        mutating func step1c() { if ends("y") && vowelInStem() { b[k - 1] = 105 } }
        mutating func step2() {
            guard k >= 3 else { return }
            let pairs: [(String, String)] = [
                ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"),
                ("bli", "ble"), ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"),
                ("ization", "ize"), ("ation", "ate"), ("ator", "ate"), ("alism", "al"), ("iveness", "ive"),
                ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"), ("iviti", "ive"), ("biliti", "ble"),
                ("logi", "log"),
            ]
            for (s, t) in pairs where ends(s) { r(t); return }
        }
        mutating func step3() {
            let pairs: [(String, String)] = [
                ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""),
                ("ness", ""),
            ]
            for (s, t) in pairs where ends(s) { r(t); return }
        }
        mutating func step4() {
            guard k >= 3 else { return }
            for s in [
                "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism",
                "ate", "iti", "ous", "ive", "ize",
            ] where ends(s) {
                if s == "ion", !(j >= 1 && (b[j - 1] == 115 || b[j - 1] == 116)) { return }
                if m() > 1 { k = j; b.removeSubrange(k...) }
                return
            }
        }
        mutating func step5() {
            j = k
            if b[k - 1] == 101 {
                j = k - 1
                let a = m()
                if a > 1 || (a == 1 && !cvc(k - 2)) { k -= 1; b.removeSubrange(k...) }
            }
            j = k
            if b[k - 1] == 108 && doubleC(k - 1) && m() > 1 { k -= 1; b.removeSubrange(k...) }
        }
    }
}
