import Storage

extension PriceCatalog {
    /// The `catalog_info.schema_version` this code reads.
    static let schemaVersion = "1"

    /// Checks a catalog file as a whole, so that no command can price from a partly valid file
    /// (a lookup that skipped a bad row would silently fall back to another snapshot's price):
    ///
    /// 1. tables `price` and `catalog_info` exist with their columns;
    /// 2. `catalog_info` says `schema_version` `1`, once;
    /// 3. `price` has at least one row, and every row decodes (text where text is due, known
    ///    provider, SKU kind and capacity, prices as decimal text), satisfies
    ///    ``PriceRow/problems()`` (calendar dates, ``CatalogLimits``, USD, GPU/fee rules), and
    ///    has a primary key no other row has.
    ///
    /// The first problem is thrown, naming file, table, row (`rowid`) and column. The catalog is
    /// a few dozen rows; reading all of them takes well under a millisecond.
    func validateContents() throws(CostModelError) {
        try requireTable("price", columns: Self.columns)
        try requireTable("catalog_info", columns: ["key", "value"])
        let versions = try query("SELECT value FROM catalog_info WHERE key = 'schema_version'").map {
            $0[0].textValue ?? "NULL"
        }
        guard versions == [Self.schemaVersion] else { throw .unsupportedSchemaVersion(path: origin, found: versions) }

        let stored: [[SQLValue]]
        do {
            stored = try connection.query("SELECT \(Self.readColumns) FROM price ORDER BY rowid")
        } catch {
            throw .catalogCorrupt(path: origin, reason: "cannot read table 'price': \(error.message)")
        }
        guard !stored.isEmpty else { throw .emptyCatalog(path: origin) }
        var firstRowByKey: [String: Int64] = [:]
        for values in stored {
            let row = try decodeChecked(values)
            let rowid = values[Self.columns.count].integerValue ?? 0
            if let first = firstRowByKey[row.keyDescription] {
                throw .invalidCatalogRow(
                    path: origin, table: "price", row: rowid, key: row.keyDescription, column: PriceRow.keyColumns,
                    value: row.keyDescription, reason: "duplicate key (first used by row \(first))")
            }
            firstRowByKey[row.keyDescription] = rowid
        }
    }

    /// Throws ``CostModelError/missingTable(path:table:)`` or
    /// ``CostModelError/missingColumn(path:table:column:)`` unless `table` has `columns`.
    private func requireTable(_ table: String, columns: [String]) throws(CostModelError) {
        let found: [[SQLValue]]
        do {
            found = try connection.query(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?1", [.text(table)])
        } catch {
            throw .catalogCorrupt(path: origin, reason: error.message)
        }
        guard !found.isEmpty else { throw .missingTable(path: origin, table: table) }
        let present = Set(
            try query("SELECT name FROM pragma_table_info(?1)", [.text(table)]).compactMap { $0[0].textValue })
        if let missing = columns.first(where: { !present.contains($0) }) {
            throw .missingColumn(path: origin, table: table, column: missing)
        }
    }

    /// Checks that `snapshot` selects rows from this catalog: a named snapshot exists, and a
    /// date is a calendar day on or after the earliest effective date. ``CostCalculator`` calls
    /// this before pricing, so a bad selection fails with one clear message.
    ///
    /// - Throws: ``CostModelError/unknownSnapshot(_:known:)``, ``CostModelError/invalidDate(_:)``,
    ///   ``CostModelError/noPricesAsOf(date:earliest:)`` or ``CostModelError/emptyCatalog(path:)``.
    public func validate(_ snapshot: PriceSnapshot) throws(CostModelError) {
        switch snapshot {
        case .latest:
            guard try query("SELECT 1 FROM price LIMIT 1").count == 1 else { throw .emptyCatalog(path: origin) }
        case .named(let name):
            guard try query("SELECT 1 FROM price WHERE snapshot = ?1 LIMIT 1", [.text(name)]).count == 1 else {
                throw .unknownSnapshot(name, known: try snapshots().map(\.name))
            }
        case .asOf(let date):
            guard PriceSnapshot.isDate(date) else { throw .invalidDate(date) }
            guard let earliest = try query("SELECT MIN(effective_date) FROM price").first?[0].textValue else {
                throw .emptyCatalog(path: origin)
            }
            guard earliest <= date else { throw .noPricesAsOf(date: date, earliest: earliest) }
        }
    }
}
