import Foundation
import Testing
@testable import ArgumentGraphModel

/// `Relation` keeps its actor inline as 32 bits and its id and note in a shared, immutable box. These tests hold
/// it to a plain model with every field stored: any sequence of edits reads back as the model says, equality
/// and hashing follow the fields (not the box), copies are independent, and JSON has the keys and values the
/// synthesized conformance wrote.
@Suite struct RelationStorageTests {
    /// The fields as a plain struct.
    struct Model: Equatable {
        var id: String?
        var actor: Int?
        var note: String?
        var weight: Double = 1
        var otherPremises: [Int] = []
    }

    static let weights: [Double] = [1, 0, 0.5, -0.0, 1.5, .infinity]
    static let premiseLists: [[Int]] = [[], [4], [4, 9], [Int.max]]

    static let actors: [Int?] = [
        nil, 0, 1, 7, Int(Int32.max), Int(Int32.max) + 1, Int(Int32.min), Int(Int32.min) + 1, Int(Int32.min) + 2, -1,
        Int.max, Int.min,
    ]
    static let strings: [String?] = [nil, "", "r1", "a note, with “quotes”"]

    @Test func editsReadBackAsAPlainStructWould() {
        var rng = SeededGenerator(seed: 21)
        for _ in 0..<2000 {
            var model = Model()
            var r = Relation(kind: .support, source: 0, target: .claim(1))
            for _ in 0..<Int.random(in: 1...8, using: &rng) {
                // One field set on both, through the relation's setter.
                func set<V>(_ field: WritableKeyPath<Model, V>, _ same: WritableKeyPath<Relation, V>, _ values: [V]) {
                    let v = values.randomElement(using: &rng)!
                    model[keyPath: field] = v
                    r[keyPath: same] = v
                }
                switch Int.random(in: 0..<6, using: &rng) {
                case 0: set(\.id, \.id, Self.strings)
                case 1: set(\.actor, \.actor, Self.actors)
                case 2: set(\.note, \.note, Self.strings)
                case 3: set(\.weight, \.weight, Self.weights)
                case 4: set(\.otherPremises, \.otherPremises, Self.premiseLists)
                default:
                    let (i, a, n) = (
                        Self.strings.randomElement(using: &rng)!, Self.actors.randomElement(using: &rng)!,
                        Self.strings.randomElement(using: &rng)!
                    )
                    let (w, o) = (
                        Self.weights.randomElement(using: &rng)!, Self.premiseLists.randomElement(using: &rng)!
                    )
                    model = Model(id: i, actor: a, note: n, weight: w, otherPremises: o)
                    r = Relation(
                        id: i, kind: .support, premises: [0] + o, target: .claim(1), weight: w, actor: a, note: n)
                }
                let read = Model(
                    id: r.id, actor: r.actor, note: r.note, weight: r.weight, otherPremises: r.otherPremises)
                #expect(read == model)
                #expect(r.weight.bitPattern == model.weight.bitPattern)  // -0 stays -0
                // Equal to the same fields made at once, whatever boxes the edits went through.
                let fresh = Relation(
                    id: model.id, kind: .support, premises: [0] + model.otherPremises, target: .claim(1),
                    weight: model.weight, actor: model.actor, note: model.note)
                #expect(r == fresh && r.hashValue == fresh.hashValue)
            }
        }
    }

    @Test func aPlainRelationIsTheOneTheGeneralInitializerMakes() {
        for kind in [RelationKind.support, .attack] {
            for target in [RelationTarget.claim(3), .relation(7)] {
                let plain = Relation(plain: kind, source: 2, target: target)
                let general = Relation(kind: kind, source: 2, target: target)
                #expect(plain == general)
                #expect(plain.hashValue == general.hashValue)
                #expect(plain.id == nil && plain.actor == nil && plain.note == nil && plain.weight == 1)
                #expect(plain.otherPremises.isEmpty)
            }
        }
    }

    @Test func equalityAndHashFollowTheFieldsNotTheBox() {
        for id in Self.strings {
            for actor in Self.actors {
                for note in Self.strings {
                    let a = Relation(id: id, kind: .attack, source: 2, target: .claim(3), actor: actor, note: note)
                    // The same fields reached by another path: a different box, or none made along the way.
                    var b = Relation(id: "x", kind: .attack, source: 2, target: .claim(3), actor: 5, note: "y")
                    b.note = note
                    b.actor = actor
                    b.id = id
                    #expect(a == b)
                    #expect(a.hashValue == b.hashValue)
                    var c = a
                    c.note = (note ?? "") + "!"
                    #expect(c != a)
                    #expect(a.note == note)  // the copy's edit did not reach the original's box
                    var d = a
                    d.actor = (actor ?? 0) == 9 ? 10 : 9
                    #expect(d != a)
                    #expect(a.actor == actor)
                }
            }
        }
    }

    @Test func jsonHasTheSynthesizedKeys() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let plain = Relation(kind: .support, source: 0, target: .claim(1))
        let full = Relation(
            id: "r9", kind: .attack, premises: [3, 4], target: .relation(2), weight: 0.5, actor: Int(Int32.max) + 5,
            note: "n")
        let plainJSON = String(decoding: try encoder.encode(plain), as: UTF8.self)
        #expect(!plainJSON.contains("\"id\"") && !plainJSON.contains("\"actor\"") && !plainJSON.contains("\"note\""))
        let fullJSON = String(decoding: try encoder.encode(full), as: UTF8.self)
        #expect(fullJSON.contains("\"actor\":\(Int(Int32.max) + 5)"))
        #expect(fullJSON.contains("\"id\":\"r9\"") && fullJSON.contains("\"note\":\"n\""))
        for r in [plain, full] {
            #expect(try JSONDecoder().decode(Relation.self, from: encoder.encode(r)) == r)
        }
    }

    @Test func aRelationStaysSmall() {
        // The point of the layout: 3·10^6 relations in a file should not cost 88 bytes each, nor 48.
        #expect(MemoryLayout<Relation>.stride <= 32)
    }
}
