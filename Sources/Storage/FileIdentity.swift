#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which file a path names, for same-file comparisons: the device and inode if it exists (so hard
/// links match), else its absolute path with links and `..` resolved.
public struct FileIdentity: Sendable {
    let canonicalPath: String
    let inode: (device: UInt64, number: UInt64)?

    public init(path: String) {
        let resolved = (try? FilePaths.resolvingLinks(path)) ?? path
        canonicalPath =
            FilePaths.realPath(resolved)
            ?? FilePaths.realPath(FilePaths.parent(of: resolved)).map {
                $0 + "/" + FilePaths.lastComponent(of: resolved)
            }
            ?? Self.absolute(resolved)
        var info = stat()
        inode = stat(resolved, &info) == 0 ? (UInt64(info.st_dev), UInt64(info.st_ino)) : nil
    }

    /// `true` if both name the same file.
    public func isSame(as other: FileIdentity) -> Bool {
        if let inode, let otherInode = other.inode { return inode == otherInode }
        return canonicalPath == other.canonicalPath
    }

    /// `path` made absolute against the working directory.
    static func absolute(_ path: String) -> String {
        guard !path.hasPrefix("/"), let directory = getcwd(nil, 0) else { return path }
        defer { free(directory) }
        return String(cString: directory) + "/" + path
    }
}
