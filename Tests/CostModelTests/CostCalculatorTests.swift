import Testing
import Simulator
@testable import CostModel

@Suite("CostCalculator: pricing hand-built usage")
struct CostCalculatorTests {
    let catalog: PriceCatalog

    init() throws {
        catalog = try PriceCatalog.bundled()
    }

    /// One simulated day of a KEDA scale-to-zero option: 2 × e2-medium all day, and two spot
    /// GPU node runs with cold start, serving, idle, cooldown and scale-down tails.
    func usage(managed: Bool) -> BilledUsage {
        let day = 86_400.0
        var first = NodeStateDurations()
        first[.coldStart] = 240
        first[.serving] = 3000
        first[.idle] = 60
        first[.cooldownTail] = 300
        first[.scaleDownTail] = 600
        var second = NodeStateDurations()
        second[.coldStart] = 20  // preempted during boot: billed the 60 s minimum
        return BilledUsage(optionName: "keda-spot", managedCluster: managed, horizonSeconds: day, nodeRuns: [
            TestSupport.run(.articleSystemNode, id: 0, pool: "default-pool", seconds: day),
            TestSupport.run(.articleSystemNode, id: 1, pool: "default-pool", seconds: day),
                NodeRun(
                    nodeID: 2, pool: "gpu-pool", machine: TestSupport.spotArticleGPU, startSeconds: 3600,
                    endSeconds: 3600 + 4200,
                    readySeconds: 3840, runningAtEnd: false, durations: first),
                NodeRun(
                    nodeID: 3, pool: "gpu-pool", machine: TestSupport.spotArticleGPU, startSeconds: 50_000,
                    endSeconds: 50_020,
                    readySeconds: nil, runningAtEnd: false, durations: second),
        ])
    }

    @Test("components, states, SKUs and capacity types add up exactly (article prices)")
    func handBuiltUsage() throws {
        let calculator = CostCalculator(catalog: catalog, snapshot: .article, rules: .article)
        let report = try calculator.price(usage(managed: false))
        let simulated = report.simulated

        // System: 2 × 0.033503 $/h × 24 h = 1.608144 exactly.
        #expect(simulated.systemNodes == TestSupport.dollars("1.608144"))
        // GPU run 1: 4200 s × (0.049812 + 0.11) $/h = 0.058114 + 0.128333333… → 0.058114000 + 0.128333333
        // GPU run 2: 60 s minimum → 0.000830200 + 0.001833333.
        #expect(simulated.gpuNodes.nanoDollars == 58_114_000 + 128_333_333 + 830_200 + 1_833_333)
        #expect(simulated.gpuByState.total == simulated.gpuNodes)
        #expect(simulated.clusterFee == .zero)
        #expect(simulated.total == simulated.systemNodes + simulated.gpuNodes)
        #expect(simulated.spot == simulated.gpuNodes)
        #expect(simulated.onDemand == simulated.systemNodes)

        // Run 1 splits by its state durations (4200 s). Exact shares of 186 447 333 nano:
        // cold 10 654 133.31, serving 133 176 666.43, idle 2 663 533.33, cooldown 13 317 666.64,
        // scale-down 26 635 333.29; the 2 nano left over go to the largest remainders (cooldown, serving).
        let run1 = report.nodeRuns[2]
        #expect(run1.total.nanoDollars == 186_447_333)
        #expect(run1.byState[.serving].nanoDollars == 133_176_667)
        #expect(run1.byState[.cooldownTail].nanoDollars == 13_317_667)
        #expect(run1.byState[.scaleDownTail].nanoDollars == 26_635_333)
        #expect(run1.byState[.coldStart].nanoDollars == 10_654_133)
        #expect(run1.byState.total == run1.total)
        // Run 2 was billed 60 s for 20 s of cold start: all of it is cold-start money.
        let run2 = report.nodeRuns[3]
        #expect(run2.billedSeconds == 60)
        #expect(run2.byState[.coldStart] == run2.total)

        // By SKU: machine rows and the T4 add-on, each with billed unit-seconds.
        #expect(report.bySKU.map(\.sku) == ["e2-medium", "n1-highmem-4", "nvidia-tesla-t4"])
        #expect(report.bySKU.map(\.capacity) == [.onDemand, .spot, .spot])
        #expect(report.bySKU[1].billedUnitSeconds == 4260)
        #expect(report.bySKU[1].usedUnitSeconds == 4220)
        #expect(report.bySKU[0].runCount == 2)
        #expect(report.bySKU.reduce(Money.zero) { $0 + $1.cost } == simulated.total)
        #expect(report.gpuNodeUsedSeconds == 4220)
        #expect(report.gpuNodeBilledSeconds == 4260)

        // Month = 720 h = 30 × the horizon.
        #expect(report.perMonth.systemNodes == simulated.systemNodes * 30)
        #expect(report.perMonth.gpuNodes == simulated.gpuNodes * 30)
        #expect(report.perMonth.gpuByState.total == report.perMonth.gpuNodes)
        #expect(report.monthlyTotal == simulated.total * 30)
        #expect(report.monthHours == 720)
        #expect(report.priceSnapshot == "snapshot article-2023")
    }

    @Test("managed clusters pay the GKE fee over the horizon; the free tier credits it")
    func clusterFee() throws {
        var calculator = CostCalculator(catalog: catalog, snapshot: .latest, rules: .standard)
        let report = try calculator.price(usage(managed: true))
        #expect(report.simulated.clusterFee == TestSupport.dollars("2.4"))  // 0.10 $/h × 24 h
        #expect(report.perMonth.clusterFee == TestSupport.dollars("73"))  // 730 h
        #expect(report.perMonth.netClusterFee == TestSupport.dollars("73"))
        #expect(report.bySKU.last?.sku == "gke-cluster-management")
        #expect(
            report.simulated.total == report.simulated.systemNodes + report.simulated.gpuNodes
                + TestSupport.dollars("2.4"))

