/// Makes unique, valid slugs from arbitrary names, for importers whose ids are free text.
package struct IDMaker {
    private(set) var used: Set<String> = []
    /// The next number to try after each base that was already taken (so k repeats of a name cost O(k), not O(k²)).
    private var nextSuffix: [String: Int] = [:]

    /// A maker that has made no slug yet.
    package init() {}

    /// A slug for `name`: kept as is when already a valid slug, otherwise lowercased with runs of
    /// other characters turned into `-`; `fallback` when nothing is left. Unique among those made so far.
    package mutating func make(_ name: String, fallback: String = "x", maxLength: Int = 48) -> String {
        var base = Slug.isValid(name) && name.count <= maxLength ? name : Self.slugify(name, maxLength: maxLength)
        if base.isEmpty { base = fallback }
        var id = base
        if used.contains(id) {
            var n = nextSuffix[base] ?? 2
            repeat { id = base + "-" + String(n); n += 1 } while used.contains(id)
            nextSuffix[base] = n
        }
        used.insert(id)
        return id
    }

    /// Reserves `id` so that no later slug repeats it; returns false if it was taken.
    @discardableResult
    package mutating func reserve(_ id: String) -> Bool { used.insert(id).inserted }

    /// Lowercase letters and digits, other runs as one `-`, trimmed, at most `maxLength` characters.
    package static func slugify(_ text: String, maxLength: Int = 48) -> String {
        var out = ""
        var dash = false
        for s in text.lowercased().unicodeScalars {
            if Slug.isAlnum(s) {
                if dash, !out.isEmpty { out += "-" }
                dash = false
                out.unicodeScalars.append(s)
                if out.count >= maxLength { break }
            } else {
                dash = true
            }
        }
        return out
    }
}
