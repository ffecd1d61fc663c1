import Simulator

/// One problem found while reading a price file: where (line, row key, field) and what.
public struct CatalogImportIssue: Sendable, Hashable, CustomStringConvertible {
    /// 1-based line in the file where the record starts (a CSV header is line 1); 0 for a
    /// problem of rows combined from several records or files.
    public var line: Int
    /// The row's SKU if it could be read, to make the message easier to act on.
    public var sku: String?
    /// The column at fault, or `nil` for problems with the whole record.
    public var field: String?
    public var message: String

    public init(line: Int, sku: String? = nil, field: String? = nil, message: String) {
        self.line = line
        self.sku = sku
        self.field = field
        self.message = message
    }

    /// `line 5 (sku e2-medium), field 'spot_usd_per_hour': negative price '-0.1'`.
    public var description: String {
        var text = line > 0 ? "line \(line)" : "imported rows"
        if let sku, !sku.isEmpty { text += " (sku \(TraceLimits.shortened(sku)))" }
        if let field { text += ", field \(TraceLimits.quote(field))" }
        return text + ": " + message
    }
}
