import Testing
@testable import Simulator

/// Hand-computed timelines of the serverless platforms: one request into an idle platform, a
/// burst above one instance's concurrency, the idle window ending, always-warm instances and the
/// platform's request timeout.
@Suite struct ServerlessTimelineTests {
    /// A platform with fixed start-up phases (instance 1 s + container 4 s + model 10 s = 15 s).
    static func option(
        _ platform: ServerlessPlatform = .modal, concurrency: Int = 1, minInstances: Int = 0, maxInstances: Int = 10,
        idleTimeout: Double = 60, requestTimeout: Double = 300
    ) -> DeploymentOption {
        let settings = ServerlessSettings(
            concurrency: concurrency, minInstances: minInstances, maxInstances: maxInstances,
            idleTimeoutSeconds: idleTimeout, instanceStart: .constant(1), containerStart: .constant(4),
            modelLoad: .constant(10), requestTimeoutSeconds: requestTimeout)
        return DeploymentOption(
            name: platform.rawValue, kind: .serverless(ServerlessDeployment(platform: platform, settings: settings)))
    }

    /// `platform` with its own defaults but a fixed start-up of 1 + 4 + 10 = 15 s, one request at a
    /// time per instance, and (for a polling platform) the first poll at 0.
    static func withDefaults(_ platform: ServerlessPlatform, region: String) -> DeploymentOption {
        var settings = platform.profile.defaults
        settings.concurrency = 1
        settings.instanceStart = .constant(1)
        settings.containerStart = .constant(4)
        settings.modelLoad = .constant(10)
        if platform.profile.limits.polls { settings.pollingPhaseSeconds = 0 }
        return DeploymentOption(
            name: platform.rawValue,
            kind: .serverless(ServerlessDeployment(platform: platform, region: region, settings: settings)))
    }

    /// `option` (a serverless one) with its settings changed by `change`.
    static func changing(
        _ option: DeploymentOption, _ change: (inout ServerlessSettings) -> Void
    ) -> DeploymentOption {
        guard case .serverless(var deployment) = option.kind else { preconditionFailure("a serverless option") }
        change(&deployment.settings)
        var changed = option
        changed.kind = .serverless(deployment)
        return changed
    }

    /// The error `deployment` changed by `change` fails validation with; "" if it passes.
    static func validationMessage(
        _ deployment: ServerlessDeployment, _ change: (inout ServerlessDeployment) -> Void
    ) -> String {
        var changed = deployment
        change(&changed)
        do {
            try changed.validate()
            return ""
        } catch {
            return error.message
        }
    }

    /// Runs `records` with workload sizes as service seconds, keeping records and decisions.
    static func run(_ records: [TraceRecord], option: DeploymentOption) throws -> SimulationResult {
        try ScaleToZeroTimelineTests.run(records, option: option)
    }

    @Test func oneRequestIntoAnIdlePlatform() throws {
        // t=5 request → instance starts (billing starts) at 5, serves from 20 (15 s start-up),
        // replies at 30, idle from 30, removed (billing stops) at 30 + 60 = 90.
        let result = try Self.run([TraceRecord(arrivalSeconds: 5, workSize: 10)], option: Self.option())
        let request = try #require(result.requestRecords.first)
        #expect(request.completionSeconds == 30)
        #expect(request.coldStartWaitSeconds == 15)
        #expect(request.queueWaitSeconds == 0)
        #expect(!request.timedOut)
        let instance = try #require(result.gpuNodeRunsToEnd.first)
        #expect(result.gpuNodeRunsToEnd.count == 1)
        #expect(instance.machine.machineType == "modal/nvidia-t4")
        #expect(instance.machine.provider == "modal" && instance.machine.region == "global")
        #expect(instance.startSeconds == 5)
        #expect(instance.readySeconds == 20)
        #expect(instance.endSeconds == 90)
        #expect(instance.durations[.coldStart] == 15)
        #expect(instance.durations[.serving] == 10)
        #expect(instance.durations[.idle] == 60)
        #expect(result.activationsFromZero == 1)
        #expect(result.gpuNodesCreated == 1)
        let platform = result.decisions.filter { $0.actor == .platform }
        #expect(platform.map(\.timeSeconds) == [5, 90])
        #expect(platform.map(\.to) == [1, 0])
    }

    @Test func aBurstAboveOneInstancesConcurrency() throws {
        // Five 10-s requests at t=0, two per instance: the arrivals need 1, 1, 2, 2, 3 instances,
        // so three start at 0 and serve from 15: requests 1–2, 3–4 and 5, all done at 25; each
        // instance is idle from 25 and removed at 85.
        let burst = (0..<5).map { _ in TraceRecord(arrivalSeconds: 0, workSize: 10) }
        let result = try Self.run(burst, option: Self.option(concurrency: 2))
        #expect(result.requestRecords.map(\.completionSeconds) == [25, 25, 25, 25, 25])
        #expect(result.requestRecords.allSatisfy { $0.coldStartWaitSeconds == 15 })
        #expect(result.gpuNodeRunsToEnd.map(\.startSeconds) == [0, 0, 0])
        #expect(result.gpuNodeRunsToEnd.map(\.endSeconds) == [85, 85, 85])
        #expect(result.activationsFromZero == 1)

        // At most two instances: the fifth request waits for a free slot. The first instance
        // finishes request 1 at 25 and takes request 5 (25–35): idle from 35, removed at 95; the
        // second is idle from 25 and removed at 85.
        let capped = try Self.run(burst, option: Self.option(concurrency: 2, maxInstances: 2))
        #expect(capped.requestRecords.compactMap(\.completionSeconds).sorted() == [25, 25, 25, 25, 35])
        let fifth = try #require(capped.requestRecords.first { $0.completionSeconds == 35 })
        #expect(fifth.queueWaitSeconds == 10)
        #expect(capped.gpuNodeRunsToEnd.map(\.endSeconds) == [95, 85])
    }

