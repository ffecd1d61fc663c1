/// The scenario's `inference.gpuSpeed` and the GPU its service times describe: how much faster
/// (or slower) each GPU serves the inference model than ``referenceGPU``. The simulator never reads
/// it; the scenario reader turns it into each option's ``GPUSpeed``.
public struct GPUSpeedTable: Sendable, Hashable {
    /// The GPU the service times (the inference model's, or a trace's measured ones) were measured on.
    public var referenceGPU: String
    /// Speed-up per GPU name (as the price catalog names it), as the scenario gives it.
    public var speeds: [String: Double]

    public init(referenceGPU: String = "T4", speeds: [String: Double] = [:]) {
        self.referenceGPU = referenceGPU
        self.speeds = speeds
    }

    /// The speed the scenario gives for `gpu` (names compare ignoring case), if any.
    public func speed(of gpu: String) -> Double? {
        if let exact = speeds[gpu] { return exact }
        return speeds.first { $0.key.lowercased() == gpu.lowercased() }?.value
    }

    /// `true` if `gpu` is the reference GPU (ignoring case).
    public func isReference(_ gpu: String) -> Bool { gpu.lowercased() == referenceGPU.lowercased() }
}
