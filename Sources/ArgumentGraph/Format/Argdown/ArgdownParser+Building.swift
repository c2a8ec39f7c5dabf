import ArgumentGraphModel
import Foundation

// The end of a parse: the claims, relations and stances gathered become a graph.
extension ArgdownParser {
    mutating func finish() throws(DiagnosticError) -> ParsedGraph {
        resolveReconstructions()
        var b = GraphBuilder()
        b.lint = false
        b.name = IDMaker.slugify(URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent).nilIfEmpty
        var actorIDs = IDMaker()
        var actorOf: [String: String] = [:]
        for c in claims where !c.id.isEmpty {
            let text = c.text ?? c.title ?? c.id
            b.add(Claim(id: c.id, text: text, kind: c.kind, tags: c.tags), at: c.location)
            for name in c.authors {
                let actor: String
                if let a = actorOf[name] {
                    actor = a
                } else {
                    actor = actorIDs.make(name, fallback: "author")
                    actorOf[name] = actor
                    b.add(Actor(id: actor, name: name))
                }
                b.add(GraphBuilder.StanceDraft(actor: actor, claim: c.id, location: c.location))
            }
        }
        for r in relations {
            // An undercut of an argument whose claim was dropped still has its inference to attack.
            guard claimIndex[r.from] != nil, claimIndex[r.to] != nil || (r.undercut && inferenceOf[r.to] != nil),
                r.otherPremises.allSatisfy({ claimIndex[$0] != nil })
            else { continue }
            if r.undercut {
                if let inference = inferenceOf[r.to] {
                    b.add(
                        GraphBuilder.RelationDraft(
                            id: relationIDs.make(r.from + "-undercuts-" + r.to, fallback: "undercut"), kind: .attack,
                            source: r.from, target: .relation(inference), note: r.note, location: r.location))
                } else {
                    let what =
                        (claimIndex[r.to].map { claims[$0].isArgument } ?? false)
                        ? "argument '\(r.to)' has no premise–conclusion structure"
                        : "'\(r.to)' is a statement, not an argument"
                    warn("undercut drawn as an attack: \(what), so there is no inference to undercut", r.location)
                    b.add(
                        GraphBuilder.RelationDraft(
                            id: r.id, kind: .attack, source: r.from, target: .claim(r.to), note: "undercut",
                            location: r.location))
                }
            } else {
                b.add(
                    GraphBuilder.RelationDraft(
                        id: r.id, kind: r.kind, premises: [r.from] + r.otherPremises, target: .claim(r.to),
                        note: r.note,
                        location: r.location))
            }
        }
        do {
            let built = try b.build()
            return ParsedGraph(
                graph: built.graph,
                warnings: warnings.sorted {
                    ($0.location?.line ?? 0, $0.location?.column ?? 0) < (
                        $1.location?.line ?? 0, $1.location?.column ?? 0
                    )
                }, declarations: [])
        } catch {
            throw DiagnosticError(error.diagnostics + warnings)
        }
    }
}
