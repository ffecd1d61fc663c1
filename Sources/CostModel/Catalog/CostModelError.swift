/// Everything that can go wrong opening a price catalog, looking a price up, or pricing a
/// simulation. Each case carries what the user needs to fix the input; `description` is a
/// one-line message suitable for stderr.
public enum CostModelError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The catalog file does not exist or cannot be read.
    case catalogFileMissing(path: String)
    /// The path names a directory, FIFO, device or socket, or a file that cannot be read
    /// (`reason` says which); it is not opened.
    case catalogUnreadable(path: String, reason: String)
    /// The file exists but is not an SQLite database (or SQLite reports it corrupt).
    case catalogCorrupt(path: String, reason: String)
    /// A required table is absent (e.g. the file is some other SQLite database).
    case missingTable(path: String, table: String)
    /// A required column is absent from a catalog table.
    case missingColumn(path: String, table: String, column: String)
    /// The catalog's `catalog_info` table does not say `schema_version` 1 (`found` lists the
    /// values it has; empty if it has none).
    case unsupportedSchemaVersion(path: String, found: [String])
    /// The catalog has no price rows at all.
    case emptyCatalog(path: String)
    /// A stored row is invalid: wrong type, unknown provider/kind/capacity, a value out of
    /// ``CatalogLimits``, a duplicate key… `row` is the SQLite `rowid` (1-based position for
    /// in-memory rows), `key` the row's primary key as far as it could be read.
    case invalidCatalogRow(
        path: String, table: String, row: Int64, key: String, column: String, value: String, reason: String)
    /// No row in the catalog has this provider.
    case unknownProvider(String, known: [String])
    /// The provider is known but not this region. `offering` names what was asked for (a SKU, or a
    /// node's machine and GPU) when `known` lists the regions that price it; `nil` when `known`
    /// lists every region of the provider.
    case unknownRegion(provider: String, region: String, offering: String?, known: [String])
    /// No row for this SKU (in any snapshot) for this provider and region.
    case unknownSKU(kind: SKUKind, sku: String, provider: String, region: String)
    /// The SKU exists, but not at this capacity type or not in the chosen snapshot.
    case noPrice(
        kind: SKUKind, sku: String, provider: String, region: String, capacity: CapacityType, snapshot: PriceSnapshot,
        available: [String])
    /// The named snapshot is not in the catalog.
    case unknownSnapshot(String, known: [String])
    /// `--price-date` is not a calendar day `YYYY-MM-DD` (``PriceSnapshot/dateProblem(_:)`` says why).
    case invalidDate(String)
    /// No row of the catalog is effective on or before this `--price-date`.
    case noPricesAsOf(date: String, earliest: String)
    /// The node asks for GPUs but names no model, and its machine type bundles none.
    case gpuModelMissing(machineType: String, gpuCount: Int)
    /// The GPU model exists only as a component price or for other host families.
    case gpuNotAttachable(gpuModel: String, machineType: String, attachableTo: [String])
    /// The machine type bundles a different GPU than the node asks for.
    case bundledGPUMismatch(machineType: String, bundled: String, requested: String)
    /// A node run has a negative, NaN or absurd duration.
    case invalidUsage(String)
    /// The cluster fee cannot be attributed to one provider (no nodes, or several clouds).
    case clusterProviderUnknown(String)
    /// An amount (or billed time, or hourly rate) left the range of its fixed-point type: the
    /// ±9.2 billion USD of ``Money``, the ≈ 9 223 USD/h of ``HourlyRate`` or 64-bit seconds.
    /// The text says what overflowed.
    case overflow(String)
    /// Writing a catalog file failed.
    case writeFailed(path: String, reason: String)
    /// Any other SQLite failure.
    case sqlite(code: Int32, message: String)

    public var description: String {
        switch self {
        case .catalogFileMissing(let path):
            "price catalog '\(path)' does not exist or is not readable"
        case .catalogUnreadable(let path, let reason):
            "cannot read price catalog '\(path)': \(reason)"
        case .catalogCorrupt(let path, let reason):
            "price catalog '\(path)' is not a valid SQLite catalog: \(reason)"
        case .missingTable(let path, let table):
            "price catalog '\(path)' has no table '\(table)' (create it from pricing/schema.sql, e.g. with `costsim "
                + "pricing import`)"
        case .missingColumn(let path, let table, let column):
            "price catalog '\(path)': table '\(table)' has no column '\(column)' (schema too old or not a "
                + "costsim catalog)"
        case .unsupportedSchemaVersion(let path, let found):
            "price catalog '\(path)', table 'catalog_info', key 'schema_version': "
                + (found.isEmpty ? "missing" : "\(found.map { "'\($0)'" }.joined(separator: ", "))")
                + " (this costsim reads schema version 1; rebuild the file with `costsim pricing import`)"
        case .emptyCatalog(let path):
            "price catalog '\(path)', table 'price': has no rows"
        case .invalidCatalogRow(let path, let table, let row, let key, let column, let value, let reason):
            "price catalog '\(path)', table '\(table)', row \(row) (\(key)), column '\(column)': '\(value)' is not "
                + "valid: \(reason)"
        case .unknownProvider(let provider, let known):
            "unknown provider '\(provider)'; the catalog has: \(known.joined(separator: ", "))"
        case .unknownRegion(let provider, let region, let offering, let known):
            "unknown region '\(region)' for provider \(provider); "
                + (offering.map { "the catalog prices \($0) in: " } ?? "the catalog has: ")
                + known.joined(separator: ", ")
        case .unknownSKU(let kind, let sku, let provider, let region):
            "unknown \(kind) SKU '\(sku)' for \(provider) \(region)"
        case .noPrice(let kind, let sku, let provider, let region, let capacity, let snapshot, let available):
            "no \(capacity) price for \(kind) '\(sku)' (\(provider) \(region)) in \(snapshot)"
                + (available.isEmpty ? "" : "; prices exist for: \(available.joined(separator: ", "))")
                + (kind == .fee ? " (--no-cluster-fee leaves the management fee out, as the article does)" : "")
        case .unknownSnapshot(let name, let known):
            "unknown price snapshot '\(name)'; the catalog has: \(known.joined(separator: ", "))"
        case .invalidDate(let text):
            "invalid price date (--price-date) '\(text)': "
                + "\(PriceSnapshot.dateProblem(text) ?? PriceSnapshot.dateFormatProblem)"
        case .noPricesAsOf(let date, let earliest):
            "no catalog price is effective on or before \(date); the earliest effective date is \(earliest)"
        case .gpuModelMissing(let machineType, let count):
            "node \(machineType) asks for \(count) GPU(s) but names no GPU model, and \(machineType) bundles none"
        case .gpuNotAttachable(let gpu, let machineType, let attachableTo):
            "GPU \(gpu) cannot be attached to \(machineType)"
                + (attachableTo.isEmpty
                    ? " (the catalog lists it as a component price only)"
                    : " (attaches to: \(attachableTo.joined(separator: ", ")))")
        case .bundledGPUMismatch(let machineType, let bundled, let requested):
            "machine type \(machineType) comes with \(bundled) GPUs, not \(requested)"
        case .invalidUsage(let message):
            "invalid usage to price: \(message)"
        case .clusterProviderUnknown(let message):
            "cannot price the cluster management fee: \(message)"
        case .overflow(let message):
            "amount out of range: \(message)"
        case .writeFailed(let path, let reason):
            "cannot write price catalog '\(path)': \(reason)"
        case .sqlite(let code, let message):
            "SQLite error \(code): \(message)"
        }
    }
}
