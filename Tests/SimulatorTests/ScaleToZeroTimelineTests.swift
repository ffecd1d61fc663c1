import Testing
@testable import Simulator

/// Hand-computed timelines of the scale-to-zero path: KEDA poll loop, HPA, cluster autoscaler,
/// node and pod cold start, scale to zero, node removal (scaling-semantics.md §7).
@Suite struct ScaleToZeroTimelineTests {
    /// Fixed phases: VM boot 60 s, driver 50 s, device plugin 10 s, image pull 100 s,
    /// model load 15 s, readiness 5 s ⇒ pod ready 240 s after the VM starts.
    static let coldStart = ColdStartModel.constant(
        vmBoot: 60, driverInstall: 50, devicePlugin: 10, imagePull: 100, modelLoad: 15, readiness: 5)

    static func option(_ keda: KEDAConfiguration, ca: ClusterAutoscalerSettings = .upstreamDefaults, maxNodes: Int = 3,
                       behavior: HPABehavior? = nil) -> DeploymentOption {
        var keda = keda
        keda.hpaBehavior = behavior
        return DeploymentOption(name: "scale-to-zero", kind: .autoscaled(AutoscaledDeployment(
            autoscaler: .keda(keda), hpa: HPASettings(phaseSeconds: 1), node: .articleGPU, minNodes: 0,
            maxNodes: maxNodes, clusterAutoscaler: ca, coldStart: coldStart, vmDeletionSeconds: 30
        ).pinningUnsetPhasesToZero()))
    }

    static func run(_ records: [TraceRecord], option: DeploymentOption, timeout: Double = 60) throws -> SimulationResult
    {
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
        let node = try #require(result.gpuNodeRunsToEnd.first)
        #expect(result.gpuNodeRunsToEnd.count == 1)
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
        // --explain: nodes= is always a count; the node the scale-down removes is named by its id.
        #expect(ca.map(\.inputs) == ["pending=1 nodes=0", "nodes=1 deleted=0"])
        let deferred = try #require(result.decisions.first { $0.rule.hasPrefix("scale-up deferred") })
        #expect(deferred.timeSeconds == 10)
        #expect(deferred.rule == "scale-up deferred: pending pod younger than 30 s")
        #expect(result.activationsFromZero == 1)
        #expect(result.gpuNodesCreated == 1)
        #expect(result.requests.waitedForColdStart == 1)
    }

    @Test func oneRequestWithTheKEDALoopStarted2Point5SecondsIntoTheRun() throws {
        // The same request at t=5 with KEDA's phase pinned to 2.5 s and the cluster autoscaler's
        // to 7 s: KEDA polls at 2.5, 12.5, … → activation at 12.5 (the poll at 2.5 saw nothing);
        // the pod's immediate CA loop at 12.5 defers and restarts the CA grid there (its first loop
        // at 7 saw nothing pending), loops at 22.5, 32.5, 42.5 → node at 42.5; registered 102.5;
        // GPU 162.5; pod ready 282.5; served 282.5–292.5. The poll at 282.5 sees the message
        // delivered → lastActiveTime 272.5 → zero at the first poll after 332.5, i.e. 342.5; the
        // node is unneeded from the CA loop at 342.5, deleted at the first loop after 942.5
        // (952.5) and stops 5 s + 30 s later.
        var keda = KEDAConfiguration.article
        keda.phaseSeconds = 2.5
        var ca = ClusterAutoscalerSettings.upstreamDefaults
        ca.phaseSeconds = 7
        let result = try Self.run([TraceRecord(arrivalSeconds: 5, workSize: 10)], option: Self.option(keda, ca: ca))
        let request = try #require(result.requestRecords.first)
        #expect(request.completionSeconds == 292.5)
        #expect(request.coldStartWaitSeconds == 277.5)
        let node = try #require(result.gpuNodeRunsToEnd.first)
        #expect(result.gpuNodeRunsToEnd.count == 1)
        #expect(node.startSeconds == 42.5)
        #expect(node.readySeconds == 282.5)
        #expect(node.endSeconds == 987.5)
        #expect(node.durations[.coldStart] == 240)
        #expect(node.durations[.serving] == 10)
        #expect(node.durations[.cooldownTail] == 50)
        #expect(node.durations[.scaleDownTail] == 645)
        #expect(result.decisions.filter { $0.actor == .keda }.map(\.timeSeconds) == [12.5, 342.5])
        let nodeScaling = result.decisions.filter { $0.actor == .clusterAutoscaler && $0.from != $0.to }
        #expect(nodeScaling.map(\.timeSeconds) == [42.5, 952.5])
    }

