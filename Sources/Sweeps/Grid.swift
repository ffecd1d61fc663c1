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

    /// At most this many configurations: a hundred times the issue's 1,000-configuration grid,
    /// checked before the cartesian product is built (a million configurations took 5 GB).
    public static let maxConfigurations = 100_000

    public init(option: String? = nil, configurations: [[ParameterSetting]]) {
        self.option = option
        self.configurations = configurations
    }

    /// Loads a grid file.
    public static func load(path: String) throws(ScenarioFileError) -> Grid {
        let text = try InputFile.text(atPath: path)
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
        let top = try ConfigNode(node: root, file: file, path: "").mapping()
        let option = try top.optional("option")?.string()
        let (key, body) = try top.exactlyOne(of: ["parameters", "configurations"])
        try top.finish()
        var configurations: [[ParameterSetting]]
        if key == "parameters" {
            let axesMap = try body.mapping()
            guard !axesMap.children.isEmpty else { throw body.error("the grid has no parameters (an empty grid)") }
            var axes: [[ParameterSetting]] = []
            for (name, node) in axesMap.children {
                let parameter = try Self.parameter(named: name, at: node)
                let values = try Self.values(of: parameter, node)
                axes.append(values.map { ParameterSetting(parameter, $0) })
            }
            let product = axes.reduce(1.0) { $0 * Double($1.count) }
            guard product <= Double(Self.maxConfigurations) else {
                throw body.error(
                    "the grid has \(product < 1e18 ? String(Int(product)) : "more than 10¹⁸") configurations (the "
                        + "product of its axes); the limit is \(Self.maxConfigurations)")
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
                guard !map.children.isEmpty else { throw entry.error("a configuration needs at least one parameter") }
                var settings: [ParameterSetting] = []
                for (name, node) in map.children {
                    let parameter = try Self.parameter(named: name, at: node)
                    settings.append(ParameterSetting(parameter, try Self.value(of: parameter, node)))
                }
                configurations.append(settings)
            }
        }
        guard configurations.count <= Self.maxConfigurations else {
            throw body.error(
                "the grid has \(configurations.count) configurations; the limit is \(Self.maxConfigurations)")
        }
        return Grid(option: option, configurations: configurations)
    }

    static func parameter(named name: String, at node: ConfigNode) throws(ScenarioFileError) -> SweepParameter {
        guard let parameter = SweepParameter(rawValue: name) else {
            throw node.error(
                "unknown parameter '\(name)' (known: "
                    + "\(SweepParameter.names.joined(separator: ", ")))")
        }
        return parameter
    }

    /// A list, a range mapping, or one value.
    static func values(of parameter: SweepParameter, _ node: ConfigNode) throws(ScenarioFileError) -> [ParameterValue] {
        if node.isSequence {
            let items = try node.sequence()
            guard !items.isEmpty else { throw node.error("empty list of values") }
            var values: [ParameterValue] = []
            for item in items { values.append(try value(of: parameter, item)) }
            return values
        }
        if node.isMapping {
            guard let rule = parameter.rule else {
                throw node.error("\(parameter.rawValue) takes a list of values, not a range")
            }
            let map = try node.mapping()
            let from = try map.required("from").number(rule)
            let to = try map.required("to").number(rule)
            let stepNode = try map.required("step")
            let step = rule.isDuration ? try stepNode.positiveSeconds() : try stepNode.positiveDouble()
            try map.finish()
            guard to >= from else {
                throw node.error(
                    "range is empty: to (\(ParameterValue.format(to))) is below from (\(ParameterValue.format(from)))")
            }
            // Bounded before it becomes an integer: a tiny step makes the quotient huge or infinite.
            let steps = ((to - from) / step + 1e-9).rounded(.down)
            guard steps < Double(Self.maxConfigurations) else {
                throw stepNode.error(
                    "the range has more than \(Self.maxConfigurations) values (the limit); use a larger step")
            }
            var values: [ParameterValue] = []
            for k in 0...Int(steps) {
                let raw = from + Double(k) * step
                let value = abs(raw) < 1e9 ? (raw * 1e9).rounded() / 1e9 : raw      // 0.1 + 2 × 0.1 reads 0.3
                if let problem = rule.problem(with: value) {
                    throw node.error("\(parameter.rawValue) value \(ParameterValue.format(value)): \(problem)")
                }
                try checkKEDAMinimum(parameter, value, node)
                if let field = parameter.karpenterField, let setting = try? field.value(from: .number(value)),
                    let problem = field.problem(with: setting)
                {
                    throw node.error("\(parameter.rawValue) value \(ParameterValue.format(value)): \(problem)")
                }
                values.append(.number(value))
            }
            return values
        }
        return [try value(of: parameter, node)]
    }

    /// Grids hold the polling interval to KEDA's minimum of 1 s, as the manifest loader does
    /// (scenario files accept shorter intervals for limit studies).
    static func checkKEDAMinimum(
        _ parameter: SweepParameter, _ value: Double, _ node: ConfigNode
    ) throws(ScenarioFileError) {
        if parameter == .kedaPollingInterval, value < 1 {
            throw node.error("keda.pollingInterval must be >= 1 s (KEDA's minimum)")
        }
    }

    static func value(of parameter: SweepParameter, _ node: ConfigNode) throws(ScenarioFileError) -> ParameterValue {
        if let field = parameter.karpenterField {
            // One value of the field as a scenario writes it (a list field's value may be a list).
            guard !node.isMapping, let value = field.parameterValue(try field.parse(node)) else {
                throw node.error("expected one value of \(parameter.rawValue)")
            }
            return value
        }
        guard !node.isSequence, !node.isMapping else { throw node.error("expected one value of \(parameter.rawValue)") }
        switch parameter.valueKind {
        case .seconds, .count, .number:
            guard let rule = parameter.rule else { throw node.error("\(parameter.rawValue) takes no number") }
            let number = try node.number(rule)
            try checkKEDAMinimum(parameter, number, node)
            return .number(number)
        case .choice(let choices):
            let text = try node.string()
            guard let match = choices.first(where: { $0.lowercased() == text.lowercased() }) else {
                throw node.error("'\(text)' is not one of: \(choices.joined(separator: ", "))")
            }
            return .text(match)
        case .bool:
            return .text(try Self.capacity(node) ? "true" : "false")
        case .text:
            let text = try node.string().trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { throw node.error("empty value") }
            if parameter == .providerRegion {
                let provider = String(text.split(separator: "/").first ?? "")
                guard GPUCatalog.systemMachines[provider] != nil else {
                    throw node.error(
                        "provider/region '\(text)': provider must be gcp, aws or azure (e.g. aws/us-east-1)")
                }
            }
            return .text(text)
        }
    }
}

extension Grid {
    /// `node.spot`: true/false, or `spot` / `on-demand`.
    static func capacity(_ node: ConfigNode) throws(ScenarioFileError) -> Bool {
        switch try node.string().lowercased() {
        case "spot": true
        case "on-demand": false
        default: try node.bool()
        }
    }
}
