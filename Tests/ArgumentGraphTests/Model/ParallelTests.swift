import Synchronization
import Testing
@testable import ArgumentGraphModel

/// `Parallel.halves`: every index is handed out once, in two halves above the minimum and in one below it.
@Suite struct ParallelTests {
    @Test(arguments: [0, 1, 2, 7, 99, 100, 101, 1_000])
    func everyIndexOnceAndTheHalvesAsPromised(count: Int) {
        let seen = Mutex([Int](repeating: 0, count: count))
        let halves = Mutex<[Int: Range<Int>]>([:])
        Parallel.halves(count, minimum: 100) { range, half in
            halves.withLock { $0[half] = range }
            for i in range { seen.withLock { $0[i] += 1 } }
        }
        #expect(seen.withLock { $0.allSatisfy { $0 == 1 } })
        let got = halves.withLock { $0 }
        if count >= 100, Parallel.cores > 1 {
            #expect(got == [0: 0..<(count / 2), 1: (count / 2)..<count])
        } else {
            #expect(got == [0: 0..<count])
        }
    }
}

extension ParallelTests {
    @Test func bothRunsEachOnceAndReturnsWhenBothAreDone() {
        let log = Mutex<[String]>([])
        var first = 0, second = 0
        Parallel.both(
            {
                first += 1; log.withLock { $0.append("a") }
            },
            {
                second += 1; log.withLock { $0.append("b") }
            })
        #expect(first == 1 && second == 1)
        #expect(log.withLock { $0.sorted() } == ["a", "b"])
    }
}
