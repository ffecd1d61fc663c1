/// The price catalog: an SQLite database with the `price` table of `pricing/schema.sql`.
///
/// Open one of three ways:
/// - ``bundled()`` — the catalog shipped with costsim (`pricing/catalog.csv`, embedded at build
///   time), loaded into a private in-memory database;
/// - ``init(contentsOfFile:)`` — an `.sqlite` file made by `costsim pricing import`, opened
///   **read-only**;
/// - ``init(rows:)`` — rows built in code (tests, what-if studies), in memory.
///
/// All queries are parameterised. The connection runs in SQLite's serialized mode, so a
/// catalog can be shared between tasks.
public final class PriceCatalog: @unchecked Sendable {
    /// Where the rows came from: `bundled`, `memory` or the file path. Used in messages.
    public let origin: String
    let connection: SQLiteConnection

    /// Columns of `price`, in the order every query selects them.
    static let columns = [
        "snapshot", "effective_date", "provider", "region", "sku_kind", "sku", "capacity", "vcpus",
        "memory_gib", "gpu_model", "gpu_count", "gpu_memory_gib", "attachable_to", "price_per_hour",
        "billing_increment_s", "billing_minimum_s", "currency", "source_url", "source_date", "notes",
    ]
    static let selectColumns = columns.joined(separator: ", ")

    /// The catalog bundled with costsim, built in memory from the embedded copy of
    /// `pricing/schema.sql` and `pricing/catalog.csv`.
    public static func bundled() throws(CostModelError) -> PriceCatalog {
        let rows: [PriceRow]
        do {
            rows = try CatalogCSV.parse(BundledCatalog.catalogCSV, defaults: CatalogCSV.Defaults())
        } catch {
            throw .catalogCorrupt(path: "bundled", reason: error.description)
        }
        return try PriceCatalog(rows: rows, origin: "bundled")
    }

    /// Opens an existing catalog file read-only and checks its schema.
    public init(contentsOfFile path: String) throws(CostModelError) {
        guard Platform.isReadableFile(path) else { throw .catalogFileMissing(path: path) }
        do {
            connection = try SQLiteConnection(path: path, mode: .readOnly)
        } catch {
            throw .catalogCorrupt(path: path, reason: error.message)
        }
        origin = path
        try checkSchema()
    }

    /// An in-memory catalog holding `rows` (validated by the schema's constraints).
    public convenience init(rows: [PriceRow]) throws(CostModelError) {
        try self.init(rows: rows, origin: "memory")
    }

    init(rows: [PriceRow], origin: String) throws(CostModelError) {
        do {
            connection = try SQLiteConnection(path: ":memory:", mode: .readWriteCreate)
            try Self.createSchemaAndInsert(rows, into: connection)
        } catch {
            throw .sqlite(code: error.code, message: error.message)
        }
        self.origin = origin
    }

    // MARK: - Queries

    /// All rows matching `filter`, in catalog order (the order they were imported).
    public func rows(matching filter: PriceFilter = PriceFilter()) throws(CostModelError) -> [PriceRow] {
        var clauses: [String] = []
        var arguments: [SQLValue] = []
        func add(_ column: String, _ value: String?) {
            guard let value else { return }
            arguments.append(.text(value))
            clauses.append("\(column) = ?\(arguments.count) COLLATE NOCASE")
        }
        add("provider", filter.provider)
        add("region", filter.region)
        add("gpu_model", filter.gpuModel)
        add("sku_kind", filter.kind?.rawValue)
        add("sku", filter.sku)
        add("snapshot", filter.snapshot)
        let whereClause = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
        return try fetchRows("SELECT \(Self.selectColumns) FROM price\(whereClause) ORDER BY rowid", arguments)
    }

