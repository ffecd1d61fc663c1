#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The only place CostModel touches the C library for files: existence checks, whole-file
/// reads and writes, and the rename that makes catalog writes atomic. Keeps Foundation out.
enum Platform {
    /// `true` if `path` exists and is readable.
    static func isReadableFile(_ path: String) -> Bool {
        access(path, R_OK) == 0
    }

    /// `true` if something exists at `path`.
    static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    /// `true` if `path` and `other` name the same existing file: same device and inode after
    /// following symbolic links, so `./x.csv`, `x.csv`, `dir/../x.csv`, a symlink to it and a
    /// hard link all match. `false` if either does not exist.
    static func isSameFile(_ path: String, _ other: String) -> Bool {
        var first = stat()
        var second = stat()
        guard stat(path, &first) == 0, stat(other, &second) == 0 else { return false }
        return first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }

    /// Writes `text` to `path` through a temporary file in the same directory and a rename,
    /// so readers see either the old file or the whole new one. Returns an error message on failure.
    static func writeTextFileAtomically(_ text: String, to path: String) -> String? {
        let temporary = temporaryPath(for: path)
        guard let file = fopen(temporary, "wb") else { return "cannot create \(temporary): \(errorText())" }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        let flushed = fflush(file) == 0 && fsync(fileno(file)) == 0
        fclose(file)
        guard written == bytes.count, flushed else {
            remove(temporary)
            return "write to \(temporary) failed: \(errorText())"
        }
        return renameReplacing(temporary, path)
    }

    /// A sibling temporary name for `path`, unique to this process.
    static func temporaryPath(for path: String) -> String {
        "\(path).tmp-\(getpid())"
    }

    /// Renames `from` over `to`; returns an error message on failure (and removes `from`).
    static func renameReplacing(_ from: String, _ to: String) -> String? {
        guard rename(from, to) == 0 else {
            let message = "cannot rename \(from) to \(to): \(errorText())"
            remove(from)
            return message
        }
        return nil
    }

    /// Deletes a file if present.
    static func removeFile(_ path: String) {
        _ = remove(path)
    }

    /// `strerror(errno)`.
    static func errorText() -> String {
        String(cString: strerror(errno))
    }
}
