import Foundation

/// A hash table from ids to indices, keyed by UTF-8 bytes so that a reader can look ids up
/// without creating a `String`; the first insertion of an id wins.
///
/// Ids are compared as Swift strings are (canonical equivalence): while every id is ASCII the
/// table compares bytes, which is the same thing; the first non-ASCII id moves the table to a
/// `[String: Int32]` dictionary.
struct IdTable: Sendable {
    /// The keys' bytes, one after another.
    private var arena: [UInt8] = []
    /// Where each key ends in `arena`.
    private var ends: [Int] = []
    /// The value of each key.
    private var values: [Int32] = []
    /// Open addressing: key numbers, or -1 for an empty slot; the count is a power of two.
    private var slots: [Int32]
    /// The dictionary used once a non-ASCII id was inserted.
    private var slow: [String: Int32]?

    /// An empty table with room for `capacity` ids before it grows.
    init(capacity: Int = 0) {
        var n = 16
        while n < capacity * 2 { n <<= 1 }
        slots = [Int32](repeating: -1, count: n)
        arena.reserveCapacity(capacity * 8)
        ends.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
    }

    /// A table of `ids`, each mapped to its position (the first one for a repeated id).
    init(_ ids: some Collection<String>) {
        self.init(capacity: ids.count)
        for (i, id) in ids.enumerated() { _ = insert(id, value: Int32(i)) }
    }

    /// The number of distinct ids.
    var count: Int { slow?.count ?? values.count }

    @inline(__always)
    private static func hash(_ p: UnsafeRawBufferPointer) -> Int {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 &* UInt64(p.count &+ 1)
        var i = 0
        let n = p.count
        if let base = p.baseAddress {
            while i &+ 8 <= n {
                let w = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                h = (h ^ w) &* 0xFF51_AFD7_ED55_8CCD
                h ^= h >> 32
                i &+= 8
            }
            var t: UInt64 = 0
            var s: UInt64 = 0
            while i < n {
                t |= UInt64(base.load(fromByteOffset: i, as: UInt8.self)) << s
                s &+= 8
                i &+= 1
            }
            h = (h ^ t) &* 0xC4CE_B9FE_1A85_EC53
        }
        h ^= h >> 29
        h = h &* 0x9E37_79B9_7F4A_7C15
        h ^= h >> 32
        return Int(truncatingIfNeeded: h)
    }

    @inline(__always)
    private static func isASCII(_ p: UnsafeRawBufferPointer) -> Bool {
        for b in p where b >= 0x80 { return false }
        return true
    }

    /// The slot holding `key`, or the empty slot where it would go.
    @inline(__always)
    private func probe(_ key: UnsafeRawBufferPointer) -> Int {
        let mask = slots.count - 1
        var s = IdTable.hash(key) & mask
        return arena.withUnsafeBytes { a in
            slots.withUnsafeBufferPointer { sl in
                ends.withUnsafeBufferPointer { e in
                    while true {
                        let k = Int(sl[s])
                        if k < 0 { return s }
                        let start = k == 0 ? 0 : e[k - 1]
                        let len = e[k] - start
                        if len == key.count, len == 0 || memcmp(a.baseAddress! + start, key.baseAddress!, len) == 0 { return s }
                        s = (s &+ 1) & mask
                    }
                }
            }
        }
    }

    /// The value of the id spelled by these UTF-8 bytes.
    func find(_ key: UnsafeRawBufferPointer) -> Int32? {
        if slow != nil || !IdTable.isASCII(key) {
            return self[String(decoding: key, as: UTF8.self)].map(Int32.init)
        }
        let k = slots[probe(key)]
        return k < 0 ? nil : values[Int(k)]
    }

    /// The value of the id spelled by these bytes when the table compares bytes and the id is ASCII,
    /// so that the id found is spelled exactly so; nil otherwise (found or not).
    func findExact(_ key: UnsafeRawBufferPointer) -> Int32? {
        guard slow == nil, IdTable.isASCII(key) else { return nil }
        let k = slots[probe(key)]
        return k < 0 ? nil : values[Int(k)]
    }

    /// Inserts the id spelled by these bytes unless present; returns the value already there, if any.
    mutating func insert(_ key: UnsafeRawBufferPointer, value: Int32) -> Int32? {
        if slow == nil, IdTable.isASCII(key) {
            let s = probe(key)
            let k = slots[s]
            if k >= 0 { return values[Int(k)] }
            slots[s] = Int32(values.count)
            arena.append(contentsOf: key)
            ends.append(arena.count)
            values.append(value)
            if values.count * 2 > slots.count { grow() }
            return nil
        }
        return insertSlow(String(decoding: key, as: UTF8.self), value: value)
    }

    /// Inserts `id` unless present; returns the value already there, if any.
    mutating func insert(_ id: String, value: Int32) -> Int32? {
        var id = id
        return id.withUTF8 { insert(UnsafeRawBufferPointer($0), value: value) }
    }

    private mutating func insertSlow(_ id: String, value: Int32) -> Int32? {
        if slow == nil {
            var d: [String: Int32] = [:]
            d.reserveCapacity(values.count + 16)
            for k in values.indices { d[key(k)] = values[k] }
            slow = d
            arena = []
            ends = []
            values = []
            slots = [Int32](repeating: -1, count: 16)
        }
        if let v = slow![id] { return v }
        slow![id] = value
        return nil
    }

    private func key(_ k: Int) -> String {
        let start = k == 0 ? 0 : ends[k - 1]
        return String(decoding: arena[start..<ends[k]], as: UTF8.self)
    }

    private mutating func grow() {
        var bigger = [Int32](repeating: -1, count: slots.count * 2)
        let mask = bigger.count - 1
        arena.withUnsafeBytes { a in
            for k in 0..<values.count {
                let start = k == 0 ? 0 : ends[k - 1]
                var s = IdTable.hash(UnsafeRawBufferPointer(rebasing: a[start..<ends[k]])) & mask
                while bigger[s] >= 0 { s = (s &+ 1) & mask }
                bigger[s] = Int32(k)
            }
        }
        slots = bigger
    }

    /// The value of `id`, compared as Swift compares strings.
    subscript(_ id: String) -> Int? {
        if let slow { return slow[id].map(Int.init) }
        var id = id
        let ascii = id.utf8.allSatisfy { $0 < 0x80 }
        if !ascii {
            // Only a string canonically equivalent to an ASCII one can match: its decomposition is ASCII.
            let d = id.decomposedStringWithCanonicalMapping
            guard d.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
            id = d
        }
        return id.withUTF8 { p -> Int? in
            let k = slots[probe(UnsafeRawBufferPointer(p))]
            return k < 0 ? nil : Int(values[Int(k)])
        }
    }

    /// Every id, in no particular order.
    var keys: [String] {
        if let slow { return Array(slow.keys) }
        return values.indices.map(key)
    }
}
