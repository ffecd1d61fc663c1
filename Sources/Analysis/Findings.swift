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
        for outcome in outcomes {
            guard case .serverless(let serverless) = outcome.option.kind, outcome.first.horizonSeconds > 0 else {
                continue
            }
            sentences.append(platformUsage(outcome, serverless))
            if let cost = cost(outcome, isArticle: false) { sentences.append(cost) }
            if outcome.coldStartShare > 0 { sentences.append(waiting(outcome, isArticle: false)) }
            if outcome.rejected > 0 { sentences.append(rejections(outcome, serverless)) }
        }
        sentences += provisionerComparisons()
        for outcome in outcomes where outcome.unanswered > 0 { sentences.append(unanswered(outcome)) }
        return sentences
    }

    /// Each Karpenter option against each cluster-autoscaler option with the same pod autoscaler
    /// and node: what the provisioner changed on the same traffic.
    private func provisionerComparisons() -> [String] {
        var sentences: [String] = []
        for karpenter in outcomes {
            guard case .autoscaled(let deployment) = karpenter.option.kind, let settings = deployment.karpenter,
                  karpenter.first.horizonSeconds > 0 else { continue }
            for other in outcomes {
                guard case .autoscaled(let peer) = other.option.kind, peer.karpenter == nil,
                      peer.autoscaler == deployment.autoscaler, peer.node.gpuModel == deployment.node.gpuModel
                else { continue }
                sentences.append(Self.provisioners(karpenter, settings, against: other, peer))
            }
        }
        return sentences
    }

    /// An option's name with the role it plays, unless the name already says it: "spot (Karpenter)",
    /// but "karpenter" and "cluster-autoscaler" alone.
    private static func named(_ outcome: OptionOutcome, _ role: String) -> String {
        let name = outcome.option.name
        let words = name.lowercased().map { $0 == "-" || $0 == "_" ? " " : $0 }
        return String(words).contains(role.lowercased()) ? name : "\(name) (\(role))"
    }

    /// "karpenter against cluster-autoscaler …": idle tails, cold starts, cold-start waits and cost
    /// a day, and why they differ.
    private static func provisioners(
        _ karpenter: OptionOutcome, _ settings: KarpenterSettings, against other: OptionOutcome,
        _ peer: AutoscaledDeployment
    ) -> String {
        func perDay(_ outcome: OptionOutcome, _ states: [NodeState]) -> String {
            let days = outcome.first.horizonSeconds / 86_400
            return hours(states.reduce(0) { $0 + outcome.gpuNodeSeconds[$1] } / 3600 / days)
        }
        let tails: [NodeState] = [.cooldownTail, .scaleDownTail]
        var sentence =
            "\(named(karpenter, "Karpenter")) against \(named(other, "cluster autoscaler")) on the same "
            + "traffic: idle tails \(perDay(karpenter, tails)) h against \(perDay(other, tails)) h a day, cold starts "
            + "\(perDay(karpenter, [.coldStart])) h against \(perDay(other, [.coldStart])) h, "
            + "\(NumberFormat.percent(karpenter.coldStartShare)) against \(NumberFormat.percent(other.coldStartShare)) "
            + "of requests waiting for a cold start"
        if let mine = karpenter.cost?.meanMonthlyTotal, let theirs = other.cost?.meanMonthlyTotal {
            sentence += ", \(mine.formatted) against \(theirs.formatted) a month"
        }
        guard let after = settings.consolidateAfterSeconds,
              after < peer.clusterAutoscaler.scaleDownUnneededSeconds else { return sentence + "." }
        let removal = after + KarpenterSettings.validationSeconds + KarpenterSettings.minimumDrainSeconds
        let latest = removal + KarpenterSettings.disruptionPollSeconds
        return sentence + ". Karpenter removes an empty node \(NumberFormat.duration(removal))–"
            + "\(NumberFormat.duration(latest)) after it empties (consolidateAfter \(NumberFormat.duration(after)), "
            + "the 10-s disruption loop, a 15-s validation, a 5-s drain), "
            + "the cluster autoscaler after \(NumberFormat.duration(peer.clusterAutoscaler.scaleDownUnneededSeconds)): "
            + "fewer idle hours, but a request after a quiet spell waits for a new node instead of a warm one "
            + "(a longer consolidateAfter trades one for the other; costsim sweep karpenter.consolidateAfter)."
    }

    /// Where a serverless option's billed instance hours went, a day, and which of them decides
    /// its cost: idle billing (the idle window or cooldown), cold starts, or the hourly price.
    private func platformUsage(_ outcome: OptionOutcome, _ serverless: ServerlessDeployment) -> String {
        let days = outcome.first.horizonSeconds / 86_400
        let seconds = outcome.gpuNodeSeconds
        let idle = seconds[.idle] + seconds[.cooldownTail] + seconds[.scaleDownTail]
        let (serving, starting) = (seconds[.serving], seconds[.coldStart])
        let usage =
            "\(outcome.option.name) (\(serverless.summary)): instances were billed "
            + "\(Self.hours(seconds.total / 3600 / days)) h a day — \(Self.hours(serving / 3600 / days)) h serving, "
            + "\(Self.hours(starting / 3600 / days)) h starting and \(Self.hours(idle / 3600 / days)) h idle"
        let window = NumberFormat.duration(serverless.settings.idleTimeoutSeconds)
        if idle > serving + starting {
            return usage + "; idle billing decides its cost: an idle instance stays \(window) after its last "
                + "request (serverless.idleTimeout)."
        }
        if starting > serving {
            return usage + "; start-ups decide its cost: each scale-up bills the instance while it starts."
        }
        return usage + "; it bills little beyond serving, so its price per hour decides its cost."
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
            + "\(deployment.karpenter == nil ? "the cluster autoscaler" : "Karpenter") to remove the node)"
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
            + "\(NumberFormat.percent(outcome.timeoutShare)) of all requests "
            + (outcome.rejected > 0
                ? "timed out or were rejected (\(NumberFormat.percent(outcome.rejectedShare)) rejected)" : "timed out")
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

    /// How many requests the platform rejected, and why: no instance ready (SageMaker real-time)
    /// or no slot at the maximum within the pending wait (Cloud Run).
    private func rejections(_ outcome: OptionOutcome, _ serverless: ServerlessDeployment) -> String {
        let settings = serverless.settings
        var sentence =
            "\(NumberFormat.percent(outcome.rejectedShare)) of requests to \(outcome.option.name) "
            + "(\(NumberFormat.count(outcome.rejected))) were rejected with an error and count as failed"
        if serverless.platform.profile.limits.rejectsWithoutReadyInstance {
            sentence += ": \(serverless.platform.rawValue) refuses every request while no instance is ready, and "
                + "leaving zero takes the alarm's datapoint and the instance's start-up (serverless.minInstances: 1 "
                + "keeps one ready)"
        }
        if let pending = settings.pendingTimeoutSeconds {
            let platform = serverless.platform.rawValue
            sentence += ": at serverless.maxInstances (\(settings.maxInstances)) \(platform) refuses a request that "
                + "finds no free slot within \(NumberFormat.duration(pending))"
        }
        return sentence + "."
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
