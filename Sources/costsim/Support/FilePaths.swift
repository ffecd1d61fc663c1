import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Path helpers on plain strings (no Foundation path normalization, which would hide `..`
/// and trailing-slash mistakes).
enum FilePaths {
    /// The directory part of `path` ("." for a bare name, "/" for a file in the root).
    static func parent(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
    }

    /// The last component of `path`.
    static func lastComponent(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        return trimmed.lastIndex(of: "/").map { String(trimmed[trimmed.index(after: $0)...]) } ?? String(trimmed)
    }

    /// `path` with every symbolic link in its last component followed (relative links are
    /// resolved against the link's directory); `path` itself if it is not a link or does not exist.
    static func resolvingLinks(_ path: String) throws -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(current, &buffer, buffer.count - 1)
            guard count > 0 else { throw FileProblem.cannotWrite(path, "cannot read the symbolic link \(current): \(FileProblem.reason(errno))") }
            let link = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = link.hasPrefix("/") ? link : parent(of: current) + "/" + link
        }
        throw FileProblem.cannotWrite(path, "too many levels of symbolic links")
    }

    /// `realpath(3)`, or `nil` if `path` does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// "a directory", "a character device", …; `nil` for a regular file.
    static func kindIfNotRegular(_ mode: mode_t) -> String? {
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
    static func checkWritableDirectory(_ directory: String, for path: String) throws {
        var info = stat()
        guard stat(directory, &info) == 0 else {
            let code = errno
            throw FileProblem.cannotWrite(path, code == ENOENT ? "directory \(directory) does not exist" : "directory \(directory): \(FileProblem.reason(code))")
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { throw FileProblem.cannotWrite(path, "\(directory) is not a directory") }
        guard access(directory, W_OK | X_OK) == 0 else {
            throw FileProblem.cannotWrite(path, "directory \(directory) is not writable (\(FileProblem.reason(errno)))")
        }
    }
}
