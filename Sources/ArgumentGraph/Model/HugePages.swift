#if canImport(Glibc)
    import Glibc
#endif

/// Asks the kernel for 2 MB pages under large buffers before they are first written: a buffer of tens of megabytes
/// costs a page fault per 4 KB page otherwise (and, written at random, a TLB miss per page). Only the whole 2 MB
/// blocks inside a buffer of at least 4 MB are advised; elsewhere, and off Linux, nothing happens.
package enum HugePages {
    /// Advises the 2 MB blocks of `byteCount` bytes from `base`.
    package static func advise(_ base: UnsafeMutableRawPointer?, byteCount: Int) {
        #if os(Linux)
            let huge = 1 << 21
            guard byteCount >= 2 &* huge, let base else { return }
            let start = (Int(bitPattern: base) &+ huge &- 1) & ~(huge &- 1)
            let end = (Int(bitPattern: base) &+ byteCount) & ~(huge &- 1)
            if end > start {
                _ = madvise(UnsafeMutableRawPointer(bitPattern: start), end &- start, MADV_HUGEPAGE)
            }
        #endif
    }

    /// Advises a buffer's memory.
    package static func advise<T>(_ buffer: UnsafeMutableBufferPointer<T>) {
        advise(UnsafeMutableRawPointer(buffer.baseAddress), byteCount: buffer.count &* MemoryLayout<T>.stride)
    }

    /// Advises the room an array has reserved (its capacity, written or not).
    package static func advise<T>(reservedIn array: inout [T]) {
        let bytes = array.capacity &* MemoryLayout<T>.stride
        array.withUnsafeMutableBufferPointer { advise(UnsafeMutableRawPointer($0.baseAddress), byteCount: bytes) }
    }
}
