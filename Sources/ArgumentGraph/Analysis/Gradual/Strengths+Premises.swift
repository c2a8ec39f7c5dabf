import ArgumentGraphModel

extension Strengths {
    /// The strength of relation `rel`'s premises together: the source's strength, and for a linked relation the
    /// weakest premise's (the minimum), so that defeating any one premise takes the whole unit down.
    @inlinable
    public static func premiseStrength(of rel: Relation, _ s: [Double]) -> Double {
        var x = s[rel.source]
        for p in rel.otherPremises where s[p] < x { x = s[p] }
        return x
    }
}
