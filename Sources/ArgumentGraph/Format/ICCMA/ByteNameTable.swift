import Foundation

/// Names that are byte ranges of one input buffer, numbered in order of first insertion: an open-addressing hash
/// table that never makes a `String` to look a name up (the apx and tgf readers make one per argument, once).
///
/// Each slot holds a name's first 8 bytes, its hash and length, and its id, so that a lookup of a name of up to
/// 8 bytes (most ICCMA names) touches one slot and nothing else: with 10^6 names in random order, each further
/// memory access per lookup is a cache miss.
struct ByteNameTable {
    let base: UnsafePointer<UInt8>
    private struct Slot { var key: UInt64; var meta: UInt32; var idPlusOne: Int32 }
    private var slots: [Slot]
    private var mask: Int
    /// Per id: where the name starts in the buffer and its length.
    private var ranges: [(start: Int, length: Int)] = []
    /// Names with a byte over 0x7F, by their text: two byte sequences that decode to equal strings (canonically
    /// equivalent, or invalid UTF-8 both shown as U+FFFD) are one name, as they are wherever names are strings.
    private var nonASCII: [String: Int32] = [:]

    init(base: UnsafePointer<UInt8>) {
        self.base = base
        slots = [Slot](repeating: Slot(key: 0, meta: 0, idPlusOne: 0), count: 1 << 12)
        mask = slots.count - 1
    }

    /// The number of names.
    var count: Int { ranges.count }

    /// The name with this id.
    func name(_ id: Int32) -> String {
        let r = ranges[Int(id)]
        return String(decoding: UnsafeBufferPointer(start: base + r.start, count: r.length), as: UTF8.self)
    }

    /// The first 8 bytes (zero-padded) and a hash of the whole name whose low bits carry its length.
    @inline(__always) private func digest(_ start: Int, _ length: Int) -> (key: UInt64, hash: UInt64) {
        var key: UInt64 = 0
        let p = base + start
        for i in 0..<min(length, 8) { key |= UInt64(p[i]) << UInt64(8 * i) }
        var h = (key ^ UInt64(truncatingIfNeeded: length)) &* 0x9E37_79B9_7F4A_7C15
        if length > 8 {
            for i in 8..<length { h = (h ^ UInt64(p[i])) &* 0x100_0000_01b3 }
        }
        h ^= h >> 29
        h = h &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 32
        return (key, h)
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

    /// Reads the slot where a lookup of this name starts, and returns a word of it: a reader calls this as it
    /// parses a line and looks the name up a few dozen lines later, so that the cache misses of many lookups
    /// overlap instead of coming one after another (what the caller does with the word does not matter, but it
    /// must use it, or the load is optimised away).
    @inline(__always) func touch(_ start: Int, _ length: Int) -> UInt32 {
        let h = digest(start, length).hash
        return slots.withUnsafeBufferPointer { $0[Int(truncatingIfNeeded: h) & mask].meta }
    }

    @inline(__always) private func isASCII(_ start: Int, _ length: Int) -> Bool {
        var any: UInt8 = 0
        for i in 0..<length { any |= base[start &+ i] }
        return any < 0x80
    }

    private func text(_ start: Int, _ length: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: base + start, count: length), as: UTF8.self)
    }

    /// The id of the name at `start..<start + length`, if it is in the table.
    func find(_ start: Int, _ length: Int) -> Int32? {
        if !isASCII(start, length) { return nonASCII[text(start, length)] }
        let (key, h) = digest(start, length)
        let m = meta(h, length)
        return slots.withUnsafeBufferPointer { slots in
            var i = Int(truncatingIfNeeded: h) & mask
            while true {
                let s = slots[i]
                if s.idPlusOne == 0 { return nil }
                if matches(s, key, m, start, length) { return s.idPlusOne - 1 }
                i = (i &+ 1) & mask
            }
        }
    }

    /// The id of the name, added with the next id when new.
    mutating func insert(_ start: Int, _ length: Int) -> (id: Int32, inserted: Bool) {
        if !isASCII(start, length) {
            let key = text(start, length)
            if let id = nonASCII[key] { return (id, false) }
            let id = Int32(ranges.count)
            ranges.append((start, length))
            nonASCII[key] = id
            return (id, true)
        }
        let (key, h) = digest(start, length)
        let m = meta(h, length)
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let s = slots[i]
            if s.idPlusOne == 0 { break }
            if matches(s, key, m, start, length) { return (s.idPlusOne - 1, false) }
            i = (i &+ 1) & mask
        }
        let id = Int32(ranges.count)
        ranges.append((start, length))
        slots[i] = Slot(key: key, meta: m, idPlusOne: id + 1)
        if 2 * ranges.count > slots.count { grow() }
        return (id, true)
    }

    private mutating func grow() {
        var fresh = [Slot](repeating: Slot(key: 0, meta: 0, idPlusOne: 0), count: 2 * slots.count)
        let newMask = fresh.count - 1
        for s in slots where s.idPlusOne != 0 {  // non-ASCII names are not in the slots
            let r = ranges[Int(s.idPlusOne) - 1]
            var i = Int(truncatingIfNeeded: digest(r.start, r.length).hash) & newMask
            while fresh[i].idPlusOne != 0 { i = (i &+ 1) & newMask }
            fresh[i] = s
        }
        slots = fresh
        mask = newMask
    }
}
