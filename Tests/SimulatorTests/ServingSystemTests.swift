import Testing
@testable import Simulator

/// Hand-computed timelines of the serving path.
@Suite struct ServingSystemTests {
    func scenario(
        _ records: [TraceRecord], timeout: Double = 60, drop: Bool = false, workers: WorkerSettings = WorkerSettings()
    ) -> Scenario {
        Scenario(
            name: "hand", workload: .records(records), inference: Fixtures.workIsSeconds, workers: workers,
            clientTimeoutSeconds: timeout, dropExpiredMessages: drop, timelineBucketSeconds: 10)
    }

    @Test func singleWorkerServesInArrivalOrder() throws {
        // Arrivals 0, 1, 2 with 5 s of work each on one worker:
        // service 0–5, 5–10, 10–15; waits 0, 4, 8; sojourns 5, 9, 13.
        let records = [0.0, 1, 2].map { TraceRecord(arrivalSeconds: $0, workSize: 5) }
        let result = try Simulation.run(scenario(records), option: Fixtures.dedicated(), keepRequestRecords: true)
        #expect(result.requestRecords.map(\.queueWaitSeconds) == [0, 4, 8])
        #expect(result.requestRecords.map { $0.completionSeconds! } == [5, 10, 15])
        #expect(result.requests.sojourn.meanSeconds == 9)
        #expect(result.endSeconds == 15)
        let node = try #require(result.nodeRunsToEnd.first)
        #expect(node.durations[.serving] == 15)
        #expect(node.durations[.idle] == 0)
        #expect(node.seconds == 15)
        // Costs cover the trace's observed period, up to its last arrival.
        #expect(result.horizonSeconds == 2)
        #expect(result.nodeRuns.map(\.seconds) == [2])
        #expect(result.nodeRuns.first?.durations[.serving] == 2)
        #expect(result.timeline.queueDepth.first == 2)
        #expect(result.timeline.arrivals.first == 3)
    }

    @Test func roundRobinsAcrossWorkersAndRunsConcurrentSlots() throws {
        // Two pods with concurrency 2: four simultaneous requests all start at once.
        let records = (0..<4).map { _ in TraceRecord(arrivalSeconds: 0, workSize: 3) }
        let options = WorkerSettings(concurrency: 2, prefetch: 2)
        let result = try Simulation.run(
            scenario(records, workers: options), option: Fixtures.dedicated(nodes: 2), keepRequestRecords: true)
        #expect(result.requestRecords.allSatisfy { $0.queueWaitSeconds == 0 && $0.completionSeconds == 3 })
        #expect(result.nodeRuns.map { $0.durations[.serving] } == [3, 3])
    }

    @Test func prefetchHoldsMessagesInsideABusyWorker() throws {
        // One pod, concurrency 1, prefetch 2; a second pod joins the queue's consumers too.
        // Requests at 0 (10 s), 0 (1 s), 0 (1 s): pod A takes #0 and prefetches #2 (round-robin:
        // A, B, A), pod B takes #1. #2 waits inside A until 10 although B is idle from 1.
        let records = [10.0, 1, 1].map { TraceRecord(arrivalSeconds: 0, workSize: $0) }
        let workers = WorkerSettings(concurrency: 1, prefetch: 2)
        let result = try Simulation.run(
            scenario(records, workers: workers), option: Fixtures.dedicated(nodes: 2), keepRequestRecords: true)
        let completions = result.requestRecords.map { $0.completionSeconds! }.sorted()
        #expect(completions == [1, 10, 11])
    }

    @Test func slowRequestsTimeOutButAreStillServed() throws {
        // 70 s of work against a 60 s timeout: the client sees 60 s and an error; the GPU still works 70 s.
        let records = [TraceRecord(arrivalSeconds: 0, workSize: 70), TraceRecord(arrivalSeconds: 1, workSize: 5)]
        let result = try Simulation.run(scenario(records), option: Fixtures.dedicated(), keepRequestRecords: true)
        #expect(result.requests.timedOut == 2)        // the second waited 69 s + 5 s
        #expect(result.requests.served == 2)
        #expect(result.requests.response.maxSeconds == 60)
        #expect(result.requests.sojourn.maxSeconds == 74)
        #expect(result.nodeRunsToEnd[0].durations[.serving] == 75)
    }

    @Test func expiredMessagesAreDroppedUnservedWithATTL() throws {
        // With drop: the second request expires at 61 while the first still runs (0–70).
        let records = [TraceRecord(arrivalSeconds: 0, workSize: 70), TraceRecord(arrivalSeconds: 1, workSize: 5)]
        let result = try Simulation.run(
            scenario(records, drop: true), option: Fixtures.dedicated(), keepRequestRecords: true)
        #expect(result.requests.expiredUnserved == 1)
        #expect(result.requests.served == 1)
        #expect(result.requests.timedOut == 2)
        #expect(result.nodeRunsToEnd[0].durations[.serving] == 70)
        #expect(result.requestRecords.contains { $0.completionSeconds == nil && $0.arrivalSeconds == 1 })
    }

