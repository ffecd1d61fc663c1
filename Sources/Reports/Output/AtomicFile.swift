import Glibc

/// Writes a file all at once: the bytes go to a temporary file in the same directory, which
/// is then renamed over the target. A failure removes the temporary file and leaves any
/// previous file untouched, so readers never see a partial file. Only regular files are
/// replaced (keeping their permission bits); a symbolic link is written through to the file it
/// names; a directory, device, FIFO or socket is refused — renaming over `/dev/null` would
/// replace the device. (The CLI has its own, fuller writer: `costsim/Support/OutputFile`.)
enum AtomicFile {
    static func write(_ bytes: [UInt8], to requested: String) throws(ReportError) {
        var path = requested
        var mode: mode_t = 0o644
        var info = stat()
        if lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK {
            guard let resolved = realpath(path, nil) else { throw .io(path: requested, reason: "a symbolic link to nothing that exists") }
            path = String(cString: resolved)
            free(resolved)
        }
        if stat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFREG else {
                throw .io(path: requested, reason: "it is not a regular file (a directory, device, FIFO or socket); only regular files are replaced")
            }
            mode = info.st_mode & 0o7777
        }
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
        if failure == nil, fchmod(fd, mode) != 0 { failure = errorText() }
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