    @Test func deferredScaleUpNamesTheWaitThatHoldsItBack() throws {
        // Without the GPU pod buffer, the pod created at 10 is held back by the 2-s young-pod buffer only.
        var ca = ClusterAutoscalerSettings.upstreamDefaults
        ca.gpuPodAgeBufferSeconds = 0
        let result = try Self.run([TraceRecord(arrivalSeconds: 5, workSize: 10)], option: Self.option(.article, ca: ca))
        let deferred = try #require(result.decisions.first { $0.rule.hasPrefix("scale-up deferred") })
        #expect(deferred.timeSeconds == 10)
        #expect(deferred.rule == "scale-up deferred: pending pod younger than 2 s")
        #expect(deferred.inputs == "pending=1 oldestAge=0")
    }

    @Test func httpCountingSeesTheMessageInService() throws {
        // Ready + unacked: the poll at 280 still sees the message → lastActiveTime 280 → zero at 350.
        var keda = KEDAConfiguration.article
        keda.trigger.queueProtocol = .http
        let result = try Self.run([TraceRecord(arrivalSeconds: 5, workSize: 10)], option: Self.option(keda))
        #expect(result.decisions.filter { $0.actor == .keda }.map(\.timeSeconds) == [10, 350])
        let node = try #require(result.gpuNodeRunsToEnd.first)
        #expect(node.endSeconds == 995)        // unneeded from 350, deleted at 960, +35 s
    }

    @Test func defaultKEDASettings() throws {
        // Polls every 30 s: activation at 30; CA defers at 30, 40, 50 and scales up at 60;
        // pod ready at 300, served to 310; last active poll 270 → zero at the first poll after 570 = 600;
        // unneeded from 600, deleted at 1210, VM stops at 1245.
        let result = try Self.run(
            [TraceRecord(arrivalSeconds: 5, workSize: 10)], option: Self.option(KEDAConfiguration()))
        #expect(result.decisions.filter { $0.actor == .keda }.map(\.timeSeconds) == [30, 600])
        let node = try #require(result.gpuNodeRunsToEnd.first)
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
        let result = try Self.run(
            records, option: Self.option(keda, maxNodes: 10, behavior: HPABehavior()), timeout: 10_000)
        let steps = result.decisions.filter { $0.actor == .hpa }.map(\.to)
        #expect(steps.prefix(2) == [5, 10])
    }
}

/// More hand-computed timelines: the AMQP flapping case, Knative, fallback, warm pool, spot.
@Suite struct AutoscalingBehaviourTests {
    typealias Timeline = ScaleToZeroTimelineTests

    @Test func amqpCountingFlapsOnALongRequestWhileHTTPServesIt() throws {
        // A 120-s request with the article's ScaledObject (cooldown 60 s), grace 30 s.
        // HTTP counts the unacked message: pod ready at 280, reply at 400, one activation.
        // AMQP sees an empty queue while the worker is busy: zero at 340, the pod is killed at 370,
        // the message is re-queued, KEDA re-activates at 370, the pod restarts on the cached node at
        // 390 and is killed again at 480 … the request is never answered (kedacore/keda#356).
        let request = [TraceRecord(arrivalSeconds: 5, workSize: 120)]
        var http = KEDAConfiguration.article
        http.trigger.queueProtocol = .http
        let served = try Timeline.run(request, option: Timeline.option(http), timeout: 10_000)
        #expect(served.requestRecords.first?.completionSeconds == 400)
        #expect(served.activationsFromZero == 1)

        var scenario = Scenario(name: "flap", workload: .records(request), inference: Fixtures.workIsSeconds,
                                clientTimeoutSeconds: 10_000, horizonSeconds: 3600)
        scenario.timelineBucketSeconds = 60
        let flapping = try Simulation.run(scenario, option: Timeline.option(.article), keepDecisions: true)
        #expect(flapping.requests.served == 0)
        #expect(flapping.requests.unanswered == 1)
        #expect(flapping.requests.timedOut == 1)
        let keda = flapping.decisions.filter { $0.actor == .keda }
        #expect(keda.prefix(4).map(\.timeSeconds) == [10, 340, 370, 450])
        #expect(flapping.activationsFromZero >= 10)
        #expect(flapping.gpuNodesCreated == 1)
        // The run gives up exactly at the drain deadline: the horizon plus the client timeout
        // (at least an hour), and the timeline ends there (13,600 s in 60-s buckets: 227).
        #expect(flapping.endSeconds == 3600 + 10_000)
        #expect(flapping.timeline.count == 227)
    }

