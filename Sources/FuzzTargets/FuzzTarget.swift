import Calibration
import CostModel
import Foundation
import Scenarios
import Simulator
import Sweeps

/// One of costsim's input parsers, driven the way the CLI drives it: from a file on disk.
///
/// Each case reads the file through the same public entry point a command uses and walks
/// whatever it accepted (every trace record, every catalog row), so a fuzzer reaches the
/// code behind the first line too. `scripts/fuzz.sh` runs one under libFuzzer; the corpus
/// tests replay `Fuzz/corpus` and `Fuzz/regressions` through the same cases.
public enum FuzzTarget: String, CaseIterable, Sendable {
    case traceCSV = "trace-csv"
    case traceJSONL = "trace-jsonl"
    case nginxLog = "nginx-log"
    case envoyLog = "envoy-log"
    case rateFile = "rate-file"
    case scenario
    case manifest
    case nodePool = "nodepool"
    case grid
    case pricingCSV = "pricing-csv"
    case catalogDB = "catalog-db"
    case resultsDB = "results-db"
    case kubectlExport = "kubectl-export"
    case prometheusExport = "prometheus-export"
    case billCSV = "bill-csv"
    case awsOfferJSON = "aws-offer-json"
    case awsOfferCSV = "aws-offer-csv"
    case awsSpotHistory = "aws-spot-history"
    case gcpSKUs = "gcp-skus"
    case azureRetailPrices = "azure-retail-prices"

    /// The file name extension the parser's commands expect.
    public var fileExtension: String {
        switch self {
        case .traceCSV, .rateFile, .pricingCSV, .billCSV, .awsOfferCSV: "csv"
        case .traceJSONL, .envoyLog: "jsonl"
        case .kubectlExport, .prometheusExport, .awsOfferJSON, .awsSpotHistory, .gcpSKUs, .azureRetailPrices: "json"
        case .nginxLog: "log"
        case .scenario, .manifest, .nodePool, .grid: "yaml"
        case .catalogDB, .resultsDB: "sqlite"
        }
    }

    /// Runs the parser on the file at `path`. Errors are outcomes, never thrown.
    public func run(path: String) -> FuzzOutcome {
        do {
            return .accepted(summary: try parse(path: path))
        } catch {
            return .rejected(message: "\(error)")
        }
    }

    private func parse(path: String) throws -> String {
        switch self {
        case .traceCSV: return try Self.readTrace(path: path, format: .costsim)
        case .traceJSONL: return try Self.readTrace(path: path, format: .mooncake)
        case .nginxLog: return try Self.readTrace(path: path, format: .nginx())
        case .envoyLog: return try Self.readTrace(path: path, format: .envoyJSON)
        case .rateFile:
            let description = try RateTrace.Description.read(path: path)
            var trace = RateTrace(description, seed: 1)
            var count = 0
            while count < Self.maxRecords, try trace.next() != nil { count += 1 }
            return "\(description.windows.count) windows, first \(count) arrivals"
        case .scenario:
            return "\(try ScenarioLoader.load(path: path).options.count) options"
        case .manifest:
            _ = try ManifestLoader.load(path: path)
            return "manifest"
        case .nodePool:
            return "\(try NodePoolLoader.load(path: path).warnings.count) warnings"
        case .grid:
            return "\(try Grid.load(path: path).configurations.count) configurations"
        case .pricingCSV:
            return "\(try CatalogCSV.parse(file: path, defaults: CatalogCSV.Defaults()).count) rows"
        case .catalogDB:
            let catalog = try PriceCatalog(contentsOfFile: path)
            return "\(try catalog.rows().count) rows, \(try catalog.snapshots().count) snapshots"
        case .resultsDB:
            return "\(try ResultsDatabase.read(path: path).runs.count) runs"
        case .awsOfferJSON, .awsOfferCSV, .awsSpotHistory, .gcpSKUs, .azureRetailPrices:
            // The format is forced, as `pricing import --format` does: the fuzzer reaches the
            // parser whatever the first bytes look like.
            let imported = try PriceImport.read(paths: [path], format: PriceFileFormat(rawValue: rawValue)!)
            return "\(imported.rows.count) rows, \(imported.files.reduce(0) { $0 + $1.skipped.total }) left out"
        case .kubectlExport:
            let calibration = ColdStartCalibration(try ClusterExport.read(paths: [path]))
            return "\(calibration.timelines.count) scale-ups, \(calibration.fits.count) phases fitted"
        case .prometheusExport:
            let export = try PrometheusExport.read(file: path)
            return ObservedMetric.allCases.compactMap { metric in
                export.series[metric].map { "\(metric.rawValue): \($0.values.count) points" }
            }.joined(separator: ", ")
        case .billCSV:
            let bill = try BillExport.read(file: path)
            let hours = bill.rows.reduce(0) { $0 + $1.hours }
            return "\(bill.provider.rawValue): \(bill.rows.count) GPU node lines, \(hours) hours"
        }
    }

    /// Enough records to pass every header and first-record check without replaying a huge file.
    private static let maxRecords = 100_000

    private static func readTrace(path: String, format: TraceFormat) throws -> String {
        var trace = try TraceFile.open(path: path, format: format)
        var count = 0
        while count < maxRecords, try trace.next() != nil { count += 1 }
        return "\(count) records"
    }
}
