#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one way costsim writes files: one output made of one or several files — a report's PDF
/// and PNGs, a sweep's database, table and chart — written all or nothing. Each file goes to a
/// ``TemporaryFile`` beside its destination, is flushed to disk, and ``commit()`` renames them
/// into place only once every one was written. On any failure the temporary files (and the
/// directories this batch created) are removed and no destination is touched. Two files of one
/// batch naming the same file are refused.
///
///     try OutputBatch.write { batch in
///         try batch.add(pdfBytes, to: OutputFile(checking: "r.pdf", option: "--out"))
///         try batch.add(text, to: OutputFile(checking: "r.txt", option: "--output"))
///     }
///
/// Before renaming, every destination is checked again: it must still be a regular file or
/// absent, and not have been created or written by another process since its ``OutputFile`` was
/// checked (two runs writing one file: the second fails rather than silently discarding the
/// first's output). The renames cannot fail for a reason checked beforehand; if one fails anyway,
/// the files it had already created are removed again, but files it had already replaced stay
/// replaced. An interrupt (SIGINT, SIGTERM) during a commit takes effect when the commit is done.
public final class OutputBatch {
    private struct Staged {
        let file: OutputFile
        let temporary: TemporaryFile
    }

    private var staged: [Staged] = []
    private var createdDirectories: [(path: String, registration: TemporaryFiles.Registration?)] = []
    private var finished = false

    /// Runs `body`, which adds the files, then commits them; on any error removes everything
    /// added and rethrows.
    public static func write<Result>(_ body: (OutputBatch) throws -> Result) throws -> Result {
        let batch = OutputBatch()
        do {
            let result = try body(batch)
            try batch.commit()
            return result
        } catch {
            batch.discard()
            throw error
        }
    }

    deinit { discard() }

    /// Adds `text` (UTF-8) as the contents of `file`.
    public func add(_ text: String, to file: OutputFile) throws {
        try add(Array(text.utf8), to: file)
    }

    /// Adds `bytes` as the contents of `file`.
    public func add(_ bytes: [UInt8], to file: OutputFile) throws {
        try stage(file) { temporary in try temporary.write(bytes, for: file) }
    }

    /// Adds the lines `body` emits (each followed by a newline) as the contents of `file`,
    /// writing them as they come.
    public func addLines(to file: OutputFile, _ body: (_ emit: (String) throws -> Void) throws -> Void) throws {
        try stage(file) { temporary in
            var buffer: [UInt8] = []
            func flush() throws {
                try temporary.write(buffer, for: file)
                buffer.removeAll(keepingCapacity: true)
            }
            try body { line in
                buffer.append(contentsOf: line.utf8)
                buffer.append(0x0A)
                if buffer.count >= 1 << 20 { try flush() }
            }
            try flush()
        }
    }

    /// Adds a file that `produce` creates at the temporary path it is given (for writers that
    /// build the file themselves, such as SQLite databases; the file exists, empty, when
    /// `produce` is called). The temporary path is replaced by the destination's path in the
    /// texts of errors `produce` throws.
    public func add(to file: OutputFile, producedBy produce: (_ temporaryPath: String) throws -> Void) throws {
        try stage(file) { temporary in
            do {
                try produce(temporary.path)
            } catch {
                let text = String(describing: error)
                guard text.contains(temporary.path) else { throw error }
                throw OutputError(text.replacing(temporary.path, with: file.path))
            }
            var info = stat()
            guard lstat(temporary.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
                throw OutputError(path: file.path, reason: "the file was not created")
            }
        }
    }

    /// Creates the missing directories of `directory` now (files can then be added inside it);
    /// they are removed again if the batch is discarded.
    public func createDirectory(_ directory: OutputDirectory) throws(OutputError) {
        for path in directory.missing {
            let registration = TemporaryFiles.register(path, kind: .directory)
            if mkdir(path, 0o777) != 0 {
                let code = errno
                registration?.release()
                if code == EEXIST, FilePaths.isDirectory(path) { continue }
                throw OutputError("\(directory.option): cannot create directory \(path): \(FilePaths.reason(code))")
            }
            createdDirectories.append((path, registration))
        }
    }

    /// Renames every added file into place. Throws (after removing the temporary files) if a
    /// destination changed since it was checked (see the type's description).
    public func commit() throws(OutputError) {
        guard !finished else { return }
        do {
            for item in staged { try item.file.checkUnchanged() }
        } catch {
            discard()
            throw error
        }
        TemporaryFiles.beginCommit()
        defer { TemporaryFiles.endCommit() }
        var created: [String] = []
        for item in staged {
            let existed = access(item.file.target, F_OK) == 0
            guard rename(item.temporary.path, item.file.target) == 0 else {
                let code = errno
                for path in created { unlink(path) }
                discard()
                throw OutputError(path: item.file.path, reason: FilePaths.reason(code))
            }
            if !existed { created.append(item.file.target) }
        }
        for item in staged {
            item.temporary.close()
            item.temporary.registration?.release()
        }
        for directory in createdDirectories { directory.registration?.release() }
        staged = []
        createdDirectories = []
        finished = true
    }

    /// Removes every temporary file and every directory this batch created (if empty).
    public func discard() {
        guard !finished else { return }
        finished = true
        for item in staged { item.temporary.remove() }
        for directory in createdDirectories.reversed() {
            rmdir(directory.path)
            directory.registration?.release()
        }
        staged = []
        createdDirectories = []
    }

    /// Creates the temporary file for `file`, lets `fill` write it, gives it the replaced file's
    /// permissions and owner, flushes it to disk and stages it; removes it if anything fails.
    private func stage(_ file: OutputFile, _ fill: (TemporaryFile) throws -> Void) throws {
        if let earlier = staged.first(where: { $0.file.identity.isSame(as: file.identity) }) {
            throw OutputError(
                "\(earlier.file.label) and \(file.label) name the same file "
                    + "(\(AtomicFile.describe(earlier.file.path, file.path))); give each output its own file")
        }
        let temporary = try TemporaryFile.create(for: file)
        do {
            try fill(temporary)
            try temporary.finish(for: file)
        } catch {
            temporary.remove()
            throw error
        }
        staged.append(Staged(file: file, temporary: temporary))
    }
}
