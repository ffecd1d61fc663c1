import Testing
@testable import Simulator

/// The hand-computed Karpenter timelines of docs/karpenter.md ("Hand-computed timelines"): the
/// article's ScaledObject (KEDA polls at 0, 10, …), EKS g4dn.xlarge, WhenEmpty, cold start
/// launch → Ready 90 s, device plugin 10 s, image pull 120 s, model load 20 s, readiness 5 s; the
/// disruption loop at 5, 15, 25, … s and the garbage collection at 0, 120, 240, … s.
@Suite struct KarpenterTimelineTests {
    static let coldStart = ColdStartModel.constant(
        vmBoot: 90, driverInstall: 0, devicePlugin: 10, imagePull: 120, modelLoad: 20, readiness: 5)
    static let node = NodeSpec(provider: "aws", region: "us-east-1", machineType: "g4dn.xlarge", gpuModel: "T4",
                               gpuCount: 1)

    static func karpenter(consolidateAfter: Double? = 0, capacityTypes: [String]? = nil, queue: Bool = false,
                          budgets: [DisruptionBudget] = [.tenPercent], maxGPUs: Int? = nil) -> KarpenterSettings {
        KarpenterSettings(
            interruptionQueue: queue, disruptionPhaseSeconds: 5, garbageCollectionPhaseSeconds: 0,
            requirements: capacityTypes.map {
                [NodeRequirement(key: KarpenterSettings.capacityTypeKey, operator: .in, values: $0)]
            } ?? [],
            consolidationPolicy: .whenEmpty, consolidateAfterSeconds: consolidateAfter, budgets: budgets,
            maxGPUs: maxGPUs)
    }

    static func option(_ karpenter: KarpenterSettings, keda: KEDAConfiguration = .article,
                       spot: SpotModel = SpotModel(preemptionsPerNodeHour: 0, noticeSeconds: 120)) -> DeploymentOption {
        DeploymentOption(name: "karpenter", kind: .autoscaled(AutoscaledDeployment(
            autoscaler: .keda(keda), hpa: HPASettings(phaseSeconds: 1), node: node, minNodes: 0, maxNodes: 100,
            karpenter: karpenter, coldStart: coldStart, spot: spot
        ).pinningUnsetPhasesToZero()))
    }

    static func run(_ records: [TraceRecord], option: DeploymentOption, horizon: Double? = nil,
                    events: [(time: Double, event: ServingSystem.Event)] = []) throws -> SimulationResult {
        let scenario = Scenario(
            name: "karpenter", workload: .records(records), inference: Fixtures.workIsSeconds,
            clientTimeoutSeconds: 600, horizonSeconds: horizon, timelineBucketSeconds: 10)
        return try Simulation.run(
            scenario, option: option, replication: 0, keepRequestRecords: true, keepDecisions: true,
            skipQuietTicks: true, events: events)
    }

    static func karpenterRules(_ result: SimulationResult, _ prefix: String) -> [Double] {
        result.decisions.filter { $0.actor == .karpenter && $0.rule.hasPrefix(prefix) }.map(\.timeSeconds)
    }

    // MARK: 1. One request into an empty cluster

    @Test func oneRequestIntoAnEmptyCluster() throws {
        let result = try Self.run([TraceRecord(arrivalSeconds: 1, workSize: 6.75)], option: Self.option(Self.karpenter()))
        let request = try #require(result.requestRecords.first)
        #expect(request.completionSeconds == 262.75)        // pod ready at 256, 6.75 s of service
        #expect(request.coldStartWaitSeconds == 255)
        #expect(result.decisions.filter { $0.actor == .keda }.map(\.timeSeconds) == [10, 320])
        #expect(Self.karpenterRules(result, "batch closed") == [11])
        #expect(Self.karpenterRules(result, "NodeClaim registered") == [101])
        #expect(Self.karpenterRules(result, "NodeClaim initialized") == [111])
        #expect(Self.karpenterRules(result, "emptiness:") == [325])
        #expect(Self.karpenterRules(result, "emptiness validated") == [340])
        #expect(Self.karpenterRules(result, "drained") == [345])
        let node = try #require(result.gpuNodeRunsToEnd.first)
        #expect(result.gpuNodeRunsToEnd.count == 1)
        #expect(node.machine.spot)                            // the first allowed capacity type
        #expect(node.startSeconds == 11)
        #expect(node.endSeconds == 345)                       // billed 334 s
        #expect(node.durations[.coldStart] == 245)
        #expect(node.durations[.serving] == 6.75)
        #expect(node.durations[.cooldownTail] == 57.25)
        #expect(node.durations[.scaleDownTail] == 25)        // node empty → instance terminating
    }

