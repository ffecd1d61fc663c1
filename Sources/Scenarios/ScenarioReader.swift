import Simulator

/// The reading of each section of a scenario file (see ``ScenarioLoader``).
struct ScenarioReader {
    let file: String
    let baseDirectory: String
    /// Checks each node's region against the price catalog (none: any region is read as given).
    var regions: RegionCheck? = nil
    /// Names each option's GPU and checks GPU names against the price catalog (none: as written).
    var gpus: GPULookup? = nil

    func scenario(from root: ConfigNode) throws(ScenarioFileError) -> Scenario {
        let top = try root.mapping()
        let name = try top.optional("name")?.string() ?? "scenario"
        let cloud = try self.cloud(top.optional("cloud"))
        let workload = try self.workload(top.required("workload"))
        var scenario = Scenario(name: name, workload: workload)
        if let node = top.optional("inference") { scenario.inference = try inference(node) }
        if let node = top.optional("workers") {
            let map = try node.mapping()
            scenario.workers.concurrency =
                try map.optional("concurrency")?.int(in: 1...SimulationLimits.maxWorkerSlots) ?? 1
            scenario.workers.prefetch =
                try map.optional("prefetch")?.int(in: 1...SimulationLimits.maxWorkerSlots)
                ?? scenario.workers.concurrency
            try map.finish()
            do { try scenario.workers.validate() } catch { throw node.error(error.message) }
        }
        if let node = top.optional("client") {
            let map = try node.mapping()
            scenario.clientTimeoutSeconds =
                try map.optional("timeout")?.positiveSeconds() ?? scenario.clientTimeoutSeconds
            scenario.dropExpiredMessages = try map.optional("dropExpiredMessages")?.bool() ?? false
            try map.finish()
        }
        scenario.horizonSeconds = try top.optional("horizon")?.positiveSeconds()
        if let node = top.optional("seed") {
            guard let seed = UInt64(try node.string()) else { throw node.error("seed must be a whole number >= 0") }
            scenario.seed = seed
        }
        scenario.replications = try top.optional("replications")?.int(in: 1...Scenario.maxReplications) ?? 1
        scenario.timelineBucketSeconds =
            try top.optional("timelineBucket")?.positiveSeconds() ?? scenario.timelineBucketSeconds
        let optionsNode = try top.required("options")
        let options = try optionsNode.sequence()
        guard !options.isEmpty else { throw optionsNode.error("list at least one deployment option") }
        scenario.options = try options.map { node throws(ScenarioFileError) in try option(node, cloud: cloud) }
        if let node = top.optional("baseline") {
            let name = try node.string()
            guard scenario.options.contains(where: { $0.name == name }) else {
                let names = scenario.options.map(\.name).joined(separator: ", ")
                throw node.error("no option named '\(name)'; the options are \(names)")
            }
            scenario.baseline = name
        }
        if let node = top.optional("objectives") { scenario.objectives = try objectives(node) }
        try top.finish()
        GPUSpeedResolver(lookup: gpus).resolve(&scenario)
        do {
            try scenario.validate()
        } catch {
            throw ScenarioFileError(file: file, message: error.message)
        }
        return scenario
    }

    // MARK: Sections

    struct Cloud {
        var provider = "gcp"
        var region = "us-central1"
        /// Where `region` was set, for errors (`nil`: the default).
        var regionNode: ConfigNode?
    }

    func cloud(_ node: ConfigNode?) throws(ScenarioFileError) -> Cloud {
        var cloud = Cloud()
        guard let node else { return cloud }
        let map = try node.mapping()
        cloud.provider =
            try map.optional("provider")?.oneOf(["gcp": "gcp", "aws": "aws", "azure": "azure"]) ?? cloud.provider
        cloud.regionNode = map.optional("region")
        cloud.region = try cloud.regionNode?.string() ?? cloud.region
        try map.finish()
        return cloud
    }

