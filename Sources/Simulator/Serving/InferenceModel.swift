/// GPU service time of one request:
/// `(overheadSeconds + secondsPerWorkUnit × workSize + secondsPerOutputToken × outputTokens) × noise`.
///
/// For text-to-speech, `secondsPerWorkUnit` is the real-time factor (GPU seconds per second of
/// audio). The defaults are a T4 running Tacotron 2 + WaveGlow in FP16 — NVIDIA's published
/// 3.16 s for 7.00 s of audio (RTF 0.45, σ 0.13 s), the model class whose speed matches the
/// article's "2 hours every day" of GPU for 300 minutes of speech. Sources in docs/model.md.
public struct InferenceModel: Sendable, Hashable {
    /// What the trace's work size counts.
    public var workUnit: WorkUnit
    /// Fixed cost per request, seconds.
    public var overheadSeconds: Double
    /// GPU seconds per work unit (the real-time factor for audio seconds).
    public var secondsPerWorkUnit: Double
    /// GPU seconds per generated token (token traces).
    public var secondsPerOutputToken: Double
    /// Multiplicative noise on each service time (mean 1 keeps the mean service time); draws
    /// below zero count as zero.
    public var noise: Distribution
    /// The published model these service times describe (``tacotron2WaveGlow``), if any: it selects
    /// costsim's sourced speeds of other GPUs. `nil`: the scenario's own model, no sourced speeds.
    public var model: String?
    /// The GPU these service times were measured on and the speed of other GPUs relative to it.
    public var gpuSpeeds: GPUSpeedTable

    public init(
        workUnit: WorkUnit = .audioSeconds, overheadSeconds: Double = 0, secondsPerWorkUnit: Double = 0.45,
        secondsPerOutputToken: Double = 0, noise: Distribution = .normal(mean: 1, standardDeviation: 0.04),
        model: String? = InferenceModel.tacotron2WaveGlow, gpuSpeeds: GPUSpeedTable = GPUSpeedTable()
    ) {
        self.workUnit = workUnit
        self.overheadSeconds = overheadSeconds
        self.secondsPerWorkUnit = secondsPerWorkUnit
        self.secondsPerOutputToken = secondsPerOutputToken
        self.noise = noise
        self.model = model
        self.gpuSpeeds = gpuSpeeds
    }

    /// The name (`inference.model`) of the default model: Tacotron 2 + WaveGlow, FP16, batch 1.
    public static let tacotron2WaveGlow = "tacotron2-waveglow"

    /// Tacotron 2 + WaveGlow, FP16, batch 1, on a T4 (NVIDIA DeepLearningExamples).
    public static let t4Tacotron2WaveGlow = InferenceModel()

    /// Service time without noise, seconds.
    @inlinable
    public func nominalSeconds(workSize: Double, outputTokens: Double) -> Double {
        overheadSeconds + secondsPerWorkUnit * workSize + secondsPerOutputToken * outputTokens
    }

    /// Service time with one draw of noise, seconds; a time the trace measured is used as it is
    /// (no noise is drawn for it).
    @inlinable
    public func serviceSeconds(for record: TraceRecord, using generator: inout Xoshiro256StarStar) -> Double {
        if let measured = record.serviceSeconds { return measured }
        let nominal = nominalSeconds(workSize: record.workSize, outputTokens: record.outputTokens)
        if case .constant(let factor) = noise { return Swift.max(0, nominal * factor) }
        return Swift.max(0, nominal * noise.sample(using: &generator))
    }

    public func validate() throws(ParameterError) {
        guard overheadSeconds >= 0, secondsPerWorkUnit >= 0, secondsPerOutputToken >= 0,
              overheadSeconds.isFinite, secondsPerWorkUnit.isFinite, secondsPerOutputToken.isFinite
        else { throw .invalidParameter("inference times must be finite and >= 0") }
        try noise.validate()
        guard noise.mean > 0 else {
            throw .invalidParameter("the service-time noise must have a positive mean (it multiplies every service time; 1 keeps the nominal time), got \(noise.mean)")
        }
    }
}
