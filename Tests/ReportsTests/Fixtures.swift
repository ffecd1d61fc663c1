import Glibc
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

    /// Response times drawn from a log-normal distribution (median `median` s, log-sd `spread`),
    /// capped at `timeout`: the capped ones timed out, as the simulator records them.
    static func logNormalCurve(
        name: String, median: Double, spread: Double, timeout: Double, seed: UInt64, count: Int = 4000,
        stretch: Double = 1
    ) -> LatencyCurve {
        var rng = LCG(state: seed)
        var samples: [Double] = []
        for _ in 0..<count {
            let u1 = Swift.max(rng.next(), 1e-12)
            let u2 = rng.next()
            let z = (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
            samples.append(Swift.min(timeout, median * exp(spread * z) * stretch))
        }
        return curve(name: name, samples: samples, timedOut: samples.filter { $0 >= timeout }.count)
    }

    /// Four options as in the bundled scenario's report: warm-pool draws the same response times
    /// as dedicated (0.1 % slower), scale-to-zero times out for about 12 % of its requests.
    static func fourOptionCurves(timeout: Double = 60) -> [LatencyCurve] {
        [
            logNormalCurve(name: "dedicated", median: 5.5, spread: 1.0, timeout: timeout, seed: 11),
            logNormalCurve(name: "scale-to-zero", median: 18.4, spread: 1.0, timeout: timeout, seed: 12),
            logNormalCurve(name: "warm-pool", median: 5.5, spread: 1.0, timeout: timeout, seed: 11, stretch: 1.001),
            logNormalCurve(name: "knative", median: 6.4, spread: 1.1, timeout: timeout, seed: 13),
        ]
    }

    static func curve(name: String, samples: [Double], timedOut: Int) -> LatencyCurve {
        let sorted = samples.sorted()
        let n = Double(sorted.count)
        let points = sorted.enumerated().map { LatencyCurve.Point(seconds: $1, fraction: Double($0 + 1) / n) }
        func q(_ p: Double) -> Double { sorted[Swift.min(sorted.count - 1, Int((p * n).rounded(.up)) - 1)] }
        return LatencyCurve(
            name: name, points: points, p50Seconds: q(0.5), p95Seconds: q(0.95), p99Seconds: q(0.99),
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
        return TimelineSeries(
            optionName: "scale-to-zero", dayIndex: 2, dayCount: 30, windowStartSeconds: 2 * 86_400,
            windowSeconds: 86_400, bucketSeconds: 60, arrivals: arrivals, queueDepth: queue,
            readyPods: pods, gpuNodes: nodes, coldStarts: cold)
    }

    static let costs: [OptionCost] = [
        OptionCost(
            optionName: "dedicated",
            components: [
                CostComponent(kind: .gpuServing, dollars: 21.40), CostComponent(kind: .gpuIdle, dollars: 235.70),
            ]),
        OptionCost(
            optionName: "scale-to-zero",
            components: [
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

    /// Four options' monthly cost against volume, read off the bundled scenario's report: five
    /// crossings, two of them close together near $420 a month.
    static let fourOptionBreakEven = BreakEvenSeries(
        volumes: [10, 30, 100, 300, 1000, 3000],
        curves: [
            .init(optionName: "dedicated", monthlyDollars: [428, 428, 428, 428, 428, 428]),
            .init(optionName: "scale-to-zero", monthlyDollars: [170, 200, 237, 283, 320, 440]),
            .init(optionName: "warm-pool", monthlyDollars: [311, 311, 311, 311, 318, 437]),
            .init(optionName: "knative", monthlyDollars: [225, 292, 400, 527, 606, 668]),
        ],
        currentVolume: 300)

    /// Six options whose costs cross many times in a narrow band: more crossings than room.
    static let tangledBreakEven = BreakEvenSeries(
        volumes: [10, 30, 100, 300, 1000, 3000],
        curves: (0..<6).map { (option: Int) -> BreakEvenSeries.Curve in
            let dollars: [Double] = (0..<6).map { (step: Int) -> Double in
                let wobble = Double((option * 7 + step * 3) % 6)
                return 300 + wobble * 8 + Double(step) * 4
            }
            return BreakEvenSeries.Curve(optionName: "option \(option + 1)", monthlyDollars: dollars)
        })

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

    /// A KEDA grid like scenarios/grid-keda.yaml (3 polling intervals × 4 cooldowns × 2
    /// cluster-autoscaler profiles) with made-up but monotone costs and p95s: a longer cooldown
    /// costs more and waits less.
    static let kedaGrid: [ParetoPoint] = {
        var points: [ParetoPoint] = []
        for polling in [5.0, 10, 30] {
            for cooldown in [60.0, 240, 420, 600] {
                for profile in ["upstream-defaults", "optimize-utilization"] {
                    let upstream = profile == "upstream-defaults"
                    let cost = 250 + cooldown * 0.09 + (upstream ? 12 : 0) - polling * 0.4
                    let p95 = 240 / (1 + cooldown / 90) + polling * 0.9 + (upstream ? -4 : 0)
                    let settings = [
                        ParetoPoint.Setting(name: "keda.pollingInterval", value: "\(Int(polling))s"),
                        ParetoPoint.Setting(name: "keda.cooldownPeriod", value: "\(Int(cooldown))s"),
                        ParetoPoint.Setting(name: "ca.profile", value: profile),
                    ]
                    points.append(
                        ParetoPoint(
                            label: "#\(points.count + 1)", monthlyDollars: cost, metric: p95, settings: settings))
                }
            }
        }
        return points
    }()

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
