/// A compressed sparse row table: for each of `count` nodes, a contiguous run of `Int32` entries.
///
/// Built once from (node, entry) pairs; lookups are O(1) and iteration touches one contiguous slice.
public struct Adjacency: Sendable, Hashable {
    /// `offsets[i] ..< offsets[i + 1]` is the run of node `i` in `entries`.
    public let offsets: [Int32]
    /// All runs, node after node, each in the order its pairs were given.
    public let entries: [Int32]

    /// The number of nodes.
    public var count: Int { offsets.count - 1 }

    /// Builds the table for `count` nodes from pairs; `node` must be in `0..<count`.
    ///
    /// Inlinable, so that a caller in another layer gets it specialised for its collection (unspecialised, the
    /// generic iteration made the DF-QuAD strengths of a 10^5-claim graph twice as slow).
    @inlinable
    public init(count: Int, pairs: some Collection<(node: Int32, entry: Int32)>) {
        var degree = [Int32](repeating: 0, count: count + 1)
        for p in pairs { degree[Int(p.node) + 1] += 1 }
        for i in 0..<count { degree[i + 1] += degree[i] }
        var fill = degree
        var entries = [Int32](repeating: 0, count: pairs.count)
        for p in pairs {
            let slot = Int(fill[Int(p.node)])
            entries[slot] = p.entry
            fill[Int(p.node)] += 1
        }
        self.offsets = degree
        self.entries = entries
    }

    /// Builds the table for `count` nodes from `n` items: item `i` goes to node `node(i)` as entry `i`, or nowhere when nil.
    ///
    /// A counting sort straight from the items, with no intermediate pairs; `node` is called twice per item.
    init(count: Int, items n: Int, node: (Int) -> Int32?) {
        var offsets = [Int32](repeating: 0, count: count + 1)
        var total = 0
        offsets.withUnsafeMutableBufferPointer { o in
            for i in 0..<n { if let v = node(i) { o[Int(v) + 1] += 1; total += 1 } }
            for i in 0..<count { o[i + 1] += o[i] }
        }
        var fill = offsets
        let entries = [Int32](unsafeUninitializedCapacity: total) { e, initialized in
            fill.withUnsafeMutableBufferPointer { f in
                for i in 0..<n {
                    if let v = node(i) {
                        let slot = Int(f[Int(v)])
                        e[slot] = Int32(i)
                        f[Int(v)] = Int32(slot + 1)
                    }
                }
            }
            initialized = total
        }
        self.offsets = offsets
        self.entries = entries
    }

    /// The entries of node `i`.
    @inlinable
    public subscript(_ i: Int) -> ArraySlice<Int32> {
        entries[Int(offsets[i])..<Int(offsets[i + 1])]
    }

    /// The number of entries of node `i`.
    @inlinable
    public func degree(_ i: Int) -> Int { Int(offsets[i + 1] - offsets[i]) }
}