        calculator.rules.gkeFreeTierCredit = true
        let credited = try calculator.price(usage(managed: true))
        #expect(credited.simulated.clusterFeeCredit == credited.simulated.clusterFee)
        #expect(credited.perMonth.netClusterFee == .zero)

        calculator.rules.clusterFee = .none
        #expect(try calculator.price(usage(managed: true)).simulated.clusterFee == .zero)
        #expect(try calculator.price(usage(managed: false)).simulated.clusterFee == .zero)
    }

    @Test("EKS fee and AWS per-second billing")
    func awsOption() throws {
        let calculator = CostCalculator(catalog: catalog, rules: BillingRules(monthHours: 730))
        let node = NodeSpec(
            provider: "aws", region: "us-east-1", machineType: "g4dn.xlarge", gpuModel: "T4", gpuCount: 1)
        let report = try calculator.price(
            BilledUsage(
                optionName: "eks", managedCluster: true, horizonSeconds: 3600,
                nodeRuns: [
                    TestSupport.run(node, seconds: 3600)
                ]))
        #expect(report.simulated.gpuNodes == TestSupport.dollars("0.526"))
        #expect(report.simulated.clusterFee == TestSupport.dollars("0.1"))
        #expect(report.perMonth.total == TestSupport.dollars("456.98"))  // (0.526 + 0.10) × 730
    }

    @Test("the month length is configurable")
    func monthLength() throws {
        let usage = BilledUsage(
            optionName: "d", managedCluster: false, horizonSeconds: 3600,
            nodeRuns: [TestSupport.run(.articleGPU, seconds: 3600)])
        let month730 = try CostCalculator(catalog: catalog, snapshot: .article).price(usage)
        let month720 = try CostCalculator(catalog: catalog, snapshot: .article, rules: .article).price(usage)
        #expect(month730.monthlyTotal == TestSupport.dollars("428.22238"))
        #expect(month720.monthlyTotal == TestSupport.dollars("422.35632"))
    }

    @Test("bad usage is an error, not a crash")
    func badUsage() {
        let calculator = CostCalculator(catalog: catalog)
        #expect(throws: CostModelError.self) {
            try calculator.price(BilledUsage(optionName: "x", managedCluster: false, horizonSeconds: 0, nodeRuns: []))
        }
        #expect(throws: CostModelError.self) {
            try calculator.price(BilledUsage(optionName: "x", managedCluster: false, horizonSeconds: 60, nodeRuns: [
                NodeRun(
                    nodeID: 0, pool: "p", machine: .articleSystemNode, startSeconds: 10, endSeconds: 5,
                    readySeconds: nil, runningAtEnd: false, durations: NodeStateDurations()),
            ]))
        }
        #expect(throws: CostModelError.clusterProviderUnknown("option 'x' has no node runs to tell the provider from"))
        {
            try calculator.price(BilledUsage(optionName: "x", managedCluster: true, horizonSeconds: 60, nodeRuns: []))
        }
        #expect(throws: CostModelError.unknownProvider("oracle", known: ["aws", "azure", "gcp", "modal", "runpod"])) {
            try calculator.price(BilledUsage(optionName: "x", managedCluster: false, horizonSeconds: 60, nodeRuns: [
                TestSupport.run(NodeSpec(provider: "oracle", region: "r", machineType: "m"), seconds: 60),
            ]))
        }
    }

    @Test("savings ratio compares monthly totals")
    func comparison() {
        let comparison = CostComparison(
            baselineName: "a", baselineMonthly: TestSupport.dollars("100"), alternativeName: "b",
            alternativeMonthly: TestSupport.dollars("25"))
        #expect(comparison.savingsRatio == 4)
        #expect(comparison.monthlySavings == TestSupport.dollars("75"))
        #expect(comparison.savingsFraction == 0.75)
        #expect(
            CostComparison(
                baselineName: "a", baselineMonthly: TestSupport.dollars("1"), alternativeName: "b",
                alternativeMonthly: .zero
            ).savingsRatio == nil)
    }

    @Test("replications summarise to an exact mean and a spread")
    func summary() throws {
        let calculator = CostCalculator(catalog: catalog, snapshot: .article, rules: .article)
        let short = try calculator.price(
            BilledUsage(
                optionName: "o", managedCluster: false, horizonSeconds: 3600,
                nodeRuns: [TestSupport.run(.articleGPU, seconds: 1800)]))
        let long = try calculator.price(
            BilledUsage(
                optionName: "o", managedCluster: false, horizonSeconds: 3600,
                nodeRuns: [TestSupport.run(.articleGPU, seconds: 3600)]))
        let summary = try #require(CostSummary([short, long, long]))
        #expect(summary.replications == 3)
        #expect(summary.minimumMonthlyTotal == TestSupport.dollars("211.17816"))
        #expect(summary.maximumMonthlyTotal == TestSupport.dollars("422.35632"))
        // (211.17816 + 2 × 422.35632) / 3 = 351.9636 exactly.
        #expect(summary.meanMonthlyTotal == TestSupport.dollars("351.9636"))
        #expect(summary.meanPerMonth.gpuByState.total == summary.meanPerMonth.gpuNodes)
        #expect(CostSummary([]) == nil)
    }
}
