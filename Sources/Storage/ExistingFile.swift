#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The regular file an output replaces, as found when the output was checked: what the new file
/// inherits (permission bits, owner, group) and what tells whether another process wrote it since
/// (device, inode, size, modification time).
struct ExistingFile: Sendable {
    let mode: mode_t
    let owner: uid_t
    let group: gid_t
    let device: UInt64
    let inode: UInt64
    let size: Int64
    let modifiedSeconds: Int
    let modifiedNanoseconds: Int

    init(_ info: stat) {
        mode = info.st_mode & 0o7777
        owner = info.st_uid
        group = info.st_gid
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        modifiedSeconds = Int(info.st_mtim.tv_sec)
        modifiedNanoseconds = Int(info.st_mtim.tv_nsec)
    }

    /// `true` if `other` is the same file with the same size and modification time: nobody
    /// replaced or wrote it in between.
    func isSameVersion(as other: ExistingFile) -> Bool {
        (device, inode, size, modifiedSeconds, modifiedNanoseconds)
            == (other.device, other.inode, other.size, other.modifiedSeconds, other.modifiedNanoseconds)
    }
}