    // MARK: 2. consolidateAfter 5m against 0s

    @Test func consolidateAfterFiveMinutesKeepsTheEmptyNode() throws {
        let result = try Self.run(
            [TraceRecord(arrivalSeconds: 1, workSize: 6.75)], option: Self.option(Self.karpenter(consolidateAfter: 300)))
        #expect(Self.karpenterRules(result, "emptiness:") == [625])   // consolidatable at 320 + 300
        #expect(Self.karpenterRules(result, "drained") == [645])
        #expect(result.gpuNodeRunsToEnd.map(\.endSeconds) == [645])     // billed 634 s, 300 s more
    }

    @Test func aSecondRequestReusesTheKeptNode() throws {
        let records = [TraceRecord(arrivalSeconds: 1, workSize: 6.75), TraceRecord(arrivalSeconds: 501, workSize: 6.75)]
        // 0s: the node went at 345; KEDA scales up at 510, a new node launches at 511, the pod is
        // ready at 511 + 90 + 10 + 145 = 756.
        let quick = try Self.run(records, option: Self.option(Self.karpenter()))
        #expect(quick.gpuNodesCreated == 2)
        #expect(quick.gpuNodeRunsToEnd.map(\.startSeconds) == [11, 511])
        #expect(quick.requestRecords.last?.completionSeconds == 756 + 6.75)
        // 5m: the pod binds to the kept node at 510 (image cached: load 20 s + readiness 5 s).
        let kept = try Self.run(records, option: Self.option(Self.karpenter(consolidateAfter: 300)))
        #expect(kept.gpuNodesCreated == 1)
        #expect(kept.requestRecords.last?.completionSeconds == 535 + 6.75)
        // The bind at 510 restarted the clock: KEDA scales to zero at 600 (last active 530 + 60 <
        // 600), whose terminating event restarts it again: consolidatable at 900, loop at 905.
        #expect(kept.decisions.filter { $0.actor == .keda }.map(\.timeSeconds) == [10, 320, 510, 600])
        #expect(Self.karpenterRules(kept, "emptiness:") == [905])
    }

    // MARK: 3. A burst of pods

    /// KEDA with `idleReplicaCount: 0` and `minReplicaCount: N` scales 0 → N at activation: N pods
    /// go pending at once at 10.
    static func burst(_ pods: Int) -> KEDAConfiguration {
        var keda = KEDAConfiguration.article
        keda.minReplicaCount = pods
        keda.maxReplicaCount = pods
        keda.idleReplicaCount = 0
        return keda
    }

    @Test func fiftyPendingPodsGetFiftyNodeClaimsInOneBatch() throws {
        let result = try Self.run(
            [TraceRecord(arrivalSeconds: 1, workSize: 6.75)], option: Self.option(Self.karpenter(), keda: Self.burst(50)))
        let launches = Self.karpenterRules(result, "batch closed")
        #expect(launches.count == 50)
        #expect(Set(launches).count == 1)                    // all in the batch that closed 1 s after the pods
        #expect(result.gpuNodesCreated == 50)
    }

    @Test func aGPULimitCapsTheBatch() throws {
        let result = try Self.run(
            [TraceRecord(arrivalSeconds: 1, workSize: 6.75)],
            option: Self.option(Self.karpenter(maxGPUs: 8), keda: Self.burst(50)))
        #expect(result.gpuNodesCreated == 8)
        #expect(Set(Self.karpenterRules(result, "batch closed")).count == 1)
        // The other 42 pods stay pending: their re-triggers every 10 s launch nothing more.
        #expect(result.decisions.contains { $0.rule.hasPrefix("provisioning: pool limits reached (42 ") })
    }

    // MARK: 4. Spot interruption

    /// One replica kept by KEDA (`minReplicaCount: 1`): its pod goes pending at 0, the batch
    /// closes at 1, the node is Ready at 91, initialized at 101, the worker ready at 246.
    static var alwaysOne: KEDAConfiguration {
        var keda = KEDAConfiguration.article
        keda.minReplicaCount = 1
        return keda
    }

    static let warningAt1000: [(time: Double, event: ServingSystem.Event)] = [(1000, .preemptionNotice(node: 0))]