    func workload(_ node: ConfigNode) throws(ScenarioFileError) -> Workload {
        let map = try node.mapping()
        let (kind, body) = try map.exactlyOne(of: ["generate", "trace", "rates"])
        try map.finish()
        switch kind {
        case "generate": return .synthetic(try generator(body))
        case "trace": return try trace(body)
        default: return try rates(body)
        }
    }

    /// `rates: {path: FILE, requestSize: DISTRIBUTION, windowSeconds: 600s}`: arrivals generated
    /// from a ServeGen rate file (``RateTrace``).
    func rates(_ node: ConfigNode) throws(ScenarioFileError) -> Workload {
        let map = try node.mapping()
        let pathNode = try map.required("path")
        let path = resolve(try pathNode.string(), against: baseDirectory)
        let size =
            try map.optional("requestSize")?.distribution(baseDirectory: baseDirectory)
            ?? SyntheticTrace.Description.defaultRequestSize
        let window = try map.optional("windowSeconds")?.positiveSeconds()
        try map.finish()
        do {
            return .rates(try RateTrace.Description.read(path: path, windowSeconds: window, requestSize: size))
        } catch {
            throw pathNode.error(error.description)
        }
    }

    func generator(_ node: ConfigNode) throws(ScenarioFileError) -> SyntheticTrace.Description {
        let map = try node.mapping()
        var description = SyntheticTrace.Description()
        if let minutes = map.optional("speechMinutesPerDay") {
            description.workPerDay = try minutes.nonNegativeDouble() * 60
        }
        if let work = map.optional("workPerDay") {
            guard map.keys.contains("speechMinutesPerDay") == false else {
                throw work.error("give either speechMinutesPerDay or workPerDay, not both")
            }
            description.workPerDay = try work.nonNegativeDouble()
        }
        description.days = try map.optional("days")?.positiveDouble() ?? description.days
        if let profile = map.optional("profile") { description.profile = try arrivalProfile(profile) }
        if let size = map.optional("requestSize") {
            description.requestSize = try size.distribution(baseDirectory: baseDirectory)
        }
        try map.finish()
        do { try description.validate() } catch { throw node.error(error.message) }
        return description
    }

    func arrivalProfile(_ node: ConfigNode) throws(ScenarioFileError) -> ArrivalProfile {
        if case .scalar = node.node {
            return try node.oneOf(["uniform": .uniform, "business-hours": .officeHours])
        }
        let map = try node.mapping()
        let (kind, body) = try map.exactlyOne(of: ["businessHours", "bursty"])
        try map.finish()
        let fields = try body.mapping()
        let profile: ArrivalProfile
        if kind == "businessHours" {
            profile = .businessHours(
                startHour: try fields.optional("startHour")?.nonNegativeDouble() ?? 9,
                endHour: try fields.optional("endHour")?.nonNegativeDouble() ?? 17,
                offHoursShare: try fields.optional("offHoursShare")?.nonNegativeDouble() ?? 0.1)
        } else {
            profile = .bursty(
                meanOnSeconds: try fields.required("meanOn").positiveSeconds(),
                meanOffSeconds: try fields.required("meanOff").seconds())
        }
        try fields.finish()
        do { try profile.validate() } catch { throw node.error(error.message) }
        return profile
    }

