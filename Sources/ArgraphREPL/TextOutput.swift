import Foundation

/// Where a session writes text: the terminal, or a buffer in tests.
public protocol TextOutput: AnyObject {
    /// Writes text as given (add the newline yourself).
    func write(_ text: String)
    /// Pushes buffered text out.
    func flush()
}

/// Collects everything written, for tests and for capturing a command's output.
public final class BufferedOutput: TextOutput {
    /// Everything written so far.
    public private(set) var text = ""
    /// An empty buffer.
    public init() {}
    /// Appends text.
    public func write(_ text: String) { self.text += text }
    /// Does nothing: the text is already in ``text``.
    public func flush() {}
    /// Returns the text and empties the buffer.
    public func take() -> String { defer { text = "" }; return text }
}

/// Writes to a file descriptor through a 64 KiB buffer.
public final class FileOutput: TextOutput {
    private let fd: Int32
    private var buffer: [UInt8] = []

    /// Writes to `fd` (1 for standard output, 2 for standard error).
    public init(fd: Int32) {
        self.fd = fd
        buffer.reserveCapacity(1 << 16)
    }

    /// Buffers text, flushing when the buffer is full.
    public func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Writes the buffer out, retrying on interruption.
    public func flush() {
        var offset = 0
        buffer.withUnsafeBytes { raw in
            while offset < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 { if errno == EINTR { continue }; return }
                offset += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
