import Foundation
import Testing

@testable import CostModel

@Suite("pricing import: validation and atomic writes")
struct CatalogImportTests {
    static let header =
        "snapshot,effective_date,provider,region,sku_kind,sku,vcpus,memory_gib,gpu_model,gpu_count,gpu_memory_gib,"
        + "attachable_to,on_demand_usd_per_hour,spot_usd_per_hour,billing_increment_s,billing_minimum_s,currency,"
        + "source_url,source_date,notes"
    static let good =
        "s1,2026-01-01,gcp,us-central1,machine,e2-medium,1,4,,0,,,0.0335,0.02,1,60,USD,https://example.invalid,"
        + "2026-01-01,\"a note, with a comma and \"\"quotes\"\"\""

    func issues(_ csv: String, defaults: CatalogCSV.Defaults = CatalogCSV.Defaults()) -> [CatalogImportIssue] {
        do {
            _ = try CatalogCSV.parse(csv, defaults: defaults)
            return []
        } catch {
            guard case .invalidRows(_, let issues) = error else { return [] }
            return issues
        }
    }

    @Test("a valid line becomes an on-demand and a spot row, quotes and commas intact")
    func validRow() throws {
        let rows = try CatalogCSV.parse(Self.header + "\n" + Self.good + "\n", defaults: CatalogCSV.Defaults())
        #expect(rows.count == 2)
        #expect(rows.map(\.capacity) == [.onDemand, .spot])
        #expect(rows[1].pricePerHour == TestSupport.rate("0.02"))
        #expect(rows[0].notes == "a note, with a comma and \"quotes\"")
        #expect(rows[0].billingMinimumSeconds == 60)
    }

    @Test("CRLF line endings, a byte-order mark and blank lines are accepted")
    func spreadsheetExport() throws {
        let csv = "\u{FEFF}" + Self.header + "\r\n\r\n" + Self.good + "\r\n"
        let rows = try CatalogCSV.parse(csv, defaults: CatalogCSV.Defaults())
        #expect(rows.count == 2)
        #expect(rows[0].snapshot == "s1")
        #expect(rows[0].notes == "a note, with a comma and \"quotes\"")
    }

    @Test(
        "bad rows are named by line, SKU and field",
        arguments: [
            (
                "s1,2026-01-01,oracle,r,machine,vm1,1,4,,0,,,0.1,,1,60,USD,,,",
                "line 2 (sku vm1), field 'provider': unknown provider 'oracle' (expected one of: gcp, aws, azure, "
                    + "modal, runpod)"
            ),
            (
                "s1,2026-01-01,gcp,r,machine,vm1,1,4,,0,,,-0.1,,1,60,USD,,,",
                "line 2 (sku vm1), field 'on_demand_usd_per_hour': negative price '-0.1'"
            ),
            (
                "s1,2026-01-01,gcp,r,machine,vm1,1,4,,0,,,0.1,cheap,1,60,USD,,,",
                "line 2 (sku vm1), field 'spot_usd_per_hour': price 'cheap' is not a number (write a plain decimal "
                    + "such as 0.35)"
            ),
            (
                "s1,2026-01-01,gcp,r,machine,vm1,1,4,,0,,,1e-3,,1,60,USD,,,",
                "line 2 (sku vm1), field 'on_demand_usd_per_hour': price '1e-3' is not a number (write a plain decimal "
                    + "such as 0.35)"
            ),
            (
                "s1,2026-01-01,gcp,r,vm,vm1,1,4,,0,,,0.1,,1,60,USD,,,",
                "line 2 (sku vm1), field 'sku_kind': unknown SKU kind 'vm' (expected one of: machine, gpu, fee, "
                    + "platform)"
            ),
            (
                "s1,2026-01-01,gcp,r,machine,vm1,1,4,,0,,,0.1,,0,60,USD,,,",
                "line 2 (sku vm1), field 'billing_increment_s': 0 is outside 1…86400 s (at most one day)"
            ),
            (
                "s1,2026-01-01,gcp,r,machine,vm1,two,4,,0,,,0.1,,1,60,USD,,,",
                "line 2 (sku vm1), field 'vcpus': 'two' is not a whole number"
            ),
            (
                "s1,2026-01-01,gcp,r,machine,vm1,1,4,,0,,,,,1,60,USD,,,",
                "line 2 (sku vm1), field 'on_demand_usd_per_hour': the row has neither an on-demand nor a spot price"
            ),
            (
                "s1,01/02/2026,gcp,r,machine,vm1,1,4,,0,,,0.1,,1,60,USD,,,",
                "line 2 (sku vm1), field 'effective_date': '01/02/2026' is not a date YYYY-MM-DD"
            ),
            (
                "s1,2026-01-01,gcp,r,machine,vm1,1,4,,0,,,0.1,,1,60,EUR,,,",
                "line 2 (sku vm1), field 'currency': only USD is supported, got 'EUR'"
            ),
            ("s1,2026-01-01,gcp,r,machine,vm1,1,4", "line 2 (sku vm1): has 8 fields, the header has 20"),
            ("s1,2026-01-01,gcp,,machine,vm1,1,4,,0,,,0.1,,1,60,USD,,,", "line 2 (sku vm1), field 'region': is empty"),
        ])
    func invalidRow(line: String, message: String) {
        let found = issues(Self.header + "\n" + line + "\n")
        #expect(found.map(\.description) == [message])
    }

