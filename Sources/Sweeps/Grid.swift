import Foundation
import Scenarios
import Simulator
import Yams

/// The configurations of a sweep, read from a grid YAML file:
///
///     option: scale-to-zero          # optional; --option overrides; default first autoscaled
///     parameters:                    # cartesian product of every axis
///       keda.pollingInterval: [5s, 10s, 30s]
///       keda.cooldownPeriod: {from: 30s, to: 300s, step: 30s}
///       gpu: [T4, L4]
///
/// or an explicit list (`configurations:` — each entry a mapping of parameter → value).
/// Every mistake is a ``ScenarioFileError`` naming file, line and field.
public struct Grid: Sendable, Hashable {
    /// Name of the option the grid varies, if the file names one.
    public var option: String?
    /// Every configuration, in grid order (the first axis varies slowest).
    public var configurations: [[ParameterSetting]]

    public init(option: String? = nil, configurations: [[ParameterSetting]]) {
        self.option = option
        self.configurations = configurations
    }

    /// Loads a grid file.
    public static func load(path: String) throws(ScenarioFileError) -> Grid {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ScenarioFileError(file: path, message: FileManager.default.fileExists(atPath: path) ? "cannot read file" : "file not found")
        }
        return try parse(yaml: text, file: path)
    }

    /// Parses grid YAML; `file` is used in messages.
    public static func parse(yaml: String, file: String) throws(ScenarioFileError) -> Grid {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw ScenarioFileError(file: file, message: "not valid YAML: \(error)")
        }
        guard let root else { throw ScenarioFileError(file: file, message: "grid file is empty") }
        let top = try GridNode(node: root, file: file, path: "").mapping()
        let option = try top.optional("option")?.string()
        let (key, body) = try top.exactlyOne(of: ["parameters", "configurations"])
        try top.finish()
        var configurations: [[ParameterSetting]]
        if key == "parameters" {
            let axesMap = try body.mapping()
            guard !axesMap.entries.isEmpty else { throw body.error("the grid has no parameters (an empty grid)") }
            var axes: [[ParameterSetting]] = []
            for (name, node) in axesMap.entries {
                let parameter = try Self.parameter(named: name, at: node)
                let values = try Self.values(of: parameter, node)
                axes.append(values.map { ParameterSetting(parameter, $0) })
            }
            configurations = [[]]
            for axis in axes {
                configurations = configurations.flatMap { prefix in axis.map { prefix + [$0] } }
            }
        } else {
            let list = try body.sequence()
            guard !list.isEmpty else { throw body.error("the list of configurations is empty (an empty grid)") }
            configurations = []
            for entry in list {
                let map = try entry.mapping()
                guard !map.entries.isEmpty else { throw entry.error("a configuration needs at least one parameter") }
                var settings: [ParameterSetting] = []
                for (name, node) in map.entries {
                    let parameter = try Self.parameter(named: name, at: node)
                    settings.append(ParameterSetting(parameter, try Self.value(of: parameter, node)))
                }
                configurations.append(settings)
            }
        }
        let limit = 1_000_000
        guard configurations.count <= limit else {
            throw ScenarioFileError(file: file, message: "the grid has \(configurations.count) configurations; the limit is \(limit)")
        }
        return Grid(option: option, configurations: configurations)
    }

    static func parameter(named name: String, at node: GridNode) throws(ScenarioFileError) -> SweepParameter {
        guard let parameter = SweepParameter(rawValue: name) else {
            throw node.error("unknown parameter '\(name)' (known: \(SweepParameter.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return parameter
    }

    /// A list, a range mapping, or one value.
    static func values(of parameter: SweepParameter, _ node: GridNode) throws(ScenarioFileError) -> [ParameterValue] {
        if node.isSequence {
            let items = try node.sequence()
            guard !items.isEmpty else { throw node.error("empty list of values") }
            var values: [ParameterValue] = []
            for item in items { values.append(try value(of: parameter, item)) }
            return values
        }
        if node.isMapping {
            guard parameter.isNumeric else { throw node.error("\(parameter.rawValue) takes a list of values, not a range") }
            let map = try node.mapping()
            let from = try number(of: parameter, try map.required("from"))
            let to = try number(of: parameter, try map.required("to"))
            let stepNode = try map.required("step")
            let step: Double
            if case .seconds = parameter.valueKind {
                let text = try stepNode.string()
                if let parsed = Double(text), parsed <= 0 { throw stepNode.error("step must be > 0, got \(text)") }
                if text.hasPrefix("-") { throw stepNode.error("step must be > 0, got \(text)") }
                step = try stepNode.seconds()
            } else {
                step = try stepNode.double()
            }
            guard step > 0 else { throw stepNode.error("step must be > 0, got \(ParameterValue.format(step))") }
            try map.finish()
            guard to >= from else { throw node.error("range is empty: to (\(ParameterValue.format(to))) is below from (\(ParameterValue.format(from)))") }
            let count = Int(((to - from) / step + 1e-9).rounded(.down)) + 1
            guard count <= 100_000 else { throw node.error("range has \(count) values; the limit is 100000") }
            var values: [ParameterValue] = []
            for k in 0..<count {
                let raw = from + Double(k) * step
                let value = (raw * 1e9).rounded() / 1e9      // 0.1 + 2 × 0.1 reads 0.3
                values.append(try checked(parameter, value, node))
            }
            return values
        }
        return [try value(of: parameter, node)]
    }

    static func number(of parameter: SweepParameter, _ node: GridNode) throws(ScenarioFileError) -> Double {
        if case .seconds = parameter.valueKind { return try node.seconds() }
        return try node.double()
    }

    static func checked(_ parameter: SweepParameter, _ value: Double, _ node: GridNode) throws(ScenarioFileError) -> ParameterValue {
        switch parameter.valueKind {
        case .count:
            guard value == value.rounded() else { throw node.error("\(parameter.rawValue) must be a whole number, got \(ParameterValue.format(value))") }
            let minimum = parameter == .kedaMinReplicaCount ? 0 : 1
            guard value >= Double(minimum) else { throw node.error("\(parameter.rawValue) must be >= \(minimum), got \(ParameterValue.format(value))") }
        case .number:
            guard value > 0 || (parameter == .inferenceSecondsPerWorkUnit && value >= 0) else {
                throw node.error("\(parameter.rawValue) must be > 0, got \(ParameterValue.format(value))")
            }
        case .seconds:
            if parameter == .kedaPollingInterval, value < 1 { throw node.error("keda.pollingInterval must be >= 1 s (KEDA's minimum)") }
        default: break
        }
        return .number(value)
    }

    static func value(of parameter: SweepParameter, _ node: GridNode) throws(ScenarioFileError) -> ParameterValue {
        guard !node.isSequence, !node.isMapping else { throw node.error("expected one value of \(parameter.rawValue)") }
        switch parameter.valueKind {
        case .seconds, .count, .number:
            return try checked(parameter, try number(of: parameter, node), node)
        case .choice(let choices):
            let text = try node.string()
            guard let match = choices.first(where: { $0.lowercased() == text.lowercased() }) else {
                throw node.error("'\(text)' is not one of: \(choices.joined(separator: ", "))")
            }
            return .text(match)
        case .bool:
            return .text(try node.bool() ? "true" : "false")
        case .text:
            let text = try node.string().trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { throw node.error("empty value") }
            if parameter == .providerRegion {
                let provider = String(text.split(separator: "/").first ?? "")
                guard GPUCatalog.systemMachines[provider] != nil else {
                    throw node.error("provider/region '\(text)': provider must be gcp, aws or azure (e.g. aws/us-east-1)")
                }
            }
            return .text(text)
        }
    }
}

/// A YAML node with its file, line and field path (the grid reader's own small copy of the
/// scenario reader's helper, which is internal to `Scenarios`).
struct GridNode {
    let node: Node
    let file: String
    let path: String

    var line: Int? {
        switch node {
        case .scalar(let scalar): scalar.mark?.line
        case .mapping(let mapping): mapping.mark?.line
        case .sequence(let sequence): sequence.mark?.line
        case .alias: nil
        }
    }

    func error(_ message: String) -> ScenarioFileError {
        ScenarioFileError(file: file, line: line, field: path, message: message)
    }

    var isMapping: Bool { if case .mapping = node { true } else { false } }
    var isSequence: Bool { if case .sequence = node { true } else { false } }

    func mapping() throws(ScenarioFileError) -> GridMapping {
        guard case .mapping(let mapping) = node else { throw error("expected a mapping (key: value pairs)") }
        var entries: [(String, GridNode)] = []
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else { throw error("mapping keys must be plain names") }
            let childPath = path.isEmpty ? scalar.string : "\(path).\(scalar.string)"
            entries.append((scalar.string, GridNode(node: value, file: file, path: childPath)))
        }
        return GridMapping(entries: entries, owner: self)
    }

    func sequence() throws(ScenarioFileError) -> [GridNode] {
        guard case .sequence(let sequence) = node else { throw error("expected a list") }
        return sequence.enumerated().map { GridNode(node: $1, file: file, path: "\(path)[\($0)]") }
    }

    func string() throws(ScenarioFileError) -> String {
        guard case .scalar(let scalar) = node else { throw error("expected a single value") }
        return scalar.string
    }

    func double() throws(ScenarioFileError) -> Double {
        let text = try string()
        guard let value = Double(text.filter { $0 != "_" }), value.isFinite else { throw error("'\(text)' is not a number") }
        return value
    }

    func bool() throws(ScenarioFileError) -> Bool {
        switch try string().lowercased() {
        case "true", "yes", "on", "spot": return true
        case "false", "no", "off", "on-demand": return false
        case let other: throw error("'\(other)' is not true or false")
        }
    }

    /// Seconds, or a number with ms, s, m, h or d.
    func seconds() throws(ScenarioFileError) -> Double {
        let text = try string().trimmingCharacters(in: .whitespaces)
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600), ("d", 86_400)]
        for (suffix, scale) in units where text.hasSuffix(suffix) {
            if let value = Double(text.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)), value.isFinite, value >= 0 {
                return value * scale
            }
        }
        if let value = Double(text), value.isFinite, value >= 0 { return value }
        throw error("'\(text)' is not a duration >= 0 (use seconds, or a number with ms, s, m, h or d, e.g. 90s, 10m)")
    }
}

