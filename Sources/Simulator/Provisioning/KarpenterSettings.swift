/// Karpenter as the node provisioner of a GPU pool: the NodePool (`karpenter.sh/v1`), its node
/// class (EC2NodeClass on AWS, AKSNodeClass on Azure's node auto-provisioning) and the
/// controller's flags. Durations are seconds; `nil` durations mean `Never` (or, for the
/// termination grace period, "wait for the drain forever").
///
/// Defaults and constants are upstream's, read in kubernetes-sigs/karpenter v1.14.1 (paths below
/// are in that repository unless they name another); docs/karpenter.md gives each one with its
/// source line, the hand-computed timelines they imply, and what costsim does not model.
public struct KarpenterSettings: Sendable, Hashable {
    /// `spec.disruption.consolidationPolicy` (CRD enum; default `WhenEmptyOrUnderutilized`).
    public enum ConsolidationPolicy: String, Sendable, Hashable, CaseIterable {
        /// Only nodes without workload pods are consolidated.
        case whenEmpty = "WhenEmpty"
        /// Also nodes whose pods fit elsewhere or on one cheaper replacement.
        case whenEmptyOrUnderutilized = "WhenEmptyOrUnderutilized"
        /// v1.14: like WhenEmptyOrUnderutilized, only when savings / disruption ≥ 1/2.
        case balanced = "Balanced"
    }

    /// `karpenter.sh/capacity-type` values, in Karpenter's launch priority (AWS
    /// `pkg/providers/instance/instance.go` `getCapacityType`: reserved, then spot, then on-demand).
    public enum CapacityType: String, Sendable, Hashable, CaseIterable, Comparable {
        case reserved
        case spot
        case onDemand = "on-demand"

        public static func < (lhs: Self, rhs: Self) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// The requirement key of the capacity type.
    public static let capacityTypeKey = "karpenter.sh/capacity-type"

    // MARK: Controller flags

    /// `--batch-idle-duration` (1 s): a batch of pending pods closes this long after the last one.
    public var batchIdleSeconds: Double
    /// `--batch-max-duration` (10 s): a batch never stays open longer.
    public var batchMaxSeconds: Double
    /// `--interruption-queue` set (AWS only; default unset): spot interruption warnings reach
    /// Karpenter, which drains and replaces the node before EC2 reclaims it.
    public var interruptionQueue: Bool
    /// First tick of the disruption loop, seconds into the run; nil: drawn like every controller's
    /// phase. Set to pin a hand-computed timeline.
    public var disruptionPhaseSeconds: Double?
    /// First tick of the NodeClaim garbage collection (every 2 min); nil: drawn.
    public var garbageCollectionPhaseSeconds: Double?

    // MARK: NodePool

    /// `spec.template.spec.requirements`; matched against the price catalog.
    public var requirements: [NodeRequirement]
    public var consolidationPolicy: ConsolidationPolicy
    /// `spec.disruption.consolidateAfter` (CRD default `0s`); `nil` = `Never`, which also stops
    /// empty nodes from being removed.
    public var consolidateAfterSeconds: Double?
    /// `spec.disruption.budgets` (default one budget of 10 %); the most restrictive active one wins.
    public var budgets: [DisruptionBudget]
    /// `spec.template.spec.expireAfter` (CRD default `720h`); `nil` = `Never`.
    public var expireAfterSeconds: Double?
    /// `spec.template.spec.terminationGracePeriod` (default unset = drain waits forever).
    public var terminationGracePeriodSeconds: Double?
    /// `spec.limits.nodes`: a node is launched only while the pool (launching nodes included)
    /// stays within it; `nil`: no limit (`scheduling/scheduler.go` `filterByRemainingResources`).
    public var maxNodes: Int?
    /// `spec.limits["nvidia.com/gpu"]`: the same for the pool's GPUs; `nil`: no limit.
    public var maxGPUs: Int?

    // MARK: Node class

    /// The node image family the node class selects (`bottlerocket`, `al2023`, `al2`, `custom`
    /// on AWS; `ubuntu`, `ubuntu2204`, `ubuntu2404`, `azurelinux` on Azure); `nil`: not given.
    /// It decides which cold-start phases a GPU node has (docs/karpenter.md, "Cold start").
    public var imageFamily: String?
    /// AKSNodeClass `spec.gpu.mode`: `true` for `Driver` (default: AKS installs the NVIDIA
    /// driver), `false` for `None` (a GPU Operator installs it). Ignored on AWS.
    public var managedGPUDriver: Bool

