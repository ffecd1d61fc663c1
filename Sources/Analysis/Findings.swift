import CostModel
import Simulator

/// Plain sentences about a run: what each autoscaled option really used and cost against the
/// baseline, and — for the article's scenario — where the article's estimate holds and where
/// it breaks. Worded from the numbers; rounding happens only here.
public struct Findings: Sendable {
    public let scenario: Scenario
    public let outcomes: [OptionOutcome]
    public let baseline: OptionOutcome?

    public init(scenario: Scenario, outcomes: [OptionOutcome], baseline: OptionOutcome?) {
        self.scenario = scenario
        self.outcomes = outcomes
        self.baseline = baseline
    }

    /// The article's figures (its "Cost structure" section): 2 GPU hours a day, $58 vs $422.
    static let articleGPUHoursPerDay = 2.0
    static let articleMonthlyScaleToZero = "$58"
    static let articleMonthlyDedicated = "$422"
    static let articleRatio = "7.3×"

    public var sentences: [String] {
        var sentences: [String] = []
        let isArticle = scenario.name.hasPrefix("article")
        for outcome in outcomes {
            let result = outcome.first
            guard case .autoscaled(let deployment) = outcome.option.kind, result.horizonSeconds > 0 else { continue }
            // The article's 2 h a day and $58 describe scaling to zero, not a warm pool.
            let isArticle = isArticle && deployment.replicaFloor == 0
            let days = result.horizonSeconds / 86_400
            let seconds = outcome.gpuNodeSeconds
            let perDay = seconds.total / 3600 / days
            let tails = (seconds[.cooldownTail] + seconds[.scaleDownTail]) / 3600 / days
            let cold = seconds[.coldStart] / 3600 / days
            let serving = seconds[.serving] / 3600 / days
            let idle = seconds[.idle] / 3600 / days
            var usage = "\(outcome.option.name): GPU nodes were billed \(NumberFormat.fixed(perDay, decimals: 1)) h a day — "
            usage += "\(NumberFormat.fixed(serving, decimals: 1)) h serving, \(NumberFormat.fixed(cold, decimals: 1)) h cold starts, "
            usage += "\(NumberFormat.fixed(idle, decimals: 1)) h idle between requests and "
            usage += "\(NumberFormat.fixed(tails, decimals: 1)) h idle tails (waiting for the autoscaler to scale in and the cluster autoscaler to remove the node)"
            if isArticle {
                usage += perDay > Self.articleGPUHoursPerDay * 1.25
                    ? "; the article assumes \(NumberFormat.fixed(Self.articleGPUHoursPerDay, decimals: 0)) h a day, so its estimate breaks here."
                    : "; the article's \(NumberFormat.fixed(Self.articleGPUHoursPerDay, decimals: 0)) h a day holds."
            } else {
                usage += "."
            }
            sentences.append(usage)
            if let baseline, baseline.option.name != outcome.option.name,
               let mine = outcome.cost?.meanMonthlyTotal, let theirs = baseline.cost?.meanMonthlyTotal, mine.nanoDollars > 0 {
                let phrase = CostPhrase.compare(option: Double(mine.nanoDollars), baseline: Double(theirs.nanoDollars))
                var cost = "\(outcome.option.name) costs \(mine.formatted) a month against \(theirs.formatted) for \(baseline.option.name) "
                cost += "(\(phrase))"
                if isArticle {
                    cost += "; the article estimates \(Self.articleMonthlyScaleToZero) against \(Self.articleMonthlyDedicated) (\(Self.articleRatio))."
                } else {
                    cost += "."
                }
                sentences.append(cost)
            }
            if outcome.coldStartShare > 0 {
                let wait = outcome.coldStartWait.summary
                var waiting = "\(NumberFormat.percent(outcome.coldStartShare)) of requests in \(outcome.option.name) arrived while no GPU worker was ready "
                waiting += "and waited a median \(NumberFormat.duration(wait.p50Seconds)) (p95 \(NumberFormat.duration(wait.p95Seconds))) for a cold start; "
                waiting += "\(NumberFormat.percent(outcome.timeoutShare)) of all requests timed out"
                waiting += isArticle ? " — a cost the article's table does not show." : "."
                sentences.append(waiting)
            }
            let activationsPerDay = outcome.activationsFromZero / days
            if case .keda(let keda) = deployment.autoscaler, keda.minReplicaCount == 0, activationsPerDay >= 24 {
                var flapping = "\(outcome.option.name) scaled from zero \(NumberFormat.fixed(activationsPerDay, decimals: 0)) times a day: "
                flapping += "gaps between requests longer than the \(NumberFormat.duration(keda.cooldownPeriodSeconds)) cooldown end each burst"
                if keda.trigger.queueProtocol == .amqp {
                    flapping += ", and over AMQP KEDA counts only ready messages, so a worker busy with the only request looks idle "
                    flapping += "(kedacore/keda#356; with protocol: http it counts unacknowledged messages too)"
                }
                flapping += "; a longer cooldownPeriod trades GPU idle time for fewer cold starts (costsim sweep)."
                sentences.append(flapping)
            }
            if let fee = outcome.cost?.meanPerMonth.netClusterFee, fee.nanoDollars > 0, isArticle {
                sentences.append("The GKE cluster management fee adds \(fee.formatted) a month to \(outcome.option.name); the article leaves it out.")
            }
        }
        for outcome in outcomes where outcome.unanswered > 0 {
            let share = Double(outcome.unanswered) / Double(Swift.max(1, outcome.arrived))
            var unanswered = "\(NumberFormat.count(outcome.unanswered)) requests (\(NumberFormat.percent(share))) in \(outcome.option.name) were still waiting or in service "
            unanswered += "when the run stopped, \(NumberFormat.duration(scenario.drainLimitSeconds)) after the observed period: they count as timed out; "
            unanswered += "\(outcome.option.name) cannot keep up with this traffic (more capacity: maxReplicaCount, the node pool's max, dedicated nodes)."
            sentences.append(unanswered)
        }
        return sentences
    }
}
