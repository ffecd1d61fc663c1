import Testing
@testable import Simulator

/// Hand-computed timelines of a SageMaker asynchronous endpoint scaled to zero: one-minute
/// datapoints from t = 0, the HasBacklogWithoutCapacity alarm after 2 datapoints, target tracking
/// on 5 requests per instance (high alarm 3 datapoints, low alarm 15), at most 3 instances.
@Suite struct SageMakerAsyncTimelineTests {
    /// SageMaker's defaults (polling 60 s, target 5, 2 evaluations, 15 low datapoints, at most 3
    /// instances) with a 15-s start-up.
    static func option() -> DeploymentOption {
        ServerlessTimelineTests.withDefaults(.sagemakerAsync, region: "us-east-1")
    }

    static func run(_ records: [TraceRecord]) throws -> SimulationResult {
        try ScaleToZeroTimelineTests.run(records, option: Self.option(), timeout: 1800)
    }

    @Test func oneRequestWaitsForTwoDatapointsAndFifteenLowOnes() throws {
        // t=5 request; datapoints at 60 and 120 see a backlog with no instance: the alarm adds one
        // at 120 (billing from 120), ready 135, reply 145. From 180 every datapoint is low (0 < 4.5):
        // the 15th, at 180 + 14 × 60 = 1020, scales in to ceil(0 / 5) = 0.
        let result = try Self.run([TraceRecord(arrivalSeconds: 5, workSize: 10)])
        let request = try #require(result.requestRecords.first)
        #expect(request.completionSeconds == 145)
        #expect(request.coldStartWaitSeconds == 130)
        #expect(result.clientTimeoutSeconds == 900)       // InvocationTimeoutSeconds below the client's 1800 s
        let instance = try #require(result.gpuNodeRunsToEnd.first)
        #expect(result.gpuNodeRunsToEnd.count == 1)
        #expect(instance.machine == NodeSpec(
            provider: "aws", region: "us-east-1", machineType: "sagemaker-async/ml.g4dn.xlarge", gpuModel: "T4",
            gpuCount: 1))
        #expect(instance.startSeconds == 120)
        #expect(instance.endSeconds == 1020)
        #expect(instance.durations[.idle] == 875)
        let decisions = result.decisions.filter { $0.actor == .platform }
        #expect(decisions.map(\.timeSeconds) == [120, 1020])
        #expect(decisions.map(\.to) == [1, 0])
        #expect(decisions.first?.rule == "HasBacklogWithoutCapacity alarm (2 datapoints): step +1")
    }

    @Test func aBacklogScalesOutAfterThreeHighDatapoints() throws {
        // 40 ten-second requests at t=0. The alarm adds one instance at 120 (ready 135, replies every
        // 10 s from 145). Backlog per instance: 180: 36, 240: 30, 300: 24 — three high datapoints,
        // so at 300 target tracking asks ceil(24 / 5) = 5, capped at 3: two more start, ready 315.
        // The 22 requests left from 315 take 8 rounds on three instances: the last reply at 395.
        // Low datapoints from 360 (10 left, 3.3 per instance): the 15th at 1200 scales in to 0.
        let burst = (0..<40).map { _ in TraceRecord(arrivalSeconds: 0, workSize: 10) }
        let result = try Self.run(burst)
        #expect(result.requestRecords.compactMap(\.completionSeconds).max() == 395)
        #expect(result.gpuNodeRunsToEnd.map(\.startSeconds) == [120, 300, 300])
        #expect(result.gpuNodeRunsToEnd.map(\.endSeconds) == [1200, 1200, 1200])
        let decisions = result.decisions.filter { $0.actor == .platform }
        #expect(decisions.map(\.timeSeconds) == [120, 300, 1200])
        #expect(decisions.map(\.to) == [1, 3, 0])
    }

    @Test func alarmSettingsBelongToSageMaker() {
        var modal = ServerlessDeployment(platform: .modal)
        modal.settings.alarmEvaluations = 2
        let message = "serverless.alarmEvaluations applies to sagemaker-async and sagemaker-realtime only"
        #expect(throws: ParameterError(message)) {
            try modal.validate()
        }
        var zero = ServerlessDeployment(platform: .sagemakerAsync)
        zero.settings.alarmEvaluations = 0
        #expect(throws: ParameterError("serverless.alarmEvaluations must be within 1 … 100, got 0")) {
            try zero.validate()
        }
        #expect(ServerlessDeployment(platform: .sagemakerAsync, gpu: "L4").instance.machineType
            == "sagemaker-async/ml.g6.xlarge")
    }
}
