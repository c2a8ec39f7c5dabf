import ArgumentGraphModel
#if canImport(CPrefetch)
    import CPrefetch
#endif
import Foundation

/// Names that are byte ranges of one input buffer, numbered in order of first insertion: an open-addressing hash
/// table that never makes a `String` to look a name up (the apx and tgf readers make one per argument, once).
///
/// Each slot holds a name's first 8 bytes, its hash and length, and its id, so that a lookup of a name of up to
/// 8 bytes (most ICCMA names) touches one slot and nothing else. With 10^6 names in random order each lookup is a
/// DRAM miss, so the readers look names up in two steps: ``probe(_:_:)`` hashes the name and prefetches its slot as
/// the line is parsed, and ``find(_:_:_:)`` or ``insert(_:_:_:)`` reads the slot a few dozen lines later, when it
/// has arrived; the misses of many lookups then overlap instead of coming one after another.
struct ByteNameTable {
    let base: UnsafePointer<UInt8>
    /// The number of bytes at `base`: a name's first 8 bytes are read as one word when they are all inside.
    let end: Int
    private struct Slot { var key: UInt64; var meta: UInt32; var idPlusOne: Int32 }
    private var slots: [Slot]
    private var mask: Int
    /// Per id: where the name starts in the buffer and its length.
    private var ranges: [(start: Int, length: Int)] = []
    /// Names with a byte over 0x7F, by their text: two byte sequences that decode to equal strings (canonically
    /// equivalent, or invalid UTF-8 both shown as U+FFFD) are one name, as they are wherever names are strings.
    private var nonASCII: [String: Int32] = [:]

    /// A name's first 8 bytes (zero-padded), a hash of the whole name, and whether it is all ASCII.
    struct Probe {
        var key: UInt64
        var hash: UInt64
        var ascii: Bool
    }

    init(base: UnsafePointer<UInt8>, count: Int) {
        self.base = base
        end = count
        slots = ByteNameTable.empty(1 << 12)
        mask = slots.count - 1
    }

    /// The number of names.
    var count: Int { ranges.count }

    /// The name with this id.
    func name(_ id: Int32) -> String {
        let r = ranges[Int(id)]
        return String(decoding: UnsafeBufferPointer(start: base + r.start, count: r.length), as: UTF8.self)
    }

    /// The name at `start..<start + length` hashed, its slot asked of the cache (a prefetch: it returns at once).
    @inline(__always) func probe(_ start: Int, _ length: Int) -> Probe {
        let p = digest(start, length)
        #if canImport(CPrefetch)
            if p.ascii {
                slots.withUnsafeBufferPointer {
                    argraph_prefetch($0.baseAddress! + (Int(truncatingIfNeeded: p.hash) & mask))
                }
            }
        #endif
        return p
    }

    /// The first 8 bytes (zero-padded), a hash of the whole name whose low bits carry its length, and whether it
    /// is ASCII.
    @inline(__always) private func digest(_ start: Int, _ length: Int) -> Probe {
        let p = base + start
        var key: UInt64
        if start &+ 8 <= end {
            let word = UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
            key = length >= 8 ? word : word & ((1 &<< UInt64(truncatingIfNeeded: 8 &* length)) &- 1)
        } else {
            key = 0
            for i in 0..<min(length, 8) { key |= UInt64(p[i]) << UInt64(8 * i) }
        }
        var high = key & 0x8080_8080_8080_8080
        var h = (key ^ UInt64(truncatingIfNeeded: length)) &* 0x9E37_79B9_7F4A_7C15
        if length > 8 {
            for i in 8..<length {
                h = (h ^ UInt64(p[i])) &* 0x100_0000_01b3
                high |= UInt64(p[i] & 0x80)
            }
        }
        h ^= h >> 29
        h = h &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 32
        return Probe(key: key, hash: h, ascii: high == 0)
    }

    @inline(__always) private func meta(_ hash: UInt64, _ length: Int) -> UInt32 {
        UInt32(truncatingIfNeeded: hash >> 40) << 8 | UInt32(truncatingIfNeeded: min(length, 255))
    }

