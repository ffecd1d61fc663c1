import Simulator

/// The table of serverless settings a scenario (`serverless.<key>`) and a sweep
/// (`serverless.<key>`) can set: key, unit, range, each platform's default and its source, and the
/// one place a value is parsed, bounded and applied. docs/serverless.md lists the table.
package enum ServerlessField: String, CaseIterable, Sendable {
    case gpu, instanceType, zonalRedundancy, region, concurrency, minInstances, maxInstances, idleTimeout
    case instanceStart, containerStart, modelLoad, requestTimeout, pollingInterval, concurrentRequests
    case alarmEvaluations, pendingTimeout

    /// A field's value, before it is applied to a ``Simulator/ServerlessDeployment``.
    package enum Value: Sendable, Hashable {
        case text(String)
        case flag(Bool)
        case count(Int)
        case seconds(Double)
        case distribution(Distribution)
    }

    /// The key under `serverless`.
    package var key: String { rawValue }
    /// The sweep parameter name.
    package var sweepName: String { "serverless." + rawValue }

    /// The field a sweep parameter named `sweepName` sets, if any.
    package init?(sweepName: String) {
        guard sweepName.hasPrefix("serverless.") else { return nil }
        self.init(rawValue: String(sweepName.dropFirst("serverless.".count)))
    }

    /// How a numeric value is read and bounded (the platform's own limits are checked by
    /// ``Simulator/ServerlessDeployment/validate()``); `nil` for names.
    package var rule: FieldRule? {
        switch self {
        case .gpu, .instanceType, .zonalRedundancy, .region: nil
        case .concurrency, .concurrentRequests: .count(1...SimulationLimits.maxWorkerSlots)
        case .minInstances: .count(0...SimulationLimits.maxNodes)
        case .maxInstances: .count(1...SimulationLimits.maxNodes)
        case .idleTimeout, .instanceStart, .containerStart, .modelLoad, .requestTimeout, .pollingInterval,
            .pendingTimeout: .duration
        case .alarmEvaluations: .count(1...100)
        }
    }

    package var unit: String {
        switch self {
        case .gpu: "GPU model"
        case .instanceType: "instance type"
        case .zonalRedundancy: "true or false"
        case .region: "region"
        case .concurrency, .concurrentRequests: "requests"
        case .alarmEvaluations: "datapoints"
        case .minInstances, .maxInstances: "instances"
        case .idleTimeout, .requestTimeout, .pollingInterval, .pendingTimeout: "duration"
        case .instanceStart, .containerStart, .modelLoad: "duration or distribution"
        }
    }

    /// The range, for `platform`.
    package func range(for platform: ServerlessPlatform) -> String {
        let profile = platform.profile
        switch self {
        case .gpu: return profile.gpus.joined(separator: ", ")
        case .instanceType:
            guard profile.takesInstanceType else { return Self.notUsed }
            return "the catalog's \(profile.skuPrefix)/ml.* rows with one GPU"
        case .zonalRedundancy: return profile.noZonalRedundancySuffix == nil ? Self.notUsed : "true, false"
        case .region:
            return profile.fixedRegion.map { "\($0) (one price everywhere)" }
                ?? "the catalog's \(profile.provider) regions"
        case .concurrency: return "1 … \(profile.limits.maxConcurrency)"
        case .minInstances: return "0 … maxInstances"
        case .maxInstances: return "1 … \(SimulationLimits.maxNodes)"
        case .idleTimeout:
            return "0 s … " + (profile.limits.maxIdleTimeoutSeconds.map { Self.duration($0) } ?? "100 years")
        case .requestTimeout: return "> 0 s … \(Self.duration(profile.limits.maxRequestTimeoutSeconds))"
        case .instanceStart, .containerStart, .modelLoad: return ">= 0 s"
        case .pollingInterval: return profile.limits.polls ? "> 0 s" : Self.notUsed
        case .concurrentRequests:
            return profile.limits.polls ? "1 … \(SimulationLimits.maxWorkerSlots)" : Self.notUsed
        case .alarmEvaluations: return profile.limits.usesAlarms ? "1 … 100" : Self.notUsed
        case .pendingTimeout:
            return profile.limits.maxPendingTimeoutSeconds.map { "> 0 s … \(Self.duration($0))" } ?? Self.notUsed
        }
    }

    /// Another platform's setting.
    static let notUsed = "not used by this platform"


    /// The default for `platform`.
    package func defaultText(for platform: ServerlessPlatform) -> String {
        let profile = platform.profile
        let settings = profile.defaults
        switch self {
        case .gpu: return profile.defaultGPU
        case .instanceType:
            guard profile.takesInstanceType else { return Self.notUsed }
            return "the GPU's: " + profile.gpus.map { gpu in
                "\(profile.sku(gpu: gpu).dropFirst(profile.skuPrefix.count + 1)) (\(gpu))"
            }.joined(separator: ", ")
        case .zonalRedundancy: return profile.noZonalRedundancySuffix == nil ? Self.notUsed : "true"
        case .region: return profile.fixedRegion ?? "cloud.region"
        case .concurrency: return "workers.concurrency"
        case .minInstances: return String(settings.minInstances)
        case .maxInstances: return String(settings.maxInstances)
        case .idleTimeout: return Self.duration(settings.idleTimeoutSeconds)
        case .requestTimeout: return Self.duration(settings.requestTimeoutSeconds)
        case .instanceStart: return Self.describe(settings.instanceStart)
        case .containerStart: return Self.describe(settings.containerStart)
        case .modelLoad: return Self.describe(settings.modelLoad)
        case .pollingInterval: return settings.pollingIntervalSeconds.map { Self.duration($0) } ?? Self.notUsed
        case .concurrentRequests: return settings.concurrentRequests.map(String.init) ?? Self.notUsed
        case .alarmEvaluations: return settings.alarmEvaluations.map(String.init) ?? Self.notUsed
        case .pendingTimeout: return settings.pendingTimeoutSeconds.map { Self.duration($0) } ?? Self.notUsed
        }
    }

    /// Where `platform`'s default comes from ([DOC] the platform's documentation, [SRC] its client
    /// source, [OBS] a third-party measurement, [EST] costsim's estimate).
    package func source(for platform: ServerlessPlatform) -> String {
        switch (self, platform) {
        case (.concurrentRequests, .sagemakerRealtime):
            "[DOC] docs.aws.amazon.com/sagemaker/latest/dg/endpoint-auto-scaling-zero-instances.html "
                + "(InvocationsPerCopy, TargetValue 1)"
        case (.pollingInterval, .sagemakerRealtime):
            "[DOC] endpoint-auto-scaling-zero-instances.html (NoCapacityInvocationFailures alarm, period 60 s)"
        case (.alarmEvaluations, .sagemakerRealtime):
            "[DOC] endpoint-auto-scaling-zero-instances.html (evaluation periods 1, datapoints to alarm 1)"
        case (.requestTimeout, .sagemakerRealtime):
            "[DOC] SageMaker API InvokeEndpoint: containers must respond within 60 s"
        case (.instanceStart, .sagemakerRealtime):
            "[OBS] AWS ML blog on scale down to zero: about 1.75 min to provision the instance"
        case (.containerStart, .sagemakerRealtime):
            "[EST] the AWS blog's 2.28 min to load its example model, the model load apart: 2 min"
        case (.concurrentRequests, .sagemakerAsync):
            "[DOC] docs.aws.amazon.com/sagemaker/latest/dg/async-inference-autoscale.html (TargetValue 5)"
        case (.pollingInterval, .sagemakerAsync): "[DOC] CloudWatch one-minute metrics of the endpoint (AWS/SageMaker)"
        case (.alarmEvaluations, .sagemakerAsync):
            "[OBS] public CDK/Terraform alarms on HasBacklogWithoutCapacity: 1–2 one-minute periods"
        case (.idleTimeout, .sagemakerAsync), (.idleTimeout, .sagemakerRealtime):
            "[OBS] target tracking's low alarm: 15 one-minute datapoints (scale-in to 0 about 15 min after idle)"
        case (.gpu, .sagemakerAsync), (.gpu, .sagemakerRealtime):
            "[DOC] aws.amazon.com/sagemaker/pricing (ml.g4dn, ml.g5, ml.g6, ml.g6e instances)"
        case (.instanceType, .sagemakerAsync):
            "[DOC] async-inference-create-endpoint.html (the variant's InstanceType); its GPU: the price row's"
        case (.instanceType, .sagemakerRealtime):
            "[DOC] endpoint-auto-scaling-zero-instances.html (the variant's InstanceType); its GPU: the price row's"
        case (.instanceType, _): "—"
        case (.zonalRedundancy, .cloudRun):
            "[DOC] cloud.google.com/run/docs/configuring/services/gpu-zonal-redundancy (on by default)"
        case (.zonalRedundancy, _): "—"
        case (.region, .sagemakerAsync), (.region, .sagemakerRealtime):
            "the catalog's aws regions with the instance type"
        case (.maxInstances, .sagemakerAsync), (.maxInstances, .sagemakerRealtime):
            "[EST] the scalable target's MaxCapacity is yours to set; 3 here"
        case (.requestTimeout, .sagemakerAsync):
            "[DOC] async-inference-create-endpoint.html InvocationTimeoutSeconds (900 s, at most 3600 s)"
        case (.instanceStart, .sagemakerAsync): "[OBS] 2–3 min from backlog to instance, the alarm's minutes apart"
        case (.containerStart, .sagemakerAsync): "[OBS] 3–5 min container pull and model load, the model load apart"
        case (.alarmEvaluations, _): "—"
        case (.pendingTimeout, .cloudRun):
            "[DOC] cloud.google.com/run/docs/about-instance-autoscaling (at max instances: queued up to 10 s, then 429)"
        case (.pendingTimeout, _): "—"
        case (.pollingInterval, .containerApps), (.concurrentRequests, .containerApps),
            (.maxInstances, .containerApps), (.idleTimeout, .containerApps):
            "[DOC] MicrosoftDocs/azure-docs articles/container-apps/scale-app.md (pollingInterval, cooldownPeriod)"
        case (.pollingInterval, _), (.concurrentRequests, _): "—"
        case (.gpu, .containerApps), (.region, .containerApps):
            "[DOC] MicrosoftDocs/azure-docs articles/container-apps/gpu-serverless-overview.md"
        case (.requestTimeout, .containerApps):
            "[DOC] learn.microsoft.com/azure/container-apps/ingress-overview (240 s)"
        case (.instanceStart, .containerApps): "[EST] GPU replica provisioning; no published figure"
        case (.containerStart, .containerApps): "[EST] the image pull of the Kubernetes options (imagePull)"
        case (.concurrency, _): "the model server's parallelism (the scenario's workers)"
        case (.modelLoad, _): "the article's model as on GKE (the Kubernetes options' modelLoad)"
        case (.minInstances, _): "[DOC] every platform scales to zero by default"
        case (.gpu, .modal): "[DOC] modal.com/docs/reference/modal.gpu"
        case (.gpu, .runpod), (.maxInstances, .runpod), (.idleTimeout, .runpod), (.requestTimeout, .runpod):
            "[DOC] runpod/docs serverless/endpoints/endpoint-configurations.mdx, serverless/pricing.mdx"
        case (.gpu, .cloudRun), (.instanceStart, .cloudRun): "[DOC] cloud.google.com/run/docs/configuring/services/gpu"
        case (.region, .cloudRun): "[DOC] cloud.google.com/run/docs/configuring/services/gpu (L4 regions)"
        case (.region, _): "the platform's one price list"
        case (.maxInstances, .modal): "[EST] Modal sets no maximum unless max_containers; 100 here"
        case (.maxInstances, .cloudRun): "[DOC] cloud.google.com/run/docs/configuring/max-instances (default 100)"
        case (.idleTimeout, .modal): "[DOC] modal.com/docs/guide/cold-start scaledown_window; [SRC] modal-client"
        case (.idleTimeout, .cloudRun):
            "[DOC] cloud.google.com/run/docs/about-instance-autoscaling (idle instances kept up to 15 min)"
        case (.requestTimeout, .modal): "[SRC] modal-client py/modal/app.py timeout=300"
        case (.requestTimeout, .cloudRun): "[DOC] cloud.google.com/run/docs/configuring/request-timeout"
        case (.instanceStart, .modal): "[DOC] modal.com/docs/guide/cold-start (container start ~1 s)"
        case (.instanceStart, .runpod): "[EST] FlashBoot: 'a few seconds' (runpod/docs), 2 s here"
        case (.containerStart, .cloudRun):
            "[OBS] Google Cloud blog 'A guide to AI cold starts on Cloud Run': image streaming 1–2 s "
                + "+ engine 5–15 s"
        case (.containerStart, _): "[EST] included in the instance start (image cached by the platform)"
        }
    }

    /// Reads the field's value from a scenario or grid file; errors name the field.
    package func parse(_ node: ConfigNode, baseDirectory: String) throws(ScenarioFileError) -> Value {
        switch self {
        case .gpu, .instanceType, .region:
            let text = try node.string().trimmingSpaces()
            guard !text.isEmpty else { throw node.error("serverless.\(key) must not be empty") }
            return .text(text)
        case .zonalRedundancy:
            return .flag(try node.bool())
        case .concurrency, .minInstances, .maxInstances, .concurrentRequests, .alarmEvaluations:
            return .count(try node.count(rule!))
        case .pollingInterval:
            return .seconds(try node.positiveSeconds())
        case .idleTimeout:
            return .seconds(try node.seconds())
        case .requestTimeout, .pendingTimeout:
            return .seconds(try node.positiveSeconds())
        case .instanceStart, .containerStart, .modelLoad:
            let distribution = try node.distribution(baseDirectory: baseDirectory)
            do { try distribution.validate() } catch { throw node.error(error.message) }
            return .distribution(distribution)
        }
    }

    /// The value a sweep gives: a number (seconds for durations, a constant phase) or a name.
    package func value(number: Double?, text: String) -> Value {
        switch self {
        case .gpu, .instanceType, .region: .text(text)
        case .zonalRedundancy: .flag(text == "true")
        case .concurrency, .minInstances, .maxInstances, .concurrentRequests, .alarmEvaluations:
            .count(Int(exactly: number ?? .nan) ?? 0)
        case .idleTimeout, .requestTimeout, .pollingInterval, .pendingTimeout: .seconds(number ?? .nan)
        case .instanceStart, .containerStart, .modelLoad: .distribution(.constant(number ?? .nan))
        }
    }

    /// Sets the field in `deployment` (a GPU is matched to the platform's spelling, ignoring case).
    package func apply(_ value: Value, to deployment: inout ServerlessDeployment) {
        switch (self, value) {
        case (.gpu, .text(let name)): deployment.gpu = deployment.platform.profile.gpu(named: name) ?? name
        case (.instanceType, .text(let type)): deployment.instanceType = type
        case (.zonalRedundancy, .flag(let on)): deployment.zonalRedundancy = on
        case (.region, .text(let region)): deployment.region = region
        case (.concurrency, .count(let count)): deployment.settings.concurrency = count
        case (.minInstances, .count(let count)): deployment.settings.minInstances = count
        case (.maxInstances, .count(let count)): deployment.settings.maxInstances = count
        case (.idleTimeout, .seconds(let seconds)): deployment.settings.idleTimeoutSeconds = seconds
        case (.requestTimeout, .seconds(let seconds)): deployment.settings.requestTimeoutSeconds = seconds
        case (.instanceStart, .distribution(let phase)): deployment.settings.instanceStart = phase
        case (.containerStart, .distribution(let phase)): deployment.settings.containerStart = phase
        case (.modelLoad, .distribution(let phase)): deployment.settings.modelLoad = phase
        case (.pollingInterval, .seconds(let seconds)): deployment.settings.pollingIntervalSeconds = seconds
        case (.concurrentRequests, .count(let count)): deployment.settings.concurrentRequests = count
        case (.alarmEvaluations, .count(let count)): deployment.settings.alarmEvaluations = count
        case (.pendingTimeout, .seconds(let seconds)): deployment.settings.pendingTimeoutSeconds = seconds
        default: preconditionFailure("\(value) is not a value of serverless.\(key)")
        }
    }

    /// `seconds` in the largest unit that divides it (s, min, h, d).
    static func duration(_ seconds: Double) -> String {
        for (unit, length) in [("d", 86_400.0), ("h", 3600), ("min", 60)]
        where seconds >= length && seconds.truncatingRemainder(dividingBy: length) == 0 {
            return "\(FieldRule.format(seconds / length)) \(unit)"
        }
        return "\(FieldRule.format(seconds)) s"
    }

    static func describe(_ distribution: Distribution) -> String {
        switch distribution {
        case .constant(let value): duration(value)
        case .uniform(let lower, let upper): "uniform \(FieldRule.format(lower))–\(FieldRule.format(upper)) s"
        default: "mean \(FieldRule.format((distribution.mean * 10).rounded() / 10)) s"
        }
    }
}