    /// The snapshots in the catalog, oldest first.
    public func snapshots() throws(CostModelError) -> [SnapshotInfo] {
        try query("SELECT snapshot, MIN(effective_date), COUNT(*) FROM price GROUP BY snapshot ORDER BY MIN(effective_date), snapshot")
            .map { SnapshotInfo(name: $0[0].textValue ?? "", effectiveDate: $0[1].textValue ?? "", rowCount: Int($0[2].integerValue ?? 0)) }
    }

    /// The price of one SKU at one capacity type, chosen by `snapshot`.
    ///
    /// - Throws: ``CostModelError/unknownProvider(_:known:)``, ``CostModelError/unknownRegion(provider:region:known:)``,
    ///   ``CostModelError/unknownSKU(kind:sku:provider:region:)`` or ``CostModelError/noPrice(kind:sku:provider:region:capacity:snapshot:available:)``,
    ///   whichever says most precisely what is missing.
    public func price(
        _ kind: SKUKind, sku: String, provider: String, region: String, capacity: CapacityType,
        snapshot: PriceSnapshot = .latest
    ) throws(CostModelError) -> PriceRow {
        let (snapshotClause, snapshotArgument) = try Self.snapshotClause(snapshot, parameter: 6)
        let sql = "SELECT \(Self.selectColumns) FROM price WHERE provider = ?1 AND region = ?2 AND sku_kind = ?3 AND sku = ?4 AND capacity = ?5"
            + snapshotClause + " ORDER BY effective_date DESC, snapshot DESC LIMIT 1"
        var arguments: [SQLValue] = [.text(provider), .text(region), .text(kind.rawValue), .text(sku), .text(capacity.rawValue)]
        if let snapshotArgument { arguments.append(snapshotArgument) }
        if let row = try fetchRows(sql, arguments).first { return row }
        try explainMissing(kind: kind, sku: sku, provider: provider, region: region, capacity: capacity, snapshot: snapshot)
    }

    /// The per-GPU add-on row for `gpuModel` (matched against `gpu_model` or `sku`, ignoring case).
    public func gpuPrice(
        model gpuModel: String, provider: String, region: String, capacity: CapacityType,
        snapshot: PriceSnapshot = .latest
    ) throws(CostModelError) -> PriceRow {
        let (snapshotClause, snapshotArgument) = try Self.snapshotClause(snapshot, parameter: 5)
        let sql = "SELECT \(Self.selectColumns) FROM price WHERE provider = ?1 AND region = ?2 AND sku_kind = 'gpu'"
            + " AND (gpu_model = ?3 COLLATE NOCASE OR sku = ?3 COLLATE NOCASE) AND capacity = ?4"
            + snapshotClause + " ORDER BY effective_date DESC, snapshot DESC LIMIT 1"
        var arguments: [SQLValue] = [.text(provider), .text(region), .text(gpuModel), .text(capacity.rawValue)]
        if let snapshotArgument { arguments.append(snapshotArgument) }
        if let row = try fetchRows(sql, arguments).first { return row }
        let skus = try query(
            "SELECT DISTINCT sku FROM price WHERE provider = ?1 AND region = ?2 AND sku_kind = 'gpu' AND (gpu_model = ?3 COLLATE NOCASE OR sku = ?3 COLLATE NOCASE)",
            [.text(provider), .text(region), .text(gpuModel)])
        try explainMissing(kind: .gpu, sku: skus.first?[0].textValue ?? gpuModel, provider: provider, region: region, capacity: capacity, snapshot: snapshot)
    }

    // MARK: - Writing

    /// Writes `rows` to a new SQLite catalog at `path` atomically: the database is built in a
    /// temporary file beside `path` and renamed over it only when complete, so a failure
    /// leaves no file (or the previous file) behind.
    public static func writeDatabase(_ rows: [PriceRow], to path: String) throws(CostModelError) {
        let temporary = Platform.temporaryPath(for: path)
        Platform.removeFile(temporary)
        do {
            try buildDatabase(rows, at: temporary)
        } catch {
            Platform.removeFile(temporary)
            Platform.removeFile(temporary + "-journal")
            throw .writeFailed(path: path, reason: error.description)
        }
        if let message = Platform.renameReplacing(temporary, path) {
            throw .writeFailed(path: path, reason: message)
        }
    }

