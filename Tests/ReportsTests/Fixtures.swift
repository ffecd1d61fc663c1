import Simulator
@testable import Reports

/// Deterministic sample inputs for the chart and report tests.
enum Fixtures {
    /// A tiny deterministic generator (no Foundation, no global state).
    struct LCG {
        var state: UInt64
        mutating func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
    }

    /// Dedicated T4 run of the article workload (synthetic, `days` days).
    static func dedicatedRun(days: Double = 2) throws -> SimulationResult {
        var scenario = Scenario(name: "article", workload: .synthetic(.init(days: days)))
        scenario.options = [.articleDedicated]
        return try Simulation.run(scenario, option: .articleDedicated)
    }

    /// A run of explicit records against one dedicated T4.
    static func recordsRun(
        _ records: [TraceRecord], timeout: Double = 60, horizon: Double? = nil
    ) throws -> SimulationResult {
        let scenario = Scenario(
            name: "t", workload: .records(records), clientTimeoutSeconds: timeout, horizonSeconds: horizon,
            options: [.articleDedicated])
        return try Simulation.run(scenario, option: .articleDedicated)
    }

    /// A scale-to-zero-like response-time curve: most requests a few seconds, 3 % waiting a
    /// 4–6 minute cold start (capped at a 600 s timeout).
    static func scaleToZeroCurve() -> LatencyCurve {
        var rng = LCG(state: 7)
        var samples: [Double] = []
        for _ in 0..<2000 {
            let base = 1.5 + 6 * rng.next() * rng.next()
            samples.append(rng.next() < 0.03 ? Swift.min(600, 240 + 120 * rng.next()) : base)
        }
        return curve(name: "scale-to-zero", samples: samples, timedOut: 0)
    }

    static func curve(name: String, samples: [Double], timedOut: Int) -> LatencyCurve {
        let sorted = samples.sorted()
        let n = Double(sorted.count)
        let points = sorted.enumerated().map { LatencyCurve.Point(seconds: $1, fraction: Double($0 + 1) / n) }
        func q(_ p: Double) -> Double { sorted[Swift.min(sorted.count - 1, Int((p * n).rounded(.up)) - 1)] }
        return LatencyCurve(name: name, points: points, p50Seconds: q(0.5), p95Seconds: q(0.95), p99Seconds: q(0.99),
                            count: sorted.count, timedOut: timedOut)
    }

    /// One office day of a scale-to-zero option: nodes come up for bursts and linger.
    static func scaleToZeroDay() -> TimelineSeries {
        var rng = LCG(state: 42)
        let buckets = 1440
        var arrivals = [Double](repeating: 0, count: buckets)
        for minute in 0..<buckets {
            let hour = Double(minute) / 60
            let rate = hour >= 8 && hour < 18 ? 0.9 : 0.05
            if rng.next() < rate { arrivals[minute] = Double(1 + Int(rng.next() * 3)) }
        }
        var pods = [Double](repeating: 0, count: buckets)
        var nodes = [Double](repeating: 0, count: buckets)
        var queue = [Double](repeating: 0, count: buckets)
        var cold: [TimeSpan] = []
        var upUntil = -1
        var readyAt = -1
        for minute in 0..<buckets {
            if arrivals[minute] > 0 && minute > upUntil {
                readyAt = minute + 5
                cold.append(TimeSpan(start: Double(minute) * 60, end: Double(readyAt) * 60))
            }
            if arrivals[minute] > 0 { upUntil = Swift.max(upUntil, minute + 12) }
            if minute <= upUntil {
                nodes[minute] = 1
                pods[minute] = minute >= readyAt ? 1 : 0
                queue[minute] = minute < readyAt ? Double(minute - readyAt + 6) * 2 : (arrivals[minute] > 2 ? 1 : 0)
            }
        }
        return TimelineSeries(optionName: "scale-to-zero", dayIndex: 2, dayCount: 30, windowStartSeconds: 2 * 86_400,
                              windowSeconds: 86_400, bucketSeconds: 60, arrivals: arrivals, queueDepth: queue,
                              readyPods: pods, gpuNodes: nodes, coldStarts: cold)
    }

