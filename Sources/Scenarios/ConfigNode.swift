import Simulator
import Yams

/// A YAML node being read into a model value, remembering where it is (file, line and field
/// path) so every error can say so.
///
/// Mappings are read through ``ConfigMapping``, which rejects keys nobody asked for: a typo in
/// a scenario is an error, never a silently ignored setting.
package struct ConfigNode {
    package let node: Node
    package let file: String
    package let path: String

    package init(node: Node, file: String, path: String) {
        self.node = node
        self.file = file
        self.path = path
    }

    package var line: Int? {
        switch node {
        case .scalar(let scalar): scalar.mark?.line
        case .mapping(let mapping): mapping.mark?.line
        case .sequence(let sequence): sequence.mark?.line
        case .alias: nil
        }
    }

    package func error(_ message: String) -> ScenarioFileError {
        ScenarioFileError(file: file, line: line, field: path, message: message)
    }

    package func mapping() throws(ScenarioFileError) -> ConfigMapping {
        guard case .mapping(let mapping) = node else { throw error("expected a mapping (key: value pairs)") }
        return try ConfigMapping(mapping, file: file, path: path, line: line)
    }

    package func sequence() throws(ScenarioFileError) -> [ConfigNode] {
        guard case .sequence(let sequence) = node else { throw error("expected a list") }
        return sequence.enumerated().map { ConfigNode(node: $1, file: file, path: "\(path)[\($0)]") }
    }

    package var isMapping: Bool { if case .mapping = node { true } else { false } }
    package var isSequence: Bool { if case .sequence = node { true } else { false } }

    package func string() throws(ScenarioFileError) -> String {
        guard case .scalar(let scalar) = node else { throw error("expected a single value") }
        return scalar.string
    }

    package func double() throws(ScenarioFileError) -> Double {
        let text = try string()
        guard let value = DecimalNumber.parse(text) else { throw error("'\(text)' is not a number") }
        return value
    }

    package func nonNegativeDouble() throws(ScenarioFileError) -> Double {
        let value = try double()
        guard value >= 0 else { throw error("must be >= 0, got \(value)") }
        return value
    }

    package func positiveDouble() throws(ScenarioFileError) -> Double {
        let value = try double()
        guard value > 0 else { throw error("must be > 0, got \(value)") }
        return value
    }

    package func int() throws(ScenarioFileError) -> Int {
        let text = try string()
        guard let value = Int(text.replacingUnderscores()) else { throw error("'\(text)' is not a whole number") }
        return value
    }

    package func int(atLeast minimum: Int) throws(ScenarioFileError) -> Int {
        let value = try int()
        guard value >= minimum else { throw error("must be >= \(minimum), got \(value)") }
        return value
    }

    package func bool() throws(ScenarioFileError) -> Bool {
        switch try string().lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        case let other: throw error("'\(other)' is not true or false")
        }
    }

    /// A duration: a number of seconds, or a number with a unit `ms`, `s`, `m`, `h`, `d`
    /// (`90s`, `10m`, `1.5h`, `30d`), at most 100 years.
    package func seconds() throws(ScenarioFileError) -> Double {
        let text = try string().trimmingSpaces()
        guard let seconds = DecimalNumber.seconds(text), seconds >= 0 else {
            throw error(
                "'\(text)' is not a duration (use seconds, or a number with ms, s, m, h or d, e.g. 90s, 10m, 30d)")
        }
        guard seconds <= SimulationLimits.maxDurationSeconds else { throw error("'\(text)' is more than 100 years") }
        return seconds
    }

    package func positiveSeconds() throws(ScenarioFileError) -> Double {
        let value = try seconds()
        guard value > 0 else { throw error("must be longer than 0 s") }
        return value
    }

    package func oneOf<T>(_ choices: [String: T]) throws(ScenarioFileError) -> T {
        let text = try string()
        guard let value = choices[text] else {
            throw error("'\(text)' is not one of: \(choices.keys.sorted().joined(separator: ", "))")
        }
        return value
    }
}

/// The keys of one YAML mapping, read one by one; ``finish()`` rejects the keys nobody read.
package final class ConfigMapping {
    let file: String
    let path: String
    let line: Int?
    private var entries: [(key: String, node: Node)] = []
    /// Every key asked for, present or not: the keys this mapping understands.
    private var asked = Set<String>()

    init(_ mapping: Node.Mapping, file: String, path: String, line: Int?) throws(ScenarioFileError) {
        self.file = file
        self.path = path
        self.line = line
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                throw ScenarioFileError(
                    file: file, line: line, field: path, message: "mapping keys must be plain names")
            }
            entries.append((scalar.string, value))
        }
    }

    package var keys: [String] { entries.map(\.key) }

    /// Every key with its node, in file order (for mappings whose keys are data, such as a grid's
    /// parameter names); reading them this way marks them all as understood.
    package var children: [(key: String, node: ConfigNode)] {
        asked.formUnion(entries.map(\.key))
        return entries.map { ($0.key, ConfigNode(node: $0.node, file: file, path: childPath($0.key))) }
    }

    package func childPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    package func optional(_ key: String) -> ConfigNode? {
        asked.insert(key)
        guard let entry = entries.first(where: { $0.key == key }) else { return nil }
        if case .scalar(let scalar) = entry.node, scalar.tag.description.hasSuffix("null") || scalar.string == "~" {
            return nil
        }
        return ConfigNode(node: entry.node, file: file, path: childPath(key))
    }

    package func required(_ key: String) throws(ScenarioFileError) -> ConfigNode {
        guard let node = optional(key) else {
            throw ScenarioFileError(file: file, line: line, field: childPath(key), message: "required field is missing")
        }
        return node
    }

    /// Exactly one of `keys` must be present; returns which and its node.
    package func exactlyOne(of choices: [String]) throws(ScenarioFileError) -> (String, ConfigNode) {
        asked.formUnion(choices)
        let present = choices.filter { key in entries.contains { $0.key == key } }
        guard present.count == 1, let node = optional(present[0]) else {
            throw ScenarioFileError(
                file: file, line: line, field: path,
                message: present.isEmpty ? "needs one of: \(choices.joined(separator: ", "))"
                    : "give only one of: \(present.joined(separator: ", "))")
        }
        return (present[0], node)
    }

    /// Fails on the first key that was not read.
    package func finish() throws(ScenarioFileError) {
        for entry in entries where !asked.contains(entry.key) {
            let node = ConfigNode(node: entry.node, file: file, path: childPath(entry.key))
            throw ScenarioFileError(
                file: file, line: node.line ?? line, field: node.path,
                message: "unknown key '\(entry.key)' (known here: \(asked.sorted().joined(separator: ", ")))")
        }
    }
}

extension String {
    func trimmingSpaces() -> String {
        var text = Substring(self)
        while text.first == " " || text.first == "\t" { text.removeFirst() }
        while text.last == " " || text.last == "\t" { text.removeLast() }
        return String(text)
    }

    func replacingUnderscores() -> String { filter { $0 != "_" } }
}
