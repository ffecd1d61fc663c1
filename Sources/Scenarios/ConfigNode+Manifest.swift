import Yams

/// Collects ``ManifestWarning``s while a manifest is read.
final class ManifestWarningLog {
    let file: String
    private var recorded: [ManifestWarning] = []

    /// The warnings in file order (by line; same line in the order they were found).
    var warnings: [ManifestWarning] {
        recorded.enumerated()
            .sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }
            .map(\.element)
    }

    init(file: String) { self.file = file }

    func warn(_ node: ConfigNode, _ message: String) {
        recorded.append(ManifestWarning(file: node.file, line: node.line, field: node.path, message: message))
    }

    func warn(line: Int?, field: String?, _ message: String) {
        recorded.append(ManifestWarning(file: file, line: line, field: field, message: message))
    }
}

/// A mapping in a Kubernetes manifest. Unlike ``ConfigMapping/finish()`` (scenario files, where
/// an unknown key is an error), ``finish(_:)`` turns every key that was neither read nor
/// declared ignorable into a warning naming the field and its line: real manifests carry many
/// fields that do not change scaling.
final class ManifestMapping {
    let node: ConfigNode
    private let mapping: ConfigMapping
    private var seen = Set<String>()

    init(_ node: ConfigNode) throws(ScenarioFileError) {
        self.node = node
        self.mapping = try node.mapping()
    }

    var path: String { node.path }
    var line: Int? { node.line }
    var keys: [String] { mapping.keys }

    func has(_ key: String) -> Bool { mapping.keys.contains(key) }

    func optional(_ key: String) -> ConfigNode? {
        seen.insert(key)
        return mapping.optional(key)
    }

    func required(_ key: String) throws(ScenarioFileError) -> ConfigNode {
        seen.insert(key)
        return try mapping.required(key)
    }

    /// Keys that are accepted silently because they do not change scaling.
    func ignore(_ keys: String...) { seen.formUnion(keys) }

    /// Every key not read and not ignored, with its node (nil for an explicit null).
    func unread() -> [(key: String, node: ConfigNode?)] {
        mapping.keys.filter { !seen.contains($0) }.map { key in (key, mapping.optional(key)) }
    }

    /// Warns about every key that was neither read nor ignored.
    func finish(_ log: ManifestWarningLog, _ explanation: String = "unknown field, ignored (costsim does not model it)")
    {
        for (key, child) in unread() {
            log.warn(line: child?.line ?? line, field: mapping.childPath(key), explanation)
        }
    }
}

extension ConfigNode {
    func manifestMapping() throws(ScenarioFileError) -> ManifestMapping { try ManifestMapping(self) }

    var isNullScalar: Bool {
        if case .scalar(let scalar) = node {
            return scalar.tag.description.hasSuffix("null") || scalar.string == "~" || scalar.string.isEmpty
        }
        return false
    }

    /// A whole number within `range`; errors name the field.
    func int(in range: ClosedRange<Int>) throws(ScenarioFileError) -> Int {
        let value = try int()
        guard range.contains(value) else {
            if range.upperBound == Int.max { throw error("must be >= \(range.lowerBound), got \(value)") }
            throw error("must be within \(range.lowerBound) … \(range.upperBound), got \(value)")
        }
        return value
    }

    /// A number within `range`; errors name the field.
    func double(in range: ClosedRange<Double>) throws(ScenarioFileError) -> Double {
        let value = try double()
        guard range.contains(value) else {
            if range.upperBound == .infinity {
                throw error("must be >= \(range.lowerBound.formattedForManifest), got \(value.formattedForManifest)")
            }
            throw error(
                "must be within \(range.lowerBound.formattedForManifest) … \(range.upperBound.formattedForManifest), "
                    + "got \(value.formattedForManifest)")
        }
        return value
    }

    /// A Go `time.ParseDuration` string as Knative annotations use it: `60s`, `1m30s`, `1.5h`,
    /// `500ms`, `0`. A bare number other than 0 is not a Go duration and is rejected, as Knative does.
    func goDuration() throws(ScenarioFileError) -> Double {
        let text = try string().trimmingSpaces()
        guard let seconds = Self.parseGoDuration(text) else {
            throw error("'\(text)' is not a duration (Go syntax, e.g. 60s, 1m30s, 2h)")
        }
        return seconds
    }

    package static func parseGoDuration(_ text: String) -> Double? {
        if text == "0" { return 0 }
        let units: [(String, Double)] = [
            ("ns", 1e-9), ("us", 1e-6), ("µs", 1e-6), ("μs", 1e-6), ("ms", 1e-3), ("s", 1), ("m", 60), ("h", 3600),
        ]
        var rest = Substring(text)
        guard !rest.isEmpty, !rest.hasPrefix("-") else { return nil }
        if rest.hasPrefix("+") { rest = rest.dropFirst() }
        var total = 0.0
        while !rest.isEmpty {
            let number = rest.prefix { $0.isNumber || $0 == "." }
            guard !number.isEmpty, let value = Double(number) else { return nil }
            rest = rest.dropFirst(number.count)
            guard let (suffix, scale) = units.first(where: { rest.hasPrefix($0.0) }) else { return nil }
            rest = rest.dropFirst(suffix.count)
            total += value * scale
        }
        return total
    }
}

extension Double {
    /// `10` for 10.0, `0.5` for 0.5: numbers in messages as a user would write them.
    var formattedForManifest: String {
        self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self)
    }
}
