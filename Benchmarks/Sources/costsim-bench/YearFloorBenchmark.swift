import Simulator

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The part of `year-10rps` that any exact simulation must do per request, measured alone: it
/// bounds what a faster algorithm (no events, no broker) could reach.
enum YearFloorBenchmark {
    static let benchmark = Benchmark(
        name: "year-floor",
        summary:
            "Per-request work of year-10rps that any exact method must do: generating the traffic, and recording four latencies at the reports' resolution"
    ) {
        // (a) The year's requests, generated as the year benchmark generates them.
        let description = SyntheticTrace.Description(
            workPerDay: 10 * 0.5 * 86_400, days: 365, profile: .uniform, requestSize: .exponential(mean: 0.5))
        var trace = SyntheticTrace(description, seed: 1, replication: 0)
        var requests = 0
        var checksum = 0.0
        let (_, generateSeconds) = try Benchmark.time {
            while let record = try trace.next() {
                requests += 1
                checksum += record.workSize
            }
        }

        // (b) Four latencies per request into counters laid out like the reports' HdrHistograms
        // (3 significant digits, microseconds), pre-sized: only the index and the increment.
        // The values cycle through a million exponential draws (mean 0.5 s, like the service
        // times): a narrower spread than the run's waits, so fewer cache misses — a floor.
        var generator = Xoshiro256StarStar(seed: 3)
        let values = (0..<(1 << 20)).map { _ in -0.5 * log(1 - generator.nextUnitInterval()) }
        let mask = values.count - 1
        var counts = [[UInt64]](repeating: [UInt64](repeating: 0, count: countsIndex(of: 3_600_000_000) + 1), count: 4)
        let (_, recordSeconds) = Benchmark.time {
            values.withUnsafeBufferPointer { values in
                for request in 0..<requests {
                    for histogram in 0..<4 {
                        let microseconds = UInt64(values[(request &* 4 &+ histogram) & mask] * 1_000_000 + 0.5)
                        counts[histogram][countsIndex(of: microseconds)] &+= 1
                    }
                }
            }
        }
        let total = counts.reduce(0) { $0 + $1.reduce(0, +) }
        let perRequest = { (seconds: Double) in String(format3: seconds / Double(requests) * 1e9) }
        return """
            \(requests) requests (size checksum \(String(format3: checksum))): generating \(String(format3: generateSeconds)) s \
            (\(perRequest(generateSeconds)) ns/request); \(total) latency records \(String(format3: recordSeconds)) s \
            (\(perRequest(recordSeconds)) ns/request). A year needs at least \(String(format3: generateSeconds + recordSeconds)) s \
            on one core, \(String(format3: Swift.max(generateSeconds, recordSeconds))) s with the two halves on two cores; the target is 5 s
            """
    }

    /// HdrHistogram's counts index for 3 significant digits and a lowest value of 1.
    static func countsIndex(of value: UInt64) -> Int {
        let bucket = 53 - (value | 2047).leadingZeroBitCount
        return (bucket + 1) << 10 + Int(value >> UInt64(bucket)) - 1024
    }
}
