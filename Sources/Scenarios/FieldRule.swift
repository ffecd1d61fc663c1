import Simulator

/// How one numeric scenario field is read and bounded. The scenario reader reads the field with
/// ``ConfigNode/number(_:)`` or ``ConfigNode/count(_:)``; a sweep grid reads every value it sets
/// the same field to the same way, and checks the values of a range with ``problem(with:)``, so
/// a value a scenario file refuses a grid refuses too, before anything converts it.
package enum FieldRule: Sendable, Hashable {
    /// A duration in seconds, 0 … 100 years (``ConfigNode/seconds()``).
    case duration
    /// A duration in seconds, above 0 … 100 years (``ConfigNode/positiveSeconds()``).
    case positiveDuration
    /// A whole number within the range.
    case count(ClosedRange<Int>)
    /// A finite number above 0.
    case positive
    /// A finite number of 0 or more.
    case nonNegative
    /// A finite number within the range.
    case within(ClosedRange<Double>)

    /// `keda.minReplicaCount`.
    package static let kedaMinReplicaCount = FieldRule.count(0...SimulationLimits.maxReplicas)
    /// `keda.maxReplicaCount`.
    package static let kedaMaxReplicaCount = FieldRule.count(1...SimulationLimits.maxReplicas)
    /// `autoscaled.nodePool.max`.
    package static let nodePoolMax = FieldRule.count(1...SimulationLimits.maxNodes)
    /// `dedicated.nodes`.
    package static let dedicatedNodes = FieldRule.count(1...SimulationLimits.maxNodes)
    /// `keda.trigger.value`.
    package static let triggerValue = FieldRule.positive
    /// `inference.secondsPerWorkUnit`.
    package static let secondsPerWorkUnit = FieldRule.nonNegative
    /// `inference.gpuSpeed.GPU`: a speed-up over the reference GPU.
    package static let gpuSpeed = FieldRule.within(GPUSpeed.range)

    /// Why `value` breaks the rule (the reader's wording), or nil when it keeps it.
    package func problem(with value: Double) -> String? {
        switch self {
        case .duration:
            guard value.isFinite, value >= 0 else { return "'\(Self.format(value))' is not a duration" }
            return value <= SimulationLimits.maxDurationSeconds
                ? nil : "'\(Self.format(value))s' is more than 100 years"
        case .positiveDuration:
            if let problem = FieldRule.duration.problem(with: value) { return problem }
            return value > 0 ? nil : "must be longer than 0 s"
        case .count(let range):
            guard value.isFinite, value == value.rounded() else {
                return "'\(Self.format(value))' is not a whole number"
            }
            guard value >= Double(range.lowerBound), value <= Double(range.upperBound) else {
                return "must be within \(range.lowerBound) … \(range.upperBound), got \(Self.format(value))"
            }
            return nil
        case .positive:
            return value.isFinite && value > 0 ? nil : "must be > 0, got \(Self.format(value))"
        case .nonNegative:
            return value.isFinite && value >= 0 ? nil : "must be >= 0, got \(Self.format(value))"
        case .within(let range):
            guard value.isFinite, range.contains(value) else {
                return "must be within \(Self.format(range.lowerBound)) … \(Self.format(range.upperBound)), "
                    + "got \(Self.format(value))"
            }
            return nil
        }
    }

    /// Whether the rule reads a duration (a grid's range step is then a duration too).
    package var isDuration: Bool { self == .duration || self == .positiveDuration }

    /// `value` as a reader would have written it: whole numbers without a fraction.
    package static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var text = String(value)
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }
}

extension ConfigNode {
    /// The value of a field read by `rule`; errors name the field.
    package func number(_ rule: FieldRule) throws(ScenarioFileError) -> Double {
        switch rule {
        case .duration: return try seconds()
        case .positiveDuration: return try positiveSeconds()
        case .count(let range): return Double(try int(in: range))
        case .positive: return try positiveDouble()
        case .nonNegative: return try nonNegativeDouble()
        case .within:
            let value = try double()
            if let problem = rule.problem(with: value) { throw error(problem) }
            return value
        }
    }

    /// The whole-number value of a field read by `rule`.
    package func count(_ rule: FieldRule) throws(ScenarioFileError) -> Int {
        let value = try number(rule)
        guard let whole = Int(exactly: value) else { throw error("'\(FieldRule.format(value))' is not a whole number") }
        return whole
    }
}
