import Foundation

/// The JSON every command prints: pretty-printed with sorted keys (deterministic), ending in a
/// newline. Every document has a top-level ``schemaVersion`` (see docs/json.md).
enum JSONOutput {
    /// Raised when a key is renamed or removed or a value changes type; adding keys keeps it.
    static let schemaVersion = 1

    static func text(_ document: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }
}
