/// KEDA with the HPA it creates, as the deployment's pod autoscaler: KEDA activates from zero
/// and scales back to it, the HPA scales between 1 and N on the metric KEDA serves it.
final class KEDAAutoscaler: PodAutoscaler {
    private let configuration: KEDAConfiguration
    private let hpaSettings: HPASettings
    private let keda: KEDAController
    private let hpa: HPAController

    init(
        configuration: KEDAConfiguration, hpa settings: HPASettings, outages: [Range<Double>], creationSeconds: Double
    ) {
        self.configuration = configuration
        hpaSettings = settings
        keda = KEDAController(configuration: configuration, outages: outages, creationSeconds: creationSeconds)
        let autoscaler = HorizontalPodAutoscaler(
            settings: settings, behavior: configuration.hpaBehavior, minReplicas: configuration.hpaMinReplicas,
            maxReplicas: configuration.maxReplicaCount, targetAverageValue: configuration.trigger.targetValue)
        hpa = HPAController(autoscaler: autoscaler, keda: keda)
    }

    func start(in system: inout ServingSystem, engine: inout Engine<ServingSystem.Event>) {
        if configuration.minReplicaCount > 0 { system.setSpecReplicas(configuration.minReplicaCount, engine: &engine) }
        system.startTimer(
            of: keda, period: configuration.pollingIntervalSeconds, phase: configuration.phaseSeconds, engine: &engine)
        system.startTimer(
            of: hpa, period: hpaSettings.syncPeriodSeconds, phase: hpaSettings.phaseSeconds, engine: &engine)
    }
}
