import Foundation
import Storage
import Testing
@testable import CostModel

@Suite("Catalog files: bundled copy, SQLite round trip, and broken files")
struct CatalogFileTests {
    @Test("the embedded catalog is byte-for-byte pricing/schema.sql and pricing/catalog.csv")
    func embeddedCopyMatches() throws {
        let pricing = TestSupport.repositoryRoot.appendingPathComponent("pricing")
        let schema = try String(contentsOf: pricing.appendingPathComponent("schema.sql"), encoding: .utf8)
        let csv = try String(contentsOf: pricing.appendingPathComponent("catalog.csv"), encoding: .utf8)
        #expect(Array(BundledCatalog.schemaSQL.utf8) == Array(schema.utf8), "run pricing/embed.sh")
        #expect(Array(BundledCatalog.catalogCSV.utf8) == Array(csv.utf8), "run pricing/embed.sh")
    }

    @Test("exporting the bundled catalog reproduces pricing/catalog.csv exactly")
    func exportRoundTrip() throws {
        let rows = try PriceCatalog.bundled().rows()
        #expect(CatalogCSV.render(rows) == BundledCatalog.catalogCSV)
    }

    @Test("a written catalog reopens read-only with the same rows and prices as text")
    func sqliteRoundTrip() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("catalog.sqlite").path
        let bundled = try PriceCatalog.bundled()
        try bundled.write(to: path)
        let file = try PriceCatalog(contentsOfFile: path)
        #expect(try file.rows() == bundled.rows())
        #expect(file.origin == path)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["catalog.sqlite"],
            "no temporary file left")
        // Prices are stored as TEXT, never REAL.
        let types = try file.connection.query("SELECT DISTINCT typeof(price_per_hour) FROM price")
        #expect(types == [[.text("text")]])
        // Read-only: writes fail.
        #expect(throws: SQLiteError.self) { try file.connection.execute("DELETE FROM price") }
    }

    @Test("a missing file is reported as missing")
    func missingFile() {
        #expect(throws: CostModelError.catalogFileMissing(path: "/nonexistent/prices.sqlite")) {
            try PriceCatalog(contentsOfFile: "/nonexistent/prices.sqlite")
        }
    }

    @Test("a file that is not SQLite is reported as corrupt")
    func corruptFile() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("prices.sqlite")
        try TestSupport.write(String(repeating: "this is not a database\n", count: 100), to: url)
        do {
            _ = try PriceCatalog(contentsOfFile: url.path)
            Issue.record("expected an error")
        } catch {
            guard case .catalogCorrupt(let path, let reason) = error else {
                Issue.record("unexpected \(error)"); return
            }
            #expect(path == url.path)
            #expect(reason == "not a SQLite database")
        }
    }

    @Test("missing tables and columns are named")
    func missingTableAndColumn() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let other = directory.appendingPathComponent("other.sqlite").path
        try SQLiteConnection(path: other, mode: .readWriteCreate).execute("CREATE TABLE prices (sku TEXT)")
        #expect(throws: CostModelError.missingTable(path: other, table: "price")) {
            try PriceCatalog(contentsOfFile: other)
        }
        let old = directory.appendingPathComponent("old.sqlite").path
        try SQLiteConnection(path: old, mode: .readWriteCreate).execute(
            "CREATE TABLE price (snapshot TEXT, effective_date TEXT, provider TEXT, region TEXT, sku_kind TEXT, sku "
                + "TEXT, capacity TEXT, price_per_hour TEXT)")
        #expect(throws: CostModelError.missingColumn(path: old, table: "price", column: "vcpus")) {
            try PriceCatalog(contentsOfFile: old)
        }
    }

    @Test("a stored price that is not decimal text is rejected on opening, naming file, table, row and column")
    func invalidStoredPrice() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("bad.sqlite").path
        let connection = try SQLiteConnection(path: path, mode: .readWriteCreate)
        // Same columns, no CHECK constraints: as if made by another tool.
        try connection.execute(
            "CREATE TABLE catalog_info (key, value); INSERT INTO catalog_info VALUES ('schema_version', '1')")
        try connection.execute("CREATE TABLE price (\(PriceCatalog.columns.joined(separator: ", ")))")
        try connection.run(
            "INSERT INTO price (snapshot, effective_date, provider, region, sku_kind, sku, capacity, gpu_count, "
                + "price_per_hour, billing_increment_s, billing_minimum_s, currency) VALUES ('s', '2026-01-01', 'gcp', "
                + "'r', 'machine', 'm', 'on-demand', 0, ?1, 1, 60, 'USD')",
            [.real(0.25)])
        #expect(
            throws: CostModelError.invalidCatalogRow(
                path: path, table: "price", row: 1, key: "s/gcp/r/machine/m/on-demand",
                column: "price_per_hour", value: "0.25 (a REAL)", reason: "prices must be decimal text")
        ) {
            try PriceCatalog(contentsOfFile: path)
        }
    }
}
