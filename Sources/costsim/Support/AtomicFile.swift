import Foundation

/// Writes files so that readers see the old file or the complete new one, never a partial
/// write: the data goes to a temporary file in the same directory, which is then renamed over
/// the destination (rename is atomic within a file system).
enum AtomicFile {
    static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CLIError("\(path): directory \(directory.path) does not exist")
        }
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
        do {
            try data.write(to: temporary)
            if rename(temporary.path, url.path) != 0 {
                throw CLIError("\(path): cannot replace file: \(String(cString: strerror(errno)))")
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            if error is CLIError { throw error }
            throw CLIError("\(path): cannot write: \(error.localizedDescription)")
        }
    }

    /// Streams lines into a temporary file and renames it into place only if `body` succeeds.
    static func writeLines(to path: String, _ body: (_ emit: (String) throws -> Void) throws -> Void) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
              let handle = FileHandle(forWritingAtPath: temporary.path)
        else { throw CLIError("\(path): cannot create file in \(directory.path)") }
        var buffer = Data()
        do {
            try body { line in
                buffer.append(contentsOf: line.utf8)
                buffer.append(0x0A)
                if buffer.count >= 1 << 20 {
                    try handle.write(contentsOf: buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            try handle.write(contentsOf: buffer)
            try handle.close()
            if rename(temporary.path, url.path) != 0 {
                throw CLIError("\(path): cannot replace file: \(String(cString: strerror(errno)))")
            }
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }
}