    /// Writes this catalog's rows to a new SQLite file (see ``writeDatabase(_:to:)``).
    public func write(to path: String) throws(CostModelError) {
        try Self.writeDatabase(rows(), to: path)
    }

    // MARK: - Internals

    /// Creates a database file and fills it; the connection closes when this returns.
    private static func buildDatabase(_ rows: [PriceRow], at path: String) throws(SQLiteError) {
        let connection = try SQLiteConnection(path: path, mode: .readWriteCreate)
        try createSchemaAndInsert(rows, into: connection)
    }

    static func createSchemaAndInsert(_ rows: [PriceRow], into connection: SQLiteConnection) throws(SQLiteError) {
        try connection.execute(BundledCatalog.schemaSQL)
        try connection.execute("BEGIN")
        let placeholders = (1...columns.count).map { "?\($0)" }.joined(separator: ", ")
        let statement = try connection.prepare("INSERT INTO price (\(selectColumns)) VALUES (\(placeholders))")
        for row in rows {
            try statement.bind(values(of: row))
            _ = try statement.step()
        }
        try connection.execute("COMMIT")
    }

    static func values(of row: PriceRow) -> [SQLValue] {
        func text(_ value: String?) -> SQLValue { value.map { .text($0) } ?? .null }
        return [
            .text(row.snapshot), .text(row.effectiveDate), .text(row.provider.rawValue), .text(row.region),
            .text(row.kind.rawValue), .text(row.sku), .text(row.capacity.rawValue),
            row.vcpus.map { .integer(Int64($0)) } ?? .null, text(row.memoryGiB), text(row.gpuModel),
            .integer(Int64(row.gpuCount)), text(row.gpuMemoryGiB),
            row.attachableTo.isEmpty ? .null : .text(row.attachableTo.joined(separator: ",")),
            .text(row.pricePerHour.dollarsPerHourText), .integer(row.billingIncrementSeconds),
            .integer(row.billingMinimumSeconds), .text(row.currency), text(row.sourceURL), text(row.sourceDate),
            text(row.notes),
        ]
    }

    private func checkSchema() throws(CostModelError) {
        let tables: [[SQLValue]]
        do {
            tables = try connection.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?1", [.text("price")])
        } catch {
            throw .catalogCorrupt(path: origin, reason: error.message)
        }
        guard !tables.isEmpty else { throw .missingTable(path: origin, table: "price") }
        let present = Set(try query("SELECT name FROM pragma_table_info(?1)", [.text("price")]).compactMap { $0[0].textValue })
        if let missing = Self.columns.first(where: { !present.contains($0) }) {
            throw .missingColumn(path: origin, table: "price", column: missing)
        }
    }

    private static func snapshotClause(_ snapshot: PriceSnapshot, parameter: Int) throws(CostModelError) -> (String, SQLValue?) {
        switch snapshot {
        case .latest:
            return ("", nil)
        case .named(let name):
            return (" AND snapshot = ?\(parameter)", .text(name))
        case .asOf(let date):
            guard PriceSnapshot.isDate(date) else { throw .invalidDate(date) }
            return (" AND effective_date <= ?\(parameter)", .text(date))
        }
    }

