import Foundation
import Testing
@testable import CostModel

/// Price CSVs that are not catalogs fail early, in bounded memory, with short messages; and a
/// file without price rows never replaces a catalog.
@Suite struct CatalogCSVBoundsTests {
    static let header = CatalogImportTests.header
    static let good = CatalogImportTests.good

    /// Imports `contents` over an existing good catalog; returns the error and checks the good
    /// catalog is still there, unchanged.
    func importOverGoodCatalog(_ contents: Data) throws -> CatalogImportError? {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv = directory.appendingPathComponent("prices.csv")
        let output = directory.appendingPathComponent("prices.sqlite").path
        try TestSupport.write(Self.header + "\n" + Self.good + "\n", to: csv)
        let rows = try CatalogImporter.importCSV(at: csv.path, to: output)
        try contents.write(to: csv)
        defer { #expect((try? PriceCatalog(contentsOfFile: output).rows()) == rows) }
        do {
            try CatalogImporter.importCSV(at: csv.path, to: output)
            return nil
        } catch {
            return error
        }
    }

    @Test func aHeaderWithoutRowsIsRefused() throws {
        for text in [Self.header + "\n", Self.header, Self.header + "\n\n\r\n"] {
            let error = try #require(try importOverGoodCatalog(Data(text.utf8)))
            #expect(
                error
                    == .invalidRows(
                        path: error.path,
                        issues: [CatalogImportIssue(line: 1, message: "the file has a header but no price rows")]))
        }
    }

    @Test func aHugeFieldFailsAtTheLimitAndIsNotEchoed() throws {
        // One unquoted 100 KB header field, and a quoted field that is never closed over many lines.
        let long = String(repeating: "x", count: 100_000)
        let unclosed =
            Self.header + "\n" + "s1,\"" + String(repeating: "a line of a note that never ends\n", count: 3_000)
        for (text, line) in [(long + "\n" + Self.good + "\n", 1), (unclosed, 2)] {
            let error = try #require(try importOverGoodCatalog(Data(text.utf8)))
            guard case .invalidRows(_, let issues) = error else { Issue.record("\(error)"); continue }
            #expect(issues.count == 1 && issues[0].line >= line, "\(issues)")
            #expect(issues[0].message.contains("is longer than 64 KiB; is this a price CSV?"), "\(issues)")
            #expect(error.description.count < 300, "\(error.description.prefix(300))")
        }
    }

    @Test func tooManyFieldsFailAtTheLimit() throws {
        let error = try #require(try importOverGoodCatalog(Data((String(repeating: ",", count: 5_000) + "\n").utf8)))
        #expect(error.description.contains("line 1: more than 1000 fields"), "\(error.description.prefix(300))")
    }

    @Test func longValuesAreQuotedShort() throws {
        let provider = String(repeating: "p", count: 500)
        let row = "s1,2026-01-01,\(provider),r,machine,vm1,1,4,,0,,,0.1,,1,60,USD,,,"
        let error = try #require(try importOverGoodCatalog(Data((Self.header + "\n" + row + "\n").utf8)))
        #expect(
            error.description.contains("unknown provider '\(String(repeating: "p", count: 80))…' (expected"), "\(error)"
        )
        #expect(!error.description.contains(String(repeating: "p", count: 81)))
    }

    @Test func aUTF16OrNonRegularFileIsNamed() throws {
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in (Self.header + "\n" + Self.good + "\n").utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let error = try #require(try importOverGoodCatalog(Data(utf16)))
        #expect(
            error.description.hasSuffix(
                ": is UTF-16 text, not UTF-8: save it as UTF-8 (e.g. iconv -f UTF-16 -t UTF-8)"), "\(error)")
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fifo = directory.appendingPathComponent("fifo.csv").path
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(
            throws: CatalogImportError.fileUnreadable(path: fifo, reason: "is a named pipe (FIFO), not a regular file")
        ) {
            try CatalogImporter.importCSV(at: fifo, to: directory.appendingPathComponent("out.sqlite").path)
        }
    }
}

extension CatalogImportError {
    var path: String {
        switch self {
        case .fileUnreadable(let path, _), .invalidRows(let path, _): path
        case .outputIsInput(let path, _): path
        case .writeFailed: ""
        }
    }
}
