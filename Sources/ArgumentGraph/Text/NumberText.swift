/// The one way a number prints for a person, so that a strength reads the same in every command and export.
public enum NumberText {
    /// `n` and a noun, plural unless `n` is 1: "1 claim", "2 claims", "0 claims" (for nouns whose plural adds "s").
    public static func counted(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    /// A strength, credibility, score or agreement index: three decimals (`0.661`, `-0.333`), never `-0.000`.
    public static func strength(_ x: Double) -> String { fixed(x, decimals: 3) }

    /// A change of strength or score, signed: `+0.125`, `-0.193`, and `0.000` for one that rounds to nothing.
    public static func change(_ x: Double) -> String {
        let s = strength(x)
        return s.hasPrefix("-") || s == strength(0) ? s : "+" + s
    }

    /// `x` with exactly `decimals` digits after the point (0 to 9), rounded as `printf` does (half to even), without a negative
    /// zero; not-a-number and infinities print as `nan`, `inf` and `-inf`.
    public static func fixed(_ x: Double, decimals: Int) -> String {
        let d = min(max(decimals, 0), 9)
        var scale = 1.0
        for _ in 0..<d { scale *= 10 }
        let scaled = (x * scale).rounded(.toNearestOrEven)
        guard scaled.isFinite, abs(scaled) < 9e15 else {
            return x.isNaN ? "nan" : x.isInfinite ? (x < 0 ? "-inf" : "inf") : String(x)
        }
        let v = Int64(scaled)
        let whole = String(abs(v) / Int64(scale))
        let sign = v < 0 ? "-" : ""
        guard d > 0 else { return sign + whole }
        let frac = String(abs(v) % Int64(scale))
        return sign + whole + "." + String(repeating: "0", count: d - frac.count) + frac
    }

    /// `x` with at most `decimals` digits after the point and no trailing zeros (`0.5`, `2`): for drawing attributes,
    /// where a fixed width serves no one.
    public static func compact(_ x: Double, decimals: Int = 2) -> String {
        var s = fixed(x, decimals: decimals)
        guard s.contains("."), !s.contains("e") else { return s }
        while s.last == "0" { s.removeLast() }
        if s.last == "." { s.removeLast() }
        return s == "-0" ? "0" : s
    }
}
