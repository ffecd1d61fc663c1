import Simulator

/// Reads the JSON form of an AWS Price List bulk offer file (AmazonEC2, per region or whole;
/// AmazonEKS for the control-plane fee):
///
/// ```
/// { "offerCode": "AmazonEC2", "version": "…", "publicationDate": "2026-11-20T00:00:00Z",
///   "products": { SKU: { "sku", "productFamily", "attributes": { "instanceType", "vcpu", … } }, … },
///   "terms": { "OnDemand": { SKU: { "SKU.TERMCODE": { "priceDimensions": { "SKU.TERMCODE.RATECODE":
///       { "unit": "Hrs", "beginRange": "0", "pricePerUnit": { "USD": "0.5260000000" } } } } } },
///              "Reserved": { … } } }
/// ```
///
/// Memory: the file is read as a stream (``JSONReader``), one product or one SKU's terms at a
/// time. What stays in memory is the products kept (Linux, Shared, Used, no software: a few
/// hundred instance types per region) and, only if a file lists `terms` before `products`
/// (AWS's files do not), the on-demand price of every SKU. `Reserved` terms are skipped unread.
enum AWSOfferJSON {
    static func read(path: String) throws(CatalogImportError) -> ImportedPriceFile {
        let reader = try JSONReader(path: path)
        try reader.beginObject("")
        var header: [String: String] = [:]
        var kept: [String: AWSInstanceProduct.Use] = [:]
        var keptOrder: [String] = []
        var prices: [String: AWSTermPrice] = [:]
        var productsSeen = false
        var rows = ImportedRows()
        while let key = try reader.nextKey("") {
            switch key {
            case "offerCode", "version", "formatVersion":
                header[key] = try reader.readStringValue(key)
            case "publicationDate":
                let line = reader.lineNumber
                let date = try reader.readStringValue(key)
                guard let stamp = ImportedAmount.timestamp(date) else {
                    throw .at(
                        path, line: line, field: key, message: "\(TraceLimits.quote(date)) is not an RFC 3339 UTC time")
                }
                rows.saw(timestamp: stamp)
            case "products":
                productsSeen = true
                try reader.beginObject(key)
                while let sku = try reader.nextKey(key) {
                    let record = try reader.readRecord(path: "products.\(sku)", sku: sku)
                    let attributes = try record.object("attributes")
                    let product = AWSInstanceProduct(sku: sku, productFamily: try record.string("productFamily")) {
                        (try? attributes.string($0)) ?? nil
                    }
                    switch product.use() {
                    case .success(let use):
                        if kept[sku] == nil { keptOrder.append(sku) }
                        kept[sku] = use
                    case .failure(.skip(let reason)):
                        rows.skipped.add(reason)
                    case .failure(.field(let name, let message)):
                        throw record.error(attributes.field(name), message)
                    }
                }
            case "terms":
                try reader.beginObject(key)
                while let termType = try reader.nextKey(key) {
                    guard termType == "OnDemand" else {
                        try reader.skipValue("terms.\(termType)")
                        continue
                    }
                    try reader.beginObject("terms.OnDemand")
                    while let sku = try reader.nextKey("terms.OnDemand") {
                        let field = "terms.OnDemand.\(sku)"
                        guard !productsSeen || kept[sku] != nil else {
                            try reader.skipValue(field)
                            continue
                        }
                        prices[sku] = try onDemandPrice(try reader.readRecord(path: field, sku: sku))
                    }
                }
            default:
                try reader.skipValue(key)
            }
        }
        try reader.finish()
        guard header["offerCode"] != nil || productsSeen else {
            throw reader.error("not an AWS offer file: no 'offerCode' and no 'products'")
        }
        let offer = header["offerCode"] ?? "AmazonEC2"
        let version = header["version"] ?? "current"
        for sku in keptOrder {
            guard let use = kept[sku] else { continue }
            let term = prices[sku] ?? .skip("no OnDemand term priced per hour")
            AWSInstanceProduct.add(use, term: term, sku: sku, url: (offer, version, "json"), to: &rows)
        }
        return rows.file(paths: [path], format: .awsOfferJSON)
    }

    /// The hourly price of one SKU's on-demand terms (`{ "SKU.TERM": { "priceDimensions": … } }`):
    /// the first dimension with unit `Hrs` starting at 0, or why there is none.
    static func onDemandPrice(_ record: JSONRecord) throws(CatalogImportError) -> AWSTermPrice {
        for (_, term) in try record.members() {
            for (rateCode, dimension) in try term.object("priceDimensions").members() {
                guard try dimension.string("unit") == "Hrs" else { continue }
                if let begin = try dimension.string("beginRange"), begin != "0" { continue }
                let prices = try dimension.object("pricePerUnit")
                guard let text = try prices.string("USD") else {
                    throw prices.error(prices.field("USD"), "is missing (only USD prices are supported)")
                }
                return try AWSTermPrice(text, rateCode: rateCode) { message throws(CatalogImportError) in
                    throw prices.error(prices.field("USD"), message)
                }
            }
        }
        return .skip("no OnDemand term priced per hour")
    }
}
