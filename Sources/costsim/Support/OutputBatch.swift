import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One output made of several files — a report's PDF and PNGs, a sweep's database, table and
/// chart — written all or nothing: each file goes to a temporary file beside its destination,
/// and ``commit()`` renames them into place only once every one was written. On any failure the
/// temporary files (and the directories this batch created) are removed and no destination is
/// touched. Two files of one batch naming the same file are refused.
///
///     try OutputBatch.write { batch in
///         try batch.add(pdfBytes, to: OutputFile(checking: "r.pdf", option: "--out"))
///         try batch.add(text, to: OutputFile(checking: "r.txt", option: "--output"))
///     }
///
/// The renames of a commit cannot fail for a reason checked beforehand (each destination is a
/// regular file or absent, in a writable directory, re-checked just before); if one fails anyway,
/// the files it had already created are removed again, but files it had already replaced stay
/// replaced. An interrupt (SIGINT, SIGTERM) during a commit takes effect when the commit is done.
final class OutputBatch {
    private struct Staged {
        let file: OutputFile
        let temporary: String
        let registration: TemporaryFiles.Registration?
    }

    private var staged: [Staged] = []
    private var createdDirectories: [(path: String, registration: TemporaryFiles.Registration?)] = []
    private var finished = false

    /// Runs `body`, which adds the files, then commits them; on any error removes everything
    /// added and rethrows.
    static func write<Result>(_ body: (OutputBatch) throws -> Result) throws -> Result {
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
    func add(_ text: String, to file: OutputFile) throws {
        try add(Data(text.utf8), to: file)
    }

    /// Adds `bytes` as the contents of `file`.
    func add(_ bytes: some DataProtocol, to file: OutputFile) throws {
        try addStreaming(to: file) { writer in try writer.write(bytes) }
    }

    /// Adds the lines `body` emits (each followed by a newline) as the contents of `file`,
    /// writing them as they come.
    func addLines(to file: OutputFile, _ body: (_ emit: (String) throws -> Void) throws -> Void) throws {
        try addStreaming(to: file) { writer in
            var buffer = Data()
            try body { line in
                buffer.append(contentsOf: line.utf8)
                buffer.append(0x0A)
                if buffer.count >= 1 << 20 {
                    try writer.write(buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            try writer.write(buffer)
        }
    }

    /// Adds a file that `produce` creates at the temporary path it is given (for writers that
    /// build the file themselves, such as SQLite databases). The temporary path is replaced by the
    /// destination's path in the texts of errors `produce` throws.
    func add(to file: OutputFile, producedBy produce: (_ temporaryPath: String) throws -> Void) throws {
        try refuseDuplicate(file)
        let (temporary, registration) = try Self.reserveTemporaryName(for: file)
        do {
            try produce(temporary)
            var info = stat()
            guard lstat(temporary, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
                throw FileProblem.cannotWrite(file.path, "the file was not created")
            }
            if let mode = file.replacedMode, chmod(temporary, mode) != 0 {
                throw FileProblem.cannotWrite(file.path, FileProblem.reason(errno))
            }
        } catch {
            unlink(temporary)
            registration?.release()
            let text = String(describing: error)
            guard text.contains(temporary) else { throw error }
            throw CLIError(text.replacingOccurrences(of: temporary, with: file.path))
        }
        staged.append(Staged(file: file, temporary: temporary, registration: registration))
    }

    /// Creates the missing directories of `directory` now (files can then be added inside it);
    /// they are removed again if the batch is discarded.
    func createDirectory(_ directory: OutputDirectory) throws {
        for path in directory.missing {
            let registration = TemporaryFiles.register(path, kind: .directory)
            if mkdir(path, 0o777) != 0 {
                let code = errno
                registration?.release()
                if code == EEXIST, FilePaths.isDirectory(path) { continue }
                throw CLIError("\(directory.option): cannot create directory \(path): \(FileProblem.reason(code))")
            }
            createdDirectories.append((path, registration))
        }
    }

    /// Renames every added file into place. Throws (after removing the temporary files) if a
    /// destination changed since it was added into something that is not replaced.
    func commit() throws {
        guard !finished else { return }
        do {
            for item in staged { _ = try OutputFile(checking: item.file.path, option: item.file.option) }
        } catch {
            discard()
            throw error
        }
        TemporaryFiles.beginCommit()
        defer { TemporaryFiles.endCommit() }
        var created: [String] = []
        for item in staged {
            let existed = access(item.file.target, F_OK) == 0
            guard rename(item.temporary, item.file.target) == 0 else {
                let code = errno
                for path in created { unlink(path) }
                discard()
                throw FileProblem.cannotWrite(item.file.path, FileProblem.reason(code))
            }
            if !existed { created.append(item.file.target) }
        }
        for item in staged { item.registration?.release() }
        for directory in createdDirectories { directory.registration?.release() }
        staged = []
        createdDirectories = []
        finished = true
    }

    /// Removes every temporary file and every directory this batch created (if empty).
    func discard() {
        guard !finished else { return }
        finished = true
        for item in staged {
            unlink(item.temporary)
            item.registration?.release()
        }
        for directory in createdDirectories.reversed() {
            rmdir(directory.path)
            directory.registration?.release()
        }
        staged = []
        createdDirectories = []
    }

    // MARK: Writing one temporary file

    /// Writes to an open temporary file, naming the destination in errors.
    private struct Writer {
        let descriptor: Int32
        let path: String

        func write(_ bytes: some DataProtocol) throws {
            for region in bytes.regions {
                try region.withUnsafeBytes { buffer in
                    var offset = 0
                    while offset < buffer.count {
                        let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                        if written < 0 {
                            if errno == EINTR { continue }
                            throw FileProblem.cannotWrite(path, FileProblem.reason(errno))
                        }
                        offset += written
                    }
                }
            }
        }
    }

    /// Creates the temporary file for `file`, lets `body` fill it, flushes it to disk, gives it
    /// the replaced file's permissions and stages it.
    private func addStreaming(to file: OutputFile, _ body: (Writer) throws -> Void) throws {
        try refuseDuplicate(file)
        var attempt = 0
        while true {
            let (temporary, registration) = try Self.reserveTemporaryName(for: file, from: attempt)
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if descriptor < 0 {
                let code = errno
                registration?.release()
                if code == EEXIST { attempt += 1; continue }
                throw FileProblem.cannotWrite(file.path, FileProblem.reason(code))
            }
            var isOpen = true
            do {
                try body(Writer(descriptor: descriptor, path: file.path))
                if let mode = file.replacedMode, fchmod(descriptor, mode) != 0 {
                    throw FileProblem.cannotWrite(file.path, FileProblem.reason(errno))
                }
                if fsync(descriptor) != 0 { throw FileProblem.cannotWrite(file.path, FileProblem.reason(errno)) }
                isOpen = false
                if close(descriptor) != 0 { throw FileProblem.cannotWrite(file.path, FileProblem.reason(errno)) }
            } catch {
                if isOpen { close(descriptor) }
                unlink(temporary)
                registration?.release()
                throw error
            }
            staged.append(Staged(file: file, temporary: temporary, registration: registration))
            return
        }
    }

    /// A hidden name beside `file`'s target that does not exist yet (`.NAME.tmp-PID`, then
    /// `.NAME.tmp-PID-1`, …), registered for removal on interrupt.
    private static func reserveTemporaryName(for file: OutputFile, from attempt: Int = 0) throws -> (String, TemporaryFiles.Registration?) {
        let prefix = FilePaths.parent(of: file.target) + "/." + FilePaths.lastComponent(of: file.target) + ".tmp-\(getpid())"
        for attempt in attempt..<(attempt + 1000) {
            let name = attempt == 0 ? prefix : prefix + "-\(attempt)"
            var info = stat()
            if lstat(name, &info) == 0 { continue }
            return (name, TemporaryFiles.register(name, kind: .file))
        }
        throw FileProblem.cannotWrite(file.path, "no free temporary file name beside it")
    }

    private func refuseDuplicate(_ file: OutputFile) throws {
        let identity = file.identity
        if let earlier = staged.first(where: { $0.file.identity.isSame(as: identity) }) {
            throw CLIError("\(earlier.file.label) and \(file.label) name the same file (\(AtomicFile.describe(earlier.file.path, file.path))); give each output its own file")
        }
    }
}
