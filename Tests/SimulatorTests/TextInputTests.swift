import Foundation
import Testing
@testable import Simulator

/// What a reader says about a file that is not UTF-8 text in a regular file, and that it says
/// so without blocking on a FIFO.
@Suite struct TextInputTests {
    static func problem(_ bytes: [UInt8], complete: Bool = true) -> String? {
        bytes.withUnsafeBufferPointer { TextInput.encodingProblem($0, complete: complete) }
    }

    static func utf16(_ text: String, bigEndian: Bool, byteOrderMark: Bool) -> [UInt8] {
        let units = (byteOrderMark ? [0xFEFF] : []) + Array(text.utf16)
        return units.flatMap { bigEndian ? [UInt8($0 >> 8), UInt8($0 & 0xFF)] : [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    }

    @Test func encodingsAreNamed() {
        let csv = "arrival_seconds,work_size\n0,5\n1,6\n"
        for bigEndian in [false, true] {
            for mark in [false, true] {
                #expect(
                    Self.problem(Self.utf16(csv, bigEndian: bigEndian, byteOrderMark: mark))?.hasPrefix(
                        "is UTF-16 text, not UTF-8") == true)
            }
        }
        #expect(Self.problem([0xFF, 0xFE, 0, 0, 0x61, 0, 0, 0])?.hasPrefix("is UTF-32 text") == true)
        #expect(Self.problem([0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3E, 0])
            == "is a binary file, not UTF-8 text (a NUL byte at offset 7)")
        // Latin-1 é
        #expect(Self.problem(Array("name: caf".utf8) + [0xE9, 0x0A])?.hasPrefix("is not UTF-8 text") == true)
        #expect(Self.problem(Array("name: café\n".utf8)) == nil)
        #expect(Self.problem(Array("\u{FEFF}a,b\n".utf8)) == nil)   // a UTF-8 byte-order mark is UTF-8
        // The start of a file may end inside a character: not an error there, an error in a whole file.
        let cut = Array("ab é".utf8).dropLast()
        #expect(Self.problem(Array(cut), complete: false) == nil)
        #expect(Self.problem(Array(cut), complete: true) != nil)
    }

    @Test func tracesInUTF16AreNamedNotMisread() throws {
        let csv = Fixtures.temporaryFile("", name: "t.csv")
        try Data(Self.utf16("arrival_seconds,work_size\n0,5\n", bigEndian: false, byteOrderMark: true)).write(
            to: URL(fileURLWithPath: csv))
        let jsonl = Fixtures.temporaryFile("", name: "t.jsonl")
        try Data(
            Self.utf16(
                "{\"timestamp\": 0, \"input_length\": 10, \"output_length\": 1}\n", bigEndian: false,
                byteOrderMark: false)
        )
            .write(to: URL(fileURLWithPath: jsonl))
        for (path, format) in [(csv, TraceFormat.costsim), (jsonl, .mooncake)] {
            let failure = try #require(TraceReaderTests.error(opening: path, format: format))
            #expect(failure.file == path && failure.line == nil, "\(failure)")
            #expect(failure.message.hasPrefix("is UTF-16 text, not UTF-8"), "\(failure)")
        }
    }

    @Test func aFIFOAndADirectoryAreRefusedWithoutBlocking() throws {
        let directory = (Fixtures.temporaryFile("") as NSString).deletingLastPathComponent
        let fifo = directory + "/pipe.csv"
        #expect(mkfifo(fifo, 0o600) == 0)
        // No writer ever opens the FIFO: a reader that opened it blocking would hang here.
        #expect(TraceReaderTests.error(opening: fifo)?.message == "is a named pipe (FIFO), not a regular file")
        #expect(TraceReaderTests.error(opening: directory)?.message == "is a directory, not a regular file")
        #expect(TraceReaderTests.error(opening: directory + "/missing.csv")?.message == "file not found")
    }
}
