import DequeModule

extension Cluster {
    /// A worker pod of the deployment, and the messages its consumer holds.
    struct Pod {
        /// `stranded`: bound to a node whose instance vanished; still a replica, serving nothing.
        enum State { case pending, starting, ready, terminating, stranded, gone }

        /// The node it is bound to (-1 while pending).
        var node: Int32 = -1
        var state: State = .pending
        var createdSeconds: Double
        /// Prefetch credit left: messages the broker may still deliver to it.
        var credit: Int
        /// Slots of the messages in service on it.
        var inService: [Int32] = []
        /// Slots of delivered messages waiting for a free worker on it.
        var buffered = Deque<Int32>()
    }
}
