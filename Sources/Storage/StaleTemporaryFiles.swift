#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Removes the temporary files that writers of one destination left behind when they were
/// killed (SIGKILL, out of memory, power loss): a file beside the destination `NAME` is stale
/// when it is named `.NAME.tmp-PID` or `.NAME.tmp-PID-N` (``TemporaryFile``), is a regular file
/// of the current user, no process `PID` exists, and nobody holds its lock. A file of a live
/// process — also one in another PID namespace writing to a shared directory — keeps its lock
/// and is left alone.
enum StaleTemporaryFiles {
    /// Removes the stale temporary files of destination `name` in `directory`; returns their paths.
    @discardableResult
    static func remove(in directory: String, destination name: String) -> [String] {
        guard let stream = opendir(directory) else { return [] }
        defer { closedir(stream) }
        let prefix = TemporaryFile.prefix(for: name)
        var removed: [String] = []
        while let entry = readdir(stream) {
            let entryName = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            guard entryName.hasPrefix(prefix), let pid = processID(in: entryName.dropFirst(prefix.count)),
                pid != getpid(), kill(pid, 0) != 0, errno == ESRCH
            else { continue }
            let path = directory + "/" + entryName
            if removeIfUnlocked(path) { removed.append(path) }
        }
        return removed
    }

    /// `PID` of `PID` or `PID-N` (digits only).
    static func processID(in suffix: Substring) -> pid_t? {
        let parts = suffix.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count),
            parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        else { return nil }
        return pid_t(parts[0]).flatMap { $0 > 0 ? $0 : nil }
    }

    /// Unlinks `path` if it is a regular file of the current user that no process has locked.
    private static func removeIfUnlocked(_ path: String) -> Bool {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_uid == geteuid(),
            flock(descriptor, LOCK_EX | LOCK_NB) == 0
        else { return false }
        return unlink(path) == 0
    }
}
