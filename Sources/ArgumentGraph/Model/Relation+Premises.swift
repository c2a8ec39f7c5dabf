extension Relation {
    /// Whether every premise satisfies `test`: for a linked relation, whether the premises hold together.
    ///
    /// Unlike `premises.allSatisfy`, builds no array, so a plain relation costs one call.
    @inlinable
    public func allPremises(_ test: (Int) throws -> Bool) rethrows -> Bool {
        guard try test(source) else { return false }
        for p in otherPremises where try !test(p) { return false }
        return true
    }

    /// Whether some premise satisfies `test`: for a linked relation, whether one premise can break the unit.
    @inlinable
    public func anyPremise(_ test: (Int) throws -> Bool) rethrows -> Bool {
        if try test(source) { return true }
        for p in otherPremises where try test(p) { return true }
        return false
    }
}
