/// A discrepancy between the simulation and what the cluster recorded, beyond the threshold, with
/// its likely cause.
public struct ValidationFlag: Sendable, Hashable {
    /// What differs (`GPU node-hours (bill)`, `nodes timeline`, …).
    public var subject: String
    public var simulated: String
    public var observed: String
    /// What to check, in words.
    public var cause: String
}
