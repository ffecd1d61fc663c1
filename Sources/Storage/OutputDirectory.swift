#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A directory costsim writes files into (`run --report`, `report --png-dir`), checked before
/// anything is computed: an existing directory (or a link to one) that can be written to, or a
/// path that does not exist yet below a writable directory. Missing directories are created only
/// when the files are written (``OutputBatch/createDirectory(_:)``) and removed again if that fails.
public struct OutputDirectory: Sendable {
    /// The path as given.
    public let path: String
    /// The command-line option that gave the path (used in messages).
    public let option: String
    /// The directories to create, outermost first (empty if `path` exists).
    public let missing: [String]

    /// Checks `path`; `createParents` allows missing directories above it (`mkdir -p`),
    /// otherwise only `path` itself may be missing.
    public init(checking path: String, option: String, createParents: Bool) throws(OutputError) {
        guard !path.isEmpty else { throw OutputError("\(option): no directory name given") }
        var missing: [String] = []
        var current = path
        while true {
            var info = stat()
            if stat(current, &info) == 0 {
                guard (info.st_mode & S_IFMT) == S_IFDIR else {
                    let kind = FilePaths.kindIfNotRegular(info.st_mode) ?? "a regular file"
                    throw OutputError("\(option): cannot write into \(current): it is \(kind), not a directory")
                }
                guard access(current, W_OK | X_OK) == 0 else {
                    throw OutputError("\(option): cannot write into \(current): \(FilePaths.reason(errno))")
                }
                break
            }
            let code = errno
            var link = stat()
            if code == ENOENT, lstat(current, &link) == 0 {
                throw OutputError(
                    "\(option): cannot write into \(current): it is a symbolic link to a missing directory")
            }
            guard code == ENOENT else {
                throw OutputError("\(option): cannot write into \(current): \(FilePaths.reason(code))")
            }
            guard missing.isEmpty || createParents else {
                throw OutputError("\(option): cannot create \(path): directory \(current) does not exist")
            }
            missing.insert(current, at: 0)
            let parent = FilePaths.parent(of: current)
            guard parent != current else {
                throw OutputError("\(option): cannot write into \(path): \(current) does not exist")
            }
            current = parent
        }
        self.path = path
        self.option = option
        self.missing = missing
    }

    /// The path of `name` inside this directory.
    public func file(_ name: String) -> String {
        (path.hasSuffix("/") ? path : path + "/") + name
    }

    /// `true` if `directory` is one of the directories this output creates (so a file in it
    /// can only be checked once they exist).
    public func creates(_ directory: String) -> Bool {
        let identity = FileIdentity(path: directory)
        return missing.contains { FileIdentity(path: $0).isSame(as: identity) }
    }

    /// Checks, before anything is computed, that a file `name` can be written into this
    /// directory: not too long, and — if the directory exists — not something other than a
    /// regular file (see ``OutputFile``).
    public func checkFile(_ name: String) throws(OutputError) {
        try FilePaths.checkOutputName(name, for: file(name))
        if missing.isEmpty { _ = try OutputFile(checking: file(name), option: option) }
    }
}
