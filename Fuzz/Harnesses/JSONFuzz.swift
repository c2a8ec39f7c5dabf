// libFuzzer harness for the native JSON reader (GraphJSON.decode).
//
// Any input must give a graph or a clear error, never a crash, trap or hang. When a graph comes
// back, encoding and decoding it again must give the same graph, and writing it as .arg must
// give a file the .arg reader accepts, with every entity.
import Foundation
@testable import ArgumentGraph

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = Data(bytes: data, count: size)
    do {
        let graph = try GraphJSON.decode(input, file: "fuzz.json")
        let encoded = GraphJSON.encode(graph)
        let again: Graph
        do { again = try GraphJSON.decode(encoded, file: "roundtrip.json") } catch {
            fatalError(
                "round trip: the encoder's output does not decode:\n\(error)\n--- written:\n\(String(decoding: encoded, as: UTF8.self))"
            )
        }
        if again != graph { fatalError("round trip: the graph changed") }
        // Saving it as .arg must give a file that reads back (the .arg form may drop what it
        // cannot spell, such as leading blanks, but never the entities).
        let text = ArgWriter.write(graph)
        do {
            let arg = try ArgReader.read(text, file: "converted.arg").graph
            if arg.claims.count != graph.claims.count || arg.relations.count != graph.relations.count
                || arg.stances.count != graph.stances.count || arg.actors.count != graph.actors.count
                || arg.documents.count != graph.documents.count
            {
                fatalError("JSON -> .arg lost entities\n--- written:\n\(text)")
            }
        } catch {
            fatalError("JSON -> .arg: the written file does not read back:\n\(error)\n--- written:\n\(text)")
        }
    } catch {
        if error.errors.isEmpty { fatalError("rejected input without an error") }
    }
    return 0
}