/// The keys of a grid mapping; ``finish()`` rejects keys nobody read.
final class GridMapping {
    let entries: [(key: String, node: GridNode)]
    let owner: GridNode
    private var asked = Set<String>()

    init(entries: [(String, GridNode)], owner: GridNode) {
        self.entries = entries.map { (key: $0.0, node: $0.1) }
        self.owner = owner
    }

    func optional(_ key: String) -> GridNode? {
        asked.insert(key)
        return entries.first { $0.key == key }?.node
    }

    func required(_ key: String) throws(ScenarioFileError) -> GridNode {
        guard let node = optional(key) else {
            let field = owner.path.isEmpty ? key : "\(owner.path).\(key)"
            throw ScenarioFileError(file: owner.file, line: owner.line, field: field, message: "required field is missing")
        }
        return node
    }

    func exactlyOne(of choices: [String]) throws(ScenarioFileError) -> (String, GridNode) {
        asked.formUnion(choices)
        let present = choices.filter { key in entries.contains { $0.key == key } }
        guard present.count == 1, let node = optional(present[0]) else {
            throw owner.error(present.isEmpty ? "needs one of: \(choices.joined(separator: ", "))" : "give only one of: \(present.joined(separator: ", "))")
        }
        return (present[0], node)
    }

    func finish() throws(ScenarioFileError) {
        for entry in entries where !asked.contains(entry.key) {
            throw entry.node.error("unknown key '\(entry.key)' (known here: \(asked.sorted().joined(separator: ", ")))")
        }
    }
}
