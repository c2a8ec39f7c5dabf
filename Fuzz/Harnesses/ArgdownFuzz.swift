// libFuzzer harness for the Argdown reader.
//
// Any input must give a graph or a clear error, never a crash, trap, hang or memory blow-up;
// a graph that comes back must save as .arg and read back with every entity.
import Foundation
@testable import ArgumentGraph

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let graph: Graph
    do { graph = try ArgdownReader.read(String(decoding: bytes, as: UTF8.self), file: "fuzz.argdown").graph } catch {
        if error.errors.isEmpty { fatalError("rejected input without an error") }
        return 0
    }
    SaveCheck.savesAsArg(graph)
    return 0
}