    /// Whether slot `s` holds the name at `start..<start + length`.
    @inline(__always) private func matches(_ s: Slot, _ key: UInt64, _ m: UInt32, _ start: Int, _ length: Int) -> Bool {
        guard s.key == key && s.meta == m else { return false }
        if length <= 8 { return true }
        let r = ranges[Int(s.idPlusOne) - 1]
        return r.length == length && memcmp(base + r.start, base + start, length) == 0
    }

    private func text(_ start: Int, _ length: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: base + start, count: length), as: UTF8.self)
    }

    /// The id of the name at `start..<start + length`, if it is in the table.
    func find(_ start: Int, _ length: Int) -> Int32? { find(digest(start, length), start, length) }

    /// The id of the name at `start..<start + length`, whose ``probe(_:_:)`` is `p`, if it is in the table.
    @inline(__always) func find(_ p: Probe, _ start: Int, _ length: Int) -> Int32? {
        if !p.ascii { return nonASCII[text(start, length)] }
        let m = meta(p.hash, length)
        return slots.withUnsafeBufferPointer { slots in
            var i = Int(truncatingIfNeeded: p.hash) & mask
            while true {
                let s = slots[i]
                if s.idPlusOne == 0 { return nil }
                if matches(s, p.key, m, start, length) { return s.idPlusOne - 1 }
                i = (i &+ 1) & mask
            }
        }
    }

    /// The id of the name, added with the next id when new.
    mutating func insert(_ start: Int, _ length: Int) -> (id: Int32, inserted: Bool) {
        insert(digest(start, length), start, length)
    }

    /// The id of the name whose ``probe(_:_:)`` is `p`, added with the next id when new.
    @inline(__always) mutating func insert(_ p: Probe, _ start: Int, _ length: Int) -> (id: Int32, inserted: Bool) {
        if !p.ascii {
            let key = text(start, length)
            if let id = nonASCII[key] { return (id, false) }
            let id = Int32(ranges.count)
            ranges.append((start, length))
            nonASCII[key] = id
            return (id, true)
        }
        let m = meta(p.hash, length)
        let found: (slot: Int, id: Int32) = slots.withUnsafeBufferPointer { slots in
            var i = Int(truncatingIfNeeded: p.hash) & mask
            while true {
                let s = slots[i]
                if s.idPlusOne == 0 { return (i, -1) }
                if matches(s, p.key, m, start, length) { return (i, s.idPlusOne - 1) }
                i = (i &+ 1) & mask
            }
        }
        if found.id >= 0 { return (found.id, false) }
        let id = Int32(ranges.count)
        ranges.append((start, length))
        slots[found.slot] = Slot(key: p.key, meta: m, idPlusOne: id + 1)
        if 2 * ranges.count > slots.count { grow() }
        return (id, true)
    }

    /// `count` empty slots, on 2 MB pages when there are many (each lookup of a big table is a TLB miss otherwise).
    private static func empty(_ count: Int) -> [Slot] {
        [Slot](unsafeUninitializedCapacity: count) { s, initialized in
            HugePages.advise(s)
            s.initialize(repeating: Slot(key: 0, meta: 0, idPlusOne: 0))
            initialized = count
        }
    }

    /// Doubles the slots: names are placed again in id order (their bytes mostly follow each other in the buffer),
    /// each one's new slot prefetched a few names ahead.
    private mutating func grow() {
        var fresh = ByteNameTable.empty(2 * slots.count)
        let newMask = fresh.count - 1
        let count = ranges.count
        fresh.withUnsafeMutableBufferPointer { f in
            ranges.withUnsafeBufferPointer { r in
                for id in 0..<count {
                    #if canImport(CPrefetch)
                        if id &+ 16 < count {
                            let ahead = digest(r[id &+ 16].start, r[id &+ 16].length)
                            if ahead.ascii {
                                argraph_prefetch_write(f.baseAddress! + (Int(truncatingIfNeeded: ahead.hash) & newMask))
                            }
                        }
                    #endif
                    let p = digest(r[id].start, r[id].length)
                    guard p.ascii else { continue }  // non-ASCII names are not in the slots
                    var i = Int(truncatingIfNeeded: p.hash) & newMask
                    while f[i].idPlusOne != 0 { i = (i &+ 1) & newMask }
                    f[i] = Slot(
                        key: p.key, meta: meta(p.hash, r[id].length), idPlusOne: Int32(truncatingIfNeeded: id &+ 1))
                }
            }
        }
        slots = fresh
        mask = newMask
    }
}
