/// Amazon SageMaker real-time inference with inference components, scaled to zero
/// (`ManagedInstanceScaling.MinInstanceCount` 0). While no instance is ready every invocation
/// fails at once (`NoCapacityInvocationFailures`): costsim rejects it. A CloudWatch alarm on that
/// metric (Sum over 60 s, one datapoint) drives a step policy adding one copy and its instance;
/// target tracking on `InvocationsPerCopy` (target 1 in AWS's example) scales out and, after 15
/// low datapoints, in to zero (``InvocationAlarmScaling``). Provisioning takes minutes (about
/// 1.75 min for the instance, 2.3 min to load AWS's example model); invocations time out after
/// 60 s. Instances are billed per second while they exist. Price rows: provider `aws`, the
/// scenario's region, real-time hosting SKUs `sagemaker/<ml instance type>`: `serverless.instanceType`,
/// else the GPU's `ml.g4dn.xlarge` (T4), `ml.g5.xlarge` (A10G), `ml.g6.xlarge` (L4), `ml.g6e.xlarge` (L40S).
public enum SageMakerRealtimePlatform {
    public static let profile = PlatformProfile(
        provider: "aws", fixedRegion: nil, skuPrefix: "sagemaker", gpus: ["T4", "A10G", "L4", "L40S"], defaultGPU: "T4",
        defaults: ServerlessSettings(
            maxInstances: 3, idleTimeoutSeconds: 900, instanceStart: .constant(105), containerStart: .constant(120),
            modelLoad: ServerlessSettings.articleModelLoad, requestTimeoutSeconds: 60, pollingIntervalSeconds: 60,
            concurrentRequests: 1, alarmEvaluations: 1),
        limits: ServerlessLimits(
            maxRequestTimeoutSeconds: 60, maxConcurrency: SimulationLimits.maxWorkerSlots, maxIdleTimeoutSeconds: nil,
            scaler: .noCapacityAlarms, rejectsWithoutReadyInstance: true),
        skuNames: [
            "T4": "sagemaker/ml.g4dn.xlarge", "A10G": "sagemaker/ml.g5.xlarge", "L4": "sagemaker/ml.g6.xlarge",
            "L40S": "sagemaker/ml.g6e.xlarge",
        ],
        takesInstanceType: true)
}
