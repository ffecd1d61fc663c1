import Testing
@testable import Simulator

/// Inputs that would make a run trap, fill the memory or never end get a clear error instead
/// (``SimulationLimits``, ``SimulationError``).
@Suite struct SimulationLimitTests {
    static func dedicated(nodes: Int = 1, node: NodeSpec = .articleGPU) -> DeploymentOption {
        DeploymentOption(name: "dedicated", kind: .dedicated(DedicatedDeployment(nodeCount: nodes, node: node)))
    }

    /// A request a second, each taking 10 s on the only GPU: the queue grows by 0.9 a second.
    static let overloaded = Scenario(
        name: "overload", workload: .records((0..<5_000).map { TraceRecord(arrivalSeconds: Double($0), workSize: 10) }),
        inference: InferenceModel(secondsPerWorkUnit: 1, noise: .constant(1)), clientTimeoutSeconds: 60)

    @Test func anOptionThatCannotKeepUpStopsWithAnOverloadError() throws {
        let error = try #require(throws: SimulationError.self) {
            try Simulation.run(
                Self.overloaded, option: Self.dedicated(), replication: 0, keepRequestRecords: false,
                keepDecisions: false,
                skipQuietTicks: true, maxRequestsInSystem: 1_000)
        }
        // 1,001 in the system: arrivals minus about a tenth served, ≈ 1,112 s into the run.
        guard case .overloaded(let option, let time, let requests) = error else { Issue.record("\(error)"); return }
        #expect(option == "dedicated" && requests == 1_001)
        #expect(time > 1_000 && time < 1_200)
        #expect(error.description.contains("cannot keep up"))
        // Ten GPUs keep up with the same traffic: no error.
        _ = try Simulation.run(
            Self.overloaded, option: Self.dedicated(nodes: 10), replication: 0, keepRequestRecords: false,
            keepDecisions: false, skipQuietTicks: true, maxRequestsInSystem: 1_000)
    }

    @Test func aTraceLongerThanTheTimelineCanHoldIsAnError() throws {
        let bucket = 60.0
        let longest = bucket * Scenario.maxTimelineBuckets
        func scenario(lastArrival: Double) -> Scenario {
            Scenario(
                name: "long",
                workload: .records([
                    TraceRecord(arrivalSeconds: 0, workSize: 1), TraceRecord(arrivalSeconds: lastArrival, workSize: 1),
                ]),
                inference: InferenceModel(secondsPerWorkUnit: 1, noise: .constant(1)), timelineBucketSeconds: bucket)
        }
        let error = try #require(throws: SimulationError.self) {
            try Simulation.run(scenario(lastArrival: longest.nextUp), option: Self.dedicated())
        }
        #expect(error == .traceTooLong(spanSeconds: longest.nextUp, bucketSeconds: bucket))
        #expect(try Simulation.run(scenario(lastArrival: 86_400), option: Self.dedicated()).requests.served == 2)
    }

    /// A target value of 1e-300 makes `usage / target` overflow to infinity: the proposal is
    /// capped, and the HPA scales to its maximum instead of trapping.
    @Test func aTinyTargetValueScalesToTheMaximumWithoutTrapping() throws {
        let hpa = HorizontalPodAutoscaler(
            settings: HPASettings(), behavior: nil, minReplicas: 1, maxReplicas: 10, targetAverageValue: 1e-300)
        #expect(hpa.proposal(usage: 5, statusReplicas: 1, specReplicas: 1) == Int(SimulationLimits.proposalCeiling))
        var keda = KEDAConfiguration.article
        keda.trigger.targetValue = 1e-300
        let result = try Simulation.run(
            QuietTickTests.generated(days: 1), option: QuietTickTests.autoscaled(.keda(keda), maxNodes: 3),
            keepDecisions: true)
        #expect(result.decisions.contains { $0.actor == .hpa && $0.to == keda.maxReplicaCount })
    }

    /// Policy values up to the API's int32 (and Swift's Int) must not overflow the limit arithmetic.
    @Test(arguments: [HPABehavior.Policy.Kind.pods, .percent])
    func hugePolicyValuesDoNotOverflow(kind: HPABehavior.Policy.Kind) {
        let policy = HPABehavior.Policy(kind: kind, value: .max, periodSeconds: 15)
        let behavior = HPABehavior(
            scaleUp: .init(stabilizationWindowSeconds: 0, policies: [policy]),
            scaleDown: .init(stabilizationWindowSeconds: 0, policies: [policy]))
        var hpa = HorizontalPodAutoscaler(
            settings: HPASettings(), behavior: behavior, minReplicas: 1, maxReplicas: 50, targetAverageValue: 1)
        #expect(hpa.sync(now: 0, specReplicas: 2, statusReplicas: 2, usage: 2) == nil)              // seeds the history
        // up: no limit below 40 (Pods: start + Int.max trapped)
        #expect(hpa.sync(now: 15, specReplicas: 2, statusReplicas: 2, usage: 40)?.replicas == 40)
        // down: no limit above 1
        #expect(hpa.sync(now: 30, specReplicas: 40, statusReplicas: 40, usage: 1)?.replicas == 1)
    }

    @Test func workerNodesNeedAGPU() throws {
        var cpuOnly = NodeSpec.articleGPU
        cpuOnly.gpuModel = nil
        cpuOnly.gpuCount = 0
        for option in [Self.dedicated(node: cpuOnly), QuietTickTests.autoscaled(.keda(.article))] {
            var option = option
            if case .autoscaled(var deployment) = option.kind {
                deployment.node = cpuOnly
                option.kind = .autoscaled(deployment)
            }
            let error = try #require(throws: ParameterError.self) { try option.validate() }
            #expect(error.message.contains("has no GPU"), "\(error)")
        }
        try Self.dedicated().validate()
    }

    @Test(arguments: [
        Distribution.normal(mean: -1, standardDeviation: 0.04), .constant(0), .normal(mean: 0, standardDeviation: 0.1),
    ])
    func serviceNoiseNeedsAPositiveMean(noise: Distribution) throws {
        let error = try #require(throws: ParameterError.self) {
            try InferenceModel(secondsPerWorkUnit: 1, noise: noise).validate()
        }
        #expect(error.message.contains("positive mean"))
    }

    @Test func sizesAboveTheLimitsAreRefusedByTheModel() throws {
        #expect(throws: ParameterError.self) {
            try KEDAConfiguration(maxReplicaCount: SimulationLimits.maxReplicas + 1).validate()
        }
        try KEDAConfiguration(maxReplicaCount: SimulationLimits.maxReplicas).validate()
        #expect(throws: ParameterError.self) { try Self.dedicated(nodes: SimulationLimits.maxNodes + 1).validate() }
        #expect(throws: ParameterError.self) { try SpotModel(preemptionsPerNodeHour: 61).validate() }
        #expect(throws: ParameterError.self) {
            try KnativeConfiguration(maxScale: SimulationLimits.maxReplicas + 1).validate()
        }
        #expect(throws: ParameterError.self) {
            try WorkerSettings(concurrency: 1, prefetch: SimulationLimits.maxWorkerSlots + 1).validate()
        }
        var scenario = QuietTickTests.generated(days: 1)
        scenario.timelineBucketSeconds = 86_400 / Scenario.maxTimelineBuckets / 2
        #expect(throws: ParameterError.self) { try scenario.validate() }
    }
}