    /// Works out why a lookup found nothing and throws the most specific error.
    private func explainMissing(
        kind: SKUKind, sku: String, provider: String, region: String, capacity: CapacityType, snapshot: PriceSnapshot
    ) throws(CostModelError) -> Never {
        let providers = try distinct("provider", where: "1 = 1", [])
        guard providers.contains(provider) else { throw .unknownProvider(provider, known: providers) }
        let regions = try distinct("region", where: "provider = ?1", [.text(provider)])
        guard regions.contains(region) else { throw .unknownRegion(provider: provider, region: region, known: regions) }
        if case .named(let name) = snapshot {
            let names = try distinct("snapshot", where: "1 = 1", [])
            guard names.contains(name) else { throw .unknownSnapshot(name, known: names) }
        }
        let available = try query(
            "SELECT snapshot, capacity FROM price WHERE provider = ?1 AND region = ?2 AND sku_kind = ?3 AND sku = ?4 ORDER BY rowid",
            [.text(provider), .text(region), .text(kind.rawValue), .text(sku)]
        ).map { "\($0[1].textValue ?? "") in \($0[0].textValue ?? "")" }
        guard !available.isEmpty else { throw .unknownSKU(kind: kind, sku: sku, provider: provider, region: region) }
        throw .noPrice(kind: kind, sku: sku, provider: provider, region: region, capacity: capacity, snapshot: snapshot, available: available)
    }

    private func distinct(_ column: String, where condition: String, _ arguments: [SQLValue]) throws(CostModelError) -> [String] {
        try query("SELECT DISTINCT \(column) FROM price WHERE \(condition) ORDER BY \(column)", arguments).compactMap { $0[0].textValue }
    }

    private func query(_ sql: String, _ arguments: [SQLValue] = []) throws(CostModelError) -> [[SQLValue]] {
        do {
            return try connection.query(sql, arguments)
        } catch {
            if error.code & 0xff == 26 || error.code & 0xff == 11 { // SQLITE_NOTADB, SQLITE_CORRUPT
                throw .catalogCorrupt(path: origin, reason: error.message)
            }
            throw .sqlite(code: error.code, message: error.message)
        }
    }

    private func fetchRows(_ sql: String, _ arguments: [SQLValue]) throws(CostModelError) -> [PriceRow] {
        try query(sql, arguments).map { values throws(CostModelError) in try Self.decode(values) }
    }

    static func decode(_ values: [SQLValue]) throws(CostModelError) -> PriceRow {
        let snapshot = values[0].textValue ?? ""
        let sku = values[5].textValue ?? ""
        let key = "\(snapshot)/\(values[2].textValue ?? "")/\(values[3].textValue ?? "")/\(sku)/\(values[6].textValue ?? "")"
        func invalid(_ column: Int) -> CostModelError {
            .invalidStoredValue(key: key, column: columns[column], value: values[column].textValue ?? "NULL")
        }
        guard let provider = values[2].textValue.flatMap(CloudProvider.init(rawValue:)) else { throw invalid(2) }
        guard let kind = values[4].textValue.flatMap(SKUKind.init(rawValue:)) else { throw invalid(4) }
        guard let capacity = values[6].textValue.flatMap(CapacityType.init(rawValue:)) else { throw invalid(6) }
        // Prices must be decimal TEXT: a REAL has already lost exactness.
        guard case .text(let priceText) = values[13], let rate = HourlyRate(dollarsPerHour: priceText) else { throw invalid(13) }
        guard let increment = values[14].integerValue, increment >= 1 else { throw invalid(14) }
        guard let minimum = values[15].integerValue, minimum >= 0 else { throw invalid(15) }
        let vcpus: Int?
        switch values[7] {
        case .null: vcpus = nil
        case let value: guard let integer = value.integerValue else { throw invalid(7) }; vcpus = Int(integer)
        }
        return PriceRow(
            snapshot: snapshot, effectiveDate: values[1].textValue ?? "", provider: provider,
            region: values[3].textValue ?? "", kind: kind, sku: sku, capacity: capacity, vcpus: vcpus,
            memoryGiB: values[8].textValue, gpuModel: values[9].textValue, gpuCount: Int(values[10].integerValue ?? 0),
            gpuMemoryGiB: values[11].textValue,
            attachableTo: (values[12].textValue ?? "").split(separator: ",").map { String($0) },
            pricePerHour: rate, billingIncrementSeconds: increment, billingMinimumSeconds: minimum,
            currency: values[16].textValue ?? "USD", sourceURL: values[17].textValue, sourceDate: values[18].textValue,
            notes: values[19].textValue)
    }
}
