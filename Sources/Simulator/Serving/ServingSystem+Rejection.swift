/// Requests a serverless platform refuses (``PlatformAdmission``): answered with an error at once
/// or after a wait, never served. They count as rejected and as timed out (failed), and enter no
/// latency distribution: a rejection is not an answer.
extension ServingSystem {
    /// Applies the platform's `admission` to the request in `slot`, which has just arrived; a
    /// request already delivered to a worker is not refused.
    mutating func admit(_ slot: Int32, _ admission: PlatformAdmission, engine: inout Engine<Event>) {
        guard admission != .wait, broker.readyQueue.last == slot else { return }
        switch admission {
        case .wait: return
        case .reject:
            broker.readyQueue.removeLast()
            reject(slot, at: engine.now)
        case .rejectUnlessStarted(let seconds):
            let deadline = engine.now + Swift.max(0, seconds)
            broker.setPendingDeadline(slot, at: deadline)
            engine.schedule(.pendingDeadline(request: slot), at: deadline)
        }
    }

    /// The pending wait of the request in `slot` ended: refused unless it has started (a slot
    /// since reused by a request without that deadline, or one no longer waiting, is left alone).
    mutating func pendingDeadline(_ slot: Int32, engine: inout Engine<Event>) {
        guard let deadline = broker.pendingDeadlines[slot], deadline <= engine.now,
              let position = broker.readyQueue.firstIndex(of: slot) else { return }
        broker.readyQueue.remove(at: position)
        reject(slot, at: engine.now)
    }

    /// Answers the request in `slot` (no longer in the ready queue) with an error now.
    private mutating func reject(_ slot: Int32, at now: Double) {
        advanceClock(to: now)
        let request = broker.messages[Int(slot)]
        statistics.rejected += 1
        statistics.timedOut += 1
        if keepRecords {
            let coldWait = zeroCapacitySeconds - request.zeroCapacityMarkAtArrival
            records.append(RequestRecord(
                arrivalSeconds: request.record.arrivalSeconds, workSize: request.record.workSize,
                queueWaitSeconds: now - request.record.arrivalSeconds - coldWait, coldStartWaitSeconds: coldWait,
                serviceSeconds: 0, completionSeconds: nil, timedOut: true, rejected: true))
        }
        broker.remove(slot)
    }
}
