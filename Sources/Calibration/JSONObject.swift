import Foundation

/// One JSON object of an export, with its path from the document root (`items[3].status`) so that
/// every error names the field at fault.
struct JSONObject {
    let fields: [String: Any]
    let path: String
    let file: String
    let times: RFC3339

    func field(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

    /// The nested object `key`; `nil` when absent or null.
    func object(_ key: String) throws(CalibrationError) -> JSONObject? {
        guard let value = fields[key], !(value is NSNull) else { return nil }
        guard let object = value as? [String: Any] else { throw error(key, "is not an object") }
        return JSONObject(fields: object, path: field(key), file: file, times: times)
    }

    /// The objects of the array `key`; empty when absent or null.
    func objects(_ key: String) throws(CalibrationError) -> [JSONObject] {
        guard let value = fields[key], !(value is NSNull) else { return [] }
        guard let array = value as? [Any] else { throw error(key, "is not an array") }
        var result: [JSONObject] = []
        for (index, element) in array.enumerated() {
            guard let object = element as? [String: Any] else { throw error("\(key)[\(index)]", "is not an object") }
            result.append(JSONObject(fields: object, path: field("\(key)[\(index)]"), file: file, times: times))
        }
        return result
    }

    /// The string `key`; `nil` when absent or null.
    func string(_ key: String) throws(CalibrationError) -> String? {
        guard let value = fields[key], !(value is NSNull) else { return nil }
        guard let text = value as? String else { throw error(key, "is not a string") }
        return text
    }

    /// The time `key` (RFC 3339, with or without a fraction) in Unix seconds; `nil` when absent or null.
    func time(_ key: String) throws(CalibrationError) -> Double? {
        guard let text = try string(key) else { return nil }
        guard let seconds = times.seconds(text) else { throw error(key, "\"\(text)\" is not an RFC 3339 time") }
        return seconds
    }

    /// The whole number `key`, within `range`; `nil` when absent or null.
    func integer(_ key: String, in range: ClosedRange<Int>) throws(CalibrationError) -> Int? {
        guard let value = fields[key], !(value is NSNull) else { return nil }
        guard let number = value as? NSNumber, let integer = Int(exactly: number.doubleValue), range.contains(integer)
        else { throw error(key, "is not a whole number within \(range.lowerBound)...\(range.upperBound)") }
        return integer
    }

    /// The `lastTransitionTime` of the condition `type` in `conditions` when its status is "True".
    func trueConditionTime(_ type: String) throws(CalibrationError) -> Double? {
        for condition in try objects("conditions") where try condition.string("type") == type {
            guard try condition.string("status") == "True" else { return nil }
            return try condition.time("lastTransitionTime")
        }
        return nil
    }

    func error(_ key: String, _ message: String) -> CalibrationError {
        CalibrationError(file: file, field: field(key), message)
    }
}
