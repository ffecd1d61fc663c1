import Foundation

/// Which file a path names, for same-file comparisons: the device and inode if it exists (so hard
/// links match), else its absolute path with links and `..` resolved.
struct FileIdentity {
    let canonicalPath: String
    let inode: (device: UInt64, number: UInt64)?

    init(path: String) {
        let resolved = (try? FilePaths.resolvingLinks(path)) ?? path
        canonicalPath = FilePaths.realPath(resolved)
            ?? FilePaths.realPath(FilePaths.parent(of: resolved)).map { $0 + "/" + FilePaths.lastComponent(of: resolved) }
            ?? URL(fileURLWithPath: resolved).standardizedFileURL.path
        var info = stat()
        inode = stat(resolved, &info) == 0 ? (UInt64(info.st_dev), UInt64(info.st_ino)) : nil
    }

    func isSame(as other: FileIdentity) -> Bool {
        if let inode, let otherInode = other.inode { return inode == otherInode }
        return canonicalPath == other.canonicalPath
    }
}