    func trace(_ node: ConfigNode) throws(ScenarioFileError) -> Workload {
        let map = try node.mapping()
        let path = resolve(try map.required("path").string(), against: baseDirectory)
        var format = TraceFormat.costsim
        if let preset = map.optional("preset") {
            format = try preset.oneOf([
                "costsim": .costsim, "azure-llm": .azureLLM, "mooncake": .mooncake, "nginx": .nginx(),
                "envoy-json": .envoyJSON,
            ])
        } else {
            format.syntax = TraceFormat.syntax(forPath: path)
        }
        if let syntax = map.optional("format") {
            format.syntax = try syntax.oneOf(["csv": .csv, "jsonl": .jsonLines, "nginx": .accessLog])
        }
        if let logFormat = map.optional("logFormat") {
            let text = try logFormat.string()
            do throws(AccessLogFormat.FormatError) {
                format = TraceFormat.nginx(logFormat: try AccessLogFormat(text))
            } catch {
                throw logFormat.error(error.message)
            }
        }
        if let window = map.optional("reorderWindow") { format.reorderWindowSeconds = try window.seconds() }
        if let duration = map.optional("durationColumn") { format.durationColumn = try duration.string() }
        format.timeColumn = try map.optional("timeColumn")?.string() ?? format.timeColumn
        if let timeFormat = map.optional("timeFormat") {
            format.timeFormat = try timeFormat.oneOf(
                Dictionary(uniqueKeysWithValues: TimeFormat.allCases.map { ($0.rawValue, $0) }))
        }
        if let service = map.optional("serviceTimeColumn") {
            format.serviceTimeColumn = try service.string()
            format.sizeColumn = nil   // a measured service time needs no size; read one only if named
        }
        if let unit = map.optional("serviceTimeUnit") {
            let units = Dictionary(uniqueKeysWithValues: DurationUnit.allCases.map { ($0.rawValue, $0) })
            format.serviceTimeUnit = try unit.oneOf(units)
        }
        format.serviceTimeScale = try map.optional("serviceTimeScale")?.positiveDouble() ?? format.serviceTimeScale
        if let filters = map.optional("where") {
            for item in try filters.sequence() {
                guard let filter = RowFilter(parsing: try item.string()) else {
                    throw item.error("expected COLUMN=VALUE or COLUMN!=VALUE")
                }
                format.filters.append(filter)
            }
        }
        format.sizeColumn = try map.optional("sizeColumn")?.string() ?? format.sizeColumn
        format.sizeScale = try map.optional("sizeScale")?.positiveDouble() ?? format.sizeScale
        if let output = map.optional("outputTokensColumn") { format.outputTokensColumn = try output.string() }
        if let problem = format.problem { throw node.error("\(problem.field): \(problem.message)") }
        format.startAtFirstRecord = try map.optional("startAtFirstRecord")?.bool() ?? format.startAtFirstRecord
        try map.finish()
        return .traceFile(path: path, format: format)
    }

    func inference(_ node: ConfigNode) throws(ScenarioFileError) -> InferenceModel {
        let map = try node.mapping()
        var model = InferenceModel()
        if let unit = map.optional("workUnit") {
            model.workUnit = try unit.oneOf(
                Dictionary(uniqueKeysWithValues: WorkUnit.allCases.map { ($0.rawValue, $0) }))
        }
        model.overheadSeconds = try map.optional("overhead")?.seconds() ?? model.overheadSeconds
        model.secondsPerWorkUnit =
            try map.optional("secondsPerWorkUnit")?.number(.secondsPerWorkUnit) ?? model.secondsPerWorkUnit
        model.secondsPerOutputToken =
            try map.optional("secondsPerOutputToken")?.nonNegativeDouble() ?? model.secondsPerOutputToken
        if let noise = map.optional("noise") { model.noise = try noise.distribution(baseDirectory: baseDirectory) }
        // Without `model`, the scenario's own model: no published speeds apply to it.
        model.model = try map.optional("model").map { node throws(ScenarioFileError) in
            try node.oneOf(Dictionary(uniqueKeysWithValues: PublishedGPUSpeeds.models.keys.map { ($0, $0) }))
        }
        if let node = map.optional("referenceGPU") { model.gpuSpeeds.referenceGPU = try gpuName(node) }
        if let node = map.optional("gpuSpeed") { model.gpuSpeeds.speeds = try gpuSpeeds(node, of: model.gpuSpeeds) }
        try map.finish()
        return model
    }

    /// `inference.gpuSpeed: {L4: 1.8, …}`: a speed-up over the reference GPU per GPU name.
    func gpuSpeeds(_ node: ConfigNode, of table: GPUSpeedTable) throws(ScenarioFileError) -> [String: Double] {
        var speeds: [String: Double] = [:]
        for (key, value) in try node.mapping().children {
            let gpu = try gpuName(key, at: value)
            guard !speeds.keys.contains(where: { $0.lowercased() == gpu.lowercased() }) else {
                throw value.error("\(gpu) is given twice")
            }
            let speed = try value.number(.gpuSpeed)
            if table.isReference(gpu), speed != 1 {
                throw value.error(
                    "\(gpu) is the reference GPU (inference.referenceGPU): its speed is 1 by definition, "
                        + "got \(FieldRule.format(speed))")
            }
            speeds[gpu] = speed
        }
        return speeds
    }

