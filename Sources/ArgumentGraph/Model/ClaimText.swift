import Foundation

/// A claim's text as a claim keeps it: a `String` of its own, or a run of bytes in a ``TextChunk`` that a reader
/// shares among the many claims it read. A `String` of more than 15 bytes is a heap block of its own (80 bytes and
/// the allocator's 16 for a 36-byte text), so a graph of 10^6 short claims kept about 60 MB more than its texts.
/// Either way the text reads back as the same `String`, and two texts are equal when their strings are.
@usableFromInline
package enum ClaimText: Sendable {
    /// A text of its own: one set by an edit, a reader of another format, or short enough to be stored inline.
    case owned(String)
    /// `count` bytes of valid UTF-8 from `offset` in `chunk`.
    case stored(TextChunk, offset: UInt32, count: UInt32)

    /// The text.
    @usableFromInline var string: String {
        switch self {
        case let .owned(s): s
        case let .stored(chunk, offset, count):
            String(decoding: UnsafeBufferPointer(start: chunk.base + Int(offset), count: Int(count)), as: UTF8.self)
        }
    }

    /// Calls `body` with the text's UTF-8 bytes, without making a `String` of a stored text.
    package func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        switch self {
        case var .owned(s): try s.withUTF8(body)
        case let .stored(chunk, offset, count):
            try withExtendedLifetime(chunk) {
                try body(UnsafeBufferPointer(start: chunk.base + Int(offset), count: Int(count)))
            }
        }
    }

    /// Whether the two texts are the same bytes: the same text, spelled the same way (``==`` also takes canonically
    /// equivalent spellings as equal).
    package func hasSameBytes(as other: ClaimText) -> Bool {
        withUTF8 { p in
            other.withUTF8 { q in
                p.count == q.count && (p.count == 0 || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0)
            }
        }
    }

    /// Whether the text is empty or only white space (``isBlank(_:)``, deciding most texts by their first byte).
    var isBlank: Bool { withUTF8 { mayBeBlank(firstByte: $0.first) } && ArgumentGraphModel.isBlank(string) }
}

extension ClaimText: Hashable {
    /// Equal when the strings are (canonical equivalence); equal bytes, or differing ASCII bytes, decide it at once.
    @usableFromInline package static func == (a: ClaimText, b: ClaimText) -> Bool {
        if a.hasSameBytes(as: b) { return true }
        let ascii = a.withUTF8 { $0.allSatisfy { $0 < 0x80 } } && b.withUTF8 { $0.allSatisfy { $0 < 0x80 } }
        return ascii ? false : a.string == b.string
    }

    /// Hashes the string, as ``==`` compares it.
    @usableFromInline package func hash(into h: inout Hasher) { h.combine(string) }
}

/// Bytes written once and then only read: the texts of many claims, one after another. A ``TextChunk/Writer``
/// appends to its newest chunk while the claims made before point into that chunk's earlier bytes, which never
/// change again; so reading them needs no lock, on any thread.
@usableFromInline
package final class TextChunk: @unchecked Sendable {
    /// The chunk's bytes: the first ones written, the rest not yet.
    @usableFromInline let base: UnsafeMutablePointer<UInt8>
    /// How many bytes the chunk holds.
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        base = .allocate(capacity: Swift.max(capacity, 1))
    }

    deinit { base.deallocate() }

    /// Stores texts in chunks of at most a megabyte (a longer text gets a chunk of its own), none larger than the
    /// bytes still to come can fill; texts of up to 15 bytes stay inline `String`s, which cost no allocation.
    package struct Writer {
        /// The newest chunk, and how much of it is written.
        private var chunk: TextChunk?
        private var used = 0
        /// The bytes the texts still to come can take at most (such as the rest of a file).
        private var budget: Int

        /// The usual size of a chunk.
        static let chunkSize = 1 << 20

        /// A writer for texts of at most `expectedBytes` bytes in all (more still works, in further chunks).
        package init(expectedBytes: Int) { budget = expectedBytes }

        /// Stores valid UTF-8 bytes.
        package mutating func store(_ p: UnsafeBufferPointer<UInt8>) -> ClaimText {
            let n = p.count
            guard n > 15, n <= Int(UInt32.max) else { return .owned(String(decoding: p, as: UTF8.self)) }
            if chunk == nil || used + n > chunk!.capacity {
                chunk = TextChunk(capacity: Swift.max(n, Swift.min(Writer.chunkSize, Swift.max(budget, 4096))))
                used = 0
            }
            let c = chunk!
            (c.base + used).update(from: p.baseAddress!, count: n)
            defer {
                used += n
                budget -= n
            }
            return .stored(c, offset: UInt32(used), count: UInt32(n))
        }

        /// Stores a text that is a `String` (its bytes are copied, unless it is short enough to stay inline).
        package mutating func store(_ text: ClaimText) -> ClaimText {
            guard case .owned(var s) = text, s.utf8.count > 15 else { return text }
            return s.withUTF8 { store($0) }
        }
    }
}
