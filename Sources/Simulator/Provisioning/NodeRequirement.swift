/// One entry of a NodePool's `spec.template.spec.requirements`: a node-label selector
/// (kubernetes-sigs/karpenter v1.14.1 `pkg/apis/v1/nodepool.go`, CRD
/// `pkg/apis/crds/karpenter.sh_nodepools.yaml`). Karpenter launches only instance types whose
/// labels satisfy every requirement; costsim matches them against the price catalog.
public struct NodeRequirement: Sendable, Hashable {
    /// The CRD's operators. `Gt`, `Lt`, `Gte` and `Lte` compare one whole-number value.
    public enum Operator: String, Sendable, Hashable, CaseIterable {
        case `in` = "In", notIn = "NotIn", exists = "Exists", doesNotExist = "DoesNotExist"
        case gt = "Gt", lt = "Lt", gte = "Gte", lte = "Lte"
    }

    /// Label key, e.g. `karpenter.k8s.aws/instance-family`.
    public var key: String
    public var `operator`: Operator
    /// Values for `In`/`NotIn` (at least one for `In`), one whole number ≥ 0 for the comparisons,
    /// none for `Exists`/`DoesNotExist`.
    public var values: [String]
    /// `minValues` (1 … 50, alpha): launch only if at least this many distinct values remain.
    public var minValues: Int?

    public init(key: String, operator: Operator, values: [String] = [], minValues: Int? = nil) {
        self.key = key
        self.operator = `operator`
        self.values = values
        self.minValues = minValues
    }

    /// Whether a node whose label `key` has `value` (`nil`: the label is absent) satisfies this
    /// requirement. Comparisons need a whole-number label value.
    public func admits(_ value: String?) -> Bool {
        switch self.operator {
        case .in: return value.map(values.contains) ?? false
        case .notIn: return value.map { !values.contains($0) } ?? true
        case .exists: return value != nil
        case .doesNotExist: return value == nil
        case .gt, .lt, .gte, .lte:
            guard let value, let label = Int(value), let bound = values.first.flatMap({ Int($0) }) else { return false }
            switch self.operator {
            case .gt: return label > bound
            case .lt: return label < bound
            case .gte: return label >= bound
            default: return label <= bound
            }
        }
    }

    /// Why the requirement breaks the CRD's rules, or nil (`x-kubernetes-validations` of
    /// `requirements`: `In` needs a value, comparisons exactly one whole number ≥ 0, `minValues`
    /// at most the number of `In` values).
    public var problem: String? {
        switch self.operator {
        case .in where values.isEmpty: return "operator In needs at least one value"
        case .exists where !values.isEmpty, .doesNotExist where !values.isEmpty:
            return "operator \(self.operator.rawValue) takes no values"
        case .gt, .lt, .gte, .lte:
            guard values.count == 1, let bound = Int(values[0]), bound >= 0 else {
                return "operator \(self.operator.rawValue) needs exactly one whole number >= 0"
            }
        default: break
        }
        if let minValues {
            guard (1...50).contains(minValues) else { return "minValues must be within 1 … 50, got \(minValues)" }
            if self.operator == .in, values.count < minValues {
                return "minValues \(minValues) needs at least that many values (has \(values.count))"
            }
        }
        return nil
    }
}
