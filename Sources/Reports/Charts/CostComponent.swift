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

        /// Colour of the slice. Consecutive kinds differ by at least ΔE*ab 20 for normal,
        /// deuteranopic and protanopic vision and by 15 in lightness (a greyscale print); kinds
        /// that are closer than that differ in ``isHatched``.
        public var color: Color {
            switch self {
            case .systemNodes: Palette.paleNeutral
            case .clusterFee: Palette.neutral
            case .gpuServing: Palette.blue
            case .gpuIdle: Palette.paleCyan
            case .gpuColdStart: Palette.vermillion
            case .gpuCooldownTail: Palette.yellow
            case .gpuScaleDownTail: Palette.wine
            case .other: Palette.sand
            }
        }

        /// Hatched slices: money for a GPU that is up but serves nothing (idle, and the tails
        /// before the autoscalers scale in and remove the node).
        public var isHatched: Bool {
            switch self {
            case .gpuIdle, .gpuCooldownTail, .gpuScaleDownTail: true
            default: false
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