    @Test("every problem is reported, not just the first")
    func allProblems() {
        let csv =
            Self.header + "\n"
            + "s1,2026-01-01,oracle,r,machine,a,1,4,,0,,,0.1,,1,60,USD,,,\n"
            + Self.good + "\n"
            + "s1,2026-01-01,gcp,r,machine,b,1,4,,0,,,-5,x,1,60,USD,,,\n"
        let found = issues(csv)
        #expect(found.map(\.line) == [2, 4, 4])
        #expect(found.map(\.field) == ["provider", "on_demand_usd_per_hour", "spot_usd_per_hour"])
    }

    @Test("duplicate keys name both lines")
    func duplicates() {
        let found = issues(Self.header + "\n" + Self.good + "\n" + Self.good + "\n")
        #expect(found.count == 2)
        #expect(
            found.first?.description
                == "line 3 (sku e2-medium), field 'on_demand_usd_per_hour': duplicate key "
                + "s1/gcp/us-central1/machine/e2-medium/on-demand (first defined on line 2)")
    }

    @Test("header problems: unknown and missing columns")
    func headerProblems() {
        let found = issues("provider,region,sku_kind,price\n")
        #expect(found.contains { $0.field == "price" && $0.message.hasPrefix("unknown column") })
        #expect(found.contains { $0.field == "sku" && $0.message == "required column is missing" })
        #expect(found.contains { $0.message.hasPrefix("no price column") })
        #expect(found.contains { $0.field == "snapshot" })
        #expect(issues("").first?.message == "the file is empty (expected a header line)")
        #expect(issues(Self.header + "\n\"unclosed,2026").first?.message == "field 1: a quoted field is never closed")
    }

    @Test("pricing-facts.csv imports as a snapshot when the snapshot and date are given")
    func factsFileImports() throws {
        let text = try String(contentsOf: TestSupport.fixture("pricing-facts.csv"), encoding: .utf8)
        #expect(issues(text).contains { $0.field == "snapshot" })
        let rows = try CatalogCSV.parse(
            text, defaults: CatalogCSV.Defaults(snapshot: "facts", effectiveDate: "2026-11-29"))
        #expect(rows.count == 51)
    }

    /// The CLI builds the catalog in a temporary file of its own (removed on Ctrl-C): a
    /// non-atomic import builds it at that path itself, with no inner temporary or journal file.
    @Test("a non-atomic import builds the catalog at the path itself")
    func nonAtomicImport() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv = directory.appendingPathComponent("prices.csv")
        try TestSupport.write(Self.header + "\n" + Self.good + "\n", to: csv)
        // An empty file with a second name: built in place, the second name sees the catalog; a
        // rename over the path would leave it empty.
        let output = directory.appendingPathComponent("prices.sqlite").path
        let alias = directory.appendingPathComponent("alias.sqlite").path
        #expect(FileManager.default.createFile(atPath: output, contents: nil))
        try FileManager.default.linkItem(atPath: output, toPath: alias)

        let rows = try CatalogImporter.importCSV(at: csv.path, to: output, atomically: false)
        #expect(try PriceCatalog(contentsOfFile: alias).rows() == rows)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == [
                "alias.sqlite", "prices.csv", "prices.sqlite",
            ])
    }

    @Test("import writes the catalog atomically; a failed import leaves no file")
    func atomicImport() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv = directory.appendingPathComponent("prices.csv")
        let output = directory.appendingPathComponent("prices.sqlite").path

        try TestSupport.write(
            Self.header + "\n" + Self.good + "\ns1,2026-01-01,gcp,r,machine,b,1,4,,0,,,oops,,1,60,USD,,,\n", to: csv)
        #expect(throws: CatalogImportError.self) { try CatalogImporter.importCSV(at: csv.path, to: output) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["prices.csv"])

        try TestSupport.write(Self.header + "\n" + Self.good + "\n", to: csv)
        let rows = try CatalogImporter.importCSV(at: csv.path, to: output)
        #expect(rows.count == 2)
        #expect(try PriceCatalog(contentsOfFile: output).rows() == rows)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == [
                "prices.csv", "prices.sqlite",
            ])

        // A second, failing import leaves the earlier good catalog untouched.
        try TestSupport.write(Self.header + "\n" + Self.good + "\n" + Self.good + "\n", to: csv)
        #expect(throws: CatalogImportError.self) { try CatalogImporter.importCSV(at: csv.path, to: output) }
        #expect(try PriceCatalog(contentsOfFile: output).rows() == rows)
    }

    @Test("an unreadable CSV and an unwritable output are errors")
    func ioErrors() throws {
        #expect(throws: CatalogImportError.fileUnreadable(path: "/nonexistent.csv", reason: "file not found")) {
            try CatalogImporter.importCSV(at: "/nonexistent.csv", to: "/tmp/never.sqlite")
        }
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv = directory.appendingPathComponent("prices.csv")
        try TestSupport.write(Self.header + "\n" + Self.good + "\n", to: csv)
        #expect(throws: CatalogImportError.self) {
            try CatalogImporter.importCSV(at: csv.path, to: "/nonexistent-dir/prices.sqlite")
        }
    }
}
