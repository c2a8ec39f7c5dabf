import Dispatch
import Foundation

/// Work split between the machine's first two cores, for the few loops of a large read whose iterations are
/// independent (lookups into a table no one writes, each writing its own part of the output).
package enum Parallel {
    /// Runs `body` on `0..<count` cut in two halves at once (the half's range and its number, 0 or 1), or on the
    /// whole range in the calling thread when the count is below `minimum` (a thread costs more than it saves on
    /// small inputs) or the machine has one core. `body` must touch only what its half owns.
    package static func halves(_ count: Int, minimum: Int, _ body: (Range<Int>, Int) -> Void) {
        guard count >= minimum, cores > 1 else {
            body(0..<count, 0)
            return
        }
        let middle = count / 2
        both({ body(0..<middle, 0) }, { body(middle..<count, 1) })
    }

    /// Runs `first` and `second` at once, on two threads (in turn on a one-core machine), and returns when both
    /// are done. Each must touch only what it owns.
    package static func both(_ first: () -> Void, _ second: () -> Void) {
        guard cores > 1 else {
            first()
            second()
            return
        }
        withoutActuallyEscaping(first) { first in
            withoutActuallyEscaping(second) { second in
                nonisolated(unsafe) let first = first, second = second
                DispatchQueue.concurrentPerform(iterations: 2) { k in k == 0 ? first() : second() }
            }
        }
    }

    /// The number of cores this process may run on.
    package static let cores = ProcessInfo.processInfo.activeProcessorCount
}
