import Testing
@testable import Simulator

/// Hand-computed timelines of a SageMaker real-time endpoint with inference components scaled to
/// zero: one-minute datapoints from t = 0; with no ready instance every request is rejected at
/// once; one minute with a failure fires the NoCapacityInvocationFailures alarm (step +1); target
/// tracking on 1 invocation per copy (high alarm 3 datapoints, low alarm 15), at most 3 instances.
@Suite struct SageMakerRealtimeTimelineTests {
    /// SageMaker real-time's defaults with a 15-s start-up, one request at a time, first poll at 0.
    static func run(_ records: [TraceRecord]) throws -> SimulationResult {
        try ScaleToZeroTimelineTests.run(
            records, option: ServerlessTimelineTests.withDefaults(.sagemakerRealtime, region: "us-east-1"))
    }

    @Test func aRequestIntoAnIdleEndpointIsRejectedAndWakesIt() throws {
        // t=5: no instance, rejected at once. The datapoint closing at 60 has one failure: the step
        // adds an instance at 60 (billed from 60), ready at 75. t=70: still provisioning, rejected.
        // t=100: served 100–110. Datapoint at 120: invocations 1 (100; 70 was rejected), not above
        // the target 1 nor below 0.9. From 180 every datapoint has 0 invocations: the 15th, at
        // 180 + 14 × 60 = 1020, scales in to 0. t=1030: rejected again; the alarm at 1080 starts an
        // instance (ready 1095); t=1100 is served 1100–1110. The datapoint at 1140 has one
        // invocation; from 1200 none: the 15th low one, at 1200 + 14 × 60 = 2040, removes it.
        let arrivals: [Double] = [5, 70, 100, 1030, 1100]
        let result = try Self.run(arrivals.map { TraceRecord(arrivalSeconds: $0, workSize: 10) })
        let byArrival = result.requestRecords.sorted { $0.arrivalSeconds < $1.arrivalSeconds }
        #expect(byArrival.map(\.rejected) == [true, true, false, true, false])
        #expect(byArrival.map(\.completionSeconds) == [nil, nil, 110, nil, 1110])
        #expect(byArrival.map { $0.queueWaitSeconds + $0.coldStartWaitSeconds } == [0, 0, 0, 0, 0])
        #expect(result.requests.rejected == 3)
        #expect(result.requests.timedOut == 3)
        #expect(result.requests.served == 2)
        #expect(result.requests.response.summary.count == 2)
        #expect(result.clientTimeoutSeconds == 60)
        let runs = result.gpuNodeRunsToEnd
        #expect(runs.map(\.machine.machineType) == ["sagemaker/ml.g4dn.xlarge", "sagemaker/ml.g4dn.xlarge"])
        #expect(runs.map(\.startSeconds) == [60, 1080])
        #expect(runs.map(\.endSeconds) == [1020, 2040])
        #expect(runs.first?.durations[.coldStart] == 15)
        #expect(runs.first?.durations[.serving] == 10)
        #expect(runs.first?.durations[.idle] == 935)
        let decisions = result.decisions.filter { $0.actor == .platform }
        #expect(decisions.map(\.timeSeconds) == [60, 1020, 1080, 2040])
        #expect(decisions.map(\.to) == [1, 0, 1, 0])
        #expect(decisions.first?.rule == "NoCapacityInvocationFailures alarm (1 datapoints): step +1")
        #expect(decisions[1].rule == "target tracking low alarm (15 datapoints < 90 % of 1)")
    }

    @Test func aBurstWakesOneInstanceAndSteadyTrafficAddsASecond() throws {
        // Five requests at t=0: all rejected; the datapoint at 60 has 5 failures, but the step adds
        // one instance (60, ready 75). Then two 10-s requests a minute — 100 & 112, 130 & 142,
        // 190 & 202, each served at once — make three datapoints of 2 invocations per copy above
        // the target 1 (120, 180, 240): at 240 target tracking asks ceil(2 / 1) = 2, a second
        // instance starts. From 300 every datapoint is 0: the 15th, at 1140, scales in to 0.
        let burst = (0..<5).map { _ in TraceRecord(arrivalSeconds: 0, workSize: 10) }
        let steady = [100.0, 112, 130, 142, 190, 202].map { TraceRecord(arrivalSeconds: $0, workSize: 10) }
        let result = try Self.run(burst + steady)
        #expect(result.requests.rejected == 5)
        #expect(result.requests.served == 6)
        let served = result.requestRecords.filter { !$0.rejected }
        #expect(served.map(\.completionSeconds) == [110, 122, 140, 152, 200, 212])
        #expect(result.gpuNodeRunsToEnd.map(\.startSeconds) == [60, 240])
        #expect(result.gpuNodeRunsToEnd.map(\.endSeconds) == [1140, 1140])
        let decisions = result.decisions.filter { $0.actor == .platform }
        #expect(decisions.map(\.timeSeconds) == [60, 240, 1140])
        #expect(decisions.map(\.to) == [1, 2, 0])
        #expect(decisions[1].rule == "target tracking high alarm (invocations per copy > 1)")
    }

    @Test func anAlwaysWarmEndpointQueuesInsteadOfRejecting() throws {
        // minInstances 1: the instance is ready from 0, so the burst of three waits for it and is
        // served 0–10, 10–20, 20–30; nothing is rejected.
        let option = ServerlessTimelineTests.changing(
            ServerlessTimelineTests.withDefaults(.sagemakerRealtime, region: "us-east-1")) { $0.minInstances = 1 }
        let burst = (0..<3).map { _ in TraceRecord(arrivalSeconds: 0, workSize: 10) }
        let result = try ScaleToZeroTimelineTests.run(burst, option: option)
        #expect(result.requestRecords.map(\.completionSeconds) == [10, 20, 30])
        #expect(result.requests.rejected == 0)
    }

    @Test func settingsFollowTheRealTimeLimits() {
        func message(_ change: (inout ServerlessDeployment) -> Void) -> String {
            ServerlessTimelineTests.validationMessage(
                ServerlessDeployment(platform: .sagemakerRealtime, region: "us-east-1"), change)
        }
        #expect(message { _ in } == "")
        #expect(message { $0.settings.requestTimeoutSeconds = 61 }
            == "serverless.requestTimeout must be within 0 … 60 s (excluding 0), got 61 s")
        #expect(message { $0.settings.alarmEvaluations = 0 }
            == "serverless.alarmEvaluations must be within 1 … 100, got 0")
        #expect(message { $0.settings.pendingTimeoutSeconds = 10 }
            == "serverless.pendingTimeout applies to cloud-run only")
        #expect(ServerlessDeployment(platform: .sagemakerRealtime, gpu: "A10G").instance.machineType
            == "sagemaker/ml.g5.xlarge")
    }
}
