/// One slice of a monthly bill, in US dollars (display only; exact money stays in CostModel).
public struct CostComponent: Sendable, Hashable {
    /// What the money paid for; decides the colour and the stacking order.
    public enum Kind: Int, Sendable, Hashable, CaseIterable {
        case systemNodes, clusterFee, gpuServing, gpuIdle, gpuColdStart, gpuCooldownTail, gpuScaleDownTail, other

        /// Default label.
        public var label: String {
            switch self {
            case .systemNodes: "System nodes (CPU pool)"
            case .clusterFee: "Cluster fee (after credit)"
            case .gpuServing: "GPU serving"
            case .gpuIdle: "GPU idle"
            case .gpuColdStart: "GPU cold start"
            case .gpuCooldownTail: "GPU cooldown tail"
            case .gpuScaleDownTail: "GPU scale-down tail"
            case .other: "Other"
            }
        }

        /// Okabe–Ito colour of the slice.
        public var color: Color {
            switch self {
            case .systemNodes: Palette.neutral
            case .clusterFee: Palette.reddishPurple
            case .gpuServing: Palette.blue
            case .gpuIdle: Palette.skyBlue
            case .gpuColdStart: Palette.vermillion
            case .gpuCooldownTail: Palette.orange
            case .gpuScaleDownTail: Palette.yellow
            case .other: Palette.bluishGreen
            }
        }
    }

    public var kind: Kind
    public var label: String
    /// Amount in dollars per month (negative amounts are drawn as zero).
    public var dollars: Double

    public init(kind: Kind, dollars: Double, label: String? = nil) {
        self.kind = kind
        self.label = label ?? kind.label
        self.dollars = dollars.isFinite ? dollars : 0
    }
}
