#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Path helpers on plain strings (no path normalization, which would hide `..` and
/// trailing-slash mistakes), and the rules every output path obeys.
public enum FilePaths {
    /// The directory part of `path` ("." for a bare name, "/" for a file in the root).
    public static func parent(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
    }

    /// The last component of `path`.
    public static func lastComponent(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        return trimmed.lastIndex(of: "/").map { String(trimmed[trimmed.index(after: $0)...]) } ?? String(trimmed)
    }

    /// `path` with every symbolic link in its last component followed (relative links are
    /// resolved against the link's directory); `path` itself if it is not a link or does not exist.
    ///
    /// A link in a sticky, world-writable directory (`/tmp`) is followed only if it belongs to
    /// the current user or to the directory's owner — the kernel's `protected_symlinks` rule —
    /// so a link planted there by another user cannot redirect a write to a file of the caller.
    public static func resolvingLinks(_ path: String) throws(OutputError) -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return current }
            try checkProtectedLink(current, owner: info.st_uid, for: path)
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(current, &buffer, buffer.count - 1)
            guard count > 0 else {
                throw OutputError(path: path, reason: "cannot read the symbolic link \(current): \(reason(errno))")
            }
            let link = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = link.hasPrefix("/") ? link : parent(of: current) + "/" + link
        }
        throw OutputError(path: path, reason: "too many levels of symbolic links")
    }

    /// Refuses to follow `link` (owned by `owner`) if it lies in a sticky world-writable
    /// directory and belongs neither to the current user nor to the directory's owner.
    private static func checkProtectedLink(_ link: String, owner: uid_t, for path: String) throws(OutputError) {
        var directory = stat()
        let parent = parent(of: link)
        guard stat(parent, &directory) == 0,
            directory.st_mode & S_ISVTX != 0, directory.st_mode & S_IWOTH != 0,
            owner != geteuid(), owner != directory.st_uid
        else { return }
        throw OutputError(
            path: path,
            reason: "the symbolic link \(link) is in the shared sticky directory \(parent) and belongs to "
                + "another user (uid \(owner)), not to you or the directory's owner; it is not followed "
                + "(as the kernel's protected_symlinks rule); remove the link or write elsewhere")
    }

    /// `realpath(3)`, or `nil` if `path` does not exist.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// `true` if `path` is a directory (links followed).
    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// "a directory", "a character device", …; `nil` for a regular file.
    public static func kindIfNotRegular(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: "a directory"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFIFO: "a named pipe (FIFO)"
        case S_IFSOCK: "a socket"
        case S_IFLNK: "a symbolic link"
        default: "not a regular file"
        }
    }

    /// Throws unless `directory` exists, is a directory and can be written to (for `path`).
    static func checkWritableDirectory(_ directory: String, for path: String) throws(OutputError) {
        var info = stat()
        guard stat(directory, &info) == 0 else {
            let code = errno
            throw OutputError(
                path: path,
                reason: code == ENOENT
                    ? "directory \(directory) does not exist" : "directory \(directory): \(reason(code))")
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            throw OutputError(path: path, reason: "\(directory) is not a directory")
        }
        guard access(directory, W_OK | X_OK) == 0 else {
            throw OutputError(path: path, reason: "directory \(directory) is not writable (\(reason(errno)))")
        }
    }

    /// The longest file name an output may have, in bytes: its temporary file
    /// (`.NAME.tmp-PID-N`, up to 21 bytes more) must fit the system's 255-byte limit.
    public static let maximumOutputNameBytes = 255 - 21

    /// Throws unless `name` (one path component) is short enough to be written as an output.
    public static func checkOutputName(_ name: String, for path: String) throws(OutputError) {
        let bytes = name.utf8.count
        guard bytes <= maximumOutputNameBytes else {
            throw OutputError(
                path: path,
                reason: "the file name is \(bytes) bytes long; at most \(maximumOutputNameBytes) are possible "
                    + "(the system allows 255, and the temporary file beside it needs the rest)")
        }
    }

    /// `strerror(code)` starting in lower case: "no space left on device".
    public static func reason(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}