    static let costs: [OptionCost] = [
        OptionCost(optionName: "dedicated", components: [
            CostComponent(kind: .gpuServing, dollars: 21.40), CostComponent(kind: .gpuIdle, dollars: 235.70),
        ]),
        OptionCost(optionName: "scale-to-zero", components: [
            CostComponent(kind: .systemNodes, dollars: 48.91), CostComponent(kind: .clusterFee, dollars: 0),
            CostComponent(kind: .gpuServing, dollars: 7.10), CostComponent(kind: .gpuIdle, dollars: 3.20),
            CostComponent(kind: .gpuColdStart, dollars: 4.80), CostComponent(kind: .gpuCooldownTail, dollars: 5.10),
            CostComponent(kind: .gpuScaleDownTail, dollars: 12.30),
        ]),
    ]

    static let breakEven = BreakEvenSeries(
        volumes: [10, 30, 100, 300, 1000, 3000],
        curves: [
            .init(optionName: "dedicated", monthlyDollars: [257, 257, 257, 257, 257, 514]),
            .init(optionName: "scale-to-zero", monthlyDollars: [52, 58, 70, 82, 190, 560]),
        ],
        currentVolume: 300)

    static let pareto: [ParetoPoint] = [
        ParetoPoint(label: "dedicated", monthlyDollars: 257, metric: 6.1),
        ParetoPoint(label: "cooldown 60 s", monthlyDollars: 82, metric: 290),
        ParetoPoint(label: "cooldown 300 s", monthlyDollars: 95, metric: 210),
        ParetoPoint(label: "cooldown 900 s", monthlyDollars: 121, metric: 95),
        ParetoPoint(label: "cooldown 1800 s", monthlyDollars: 150, metric: 40),
        ParetoPoint(label: "min 1 node, spot", monthlyDollars: 140, metric: 7.5),
        ParetoPoint(label: "poll 30 s", monthlyDollars: 84, metric: 305),
        ParetoPoint(label: "cooldown 300 s, on-demand", monthlyDollars: 180, metric: 205),
    ]

    static let assumptions: [AssumptionRow] = [
        AssumptionRow(
            item: "Workload", value: "300 minutes of speech per day, office hours",
            source: "article: \"about 300 minutes of speech\"", date: "2023-06"),
        AssumptionRow(
            item: "GPU VM (dedicated)", value: "n1-highmem-4 + 1 × T4, on-demand, $0.35/h",
            source: "cloud.google.com/compute/vm-instance-pricing", date: "2026-11-01"),
        AssumptionRow(
            item: "GPU node pool (scale-to-zero)", value: "n1-standard-2 + 1 × T4, spot, 0–3 nodes",
            source: "article, gcloud node-pools create", date: "2023-06"),
        AssumptionRow(
            item: "System nodes", value: "2 × e2-medium, always on", source: "article, gcloud clusters create",
            date: "2023-06"),
        AssumptionRow(
            item: "GKE management fee", value: "$0.10/h per cluster, one zonal cluster free",
            source: "cloud.google.com/kubernetes-engine/pricing", date: "2026-11-01"),
        AssumptionRow(
            item: "KEDA", value: "pollingInterval 10 s, cooldownPeriod 60 s, queue length target 20",
            source: "article ScaledObject", date: "2023-06"),
        AssumptionRow(
            item: "Client timeout", value: "60 s", source: "ingress-nginx proxy-read-timeout default", date: "2026-11"),
    ]

    /// A report over a real (short) dedicated run, with the fixture costs and studies.
    static func reportInput(days: Double = 2) throws -> ReportInput {
        ReportInput(
            scenarioName: "article", results: [try dedicatedRun(days: days)], costs: costs,
            baselineOptionName: "dedicated",
            assumptions: assumptions, findings: ["These numbers come from one replication; see the assumptions page."],
            breakEven: breakEven, pareto: pareto)
    }
}
