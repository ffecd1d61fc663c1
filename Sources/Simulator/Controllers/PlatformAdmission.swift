/// What a serverless platform does with a request that just arrived and found no free slot
/// (``PlatformScaler/requestArrived(in:engine:)``): keep it waiting, refuse it with an error at
/// once, or refuse it unless it starts within a wait.
enum PlatformAdmission: Sendable, Hashable {
    /// It waits for a slot (until the request timeout).
    case wait
    /// It is answered now with an error (SageMaker with no instance to take it).
    case reject
    /// It is answered with an error if it has not started `seconds` after now (Cloud Run at its
    /// maximum instances: HTTP 429 after the pending wait).
    case rejectUnlessStarted(withinSeconds: Double)
}
