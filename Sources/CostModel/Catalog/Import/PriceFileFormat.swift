#if canImport(Glibc)
import Glibc
#endif

/// The price file formats `pricing import` reads: costsim's own CSV and the providers'
/// machine-readable price lists. ``detect(path:)`` tells them apart from the first 64 KiB.
public enum PriceFileFormat: String, CaseIterable, Sendable {
    /// costsim's catalog CSV (`pricing/catalog.csv`, `pricing export`).
    case catalogCSV = "costsim-csv"
    /// AWS Price List bulk offer file, JSON form (`…/offers/v1.0/aws/AmazonEC2/current/REGION/index.json`).
    case awsOfferJSON = "aws-offer-json"
    /// AWS Price List bulk offer file, CSV form (`…/index.csv`).
    case awsOfferCSV = "aws-offer-csv"
    /// `aws ec2 describe-spot-price-history --output json`.
    case awsSpotHistory = "aws-spot-history"
    /// A page of GCP's Cloud Billing Catalog API SKU list (`v1/services/SERVICE/skus`).
    case gcpSKUs = "gcp-skus"
    /// A page of the Azure Retail Prices API (`prices.azure.com/api/retail/prices`).
    case azureRetailPrices = "azure-retail-prices"

    /// The names `--format` accepts, for messages.
    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// The provider whose price list this is (`nil` for costsim's CSV, which names its own).
    public var provider: CloudProvider? {
        switch self {
        case .catalogCSV: nil
        case .awsOfferJSON, .awsOfferCSV, .awsSpotHistory: .aws
        case .gcpSKUs: .gcp
        case .azureRetailPrices: .azure
        }
    }

    /// How many bytes ``detect(path:)`` looks at.
    static let detectionLength = 64 * 1024

    /// The format of the file at `path`, judged from its first 64 KiB: a JSON object is told
    /// apart by its top-level keys (`SpotPriceHistory`, `offerCode`, `skus`, `Items` or
    /// `BillingCurrency`); a CSV whose first field is `FormatVersion` is an AWS offer file;
    /// anything else is costsim's CSV. `nil` for a JSON object with none of those keys.
    /// Files that cannot be opened are left to the format's reader to report.
    public static func detect(path: String) -> PriceFileFormat? {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK)
        guard descriptor >= 0 else { return .catalogCSV }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: detectionLength)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, detectionLength) }
        guard count > 0 else { return .catalogCSV }
        return detect(prefix: buffer[..<count])
    }

    /// The format of a file starting with `prefix`; see ``detect(path:)``.
    static func detect(prefix: ArraySlice<UInt8>) -> PriceFileFormat? {
        var bytes = prefix
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        let start = bytes.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        if start.first == UInt8(ascii: "{") {
            let text = String(decoding: start, as: UTF8.self)
            let keys: [(String, PriceFileFormat)] = [
                ("\"SpotPriceHistory\"", .awsSpotHistory), ("\"offerCode\"", .awsOfferJSON),
                ("\"skus\"", .gcpSKUs), ("\"Items\"", .azureRetailPrices), ("\"BillingCurrency\"", .azureRetailPrices),
            ]
            return keys.first { text.contains($0.0) }?.1
        }
        if start.starts(with: Array("\"FormatVersion\"".utf8)) || start.starts(with: Array("FormatVersion,".utf8)) {
            return .awsOfferCSV
        }
        return .catalogCSV
    }
}
