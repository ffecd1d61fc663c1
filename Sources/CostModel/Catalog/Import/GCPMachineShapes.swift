/// The Compute Engine machine types the GCP importer prices, and how GCP bills them: every
/// family listed here is billed per vCPU-hour and per GiB-hour of memory of its own family SKUs
/// ("N1 Predefined Instance Core/Ram", "G2 Instance Core/Ram", …), plus, for the accelerator
/// families, the family's GPU SKU times the GPUs the machine type bundles (G2: L4, A2 high:
/// A100 40GB, A2 ultra: A100 80GB, A3 high: H100 80GB). N1 bundles no GPU: T4, P4, V100 and P100
/// are separate GPU rows attachable to `n1-` machine types. Shapes are Google's machine type
/// tables (vCPUs, GiB, GPUs); shared-core E2 types other than `e2-medium` (billed as 1 vCPU
/// and 4 GiB) are left out, as are custom machine types.
enum GCPMachineShapes {
    /// One machine type: its family (`n1`), shape and bundled GPU SKU (if any).
    struct Shape {
        var name: String
        var family: String
        var vcpus: Int
        /// GiB in hundredths (N1's 3.75 GiB per vCPU): exact decimal text via ``memoryText``.
        var memoryHundredths: Int
        var gpu: GCPGPU?
        var gpuCount: Int

        var memoryText: String { ExactDecimal(units: Int64(memoryHundredths), decimalPlaces: 2).text() }
    }

    static let all: [Shape] = {
        var shapes: [Shape] = []
        func add(
            _ family: String, _ name: String, _ vcpus: Int, _ memoryHundredths: Int, _ gpu: GCPGPU? = nil,
            _ gpus: Int = 0
        ) {
            shapes.append(
                Shape(
                    name: name, family: family, vcpus: vcpus, memoryHundredths: memoryHundredths, gpu: gpu,
                    gpuCount: gpus))
        }
        for vcpus in [1, 2, 4, 8, 16, 32, 64, 96] { add("n1", "n1-standard-\(vcpus)", vcpus, 375 * vcpus) }
        for vcpus in [2, 4, 8, 16, 32, 64, 96] {
            add("n1", "n1-highmem-\(vcpus)", vcpus, 650 * vcpus)
            add("n1", "n1-highcpu-\(vcpus)", vcpus, 90 * vcpus)
        }
        add("e2", "e2-medium", 1, 400)
        for vcpus in [2, 4, 8, 16, 32] {
            add("e2", "e2-standard-\(vcpus)", vcpus, 400 * vcpus)
            add("e2", "e2-highcpu-\(vcpus)", vcpus, 100 * vcpus)
        }
        for vcpus in [2, 4, 8, 16] { add("e2", "e2-highmem-\(vcpus)", vcpus, 800 * vcpus) }
        let l4 = GCPGPU.table.first { $0.model == "L4" }
        for (vcpus, gpus) in [(4, 1), (8, 1), (12, 1), (16, 1), (24, 2), (32, 1), (48, 4), (96, 8)] {
            add("g2", "g2-standard-\(vcpus)", vcpus, 400 * vcpus, l4, gpus)
        }
        let a100 = GCPGPU.table.first { $0.model == "A100-40GB" }
        let a100Large = GCPGPU.table.first { $0.model == "A100-80GB" }
        for gpus in [1, 2, 4, 8] {
            add("a2", "a2-highgpu-\(gpus)g", 12 * gpus, 8_500 * gpus, a100, gpus)
            add("a2", "a2-ultragpu-\(gpus)g", 12 * gpus, 17_000 * gpus, a100Large, gpus)
        }
        add("a2", "a2-megagpu-16g", 96, 136_000, a100, 16)
        let h100 = GCPGPU.table.first { $0.model == "H100-80GB" }
        for gpus in [1, 2, 4, 8] { add("a3", "a3-highgpu-\(gpus)g", 26 * gpus, 23_400 * gpus, h100, gpus) }
        return shapes
    }()

    /// Families priced per vCPU and GiB (the `FAMILY` of "FAMILY Instance Core running in …").
    static let families: Set<String> = Set(all.map(\.family))
}