extension ConfigNode {
    /// Reads a `serverless:` option: `platform` and the rows of ``ServerlessField`` on top of the
    /// platform's defaults; unknown keys are errors. `region` is the scenario's region, in
    /// `cloudProvider` (a platform priced per region uses it unless `serverless.region` is set);
    /// `regions` checks the instance's price row against the catalog and gives a named instance
    /// type its row's GPU (``RegionCheck/serverlessMachine(_:gpuGiven:)``).
    package func serverlessDeployment(
        cloudProvider: String, region: String, regionNode: ConfigNode?, baseDirectory: String, regions: RegionCheck?
    ) throws(ScenarioFileError) -> ServerlessDeployment {
        let map = try mapping()
        let platforms = Dictionary(uniqueKeysWithValues: ServerlessPlatform.allCases.map { ($0.rawValue, $0) })
        var deployment = ServerlessDeployment(platform: try map.required("platform").oneOf(platforms), region: region)
        var nodes: [ServerlessField: ConfigNode] = [:]
        for field in ServerlessField.allCases {
            guard let node = map.optional(field.key) else { continue }
            nodes[field] = node
            field.apply(try field.parse(node, baseDirectory: baseDirectory), to: &deployment)
        }
        try map.finish()
        /// The error at the field `message` starts with (`serverless.gpu …`), if it names one.
        func fieldError(_ message: String) -> ScenarioFileError? {
            ServerlessField.allCases.first { message.hasPrefix("serverless.\($0.key)") }
                .map { (nodes[$0] ?? self).error(message) }
        }
        /// The error at the region the instance is priced in: `serverless.region` or `cloud.region`.
        func regionError(_ message: String) -> ScenarioFileError {
            guard let blamed = nodes[.region] ?? regionNode else {
                return ScenarioFileError(
                    file: file, field: "cloud.region", message: message + " (the default region; set cloud.region)")
            }
            return blamed.error(message)
        }
        do {
            try deployment.validate()
        } catch {
            throw fieldError(error.message) ?? self.error(error.message)
        }
        let provider = deployment.platform.profile.provider
        if deployment.platform.profile.fixedRegion == nil, nodes[.region] == nil, provider != cloudProvider {
            throw error(
                "\(deployment.platform.rawValue) runs on \(provider), not on the scenario's cloud \(cloudProvider): "
                    + "set serverless.region")
        }
        guard let regions else { return deployment }
        if let problem = regions.problem(deployment.instance) { throw regionError(problem) }
        do {
            return try regions.serverlessMachine(deployment, gpuGiven: nodes[.gpu] != nil)
        } catch {
            throw fieldError(error.message) ?? regionError(error.message)
        }
    }
}
