// libFuzzer harness for the .arg reader (ArgReader).
//
// Any input must give a graph or diagnostics, never a crash, trap or hang. When a graph comes
// back, writing it with ArgWriter and reading it again must give the same graph (a round trip),
// and every error must carry a message.
import Foundation
@testable import ArgumentGraph

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let parsed = try ArgReader.read(bytes, file: "fuzz.arg")
        let text = ArgWriter.write(parsed.graph)
        let again: ParsedGraph
        do { again = try ArgReader.read(text, file: "roundtrip.arg") } catch {
            fatalError("round trip: the writer's output does not read back:\n\(error)\n--- written:\n\(text)")
        }
        if again.graph != parsed.graph {
            fatalError("round trip: the graph changed\n--- written:\n\(text)")
        }
    } catch {
        if error.errors.isEmpty { fatalError("rejected input without an error") }
        if error.errors.contains(where: { $0.message.isEmpty }) { fatalError("an error without a message") }
    }
    return 0
}
