/// How fast one option's GPU serves the inference model, relative to the GPU the scenario's
/// service times were measured on (``GPUSpeedTable/referenceGPU``): service times on this GPU are
/// the reference's divided by ``factor`` (2 halves them). The simulator reads only ``factor``;
/// the GPU's name and where the factor came from are for warnings and the report.
public struct GPUSpeed: Sendable, Hashable {
    /// The speed-up over the reference GPU; 1 leaves every service time exactly as modelled.
    public var factor: Double
    /// The option's GPU as the price catalog names it (`T4`, `L4`, `A100-40GB`), if known.
    public var gpu: String?
    /// Where ``factor`` came from.
    public var source: Source

    public enum Source: Sendable, Hashable {
        /// The option runs on the reference GPU: factor 1 by definition.
        case reference
        /// The scenario's `inference.gpuSpeed`.
        case scenario
        /// costsim's published speed for the scenario's `inference.model`; the text cites it.
        case published(String)
        /// No speed is known for the option's GPU: the reference GPU's service times are used as they are.
        case assumedEqual
    }

    public init(factor: Double = 1, gpu: String? = nil, source: Source = .reference) {
        self.factor = factor
        self.gpu = gpu
        self.source = source
    }

    /// The reference GPU's own speed: service times as modelled.
    public static let reference = GPUSpeed()

    /// `seconds` on this GPU; unchanged (bit for bit) when the factor is 1.
    @inlinable
    public func serviceSeconds(_ seconds: Double) -> Double {
        factor == 1 ? seconds : seconds / factor
    }

    /// The range a speed-up must lie in: a GPU 20 times slower or 100 times faster than the
    /// reference is almost certainly a typo, not a comparison of the catalog's GPUs.
    public static let range: ClosedRange<Double> = 0.05...100

    public func validate() throws(ParameterError) {
        guard factor.isFinite, Self.range.contains(factor) else {
            throw .invalidParameter(
                "GPU speed must be within \(Self.range.lowerBound) … \(Self.range.upperBound), got \(factor)")
        }
    }
}