    @Test(arguments: [(211.0, 350.0, 1000.0), (0, 376, 1030)])
    func knativeScalesToZeroAfterTheStableWindowByTheFastPathOrTheGrace(
        _ burstCapacity: Double, _ zeroSeconds: Double, _ nodeStopSeconds: Double
    ) throws {
        // Activator poke at 5 → 1 replica; CA defers at 5, 15, 25 and scales up at 35; node ready
        // for pods at 155, pod ready at 275, reply at 285. The 60-s stable average first reads 0 at
        // the tick at 346: the revision goes inactive.
        // - Target burst capacity 211 (default): one ready pod is 210 short of it, so the activator
        //   has been in the request path all along — the fast path scales to zero a reconcile (3 s)
        //   later, at the tick at 350. The node is unneeded from the CA loop at 355, deleted at the
        //   first loop after 955 (965) and stops 5 s + 30 s later, at 1000.
        // - Capacity 0: the pod served without the activator; it is in the path only from 346, so
        //   the 30-s grace applies: zero at 376, CA loop 385, deleted 995, stopped 1030.
        var knative = KnativeConfiguration(containerConcurrency: 1, targetBurstCapacity: burstCapacity)
        knative.targetUtilization = 1
        knative.initialScale = 0  // otherwise the revision starts with one pod at t = 0
        let option = DeploymentOption(
            name: "kpa",
            kind: .autoscaled(
                AutoscaledDeployment(
                    autoscaler: .knative(knative), node: .articleGPU, maxNodes: 3, coldStart: Timeline.coldStart,
                    vmDeletionSeconds: 30
                ).pinningUnsetPhasesToZero()))
        let result = try Timeline.run([TraceRecord(arrivalSeconds: 5, workSize: 10)], option: option, timeout: 10_000)
        #expect(result.requestRecords.first?.completionSeconds == 285)
        let kpa = result.decisions.filter { $0.actor == .knative }
        #expect(kpa.map(\.timeSeconds) == [5, zeroSeconds])
        #expect(kpa.map(\.to) == [1, 0])
        #expect(result.gpuNodeRunsToEnd.first?.startSeconds == 35)
        #expect(result.gpuNodeRunsToEnd.first?.endSeconds == nodeStopSeconds)
    }

    @Test func aNodeThatDoesNotRegisterInTimeIsAFailedScaleUp() throws {
        // VMs that take 1,000 s to boot, against max-node-provision-time 900 s. Request at 5; KEDA
        // activates at 10; CA scales up at 40 (node 0). Node 0 is still unregistered after
        // 40 + 900: the first loop after 940, at 950, deletes it and backs the group off until
        // 1250. The VM stops at 985 (5 s taint delay, 30 s deletion): the pending pod is
        // unschedulable again and the CA loops at once, from then on at 985 + 10k s; the loop at
        // 1255 scales up again (node 1), which fails the same way at the first loop after 2155,
        // 2165: the back-off had ended, so it doubles to 600 s, until 2765. Node 1 stops at 2200,
        // the loops restart from there and the one at 2770 asks for node 2.
        let slowBoot = ColdStartModel.constant(
            vmBoot: 1_000, driverInstall: 50, devicePlugin: 10, imagePull: 100, modelLoad: 15, readiness: 5)
        let option = DeploymentOption(name: "scale-to-zero", kind: .autoscaled(AutoscaledDeployment(
            autoscaler: .keda(.article), hpa: HPASettings(phaseSeconds: 1), node: .articleGPU, minNodes: 0, maxNodes: 3,
            coldStart: slowBoot, vmDeletionSeconds: 30).pinningUnsetPhasesToZero()))
        var scenario = Scenario(
            name: "timeline", workload: .records([TraceRecord(arrivalSeconds: 5, workSize: 10)]),
            inference: Fixtures.workIsSeconds,
            clientTimeoutSeconds: 60, timelineBucketSeconds: 10)
        scenario.horizonSeconds = 3_000
        let result = try Simulation.run(scenario, option: option, keepDecisions: true)
        let nodes = result.gpuNodeRuns          // those started in the observed 3,000 s; the drain goes on failing
        #expect(nodes.map(\.startSeconds) == [40, 1255, 2770])
        #expect(nodes.first?.endSeconds == 985)
        #expect(nodes.first?.readySeconds == nil)
        let failed = result.decisions.filter { $0.rule.hasPrefix("failed scale-up") }
        #expect(failed.prefix(2).map(\.timeSeconds) == [950, 2165])
        #expect(result.requests.served == 0)
    }

