import Scenarios
import Simulator

/// How a Karpenter field's value travels as a sweep ``ParameterValue``: durations and counts as
/// numbers (`Never` as the word), a policy or a flag as its word, a list of names joined by commas.
extension KarpenterField {
    /// `value` as a parameter value; `nil` for budgets, which a sweep does not vary.
    func parameterValue(_ value: Value) -> ParameterValue? {
        switch value {
        case .seconds(let seconds): seconds.map { .number($0) } ?? .text("Never")
        case .count(let count): .number(Double(count))
        case .flag(let on): .text(on ? "true" : "false")
        case .policy(let policy): .text(policy.rawValue)
        case .words(let names): .text(names.joined(separator: ","))
        case .budgets: nil
        }
    }

    /// The field's value a parameter value stands for (the inverse of ``parameterValue(_:)``).
    func value(from parameter: ParameterValue) throws(SweepError) -> Value {
        switch (self, parameter) {
        case (.batchIdleDuration, .number(let seconds)), (.batchMaxDuration, .number(let seconds)),
            (.consolidateAfter, .number(let seconds)), (.expireAfter, .number(let seconds)),
            (.terminationGracePeriod, .number(let seconds)):
            return .seconds(seconds)
        case (.consolidateAfter, .text("Never")), (.expireAfter, .text("Never")):
            return .seconds(nil)
        case (.limitsNodes, .number(let count)), (.limitsGPUs, .number(let count)):
            guard let whole = Int(exactly: count) else { break }
            return .count(whole)
        case (.interruptionQueue, .text(let text)) where text == "true" || text == "false":
            return .flag(text == "true")
        case (.consolidationPolicy, .text(let text)):
            guard let policy = KarpenterSettings.ConsolidationPolicy(rawValue: text) else { break }
            return .policy(policy)
        case (.capacityTypes, .text(let text)), (.instanceFamilies, .text(let text)), (.instanceTypes, .text(let text)):
            return .words(text.split(separator: ",", omittingEmptySubsequences: false).map(String.init))
        default: break
        }
        throw .invalidConfiguration("\(sweepName) \(parameter): not a value of \(rawValue) (\(range))")
    }
}
