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
        for outcome in outcomes {
            guard case .autoscaled(let deployment) = outcome.option.kind, outcome.first.horizonSeconds > 0 else {
                continue
            }
            // The article's 2 h a day and $58 describe scaling to zero, not a warm pool.
            let isArticle = scenario.name.hasPrefix("article") && deployment.replicaFloor == 0
            sentences.append(usage(outcome, deployment, isArticle: isArticle))
            if let cost = cost(outcome, isArticle: isArticle) { sentences.append(cost) }
            if outcome.coldStartShare > 0 { sentences.append(waiting(outcome, isArticle: isArticle)) }
            if let flapping = flapping(outcome, deployment) { sentences.append(flapping) }
            if let fee = outcome.cost?.meanPerMonth.netClusterFee, fee.nanoDollars > 0, isArticle {
                sentences.append(
                    "The GKE cluster management fee adds \(fee.formatted) a month to \(outcome.option.name); "
                        + "the article leaves it out.")
            }
        }
        sentences.append(contentsOf: provisionerComparisons)
        for outcome in outcomes where outcome.unanswered > 0 { sentences.append(unanswered(outcome)) }
        return sentences
    }

    private static func hours(_ value: Double) -> String { NumberFormat.fixed(value, decimals: 1) }

    /// Where the billed GPU hours went, a day: serving, cold starts, idle, idle tails.
    private func usage(_ outcome: OptionOutcome, _ deployment: AutoscaledDeployment, isArticle: Bool) -> String {
        let days = outcome.first.horizonSeconds / 86_400
        let seconds = outcome.gpuNodeSeconds
        let perDay = seconds.total / 3600 / days
        let tails = (seconds[.cooldownTail] + seconds[.scaleDownTail]) / 3600 / days
        var usage =
            "\(outcome.option.name): GPU nodes were billed \(Self.hours(perDay)) h a day — "
            + "\(Self.hours(seconds[.serving] / 3600 / days)) h serving, "
            + "\(Self.hours(seconds[.coldStart] / 3600 / days)) h cold starts, "
            + "\(Self.hours(seconds[.idle] / 3600 / days)) h idle between requests and "
            + "\(Self.hours(tails)) h idle tails "
            + "(waiting for the autoscaler to scale in and "
            + (deployment.karpenter == nil ? "the cluster autoscaler" : "Karpenter") + " to remove the node)"
        guard isArticle else { return usage + "." }
        let assumed = NumberFormat.fixed(Self.articleGPUHoursPerDay, decimals: 0)
        usage +=
            perDay > Self.articleGPUHoursPerDay * 1.25
            ? "; the article assumes \(assumed) h a day, so its estimate breaks here."
            : "; the article's \(assumed) h a day holds."
        return usage
    }

    /// The option's monthly cost against the baseline's (and the article's estimate).
    private func cost(_ outcome: OptionOutcome, isArticle: Bool) -> String? {
        guard let baseline, baseline.option.name != outcome.option.name,
            let mine = outcome.cost?.meanMonthlyTotal, let theirs = baseline.cost?.meanMonthlyTotal,
            mine.nanoDollars > 0
        else { return nil }
        let phrase = CostPhrase.compare(option: Double(mine.nanoDollars), baseline: Double(theirs.nanoDollars))
        let cost =
            "\(outcome.option.name) costs \(mine.formatted) a month against \(theirs.formatted) for "
            + "\(baseline.option.name) (\(phrase))"
        guard isArticle else { return cost + "." }
        return cost + "; the article estimates \(Self.articleMonthlyScaleToZero) against "
            + "\(Self.articleMonthlyDedicated) (\(Self.articleRatio))."
    }

    /// Who waited for a cold start, how long, and how many timed out.
    private func waiting(_ outcome: OptionOutcome, isArticle: Bool) -> String {
        let wait = outcome.coldStartWait.summary
        return "\(NumberFormat.percent(outcome.coldStartShare)) of requests in \(outcome.option.name) arrived while no "
            + "GPU worker was ready and waited a median \(NumberFormat.duration(wait.p50Seconds)) "
            + "(p95 \(NumberFormat.duration(wait.p95Seconds))) for a cold start; "
            + "\(NumberFormat.percent(outcome.timeoutShare)) of all requests timed out"
            + (isArticle ? " — a cost the article's table does not show." : ".")
    }

    /// A KEDA scale-to-zero option that scales from zero at least once an hour, and why.
    private func flapping(_ outcome: OptionOutcome, _ deployment: AutoscaledDeployment) -> String? {
        let activationsPerDay = outcome.activationsFromZero / (outcome.first.horizonSeconds / 86_400)
        guard case .keda(let keda) = deployment.autoscaler, keda.minReplicaCount == 0, activationsPerDay >= 24 else {
            return nil
        }
        var flapping =
            "\(outcome.option.name) scaled from zero \(NumberFormat.fixed(activationsPerDay, decimals: 0)) "
            + "times a day: gaps between requests longer than the \(NumberFormat.duration(keda.cooldownPeriodSeconds)) "
            + "cooldown end each burst"
        if keda.trigger.queueProtocol == .amqp {
            flapping +=
                ", and over AMQP KEDA counts only ready messages, so a worker busy with the only request looks "
                + "idle (kedacore/keda#356; with protocol: http it counts unacknowledged messages too)"
        }
        return flapping + "; a longer cooldownPeriod trades GPU idle time for fewer cold starts (costsim sweep)."
    }

    /// What Karpenter changes against the cluster autoscaler on the same traffic: for each option
    /// under Karpenter, the first option under the cluster autoscaler with the same pod autoscaler
    /// and GPU machine, compared on idle-tail and cold-start hours a day, the share of requests that
    /// waited for a cold start, and the monthly cost.
    private var provisionerComparisons: [String] {
        func deployment(_ outcome: OptionOutcome) -> AutoscaledDeployment? {
            if case .autoscaled(let deployment) = outcome.option.kind { deployment } else { nil }
        }
        return outcomes.compactMap { karpenter -> String? in
            guard let mine = deployment(karpenter), mine.karpenter != nil, karpenter.first.horizonSeconds > 0,
                let other = outcomes.first(where: { candidate in
                    guard let theirs = deployment(candidate), theirs.karpenter == nil else { return false }
                    return theirs.autoscaler == mine.autoscaler && theirs.node.machineType == mine.node.machineType
                        && theirs.node.provider == mine.node.provider && candidate.first.horizonSeconds > 0
                })
            else { return nil }
            func perDay(_ outcome: OptionOutcome, _ states: [NodeState]) -> String {
                let seconds = states.reduce(0) { $0 + outcome.gpuNodeSeconds[$1] }
                return Self.hours(seconds / 3600 / (outcome.first.horizonSeconds / 86_400))
            }
            var sentence =
                "Karpenter against the cluster autoscaler on the same traffic (\(karpenter.option.name) against "
                + "\(other.option.name)): idle tails \(perDay(karpenter, [.cooldownTail, .scaleDownTail])) h against "
                + "\(perDay(other, [.cooldownTail, .scaleDownTail])) h a day, cold starts "
                + "\(perDay(karpenter, [.coldStart])) h against \(perDay(other, [.coldStart])) h a day, "
                + "\(NumberFormat.percent(karpenter.coldStartShare)) against "
                + "\(NumberFormat.percent(other.coldStartShare)) of requests waited for a cold start"
            if let mine = karpenter.cost?.meanMonthlyTotal, let theirs = other.cost?.meanMonthlyTotal {
                sentence += ", \(mine.formatted) against \(theirs.formatted) a month"
            }
            return sentence + "."
        }
    }

    /// Requests still unanswered when the run stopped.
    private func unanswered(_ outcome: OptionOutcome) -> String {
        let share = Double(outcome.unanswered) / Double(Swift.max(1, outcome.arrived))
        return "\(NumberFormat.count(outcome.unanswered)) requests (\(NumberFormat.percent(share))) in "
            + "\(outcome.option.name) were still waiting or in service when the run stopped, "
            + "\(NumberFormat.duration(scenario.drainLimitSeconds)) after the observed period: they count as timed "
            + "out; \(outcome.option.name) cannot keep up with this traffic (more capacity: maxReplicaCount, the node "
            + "pool's max, dedicated nodes)."
    }
}
