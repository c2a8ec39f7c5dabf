import Foundation
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs a ``LanguageServer`` over standard input and output until `exit` or the end of input.
public enum ServerLoop {
    /// Serves on the process's standard streams and returns the exit status.
    ///
    /// Standard output carries only protocol messages: the loop writes to a duplicate of it, and points file
    /// descriptor 1 at standard error, so that a stray `print` anywhere cannot corrupt the stream.
    public static func runOnStandardStreams(_ server: LanguageServer) -> Int32 {
        let out = dup(1)
        guard out >= 0 else { return 1 }
        fflush(nil)
        dup2(2, 1)
        signal(SIGPIPE, SIG_IGN)
        return run(server, input: 0, output: out)
    }

    /// Serves on the given file descriptors and returns the exit status.
    public static func run(_ server: LanguageServer, input: Int32, output: Int32) -> Int32 {
        var framer = MessageFramer()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return server.exitCodeAtEndOfInput }
            framer.append(chunk[0..<n])
            while true {
                let replies: [JSON]
                do {
                    guard let body = try framer.next() else { break }
                    replies = server.handle(body: body)
                } catch {
                    replies = server.handle(framingError: error)
                }
                for r in replies {
                    guard write(MessageFramer.frame(r.serialized()), to: output) else {
                        return server.exitCodeAtEndOfInput
                    }
                }
                if let code = server.exitCode { return code }
            }
        }
    }

    /// Writes all bytes; false when the output is gone.
    static func write(_ bytes: [UInt8], to fd: Int32) -> Bool {
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress! + done, bytes.count - done) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return false }
            done += n
        }
        return true
    }
}
