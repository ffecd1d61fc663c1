import Simulator

/// GPU speeds costsim takes from published benchmarks, per model (`inference.model`): only where
/// one benchmark measured the same model, precision and batch size on both GPUs. docs/model.md
/// gives the table and its derivation.
public enum PublishedGPUSpeeds {
    /// One model's published compute time per work unit on each GPU it was measured on.
    public struct Benchmark: Sendable {
        /// GPU (catalog name) → seconds of GPU time per work unit.
        public var secondsPerWorkUnit: [String: Double]
        /// Where the figures are published.
        public var source: String
    }

    /// Tacotron 2 + WaveGlow (512 residual channels), FP16, batch 1, 128-character input:
    /// average latency over 1,000 runs / average audio length, all in one table run in one container.
    public static let tacotron2WaveGlow = Benchmark(
        secondsPerWorkUnit: ["T4": 1.75 / 6.99, "V100": 1.25 / 6.99, "A100-40GB": 0.87 / 6.98],
        source: "NVIDIA DeepLearningExamples, PyTorch/SpeechSynthesis/Tacotron2/README.md (June 2020 revision, "
            + "PyTorch 20.06 NGC container), FP16, batch 1")

    /// The benchmarks by `inference.model` name.
    public static let models: [String: Benchmark] = [InferenceModel.tacotron2WaveGlow: tacotron2WaveGlow]

    /// The published speed of `gpu` relative to `reference` for `model`, if that benchmark
    /// measured both: the reference's time per work unit over the GPU's.
    public static func speed(of gpu: String, relativeTo reference: String, model: String?) -> (Double, String)? {
        guard let model, let benchmark = models[model],
              let gpuTime = benchmark.time(of: gpu), let referenceTime = benchmark.time(of: reference)
        else { return nil }
        return (referenceTime / gpuTime, benchmark.source)
    }
}

extension PublishedGPUSpeeds.Benchmark {
    /// The time on `gpu` (names compare ignoring case).
    func time(of gpu: String) -> Double? {
        secondsPerWorkUnit.first { $0.key.lowercased() == gpu.lowercased() }?.value
    }
}
