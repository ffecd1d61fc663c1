import Testing
@testable import Simulator

/// Skipping controller ticks that provably change nothing (``ControllerTimer``) must not change
/// any result: every case runs once firing every tick and once skipping, and the two results must
/// be identical — decisions, per-request records, node runs, latency distributions, timeline.
@Suite struct QuietTickTests {
    static let gpu = NodeSpec(
        provider: "gcp", region: "us-central1", machineType: "n1-highmem-4", gpuModel: "T4", gpuCount: 1, spot: true)

    static func autoscaled(
        _ autoscaler: AutoscaledDeployment.Autoscaler, maxNodes: Int = 3,
        ca: ClusterAutoscalerSettings = .upstreamDefaults,
        coldStart: ColdStartModel = .typicalGKE, spot: SpotModel = SpotModel(), minNodes: Int = 0, gpusPerNode: Int = 1,
        hpa: HPASettings = HPASettings(phaseSeconds: 3), karpenter: KarpenterSettings? = nil
    ) -> DeploymentOption {
        var node = gpu
        node.gpuCount = gpusPerNode
        return DeploymentOption(name: "option", kind: .autoscaled(AutoscaledDeployment(
            autoscaler: autoscaler, hpa: hpa, node: node, minNodes: minNodes, maxNodes: maxNodes,
            clusterAutoscaler: ca, karpenter: karpenter, coldStart: coldStart, spot: spot)))
    }

    /// Office-hours traffic over a few days, with the seed's own cold starts and preemptions.
    static func generated(
        days: Double, workPerDay: Double = 300 * 60, dropExpired: Bool = false, timeout: Double = 60,
        workers: WorkerSettings = WorkerSettings()
    ) -> Scenario {
        Scenario(
            name: "parity", workload: .synthetic(SyntheticTrace.Description(workPerDay: workPerDay, days: days)),
            inference: InferenceModel(secondsPerWorkUnit: 0.45, noise: .normal(mean: 1, standardDeviation: 0.04)),
            workers: workers,
            clientTimeoutSeconds: timeout, dropExpiredMessages: dropExpired, seed: 7)
    }

    /// Whole-second arrivals in bursts: ties between arrivals, pod starts and controller ticks.
    static func wholeSeconds() -> Scenario {
        var records: [TraceRecord] = []
        for burst in 0..<12 {
            let start = Double(burst * burst * 97 % 5_000 + burst * 1_800)
            for index in 0..<(burst % 4 == 0 ? 60 : 3) {
                records.append(
                    TraceRecord(arrivalSeconds: start + Double(index / 2 * 10), workSize: Double(5 + index % 7 * 10)))
            }
        }
        records.sort { $0.arrivalSeconds < $1.arrivalSeconds }
        return Scenario(
            name: "ties", workload: .records(records),
            inference: InferenceModel(secondsPerWorkUnit: 1, noise: .constant(1)),
            clientTimeoutSeconds: 120, seed: 3, timelineBucketSeconds: 10)
    }

    /// The broker is unreachable for two hours of the office day; fallback drives 2 replicas.
    static func withOutages() -> DeploymentOption {
        var keda = KEDAConfiguration.article
        keda.fallback = KEDAConfiguration.Fallback(failureThreshold: 3, replicas: 2)
        var option = autoscaled(.keda(keda))
        if case .autoscaled(var deployment) = option.kind {
            deployment.scalerOutages = [(10 * 3_600)..<(12 * 3_600)]
            option.kind = .autoscaled(deployment)
        }
        return option
    }

    static let fixedColdStart = ColdStartModel.constant(
        vmBoot: 60, driverInstall: 50, devicePlugin: 10, imagePull: 100, modelLoad: 15, readiness: 5)
    /// VM boots of 10–20 min: about half the nodes miss max-node-provision-time (15 min).
    static let slowBoots = ColdStartModel(
        vmBoot: .uniform(lower: 600, upper: 1_200), driverInstall: .constant(50), devicePlugin: .constant(10),
        imagePull: .constant(100), modelLoad: .constant(15), readiness: .constant(5))