    @Test func horizonCutsArrivalsAndBillsAlwaysOnCapacity() throws {
        var scenario = scenario([0.0, 50, 150].map { TraceRecord(arrivalSeconds: $0, workSize: 1) })
        scenario.horizonSeconds = 100
        var option = Fixtures.dedicated()
        option.alwaysOnNodes = [NodeGroup(pool: "default-pool", node: .articleSystemNode, count: 2)]
        let result = try Simulation.run(scenario, option: option)
        #expect(result.requests.arrived == 2)
        #expect(result.horizonSeconds == 100)
        #expect(result.nodeRuns.count == 3)
        #expect(result.nodeRuns.allSatisfy { $0.seconds == 100 })
        #expect(result.gpuNodeRuns.count == 1)
        #expect(result.gpuNodeSecondsByState[.serving] == 2)
        #expect(result.gpuNodeSecondsByState[.idle] == 98)
    }

    @Test func costsCoverTheHorizonNotTheDrainAfterIt() throws {
        // A request at 90 with 50 s of work: served 90–140, after the horizon at 100. The run
        // answers it (its latency counts), but the node is billed for [0, 100] only.
        var scenario = scenario([0.0, 90].map { TraceRecord(arrivalSeconds: $0, workSize: $0 == 0 ? 1 : 50) })
        scenario.horizonSeconds = 100
        let result = try Simulation.run(scenario, option: Fixtures.dedicated())
        #expect(result.requests.served == 2)
        #expect(result.requests.sojourn.maxSeconds == 50)
        #expect(result.endSeconds == 140)
        #expect(result.horizonSeconds == 100)
        #expect(result.nodeRuns.map(\.seconds) == [100])
        #expect(result.gpuNodeSecondsByState[.serving] == 11)
        #expect(result.gpuNodeSecondsByState[.idle] == 89)
        #expect(result.nodeRunsToEnd.map(\.seconds) == [140])
    }

    @Test func optionsReplayingOneTraceArePricedOverOnePeriod() throws {
        // Without a horizon, the observed period is the trace's last arrival (600 s) for every
        // option, whatever its tail: a scale-to-zero option with a long cooldown keeps its node
        // longer, and its node time in the period can only grow with the cooldown.
        let records = stride(from: 0.0, through: 600, by: 120).map { TraceRecord(arrivalSeconds: $0, workSize: 5) }
        let scenario = scenario(records)
        var observed: [Double] = []
        var gpuSeconds: [Double] = []
        for cooldown in [60.0, 900, 3600] {
            var keda = KEDAConfiguration.article
            keda.cooldownPeriodSeconds = cooldown
            let result = try Simulation.run(scenario, option: ScaleToZeroTimelineTests.option(keda))
            observed.append(result.horizonSeconds)
            gpuSeconds.append(result.gpuNodeSecondsByState.total)
            #expect(result.endSeconds > 600)
        }
        observed.append(try Simulation.run(scenario, option: Fixtures.dedicated()).horizonSeconds)
        #expect(observed == [600, 600, 600, 600])
        #expect(gpuSeconds == gpuSeconds.sorted())
        #expect(gpuSeconds.allSatisfy { $0 > 0 && $0 <= 600 })
    }

    @Test func sameSeedGivesIdenticalResults() throws {
        let scenario = Scenario(
            name: "d", workload: .synthetic(SyntheticTrace.Description(days: 3)), seed: 9, options: [.articleDedicated])
        let a = try Simulation.run(scenario, option: .articleDedicated, keepRequestRecords: true)
        let b = try Simulation.run(scenario, option: .articleDedicated, keepRequestRecords: true)
        #expect(a.requestRecords == b.requestRecords)
        #expect(a.nodeRuns == b.nodeRuns)
        #expect(a.timeline == b.timeline)
        #expect(a.requests.response.summary == b.requests.response.summary)
        var other = scenario
        other.seed = 10
        let c = try Simulation.run(other, option: .articleDedicated, keepRequestRecords: true)
        #expect(a.requestRecords != c.requestRecords)
    }

    @Test func aTraceErrorMidRunIsReported() throws {
        let path = Fixtures.temporaryFile("arrival_seconds,work_size\n0,1\n5,1\n4,1\n")
        let scenario = Scenario(
            name: "bad", workload: .traceFile(path: path, format: .costsim), options: [.articleDedicated])
        #expect(throws: TraceError.self) { _ = try Simulation.run(scenario, option: .articleDedicated) }
    }
}