    @Test func theIdleWindowKeepsTheInstanceUntilItEnds() throws {
        // Request 1 at 5 is served 20–30; request 2 at 80 falls inside the idle window (30–90) and is
        // served at once, 80–90, moving the removal to 150; request 3 at 200 finds no instance: a
        // new one starts at 200, serves 215–225 and goes at 285.
        let records = [5.0, 80, 200].map { TraceRecord(arrivalSeconds: $0, workSize: 10) }
        let result = try Self.run(records, option: Self.option())
        #expect(result.requestRecords.map(\.completionSeconds) == [30, 90, 225])
        #expect(result.requestRecords.map(\.coldStartWaitSeconds) == [15, 0, 15])
        #expect(result.gpuNodeRunsToEnd.map(\.startSeconds) == [5, 200])
        #expect(result.gpuNodeRunsToEnd.map(\.endSeconds) == [150, 285])
        #expect(result.gpuNodeRunsToEnd.map { $0.durations[.idle] } == [50 + 60, 60])   // 30–80, 90–150; 225–285
        #expect(result.activationsFromZero == 2)

        // Idle timeout 0: the instance goes as soon as it has nothing to do, so request 2 cold-starts.
        let eager = try Self.run(records, option: Self.option(idleTimeout: 0))
        #expect(eager.gpuNodeRunsToEnd.map(\.endSeconds) == [30, 105, 225])
        #expect(eager.requestRecords.map(\.coldStartWaitSeconds) == [15, 15, 15])
    }

    @Test func alwaysWarmInstancesServeAtOnceAndStay() throws {
        // One warm instance, ready from 0: the request at 5 is served 5–15 without a cold start,
        // and the instance is never removed (billed until the end of the run).
        let result = try Self.run(
            [TraceRecord(arrivalSeconds: 5, workSize: 10)], option: Self.option(minInstances: 1))
        let request = try #require(result.requestRecords.first)
        #expect(request.completionSeconds == 15)
        #expect(request.coldStartWaitSeconds == 0)
        #expect(result.gpuNodeRunsToEnd.count == 1)
        #expect(result.gpuNodeRunsToEnd[0].startSeconds == 0)
        #expect(result.gpuNodeRunsToEnd[0].runningAtEnd)
        #expect(result.gpuNodesCreated == 0)
        #expect(result.activationsFromZero == 0)
    }

    @Test func cloudRunBillsTheIdleRetentionAndCutsTheTimeout() throws {
        // Cloud Run with the settings above and a 900-s idle retention: request at 0 served 15–25,
        // instance billed 0–925. The platform's 20-s request timeout is shorter than the client's
        // 60 s: the reply at 25 s counts as timed out.
        let result = try Self.run(
            [TraceRecord(arrivalSeconds: 0, workSize: 10)],
            option: Self.option(.cloudRun, idleTimeout: 900, requestTimeout: 20))
        #expect(result.clientTimeoutSeconds == 20)
        let request = try #require(result.requestRecords.first)
        #expect(request.completionSeconds == 25)
        #expect(request.timedOut)
        let instance = try #require(result.gpuNodeRunsToEnd.first)
        #expect(instance.machine == NodeSpec(
            provider: "gcp", region: "us-central1", machineType: "cloud-run/nvidia-l4", gpuModel: "L4", gpuCount: 1))
        #expect(instance.endSeconds == 925)
        #expect(instance.durations[.idle] == 900)
    }

    @Test func badSettingsNameTheField() {
        func message(_ change: (inout ServerlessDeployment) -> Void) -> String {
            Self.validationMessage(ServerlessDeployment(platform: .cloudRun), change)
        }
        #expect(message { $0.gpu = "T4" } == "serverless.gpu 'T4' is not offered by cloud-run (offered: L4)")
        #expect(message { $0.settings.concurrency = 0 } == "serverless.concurrency must be within 1 … 1000, got 0")
        #expect(message { $0.settings.idleTimeoutSeconds = -1 }.hasPrefix("serverless.idleTimeout must be within 0"))
        #expect(message { $0.settings.requestTimeoutSeconds = 3601 }.hasPrefix("serverless.requestTimeout"))
        #expect(message { $0.settings.minInstances = 5; $0.settings.maxInstances = 2 }
            == "serverless.minInstances (5) must be <= serverless.maxInstances (2)")
        #expect(message { $0.settings.modelLoad = .exponential(mean: -1) }
            == "serverless.modelLoad: exponential mean must be > 0")
        #expect(message { _ in } == "")
    }
}
