import CostModel
import Foundation
import Testing
@testable import Calibration

/// Cloud billing exports (Tests/Fixtures/calibration/bills, README there): the GPU lines, their
/// hours, pool, spot and cost.
@Suite struct BillExportTests {
    static func path(_ name: String) -> String { Fixtures.path("bills/" + name) }

    static func message(_ name: String) -> String? {
        do {
            _ = try BillExport.read(file: path(name))
            return nil
        } catch {
            return error.description
        }
    }

    static func dollars(_ text: String) -> Money { Money(dollars: text)! }

    /// GPU seconds become GPU-hours; the pool's vCPU and RAM lines count for cost; credits are netted;
    /// another pool's lines are left out.
    @Test func readsGCPGPUAndPoolLines() throws {
        let bill = try BillExport.read(file: Self.path("gcp-gpu.csv"))
        #expect(bill.provider == .gcp)
        #expect(bill.currency == "USD")
        let gpu = bill.rows.filter { $0.unit == .gpuHours }
        #expect(gpu.map(\.line) == [2, 4, 6])
        #expect(gpu.map(\.hours) == [0.5, 1, 2])
        #expect(gpu.map(\.spot) == [true, false, false])
        #expect(gpu.map(\.cost) == [Self.dollars("0.0875"), Self.dollars("0.30"), Self.dollars("0.70")])
        #expect(bill.rows.filter { $0.unit == .none }.map(\.line) == [3, 5])
        #expect(Set(bill.rows.compactMap(\.pool)) == ["gpu-t4"])
        #expect(bill.rows.reduce(Money.zero) { $0 + $1.cost } == Self.dollars("1.2075"))
        // 2026-11-02T10:00:00Z to 2026-11-03T01:00:00Z
        #expect(bill.spanStart == 1_793_613_600)
        #expect(bill.spanEnd == 1_793_667_600)
    }

    @Test func readsCUR2SpotAndOnDemandLines() throws {
        let bill = try BillExport.read(file: Self.path("aws-cur2-gpu.csv"))
        #expect(bill.provider == .aws)
        #expect(bill.rows.map(\.sku) == ["g4dn.xlarge", "g4dn.xlarge"])
        #expect(bill.rows.map(\.unit) == [.nodeHours, .nodeHours])
        #expect(bill.rows.map(\.hours) == [0.5, 1])
        #expect(bill.rows.map(\.spot) == [false, true])
        #expect(bill.rows.map(\.pool) == ["gpu-t4", "gpu-t4"])
        #expect(bill.rows.map(\.cost) == [Self.dollars("0.263"), Self.dollars("0.2104")])
    }

