import Testing
@testable import Simulator

/// An option's GPU speed divides every service time; a speed of 1 changes nothing, bit for bit.
@Suite struct GPUSpeedTests {
    func option(speed: Double) -> DeploymentOption {
        var option = Fixtures.dedicated()
        option.gpuSpeed = GPUSpeed(factor: speed, gpu: "L4", source: .scenario)
        return option
    }

    @Test func twiceTheSpeedHalvesEachServiceTimeOfAHandTimeline() throws {
        // Arrivals 0, 1, 2 with 5 s of reference work each, on a GPU twice as fast: service 2.5 s,
        // so 0–2.5, 2.5–5, 5–7.5; waits 0, 1.5, 3.
        let records = [0.0, 1, 2].map { TraceRecord(arrivalSeconds: $0, workSize: 5) }
        let scenario = Scenario(name: "hand", workload: .records(records), inference: Fixtures.workIsSeconds)
        let result = try Simulation.run(scenario, option: option(speed: 2), keepRequestRecords: true)
        #expect(result.requestRecords.map(\.serviceSeconds) == [2.5, 2.5, 2.5])
        #expect(result.requestRecords.map(\.queueWaitSeconds) == [0, 1.5, 3])
        #expect(result.requestRecords.map { $0.completionSeconds! } == [2.5, 5, 7.5])
    }

    @Test func meanServiceTimeOfANoisyModelHalvesExactly() throws {
        // The article's model (0.45 s per audio second, noise N(1, 0.04)) on one dedicated GPU,
        // requests 100 s apart (never queued, served in arrival order): each request draws the same
        // noise at either speed, and halving is exact in binary floating point, so the mean of the
        // halved times is exactly half the mean.
        let records = (0..<200).map { TraceRecord(arrivalSeconds: Double($0) * 100, workSize: 5 + Double($0 % 7)) }
        let scenario = Scenario(name: "noisy", workload: .records(records))
        let reference = try Simulation.run(scenario, option: Fixtures.dedicated())
        let fast = try Simulation.run(scenario, option: option(speed: 2))
        #expect(reference.requests.service.count == 200)
        #expect(fast.requests.service.meanSeconds == reference.requests.service.meanSeconds / 2)
        let slow = try Simulation.run(scenario, option: option(speed: 0.5))
        #expect(slow.requests.service.meanSeconds == reference.requests.service.meanSeconds * 2)
    }

    @Test func aTracesMeasuredServiceTimesAreUsedAsTheyAre() throws {
        // Measured on the trace's own GPU: 4 s and 6 s stay 4 s and 6 s at any speed.
        let records = [
            TraceRecord(arrivalSeconds: 0, workSize: 1, serviceSeconds: 4),
            TraceRecord(arrivalSeconds: 10, workSize: 1, serviceSeconds: 6),
        ]
        let scenario = Scenario(name: "measured", workload: .records(records), inference: Fixtures.workIsSeconds)
        let result = try Simulation.run(scenario, option: option(speed: 2), keepRequestRecords: true)
        #expect(result.requestRecords.map(\.serviceSeconds) == [4, 6])
    }

    @Test func aSpeedOfOneLeavesTheRunBitForBitAsTheReference() throws {
        let records = (0..<50).map { TraceRecord(arrivalSeconds: Double($0) * 3, workSize: 7) }
        let scenario = Scenario(name: "same", workload: .records(records))
        let reference = try Simulation.run(scenario, option: Fixtures.dedicated(), keepRequestRecords: true)
        let assumed = try Simulation.run(scenario, option: option(speed: 1), keepRequestRecords: true)
        #expect(assumed.requestRecords == reference.requestRecords)
        #expect(assumed.requests.response.meanSeconds == reference.requests.response.meanSeconds)
        #expect(assumed.nodeRunsToEnd == reference.nodeRunsToEnd)
    }

    @Test func aSpeedOutsideItsRangeIsRefused() {
        for speed in [0, 0.01, 101, .infinity, .nan] {
            #expect(throws: ParameterError.self) { try option(speed: speed).validate() }
        }
        #expect(throws: Never.self) { try option(speed: 0.05).validate() }
        #expect(throws: Never.self) { try option(speed: 100).validate() }
    }
}
