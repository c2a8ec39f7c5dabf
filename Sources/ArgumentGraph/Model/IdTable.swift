import Foundation

#if canImport(CPrefetch)
    import CPrefetch
#endif

/// A hash table from ids to indices, keyed by UTF-8 bytes so that a reader can look ids up
/// without creating a `String`; the first insertion of an id wins.
///
/// Ids are compared as Swift strings are (canonical equivalence): while every id is ASCII the
/// table compares bytes, which is the same thing; the first non-ASCII id moves the table to a
/// `[String: Int32]` dictionary.
package struct IdTable: Sendable {
    /// The keys' bytes, one after another.
    private var arena: [UInt8] = []
    /// Where each key ends in `arena` (32-bit: a key that would end past 4 GB moves the table to the dictionary).
    private var ends: [UInt32] = []
    /// The value of each key; empty while ``identity`` holds, since each value is then its key's number.
    private var values: [Int32] = []
    /// Open addressing, two words per slot: the key's first 8 bytes, then a tag (24 bits of the
    /// hash, the key's length capped at 255, and the key number plus one); a zero tag is an empty slot.
    /// Keys of up to 8 bytes are thus compared without touching `arena`.
    private var slots: [UInt64]
    /// The dictionary used once a non-ASCII id was inserted.
    private var slow: [String: Int32]?
    /// Whether every value equals its key's number (ids inserted as 0, 1, 2, … without repeats), so that
    /// `values` is not kept and a lookup need not read it.
    private var identity = true

    /// An empty table with room for `capacity` ids before it grows.
    package init(capacity: Int = 0) {
        slots = IdTable.emptySlots(for: capacity)
        arena.reserveCapacity(capacity * 8)
        ends.reserveCapacity(capacity)
    }

    /// Zeroed slots for `capacity` keys at most two thirds full, on huge pages where the system allows, since lookups
    /// land anywhere. Any number of slots will do (``home(_:_:)``): with a power of two, 10^6 keys took 2^21 slots
    /// (33.5 MB), and 1.1·10^6 took 2^22.
    private static func emptySlots(for capacity: Int) -> [UInt64] {
        let n = Swift.max(16, capacity + capacity / 2 + 1)
        return [UInt64](unsafeUninitializedCapacity: 2 * n) { buf, initialized in
            // Advised before the first touch, so that the slots are faulted in as huge pages.
            HugePages.advise(buf)
            buf.initialize(repeating: 0)
            initialized = 2 * n
        }
    }

    /// Makes room for `capacity` keys without growing, if the table is empty.
    package mutating func reserve(_ capacity: Int) {
        guard ends.isEmpty, slow == nil, capacity * 3 > slots.count else { return }
        slots = IdTable.emptySlots(for: capacity)
        arena.reserveCapacity(capacity * 8)
        ends.reserveCapacity(capacity)
    }

    /// A table of `ids`, each mapped to its position (the first one for a repeated id).
    package init(_ ids: some Collection<String>) {
        self.init(capacity: ids.count)
        for (i, id) in ids.enumerated() { _ = insert(id, value: Int32(i)) }
    }

    /// The number of distinct ids.
    package var count: Int { slow?.count ?? ends.count }

    /// The value of key number `k`.
    @inline(__always)
    private func value(_ k: Int) -> Int32 { identity ? Int32(k) : values[k] }

    @inlinable @inline(__always)
    package static func hash(_ p: UnsafeRawBufferPointer) -> Int {
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

    /// ``hash(_:)`` of a key of at most 8 bytes given as one little-endian word, zero-padded (the same value).
    @inlinable @inline(__always)
    package static func hash(word w: UInt64, count n: Int) -> Int {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 &* UInt64(n &+ 1)
        if n == 8 {
            h = (h ^ w) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            h = h &* 0xC4CE_B9FE_1A85_EC53
        } else {
            h = (h ^ w) &* 0xC4CE_B9FE_1A85_EC53
        }
        h ^= h >> 29
        h = h &* 0x9E37_79B9_7F4A_7C15
        h ^= h >> 32
        return Int(truncatingIfNeeded: h)
    }

    @inlinable @inline(__always)
    package static func isASCII(_ p: UnsafeRawBufferPointer) -> Bool {
        for b in p where b >= 0x80 { return false }
        return true
    }

    /// The first 8 bytes of a key, zero-padded, as one word.
    @inlinable @inline(__always)
    package static func head(_ p: UnsafeRawBufferPointer) -> UInt64 {
        guard let base = p.baseAddress else { return 0 }
        if p.count >= 8 { return base.loadUnaligned(as: UInt64.self) }
        var w: UInt64 = 0
        for i in 0..<p.count { w |= UInt64(base.load(fromByteOffset: i, as: UInt8.self)) << (8 * UInt64(i)) }
        return w
    }

    /// The first slot to probe for a key of hash `h` among `n`: the low 32 bits of the hash scaled to `0..<n` by a
    /// multiplication (the tag takes the top bits, so that keys probed together still differ there).
    @inlinable @inline(__always)
    package static func home(_ h: Int, _ n: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(UInt32(truncatingIfNeeded: h)) &* UInt64(n)) >> 32)
    }

    /// The slot after `s` among `n`, wrapping around.
    @inlinable @inline(__always)
    package static func next(_ s: Int, _ n: Int) -> Int { s &+ 1 == n ? 0 : s &+ 1 }

    @inlinable @inline(__always)
    package static func tag(hash h: Int, count: Int, key k: Int) -> UInt64 {
        (UInt64(truncatingIfNeeded: h) >> 40) << 40 | UInt64(min(count, 255)) << 32 | UInt64(k + 1)
    }

    /// The slot holding `key` (its tag is non-zero), or the empty slot where it would go.
    @inline(__always)
    private func probe(_ key: UnsafeRawBufferPointer, hash h: Int) -> Int {
        let slotCount = slots.count / 2
        var s = IdTable.home(h, slotCount)
        let w = IdTable.head(key)
        let want = IdTable.tag(hash: h, count: key.count, key: 0) & ~0xFFFF_FFFF
        return slots.withUnsafeBufferPointer { sl in
            while true {
                let t = sl[2 * s + 1]
                if t == 0 { return s }
                if t & ~0xFFFF_FFFF == want, sl[2 * s] == w {
                    if key.count <= 8 { return s }
                    let k = Int(t & 0xFFFF_FFFF) - 1
                    let start = k == 0 ? 0 : Int(ends[k - 1])
                    if Int(ends[k]) - start == key.count,
                        arena.withUnsafeBytes({ memcmp($0.baseAddress! + start, key.baseAddress!, key.count) }) == 0
                    {
                        return s
                    }
                }
                s = IdTable.next(s, slotCount)
            }
        }
    }

    /// The value of the id spelled by these bytes when the table compares bytes and the id is ASCII,
    /// so that the id found is spelled exactly so; nil otherwise (found or not).
    package func findExact(_ key: UnsafeRawBufferPointer) -> Int32? {
        guard slow == nil, IdTable.isASCII(key) else { return nil }
        let t = slots[2 * probe(key, hash: IdTable.hash(key)) + 1]
        return t == 0 ? nil : value(Int(t & 0xFFFF_FFFF) - 1)
    }

    /// Runs `body` with a lookup that works on raw pointers, so that a loop of lookups does no reference
    /// counting (whose atomic operations would keep the memory accesses of successive lookups from overlapping).
    package func withExactLookup<R>(_ body: (ExactLookup) -> R) -> R {
        slots.withUnsafeBufferPointer { s in
            values.withUnsafeBufferPointer { v in
                ends.withUnsafeBufferPointer { e in
                    arena.withUnsafeBytes { a in
                        body(
                            ExactLookup(
                                slots: s, values: v, ends: e, arena: a, enabled: slow == nil, identity: identity))
                    }
                }
            }
        }
    }

    /// ``findExact(_:)`` over raw pointers; valid only inside ``withExactLookup(_:)``.
    @usableFromInline
    package struct ExactLookup {
        @usableFromInline package let slots: UnsafeBufferPointer<UInt64>
        @usableFromInline package let values: UnsafeBufferPointer<Int32>
        @usableFromInline package let ends: UnsafeBufferPointer<UInt32>
        @usableFromInline package let arena: UnsafeRawBufferPointer
        @usableFromInline package let enabled: Bool
        @usableFromInline package let identity: Bool

        /// The value of key number `k` (as ``IdTable/value(_:)`` gives it).
        @inlinable @inline(__always)
        package func value(_ k: Int) -> Int32 { identity ? Int32(k) : values[k] }

        /// Asks the cache for the key's first slot and returns at once, so that the lookup a few keys later finds it
        /// there (a prefetch: nothing waits for the load).
        @inlinable @inline(__always)
        package func prefetch(_ key: UnsafeRawBufferPointer) {
            #if canImport(CPrefetch)
                argraph_prefetch(slots.baseAddress! + 2 * IdTable.home(IdTable.hash(key), slots.count / 2))
            #endif
        }

        /// ``prefetch(_:)`` for a key of at most 8 bytes given as one word (see ``IdTable/hash(word:count:)``).
        @inlinable @inline(__always)
        package func prefetch(word w: UInt64, count n: Int) {
            #if canImport(CPrefetch)
                argraph_prefetch(
                    slots.baseAddress! + 2 * IdTable.home(IdTable.hash(word: w, count: n), slots.count / 2))
            #endif
        }

        /// ``find(_:)`` for a key of at most 8 bytes given as one word, zero-padded.
        @inlinable @inline(__always)
        package func find(word w: UInt64, count n: Int) -> Int32? {
            guard enabled, w & 0x8080_8080_8080_8080 == 0 else { return nil }
            let h = IdTable.hash(word: w, count: n)
            let slotCount = slots.count / 2
            var s = IdTable.home(h, slotCount)
            let want = IdTable.tag(hash: h, count: n, key: 0) & ~0xFFFF_FFFF
            while true {
                let t = slots[2 * s + 1]
                if t == 0 { return nil }
                if t & ~0xFFFF_FFFF == want, slots[2 * s] == w {
                    let k = Int(t & 0xFFFF_FFFF) - 1
                    return value(k)
                }
                s = IdTable.next(s, slotCount)
            }
        }

        /// The value of the key when the table compares bytes and the key is ASCII; nil otherwise.
        @inlinable @inline(__always)
        package func find(_ key: UnsafeRawBufferPointer) -> Int32? {
            guard enabled, IdTable.isASCII(key) else { return nil }
            let h = IdTable.hash(key)
            let slotCount = slots.count / 2
            var s = IdTable.home(h, slotCount)
            let w = IdTable.head(key)
            let want = IdTable.tag(hash: h, count: key.count, key: 0) & ~0xFFFF_FFFF
            while true {
                let t = slots[2 * s + 1]
                if t == 0 { return nil }
                if t & ~0xFFFF_FFFF == want, slots[2 * s] == w {
                    let k = Int(t & 0xFFFF_FFFF) - 1
                    if key.count <= 8 { return value(k) }
                    let start = k == 0 ? 0 : Int(ends[k - 1])
                    if Int(ends[k]) - start == key.count,
                        memcmp(arena.baseAddress! + start, key.baseAddress!, key.count) == 0
                    {
                        return value(k)
                    }
                }
                s = IdTable.next(s, slotCount)
            }
        }
    }

    /// Inserts the id spelled by these bytes unless present; returns the value already there, if any.
    package mutating func insert(_ key: UnsafeRawBufferPointer, value: Int32) -> Int32? {
        if slow == nil, IdTable.isASCII(key), arena.count + key.count <= Int(UInt32.max) {
            let h = IdTable.hash(key)
            let s = probe(key, hash: h)
            let t = slots[2 * s + 1]
            if t != 0 { return self.value(Int(t & 0xFFFF_FFFF) - 1) }
            let k = ends.count
            slots[2 * s] = IdTable.head(key)
            slots[2 * s + 1] = IdTable.tag(hash: h, count: key.count, key: k)
            if identity, value != Int32(k) {
                identity = false
                values = (0..<Int32(k)).map { $0 }
            }
            arena.append(contentsOf: key)
            ends.append(UInt32(arena.count))
            if !identity { values.append(value) }
            if ends.count * 3 > slots.count { grow() }
            return nil
        }
        return insertSlow(String(decoding: key, as: UTF8.self), value: value)
    }

    /// Inserts `count` keys in order, key `i` with value `i` unless already present (the first one wins, as with
    /// ``insert(_:value:)``), fetching the slots of the keys a few places ahead so that their cache misses overlap.
    package mutating func insertNumbered(_ count: Int, key: (Int) -> UnsafeRawBufferPointer) {
        insertNumbered(0..<count, key: key)
    }

    /// Inserts the keys numbered `range` in order, key `i` with value `i` unless already present, as
    /// ``insertNumbered(_:key:)`` does for `0..<count` (a reader inserts its claims a batch at a time).
    package mutating func insertNumbered(_ range: Range<Int>, key: (Int) -> UnsafeRawBufferPointer) {
        let ahead = 16
        let count = range.upperBound
        for i in range {
            #if canImport(CPrefetch)
                if i + ahead < count, slow == nil {
                    let k = key(i + ahead)
                    let slotCount = slots.count / 2
                    slots.withUnsafeBufferPointer {
                        argraph_prefetch_write($0.baseAddress! + 2 * IdTable.home(IdTable.hash(k), slotCount))
                    }
                }
            #endif
            _ = insert(key(i), value: Int32(i))
        }
    }

    /// Inserts `id` unless present; returns the value already there, if any.
    package mutating func insert(_ id: String, value: Int32) -> Int32? {
        var id = id
        return id.withUTF8 { insert(UnsafeRawBufferPointer($0), value: value) }
    }

    private mutating func insertSlow(_ id: String, value: Int32) -> Int32? {
        if slow == nil {
            var d: [String: Int32] = [:]
            d.reserveCapacity(ends.count + 16)
            for k in ends.indices { d[key(k)] = self.value(k) }
            slow = d
            arena = []
            ends = []
            values = []
            slots = [UInt64](repeating: 0, count: 32)
        }
        if let v = slow![id] { return v }
        slow![id] = value
        return nil
    }

    private func key(_ k: Int) -> String {
        let start = k == 0 ? 0 : Int(ends[k - 1])
        return String(decoding: arena[start..<Int(ends[k])], as: UTF8.self)
    }

    private mutating func grow() {
        var bigger = IdTable.emptySlots(for: slots.count / 2)
        let slotCount = bigger.count / 2
        arena.withUnsafeBytes { a in
            for k in 0..<ends.count {
                let start = k == 0 ? 0 : Int(ends[k - 1])
                let key = UnsafeRawBufferPointer(rebasing: a[start..<Int(ends[k])])
                let h = IdTable.hash(key)
                var s = IdTable.home(h, slotCount)
                while bigger[2 * s + 1] != 0 { s = IdTable.next(s, slotCount) }
                bigger[2 * s] = IdTable.head(key)
                bigger[2 * s + 1] = IdTable.tag(hash: h, count: key.count, key: k)
            }
        }
        slots = bigger
    }

    /// The value of `id`, compared as Swift compares strings.
    package subscript(_ id: String) -> Int? {
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
            let key = UnsafeRawBufferPointer(p)
            let t = slots[2 * probe(key, hash: IdTable.hash(key)) + 1]
            return t == 0 ? nil : Int(value(Int(t & 0xFFFF_FFFF) - 1))
        }
    }

    /// Every id, in no particular order.
    package var keys: [String] {
        if let slow { return Array(slow.keys) }
        return ends.indices.map(key)
    }
}