    @Test func spotInterruptionWithAnInterruptionQueue() throws {
        let result = try Self.run(
            [], option: Self.option(Self.karpenter(queue: true), keda: Self.alwaysOne), horizon: 2000,
            events: Self.warningAt1000)
        let runs = result.gpuNodeRunsToEnd
        #expect(runs.count == 2)
        #expect(runs[0].machine.spot)
        #expect(runs[0].startSeconds == 1)
        #expect(runs[0].endSeconds == 1005)                             // drained 5 s
        #expect(!runs[1].machine.spot)                                  // spot unavailable: on-demand
        #expect(runs[1].startSeconds == 1001)
        #expect(runs[1].readySeconds == 1246)                           // no worker 1000 → 1246
    }

    @Test func spotInterruptionWithoutAnInterruptionQueue() throws {
        let result = try Self.run(
            [], option: Self.option(Self.karpenter(), keda: Self.alwaysOne), horizon: 2000, events: Self.warningAt1000)
        let runs = result.gpuNodeRunsToEnd
        #expect(runs.count == 2)
        #expect(runs[0].endSeconds == 1120)                             // reclaimed at the end of the notice
        #expect(Self.karpenterRules(result, "garbage collection") == [1200])   // NotReady at 1170
        #expect(runs[1].machine.spot)
        #expect(runs[1].startSeconds == 1201)
        #expect(runs[1].readySeconds == 1446)                           // no worker 1120 → 1446
    }

    @Test func spotOnlyPoolWaitsForTheOfferingToComeBack() throws {
        let result = try Self.run(
            [], option: Self.option(Self.karpenter(capacityTypes: ["spot"], queue: true), keda: Self.alwaysOne),
            horizon: 2000, events: Self.warningAt1000)
        // Unavailable until 1180: the re-triggers at 1010 … 1170 find nothing, the one at 1180 opens
        // a batch that closes at 1181.
        let runs = result.gpuNodeRunsToEnd
        #expect(runs.count == 2)
        #expect(runs[1].machine.spot)
        #expect(runs[1].startSeconds == 1181)
        #expect(runs[1].readySeconds == 1426)
        let retries = result.decisions.filter { $0.rule.hasPrefix("provisioning: no offering available") }
        #expect(retries.first?.timeSeconds == 1001)
    }

    // MARK: 5. A budget limiting the deletion of many empty nodes

    /// The first disruption loop (5, 15, 25, … s) at or after KEDA's scale to zero, which empties every node.
    static func firstLoopAfterScaleToZero(_ result: SimulationResult) throws -> Double {
        let zero = try #require(result.decisions.last { $0.actor == .keda && $0.to == 0 }).timeSeconds
        return ((zero - 5) / 10).rounded(.up) * 10 + 5
    }

    @Test func tenPercentBudgetPacesTheDeletionOfTwentyEmptyNodes() throws {
        // 20 nodes in one batch, all emptied by KEDA's scale to zero; the first loop after it is
        // "t = 0" of the hand-computed table: commands every 25 s, 2 nodes each while ⌈10 % × nodes⌉ = 2.
        let result = try Self.run(
            [TraceRecord(arrivalSeconds: 1, workSize: 6.75)], option: Self.option(Self.karpenter(), keda: Self.burst(20)))
        let start = try Self.firstLoopAfterScaleToZero(result)
        let commands = result.decisions.filter { $0.actor == .karpenter && $0.rule.hasPrefix("emptiness:") }
        let times: [Double] = (0..<15).map { start + 25 * Double($0) }
        #expect(commands.map(\.timeSeconds) == times)
        let pairs: [Bool] = commands.map { $0.rule.hasPrefix("emptiness: 2 ") }
        let expectedPairs: [Bool] = (0..<15).map { $0 < 5 }
        #expect(pairs == expectedPairs)
        #expect(result.gpuNodeRunsToEnd.map(\.endSeconds).max() == start + 370)
    }

    @Test func aHundredPercentBudgetDeletesEveryEmptyNodeAtOnce() throws {
        let result = try Self.run(
            [TraceRecord(arrivalSeconds: 1, workSize: 6.75)],
            option: Self.option(Self.karpenter(budgets: [DisruptionBudget(nodes: .percent(100))]), keda: Self.burst(20)))
        let start = try Self.firstLoopAfterScaleToZero(result)
        #expect(Self.karpenterRules(result, "emptiness:") == [start])
        #expect(Set(result.gpuNodeRunsToEnd.map(\.endSeconds)) == [start + 20])
    }
}
