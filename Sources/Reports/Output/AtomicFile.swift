import Glibc

/// Writes a file all at once: the bytes go to a temporary file in the same directory, which
/// is then renamed over the target. A failure removes the temporary file and leaves any
/// previous file untouched, so readers never see a partial file.
enum AtomicFile {
    static func write(_ bytes: [UInt8], to path: String) throws(ReportError) {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard !name.isEmpty else { throw .io(path: path, reason: "no file name") }
        let temporary = (directory.isEmpty ? "" : directory + "/") + "." + name + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .io(path: path, reason: errorText()) }
        var failure: String?
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errorText()
                    return
                }
                offset += written
            }
        }
        if failure == nil, fsync(fd) != 0 { failure = errorText() }
        if close(fd) != 0, failure == nil { failure = errorText() }
        if failure == nil, rename(temporary, path) != 0 { failure = errorText() }
        if let failure {
            unlink(temporary)
            throw .io(path: path, reason: failure)
        }
    }

    /// Creates `path` as a directory if it does not exist (one level).
    static func ensureDirectory(_ path: String) throws(ReportError) {
        var info = stat()
        if stat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else { throw .io(path: path, reason: "exists and is not a directory") }
            return
        }
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw .io(path: path, reason: errorText()) }
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}
