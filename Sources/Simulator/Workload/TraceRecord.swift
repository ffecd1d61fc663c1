/// One request of a workload: when it arrives and how much work it carries.
///
/// `workSize` is in the trace's ``WorkUnit`` (seconds of audio, characters, or input tokens);
/// `outputTokens` is the generated-token count of LLM traces and 0 otherwise. The
/// ``InferenceModel`` turns both into GPU service time, unless the trace measured it
/// (`serviceSeconds`).
public struct TraceRecord: Sendable, Hashable {
    /// Arrival time in seconds since the start of the trace.
    public var arrivalSeconds: Double
    /// Size of the request in the trace's work unit.
    public var workSize: Double
    /// Tokens to generate (token traces only; 0 when absent).
    public var outputTokens: Double
    /// The request's GPU time as the trace measured it, seconds; `nil` when the inference model
    /// computes it from the size.
    public var serviceSeconds: Double?

    public init(arrivalSeconds: Double, workSize: Double, outputTokens: Double = 0, serviceSeconds: Double? = nil) {
        self.arrivalSeconds = arrivalSeconds
        self.workSize = workSize
        self.outputTokens = outputTokens
        self.serviceSeconds = serviceSeconds
    }
}

/// What a trace's work size counts.
public enum WorkUnit: String, Sendable, CaseIterable {
    /// Seconds of synthesised audio (text-to-speech).
    case audioSeconds = "audio-seconds"
    /// Characters of input text.
    case characters
    /// Input (context) tokens; output tokens come from ``TraceRecord/outputTokens``.
    case tokens
}
