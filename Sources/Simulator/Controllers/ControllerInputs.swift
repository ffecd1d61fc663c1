/// What a controller's tick reads, as far as its decision depends on it: two ticks with equal
/// inputs at times its controller calls quiet decide the same (see ``Controller``).
struct ControllerInputs: Equatable {
    var first = 0
    var second = 0
    var third = 0
}

extension ControllerInputs {
    /// The inputs of a controller that reads only the cluster's nodes and pending pods.
    init(revision: UInt64) {
        self.init(first: Int(truncatingIfNeeded: revision))
    }
}