    // MARK: Offerings

    /// What the requirements allow in the scenario's region, cheapest first: each an instance
    /// type on one capacity type (`spot` or not), as the scenario reader resolved it against the
    /// price catalog. Empty: the option's `node` on each allowed capacity type.
    public var offerings: [NodeSpec]

    public init(
        batchIdleSeconds: Double = 1, batchMaxSeconds: Double = 10, interruptionQueue: Bool = false,
        disruptionPhaseSeconds: Double? = nil, garbageCollectionPhaseSeconds: Double? = nil,
        requirements: [NodeRequirement] = [], consolidationPolicy: ConsolidationPolicy = .whenEmptyOrUnderutilized,
        consolidateAfterSeconds: Double? = 0, budgets: [DisruptionBudget] = [.tenPercent],
        expireAfterSeconds: Double? = 720 * 3600, terminationGracePeriodSeconds: Double? = nil,
        maxNodes: Int? = nil, maxGPUs: Int? = nil, imageFamily: String? = nil, managedGPUDriver: Bool = true,
        offerings: [NodeSpec] = []
    ) {
        self.batchIdleSeconds = batchIdleSeconds
        self.batchMaxSeconds = batchMaxSeconds
        self.interruptionQueue = interruptionQueue
        self.disruptionPhaseSeconds = disruptionPhaseSeconds
        self.garbageCollectionPhaseSeconds = garbageCollectionPhaseSeconds
        self.requirements = requirements
        self.consolidationPolicy = consolidationPolicy
        self.consolidateAfterSeconds = consolidateAfterSeconds
        self.budgets = budgets
        self.expireAfterSeconds = expireAfterSeconds
        self.terminationGracePeriodSeconds = terminationGracePeriodSeconds
        self.maxNodes = maxNodes
        self.maxGPUs = maxGPUs
        self.imageFamily = imageFamily
        self.managedGPUDriver = managedGPUDriver
        self.offerings = offerings
    }

    // MARK: Hard-coded upstream constants

    /// The pod controller re-triggers the batcher for every still-pending pod this often
    /// (`pkg/controllers/provisioning/controller.go`).
    public static let pendingPodRequeueSeconds = 10.0
    /// A NodeClaim not launched this long after its creation is deleted and retried
    /// (`pkg/controllers/nodeclaim/lifecycle/liveness.go` `LaunchTimeout`).
    public static let launchTimeoutSeconds = 300.0
    /// A launched NodeClaim whose node has not registered this long after launch is deleted
    /// (same file, `registrationTimeout`). There is no timeout for initialization.
    public static let registrationTimeoutSeconds = 900.0
    /// The disruption controller looks for work this often when the last pass did nothing
    /// (`pkg/controllers/disruption/controller.go` `pollingPeriod`).
    public static let disruptionPollSeconds = 10.0
    /// A consolidation command waits this long, then re-checks its candidates
    /// (`pkg/controllers/disruption/consolidation.go` `commandValidationDelay`).
    public static let validationSeconds = 15.0
    /// Pod events closer than this to the stored `lastPodEventTime` are dropped
    /// (`pkg/controllers/nodeclaim/podevents/controller.go` `dedupeTimeout`).
    public static let podEventDedupeSeconds = 10.0
    /// A drain lasts at least this long (`pkg/controllers/node/termination/controller.go` `MinDrainTime`).
    public static let minimumDrainSeconds = 5.0
    /// After the instance is terminated, the termination controller polls for it this often (same file).
    public static let instanceTerminationPollSeconds = 5.0
    /// An offering (instance type, zone, capacity type) that failed for lack of capacity, or
    /// whose spot instance was interrupted, is not offered again for this long (AWS
    /// `pkg/cache/cache.go` `UnavailableOfferingsTTL`).
    public static let unavailableOfferingSeconds = 180.0
    /// NodeClaims whose instance is gone (and whose node is not Ready) are garbage-collected on
    /// this period (`pkg/controllers/nodeclaim/garbagecollection/controller.go`).
    public static let garbageCollectionSeconds = 120.0
    /// Spot interruption notice on AWS (aws/karpenter-provider-aws v1.14.1
    /// `website/content/en/docs/concepts/disruption.md`, "Interruption").
    public static let awsSpotNoticeSeconds = 120.0

    // MARK: Rules

    /// How long nodes a provisioning pass plans pods onto are protected from disruption:
    /// max(2 × batch max, 10 s) (`pkg/controllers/state/statenode.go` `nominationWindow`).
    public var nominationSeconds: Double { max(2 * batchMaxSeconds, 10) }

