extension ServerlessDeployment {
    /// The scaler of the option's platform, whose instances run `concurrency` requests each.
    func makeScaler(concurrency: Int) -> any PlatformScaler {
        let settings = self.settings
        switch platform.profile.limits.scaler {
        case .requestDriven:
            return RequestDrivenScaler(deployment: self, concurrency: concurrency)
        case .kedaRules:
            return PollingScaler(deployment: self, rules: PollingScaling(
                concurrentRequests: settings.concurrentRequests ?? 1, minInstances: settings.minInstances,
                maxInstances: settings.maxInstances, cooldownSeconds: settings.idleTimeoutSeconds))
        case .cloudWatchAlarms:
            return PollingScaler(deployment: self, rules: alarmScaling())
        case .noCapacityAlarms:
            return PollingScaler(deployment: self, rules: InvocationAlarmScaling(alarms: alarmScaling()))
        }
    }

    /// SageMaker's alarms with the option's settings: the target per instance, the step alarm's
    /// evaluations, and a low alarm whose datapoints span the idle timeout (15 one-minute
    /// datapoints by default).
    private func alarmScaling() -> AlarmScaling {
        let period = settings.pollingIntervalSeconds ?? 60
        let datapoints = (settings.idleTimeoutSeconds / period).rounded(.up)
        let low = Int(Swift.min(1e9, Swift.max(1, datapoints)))   // bounded before it becomes an Int
        return AlarmScaling(
            targetBacklogPerInstance: settings.concurrentRequests ?? 1, minInstances: settings.minInstances,
            maxInstances: settings.maxInstances, scaleOutEvaluations: settings.alarmEvaluations ?? 1,
            lowDatapoints: low)
    }
}
