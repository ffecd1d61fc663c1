extension AWSInstanceProduct {
    /// What a SageMaker `ML Instance` product gives: a `platform` row for real-time hosting
    /// (usage type `USE1-Host:ml.g4dn.xlarge` → `sagemaker/ml.g4dn.xlarge`) or asynchronous
    /// inference (`…-AsyncInf:ml.*` → `sagemaker-async/ml.*`) on an instance with a GPU of a known
    /// family, shaped by its `vCpu`, `memory` and `gpu` attributes. Training, notebooks, batch
    /// transform, processing and instances without a GPU are counted as left out.
    func sageMakerUse() -> Result<Use, Refusal> {
        guard let usageType = attribute("usagetype"), let colon = usageType.firstIndex(of: ":") else {
            return .failure(.skip("ML Instance without a usagetype"))
        }
        let head = usageType[..<colon]
        let use = head.split(separator: "-").last.map(String.init) ?? ""
        guard let platform = Self.sageMakerPlatforms[use] else {
            return .failure(.skip("ML Instance usage type other than Host or AsyncInf"))
        }
        let instance = String(usageType[usageType.index(after: colon)...])
        guard instance.hasPrefix("ml."), instance.count > 3 else {
            return .failure(.skip("ML Instance usage type names no ml.* instance"))
        }
        guard let region = attribute("regionCode"), !region.isEmpty else {
            return .failure(.skip("no regionCode attribute"))
        }
        let shape: Shape
        switch self.shape(vcpuAttribute: "vCpu") {
        case .success(let found): shape = found
        case .failure(let refusal): return .failure(refusal)
        }
        guard shape.gpuCount > 0 else { return .failure(.skip("ML Instance without a GPU")) }
        let instanceType = String(instance.dropFirst(3))
        guard AWSGPUFamilies.gpu(forInstanceType: instanceType) != nil else {
            return .failure(.skip("ML Instance of a GPU family without a known GPU model"))
        }
        return .success(
            .platform(
                region: region, sku: "\(platform)/\(instance)", instanceType: instanceType, usageType: usageType,
                shape: shape))
    }

    /// The catalog SKU prefix of each SageMaker usage type kept.
    static let sageMakerPlatforms = ["Host": "sagemaker", "AsyncInf": "sagemaker-async"]
}
