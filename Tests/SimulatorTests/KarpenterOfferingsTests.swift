import Testing
@testable import Simulator

/// Which offering a launch uses (docs/karpenter.md, "Capacity type" and "Instance choice (Azure)").
@Suite struct KarpenterOfferingsTests {
    static func node(_ provider: String, _ type: String, spot: Bool) -> NodeSpec {
        NodeSpec(provider: provider, region: "r", machineType: type, gpuModel: "T4", gpuCount: 1, spot: spot)
    }

    @Test func awsPrefersSpotAndFallsBackToOnDemandWhileSpotIsUnavailable() {
        // Cheapest first: on-demand a (0.3) is cheaper than spot b (0.4), but AWS picks by capacity type.
        let settings = KarpenterSettings(offerings: [
            Self.node("aws", "a", spot: false), Self.node("aws", "b", spot: true), Self.node("aws", "c", spot: true),
        ])
        var offerings = KarpenterOfferings(settings: settings, node: Self.node("aws", "a", spot: false))
        #expect(offerings.choose(at: 0) == 1)
        offerings.markUnavailable(1, until: 180)
        #expect(offerings.choose(at: 10) == 2)                  // the next spot offering
        offerings.markUnavailable(2, until: 180)
        #expect(offerings.choose(at: 10) == 0)                  // then on-demand
        #expect(offerings.choose(at: 180) == 1)                 // available again at the end of the 3 min
    }

    @Test func azurePicksTheCheapestAvailableOffering() {
        let settings = KarpenterSettings(offerings: [
            Self.node("azure", "a", spot: false), Self.node("azure", "b", spot: true),
        ])
        let offerings = KarpenterOfferings(settings: settings, node: Self.node("azure", "a", spot: false))
        #expect(offerings.choose(at: 0) == 0)
    }

    @Test func withoutOfferingsThePoolNodeIsOfferedOnEachAllowedCapacityType() {
        let spotOnly = KarpenterSettings(requirements: [
            NodeRequirement(key: KarpenterSettings.capacityTypeKey, operator: .in, values: ["spot"])
        ])
        var offerings = KarpenterOfferings(settings: spotOnly, node: Self.node("aws", "g4dn.xlarge", spot: false))
        #expect(offerings.offerings.map(\.spot) == [true])
        offerings.markUnavailable(0, until: 180)
        #expect(offerings.choose(at: 179) == nil)                // nothing allowed is available: the pods retry
        let both = KarpenterOfferings(settings: KarpenterSettings(), node: Self.node("aws", "g4dn.xlarge", spot: false))
        #expect(both.offerings.map(\.spot) == [true, false])
    }
}
