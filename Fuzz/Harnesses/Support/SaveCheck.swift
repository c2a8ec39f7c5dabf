// Shared by the harnesses whose readers give graphs (compiled into every harness by scripts/fuzz).
import Foundation
@testable import ArgumentGraph

/// The check that a graph read from any format can be saved as .arg without loss of entities.
enum SaveCheck {
    /// Writes `graph` as .arg and reads it back: it must read, with the same number of each entity.
    static func savesAsArg(_ graph: Graph) {
        let text = ArgWriter.write(graph)
        let back: Graph
        do { back = try ArgReader.read(text, file: "saved.arg").graph } catch {
            fatalError("saving as .arg: the written file does not read back:\n\(error)\n--- written:\n\(text)")
        }
        if back.claims.count != graph.claims.count || back.relations.count != graph.relations.count
            || back.stances.count != graph.stances.count || back.actors.count != graph.actors.count
            || back.documents.count != graph.documents.count
        {
            fatalError("saving as .arg lost entities\n--- written:\n\(text)")
        }
    }
}