    @Test func scalerErrorsBlockScaleToZeroOrDriveTheFallback() throws {
        // The broker is unreachable from 300 s to 1000 s. Without fallback KEDA holds: scale to
        // zero waits until the first successful poll at 1000 (instead of 340).
        var deployment = AutoscaledDeployment(
            autoscaler: .keda(.article), hpa: HPASettings(phaseSeconds: 1), node: .articleGPU, maxNodes: 3,
            coldStart: Timeline.coldStart, vmDeletionSeconds: 30, scalerOutages: [300..<1000]
        ).pinningUnsetPhasesToZero()
        let records = [TraceRecord(arrivalSeconds: 5, workSize: 10)]
        let held = try Timeline.run(records, option: DeploymentOption(name: "held", kind: .autoscaled(deployment)))
        #expect(held.decisions.filter { $0.actor == .keda }.map(\.timeSeconds) == [10, 1000])
        // With fallback (threshold 3, replicas 2) the HPA is fed target × 2 once failures exceed 3
        // and scales to 2 replicas during the outage; the fallback polls count as active, so
        // lastActiveTime follows them and scale to zero waits a cooldown after the outage.
        var keda = KEDAConfiguration.article
        keda.fallback = KEDAConfiguration.Fallback(failureThreshold: 3, replicas: 2)
        deployment.autoscaler = .keda(keda)
        let fallback = try Timeline.run(
            records, option: DeploymentOption(name: "fallback", kind: .autoscaled(deployment)))
        let hpa = fallback.decisions.filter { $0.actor == .hpa }
        #expect(hpa.first?.to == 2)
        #expect(hpa.first.map { $0.timeSeconds > 300 && $0.timeSeconds < 400 } == true)
        let toZero = fallback.decisions.filter { $0.actor == .keda && $0.to == 0 }.map(\.timeSeconds)
        #expect(toZero.first.map { $0 > 1000 } == true, "\(toZero)")
        // An outage that starts at zero replicas: past the threshold the fallback activates the
        // target (KEDA ≥ 2.19), which the HPA then drives to the fallback's 2 replicas.
        deployment.scalerOutages = [2000..<3000]
        var scenario = Scenario(
            name: "fallback", workload: .records(records), inference: Fixtures.workIsSeconds, horizonSeconds: 4000)
        scenario.timelineBucketSeconds = 60
        let fromZero = try Simulation.run(
            scenario, option: DeploymentOption(name: "fallback", kind: .autoscaled(deployment)), keepDecisions: true)
        let activations = fromZero.decisions.filter { $0.actor == .keda && $0.rule.contains("fallback active") }
        #expect(activations.count == 1)
        #expect(activations.first.map { $0.timeSeconds > 2000 && $0.timeSeconds < 2100 } == true)
        #expect(fromZero.decisions.contains { $0.actor == .hpa && $0.to == 2 && $0.timeSeconds > 2000 })
    }

