#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a text file line by line through a fixed 256 KiB buffer, handing out each line as raw
/// UTF-8 bytes without copying.
///
/// Memory stays constant however long the file is; a line longer than the buffer grows it, up to
/// ``maxLineLength`` (a longer "line" is an error: most likely not a text file at all).
/// Line endings `\n` and `\r\n` are both accepted and not included in the line.
package final class LineReader {
    let path: String
    private let descriptor: Int32
    // Raw memory the reader owns (freed in `deinit`) and `@exclusivity(unchecked)`: these are
    // touched for every line; the reader is used from one thread and never re-entered, so
    // an array's retains and uniqueness checks and the runtime access checks are pure overhead.
    @exclusivity(unchecked) private var buffer: UnsafeMutableBufferPointer<UInt8>
    @exclusivity(unchecked) private var start = 0          // first unread byte
    @exclusivity(unchecked) private var end = 0            // one past the last valid byte
    @exclusivity(unchecked) private var reachedEndOfFile = false
    /// 1-based number of the line most recently returned.
    @exclusivity(unchecked) package private(set) var lineNumber = 0

    static let initialCapacity = 256 * 1024
    /// Longest line accepted: 64 MiB, thousands of times a real trace line.
    package static let maxLineLength = 64 * 1024 * 1024

    /// Opens `path` if it is a regular file whose first block is UTF-8 text (``TextInput``).
    package init(path: String) throws(TraceError) {
        self.path = path
        descriptor = try TextInput.openRegularFile(path).descriptor
        buffer = .allocate(capacity: Self.initialCapacity)
        try refill()
        let firstBlock = UnsafeBufferPointer(rebasing: buffer[..<end])
        if let problem = TextInput.encodingProblem(firstBlock, complete: reachedEndOfFile) {
            throw TraceError(file: path, message: problem)
        }
    }

    deinit {
        close(descriptor)
        buffer.deallocate()
    }

    /// The next line, or `nil` at the end of the file. The bytes are the reader's: they stay valid
    /// until the next call.
    package func nextLine() throws(TraceError) -> UnsafeBufferPointer<UInt8>? {
        while true {
            if start < end, let found = memchr(buffer.baseAddress! + start, Int32(UInt8(ascii: "\n")), end - start) {
                let newline = buffer.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
                lineNumber += 1
                var lineEnd = newline
                if lineEnd > start && buffer[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
                let line = UnsafeBufferPointer(rebasing: buffer[start..<lineEnd])
                start = newline + 1
                return line
            }
            if reachedEndOfFile {
                guard start < end else { return nil }
                lineNumber += 1
                var lineEnd = end
                if buffer[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
                let line = UnsafeBufferPointer(rebasing: buffer[start..<lineEnd])
                start = end
                return line
            }
            try refill()
        }
    }

    /// Calls `body` with the next line, or returns `nil` at the end of the file.
    package func withNextLine<Result>(
        _ body: (UnsafeBufferPointer<UInt8>) throws(TraceError) -> Result
    ) throws(TraceError) -> Result? {
        guard let line = try nextLine() else { return nil }
        return try body(line)
    }

    private func refill() throws(TraceError) {
        if start > 0 {
            let remaining = end - start
            if remaining > 0 { _ = memmove(buffer.baseAddress!, buffer.baseAddress! + start, remaining) }
            start = 0
            end = remaining
        }
        if end == buffer.count {
            guard buffer.count < Self.maxLineLength else {
                throw TraceError(file: path, line: lineNumber + 1, message: "line is longer than 64 MiB; is this a text file?")
            }
            // Doubling keeps reading a long line linear; copying as one block keeps it fast.
            let grown = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 2 * buffer.count)
            _ = grown.initialize(fromContentsOf: buffer)
            buffer.deallocate()
            buffer = grown
        }
        let readCount = read(descriptor, buffer.baseAddress! + end, buffer.count - end)
        guard readCount >= 0 else {
            throw TraceError(file: path, line: lineNumber + 1, message: "read failed: \(String(cString: strerror(errno)))")
        }
        if readCount == 0 { reachedEndOfFile = true }
        end += readCount
    }
}
