#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The checks every reader of a text input makes — traces, rate files, scenarios, manifests,
/// grids, price CSVs — so each says in the same words why a file cannot be read:
///
/// - it must be a regular file: a directory, a FIFO (named pipe), a socket or a device is
///   refused by name, before anything reads from it (opening a FIFO does not wait for a writer);
/// - it must be UTF-8 text: a UTF-16 or UTF-32 file (with or without a byte-order mark) and a
///   binary file (NUL bytes, or bytes that are not UTF-8) are named as such.
package enum TextInput {
    /// Opens `path` for reading if it is a regular file; returns the descriptor and the size.
    package static func openRegularFile(_ path: String) throws(InputError) -> (descriptor: Int32, size: Int) {
        // O_NONBLOCK: opening a FIFO for reading would otherwise block until a writer appears.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            throw InputError(file: path, message: code == ENOENT ? "file not found" : "cannot open: \(String(cString: strerror(code)))")
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw InputError(file: path, message: "cannot open: \(reason)")
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw InputError(file: path, message: kindProblem(mode: info.st_mode))
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        return (descriptor, Int(info.st_size))
    }

    /// Reads all of `path`, at most `maxBytes` (checked before reading), as UTF-8 text.
    /// `kind` names the input in the size message (`a YAML input`).
    package static func readText(_ path: String, maxBytes: Int, kind: String) throws(InputError) -> String {
        let (descriptor, size) = try openRegularFile(path)
        defer { close(descriptor) }
        guard size <= maxBytes else { throw InputError(file: path, message: tooLarge(size, maxBytes: maxBytes, kind: kind)) }
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var count = 0
        while count < bytes.count {
            let got = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + count, $0.count - count) }
            guard got >= 0 else { throw InputError(file: path, message: "read failed: \(String(cString: strerror(errno)))") }
            if got == 0 { break }
            count += got
        }
        // The file grew while it was read: refuse rather than read an unbounded amount.
        guard count <= maxBytes else { throw InputError(file: path, message: tooLarge(count, maxBytes: maxBytes, kind: kind)) }
        bytes.removeSubrange(count...)
        if let problem = bytes.withUnsafeBufferPointer({ encodingProblem($0, complete: true) }) {
            throw InputError(file: path, message: problem)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Why `bytes` is not UTF-8 text, or nil. `complete` is false when `bytes` is only the start
    /// of the file: a character cut off at its end is then not a problem.
    package static func encodingProblem(_ bytes: UnsafeBufferPointer<UInt8>, complete: Bool) -> String? {
        let utf16 = "is UTF-16 text, not UTF-8: save it as UTF-8 (e.g. iconv -f UTF-16 -t UTF-8)"
        let utf32 = "is UTF-32 text, not UTF-8: save it as UTF-8 (e.g. iconv -f UTF-32 -t UTF-8)"
        if bytes.starts(with: [0xFF, 0xFE, 0, 0]) || bytes.starts(with: [0, 0, 0xFE, 0xFF]) { return utf32 }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return utf16 }
        if let firstNUL = bytes.firstIndex(of: 0) {
            // Text in UTF-16 without a byte-order mark: every other byte of ASCII text is NUL.
            let sample = bytes.prefix(4096)
            let evenNULs = stride(from: 0, to: sample.count, by: 2).filter { sample[$0] == 0 }.count
            let oddNULs = stride(from: 1, to: sample.count, by: 2).filter { sample[$0] == 0 }.count
            let pairs = sample.count / 2
            if pairs >= 2, Swift.max(evenNULs, oddNULs) * 10 >= pairs * 9, Swift.min(evenNULs, oddNULs) * 10 <= pairs {
                return utf16
            }
            return "is a binary file, not UTF-8 text (a NUL byte at offset \(firstNUL))"
        }
        var checked = bytes[...]
        if !complete, let lastASCII = checked.lastIndex(where: { $0 < 0x80 }) {
            checked = checked[...lastASCII]   // the bytes after it may be a character the sample cut off
        }
        let invalid = transcode(checked.makeIterator(), from: UTF8.self, to: UTF32.self, stoppingOnError: true) { _ in }
        guard invalid else { return nil }
        return "is not UTF-8 text (a binary file, or text in another encoding such as Latin-1: save it as UTF-8)"
    }

    static func kindProblem(mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: "is a directory, not a file"
        case S_IFIFO: "is a FIFO (named pipe), not a regular file: give the path of a file"
        case S_IFSOCK: "is a socket, not a regular file"
        case S_IFCHR, S_IFBLK: "is a device, not a regular file"
        default: "is not a regular file"
        }
    }

    static func tooLarge(_ size: Int, maxBytes: Int, kind: String) -> String {
        func mebibytes(_ bytes: Int) -> String {
            let tenths = (bytes * 10 + (1 << 19)) >> 20   // rounded to 0.1 MiB
            return tenths % 10 == 0 ? "\(tenths / 10) MiB" : "\(tenths / 10).\(tenths % 10) MiB"
        }
        return "is \(mebibytes(size)); \(kind) may be at most \(mebibytes(maxBytes))"
    }
}
