import Foundation

/// A Prometheus range query's result (`/api/v1/query_range`, or `promtool query -o json range`):
/// `resultType` `matrix`, each series a `metric` (labels) and `values` (`[unix seconds, "value"]`
/// pairs on the query's step). The series of one ``ObservedMetric`` are summed point by point into
/// one ``StepSeries``; a series with no point at a step counts 0 there (Prometheus leaves a point
/// out once the series is stale: the node or pod is gone).
public struct PrometheusExport: Sendable {
    public var file: String
    public var series: [ObservedMetric: StepSeries]

    /// The most points one metric's grid may have (a month at a 1 s step is 2.6 million).
    public static let maxPoints = 4_000_000
    /// The largest count a point may hold (replicas, nodes or messages).
    public static let maxValue = 1e9
    /// Latest time accepted, Unix seconds (year 5138): larger numbers are not seconds.
    public static let maxTime = 1e11
    /// How far a point may sit from the step grid: Prometheus writes times to the millisecond.
    static let gridTolerance = 0.0015

    /// Reads `file`. With `metric`, every series counts that metric (for aggregated queries, whose
    /// result has no `__name__`); without, each series is classified by its `__name__`.
    public static func read(
        file: String, as metric: ObservedMetric? = nil
    ) throws(CalibrationError) -> PrometheusExport {
        let root = try ExportFile.json(file, what: "a Prometheus query_range response")
        let resultPath: String
        let result: Any?
        if let array = root as? [Any] {
            (resultPath, result) = ("", array)   // promtool query -o json prints the matrix alone
        } else if let object = root as? [String: Any] {
            if let status = object["status"] as? String, status != "success" {
                let message = (object["error"] as? String).map { ": \($0)" } ?? ""
                throw CalibrationError(file: file, field: "status", "\"\(status)\"\(message)")
            }
            guard let data = object["data"] as? [String: Any] else {
                throw CalibrationError(
                    file: file, field: "data", "is missing: not a Prometheus query_range response")
            }
            let type = data["resultType"] as? String
            guard type == "matrix" else {
                throw CalibrationError(
                    file: file, field: "data.resultType",
                    "\"\(type ?? "null")\" is not \"matrix\": export a range query (/api/v1/query_range)")
            }
            (resultPath, result) = ("data.result", data["result"])
        } else {
            throw CalibrationError(file: file, "is not a JSON object or array (a Prometheus query_range response)")
        }
        guard let entries = result as? [Any] else {
            throw CalibrationError(file: file, field: resultPath.isEmpty ? nil : resultPath, "is not an array")
        }
        var byMetric: [ObservedMetric: [Samples]] = [:]
        for (index, entry) in entries.enumerated() {
            let path = resultPath.isEmpty ? "[\(index)]" : "\(resultPath)[\(index)]"
            guard let object = entry as? [String: Any] else {
                throw CalibrationError(file: file, field: path, "is not an object")
            }
            let labels = try Self.labels(object["metric"], file: file, path: path + ".metric")
            let counted: ObservedMetric
            if let metric {
                counted = metric
            } else {
                switch ObservedMetric.of(labels: labels) {
                case .metric(let known): counted = known
                case .ignored: continue
                case .unknown:
                    let name = labels["__name__"].map { "\"\($0)\" is not a metric costsim compares" }
                        ?? "is missing (an aggregated query)"
                    throw CalibrationError(
                        file: file, field: path + ".metric.__name__",
                        name + ": say what the file counts with --prometheus KIND=FILE "
                            + "(KIND: \(ObservedMetric.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
            }
            byMetric[counted, default: []].append(try samples(object["values"], file: file, path: path + ".values"))
        }
        guard !byMetric.isEmpty else {
            throw CalibrationError(
                file: file, field: resultPath.isEmpty ? nil : resultPath, "has no series costsim compares")
        }
        var series: [ObservedMetric: StepSeries] = [:]
        for (metric, samples) in byMetric {
            series[metric] = try grid(samples, file: file, metric: metric)
        }
        return PrometheusExport(file: file, series: series)
    }

    private static func labels(_ value: Any?, file: String, path: String) throws(CalibrationError) -> [String: String] {
        guard let value, !(value is NSNull) else { return [:] }
        guard let object = value as? [String: Any] else {
            throw CalibrationError(file: file, field: path, "is not an object")
        }
        var labels: [String: String] = [:]
        for (key, label) in object {
            guard let text = label as? String else {
                throw CalibrationError(file: file, field: path + "." + key, "is not a string")
            }
            labels[key] = text
        }
        return labels
    }

    /// One series' points in order: `times` and `values` without the `NaN` points (no sample),
    /// `allTimes` with them (they still mark the step).
    private struct Samples {
        var times: [Double] = [], values: [Double] = [], allTimes: [Double] = []
    }

    private static func samples(_ value: Any?, file: String, path: String) throws(CalibrationError) -> Samples {
        guard let pairs = value as? [Any] else {
            throw CalibrationError(file: file, field: path, "is missing or not an array of [time, \"value\"] pairs")
        }
        var samples = Samples()
        var previous = -Double.infinity
        for (index, element) in pairs.enumerated() {
            let field = "\(path)[\(index)]"
            guard let pair = element as? [Any], pair.count == 2, let number = pair[0] as? NSNumber,
                !(pair[0] is Bool), let text = pair[1] as? String
            else { throw CalibrationError(file: file, field: field, "is not a [unix seconds, \"value\"] pair") }
            let time = number.doubleValue
            guard time.isFinite, (0...maxTime).contains(time) else {
                throw CalibrationError(file: file, field: field + "[0]", "\(number) is not a Unix time in seconds")
            }
            guard time > previous else {
                throw CalibrationError(
                    file: file, field: field + "[0]",
                    "\(number) is not after the previous point (\(previous)): points must be in time order")
            }
            previous = time
            samples.allTimes.append(time)
            if text == "NaN" { continue }
            guard text.count <= 64, let count = Double(text), count.isFinite, (0...maxValue).contains(count) else {
                throw CalibrationError(
                    file: file, field: field + "[1]",
                    "\"\(text.prefix(64))\" is not a count within 0...\(Int(maxValue))")
            }
            samples.times.append(time)
            samples.values.append(count)
        }
        return samples
    }

    /// The series summed on their common step grid (the smallest gap between distinct times).
    private static func grid(
        _ series: [Samples], file: String, metric: ObservedMetric
    ) throws(CalibrationError) -> StepSeries {
        let times = Set(series.flatMap(\.allTimes)).sorted()
        guard let first = times.first, let last = times.last else {
            throw CalibrationError(file: file, "the \(metric.rawValue) series have no points")
        }
        var step = Double.infinity
        for index in times.indices.dropFirst() { step = Swift.min(step, times[index] - times[index - 1]) }
        guard step.isFinite else {
            throw CalibrationError(
                file: file, "the \(metric.rawValue) series have a single point in time: export a range (query_range)")
        }
        guard step >= 0.001 else {
            throw CalibrationError(file: file, "points of the \(metric.rawValue) series are less than 1 ms apart")
        }
        let points = (last - first) / step + 1
        guard points <= Double(maxPoints) else {
            throw CalibrationError(
                file: file,
                "the \(metric.rawValue) series span \(Int(points)) steps of \(step) s: more than \(maxPoints)")
        }
        var values = [Double](repeating: 0, count: Int(points.rounded()))
        for one in series {
            for (time, value) in zip(one.times, one.values) {
                let offset = (time - first) / step
                let index = Int(offset.rounded())
                guard abs(time - (first + Double(index) * step)) <= gridTolerance, index < values.count else {
                    throw CalibrationError(
                        file: file, "the point at \(time) is not on the \(metric.rawValue) series' step "
                            + "(\(step) s from \(first)): export one query_range with one step")
                }
                values[index] += value
            }
        }
        return StepSeries(startSeconds: first, stepSeconds: step, values: values)
    }
}
