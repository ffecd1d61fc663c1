#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The hidden file an output is written to before it is renamed into place:
/// `.NAME.tmp-PID` beside the destination (`.NAME.tmp-PID-1`, … if taken), created exclusively,
/// locked (`flock`) for as long as it is open, and registered for removal on interrupt
/// (``TemporaryFiles``). The name and the lock let a later run tell a file whose writer died
/// (SIGKILL, power loss) from one being written now (``StaleTemporaryFiles``).
struct TemporaryFile {
    let path: String
    let descriptor: Int32
    let registration: TemporaryFiles.Registration?

    /// `.` + `name` + `.tmp-`: every temporary file of destination `name` starts so.
    static func prefix(for name: String) -> String { "." + name + ".tmp-" }

    /// Creates the temporary file for `file`, after removing stale ones of earlier runs.
    static func create(for file: OutputFile) throws(OutputError) -> TemporaryFile {
        let directory = FilePaths.parent(of: file.target)
        let name = FilePaths.lastComponent(of: file.target)
        StaleTemporaryFiles.remove(in: directory, destination: name)
        let stem = directory + "/" + prefix(for: name) + String(getpid())
        for attempt in 0..<1000 {
            let path = attempt == 0 ? stem : stem + "-\(attempt)"
            let descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o666)
            guard descriptor >= 0 else {
                if errno == EEXIST { continue }
                throw OutputError(path: file.path, reason: FilePaths.reason(errno))
            }
            _ = flock(descriptor, LOCK_EX | LOCK_NB)
            // Registered once it is ours: an interrupt must never remove another writer's file.
            let registration = TemporaryFiles.register(path, kind: .file)
            return TemporaryFile(path: path, descriptor: descriptor, registration: registration)
        }
        throw OutputError(path: file.path, reason: "no free temporary file name beside it")
    }

    /// Writes `bytes` at the current offset.
    func write(_ bytes: [UInt8], for file: OutputFile) throws(OutputError) {
        let failure: Int32? = bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
        if let failure { throw OutputError(path: file.path, reason: FilePaths.reason(failure)) }
    }

    /// Gives the file the replaced file's permission bits, owner and group, and flushes it to disk.
    func finish(for file: OutputFile) throws(OutputError) {
        if let existing = file.existing {
            guard fchmod(descriptor, existing.mode) == 0 else {
                throw OutputError(path: file.path, reason: FilePaths.reason(errno))
            }
            var info = stat()
            if fstat(descriptor, &info) == 0, info.st_uid != existing.owner || info.st_gid != existing.group,
                fchown(descriptor, existing.owner, existing.group) != 0
            {
                throw OutputError(
                    path: file.path, reason: "cannot keep its owner and group: \(FilePaths.reason(errno))")
            }
        }
        guard fsync(descriptor) == 0 else { throw OutputError(path: file.path, reason: FilePaths.reason(errno)) }
    }

    /// Closes the file (releasing its lock); it stays on disk.
    func close() {
        _ = Glibc.close(descriptor)
    }

    /// Closes and removes the file.
    func remove() {
        unlink(path)
        close()
        registration?.release()
    }
}
