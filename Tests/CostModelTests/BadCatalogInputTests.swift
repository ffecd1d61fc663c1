import Foundation
import Testing
import Simulator
import Storage
@testable import CostModel

/// Catalog input found by a bad-input hunt: absurd numbers, impossible dates, tampered SQLite
/// files and an output path that is the input. Each must be a clear error naming where the
/// problem is, never a trap and never a silently different price.
@Suite("Bad catalog input: errors naming file, line or row and field; never a trap")
struct BadCatalogInputTests {
    static let header = CatalogImportTests.header

    /// A CSV line for machine `vm1` with the given fields replaced (by column name).
    static func line(_ changes: [String: String]) -> String {
        var fields = [
            "s1", "2026-01-01", "gcp", "r", "machine", "vm1", "1", "4", "", "0", "", "", "0.1", "", "1", "60", "USD",
            "", "", "",
        ]
        let names = header.split(separator: ",").map(String.init)
        for (name, value) in changes {
            guard let index = names.firstIndex(of: name) else { preconditionFailure("no column \(name)") }
            fields[index] = value
        }
        return fields.joined(separator: ",")
    }

    static func issues(_ csv: String) -> [String] {
        do {
            _ = try CatalogCSV.parse(csv, defaults: CatalogCSV.Defaults())
            return []
        } catch {
            guard case .invalidRows(_, let issues) = error else { return ["\(error)"] }
            return issues.map(\.description)
        }
    }

    // MARK: - Dates

