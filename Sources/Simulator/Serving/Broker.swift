import DequeModule

/// The broker's side of the serving path: the task queue and the messages in flight (RabbitMQ
/// with one queue, consumers with prefetch credit and manual acks).
///
/// Each admitted request occupies a slot until it is answered or expires; the ready queue holds
/// the slots of messages waiting for a consumer, in order; a consumer (a ready worker pod) with
/// credit left waits in `consumersWithCredit` for round-robin delivery. What a consumer does
/// with a delivered message is the serving model's (``ServingSystem``).
struct Broker {
    /// A request between its arrival and its answer (or expiry).
    struct Message {
        var record: TraceRecord
        /// ``ServingSystem/zeroCapacitySeconds`` at arrival: the cold-start wait is the growth since.
        var zeroCapacityMarkAtArrival: Double
        var serviceStartSeconds = 0.0
        var serviceSeconds = 0.0
        var coldStartWaitSeconds = 0.0
        /// Identifies the service attempt in flight (0: none); a killed attempt's completion is ignored.
        var serviceToken: UInt32 = 0
    }

    /// Messages by slot; a slot is reused once its message is gone.
    var messages: [Message] = []
    private var freeSlots: [Int32] = []
    /// Slots of the messages waiting for a consumer, oldest first.
    var readyQueue = Deque<Int32>()
    /// Ready consumers with prefetch credit left, in round-robin order (may hold stale entries).
    var consumersWithCredit = Deque<Int32>()
    /// Messages delivered to a worker and not yet acked (in service or prefetched).
    var unacknowledged = 0
    /// Messages admitted and not yet answered or expired.
    var inSystem = 0
    /// Service attempts started so far: the next attempt's token.
    private(set) var serviceStarts: UInt32 = 0
    /// When a waiting message is refused unless it has started (``PlatformAdmission``), by slot.
    /// Kept apart from ``Message``: only a platform with a pending wait (Cloud Run) sets one.
    private(set) var pendingDeadlines: [Int32: Double] = [:]

    /// Admits `message` (its slot joins nothing yet); returns its slot.
    mutating func admit(_ message: Message) -> Int32 {
        inSystem += 1
        if let slot = freeSlots.popLast() {
            messages[Int(slot)] = message
            return slot
        }
        messages.append(message)
        return Int32(messages.count - 1)
    }

    /// The message in `slot` is answered or expired: its slot is free.
    mutating func remove(_ slot: Int32) {
        freeSlots.append(slot)
        inSystem -= 1
        clearPendingDeadline(slot)
    }

    /// The message in `slot` is refused at `seconds` unless it has started by then.
    mutating func setPendingDeadline(_ slot: Int32, at seconds: Double) { pendingDeadlines[slot] = seconds }

    /// The message in `slot` started (or left): no pending deadline applies to it any more.
    mutating func clearPendingDeadline(_ slot: Int32) {
        if !pendingDeadlines.isEmpty { pendingDeadlines[slot] = nil }
    }

    /// A new token for a service attempt.
    mutating func nextServiceToken() -> UInt32 {
        serviceStarts &+= 1
        return serviceStarts
    }

    /// Puts delivered-but-unfinished messages back at the head of the queue (RabbitMQ requeues
    /// unacked messages when their consumer goes away). Generic, so a Deque is not copied into an
    /// Array: an empty one would write to the shared empty-array storage, a race across runs.
    mutating func requeue<Slots: BidirectionalCollection<Int32>>(_ slots: Slots) {
        for slot in slots.reversed() {
            readyQueue.prepend(slot)
            unacknowledged -= 1
        }
    }

    /// The slots whose messages are still in the system (neither answered nor expired).
    var slotsInSystem: [Int32] {
        let free = Set(freeSlots)
        return messages.indices.lazy.map { Int32($0) }.filter { !free.contains($0) }
    }
}
