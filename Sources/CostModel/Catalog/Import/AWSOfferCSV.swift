import Simulator

/// Reads the CSV form of an AWS Price List bulk offer file as a stream, one line at a time:
///
/// ```
/// "FormatVersion","v1.0"
/// "Disclaimer","…"
/// "Publication Date","2026-11-20T00:00:00Z"
/// "Version","20261120000000"
/// "OfferCode","AmazonEC2"
/// "SKU","OfferTermCode","RateCode","TermType",…,"Unit","PricePerUnit","Currency",…,"Instance Type",…
/// "DQ578CGN99KG6ECF","JRTCKXETXF","DQ578CGN99KG6ECF.JRTCKXETXF.6YS6EN2CT7","OnDemand",…
/// ```
///
/// Each line is one price dimension of one product and term; lines are kept on the same rules
/// as the JSON form (``AWSInstanceProduct``), plus `TermType` `OnDemand`, `Unit` `Hrs` and a
/// `StartingRange` of 0. Memory holds only the rows kept, so a file of any length streams.
enum AWSOfferCSV {
    /// The columns every offer CSV has.
    static let requiredColumns = ["SKU", "RateCode", "TermType", "Unit", "PricePerUnit", "Currency", "Product Family"]

    static func read(path: String) throws(CatalogImportError) -> ImportedPriceFile {
        let records = try CSVFileRecords.importing(path)
        var metadata: [String: (value: String, line: Int)] = [:]
        var header: CSVParser.Record?
        while header == nil, let record = try records.nextImported() {
            if record.fields.first == "SKU" {
                header = record
            } else if record.fields.count == 2, metadata.count < 20 {
                metadata[record.fields[0]] = (record.fields[1], record.line)
            } else {
                throw .at(
                    path, line: record.line,
                    message: "expected a metadata line (\"Name\",\"value\") or the header starting with \"SKU\"")
            }
        }
        guard let header else {
            throw .at(path, line: 1, message: "no header line starting with \"SKU\"")
        }
        var column: [String: Int] = [:]
        for (index, name) in header.fields.enumerated() where column[name] == nil { column[name] = index }
        for name in requiredColumns where column[name] == nil {
            throw .at(path, line: header.line, field: name, message: "required column is missing")
        }
        var rows = ImportedRows()
        if let (date, line) = metadata["Publication Date"] {
            guard let stamp = ImportedAmount.timestamp(date) else {
                throw .at(
                    path, line: line, field: "Publication Date",
                    message: "\(TraceLimits.quote(date)) is not an RFC 3339 UTC time")
            }
            rows.saw(timestamp: stamp)
        }
        let offer = metadata["OfferCode"]?.value ?? "AmazonEC2"
        let version = metadata["Version"]?.value ?? "current"
        let attributeColumns = AWSInstanceProduct.csvColumns.compactMapValues { column[$0] }
        while let record = try records.nextImported() {
            let fields = record.fields
            guard fields.count == header.fields.count else {
                throw .at(
                    path, line: record.line,
                    message: "has \(fields.count) fields, the header has \(header.fields.count)")
            }
            func value(_ name: String) -> String { fields[column[name]!] }
            guard value("TermType") == "OnDemand" else {
                rows.skipped.add("TermType is not OnDemand")
                continue
            }
            let product = AWSInstanceProduct(sku: value("SKU"), productFamily: value("Product Family")) { name in
                attributeColumns[name].map { fields[$0] }
            }
            let use: AWSInstanceProduct.Use
            switch product.use() {
            case .success(let found): use = found
            case .failure(.skip(let reason)):
                rows.skipped.add(reason)
                continue
            case .failure(.field(let name, let message)):
                throw .at(
                    path, line: record.line, sku: product.sku, field: AWSInstanceProduct.csvColumns[name] ?? name,
                    message: message)
            }
            guard value("Unit") == "Hrs", ["", "0"].contains(column["StartingRange"].map { fields[$0] } ?? "") else {
                rows.skipped.add("no OnDemand term priced per hour")
                continue
            }
            func fail(_ field: String, _ message: String) -> CatalogImportError {
                .at(path, line: record.line, sku: product.sku, field: field, message: message)
            }
            guard value("Currency") == "USD" else {
                throw fail("Currency", "\(TraceLimits.quote(value("Currency"))): only USD prices are supported")
            }
            let term = try AWSTermPrice(value("PricePerUnit"), rateCode: value("RateCode")) {
                message throws(CatalogImportError) in
                throw fail("PricePerUnit", message)
            }
            AWSInstanceProduct.add(use, term: term, sku: product.sku, url: (offer, version, "csv"), to: &rows)
        }
        return rows.file(paths: [path], format: .awsOfferCSV)
    }
}
