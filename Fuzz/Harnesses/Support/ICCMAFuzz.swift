// Shared by the i23, apx and tgf harnesses (compiled into every harness by scripts/fuzz).
import Foundation
@testable import ArgumentGraph

/// The checks the ICCMA harnesses make on one input.
enum ICCMAFuzz {
    /// Reads `bytes`; on success writes the framework in the same format and reads it back.
    static func check(_ bytes: [UInt8], format: ICCMAFormat) {
        let read: ICCMAFramework
        do { read = try ICCMAReader.read(bytes: bytes, format: format, file: "fuzz.\(format)") } catch {
            if error.errors.isEmpty { fatalError("rejected input without an error") }
            return
        }
        let af = read.framework
        // Names are built once, and not at all when they are the numbers: an i23 header of 14 bytes can
        // declare 10^7 arguments, whose 10^7 number strings took the harness over its time limit under ASan.
        let names = read.givenNames
        if let names, names.count != af.count { fatalError("\(names.count) names for \(af.count) arguments") }
        let text = ICCMAWriter.write(af, names: names, format: format)
        let again: ICCMAFramework
        do { again = try ICCMAReader.read(bytes: Array(text.utf8), format: format, file: "roundtrip.\(format)") } catch
        {
            fatalError("round trip: the writer's output does not read back:\n\(error)\n--- written:\n\(text)")
        }
        if again.framework.count != af.count || again.framework.attacked != af.attacked {
            fatalError("round trip: the attacks changed\n--- written:\n\(text)")
        }
        // Both numbered, or the same names (a file may spell the numbers out as names).
        if !(names == nil && again.givenNames == nil), again.names != read.names {
            fatalError("round trip: the names changed: \(read.names) -> \(again.names)\n--- written:\n\(text)")
        }
    }
}
