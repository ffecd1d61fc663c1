import Storage

/// The price catalog: an SQLite database with the `price` table of `pricing/schema.sql`.
///
/// Open one of three ways:
/// - ``bundled()`` — the catalog shipped with costsim (`pricing/catalog.csv`, embedded at build
///   time), loaded into a private in-memory database;
/// - ``init(contentsOfFile:)`` — an `.sqlite` file made by `costsim pricing import`, opened
///   **read-only** and immutable (a `-journal` beside it is ignored, never replayed);
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
    /// What every read selects: ``columns`` then the `rowid`, so problems can name the row.
    static let readColumns = selectColumns + ", rowid"

    /// The catalog bundled with costsim, built in memory from the embedded copy of
    /// `pricing/schema.sql` and `pricing/catalog.csv` once per process and shared (it is read-only).
    public static func bundled() throws(CostModelError) -> PriceCatalog {
        try bundledCatalog.get()
    }

    private static let bundledCatalog = Result { () throws(CostModelError) in try buildBundled() }

    private static func buildBundled() throws(CostModelError) -> PriceCatalog {
        let rows: [PriceRow]
        do {
            rows = try CatalogCSV.parse(BundledCatalog.catalogCSV, defaults: CatalogCSV.Defaults())
        } catch {
            throw .catalogCorrupt(path: "bundled", reason: error.description)
        }
        return try PriceCatalog(checkedRows: rows, origin: "bundled")
    }

    /// Opens an existing catalog file read-only and validates all of it (see
    /// ``validateContents()``): a file that opens is one every command can price from.
    ///
    /// - Throws: ``CostModelError/catalogFileMissing(path:)``, ``CostModelError/catalogUnreadable(path:reason:)``
    ///   (a directory, FIFO, …: never opened), ``CostModelError/catalogCorrupt(path:reason:)``,
    ///   ``CostModelError/missingTable(path:table:)``, ``CostModelError/missingColumn(path:table:column:)``,
    ///   ``CostModelError/unsupportedSchemaVersion(path:found:)``, ``CostModelError/emptyCatalog(path:)`` or
    ///   ``CostModelError/invalidCatalogRow(path:table:row:key:column:value:reason:)``.
    public init(contentsOfFile path: String) throws(CostModelError) {
        do {
            connection = try SQLiteConnection(path: path, mode: .readOnly)
        } catch {
            throw Self.fileError(error, origin: path)
        }
        origin = path
        try validateContents()
    }

    /// An in-memory catalog holding `rows`, which must satisfy ``CatalogLimits`` and have
    /// distinct keys.
    ///
    /// - Throws: ``CostModelError/invalidCatalogRow(path:table:row:key:column:value:reason:)``
    ///   naming the first bad row (1-based position in `rows`).
    public convenience init(rows: [PriceRow]) throws(CostModelError) {
        try self.init(rows: rows, origin: "memory")
    }

    convenience init(rows: [PriceRow], origin: String) throws(CostModelError) {
        if let (index, row, problem) = rows.firstProblem() {
            throw .invalidCatalogRow(path: origin, table: "price", row: Int64(index + 1), key: row.keyDescription,
                                     column: problem.column, value: problem.value, reason: problem.reason)
        }
        try self.init(checkedRows: rows, origin: origin)
    }

    /// An in-memory catalog of rows already checked as ``init(rows:)`` would (``CatalogCSV`` checks
    /// every row it returns), so the bundled catalog is not checked twice at start-up.
    private init(checkedRows rows: [PriceRow], origin: String) throws(CostModelError) {
        do {
            connection = try SQLiteConnection(path: ":memory:", mode: .readWriteCreate)
            try Self.createSchemaAndInsert(rows, into: connection)
        } catch {
            throw .sqlite(code: error.code, message: error.message)
        }
        self.origin = origin
    }

    /// What a failure to open or read the catalog from `origin` says about it.
    static func fileError(_ error: SQLiteError, origin: String) -> CostModelError {
        switch error.kind {
        case .notFound: .catalogFileMissing(path: origin)
        case .notRegularFile, .unreadable: .catalogUnreadable(path: origin, reason: error.reason)
        case .missingTable(let table): .missingTable(path: origin, table: table)
        case .notADatabase, .corrupt, .io: .catalogCorrupt(path: origin, reason: error.reason)
        case .readOnly, .busy, .other: .sqlite(code: error.code, message: error.message)
        }
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
        return try fetchRows("SELECT \(Self.readColumns) FROM price\(whereClause) ORDER BY rowid", arguments)
    }

    /// The snapshots in the catalog, oldest first.
    public func snapshots() throws(CostModelError) -> [SnapshotInfo] {
        try query(
            "SELECT snapshot, MIN(effective_date), COUNT(*) FROM price GROUP BY snapshot ORDER BY "
                + "MIN(effective_date), snapshot")
        .map {
            SnapshotInfo(
                name: $0[0].textValue ?? "", effectiveDate: $0[1].textValue ?? "",
                rowCount: Int($0[2].integerValue ?? 0))
        }
    }

    /// The price of one SKU at one capacity type, chosen by `snapshot`.
    ///
    /// - Throws: ``CostModelError/unknownProvider(_:known:)``,
    ///   ``CostModelError/unknownRegion(provider:region:offering:known:)``,
    ///   ``CostModelError/unknownSKU(kind:sku:provider:region:)`` or
    ///   ``CostModelError/noPrice(kind:sku:provider:region:capacity:snapshot:available:)``,
    ///   whichever says most precisely what is missing.
    public func price(
        _ kind: SKUKind, sku: String, provider: String, region: String, capacity: CapacityType,
        snapshot: PriceSnapshot = .latest
    ) throws(CostModelError) -> PriceRow {
        let (snapshotClause, snapshotArgument) = try Self.snapshotClause(snapshot, parameter: 6)
        let sql =
            "SELECT \(Self.readColumns) FROM price WHERE provider = ?1 AND region = ?2 AND sku_kind = ?3 AND sku = ?4 "
                + "AND capacity = ?5"
            + snapshotClause + " ORDER BY effective_date DESC, snapshot DESC LIMIT 1"
        var arguments: [SQLValue] = [
            .text(provider), .text(region), .text(kind.rawValue), .text(sku), .text(capacity.rawValue),
        ]
        if let snapshotArgument { arguments.append(snapshotArgument) }
        if let row = try fetchRows(sql, arguments).first { return row }
        try explainMissing(
            kind: kind, sku: sku, provider: provider, region: region, capacity: capacity, snapshot: snapshot)
    }

    /// The per-GPU add-on row for `gpuModel` (matched against `gpu_model` or `sku`, ignoring case).
    public func gpuPrice(
        model gpuModel: String, provider: String, region: String, capacity: CapacityType,
        snapshot: PriceSnapshot = .latest
    ) throws(CostModelError) -> PriceRow {
        let (snapshotClause, snapshotArgument) = try Self.snapshotClause(snapshot, parameter: 5)
        let sql = "SELECT \(Self.readColumns) FROM price WHERE provider = ?1 AND region = ?2 AND sku_kind = 'gpu'"
            + " AND (gpu_model = ?3 COLLATE NOCASE OR sku = ?3 COLLATE NOCASE) AND capacity = ?4"
            + snapshotClause + " ORDER BY effective_date DESC, snapshot DESC LIMIT 1"
        var arguments: [SQLValue] = [.text(provider), .text(region), .text(gpuModel), .text(capacity.rawValue)]
        if let snapshotArgument { arguments.append(snapshotArgument) }
        if let row = try fetchRows(sql, arguments).first { return row }
        let skus = try query(
            "SELECT DISTINCT sku FROM price WHERE provider = ?1 AND region = ?2 AND sku_kind = 'gpu' AND (gpu_model = "
                + "?3 COLLATE NOCASE OR sku = ?3 COLLATE NOCASE)",
            [.text(provider), .text(region), .text(gpuModel)])
        try explainMissing(
            kind: .gpu, sku: skus.first?[0].textValue ?? gpuModel, provider: provider, region: region,
            capacity: capacity, snapshot: snapshot)
    }

    // MARK: - Writing

    /// Writes `rows` to a new SQLite catalog at `path` atomically: the database is built in a
    /// temporary file beside `path` and renamed over it only when complete, so a failure
    /// leaves no file (or the previous file) behind.
    ///
    /// - Parameter atomically: `false` builds the file at `path` itself (which must not exist),
    ///   for a caller that already writes to a temporary file of its own and renames it (the
    ///   CLI, which removes its temporary files on Ctrl-C: an inner one would be left behind).
    /// - Throws: ``CostModelError/writeFailed(path:reason:)``, also when a row breaks
    ///   ``CatalogLimits`` or repeats a key (nothing is written then).
    public static func writeDatabase(
        _ rows: [PriceRow], to path: String, atomically: Bool = true
    ) throws(CostModelError) {
        if let (index, row, problem) = rows.firstProblem() {
            throw .writeFailed(
                path: path,
                reason:
                    "row \(index + 1) (\(row.keyDescription)), column '\(problem.column)': '\(problem.value)' is not "
                        + "valid: \(problem.reason)")
        }
        do {
            if atomically {
                try AtomicFile.produce(path) { temporary in try buildDatabase(rows, at: temporary) }
            } else {
                try buildDatabase(rows, at: path)
            }
        } catch let error as OutputError {
            throw .writeFailed(path: path, reason: error.reason)
        } catch let error as SQLiteError {
            throw .writeFailed(path: path, reason: error.reason)
        } catch {
            throw .writeFailed(path: path, reason: String(describing: error))
        }
    }

    /// Writes this catalog's rows to a new SQLite file (see ``writeDatabase(_:to:atomically:)``).
    public func write(to path: String) throws(CostModelError) {
        try Self.writeDatabase(rows(), to: path)
    }

    // MARK: - Internals

    /// Creates a database file (or fills an empty one) and fills it; the connection closes when
    /// this returns. No rollback journal: a file that fails halfway is removed, and a journal
    /// would be one more file to leave behind on an interrupt.
    private static func buildDatabase(_ rows: [PriceRow], at path: String) throws(SQLiteError) {
        let connection = try SQLiteConnection(path: path, mode: .readWriteCreate)
        try connection.execute("PRAGMA journal_mode = OFF")
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

    private static func snapshotClause(
        _ snapshot: PriceSnapshot, parameter: Int
    ) throws(CostModelError) -> (String, SQLValue?) {
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
        guard regions.contains(region) else {
            let offering = try self.regions(provider: provider, kind: kind, sku: sku)
            throw offering.isEmpty
                ? .unknownRegion(provider: provider, region: region, offering: nil, known: regions)
                : .unknownRegion(provider: provider, region: region, offering: sku, known: offering)
        }
        if case .named(let name) = snapshot {
            let names = try distinct("snapshot", where: "1 = 1", [])
            guard names.contains(name) else { throw .unknownSnapshot(name, known: names) }
        }
        let available = try query(
            "SELECT snapshot, capacity FROM price WHERE provider = ?1 AND region = ?2 AND sku_kind = ?3 AND sku = ?4 "
                + "ORDER BY rowid",
            [.text(provider), .text(region), .text(kind.rawValue), .text(sku)]
        ).map { "\($0[1].textValue ?? "") in \($0[0].textValue ?? "")" }
        guard !available.isEmpty else { throw .unknownSKU(kind: kind, sku: sku, provider: provider, region: region) }
        throw .noPrice(
            kind: kind, sku: sku, provider: provider, region: region, capacity: capacity, snapshot: snapshot,
            available: available)
    }

    func distinct(
        _ column: String, where condition: String, _ arguments: [SQLValue]
    ) throws(CostModelError) -> [String] {
        try query("SELECT DISTINCT \(column) FROM price WHERE \(condition) ORDER BY \(column)", arguments).compactMap {
            $0[0].textValue
        }
    }

    func query(_ sql: String, _ arguments: [SQLValue] = []) throws(CostModelError) -> [[SQLValue]] {
        do {
            return try connection.query(sql, arguments)
        } catch {
            throw Self.fileError(error, origin: origin)
        }
    }

    /// Runs a query selecting ``readColumns`` and decodes every row.
    private func fetchRows(_ sql: String, _ arguments: [SQLValue]) throws(CostModelError) -> [PriceRow] {
        try query(sql, arguments).map { values throws(CostModelError) in try decodeChecked(values) }
    }

    /// Decodes and validates one row selected as ``readColumns``.
    ///
    /// - Throws: ``CostModelError/invalidCatalogRow(path:table:row:key:column:value:reason:)``.
    func decodeChecked(_ values: [SQLValue]) throws(CostModelError) -> PriceRow {
        do throws(RowProblem) {
            let row = try Self.decode(values)
            if let problem = row.problems().first { throw problem }
            return row
        } catch {
            throw .invalidCatalogRow(
                path: origin, table: "price", row: values[Self.columns.count].integerValue ?? 0,
                key: Self.keyDescription(values), column: error.column, value: error.value, reason: error.reason)
        }
    }

    /// The primary key of raw row values, as far as they can be read (for messages).
    static func keyDescription(_ values: [SQLValue]) -> String {
        [0, 2, 3, 4, 5, 6].map { values[$0].textValue ?? "NULL" }.joined(separator: "/")
    }

    /// Turns the ``columns`` of one stored row into a ``PriceRow``, checking storage types and
    /// enumerated values (``PriceRow/problems()`` checks the rest).
    static func decode(_ values: [SQLValue]) throws(RowProblem) -> PriceRow {
        func shown(_ value: SQLValue) -> String {
            switch value {
            case .null: "NULL"
            case .real(let real): "\(real) (a REAL)"
            default: value.textValue ?? ""
            }
        }
        func problem(_ index: Int, _ reason: String) -> RowProblem {
            RowProblem(column: columns[index], value: shown(values[index]), reason: reason)
        }
        func text(_ index: Int) throws(RowProblem) -> String {
            guard case .text(let text) = values[index] else { throw problem(index, "expected text") }
            return text
        }
        func optionalText(_ index: Int) throws(RowProblem) -> String? {
            if case .null = values[index] { return nil }
            return try text(index)
        }
        func integer(_ index: Int) throws(RowProblem) -> Int64 {
            guard let integer = values[index].integerValue else { throw problem(index, "expected a whole number") }
            return integer
        }
        func decimal(_ index: Int) throws(RowProblem) -> String? {
            switch values[index] {
            case .null: return nil
            case .text(let text): return text
            case .integer(let integer): return String(integer)
            case .real: throw problem(index, "expected decimal text")
            }
        }
        func oneOf<Value: RawRepresentable & CaseIterable>(_ index: Int, _: Value.Type) throws(RowProblem) -> Value
        where Value.RawValue == String {
            guard let value = Value(rawValue: try text(index)) else {
                throw problem(index, "expected one of: \(Value.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return value
        }
        let provider = try oneOf(2, CloudProvider.self)
        let kind = try oneOf(4, SKUKind.self)
        let capacity = try oneOf(6, CapacityType.self)
        // Prices must be decimal TEXT: a REAL has already lost exactness.
        guard case .text(let priceText) = values[13] else { throw problem(13, "prices must be decimal text") }
        guard let rate = HourlyRate(dollarsPerHour: priceText) else {
            throw problem(
                13,
                "expected a plain non-negative decimal with at most \(HourlyRate.decimalPlaces) decimals, at most "
                    + "\(CatalogLimits.maximumPricePerHour.dollarsPerHourText) USD/h")
        }
        let vcpus: Int64?
        if case .null = values[7] { vcpus = nil } else { vcpus = try integer(7) }
        let gpuCount = try integer(10)
        // Range-check before converting to Int (PriceRow.problems() then reports the same bounds).
        for (index, value) in [(7, vcpus), (10, gpuCount)] {
            if let value, let reason = CatalogLimits.integerProblem(value, column: columns[index]) {
                throw problem(index, reason)
            }
        }
        let currency = try text(16)
        return PriceRow(
            snapshot: try text(0), effectiveDate: try text(1), provider: provider, region: try text(3), kind: kind,
            sku: try text(5), capacity: capacity, vcpus: vcpus.map { Int($0) }, memoryGiB: try decimal(8),
            gpuModel: try optionalText(9), gpuCount: Int(gpuCount), gpuMemoryGiB: try decimal(11),
            attachableTo: (try optionalText(12) ?? "").split(separator: ",").map { String($0) },
            pricePerHour: rate, billingIncrementSeconds: try integer(14), billingMinimumSeconds: try integer(15),
            currency: currency, sourceURL: values[17].textValue, sourceDate: values[18].textValue,
            notes: values[19].textValue)
    }
}
