import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A file costsim is about to write, checked before anything is computed or written:
///
/// - an empty path, or one ending in `/`, is refused;
/// - a **symbolic link** is followed, through any chain of links: the data is written,
///   atomically, to the file the link resolves to and the link itself is kept — what users expect
///   of writing "through" a link (`--output latest.json` with `latest.json → runs/7.json` updates
///   `runs/7.json`). A dangling link creates the file it points to;
/// - an existing **directory, device, FIFO or socket** is refused with an error naming the path
///   and what it is: only regular files are replaced (renaming over `/dev/null` would replace the
///   device, and writing into a device or pipe cannot be atomic);
/// - the directory the file goes into must exist and be writable (the temporary file goes there);
/// - a regular file being replaced keeps its permission bits.
struct OutputFile {
    /// The path as given (used in messages).
    let path: String
    /// The command-line option that gave the path, if any (used in messages).
    let option: String?
    /// Where the file is written: `path`, or the file a symbolic link at `path` resolves to.
    let target: String
    /// The permission bits of the regular file being replaced; `nil` if the file is new.
    let replacedMode: mode_t?

    /// Checks `path` as described above; throws a ``CLIError`` naming the path and the problem.
    init(checking path: String, option: String? = nil) throws {
        guard !path.isEmpty else { throw CLIError("\(option.map { "\($0): " } ?? "")no file name given") }
        guard !path.hasSuffix("/") else { throw FileProblem.cannotWrite(path, "the name ends in '/': give a file name, not a directory") }
        let target = try FilePaths.resolvingLinks(path)
        var info = stat()
        var replacedMode: mode_t?
        if lstat(target, &info) == 0 {
            if let kind = FilePaths.kindIfNotRegular(info.st_mode) {
                let through = target == path ? "" : " (the link resolves to \(target))"
                throw FileProblem.cannotWrite(path, "it is \(kind)\(through); only regular files are replaced")
            }
            replacedMode = info.st_mode & 0o7777
        } else if errno != ENOENT {
            throw FileProblem.cannotWrite(path, FileProblem.reason(errno))
        }
        try FilePaths.checkWritableDirectory(FilePaths.parent(of: target), for: path)
        self.path = path
        self.option = option
        self.target = target
        self.replacedMode = replacedMode
    }

    /// Which file this is, for same-file comparisons.
    var identity: FileIdentity { FileIdentity(path: target) }

    /// How messages name this output: its option, else its path.
    var label: String { option ?? path }
}
