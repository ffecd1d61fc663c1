/// One request of a workload: when it arrives and how much work it carries.
///
/// `workSize` is in the trace's ``WorkUnit`` (seconds of audio, characters, or input tokens);
/// `outputTokens` is the generated-token count of LLM traces and 0 otherwise. The
/// ``InferenceModel`` turns both into GPU service time, unless the trace measured it
/// (`serviceSeconds`).
///
/// Output tokens and a measured time share one slot: a measured time is used as it is, so the
/// tokens would never count. This keeps a record (and an optional one) at 25 bytes, which a
/// reader's `next()` returns in registers, once per request of a replay.
public struct TraceRecord: Sendable, Hashable {
    /// Arrival time in seconds since the start of the trace.
    public var arrivalSeconds: Double
    /// Size of the request in the trace's work unit.
    public var workSize: Double
    @usableFromInline var demand: Demand

    /// What besides the size sets the service time.
    @usableFromInline
    enum Demand: Sendable, Hashable {
        /// Tokens to generate, for the inference model.
        case outputTokens(Double)
        /// The service time the trace measured, seconds.
        case measuredSeconds(Double)
    }

    /// A record; with `serviceSeconds`, the inference model is not asked and `outputTokens` is
    /// not kept.
    public init(arrivalSeconds: Double, workSize: Double, outputTokens: Double = 0, serviceSeconds: Double? = nil) {
        self.arrivalSeconds = arrivalSeconds
        self.workSize = workSize
        if let serviceSeconds {
            demand = .measuredSeconds(serviceSeconds)
        } else {
            demand = .outputTokens(outputTokens)
        }
    }

    /// Tokens to generate (token traces only; 0 when absent or when the trace measured the
    /// service time).
    @inlinable
    public var outputTokens: Double {
        if case .outputTokens(let tokens) = demand { return tokens }
        return 0
    }

    /// The request's GPU time as the trace measured it, seconds; `nil` when the inference model
    /// computes it from the size.
    @inlinable
    public var serviceSeconds: Double? {
        if case .measuredSeconds(let seconds) = demand { return seconds }
        return nil
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
