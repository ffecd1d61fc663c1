/// What one parser made of one input: accepted it, or refused it with a message. Either is
/// fine for a fuzzer; a trap, a hang or unbounded memory is the failure it looks for.
public enum FuzzOutcome: Sendable, Equatable {
    /// The parser accepted the input; `summary` says what it read (records, rows, options).
    case accepted(summary: String)
    /// The parser refused the input with this error message.
    case rejected(message: String)
}
