import Scenarios
import Simulator

/// How a KEDA field's value travels as a sweep ``ParameterValue``: durations and counts as
/// numbers, the protocol as its word.
extension KEDAField {
    /// The kind of value the field's sweep parameter takes.
    var valueKind: SweepParameter.ValueKind {
        switch self {
        case .pollingInterval, .cooldownPeriod, .initialCooldownPeriod: .seconds
        case .minReplicaCount, .maxReplicaCount, .idleReplicaCount: .count
        case .value, .activationValue: .number
        case .queueProtocol: .choice(RabbitMQTrigger.QueueProtocol.allCases.map(\.rawValue))
        }
    }

    /// The field's value a parameter value stands for; the caller has held a number to ``rule(_:)``.
    func value(from parameter: ParameterValue) throws(SweepError) -> Value {
        switch (valueKind, parameter) {
        case (.seconds, .number(let seconds)): return .seconds(seconds)
        case (.count, .number(let count)):
            guard let whole = Int(exactly: count) else { break }
            return .count(whole)
        case (.number, .number(let number)): return .number(number)
        case (.choice, .text(let text)):
            guard let queueProtocol = RabbitMQTrigger.QueueProtocol(rawValue: text) else { break }
            return .queueProtocol(queueProtocol)
        default: break
        }
        throw .invalidConfiguration("\(sweepName) \(parameter): not a value of \(rawValue) (\(range))")
    }
}
