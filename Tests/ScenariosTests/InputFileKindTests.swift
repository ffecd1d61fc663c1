import Foundation
import Testing
import Scenarios
import Simulator

/// Scenario and manifest files that are not UTF-8 text in a regular file of at most 16 MiB are
/// refused before they are parsed, saying why (once only "cannot read file"; a FIFO blocked).
@Suite struct InputFileKindTests {
    static func directory() -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("costsim-input-\(UUID().uuidString)")
            .path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// The message each loader gives for `path`.
    static func messages(_ path: String) -> [String?] {
        let scenario = Result { () throws(ScenarioFileError) in try ScenarioLoader.load(path: path) }
        let manifest = Result { () throws(ScenarioFileError) in try ManifestLoader.load(path: path) }
        return [scenario.failure, manifest.failure].map { $0.map { "\($0.file): \($0.message)" } }
    }

    @Test func eachKindOfUnreadableFileIsNamed() throws {
        let directory = Self.directory()
        let utf16 = directory + "/utf16.yaml"
        var units: [UInt8] = [0xFF, 0xFE]
        for unit in "name: x\n".utf16 { units += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        try Data(units).write(to: URL(fileURLWithPath: utf16))
        let binary = directory + "/binary.yaml"
        try Data([0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0x0A]).write(to: URL(fileURLWithPath: binary))
        let fifo = directory + "/fifo.yaml"
        #expect(mkfifo(fifo, 0o600) == 0)
        let cases = [
            (utf16, "is UTF-16 text, not UTF-8: save it as UTF-8 (e.g. iconv -f UTF-16 -t UTF-8)"),
            (binary, "is a binary file, not UTF-8 text (a NUL byte at offset 7)"),
            (fifo, "is a named pipe (FIFO), not a regular file"),
            (directory, "is a directory, not a regular file"),
            (directory + "/missing.yaml", "file not found"),
        ]
        for (path, message) in cases {
            #expect(Self.messages(path) == [path + ": " + message, path + ": " + message])
        }
    }

    /// A sparse file: its size is refused from `stat` before a byte is read.
    @Test func aYAMLFileAbove16MiBIsRefusedBeforeItIsRead() throws {
        let path = Self.directory() + "/big.yaml"
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: 2 << 30)   // 2 GiB
        try handle.close()
        let expected = path + ": is 2048 MiB; a YAML input (scenario, manifest or grid) may be at most 16 MiB"
        #expect(Self.messages(path) == [expected, expected])
        #expect(InputFile.maxBytes == 16 << 20)
    }
}

extension Result {
    var failure: Failure? { if case .failure(let error) = self { error } else { nil } }
}
