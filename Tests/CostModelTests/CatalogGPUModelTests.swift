import Testing
@testable import CostModel
import Simulator

/// Which GPU a node carries, as the catalog names it: bundled in the machine row or attached.
@Suite struct CatalogGPUModelTests {
    func gpu(_ provider: String, _ machine: String, gpu: String? = nil, count: Int = 1) throws -> String? {
        let catalog = try PriceCatalog.bundled()
        return try catalog.gpuModel(
            of: NodeSpec(provider: provider, region: "any", machineType: machine, gpuModel: gpu, gpuCount: count))
    }

    @Test func machineTypesWhoseRowBundlesAGPUNameIt() throws {
        #expect(try gpu("gcp", "g2-standard-4") == "L4")
        #expect(try gpu("gcp", "a2-highgpu-1g") == "A100-40GB")
        #expect(try gpu("aws", "g4dn.xlarge") == "T4")
        #expect(try gpu("aws", "g5.xlarge") == "A10G")
        #expect(try gpu("aws", "g6.xlarge") == "L4")
        #expect(try gpu("azure", "Standard_NC4as_T4_v3") == "T4")
        // The bundled GPU wins over a count of 0 and over what the node says (pricing rejects a mismatch).
        #expect(try gpu("gcp", "g2-standard-4", count: 0) == "L4")
    }

    @Test func attachedGPUsAreNamedByTheirRow() throws {
        #expect(try gpu("gcp", "n1-highmem-4", gpu: "T4") == "T4")
        #expect(try gpu("gcp", "n1-highmem-4", gpu: "nvidia-tesla-t4") == "T4")   // the SKU's name
        #expect(try gpu("gcp", "n1-highmem-4", gpu: "t4") == "T4")
        #expect(try gpu("gcp", "n1-highmem-4", gpu: "B200") == "B200")             // unknown: as written
        #expect(try gpu("gcp", "e2-medium", count: 0) == nil)
    }

    @Test func theCatalogListsItsGPUModels() throws {
        let models = try PriceCatalog.bundled().gpuModels()
        #expect(models == models.sorted())
        for model in ["T4", "L4", "A10G", "A100-40GB", "A100-80GB", "V100"] { #expect(models.contains(model)) }
    }
}
