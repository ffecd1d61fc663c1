/// The clouds the catalog prices. Stored in the catalog as the raw value (`gcp`, `aws`,
/// `azure`, `modal`, `runpod`), the same spelling ``Simulator/NodeSpec/provider`` uses.
/// `modal` and `runpod` sell only managed serverless GPU platforms (``SKUKind/platform`` rows
/// in region `global`); they have no cluster fee.
public enum CloudProvider: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case gcp
    case aws
    case azure
    case modal
    case runpod

    public var description: String { rawValue }

    /// `gcp, aws, azure, modal, runpod`, for messages.
    public static var allNames: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
