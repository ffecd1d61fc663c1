#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file about to be written, checked before anything is computed (``OutputBatch`` checks it
/// again just before the rename):
///
/// - an empty path, or one ending in `/`, is refused, and so is a file name too long to write
///   (``FilePaths/maximumOutputNameBytes``);
/// - a **symbolic link** is followed, through any chain of links: the data is written,
///   atomically, to the file the link resolves to and the link itself is kept (`--output
///   latest.json` with `latest.json → runs/7.json` updates `runs/7.json`); a dangling link creates
///   the file it points to. A link another user planted in a sticky world-writable directory is
///   not followed (``FilePaths/resolvingLinks(_:)``);
/// - an existing **directory, device, FIFO or socket** is refused with an error naming the path
///   and what it is: only regular files are replaced (renaming over `/dev/null` would replace the
///   device, and writing into a device or pipe cannot be atomic);
/// - a regular file being replaced keeps its permission bits, owner and group; one owned by
///   another user is refused unless the caller is root (it could not be given back);
/// - the directory the file goes into must exist and be writable (the temporary file goes there).
public struct OutputFile: Sendable {
    /// The path as given (used in messages).
    public let path: String
    /// The command-line option that gave the path, if any (used in messages).
    public let option: String?
    /// Where the file is written: `path`, or the file a symbolic link at `path` resolves to.
    public let target: String
    /// The file being replaced, as found by the check; `nil` if the file is new.
    let existing: ExistingFile?

    /// Checks `path` as described above.
    public init(checking path: String, option: String? = nil) throws(OutputError) {
        guard !path.isEmpty else { throw OutputError("\(option.map { "\($0): " } ?? "")no file name given") }
        guard !path.hasSuffix("/") else {
            throw OutputError(path: path, reason: "the name ends in '/': give a file name, not a directory")
        }
        let target = try FilePaths.resolvingLinks(path)
        try FilePaths.checkOutputName(FilePaths.lastComponent(of: target), for: path)
        var info = stat()
        var existing: ExistingFile?
        if lstat(target, &info) == 0 {
            if let kind = FilePaths.kindIfNotRegular(info.st_mode) {
                let through = target == path ? "" : " (the link resolves to \(target))"
                throw OutputError(path: path, reason: "it is \(kind)\(through); only regular files are replaced")
            }
            if info.st_uid != geteuid() && geteuid() != 0 {
                throw OutputError(
                    path: path,
                    reason: "it belongs to another user (uid \(info.st_uid)); replacing it would change its "
                        + "owner: remove it first or choose another file")
            }
            existing = ExistingFile(info)
        } else if errno != ENOENT {
            throw OutputError(path: path, reason: FilePaths.reason(errno))
        }
        try FilePaths.checkWritableDirectory(FilePaths.parent(of: target), for: path)
        self.path = path
        self.option = option
        self.target = target
        self.existing = existing
    }

    /// Which file this is, for same-file comparisons.
    public var identity: FileIdentity { FileIdentity(path: target) }

    /// How messages name this output: its option, else its path.
    public var label: String { option ?? path }

    /// Checks the file again and throws if it is no longer what it was when first checked
    /// (another process created, replaced or wrote it meanwhile: writing now would silently
    /// discard that process's output).
    func checkUnchanged() throws(OutputError) {
        let now = try OutputFile(checking: path, option: option)
        guard let found = now.existing, now.target == target else { return }  // removed meanwhile: nothing is lost
        guard let existing, existing.isSameVersion(as: found) else {
            throw OutputError(
                path: path,
                reason: "another process \(existing == nil ? "created" : "wrote") it while costsim was "
                    + "running; it was not replaced — run again, or give each run its own file")
        }
    }
}
