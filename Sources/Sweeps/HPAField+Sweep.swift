import Scenarios
import Simulator

/// How an HPA field's value travels as a sweep ``ParameterValue``: a duration as its number of
/// seconds, the tolerance as its number.
extension HPAField {
    /// The kind of value the field's sweep parameter takes.
    var valueKind: SweepParameter.ValueKind { rule(.scenario)?.isDuration == true ? .seconds : .number }

    /// The field's value a parameter value stands for; the caller has held the number to ``rule(_:)``.
    func value(from parameter: ParameterValue) throws(SweepError) -> Value {
        switch (valueKind, parameter) {
        case (.seconds, .number(let seconds)): return .seconds(seconds)
        case (.number, .number(let number)): return .number(number)
        default:
            throw .invalidConfiguration("\(sweepName ?? rawValue) \(parameter): not a value of \(rawValue) (\(range))")
        }
    }
}