    @Test func warmPoolKeepsOneWorkerReady() throws {
        // minReplicaCount 1: a pod from the start, its node requested once the pod is 30 s old
        // (the GPU pod age buffer) and ready at 270; a request at 1000 s waits for nothing.
        var keda = KEDAConfiguration.article
        keda.minReplicaCount = 1
        var scenario = Scenario(name: "warm", workload: .records([TraceRecord(arrivalSeconds: 1000, workSize: 10)]),
                                inference: Fixtures.workIsSeconds, horizonSeconds: 5000)
        scenario.timelineBucketSeconds = 60
        let result = try Simulation.run(scenario, option: Timeline.option(keda), keepRequestRecords: true)
        #expect(result.requestRecords.first?.coldStartWaitSeconds == 0)
        #expect(result.requestRecords.first?.completionSeconds == 1010)
        #expect(result.gpuNodeRunsToEnd.count == 1)
        #expect(result.gpuNodeRunsToEnd.first?.startSeconds == 30)
        #expect(result.gpuNodeRunsToEnd.first?.readySeconds == 270)
        #expect(result.gpuNodeRunsToEnd.first?.endSeconds == 5000)
        #expect(result.gpuNodeRunsToEnd.first?.durations[.coldStart] == 240)
    }

    @Test func spotPreemptionsRequeueWorkAndReplaceNodes() throws {
        // A warm pool on spot nodes preempted at 0.05 per node-hour for 400 h: about 20
        // preemptions (Poisson; the node is down a few minutes each time). Each one is replaced.
        var keda = KEDAConfiguration.article
        keda.minReplicaCount = 1
        let deployment = AutoscaledDeployment(
            autoscaler: .keda(keda), node: Fixtures.articleSpotGPU,
            maxNodes: 3, coldStart: Timeline.coldStart, spot: SpotModel(preemptionsPerNodeHour: 0.05, noticeSeconds: 30)
        )
        let workload = SyntheticTrace.Description(
            workPerDay: 86_400 * 0.3, days: 400.0 / 24, profile: .uniform, requestSize: .exponential(mean: 30))
        let scenario = Scenario(name: "spot", workload: .synthetic(workload), inference: Fixtures.workIsSeconds,
                                clientTimeoutSeconds: 1e9, seed: 3, timelineBucketSeconds: 600)
        let result = try Simulation.run(scenario, option: DeploymentOption(name: "spot", kind: .autoscaled(deployment)))
        #expect(result.preemptions >= 8 && result.preemptions <= 35, "\(result.preemptions) preemptions")
        #expect(result.gpuNodesCreated >= result.preemptions + 1)
        #expect(result.requests.served == result.requests.arrived)
        // Interrupted requests were served again: their lost partial service makes the GPU's
        // serving time exceed the service of the completed attempts (equal when nothing is requeued).
        let completedService = result.requests.service.meanSeconds * Double(result.requests.served)
        let serving = result.gpuNodeSecondsByState[.serving]
        #expect(serving - completedService > 60, "\(serving) vs \(completedService)")
    }

