import Scenarios
import Simulator

/// How a cluster-autoscaler field's value travels as a sweep ``ParameterValue``: a duration as
/// its number of seconds.
extension ClusterAutoscalerField {
    /// The field's value a parameter value stands for; the caller has held the number to ``rule``.
    func value(from parameter: ParameterValue) throws(SweepError) -> Value {
        switch (rule, parameter) {
        case (.duration?, .number(let seconds)): return .seconds(seconds)
        default:
            throw .invalidConfiguration("\(sweepName ?? rawValue) \(parameter): not a value of \(rawValue) (\(range))")
        }
    }
}