    /// A GPU name; with a catalog, one it knows, spelt as it spells it.
    func gpuName(_ node: ConfigNode) throws(ScenarioFileError) -> String {
        try gpuName(try node.string(), at: node)
    }

    func gpuName(_ name: String, at node: ConfigNode) throws(ScenarioFileError) -> String {
        guard let gpus else { return name }
        guard let known = gpus.canonical(name) else {
            throw node.error(
                "'\(name)' is not a GPU the price catalog knows (known: \(gpus.models.joined(separator: ", ")))")
        }
        return known
    }

    func nodeSpec(_ node: ConfigNode, cloud: Cloud) throws(ScenarioFileError) -> NodeSpec {
        let map = try node.mapping()
        let regionNode = map.optional("region")
        var spec = NodeSpec(
            provider: try map.optional("provider")?.string() ?? cloud.provider,
            region: try regionNode?.string() ?? cloud.region,
            machineType: try map.required("machineType").string())
        spec.gpuModel = try map.optional("gpu")?.string()
        spec.gpuCount =
            try map.optional("gpuCount")?.int(in: 0...SimulationLimits.maxPerNode) ?? (spec.gpuModel == nil ? 0 : 1)
        spec.spot = try map.optional("spot")?.bool() ?? false
        try map.finish()
        if let problem = regions?.problem(spec) {
            guard let blamed = regionNode ?? cloud.regionNode else {
                throw ScenarioFileError(
                    file: file, field: "cloud.region", message: problem + " (the default region; set cloud.region)")
            }
            throw blamed.error(problem)
        }
        return spec
    }

    func option(_ node: ConfigNode, cloud: Cloud) throws(ScenarioFileError) -> DeploymentOption {
        let map = try node.mapping()
        let name = try map.required("name").string()
        let (kind, body) = try map.exactlyOne(of: ["dedicated", "autoscaled", "serverless"])
        var alwaysOn: [NodeGroup] = []
        if let groups = map.optional("systemNodes") {
            for group in try groups.sequence() {
                let fields = try group.mapping()
                let pool = try fields.optional("pool")?.string() ?? "default-pool"
                let count = try fields.required("count").int(in: 0...SimulationLimits.maxNodes)
                let spec = try nodeSpec(try fields.required("node"), cloud: cloud)
                try fields.finish()
                alwaysOn.append(NodeGroup(pool: pool, node: spec, count: count))
            }
        }
        let managed = try map.optional("managedCluster")?.bool() ?? !alwaysOn.isEmpty
        try map.finish()
        switch kind {
        case "serverless":
            let serverless = try body.serverlessDeployment(
                cloudProvider: cloud.provider, region: cloud.region, regionNode: cloud.regionNode,
                baseDirectory: baseDirectory, regions: regions)
            return DeploymentOption(
                name: name, kind: .serverless(serverless), alwaysOnNodes: alwaysOn, managedCluster: managed)
        case "autoscaled":
            return DeploymentOption(
                name: name, kind: .autoscaled(try autoscaled(body, cloud: cloud)), alwaysOnNodes: alwaysOn,
                managedCluster: managed)
        default:   // dedicated
            let fields = try body.mapping()
            let dedicated = DedicatedDeployment(
                nodeCount: try fields.optional("nodes")?.count(.dedicatedNodes) ?? 1,
                node: try nodeSpec(try fields.required("node"), cloud: cloud),
                podsPerNode: try fields.optional("podsPerNode")?.int(in: 1...SimulationLimits.maxPerNode) ?? 1)
            try fields.finish()
            return DeploymentOption(
                name: name, kind: .dedicated(dedicated), alwaysOnNodes: alwaysOn, managedCluster: managed)
        }
    }
}
