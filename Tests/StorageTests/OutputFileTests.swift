import Foundation
import Testing

@testable import Storage

/// Outputs replace only regular files: a device or FIFO at the path is refused (renaming over it
/// would replace it), a symbolic link is written through, and a replaced file keeps its
/// permission bits.
@Suite struct OutputFileTests {
    @Test func devicesFIFOsAndDirectoriesAreRefused() throws {
        let directory = try TestDirectory.make()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let fifo = directory + "/pipe"
        let device = directory + "/null"
        let folder = directory + "/folder"
        #expect(mkfifo(fifo, 0o644) == 0)
        #expect(mknod(device, S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0)  // makedev(1, 3): /dev/null's numbers
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        for path in [fifo, device, folder] {
            #expect(throws: OutputError.self) { try AtomicFile.write(Array("x".utf8), to: path) }
        }
        var info = stat()
        #expect(stat(device, &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR, "the device is still a device")
        #expect(stat(fifo, &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO, "the FIFO is still a FIFO")
    }

    @Test func linksAreWrittenThroughAndPermissionsKept() throws {
        let directory = try TestDirectory.make()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let target = directory + "/target.png"
        let link = directory + "/latest.png"
        try "old".write(toFile: target, atomically: false, encoding: .utf8)
        #expect(chmod(target, 0o444) == 0)
        #expect(symlink(target, link) == 0)
        try AtomicFile.write(Array("new".utf8), to: link)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "new")
        var info = stat()
        #expect(lstat(link, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK, "the link is still a link")
        #expect(stat(target, &info) == 0 && info.st_mode & 0o777 == 0o444)
    }
}
