/// A GPU Compute Engine sells: the SKU description's name, the catalog SKU and model, its
/// memory, and the machine types it can be attached to (empty: sold only inside a family).
struct GCPGPU: Hashable {
    var description: String
    var sku: String
    var model: String
    var memoryGiB: Int
    var attachableTo: [String]

    static let table: [GCPGPU] = [
        GCPGPU(
            description: "nvidia tesla t4 gpu", sku: "nvidia-tesla-t4", model: "T4", memoryGiB: 16,
            attachableTo: ["n1-"]),
        GCPGPU(
            description: "nvidia tesla p4 gpu", sku: "nvidia-tesla-p4", model: "P4", memoryGiB: 8, attachableTo: ["n1-"]
        ),
        GCPGPU(
            description: "nvidia tesla v100 gpu", sku: "nvidia-tesla-v100", model: "V100", memoryGiB: 16,
            attachableTo: ["n1-"]),
        GCPGPU(
            description: "nvidia tesla p100 gpu", sku: "nvidia-tesla-p100", model: "P100", memoryGiB: 16,
            attachableTo: ["n1-"]),
        GCPGPU(description: "nvidia l4 gpu", sku: "nvidia-l4", model: "L4", memoryGiB: 24, attachableTo: []),
        GCPGPU(
            description: "nvidia tesla a100 gpu", sku: "nvidia-tesla-a100", model: "A100-40GB", memoryGiB: 40,
            attachableTo: []),
        GCPGPU(
            description: "nvidia a100 80gb gpu", sku: "nvidia-a100-80gb", model: "A100-80GB", memoryGiB: 80,
            attachableTo: []),
        GCPGPU(
            description: "nvidia h100 80gb gpu", sku: "nvidia-h100-80gb", model: "H100-80GB", memoryGiB: 80,
            attachableTo: []),
    ]
}
