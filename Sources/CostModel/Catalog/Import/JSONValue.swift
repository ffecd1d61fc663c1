/// One JSON value built by ``JSONReader/readValue(path:)``: a record of a price file (an AWS
/// product or term, a GCP SKU, an Azure item, a spot price). Numbers keep their text so that
/// prices convert exactly.
indirect enum JSONValue: Equatable {
    case object([(String, JSONValue)])
    case array([JSONValue])
    case string(String)
    case number(String)
    case bool(Bool)
    case null

    static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.object(let left), .object(let right)):
            left.count == right.count && zip(left, right).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        case (.array(let left), .array(let right)): left == right
        case (.string(let left), .string(let right)), (.number(let left), .number(let right)): left == right
        case (.bool(let left), .bool(let right)): left == right
        case (.null, .null): true
        default: false
        }
    }

    /// The member `key` of an object (the first if repeated), `nil` if absent or not an object.
    subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    /// The text of a number, `nil` for other values.
    var numberText: String? {
        if case .number(let text) = self { return text }
        return nil
    }

    /// What kind of value this is, for messages.
    var kindName: String {
        switch self {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "a boolean"
        case .null: "null"
        }
    }
}

/// A ``JSONValue`` with where it came from, so every accessor's error names the file, the
/// line the record starts on, the record (`sku`) and the field's JSON path.
struct JSONRecord {
    let value: JSONValue
    let file: String
    let line: Int
    let path: String
    var sku: String?

    func error(_ field: String?, _ message: String) -> CatalogImportError {
        .at(file, line: line, sku: sku, field: field, message: message)
    }

    func field(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

    /// The member `key`; `nil` when absent or null.
    func member(_ key: String) -> JSONRecord? {
        guard let value = value[key], value != .null else { return nil }
        return JSONRecord(value: value, file: file, line: line, path: field(key), sku: sku)
    }

    /// The string `key`; `nil` when absent or null, an error when of another kind.
    func string(_ key: String) throws(CatalogImportError) -> String? {
        guard let member = member(key) else { return nil }
        guard case .string(let text) = member.value else {
            throw error(member.path, "expected a string, found \(member.value.kindName)")
        }
        return text
    }

    /// The string `key`; an error when absent.
    func requiredString(_ key: String) throws(CatalogImportError) -> String {
        guard let text = try string(key) else { throw error(field(key), "is missing") }
        return text
    }

    /// The number `key` as its JSON text; `nil` when absent or null.
    func number(_ key: String) throws(CatalogImportError) -> String? {
        guard let member = member(key) else { return nil }
        guard case .number(let text) = member.value else {
            throw error(member.path, "expected a number, found \(member.value.kindName)")
        }
        return text
    }

    /// The object `key`; an error when absent or of another kind.
    func object(_ key: String) throws(CatalogImportError) -> JSONRecord {
        guard let member = member(key) else { throw error(field(key), "is missing") }
        guard case .object = member.value else {
            throw error(member.path, "expected an object, found \(member.value.kindName)")
        }
        return member
    }

    /// The members of this object, in file order.
    func members() throws(CatalogImportError) -> [(key: String, record: JSONRecord)] {
        guard case .object(let members) = value else {
            throw error(path, "expected an object, found \(value.kindName)")
        }
        return members.map {
            (key: $0.0, record: JSONRecord(value: $0.1, file: file, line: line, path: field($0.0), sku: sku))
        }
    }

    /// The elements of the array `key`; empty when absent or null.
    func array(_ key: String) throws(CatalogImportError) -> [JSONRecord] {
        guard let member = member(key) else { return [] }
        guard case .array(let elements) = member.value else {
            throw error(member.path, "expected an array, found \(member.value.kindName)")
        }
        return elements.enumerated().map {
            JSONRecord(value: $0.element, file: file, line: line, path: member.path + "[\($0.offset)]", sku: sku)
        }
    }
}
