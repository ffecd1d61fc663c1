import Foundation

/// Checks a JSON value against the subset of JSON Schema (2020-12) that docs/schema uses:
/// `type` (a name or a list), `properties`, `required`, `additionalProperties` (false or a
/// schema), `items`, `const`, `pattern`, and `$ref` to `#/$defs/NAME`. Any other keyword is
/// reported as unsupported, so a schema cannot silently ask for more than is checked.
struct JSONSchemaValidator {
    let root: [String: Any]

    static let keywords: Set = ["$schema", "title", "$defs", "$ref", "type", "properties", "required", "enum",
                                "minimum", "minLength", "additionalProperties", "items", "const", "pattern"]

    init(path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        root = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    /// Every violation, as `path: message`; empty when `value` conforms.
    func errors(_ value: Any) -> [String] { check(value, against: root, at: "$") }

    /// Every property name the schema defines (for the documentation check).
    var propertyNames: Set<String> {
        var names: Set<String> = []
        func walk(_ node: Any) {
            if let object = node as? [String: Any] {
                if let properties = object["properties"] as? [String: Any] { names.formUnion(properties.keys) }
                object.values.forEach(walk)
            } else if let array = node as? [Any] {
                array.forEach(walk)
            }
        }
        walk(root)
        return names
    }

    private func check(_ value: Any, against schema: [String: Any], at path: String) -> [String] {
        if let unsupported = Set(schema.keys).subtracting(Self.keywords).first {
            return ["\(path): schema keyword '\(unsupported)' is not supported"]
        }
        if let reference = schema["$ref"] as? String {
            let name = reference.replacingOccurrences(of: "#/$defs/", with: "")
            guard let target = (root["$defs"] as? [String: Any])?[name] as? [String: Any] else {
                return ["\(path): unknown $ref \(reference)"]
            }
            return check(value, against: target, at: path)
        }
        var errors: [String] = []
        if let constant = schema["const"], "\(value)" != "\(constant)" {   // the schemas use const for numbers only
            errors.append("\(path): expected \(constant), got \(value)")
        }
        if let type = schema["type"] {
            let allowed = (type as? [String]) ?? [type as? String ?? ""]
            guard allowed.contains(where: { Self.matches(value, type: $0) }) else {
                return errors + ["\(path): expected \(allowed.joined(separator: " or ")), got \(value)"]
            }
        }
        // string enums only
        if let choices = schema["enum"] as? [String], !choices.contains(where: { "\(value)" == $0 }) {
            errors.append("\(path): '\(value)' is not one of \(choices.joined(separator: ", "))")
        }
        if let minimum = (schema["minimum"] as? NSNumber)?.doubleValue, let number = (value as? NSNumber)?.doubleValue,
           number < minimum {
            errors.append("\(path): \(number) is below \(minimum)")
        }
        if let length = (schema["minLength"] as? NSNumber)?.intValue, let text = value as? String, text.count < length {
            errors.append("\(path): '\(text)' is shorter than \(length)")
        }
        if let pattern = schema["pattern"] as? String, let text = value as? String,
           text.range(of: pattern, options: .regularExpression) == nil {
            errors.append("\(path): '\(text)' does not match \(pattern)")
        }
        if let object = value as? [String: Any] {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for name in schema["required"] as? [String] ?? [] where object[name] == nil {
                errors.append("\(path): missing '\(name)'")
            }
            for (key, member) in object.sorted(by: { $0.key < $1.key }) {
                if let property = properties[key] as? [String: Any] {
                    errors += check(member, against: property, at: "\(path).\(key)")
                } else if let additional = schema["additionalProperties"] as? [String: Any] {
                    errors += check(member, against: additional, at: "\(path).\(key)")
                } else if schema["additionalProperties"] as? Bool == false {
                    errors.append("\(path): undocumented key '\(key)'")
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (index, item) in array.enumerated() { errors += check(item, against: items, at: "\(path)[\(index)]") }
        }
        return errors
    }

    private static func matches(_ value: Any, type: String) -> Bool {
        let number = value as? NSNumber
        // JSONSerialization gives true/false as a boolean subclass of NSNumber (__NSCFBoolean).
        let isBool = number != nil && String(describing: Swift.type(of: value)).contains("Boolean")
        switch type {
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "string": return value is String
        case "null": return value is NSNull
        case "boolean": return isBool
        case "number": return number != nil && !isBool
        case "integer": return number.map { !isBool && $0.doubleValue == $0.doubleValue.rounded() } ?? false
        default: return false
        }
    }
}
