import Testing
@testable import Simulator

/// Hand-computed timelines of the scale-to-zero path: KEDA poll loop, HPA, cluster autoscaler,
/// node and pod cold start, scale to zero, node removal (scaling-semantics.md §7).
@Suite struct ScaleToZeroTimelineTests {
    /// Fixed phases: VM boot 60 s, driver 50 s, device plugin 10 s, image pull 100 s,
    /// model load 15 s, readiness 5 s ⇒ pod ready 240 s after the VM starts.
    static let coldStart = ColdStartModel.constant(vmBoot: 60, driverInstall: 50, devicePlugin: 10, imagePull: 100, modelLoad: 15, readiness: 5)

    static func option(_ keda: KEDAConfiguration, ca: ClusterAutoscalerSettings = .upstreamDefaults, maxNodes: Int = 3,
                       behavior: HPABehavior? = nil) -> DeploymentOption {
        var keda = keda
        keda.hpaBehavior = behavior
        return DeploymentOption(name: "scale-to-zero", kind: .autoscaled(AutoscaledDeployment(
            autoscaler: .keda(keda), hpa: HPASettings(phaseSeconds: 1), node: .articleGPU, minNodes: 0, maxNodes: maxNodes,
            clusterAutoscaler: ca, coldStart: coldStart, vmDeletionSeconds: 30)))
    }

    static func run(_ records: [TraceRecord], option: DeploymentOption, timeout: Double = 60) throws -> SimulationResult {
        let scenario = Scenario(
            name: "timeline", workload: .records(records), inference: Fixtures.workIsSeconds,
            clientTimeoutSeconds: timeout, timelineBucketSeconds: 10)
        return try Simulation.run(scenario, option: option, keepRequestRecords: true, keepDecisions: true)
    }

    @Test func oneRequestWithTheArticleScaledObject() throws {
        // t=5 request; KEDA polls at 0, 10, … → activation at 10 (pod pending, CA loop at once but the
        // GPU pod is < 30 s old), CA loops at 20, 30, 40 → node at 40; registered 100; GPU 160;
        // pod ready 280 (image pull 100 + load 15 + readiness 5); served 280–290.
        // AMQP counts ready messages only: the poll at 280 sees 0 → lastActiveTime stays 270 →
        // scale to zero at the first poll after 330, i.e. 340. The node is unneeded from the CA
        // loop at 340 and deleted at the first loop after 940 (950), stopping 5 s + 30 s later.
        let result = try Self.run([TraceRecord(arrivalSeconds: 5, workSize: 10)], option: Self.option(.article))
        let request = try #require(result.requestRecords.first)
        #expect(request.completionSeconds == 290)
        #expect(request.coldStartWaitSeconds == 275)
        #expect(request.queueWaitSeconds == 0)
        #expect(request.timedOut)
        let node = try #require(result.gpuNodeRuns.first)
        #expect(result.gpuNodeRuns.count == 1)
        #expect(node.startSeconds == 40)
        #expect(node.readySeconds == 280)
        #expect(node.endSeconds == 985)
        #expect(node.durations[.coldStart] == 240)
        #expect(node.durations[.serving] == 10)
        #expect(node.durations[.cooldownTail] == 50)
        #expect(node.durations[.scaleDownTail] == 645)
        #expect(node.durations[.idle] == 0)
        let keda = result.decisions.filter { $0.actor == .keda }
        #expect(keda.map(\.timeSeconds) == [10, 340])
        #expect(keda.map(\.to) == [1, 0])
        let ca = result.decisions.filter { $0.actor == .clusterAutoscaler && $0.from != $0.to }
        #expect(ca.map(\.timeSeconds) == [40, 950])
        #expect(result.activationsFromZero == 1)
        #expect(result.gpuNodesCreated == 1)
        #expect(result.requests.waitedForColdStart == 1)
    }

    @Test func httpCountingSeesTheMessageInService() throws {
        // Ready + unacked: the poll at 280 still sees the message → lastActiveTime 280 → zero at 350.
        var keda = KEDAConfiguration.article
        keda.trigger.queueProtocol = .http
        let result = try Self.run([TraceRecord(arrivalSeconds: 5, workSize: 10)], option: Self.option(keda))
        #expect(result.decisions.filter { $0.actor == .keda }.map(\.timeSeconds) == [10, 350])
        let node = try #require(result.gpuNodeRuns.first)
        #expect(node.endSeconds == 995)        // unneeded from 350, deleted at 960, +35 s
    }

    @Test func defaultKEDASettings() throws {
        // Polls every 30 s: activation at 30; CA defers at 30, 40, 50 and scales up at 60;
        // pod ready at 300, served to 310; last active poll 270 → zero at the first poll after 570 = 600;
        // unneeded from 600, deleted at 1210, VM stops at 1245.
        let result = try Self.run([TraceRecord(arrivalSeconds: 5, workSize: 10)], option: Self.option(KEDAConfiguration()))
        #expect(result.decisions.filter { $0.actor == .keda }.map(\.timeSeconds) == [30, 600])
        let node = try #require(result.gpuNodeRuns.first)
        #expect(node.startSeconds == 60)
        #expect(node.readySeconds == 300)
        #expect(node.endSeconds == 1245)
        #expect(result.requestRecords.first?.completionSeconds == 310)
    }

    @Test func nodeStaysWhenTheNextBurstComesBeforeScaleDown() throws {
        // A second request at 600 arrives while the empty node waits for the CA (unneeded since
        // 340, deletion due at 950): KEDA activates at 600, the pod starts on the existing node
        // without a new VM and without an image pull (cached): ready at 620, served 620–630.
        let records = [TraceRecord(arrivalSeconds: 5, workSize: 10), TraceRecord(arrivalSeconds: 600, workSize: 10)]
        let result = try Self.run(records, option: Self.option(.article))
        #expect(result.gpuNodesCreated == 1)
        #expect(result.requestRecords.map { $0.completionSeconds! } == [290, 630])
        #expect(result.activationsFromZero == 2)
        #expect(result.requestRecords[1].coldStartWaitSeconds == 20)
    }

    @Test func burstOf200WithLegacyHPAPath() throws {
        // 200 messages at t=5, value 20 → the HPA wants 10 replicas; max 5 (article maxReplicaCount).
        // Legacy path: first step at most max(2×1, 4) = 4, then 5.
        var keda = KEDAConfiguration.article
        keda.maxReplicaCount = 10
        let records = (0..<200).map { _ in TraceRecord(arrivalSeconds: 5, workSize: 1) }
        let result = try Self.run(records, option: Self.option(keda, maxNodes: 10), timeout: 10_000)
        let steps = result.decisions.filter { $0.actor == .hpa }.map(\.to)
        #expect(steps.prefix(2) == [4, 8])
        #expect(steps.max() == 10)
    }

    @Test func burstOf200WithDefaultBehavior() throws {
        // Behavior present with defaults: scale-up limit max(1 + 4 pods, 1 × 200 %) = 5, then 10.
        var keda = KEDAConfiguration.article
        keda.maxReplicaCount = 10
        let records = (0..<200).map { _ in TraceRecord(arrivalSeconds: 5, workSize: 1) }
        let result = try Self.run(records, option: Self.option(keda, maxNodes: 10, behavior: HPABehavior()), timeout: 10_000)
        let steps = result.decisions.filter { $0.actor == .hpa }.map(\.to)
        #expect(steps.prefix(2) == [5, 10])
    }
}
