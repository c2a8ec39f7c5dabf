import ArgumentGraphModel
import Foundation

/// Reads a whole file into bytes with one allocation.
enum FileBytes {
    static func read(_ path: String) throws(DiagnosticError) -> [UInt8] {
        func fail(_ reason: String) -> DiagnosticError {
            DiagnosticError([Diagnostic(.error, "cannot read '\(path)': \(reason)")])
        }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw fail(
                errno == ENOENT
                    ? "no such file" : errno == EACCES ? "permission denied" : String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw fail(String(cString: strerror(errno))) }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw fail(String(cString: strerror(EISDIR))) }
        let size = (st.st_mode & S_IFMT) == S_IFREG ? Int(st.st_size) : 0
        let (out, failure) = readAll(fd, expected: size)
        if failure != 0 { throw fail(String(cString: strerror(failure))) }
        return out
    }

    /// Whether `path` names a regular file (following links), which can be read again from its start.
    static func isRegularFile(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
    }

    /// Everything left to read from `fd`: first the `expected` bytes (the size `stat` gave a regular file) into
    /// uninitialized room, one allocation and no pass of zeros; then whatever more there is (a file that grew, a
    /// pipe), a chunk at a time. Returns the bytes read, and the `errno` of a read that failed (0 when none did).
    static func readAll(_ fd: Int32, expected size: Int) -> (bytes: [UInt8], failure: Int32) {
        var failure: Int32 = 0
        var out = [UInt8](unsafeUninitializedCapacity: size) { buf, initialized in
            var got = 0
            while got < size {
                let n = Foundation.read(fd, buf.baseAddress! + got, size - got)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    break
                }
                if n == 0 { break }
                got += n
            }
            initialized = got
        }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while failure == 0 {
            let n = chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                failure = errno
            } else if n == 0 {
                break
            } else {
                out.append(contentsOf: chunk[0..<n])
            }
        }
        return (out, failure)
    }
}

/// Whether the bytes are well-formed UTF-8 (the checks below, shared by the readers, the diagnostic renderer and the
/// session's kept text), without copying them.
package func isValidUTF8(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBytes { isValidUTF8($0) }
}

/// Whether the bytes are well-formed UTF-8.
func isValidUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
    bytes.withUnsafeBytes { isValidUTF8($0) }
}

/// Whether the bytes are well-formed UTF-8.
func isValidUTF8(_ bytes: Bytes) -> Bool {
    isValidUTF8(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes)))
}

/// Whether the bytes are valid UTF-8 (quick for ASCII, eight bytes at a time).
func isValidUTF8(_ p: UnsafeRawBufferPointer) -> Bool {
    var i = 0
    var acc: UInt64 = 0
    while i + 8 <= p.count {
        acc |= p.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        i += 8
    }
    while i < p.count { acc |= UInt64(p[i]); i += 1 }
    if acc & 0x8080_8080_8080_8080 == 0 { return true }
    return firstInvalidUTF8Offset(p) == p.count
}

/// The byte offset of the first invalid UTF-8 sequence, or `bytes.count` when all is valid.
func firstInvalidUTF8Offset(_ bytes: some Collection<UInt8>) -> Int {
    var decoder = UTF8()
    var iterator = bytes.makeIterator()
    var consumed = 0
    while true {
        switch decoder.decode(&iterator) {
        case let .scalarValue(s): consumed += UTF8.width(s)
        case .emptyInput: return bytes.count
        case .error: return consumed
        }
    }
}
