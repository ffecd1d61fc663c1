import Simulator

/// An export that cannot be read: names the file and the JSON field at fault
/// (`pods.json: items[2].metadata.creationTimestamp: "2026-13-01T00:00:00Z" is not an RFC 3339 time`),
/// or for a CSV export the line and the column (`bill.csv:12: field 'usage.amount': …`).
public struct CalibrationError: Error, CustomStringConvertible, Sendable {
    public let description: String

    public init(file: String, field: String? = nil, _ message: String) {
        description = file + ": " + (field.map { $0 + ": " } ?? "") + message
    }

    /// A CSV export's error, located by line and column.
    public init(_ error: InputError) {
        description = error.description
    }
}
