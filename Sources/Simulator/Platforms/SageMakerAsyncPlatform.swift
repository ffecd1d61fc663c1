/// Amazon SageMaker asynchronous inference with scale to zero: requests go to the endpoint's
/// internal queue (processing up to `InvocationTimeoutSeconds`, 15 min by default, 1 h at most);
/// Application Auto Scaling scales the variant between `MinCapacity` 0 and its maximum by
/// CloudWatch alarms on one-minute datapoints (``AlarmScaling``): a step policy on
/// `HasBacklogWithoutCapacity` leaves zero, target tracking on `ApproximateBacklogSizePerInstance`
/// (5 in AWS's example) scales out and, after 15 low datapoints, in. Instances are billed per
/// second while they exist. Price rows: provider `aws`, the scenario's region, SKU
/// `sagemaker-async/<ml instance type>`: by default `ml.g4dn.xlarge` (T4), `ml.g5.xlarge` (A10G),
/// `ml.g6.xlarge` (L4) or `ml.g6e.xlarge` (L40S); `serverless.instanceType` names another one-GPU type.
public enum SageMakerAsyncPlatform {
    public static let profile = PlatformProfile(
        provider: "aws", fixedRegion: nil, skuPrefix: "sagemaker-async", gpus: ["T4", "A10G", "L4", "L40S"],
        defaultGPU: "T4",
        defaults: ServerlessSettings(
            maxInstances: 3, idleTimeoutSeconds: 900, instanceStart: .constant(60),
            containerStart: .uniform(lower: 160, upper: 280), modelLoad: ServerlessSettings.articleModelLoad,
            requestTimeoutSeconds: 900, pollingIntervalSeconds: 60, concurrentRequests: 5, alarmEvaluations: 2),
        limits: ServerlessLimits(
            maxRequestTimeoutSeconds: 3600, maxConcurrency: SimulationLimits.maxWorkerSlots, maxIdleTimeoutSeconds: nil,
            scaler: .cloudWatchAlarms),
        skuNames: [
            "T4": "sagemaker-async/ml.g4dn.xlarge", "A10G": "sagemaker-async/ml.g5.xlarge",
            "L4": "sagemaker-async/ml.g6.xlarge", "L40S": "sagemaker-async/ml.g6e.xlarge",
        ],
        takesInstanceType: true)
}
