import Simulator
import Testing

/// Karpenter's rules in KarpenterSettings, checked against values worked out by hand from the
/// upstream source (docs/karpenter.md gives the derivations and the timelines they belong to).
@Suite struct KarpenterRuleTests {
    @Test func budgetsRoundPercentagesUp() {
        let tenPercent = DisruptionBudget.tenPercent
        #expect(tenPercent.allowed(initializedNodes: 0) == 0)
        #expect(tenPercent.allowed(initializedNodes: 1) == 1)
        #expect(tenPercent.allowed(initializedNodes: 10) == 1)
        #expect(tenPercent.allowed(initializedNodes: 11) == 2)
        #expect(tenPercent.allowed(initializedNodes: 20) == 2)
        // nodepool.go's own example: 5 % of 10 nodes allows 1.
        #expect(DisruptionBudget(nodes: .percent(5)).allowed(initializedNodes: 10) == 1)
        #expect(DisruptionBudget(nodes: .percent(100)).allowed(initializedNodes: 7) == 7)
        #expect(DisruptionBudget(nodes: .count(3)).allowed(initializedNodes: 1) == 3)
    }

    @Test func theMostRestrictiveApplicableBudgetWins() {
        let settings = KarpenterSettings(budgets: [
            DisruptionBudget(nodes: .percent(50)), DisruptionBudget(nodes: .count(0), reasons: [.drifted]),
            DisruptionBudget(nodes: .count(2), reasons: [.empty, .underutilized]),
        ])
        #expect(settings.allowedDisruptions(for: .empty, initializedNodes: 10, disrupting: 0) == 2)
        #expect(settings.allowedDisruptions(for: .empty, initializedNodes: 2, disrupting: 0) == 1)
        #expect(settings.allowedDisruptions(for: .drifted, initializedNodes: 10, disrupting: 0) == 0)
        #expect(settings.allowedDisruptions(for: .empty, initializedNodes: 10, disrupting: 1) == 1)
        #expect(settings.allowedDisruptions(for: .empty, initializedNodes: 10, disrupting: 3) == 0)
        #expect(
            KarpenterSettings(budgets: [DisruptionBudget(nodes: .count(1), reasons: [.drifted])])
                .allowedDisruptions(for: .empty, initializedNodes: 4, disrupting: 0) == Int.max)
    }

    /// Timeline "a budget limiting deletion of many empty nodes": 20 empty nodes under the default
    /// 10 % budget. Each command's nodes stop counting once their instances terminate, so the
    /// allowance follows the shrinking pool: 2 per command down to 10 nodes, then 1.
    @Test func twentyEmptyNodesAreDeletedInFifteenCommands() {
        let settings = KarpenterSettings()
        var remaining = 20
        var commands: [Int] = []
        while remaining > 0 {
            let allowed = settings.allowedDisruptions(for: .empty, initializedNodes: remaining, disrupting: 0)
            commands.append(min(allowed, remaining))
            remaining -= commands.last!
        }
        #expect(commands == [2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1])
        // While a command's nodes drain they count as disrupting: the loop right after it finds no room.
        #expect(settings.allowedDisruptions(for: .empty, initializedNodes: 20, disrupting: 2) == 0)
    }

    @Test func nominationWindow() {
        #expect(KarpenterSettings().nominationSeconds == 20)
        #expect(KarpenterSettings(batchMaxSeconds: 3).nominationSeconds == 10)
    }

    @Test func allowedCapacityTypes() {
        let spotOrOnDemand = KarpenterSettings(requirements: [
            NodeRequirement(key: KarpenterSettings.capacityTypeKey, operator: .in, values: ["on-demand", "spot"])
        ])
        #expect(spotOrOnDemand.allowedCapacityTypes == [.spot, .onDemand])
        let spotOnly = KarpenterSettings(requirements: [
            NodeRequirement(key: KarpenterSettings.capacityTypeKey, operator: .in, values: ["spot"])
        ])
        #expect(spotOnly.allowedCapacityTypes == [.spot])
        #expect(KarpenterSettings().allowedCapacityTypes == [.reserved, .spot, .onDemand])
        let notSpot = KarpenterSettings(requirements: [
            NodeRequirement(key: KarpenterSettings.capacityTypeKey, operator: .notIn, values: ["spot"])
        ])
        #expect(notSpot.allowedCapacityTypes == [.reserved, .onDemand])
    }

    @Test func consolidateAfterClock() {
        // Pod events within 10 s of the stored one are dropped.
        #expect(KarpenterSettings.lastPodEventTime(stored: nil, event: 111) == 111)
        #expect(KarpenterSettings.lastPodEventTime(stored: 111, event: 120.5) == 111)
        #expect(KarpenterSettings.lastPodEventTime(stored: 111, event: 121) == 121)
        // Timeline "one request": initialized at 111, bound at 111, terminating at 320.
        let zero = KarpenterSettings(consolidateAfterSeconds: 0)
        #expect(zero.consolidatableAt(initializedAt: 111, lastPodEventAt: 320) == 320)
        let fiveMinutes = KarpenterSettings(consolidateAfterSeconds: 300)
        #expect(fiveMinutes.consolidatableAt(initializedAt: 111, lastPodEventAt: 320) == 620)
        #expect(fiveMinutes.consolidatableAt(initializedAt: 111, lastPodEventAt: nil) == 411)
        #expect(fiveMinutes.consolidatableAt(initializedAt: nil, lastPodEventAt: 320) == nil)
        #expect(
            KarpenterSettings(consolidateAfterSeconds: nil).consolidatableAt(initializedAt: 111, lastPodEventAt: 320)
                == nil)
    }

    @Test func requirementOperators() {
        let gpuCount = NodeRequirement(key: "karpenter.k8s.aws/instance-gpu-count", operator: .gt, values: ["0"])
        #expect(gpuCount.admits("1") && !gpuCount.admits("0") && !gpuCount.admits(nil) && !gpuCount.admits("x"))
        #expect(NodeRequirement(key: "k", operator: .lte, values: ["4"]).admits("4"))
        #expect(!NodeRequirement(key: "k", operator: .lt, values: ["4"]).admits("4"))
        #expect(NodeRequirement(key: "k", operator: .gte, values: ["4"]).admits("4"))
        #expect(NodeRequirement(key: "k", operator: .notIn, values: ["a"]).admits(nil))
        #expect(!NodeRequirement(key: "k", operator: .exists).admits(nil))
        #expect(NodeRequirement(key: "k", operator: .doesNotExist).admits(nil))
        #expect(
            NodeRequirement(key: "k", operator: .exists, values: ["a"]).problem == "operator Exists takes no values")
        #expect(
            NodeRequirement(key: "k", operator: .notIn, values: ["a"], minValues: 51).problem
                == "minValues must be within 1 … 50, got 51")
    }

    @Test func validation() {
        #expect(throws: ParameterError("Karpenter batch durations must satisfy 0 < idle <= max")) {
            try KarpenterSettings(batchIdleSeconds: 5, batchMaxSeconds: 2).validate()
        }
        #expect(throws: ParameterError("a NodePool has 1 … 50 disruption budgets, got 0")) {
            try KarpenterSettings(budgets: []).validate()
        }
        #expect(throws: ParameterError("Karpenter consolidateAfter must be a duration within 0 s … 100 years")) {
            try KarpenterSettings(consolidateAfterSeconds: -1).validate()
        }
        #expect(throws: ParameterError("Karpenter expireAfter must be longer than 0 s (or Never)")) {
            try KarpenterSettings(expireAfterSeconds: 0).validate()
        }
        #expect(throws: ParameterError("Karpenter limits must be within 0 … 10000")) {
            try KarpenterSettings(maxGPUs: -2).validate()
        }
    }
}
