import Simulator

extension ConfigNode {
    /// A ``Distribution`` written as a plain number (a constant) or a one-key mapping:
    ///
    ///     constant: 5                     uniform: {min: 1, max: 3}
    ///     exponential: {mean: 20}         normal: {mean: 1, sd: 0.04}
    ///     lognormal: {mean: 15, p95: 45}  lognormal: {mu: 2.7, sigma: 0.5}
    ///     gamma: {shape: 2, scale: 10}    weibull: {shape: 0.5, scale: 3}
    ///     empirical: [12.5, 30, 41]
    ///     empirical: {file: loads.csv, column: value, scale: 0.001}
    ///
    /// Values are in the unit of the field (seconds for durations); duration strings such as
    /// `90s` are accepted wherever seconds are meant. Relative file paths resolve against
    /// `baseDirectory`.
    func distribution(baseDirectory: String) throws(ScenarioFileError) -> Distribution {
        if case .scalar = node { return .constant(try seconds()) }
        let map = try mapping()
        let (kind, body) = try map.exactlyOne(of: [
            "constant", "uniform", "exponential", "normal", "lognormal", "gamma", "weibull", "empirical",
        ])
        try map.finish()
        let distribution: Distribution
        switch kind {
        case "constant":
            distribution = .constant(try body.seconds())
        case "uniform":
            let fields = try body.mapping()
            distribution = .uniform(
                lower: try fields.required("min").seconds(), upper: try fields.required("max").seconds())
            try fields.finish()
        case "exponential":
            let fields = try body.mapping()
            distribution = .exponential(mean: try fields.required("mean").positiveSeconds())
            try fields.finish()
        case "normal":
            let fields = try body.mapping()
            distribution = .normal(
                mean: try fields.required("mean").double(),
                standardDeviation: try fields.required("sd").nonNegativeDouble())
            try fields.finish()
        case "lognormal":
            let fields = try body.mapping()
            if let mean = fields.optional("mean") {
                let meanSeconds = try mean.positiveSeconds()
                let p95Seconds = try fields.required("p95").positiveSeconds()
                do {
                    distribution = try Distribution.lognormal(mean: meanSeconds, p95: p95Seconds)
                } catch {
                    throw body.error(error.message)
                }
            } else {
                distribution = .lognormal(
                    mu: try fields.required("mu").double(), sigma: try fields.required("sigma").nonNegativeDouble())
            }
            try fields.finish()
        case "gamma", "weibull":
            let fields = try body.mapping()
            let (shape, scale) = (
                try fields.required("shape").positiveDouble(), try fields.required("scale").positiveDouble()
            )
            distribution = kind == "gamma" ? .gamma(shape: shape, scale: scale) : .weibull(shape: shape, scale: scale)
            try fields.finish()
        default:   // empirical
            if body.isSequence {
                distribution = .empirical(
                    EmpiricalSamples(try body.sequence().map { node throws(ScenarioFileError) in try node.seconds() }))
            } else {
                let fields = try body.mapping()
                let file = try fields.required("file").string()
                let column = try fields.required("column").string()
                let scale = try fields.optional("scale")?.positiveDouble() ?? 1
                try fields.finish()
                do {
                    distribution = .empirical(
                        EmpiricalSamples(
                            try CSVColumn.values(
                                path: resolve(file, against: baseDirectory), column: column, scale: scale)))
                } catch {
                    throw body.error(error.description)
                }
            }
        }
        do {
            try distribution.validate()
        } catch {
            throw self.error(error.message)
        }
        return distribution
    }
}

/// `path` itself if absolute, else `path` relative to `directory`.
func resolve(_ path: String, against directory: String) -> String {
    if path.hasPrefix("/") || directory.isEmpty || directory == "." { return path }
    return directory.hasSuffix("/") ? directory + path : directory + "/" + path
}
