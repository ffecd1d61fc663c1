import Foundation
import Scenarios
import Testing
import Yams

/// What the field-table tests share: a YAML value as the node a field parses, and the user doc
/// that must list a table.
enum FieldTables {
    static func node(_ text: String) throws -> ConfigNode {
        ConfigNode(node: try #require(try Yams.compose(yaml: text)), file: "f.yaml", path: "f")
    }

    /// The text of `docs/NAME` in the repository.
    static func doc(_ name: String) throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return try String(contentsOf: root.appendingPathComponent("docs/" + name), encoding: .utf8)
    }
}
