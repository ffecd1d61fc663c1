extension AutoscaledDeployment {
    /// The pod autoscaler the settings name, for a run starting at `creationSeconds`.
    func makePodAutoscaler(creationSeconds: Double) -> any PodAutoscaler {
        switch autoscaler {
        case .keda(let configuration):
            KEDAAutoscaler(
                configuration: configuration, hpa: hpa, outages: scalerOutages, creationSeconds: creationSeconds)
        case .knative(let configuration):
            KnativeController(configuration: configuration)
        }
    }

    /// The node provisioner of the GPU pool of `deployment`.
    static func makeNodeProvisioner(for deployment: Shared<AutoscaledDeployment>) -> any NodeProvisioner {
        if let karpenter = deployment.karpenter {
            return KarpenterProvisioner(deployment: deployment, settings: karpenter)
        }
        return ClusterAutoscalerController(deployment: deployment)
    }
}
