/// The shapes of Azure's GPU VM sizes, which the Retail Prices API does not give (it prices
/// `armSkuName`s only), from Microsoft Learn's size pages (NCasT4_v3, NC A100 v4, NCads H100 v5,
/// ND H100 v5, NDasrA100_v4, NDm A100 v4). Other sizes import with their price and no shape.
enum AzureVMShapes {
    /// vCPUs, GiB, GPU model, count and per-GPU GiB by `armSkuName`.
    static let table: [String: (vcpus: Int, memoryGiB: Int, gpu: String, count: Int, gpuMemoryGiB: Int)] = [
        "Standard_NC4as_T4_v3": (4, 28, "T4", 1, 16),
        "Standard_NC8as_T4_v3": (8, 56, "T4", 1, 16),
        "Standard_NC16as_T4_v3": (16, 110, "T4", 1, 16),
        "Standard_NC64as_T4_v3": (64, 440, "T4", 4, 16),
        "Standard_NC24ads_A100_v4": (24, 220, "A100-80GB", 1, 80),
        "Standard_NC48ads_A100_v4": (48, 440, "A100-80GB", 2, 80),
        "Standard_NC96ads_A100_v4": (96, 880, "A100-80GB", 4, 80),
        "Standard_NC40ads_H100_v5": (40, 320, "H100-94GB", 1, 94),
        "Standard_NC80adis_H100_v5": (80, 640, "H100-94GB", 2, 94),
        "Standard_ND96isr_H100_v5": (96, 1900, "H100-80GB", 8, 80),
        "Standard_ND96asr_v4": (96, 900, "A100-40GB", 8, 40),
        "Standard_ND96amsr_A100_v4": (96, 1900, "A100-80GB", 8, 80),
    ]

    /// `row` with the shape of its size, if known.
    static func shaped(_ row: PriceRow) -> PriceRow {
        guard let shape = table[row.sku] else { return row }
        var row = row
        row.vcpus = shape.vcpus
        row.memoryGiB = String(shape.memoryGiB)
        row.gpuModel = shape.gpu
        row.gpuCount = shape.count
        row.gpuMemoryGiB = String(shape.gpuMemoryGiB * shape.count)
        return row
    }
}