    static let cases: [(name: String, scenario: Scenario, option: DeploymentOption)] = {
        var http = KEDAConfiguration.article
        http.trigger.queueProtocol = .http
        var behavior = KEDAConfiguration.article
        behavior.trigger.targetValue = 2
        behavior.hpaBehavior = HPABehavior()
        var cached = KEDAConfiguration(
            pollingIntervalSeconds: 15, cooldownPeriodSeconds: 120,
            trigger: RabbitMQTrigger(targetValue: 2, useCachedMetrics: true))
        cached.maxReplicaCount = 4
        let idle = KEDAConfiguration(
            pollingIntervalSeconds: 10, cooldownPeriodSeconds: 90, minReplicaCount: 2, idleReplicaCount: 0,
            trigger: RabbitMQTrigger(targetValue: 3))
        let legacyMany = KEDAConfiguration(
            pollingIntervalSeconds: 7, cooldownPeriodSeconds: 45, maxReplicaCount: 6,
            trigger: RabbitMQTrigger(targetValue: 1))
        var tightPolicies = KEDAConfiguration(
            pollingIntervalSeconds: 5, cooldownPeriodSeconds: 30, initialCooldownPeriodSeconds: 600, maxReplicaCount: 6,
            trigger: RabbitMQTrigger(targetValue: 1, activationValue: 1, queueProtocol: .http))
        tightPolicies.hpaBehavior = HPABehavior(
            scaleUp: .init(
                stabilizationWindowSeconds: 30,
                policies: [
                    .init(kind: .pods, value: 1, periodSeconds: 60),
                    .init(kind: .percent, value: 50, periodSeconds: 30),
                ], selectPolicy: .min),
            scaleDown: .init(
                stabilizationWindowSeconds: 120, policies: [.init(kind: .pods, value: 1, periodSeconds: 45)]))
        // The HPA's minimum above 1: proposals fall below it (queue empty) while syncs still act above it.
        let legacyMinTwo = KEDAConfiguration(
            pollingIntervalSeconds: 10, cooldownPeriodSeconds: 60, minReplicaCount: 2, maxReplicaCount: 6,
            trigger: RabbitMQTrigger(targetValue: 1))
        var behaviorMinTwo = legacyMinTwo
        behaviorMinTwo.hpaBehavior = HPABehavior(
            scaleUp: .init(stabilizationWindowSeconds: 20, policies: [.init(kind: .pods, value: 2, periodSeconds: 30)]),
            scaleDown: .init(
                stabilizationWindowSeconds: 60, policies: [.init(kind: .percent, value: 50, periodSeconds: 30)]))
        let slowCA = ClusterAutoscalerSettings(
            scanIntervalSeconds: 17, scaleDownUnneededSeconds: 240, scaleDownDelayAfterAddSeconds: 120,
            scaleDownDelayAfterDeleteSeconds: 50,
            maxEmptyBulkDelete: 1, frequentLoops: false, phaseSeconds: 4)
        return [
            ("article ScaledObject, 3 days", generated(days: 3), autoscaled(.keda(.article))),
            ("KEDA defaults", generated(days: 2), autoscaled(.keda(KEDAConfiguration()))),
            ("HTTP protocol", generated(days: 2), autoscaled(.keda(http))),
            (
                "HPA behavior, busy", generated(days: 2, workPerDay: 8 * 3_600 * 3),
                autoscaled(.keda(behavior), maxNodes: 5)
            ),
            (
                "legacy HPA, many pods", generated(days: 2, workPerDay: 8 * 3_600 * 4),
                autoscaled(.keda(legacyMany), maxNodes: 6, ca: .gkeOptimizeUtilization)
            ),
            ("cached metrics", generated(days: 2, workPerDay: 8 * 3_600 * 2), autoscaled(.keda(cached), maxNodes: 4)),
            ("idleReplicaCount", generated(days: 2), autoscaled(.keda(idle), maxNodes: 3)),
            (
                "warm pool", generated(days: 2),
                autoscaled(
                    .keda(KEDAConfiguration(pollingIntervalSeconds: 10, cooldownPeriodSeconds: 60, minReplicaCount: 1)))
            ),
            (
                "message TTL", generated(days: 2, workPerDay: 8 * 3_600 * 2, dropExpired: true, timeout: 30),
                autoscaled(.keda(.article), maxNodes: 2)
            ),
            (
                "spot preemptions and stock-outs", generated(days: 3, workPerDay: 8 * 3_600),
                autoscaled(
                    .keda(.article),
                    spot: SpotModel(preemptionsPerNodeHour: 0.2, noticeSeconds: 30, stockoutProbability: 0.3))
            ),
            ("Knative", generated(days: 2), autoscaled(.knative(KnativeConfiguration()))),
            (
                "Knative, busy", generated(days: 1, workPerDay: 8 * 3_600 * 3),
                autoscaled(.knative(KnativeConfiguration(maxScale: 4)), maxNodes: 4)
            ),
            (
                "ties on whole seconds", wholeSeconds(),
                autoscaled(.keda(behavior), maxNodes: 4, coldStart: fixedColdStart)
            ),
            ("ties, legacy HPA", wholeSeconds(), autoscaled(.keda(legacyMany), maxNodes: 4, coldStart: fixedColdStart)),
            (
                "nodes that miss max-node-provision-time", generated(days: 2),
                autoscaled(.keda(.article), maxNodes: 3, coldStart: slowBoots)
            ),
            (
                "ties, Knative", wholeSeconds(),
                autoscaled(.knative(KnativeConfiguration()), maxNodes: 4, coldStart: fixedColdStart)
            ),
            ("HPA policies with selectPolicy Min, HTTP, activationValue, initial cooldown",
             generated(days: 2, workPerDay: 8 * 3_600 * 3), autoscaled(.keda(tightPolicies), maxNodes: 6)),
            (
                "two GPUs per node, concurrency 2, prefetch 3, slow cluster autoscaler without frequent loops",
                generated(days: 2, workPerDay: 8 * 3_600 * 4, workers: WorkerSettings(concurrency: 2, prefetch: 3)),
                autoscaled(
                    .keda(legacyMany), maxNodes: 3, ca: slowCA, gpusPerNode: 2,
                    hpa: HPASettings(syncPeriodSeconds: 20, downscaleStabilizationSeconds: 100, phaseSeconds: 7))
            ),
            // Knative's ticks run ahead to the next event: preemptions and expiring messages change its inputs between
            // ticks.
            (
                "Knative, spot preemptions and message TTL",
                generated(days: 2, workPerDay: 8 * 3_600 * 2, dropExpired: true, timeout: 30),
                autoscaled(
                    .knative(KnativeConfiguration(maxScale: 4)), maxNodes: 4,
                    spot: SpotModel(preemptionsPerNodeHour: 0.3, noticeSeconds: 30, stockoutProbability: 0.2))
            ),
            (
                "Knative with retention, min and max scale", generated(days: 2, workPerDay: 8 * 3_600 * 2),
                autoscaled(
                    .knative(
                        KnativeConfiguration(
                            scaleToZeroGracePeriodSeconds: 45, podRetentionSeconds: 90, minScale: 0, maxScale: 3)),
                    maxNodes: 3)
            ),
            // The activator leaves the path when ready pods have excess burst capacity (≥ 2 pods of
            // concurrency 10 against a capacity of 15): the fast path depends on how long it has been back.
            (
                "Knative, burst capacity 15, concurrency 10", generated(days: 2, workPerDay: 8 * 3_600 * 3),
                autoscaled(
                    .knative(KnativeConfiguration(containerConcurrency: 10, maxScale: 4, targetBurstCapacity: 15)),
                    maxNodes: 4)
            ),
            ("pool minimum of one node", generated(days: 2), autoscaled(.keda(.article), minNodes: 1)),
            (
                "legacy HPA with minReplicaCount 2, busy", generated(days: 2, workPerDay: 8 * 3_600 * 3),
                autoscaled(.keda(legacyMinTwo), maxNodes: 6)
            ),
            (
                "HPA behavior with minReplicaCount 2, busy", generated(days: 2, workPerDay: 8 * 3_600 * 3),
                autoscaled(.keda(behaviorMinTwo), maxNodes: 6)
            ),
            // KEDA sleeps until a cooldown end far beyond any tick index (it must not overflow the timer's grid).
            ("cooldown of 10²⁰ s: never scales in", generated(days: 1),
             autoscaled(.keda(KEDAConfiguration(pollingIntervalSeconds: 10, cooldownPeriodSeconds: 1e20)))),
            (
                "scaler outages with fallback (ticks may not sleep)", generated(days: 1, workPerDay: 8 * 3_600),
                withOutages()
            ),
            (
                "Karpenter, spot interruptions without a queue and stock-outs",
                generated(days: 3, workPerDay: 8 * 3_600 * 2),
                autoscaled(
                    .keda(.article), maxNodes: 6,
                    spot: SpotModel(preemptionsPerNodeHour: 0.2, noticeSeconds: 120, stockoutProbability: 0.3),
                    karpenter: KarpenterSettings())
            ),
            (
                "Karpenter with a queue, consolidateAfter 5m, a 1-node budget, expireAfter 6h, grace 60 s",
                generated(days: 2, workPerDay: 8 * 3_600 * 3),
                autoscaled(
                    .keda(legacyMany), maxNodes: 6,
                    spot: SpotModel(preemptionsPerNodeHour: 0.2, noticeSeconds: 120, stockoutProbability: 0.2),
                    karpenter: KarpenterSettings(
                        interruptionQueue: true, consolidationPolicy: .whenEmpty, consolidateAfterSeconds: 300,
                        budgets: [DisruptionBudget(nodes: .count(1))], expireAfterSeconds: 6 * 3_600,
                        terminationGracePeriodSeconds: 60))
            ),
            (
                "Karpenter, ties on whole seconds", wholeSeconds(),
                autoscaled(.keda(behavior), maxNodes: 4, coldStart: fixedColdStart, karpenter: KarpenterSettings())
            ),
        ]
    }()