    @Test("impossible calendar dates are not dates", arguments: [
            "2026-13-45", "2026-02-30", "2026-19-39", "2026-00-00", "2026-04-31", "2026-01-00", "2025-02-29",
            "1900-02-29", "2026-1-01",
    ])
    func impossibleDates(text: String) throws {
        #expect(!PriceSnapshot.isDate(text))
        // --price-date goes through the same check, at lookup and in the message.
        let catalog = try PriceCatalog.bundled()
        #expect(throws: CostModelError.invalidDate(text)) {
            try catalog.price(
                .machine, sku: "e2-medium", provider: "gcp", region: "us-central1", capacity: .onDemand,
                snapshot: .asOf(text))
        }
    }

    @Test(
        "real days, leap days included, are dates",
        arguments: ["2024-02-29", "2000-02-29", "2026-12-31", "2026-01-01", "2026-11-30"])
    func realDates(text: String) {
        #expect(PriceSnapshot.isDate(text))
    }

    @Test("an invalid price date says what is wrong with it")
    func dateMessages() {
        #expect(CostModelError.invalidDate("2026-02-30").description
            == "invalid price date (--price-date) '2026-02-30': February 2026 has 28 days, so day 30 does not exist")
        #expect(
            CostModelError.invalidDate("2026-13-45").description
                == "invalid price date (--price-date) '2026-13-45': month 13 is not 01–12")
        #expect(
            CostModelError.invalidDate("yesterday").description
                == "invalid price date (--price-date) 'yesterday': expected YYYY-MM-DD")
    }

    @Test("import rejects impossible effective dates with line and field", arguments: [
        ("2026-02-30", "February 2026 has 28 days, so day 30 does not exist"),
        ("2026-19-39", "month 19 is not 01–12"),
        ("2026-00-00", "month 0 is not 01–12"),
        ("2026-13-45", "month 13 is not 01–12"),
    ])
    func importDates(date: String, reason: String) {
        let found = Self.issues(Self.header + "\n" + Self.line(["effective_date": date]) + "\n")
        #expect(found == ["line 2 (sku vm1), field 'effective_date': '\(date)' is not a calendar date: \(reason)"])
    }

    @Test("import rejects an impossible --effective-date default")
    func importDefaultDate() {
        let csv = "provider,region,sku_kind,sku,on_demand_usd_per_hour\ngcp,r,machine,vm1,0.1\n"
        do {
            _ = try CatalogCSV.parse(csv, defaults: CatalogCSV.Defaults(snapshot: "s", effectiveDate: "2026-02-30"))
            Issue.record("expected an error")
        } catch {
            #expect(
                error.description.contains(
                    "field 'effective_date': the default date (--effective-date) '2026-02-30' is not a calendar date"))
        }
    }

    // MARK: - Numeric bounds on import

    @Test("import bounds every numeric field, naming line and field", arguments: [
        ("billing_increment_s", "9223372036854775807", "9223372036854775807 is outside 1…86400 s (at most one day)"),
        ("billing_increment_s", "86401", "86401 is outside 1…86400 s (at most one day)"),
        ("billing_minimum_s", "9223372036854775807", "9223372036854775807 is outside 0…2678400 s (at most 31 days)"),
        ("billing_minimum_s", "2678401", "2678401 is outside 0…2678400 s (at most 31 days)"),
        ("on_demand_usd_per_hour", "1000.000000000001", "price '1000.000000000001' is above the maximum 1000 USD/h"),
        ("spot_usd_per_hour", "9999.5", "price '9999.5' is above the maximum 1000 USD/h"),
        ("on_demand_usd_per_hour", "0.0000000000000001", "price '0.0000000000000001' has more than 15 decimal places"),
        ("vcpus", "10001", "10001 is outside 0…10000"),
        ("gpu_count", "65", "65 is outside 0…64"),
        ("memory_gib", "1048577", "1048577 GiB is above the maximum 1048576 GiB"),
        ("gpu_memory_gib", "99999999999", "99999999999 GiB is above the maximum 1048576 GiB"),
    ])
    func importBounds(column: String, value: String, message: String) {
        let found = Self.issues(Self.header + "\n" + Self.line([column: value]) + "\n")
        #expect(found == ["line 2 (sku vm1), field '\(column)': \(message)"])
    }

    @Test("values at the bounds import")
    func atTheBounds() throws {
        let line = Self.line([
            "on_demand_usd_per_hour": "1000", "billing_increment_s": "86400", "billing_minimum_s": "2678400",
            "vcpus": "10000", "gpu_count": "64", "memory_gib": "1048576",
        ])
        let rows = try CatalogCSV.parse(Self.header + "\n" + line + "\n", defaults: CatalogCSV.Defaults())
        #expect(rows.count == 1)
        #expect(rows.first?.pricePerHour == TestSupport.rate("1000"))
    }

    @Test("the crash: a T4 billing increment of Int64.max in catalog.csv is refused on import, and nothing is written")
    func absurdIncrementImport() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var lines = BundledCatalog.catalogCSV.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var tampered: [Int] = []
        for index in lines.indices where lines[index].contains(",us-central1,gpu,nvidia-tesla-t4,") {
            lines[index] = lines[index].replacingOccurrences(
                of: ",n1-,0.35,0.175,1,60,", with: ",n1-,0.35,0.175,9223372036854775807,60,")
                .replacingOccurrences(of: ",n1-,0.35,0.11,1,60,", with: ",n1-,0.35,0.11,9223372036854775807,60,")
            tampered.append(index + 1)
        }
        #expect(tampered.count == 2)
        let csv = directory.appendingPathComponent("x.csv")
        let output = directory.appendingPathComponent("x.sqlite").path
        try TestSupport.write(lines.joined(separator: "\n"), to: csv)
        do {
            try CatalogImporter.importCSV(at: csv.path, to: output)
            Issue.record("expected the import to fail")
        } catch {
            for line in tampered {
                #expect(
                    error.description.contains(
                        "line \(line) (sku nvidia-tesla-t4), field 'billing_increment_s': 9223372036854775807 is "
                            + "outside 1…86400 s"))
            }
        }
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    // MARK: - Overflow is an error, not a trap

    @Test("billing an absurd increment is an overflow error, not a trap")
    func billedSecondsOverflow() throws {
        #expect(throws: CostModelError.self) {
            try BillingRules.billedSeconds(forDuration: 1, incrementSeconds: .max, minimumSeconds: 0)
        }
        // The largest increment that still fits in microseconds works, and bills one increment.
        let largest = try BillingRules.billedSeconds(
            forDuration: 1, incrementSeconds: Int64.max / 1_000_000, minimumSeconds: 0)
        #expect(largest == Int64.max / 1_000_000)
    }

    /// A catalog whose machine and GPU rows sit at the price bound (1 000 USD/h).
    static func dearCatalog() throws -> PriceCatalog {
        try PriceCatalog(rows: [
            PriceRow(
                snapshot: "s", effectiveDate: "2026-01-01", provider: .gcp, region: "r", kind: .machine, sku: "dear-1",
                capacity: .onDemand, pricePerHour: TestSupport.rate("1000"), billingMinimumSeconds: 60),
            PriceRow(
                snapshot: "s", effectiveDate: "2026-01-01", provider: .gcp, region: "r", kind: .gpu, sku: "dear-gpu",
                capacity: .onDemand, gpuModel: "DEAR", gpuCount: 1, attachableTo: ["dear-"],
                pricePerHour: TestSupport.rate("1000"),
                billingMinimumSeconds: 60),
        ])
    }

    static func dearNode(gpus: Int) -> NodeSpec {
        NodeSpec(provider: "gcp", region: "r", machineType: "dear-1", gpuModel: "DEAR", gpuCount: gpus)
    }

    @Test("a node whose hourly rate exceeds HourlyRate's range is an overflow error when looked up")
    func nodeRateOverflow() throws {
        let catalog = try Self.dearCatalog()
        #expect(try catalog.nodePrice(for: Self.dearNode(gpus: 8)).hourlyRate == TestSupport.rate("9000"))
        do {
            _ = try catalog.nodePrice(for: Self.dearNode(gpus: 64))
            Issue.record("expected an overflow error")
        } catch {
            #expect(error.description.hasPrefix("amount out of range: hourly rate of node dear-1 + 64 × dear-gpu"))
        }
    }

    @Test("charges beyond Money's range name what overflowed")
    func chargeOverflow() throws {
        let calculator = CostCalculator(
            catalog: try Self.dearCatalog(), snapshot: .latest, rules: BillingRules(clusterFee: .none))
        // 9 000 USD/h for 100 years is 7.9 billion USD: one such run fits, two do not.
        let century = 3_155_760_000.0
        let one = BilledUsage(optionName: "dear", managedCluster: false, horizonSeconds: century, nodeRuns: [
            TestSupport.run(Self.dearNode(gpus: 8), id: 0, seconds: century),
        ])
        #expect(try calculator.price(one).simulated.total.approximateDollars > 7e9)
        var two = one
        two.nodeRuns.append(TestSupport.run(Self.dearNode(gpus: 8), id: 1, seconds: century))
        do {
            _ = try calculator.price(two)
            Issue.record("expected an overflow error")
        } catch {
            #expect(
                error.description.hasPrefix(
                    "amount out of range: total charge of catalog row s/gcp/r/gpu/dear-gpu/on-demand"))
        }
        // A 1 µs horizon with a 60 s minimum projects to far more than a month can hold.
        let short = BilledUsage(optionName: "short", managedCluster: false, horizonSeconds: 0.000_001, nodeRuns: [
            TestSupport.run(Self.dearNode(gpus: 8), seconds: 0.000_001),
        ])
        #expect(throws: CostModelError.self) { try calculator.price(short) }
    }

    @Test("summarising replications near Money's limit gives the exact mean, not a trap")
    func summaryNearLimit() throws {
        let calculator = CostCalculator(
            catalog: try Self.dearCatalog(), snapshot: .latest, rules: BillingRules(clusterFee: .none))
        // 1 000 nodes × 9 000 USD/h × 730 h = 6.57 billion USD a month; two of them exceed the range.
        let runs = (0..<1_000).map { TestSupport.run(Self.dearNode(gpus: 8), id: $0, seconds: 3600) }
        let report = try calculator.price(
            BilledUsage(optionName: "dear", managedCluster: false, horizonSeconds: 3600, nodeRuns: runs))
        #expect(report.monthlyTotal == TestSupport.dollars("6570000000"))
        let summary = try #require(CostSummary([report, report, report]))
        #expect(summary.meanMonthlyTotal == report.monthlyTotal)
        #expect(summary.meanPerMonth.gpuByState.total == summary.meanPerMonth.gpuNodes)
        #expect(summary.meanPerMonth.onDemand == report.monthlyTotal)
    }

    @Test("apportioning by weights whose sum exceeds 64 bits keeps the proportions")
    func hugeWeights() {
        let half: UInt64 = 1 << 63
        #expect(Money(nanoDollars: 100).apportioned(by: [half, half]).map(\.nanoDollars) == [50, 50])
        #expect(Money(nanoDollars: 99).apportioned(by: [half, half, half]).map(\.nanoDollars) == [33, 33, 33])
        #expect(Money(nanoDollars: 10).apportioned(by: [.max, 0, .max]).map(\.nanoDollars) == [5, 0, 5])
    }

    // MARK: - Catalog files are validated as a whole when opened

    /// Writes the bundled catalog to `path` in a table without any CHECK constraint (as another
    /// tool might), then runs `tamper` on it.
    static func looseCatalog(at path: String, tamper: String = "") throws {
        let connection = try SQLiteConnection(path: path, mode: .readWriteCreate)
        try connection.execute(
            "CREATE TABLE catalog_info (key, value); INSERT INTO catalog_info VALUES ('schema_version', '1')")
        try connection.execute("CREATE TABLE price (\(PriceCatalog.columns.joined(separator: ", ")))")
        let placeholders = (1...PriceCatalog.columns.count).map { "?\($0)" }.joined(separator: ", ")
        try connection.execute("BEGIN")
        for row in try PriceCatalog.bundled().rows() {
            try connection.run("INSERT INTO price VALUES (\(placeholders))", PriceCatalog.values(of: row))
        }
        try connection.execute("COMMIT")
        if !tamper.isEmpty { try connection.execute(tamper) }
    }

    /// The error opening a loose catalog tampered with `sql`, as text; `nil` if it opens.
    static func openingError(_ sql: String) throws -> (path: String, rowid: Int64?, message: String?) {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("loose.sqlite").path
        try looseCatalog(at: path, tamper: sql)
        let rowid = try SQLiteConnection(path: path, mode: .readOnly)
            .query("SELECT rowid FROM price WHERE sku = 'nvidia-tesla-t4' AND snapshot = '2026-11-29' ORDER BY rowid")
            .first?[0].integerValue
        do {
            _ = try PriceCatalog(contentsOfFile: path)
            return (path, rowid, nil)
        } catch {
            return (path, rowid, error.description)
        }
    }

    @Test("an untampered catalog without CHECK constraints opens with the bundled rows")
    func looseButValid() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("loose.sqlite").path
        try Self.looseCatalog(at: path)
        #expect(try PriceCatalog(contentsOfFile: path).rows() == PriceCatalog.bundled().rows())
    }

    @Test(
        "a current T4 row moved to another provider or capacity is rejected on opening, not skipped for the 2023 price")
    func tamperedEnumerations() throws {
        let oracle = try Self.openingError(
            "UPDATE price SET provider = 'oracle' WHERE sku = 'nvidia-tesla-t4' AND snapshot = '2026-11-29'")
        let row = try #require(oracle.rowid)
        #expect(
            oracle.message
                == "price catalog '\(oracle.path)', table 'price', row \(row) "
                    + "(2026-11-29/oracle/us-central1/gpu/nvidia-tesla-t4/on-demand), column 'provider': 'oracle' is "
                    + "not valid: expected one of: gcp, aws, azure, modal, runpod")

        let reserved = try Self.openingError(
            "UPDATE price SET capacity = 'reserved' WHERE sku = 'nvidia-tesla-t4' AND snapshot = '2026-11-29'")
        #expect(
            reserved.message
                == "price catalog '\(reserved.path)', table 'price', row \(row) "
                    + "(2026-11-29/gcp/us-central1/gpu/nvidia-tesla-t4/reserved), column 'capacity': 'reserved' is not "
                    + "valid: expected one of: on-demand, spot")
    }

    @Test("the schema version must be 1 and catalog_info must exist")
    func schemaVersion() throws {
        let two = try Self.openingError("UPDATE catalog_info SET value = '2'")
        #expect(
            two.message
                == "price catalog '\(two.path)', table 'catalog_info', key 'schema_version': '2' (this costsim reads "
                    + "schema version 1; rebuild the file with `costsim pricing import`)")
        let none = try Self.openingError("DELETE FROM catalog_info")
        #expect(none.message?.contains("table 'catalog_info', key 'schema_version': missing") == true)
        let missing = try Self.openingError("DROP TABLE catalog_info")
        #expect(missing.message == CostModelError.missingTable(path: missing.path, table: "catalog_info").description)
    }

    @Test("every stored value is range- and type-checked on opening, naming table, row and column", arguments: [
            (
                "billing_increment_s = 9223372036854775807", "billing_increment_s",
                "'9223372036854775807' is not valid: 9223372036854775807 is outside 1…86400 s (at most one day)"
            ),
            (
                "billing_minimum_s = -1", "billing_minimum_s",
                "'-1' is not valid: -1 is outside 0…2678400 s (at most 31 days)"
            ),
            (
                "price_per_hour = '99999'", "price_per_hour",
                "'99999' is not valid: expected a plain non-negative decimal with at most 15 decimals, at most "
                    + "1000 USD/h"
            ),
        ("price_per_hour = '1000.5'", "price_per_hour", "'1000.5' is not valid: above the maximum 1000 USD/h"),
            (
                "price_per_hour = '-0.35'", "price_per_hour",
                "'-0.35' is not valid: expected a plain non-negative decimal with at most 15 decimals, at most "
                    + "1000 USD/h"
            ),
        ("price_per_hour = 0.35", "price_per_hour", "'0.35 (a REAL)' is not valid: prices must be decimal text"),
            (
                "effective_date = '2026-02-30'", "effective_date",
                "'2026-02-30' is not valid: not a calendar date: February 2026 has 28 days, so day 30 does not exist"
            ),
        ("gpu_count = NULL", "gpu_count", "'NULL' is not valid: expected a whole number"),
        ("gpu_count = 100000", "gpu_count", "'100000' is not valid: 100000 is outside 0…64"),
        ("currency = 'EUR'", "currency", "'EUR' is not valid: only USD is supported"),
        ("sku_kind = 'vm'", "sku_kind", "'vm' is not valid: expected one of: machine, gpu, fee, platform"),
    ])
    func tamperedValues(assignment: String, column: String, message: String) throws {
        let result = try Self.openingError(
            "UPDATE price SET \(assignment) WHERE sku = 'nvidia-tesla-t4' AND snapshot = '2026-11-29'")
        let row = try #require(result.rowid)
        let prefix = "price catalog '\(result.path)', table 'price', row \(row) ("
        #expect(result.message?.hasPrefix(prefix) == true, "\(result.message ?? "opened")")
        #expect(result.message?.hasSuffix("), column '\(column)': \(message)") == true, "\(result.message ?? "opened")")
    }

    @Test("duplicate keys and an empty price table are rejected on opening")
    func duplicatesAndEmpty() throws {
        let duplicate = try Self.openingError("INSERT INTO price SELECT * FROM price WHERE rowid = 1")
        #expect(duplicate.message?.contains("column 'snapshot, provider, region, sku_kind, sku, capacity'") == true)
        #expect(duplicate.message?.contains("duplicate key (first used by row 1)") == true)
        let empty = try Self.openingError("DELETE FROM price")
        #expect(empty.message == "price catalog '\(empty.path)', table 'price': has no rows")
    }

    // MARK: - Import output path

    @Test("import refuses to write over its input CSV, by any name, and leaves it intact")
    func outputIsInput() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv = directory.appendingPathComponent("cat.csv")
        let text = CatalogImportTests.header + "\n" + CatalogImportTests.good + "\n"
        try TestSupport.write(text, to: csv)
        let link = directory.appendingPathComponent("link.csv")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: csv)
        for output in [
            csv.path, directory.path + "/./cat.csv", directory.path + "/../" + directory.lastPathComponent + "/cat.csv",
            link.path,
        ] {
            do {
                try CatalogImporter.importCSV(at: csv.path, to: output)
                Issue.record("expected \(output) to be refused")
            } catch {
                #expect(
                    error.description
                        == "price catalog output '\(output)' is the input CSV '\(csv.path)'; choose another output "
                            + "file (nothing was written)")
            }
            #expect(try String(contentsOf: csv, encoding: .utf8) == text)
        }
        // Another name in the same directory is fine.
        let output = directory.appendingPathComponent("cat.sqlite").path
        #expect(try CatalogImporter.importCSV(at: csv.path, to: output).count == 2)
    }
}
