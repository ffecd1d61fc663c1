/// The clouds the catalog prices. Stored in the catalog as the raw value (`gcp`, `aws`,
/// `azure`), the same spelling ``Simulator/NodeSpec/provider`` uses.
public enum CloudProvider: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case gcp
    case aws
    case azure
    /// Modal (serverless GPU containers; one `global` region).
    case modal
    /// RunPod Serverless (one `global` region).
    case runpod

    public var description: String { rawValue }

    /// `gcp, aws, azure`, for error messages.
    static var allNames: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