    @Test(arguments: 0..<cases.count)
    func skippingQuietTicksChangesNoResult(_ index: Int) throws {
        let (name, scenario, option) = Self.cases[index]
        func run(_ skip: Bool) throws -> SimulationResult {
            try Simulation.run(
                scenario, option: option, replication: 0, keepRequestRecords: true, keepDecisions: true,
                skipQuietTicks: skip)
        }
        let every = try run(false)
        let skipping = try run(true)
        #expect(every.decisions.count > 0, "\(name): the case exercises the controllers")
        #expect(skipping.eventCount < every.eventCount, "\(name): ticks were skipped")
        let (a, b) = (skipping.requests, every.requests)
        let differences = [
            ("decisions", skipping.decisions == every.decisions),
            ("request records", skipping.requestRecords == every.requestRecords),
            ("node runs", skipping.nodeRuns == every.nodeRuns && skipping.nodeRunsToEnd == every.nodeRunsToEnd),
            ("timeline", skipping.timeline == every.timeline),
            ("end", skipping.endSeconds == every.endSeconds),
            (
                "counts",
                [
                    skipping.gpuNodesCreated, skipping.activationsFromZero, skipping.preemptions, a.arrived, a.served,
                    a.timedOut,
                    a.expiredUnserved, a.unanswered, a.waitedForColdStart,
                ]
                    == [
                        every.gpuNodesCreated, every.activationsFromZero, every.preemptions, b.arrived, b.served,
                        b.timedOut,
                        b.expiredUnserved, b.unanswered, b.waitedForColdStart,
                    ]
            ),
            (
                "time integrals",
                a.requestSecondsInSystem == b.requestSecondsInSystem
                    && a.requestSecondsInQueue == b.requestSecondsInQueue
            ),
            (
                "latencies",
                [a.response, a.wait, a.coldStartWait, a.sojourn].map(\.summary)
                    == [b.response, b.wait, b.coldStartWait, b.sojourn].map(\.summary)
            ),
        ].filter { !$0.1 }.map(\.0)
        #expect(differences.isEmpty, "\(name): \(differences) differ")
        if let first = zip(skipping.decisions, every.decisions).first(where: { $0 != $1 }) {
            Issue.record("\(name): first differing decision: skipping \(first.0), every tick \(first.1)")
        }
    }
}
