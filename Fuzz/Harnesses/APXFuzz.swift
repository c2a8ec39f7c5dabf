// libFuzzer harness for the ICCMA apx reader (ICCMAReader, format .apx).
//
// Any input must give a framework or a clear error, never a crash, trap, hang or a memory
// blow-up. When a framework comes back, writing it in apx and reading it again must give the
// same arguments, names and attacks.
import Foundation
@testable import ArgumentGraph

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    ICCMAFuzz.check(Array(UnsafeBufferPointer(start: data, count: size)), format: .apx)
    return 0
}
