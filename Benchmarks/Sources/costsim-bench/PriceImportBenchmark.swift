import CostModel
import Foundation

/// Streaming a large AWS Price List offer file in CSV form through `pricing import`'s reader.
enum PriceImportBenchmark {
    /// Lines of the generated file: about the size of a regional AmazonEC2 index.csv.
    static let lineCount = 400_000

    static let awsOfferCSV = Benchmark(
        name: "aws-offer-csv",
        summary: "Reading a generated \(lineCount)-line AWS EC2 offer CSV (1 line in 50 kept), rows/s and peak memory"
    ) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("costsim-bench-offer-\(getpid()).csv")
            .path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try write(path: path)
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let before = Benchmark.peakResidentMegabytes()
        let (imported, seconds) = try Benchmark.time { try PriceImport.read(paths: [path], format: .awsOfferCSV) }
        let after = Benchmark.peakResidentMegabytes()
        let file = imported.files[0]
        return "\(lineCount) lines (\(size / 1_000_000) MB) in \(String(format3: seconds)) s: "
            + "\(Int(Double(lineCount) / seconds)) lines/s, \(String(format3: Double(size) / seconds / 1e6)) MB/s; "
            + "\(file.rows.count) rows kept, \(file.skipped.total) left out; "
            + "peak RSS \(String(format3: before)) MB before, \(String(format3: after)) MB after"
    }

    /// Writes the file in 1 MB chunks, so generating it does not raise the peak memory measured.
    static func write(path: String) throws {
        FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        func line(_ fields: [String]) -> String { fields.map { "\"\($0)\"" }.joined(separator: ",") + "\n" }
        var chunk = [
            ["FormatVersion", "v1.0"], ["Disclaimer", "This pricing list is for informational purposes only."],
            ["Publication Date", "2026-11-20T00:00:00Z"], ["Version", "20261120000000"], ["OfferCode", "AmazonEC2"],
            [
                "SKU", "OfferTermCode", "RateCode", "TermType", "PriceDescription", "EffectiveDate", "StartingRange",
                "EndingRange", "Unit", "PricePerUnit", "Currency", "RelatedTo", "LeaseContractLength", "PurchaseOption",
                "OfferingClass", "Product Family", "serviceCode", "Location", "Location Type", "Instance Type",
                "Current Generation", "Instance Family", "vCPU", "Memory", "Tenancy", "Operating System",
                "License Model", "usageType", "operation", "CapacityStatus", "GPU", "GPU Memory", "MarketOption",
                "Pre Installed S/W", "Region Code",
            ],
        ].map(line).joined()
        for index in 0..<lineCount {
            let sku = "SKU\(String(index, radix: 36).uppercased())"
            let type = "m\(index / 50).xlarge"
            let system = index % 7 == 3 ? "Windows" : "Linux"
            chunk += line([
                sku, "JRTCKXETXF", "\(sku).JRTCKXETXF.6YS6EN2CT7", index % 50 == 0 ? "OnDemand" : "Reserved",
                "$0.192 per On Demand \(system) \(type) Instance Hour", "2026-11-01", "0", "Inf", "Hrs", "0.1920000000",
                "USD", "", "", "", "", "Compute Instance", "AmazonEC2", "US East (N. Virginia)", "AWS Region", type,
                "Yes", "General purpose", "4", "16 GiB", "Shared", system, "No License required", "BoxUsage:\(type)",
                "RunInstances", "Used", "", "", "OnDemand", "NA", "us-east-1",
            ])
            if chunk.utf8.count > 1_000_000 {
                handle.write(Data(chunk.utf8))
                chunk = ""
            }
        }
        handle.write(Data(chunk.utf8))
    }
}
