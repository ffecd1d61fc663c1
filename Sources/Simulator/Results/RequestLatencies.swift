/// The latency distributions of ``RequestStatistics`` while a run records them (fast
/// ``LatencyRecorder``s), handed over to the statistics when the run ends.
struct RequestLatencies {
    var response = LatencyRecorder()
    var sojourn = LatencyRecorder()
    var wait = LatencyRecorder()
    var coldStartWait = LatencyRecorder()
    var service = LatencyRecorder()

    /// Writes the recorded distributions into `statistics`.
    func write(into statistics: inout RequestStatistics) {
        statistics.response = response.distribution
        statistics.sojourn = sojourn.distribution
        statistics.wait = wait.distribution
        statistics.coldStartWait = coldStartWait.distribution
        statistics.service = service.distribution
    }
}