    /// The legacy CUR sample with its m5.large lines turned into g5.xlarge: Savings Plan covered usage counts.
    @Test func readsLegacyCURColumns() throws {
        let bill = try BillExport.read(file: Self.path("aws-legacy-gpu.csv"))
        #expect(bill.rows.count == 3)
        #expect(bill.rows.allSatisfy {
            $0.hours == 1 && $0.sku == "g5.xlarge" && !$0.spot && $0.cost == Money(cents: 1000)
        })
        #expect(bill.currency == "NOK")
        // 2023-06-01 00:00 → 03:00 UTC
        #expect(bill.rows.map(\.startSeconds) == [1_685_577_600, 1_685_581_200, 1_685_584_800])
    }

    /// Quantity is in hours whatever UnitOfMeasure's pricing block says (`10 Hours`); the pool comes
    /// from the AKS scale set name, the size from AdditionalInfo, spot from the meter name.
    @Test func readsAzureCostDetails() throws {
        let bill = try BillExport.read(file: Self.path("azure-gpu.csv"))
        #expect(bill.provider == .azure)
        let row = try #require(bill.rows.first)
        #expect(bill.rows.count == 1)
        #expect(row.line == 4)
        #expect(row.hours == 22)
        #expect(row.sku == "Standard_NC4as_T4_v3")
        #expect(row.pool == "gput4")
        #expect(row.spot)
        #expect(row.cost == Self.dollars("3.455664"))
        #expect(row.startSeconds == 1_599_782_400)   // 2020-09-11
        #expect(row.endSeconds - row.startSeconds == 86_400)
    }

    /// The unchanged samples parse (their columns are recognised) and hold no GPU line.
    @Test(arguments: [
        ("gcp_billing_detailed_koku_2022-08-01.csv", "gcp", "Compute Engine lines whose sku.description names a GPU"),
        ("aws_cur_legacy_koku_2023-06-01.csv", "aws",
         "AmazonEC2 BoxUsage or SpotUsage lines of a GPU instance type: g* or p* families"),
        ("azure_costdetails_v2_koku.csv", "azure", "Virtual Machines usage lines of an N-series size (NC, ND, NG, NV)"),
        ("azure_ea_actualcost_small.csv", "azure", "Virtual Machines usage lines of an N-series size (NC, ND, NG, NV)"),
    ])
    func refusesABillWithoutGPULines(name: String, provider: String, rule: String) {
        #expect(Self.message(name) == Self.path(name)
            + ": no GPU line in this \(provider) bill (\(rule)): export the period and account the GPU nodes ran in")
    }

    @Test func refusesAFileThatIsNotABill() {
        #expect(Self.message("../../traces/servegen_multimodal_mm-image_chunk-12-trace.csv")?.hasSuffix(
            ":1: not a GCP, AWS or Azure billing export: the header has none of sku.description (GCP), "
                + "line_item_usage_start_date or lineItem/UsageStartDate (AWS), MeterCategory (Azure)") == true)
    }

    @Test func namesTheLineAndColumnOfABadValue() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("bill.csv").path
        let text = try String(contentsOfFile: Self.path("aws-cur2-gpu.csv"), encoding: .utf8)
            .replacingOccurrences(of: "USE1-SpotUsage:g4dn.xlarge,RunInstances,i-0bbb,1.0,", with:
                "USE1-SpotUsage:g4dn.xlarge,RunInstances,i-0bbb,1e300,")
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        do {
            _ = try BillExport.read(file: file)
            Issue.record("accepted")
        } catch {
            #expect(error.description
                == "\(file):3: field 'line_item_usage_amount': \"1e300\" is not a number within 0...10000000")
        }
    }

    /// CUR 2.0 lines whose description and `resource_tags` JSON hold line breaks: a record is read
    /// whole, and each line is named by the line it starts on.
    @Test func readsQuotedFieldsThatSpanLines() throws {
        let bill = try BillExport.read(file: Self.path("aws-cur2-multiline.csv"))
        #expect(bill.provider == .aws)
        #expect(bill.rows.map(\.line) == [2, 6, 10])
        #expect(bill.rows.map(\.hours) == [0.5, 1, 1])
        #expect(bill.rows.map(\.spot) == [false, true, false])
        #expect(bill.rows.map(\.pool) == ["gpu-t4", "gpu-t4", "gpu-t4"])
        #expect(bill.rows.map(\.cost) == [Self.dollars("0.263"), Self.dollars("0.2104"), Self.dollars("0.526")])
        // 2026-11-02T10:00:00Z to 13:00:00Z
        #expect(bill.spanStart == 1_793_613_600)
        #expect(bill.spanEnd == 1_793_624_400)
    }

    /// Writes the multi-line CUR fixture, changed by `edit`, to a temporary bill and returns its error.
    static func errorOfMultilineBill(_ edit: (String) -> String) throws -> (file: String, message: String?) {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("bill.csv").path
        let text = try String(contentsOfFile: path("aws-cur2-multiline.csv"), encoding: .utf8)
        try edit(text).write(toFile: file, atomically: true, encoding: .utf8)
        do {
            _ = try BillExport.read(file: file)
            return (file, nil)
        } catch {
            return (file, error.description)
        }
    }

    /// After records that span lines, an error names the line in the file, not the record's rank.
    @Test func namesTheFileLineAfterMultilineRecords() throws {
        let bad = try Self.errorOfMultilineBill {
            $0.replacingOccurrences(of: "i-0aaa,1.0,USD,0.526", with: "i-0aaa,-1,USD,0.526")
        }
        #expect(bad.message
            == "\(bad.file):10: field 'line_item_usage_amount': \"-1\" is not a number within 0...10000000")
        let short = try Self.errorOfMultilineBill { $0 + "id6,Usage,2026-11-02T13:00:00Z\n" }
        #expect(short.message == "\(short.file):11: row has 3 fields, the header has 15")
    }

    /// A quote left open reads to the end of the file and is named by the line it opens on.
    @Test func namesAQuoteThatIsNeverClosed() throws {
        let bad = try Self.errorOfMultilineBill { $0 + "id6,Usage,\"2026-11-02T13:00:00Z,AmazonEC2\n\nid7,Tax\n" }
        #expect(bad.message == "\(bad.file):11: field 3: a quoted field is never closed")
    }

    /// A field over 1 MiB (here a quote left open over many lines) and a row of more than 4,096
    /// fields are refused at their line, in bounded memory.
    @Test func refusesRecordsBeyondTheLimits() throws {
        let note = String(repeating: "a line of a description that never ends\n", count: 30_000)   // 1.2 MB
        let long = try Self.errorOfMultilineBill { $0 + "id6,\"" + note }
        // Line 11 holds the field's first 39 bytes and each later line adds 40 (a line break and 39
        // characters): 39 + 40 × 26,214 is the first sum above 1,048,576.
        #expect(long.message
            == "\(long.file):\(11 + 26_214): field 2 is longer than 1024 KiB; is this a billing export?")
        let wide = try Self.errorOfMultilineBill { $0 + String(repeating: ",", count: 5_000) + "\n" }
        #expect(wide.message == "\(wide.file):11: more than 4096 fields; is this a billing export?")
    }

    /// Each line is within ±1e9, but their sum would overflow Money (±9.2e9 USD): refused, not trapped.
    @Test func refusesCostsThatAddUpBeyondMoneysRange() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("bill.csv").path
        var lines = ["service.description,sku.description,usage_start_time,usage_end_time,usage.amount,usage.unit,cost"]
        for hour in 10..<20 {
            lines.append("Compute Engine,Nvidia Tesla T4 GPU running in Americas,2026-11-02 \(hour):00:00+00:00,"
                + "2026-11-02 \(hour + 1):00:00+00:00,3600,seconds,999999999")
        }
        try lines.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        do {
            _ = try BillExport.read(file: file)
            Issue.record("accepted")
        } catch {
            #expect(error.description == "\(file):11: the bill's costs add up beyond ±9.2 billion")
        }
    }

    @Test func readsTheDateFormatsBillsWrite() {
        #expect(BillTime.seconds("2026-11-02 10:00:00+00:00") == 1_793_613_600)
        #expect(BillTime.seconds("2026-11-02 10:00:00 UTC") == 1_793_613_600)
        #expect(BillTime.seconds("2026-11-02T10:00:00.500Z") == 1_793_613_600.5)
        #expect(BillTime.seconds("2026-11-02T12:00:00+02:00") == 1_793_613_600)
        #expect(BillTime.seconds("11/02/2026") == 1_793_577_600)
        #expect(BillTime.seconds("2026-11-02") == 1_793_577_600)
        #expect(BillTime.seconds("2026-02-29") == nil)
        #expect(BillTime.seconds("2026-11-02 25:00:00") == nil)
    }
}
