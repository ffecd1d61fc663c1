import Testing
@testable import Simulator

/// Hand-computed timelines of Cloud Run at its maximum instances: a request that finds every slot
/// taken (instances starting included) waits at most the pending timeout (10 s) for one, then is
/// rejected (HTTP 429); one that a starting instance will take waits within the request timeout.
@Suite struct CloudRunPendingTimelineTests {
    /// Cloud Run, one request at a time on at most one instance, start-up 1 + 4 + 10 = 15 s,
    /// idle timeout 60 s, request timeout 300 s, pending timeout 10 s.
    static func option(minInstances: Int = 0) -> DeploymentOption {
        ServerlessTimelineTests.changing(
            ServerlessTimelineTests.option(.cloudRun, minInstances: minInstances, maxInstances: 1)
        ) { $0.pendingTimeoutSeconds = 10 }
    }

    @Test func aBurstFromZeroServesTheFirstAndRejectsTheOthersAfterTenSeconds() throws {
        // Three 10-s requests at t=0. The first starts the only instance (ready at 15) and waits for
        // it within the request timeout; the second and third find no slot at the maximum: rejected
        // at 0 + 10 = 10. The first is served 15–25; the instance is idle from 25, removed at 85.
        let burst = (0..<3).map { _ in TraceRecord(arrivalSeconds: 0, workSize: 10) }
        let result = try ServerlessTimelineTests.run(burst, option: Self.option())
        let records = result.requestRecords
        #expect(records.map(\.rejected) == [true, true, false])
        #expect(records.map(\.completionSeconds) == [nil, nil, 25])
        #expect(records.map(\.timedOut) == [true, true, false])
        #expect(records.prefix(2).allSatisfy { $0.queueWaitSeconds + $0.coldStartWaitSeconds == 10 })
        #expect(result.requests.arrived == 3)
        #expect(result.requests.served == 1)
        #expect(result.requests.rejected == 2)
        #expect(result.requests.timedOut == 2)
        #expect(result.requests.response.summary.count == 1)       // a rejection is no answer
        #expect(result.requests.response.summary.maxSeconds == 25)
        #expect(result.gpuNodeRunsToEnd.map(\.startSeconds) == [0])
        #expect(result.gpuNodeRunsToEnd.map(\.endSeconds) == [85])
    }

    @Test func aWaitingRequestIsRejectedOnlyIfNoSlotFreesWithinTheWait() throws {
        // One warm instance. A (0, 9 s) is served 0–9. B arrives at 1 and C at 2, both with no slot
        // at the maximum: B's wait ends at 11, C's at 12. A's slot frees at 9: B starts then
        // (9–14); C would start at 14 > 12, so it is rejected at 12.
        let records = [
            TraceRecord(arrivalSeconds: 0, workSize: 9), TraceRecord(arrivalSeconds: 1, workSize: 5),
            TraceRecord(arrivalSeconds: 2, workSize: 5),
        ]
        let result = try ServerlessTimelineTests.run(records, option: Self.option(minInstances: 1))
        let byArrival = result.requestRecords.sorted { $0.arrivalSeconds < $1.arrivalSeconds }
        #expect(byArrival.map(\.completionSeconds) == [9, 14, nil])
        #expect(byArrival.map(\.rejected) == [false, false, true])
        #expect(byArrival[2].queueWaitSeconds == 10)
        #expect(byArrival[2].coldStartWaitSeconds == 0)
        #expect(result.requests.rejected == 1)
        #expect(result.requests.rejectedShare == 1.0 / 3)
    }

    @Test func withoutAPendingTimeoutTheBurstWaits() throws {
        // The same burst with the pending timeout unset: all three are served one after the other
        // on the one instance, 15–25, 25–35, 35–45.
        let option = ServerlessTimelineTests.changing(Self.option()) { $0.pendingTimeoutSeconds = nil }
        let burst = (0..<3).map { _ in TraceRecord(arrivalSeconds: 0, workSize: 10) }
        let result = try ServerlessTimelineTests.run(burst, option: option)
        #expect(result.requestRecords.map(\.completionSeconds) == [25, 35, 45])
        #expect(result.requests.rejected == 0)
    }

    @Test func thePendingTimeoutBelongsToCloudRun() {
        #expect(CloudRunPlatform.profile.defaults.pendingTimeoutSeconds == 10)
        var modal = ServerlessDeployment(platform: .modal)
        modal.settings.pendingTimeoutSeconds = 10
        #expect(throws: ParameterError("serverless.pendingTimeout applies to cloud-run only")) { try modal.validate() }
        var zero = ServerlessDeployment(platform: .cloudRun)
        zero.settings.pendingTimeoutSeconds = 0
        let message = "serverless.pendingTimeout must be within 0 … 3600 s (excluding 0), got 0 s"
        #expect(throws: ParameterError(message)) { try zero.validate() }
    }
}