    /// One preemption at a known time P: the first draw of the seed's preemption stream (rate 1 per
    /// node-hour, from the node's start at 30 s), for the first seed that puts P after the warm pod
    /// is ready (270 s) and the replacement's own preemption after the run. A 100-s request arrives
    /// at P − 10 and is in service at P. Timeline from P, with N the notice:
    /// - the notice terminates the pod with grace min(30 s, N); at P + grace the request, 10 + grace
    ///   s into its 100 s, is killed and re-queued at the head of the queue;
    /// - the VM stops at P + N (billing ends); the Deployment recreates the pod (pending), the CA
    ///   loops at once (pod age 0) and every 10 s, and scales up at P + N + 30;
    /// - the new node: VM boot 60, driver 50, device plugin 10 → GPU at P + N + 150; image pull
    ///   100, model load 15, readiness 5 → pod ready at P + N + 270; the request is served again,
    ///   to P + N + 370.
    @Test(arguments: [10.0, 30.0, 120.0])
    func preemptionNoticeRequeuesTheRequestInService(notice: Double) throws {
        let rate = 1.0
        func preemptions(seed: UInt64) -> (first: Double, second: Double) {
            var stream = RandomStream.preemption.generator(seed: seed)
            let first = 30 + Distribution.exponential(mean: 1 / rate).sample(using: &stream) * 3600
            return (first, first + 30 + Distribution.exponential(mean: 1 / rate).sample(using: &stream) * 3600)
        }
        let seed = try #require((1...100 as ClosedRange<UInt64>).first {
            let (first, second) = preemptions(seed: $0)
            return first > 300 && second > first + 4000
        })
        let p = preemptions(seed: seed).first
        var keda = KEDAConfiguration.article
        keda.minReplicaCount = 1
        let deployment = AutoscaledDeployment(
            autoscaler: .keda(keda), hpa: HPASettings(phaseSeconds: 1), node: Fixtures.articleSpotGPU, maxNodes: 3,
            coldStart: Timeline.coldStart,
            spot: SpotModel(preemptionsPerNodeHour: rate, noticeSeconds: notice), terminationGracePeriodSeconds: 30
        ).pinningUnsetPhasesToZero()
        var scenario = Scenario(
            name: "notice", workload: .records([TraceRecord(arrivalSeconds: p - 10, workSize: 100)]),
            inference: Fixtures.workIsSeconds, clientTimeoutSeconds: 10_000, seed: seed,
            timelineBucketSeconds: 60)
        scenario.horizonSeconds = p + 1000
        let option = DeploymentOption(name: "spot", kind: .autoscaled(deployment))
        let result = try Simulation.run(scenario, option: option, keepRequestRecords: true)
        func close(_ a: Double?, _ b: Double) -> Bool { a.map { abs($0 - b) < 1e-6 } ?? false }
        #expect(result.preemptions == 1)
        let request = try #require(result.requestRecords.first)
        #expect(
            close(request.completionSeconds, p + notice + 370),
            "\(String(describing: request.completionSeconds)), P = \(p)")
        #expect(close(request.serviceSeconds, 100))
        let nodes = result.gpuNodeRunsToEnd
        #expect(nodes.count == 2)
        #expect(close(nodes.first?.endSeconds, p + notice))
        #expect(close(nodes.last?.startSeconds, p + notice + 30))
        #expect(close(nodes.last?.readySeconds, p + notice + 270))
        // The GPU served 10 + grace s of the lost attempt and the 100 s of the completed one.
        #expect(abs(result.gpuNodeSecondsByState[.serving] - (110 + Swift.min(30, notice))) < 1e-6)
    }

    @Test func kedaDropsStraightToZeroWhileTheHPAHoldsReplicas() throws {
        var keda = KEDAConfiguration.article
        keda.maxReplicaCount = 10
        let records = (0..<200).map { _ in TraceRecord(arrivalSeconds: 5, workSize: 1) }
        let result = try Timeline.run(records, option: Timeline.option(keda, maxNodes: 10), timeout: 10_000)
        let last = try #require(result.decisions.last { $0.actor == .keda })
        #expect(last.to == 0)
        #expect(last.from > 1)
        #expect(result.requests.served == 200)
    }
}

/// The scale-to-zero paths in their limit against queueing theory.
@Suite struct SetupTimeTheoryTests {
    /// Mean time in system of M/G/1 with setup times (Welch 1964): the server switches off when
    /// the system empties and needs a setup S before serving the next arrival;
    /// E[T] = E[X] + λE[X²] / (2(1 − ρ)) + (2E[S] + λE[S²]) / (2(1 + λE[S])).
    static func meanResponse(arrivalRate lambda: Double, service: Distribution, setup: Distribution) -> Double {
        func secondMoment(_ distribution: Distribution) -> Double {
            distribution.variance + distribution.mean * distribution.mean
        }
        let rho = lambda * service.mean
        return service.mean + lambda * secondMoment(service) / (2 * (1 - rho))
            + (2 * setup.mean + lambda * secondMoment(setup)) / (2 * (1 + lambda * setup.mean))
    }

