import Testing
@testable import Simulator

/// Hand-computed timelines of Azure Container Apps serverless GPUs: KEDA polls every 30 s (first
/// poll pinned at 0), the HTTP rule aims at 10 requests per replica, the HPA's 300-s scale-down
/// stabilization, and scale to zero after the 300-s cooldown.
@Suite struct ContainerAppsTimelineTests {
    /// Container Apps' defaults (polling 30 s, 10 requests per replica, cooldown 300 s, at most 10)
    /// with a 15-s start-up.
    static func option() -> DeploymentOption {
        ServerlessTimelineTests.withDefaults(.containerApps, region: "swedencentral")
    }

    static func run(_ records: [TraceRecord]) throws -> SimulationResult {
        try ScaleToZeroTimelineTests.run(records, option: Self.option(), timeout: 600)
    }

    @Test func oneRequestWaitsForThePollAndTheCooldown() throws {
        // t=5 request; the poll at 30 sees it and starts a replica (billing from 30), ready at 45,
        // reply at 55. Polls from 60 see nothing: the last active poll is 30, and 30 + 300 < now
        // first holds at the poll at 360, which removes the replica.
        let result = try Self.run([TraceRecord(arrivalSeconds: 5, workSize: 10)])
        let request = try #require(result.requestRecords.first)
        #expect(request.completionSeconds == 55)
        #expect(request.coldStartWaitSeconds == 40)
        #expect(result.clientTimeoutSeconds == 240)       // the ingress's limit is below the client's 600 s
        let instance = try #require(result.gpuNodeRunsToEnd.first)
        #expect(result.gpuNodeRunsToEnd.count == 1)
        #expect(instance.machine.machineType == "container-apps/nvidia-t4")
        #expect(instance.machine.provider == "azure" && instance.machine.region == "swedencentral")
        #expect(instance.startSeconds == 30)
        #expect(instance.endSeconds == 360)
        #expect(instance.durations[.coldStart] == 15)
        #expect(instance.durations[.serving] == 10)
        #expect(instance.durations[.idle] == 305)
        let decisions = result.decisions.filter { $0.actor == .platform }
        #expect(decisions.map(\.timeSeconds) == [30, 360])
        #expect(decisions.map(\.to) == [1, 0])
    }

    @Test func aBurstScalesOutAtOnceAndInAfterTheStabilizationWindow() throws {
        // 25 ten-second requests at t=0. Poll 30: 25 requests → ceil(25/10) = 3 replicas, ready at
        // 45, serving rounds of three ending 55, 65, …, 125 and the 25th alone 125–135.
        // Recommendations: 30: 3; 60: 22 left → 3; 90: 13 → 2; 120: 4 → 1; from 150: 1 while
        // active. The count follows the highest of the last 300 s (strictly after now − 300):
        // 3 until 330, 2 at 360, 1 at 390; the last active poll is 120, so zero at the first poll
        // after 420: 450. Scale-in removes the newest idle replica first.
        let burst = (0..<25).map { _ in TraceRecord(arrivalSeconds: 0, workSize: 10) }
        let result = try Self.run(burst)
        #expect(result.requestRecords.compactMap(\.completionSeconds).max() == 135)
        #expect(result.requestRecords.allSatisfy { !$0.timedOut })
        #expect(result.gpuNodeRunsToEnd.map(\.startSeconds) == [30, 30, 30])
        #expect(result.gpuNodeRunsToEnd.map(\.endSeconds) == [450, 390, 360])
        let decisions = result.decisions.filter { $0.actor == .platform }
        #expect(decisions.map(\.timeSeconds) == [30, 360, 390, 450])
        #expect(decisions.map(\.to) == [3, 2, 1, 0])
        #expect(result.activationsFromZero == 1)
    }

    @Test func pollingSettingsBelongToThePollingPlatform() {
        func message(_ platform: ServerlessPlatform, _ change: (inout ServerlessSettings) -> Void) -> String {
            var deployment = ServerlessDeployment(platform: platform)
            change(&deployment.settings)
            do {
                try deployment.validate()
                return ""
            } catch {
                return error.message
            }
        }
        #expect(message(.modal) { $0.pollingIntervalSeconds = 30 }
            == "serverless.pollingInterval applies to a polling platform (container-apps, sagemaker-async, "
                + "sagemaker-realtime); this one scales on each request")
        #expect(message(.containerApps) { $0.concurrentRequests = 0 }
            == "serverless.concurrentRequests must be within 1 … 10000, got 0")
        #expect(message(.containerApps) { $0.requestTimeoutSeconds = 300 }.hasPrefix("serverless.requestTimeout"))
        #expect(message(.containerApps) { _ in } == "")
        var l4 = ServerlessDeployment(platform: .containerApps)
        l4.gpu = "L4"
        #expect(throws: ParameterError.self) { try l4.validate() }
    }
}
