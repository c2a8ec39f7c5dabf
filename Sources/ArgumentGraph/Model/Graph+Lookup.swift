extension Graph {
    /// The index of the claim with this id, if any.
    public func claimIndex(of id: String) -> Int? { claimIndex[id] }
    /// The index of the actor with this id, if any.
    public func actorIndex(of id: String) -> Int? { actorIndex[id] }
    /// The index of the document with this id, if any.
    public func documentIndex(of id: String) -> Int? { documentIndex[id] }
    /// The index of the relation with this id, if any.
    public func relationIndex(of id: String) -> Int? { relationIndex[id] }

    /// The claim with this id, if any.
    public func claim(_ id: String) -> Claim? { claimIndex[id].map { claims[$0] } }
    /// The actor with this id, if any.
    public func actor(_ id: String) -> Actor? { actorIndex[id].map { actors[$0] } }
    /// The document with this id, if any.
    public func document(_ id: String) -> Document? { documentIndex[id].map { documents[$0] } }

    /// The indices of the claims that directly support claim `c` (a linked support gives its first premise).
    public func supporters(of c: Int) -> [Int] { supportsTo[c].map { relations[Int($0)].source } }
    /// The indices of the claims that directly attack claim `c` (a linked attack gives its first premise).
    public func attackers(of c: Int) -> [Int] { attacksTo[c].map { relations[Int($0)].source } }
    /// The indices of the claims that claim `c` directly supports.
    public func supported(by c: Int) -> [Int] { supportsFrom[c].compactMap { relations[Int($0)].targetClaim } }
    /// The indices of the claims that claim `c` directly attacks.
    public func attacked(by c: Int) -> [Int] { attacksFrom[c].compactMap { relations[Int($0)].targetClaim } }

    /// The stances taken on claim `c`.
    public func stances(onClaim c: Int) -> [Stance] { stancesOfClaim[c].map { stances[Int($0)] } }
    /// The stances taken by actor `a`.
    public func stances(ofActor a: Int) -> [Stance] { stancesOfActor[a].map { stances[Int($0)] } }

    /// The indices of the actors who assert claim `c`, without duplicates, in stance order.
    public func holders(of c: Int) -> [Int] {
        var seen = Set<Int>()
        return stances(onClaim: c).filter { $0.kind == .asserts }.map(\.actor).filter { seen.insert($0).inserted }
    }

    /// The indices of the actors who assert every premise of relation `r` (for a plain relation, its source's
    /// holders), in the order of ``holders(of:)`` for the first premise.
    public func holders(ofPremisesOf r: Int) -> [Int] {
        let rel = relations[r]
        let first = holders(of: rel.source)
        guard rel.isLinked else { return first }
        let others = rel.otherPremises.map { Set(holders(of: $0)) }
        return first.filter { a in others.allSatisfy { $0.contains(a) } }
    }

    /// All tags used by claims, each once, sorted.
    public var tags: [String] { Array(Set(claims.flatMap(\.tags))).sorted() }

    /// The number of support relations (a linked one counts once).
    public var supportCount: Int { supportsTo.entries.count }
    /// The number of attack relations on claims (a linked one counts once).
    public var attackCount: Int { attacksTo.entries.count }
    /// The number of relations that target other relations.
    public var undercutCount: Int { relationsTo.entries.count }

    /// The ids of the claims `premises`, joined by ` + ` as `.arg` writes a linked relation's premises.
    public func premiseText(_ premises: [Int]) -> String {
        premises.map { claims[$0].id }.joined(separator: " + ")
    }

    /// A short human name for a relation: its id, or `source -> target`.
    public func label(ofRelation r: Int) -> String {
        let rel = relations[r]
        if let id = rel.id { return id }
        let target: String
        switch rel.target {
        case let .claim(c): target = claims[c].id
        case let .relation(t): target = "@" + (relations[t].id ?? "#\(t)")
        }
        return premiseText(rel.premises) + " -> " + target
    }
}