    /// M/M/1 with exponential setup (Welch 1964): the server switches off when the system empties
    /// and needs an Exp(α) setup when work arrives; response time decomposes as
    /// E[T] = 1/(μ − λ) + 1/α. Here λ = 0.5, μ = 1, 1/α = 5 s ⇒ E[T] = 7 s.
    ///
    /// costsim's limit: KEDA polls every 0.05 s with cooldown 0 over the HTTP count (ready +
    /// unacked, so it sees the server busy), one replica at most, the node kept (min 1), the pod
    /// start Exp(5 s) and no other delay. Polling adds ≈ P/2 of delay per busy period and keeps an
    /// idle server up to P: both well under the tolerance. Tolerance: 4 standard errors of 6
    /// replications of ~15,000 customers, plus 1.5 % for those polling effects.
    @Test func mm1WithSetupMatchesTheDecomposition() throws {
        let keda = KEDAConfiguration(
            pollingIntervalSeconds: 0.05, cooldownPeriodSeconds: 0, maxReplicaCount: 1,
            trigger: RabbitMQTrigger(targetValue: 1, queueProtocol: .http))
        let coldStart = ColdStartModel(
            vmBoot: .constant(0), driverInstall: .constant(0), devicePlugin: .constant(0), imagePull: .constant(0),
            modelLoad: .exponential(mean: 5), readiness: .constant(0))
        let deployment = AutoscaledDeployment(
            autoscaler: .keda(keda), node: .articleGPU, minNodes: 1, maxNodes: 1, coldStart: coldStart,
            terminationGracePeriodSeconds: 0)
        let option = DeploymentOption(name: "setup", kind: .autoscaled(deployment))
        let workload = SyntheticTrace.Description(
            workPerDay: 0.5 * 86_400, days: 30_000 / 86_400, profile: .uniform, requestSize: .exponential(mean: 1))
        let scenario = Scenario(name: "setup", workload: .synthetic(workload), inference: Fixtures.workIsSeconds,
                                clientTimeoutSeconds: 1e12, seed: 21, timelineBucketSeconds: 3600)
        let means = try (0..<6).map { replication in
            try Simulation.run(scenario, option: option, replication: replication).requests.sojourn.meanSeconds
        }
        let estimate = Estimate(means)
        let theory = Self.meanResponse(arrivalRate: 0.5, service: .exponential(mean: 1), setup: .exponential(mean: 5))
        #expect(abs(theory - (1 / (1 - 0.5) + 5)) < 1e-12)   // M/M/1: 1/(μ − λ) + 1/α
        #expect(estimate.standardError < 0.04 * theory)
        #expect(abs(estimate.mean - theory) <= 4 * estimate.standardError + 0.015 * theory,
                "simulated \(estimate.mean) ± \(estimate.standardError) vs theory \(theory)")
    }

    /// The per-second serverless option in the same limit: one instance, idle timeout 0 (the
    /// instance goes as soon as it is empty), a fixed start-up S = 2 s, Poisson arrivals at
    /// λ = 0.5/s, service 1 s: E[T] = 1 + 0.5 / 1 + (4 + 2) / 4 = 3 s. No polling: the only
    /// tolerance is 4 standard errors of 8 replications of ~60,000 customers, plus 1 %.
    @Test func perSecondPlatformMatchesMG1WithSetup() throws {
        let lambda = 0.5, service = Distribution.constant(1), setup = Distribution.constant(2)
        let theory = Self.meanResponse(arrivalRate: lambda, service: service, setup: setup)
        #expect(abs(theory - 3) < 1e-12)
        let settings = ServerlessSettings(
            concurrency: 1, maxInstances: 1, idleTimeoutSeconds: 0, instanceStart: setup,
            containerStart: .constant(0), modelLoad: .constant(0), requestTimeoutSeconds: 86_400)
        let option = DeploymentOption(
            name: "per-second", kind: .serverless(ServerlessDeployment(platform: .modal, settings: settings)))
        let workload = SyntheticTrace.Description(
            workPerDay: lambda * service.mean * 86_400, days: 60_000 / lambda / 86_400, profile: .uniform,
            requestSize: service)
        let scenario = Scenario(name: "setup", workload: .synthetic(workload), inference: Fixtures.workIsSeconds,
                                clientTimeoutSeconds: 1e12, seed: 91, timelineBucketSeconds: 3600)
        let means = try (0..<8).map { replication in
            try Simulation.run(scenario, option: option, replication: replication).requests.sojourn.meanSeconds
        }
        let estimate = Estimate(means)
        #expect(estimate.standardError < 0.04 * theory)
        #expect(abs(estimate.mean - theory) <= 4 * estimate.standardError + 0.01 * theory,
                "simulated \(estimate.mean) ± \(estimate.standardError) vs theory \(theory)")
    }
}