    /// The capacity types the requirements allow (`karpenter.sh/capacity-type`; without that
    /// requirement every type is allowed), in launch priority.
    public var allowedCapacityTypes: [CapacityType] {
        let rules = requirements.filter { $0.key == Self.capacityTypeKey }
        return CapacityType.allCases.filter { type in rules.allSatisfy { $0.admits(type.rawValue) } }
    }

    /// The `lastPodEventTime` a node stores after a pod event (bound, terminating or terminal)
    /// at `event`, given the stored one: events within 10 s of the stored time are dropped.
    public static func lastPodEventTime(stored: Double?, event: Double) -> Double {
        guard let stored, event - stored < podEventDedupeSeconds else { return event }
        return stored
    }

    /// When a node becomes consolidatable (`pkg/controllers/nodeclaim/disruption/consolidation.go`,
    /// `pkg/utils/disruption/disruption.go` `IsUnderConsolidateAfter`): `consolidateAfter` after
    /// its last pod event, or after initialization if it never had one; `nil` with `Never` or
    /// before initialization.
    public func consolidatableAt(initializedAt: Double?, lastPodEventAt: Double?) -> Double? {
        guard let after = consolidateAfterSeconds, let initializedAt else { return nil }
        return (lastPodEventAt ?? initializedAt) + after
    }

    /// How many more of a pool's nodes may start disrupting for `reason`: the smallest allowance
    /// of the budgets that apply, less the nodes already disrupting (not Ready or marked for
    /// deletion, until their instance is terminating), never below 0
    /// (`pkg/controllers/disruption/helpers.go` `BuildDisruptionBudgetMapping`).
    /// `initializedNodes` counts the pool's initialized nodes whose instance is not terminating.
    public func allowedDisruptions(
        for reason: DisruptionBudget.Reason, initializedNodes: Int, disrupting: Int
    ) -> Int {
        let limits = budgets.filter { $0.applies(to: reason) }.map { $0.allowed(initializedNodes: initializedNodes) }
        guard let allowed = limits.min() else { return Int.max }
        return max(0, allowed - disrupting)
    }

    public func validate() throws(ParameterError) {
        guard batchIdleSeconds > 0, batchIdleSeconds.isFinite, batchMaxSeconds >= batchIdleSeconds,
            batchMaxSeconds <= SimulationLimits.maxDurationSeconds
        else {
            throw .invalidParameter("Karpenter batch durations must satisfy 0 < idle <= max")
        }
        guard ControllerPhases.isValid(disruptionPhaseSeconds), ControllerPhases.isValid(garbageCollectionPhaseSeconds)
        else {
            throw .invalidParameter("Karpenter loop phases must be finite times >= 0")
        }
        for (name, value) in [
            ("consolidateAfter", consolidateAfterSeconds), ("expireAfter", expireAfterSeconds),
            ("terminationGracePeriod", terminationGracePeriodSeconds),
        ] {
            if let value, !(value >= 0 && value <= SimulationLimits.maxDurationSeconds) {
                throw .invalidParameter("Karpenter \(name) must be a duration within 0 s … 100 years")
            }
        }
        if let expire = expireAfterSeconds, expire <= 0 {
            throw .invalidParameter("Karpenter expireAfter must be longer than 0 s (or Never)")
        }
        guard (1...50).contains(budgets.count) else {
            throw .invalidParameter("a NodePool has 1 … 50 disruption budgets, got \(budgets.count)")
        }
        for budget in budgets {
            if let problem = budget.problem { throw .invalidParameter("disruption budget: \(problem)") }
        }
        for requirement in requirements {
            if let problem = requirement.problem {
                throw .invalidParameter("requirement \(requirement.key): \(problem)")
            }
        }
        for limit in [maxNodes, maxGPUs] {
            if let limit, !(0...SimulationLimits.maxNodes).contains(limit) {
                throw .invalidParameter("Karpenter limits must be within 0 … \(SimulationLimits.maxNodes)")
            }
        }
        guard offerings.count <= SimulationLimits.maxNodes else {
            throw .invalidParameter("at most \(SimulationLimits.maxNodes) Karpenter offerings, got \(offerings.count)")
        }
        for offering in offerings { try offering.validateAsGPUWorker() }
        guard !allowedCapacityTypes.isEmpty else {
            throw .invalidParameter("the karpenter.sh/capacity-type requirements allow no capacity type")
        }
    }
}
