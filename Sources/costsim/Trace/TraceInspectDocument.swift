import Simulator

/// `costsim trace inspect` in JSON and CSV (docs/json.md). Arrival times are seconds as
/// `costsim run` replays them; a trace file's times also appear as the file writes them.
struct TraceInspectDocument: Encodable {
    /// Request sizes, in work units of `column`.
    struct Sizes: Encodable {
        var column: String
        var total, mean, p50, p90, p99, max: Double
        /// Whether the percentiles are exact (else to 3 significant digits).
        var exactPercentiles: Bool
    }

    /// The measured service times of `column`, before `scale` is applied.
    struct ServiceTime: Encodable {
        var column: String
        var totalSeconds, meanSeconds, scale: Double
    }

    /// The gaps between consecutive arrivals longer than one threshold.
    struct IdleGaps: Encodable {
        var longerThanSeconds: Double
        var count: Int
        var idleSeconds: Double
        /// `idleSeconds` as a share of the span.
        var spanShare: Double
    }

    /// One of the longest gaps; `from` and `to` as a trace file writes times.
    struct Gap: Encodable {
        var startSeconds, lengthSeconds: Double
        var from, to: String?
    }

    /// What a ServeGen rate file describes (the arrivals summarised are generated from it).
    struct RateWindows: Encodable {
        var windows, busyWindows: Int
        var windowSeconds, observedSeconds, observedRatePerSecond: Double
        var seed: UInt64
    }

    var schemaVersion = JSONOutput.schemaVersion
    var trace: String
    var requests: Int
    var spanSeconds, firstArrivalSeconds, lastArrivalSeconds, ratePerSecond: Double
    var firstArrival, lastArrival: String?
    var timeColumn, durationColumn, timeUnit: String?
    var replayStartsAtFirstRecord: Bool?
    var size: Sizes?
    var serviceTime: ServiceTime?
    var filters: [String]?
    var droppedRows: Int?
    var rates: RateWindows?
    var idleGaps: [IdleGaps]
    var longestGaps: [Gap]

    private init(trace: String, summary: TraceSummary, fileTime: ((Double) -> String)?) {
        self.trace = trace
        requests = summary.count
        spanSeconds = summary.spanSeconds
        firstArrivalSeconds = summary.firstArrivalSeconds
        lastArrivalSeconds = summary.lastArrivalSeconds
        ratePerSecond = summary.ratePerSecond
        firstArrival = fileTime?(summary.firstArrivalSeconds)
        lastArrival = fileTime?(summary.lastArrivalSeconds)
        idleGaps = summary.gapThresholdsSeconds.indices.map { index in
            let idle = summary.gapSeconds[index]
            return IdleGaps(
                longerThanSeconds: summary.gapThresholdsSeconds[index], count: summary.gapCounts[index],
                idleSeconds: idle, spanShare: summary.spanSeconds > 0 ? idle / summary.spanSeconds : 0)
        }
        longestGaps = summary.longestGaps.map { gap in
            Gap(startSeconds: gap.startSeconds, lengthSeconds: gap.lengthSeconds, from: fileTime?(gap.startSeconds),
                to: fileTime?(gap.startSeconds + gap.lengthSeconds))
        }
    }

    /// A trace file read with `format`, its times as `frame` writes them.
    init(file: String, summary: TraceSummary, format: TraceFormat, frame: TraceTimeFrame, droppedRows: Int) {
        self.init(trace: file, summary: summary, fileTime: frame.fileTime(ofArrival:))
        timeColumn = format.timeColumn
        durationColumn = format.durationColumn
        timeUnit = frame.unit.rawValue
        replayStartsAtFirstRecord = frame.startsAtFirstRecord
        if let column = format.sizeColumn {
            size = Sizes(
                column: column, total: summary.totalWork, mean: summary.meanSize, p50: summary.size(atPercentile: 50),
                p90: summary.size(atPercentile: 90), p99: summary.size(atPercentile: 99),
                max: summary.size(atPercentile: 100), exactPercentiles: summary.sizePercentilesAreExact)
        }
        if let column = format.serviceTimeColumn {
            serviceTime = ServiceTime(
                column: column, totalSeconds: summary.totalServiceSeconds,
                meanSeconds: summary.totalServiceSeconds / Double(summary.count), scale: format.serviceTimeScale)
        }
        if !format.filters.isEmpty {
            filters = format.filters.map(\.description)
            self.droppedRows = droppedRows
        }
    }

    /// The arrivals generated from a ServeGen rate file with `seed` (replication 0).
    init(file: String, summary: TraceSummary, rates description: RateTrace.Description, seed: UInt64) {
        self.init(trace: file, summary: summary, fileTime: nil)
        rates = RateWindows(
            windows: description.windows.count, busyWindows: description.windows.filter { $0.gaps != nil }.count,
            windowSeconds: description.windowSeconds, observedSeconds: description.horizonSeconds,
            observedRatePerSecond: Double(summary.count) / description.horizonSeconds, seed: seed)
    }

    /// One row: the scalar keys, nested ones joined in camelCase (`sizeP50`, `serviceTimeTotalSeconds`,
    /// `ratesWindows`), then per idle-gap threshold `idleGapsLongerThan60SecondsCount` and
    /// `…IdleSeconds`; the longest gaps are in the JSON only.
    func csv() -> String {
        func number(_ value: Double?) -> String { value.map(CSVText.number) ?? "" }
        func integer<Integer: BinaryInteger>(_ value: Integer?) -> String { value.map { "\($0)" } ?? "" }
        var columns: [(String, String)] = [
            ("trace", trace), ("requests", integer(requests)), ("spanSeconds", number(spanSeconds)),
            ("firstArrivalSeconds", number(firstArrivalSeconds)), ("lastArrivalSeconds", number(lastArrivalSeconds)),
            ("ratePerSecond", number(ratePerSecond)), ("firstArrival", firstArrival ?? ""),
            ("lastArrival", lastArrival ?? ""), ("timeColumn", timeColumn ?? ""),
            ("durationColumn", durationColumn ?? ""), ("timeUnit", timeUnit ?? ""),
            ("replayStartsAtFirstRecord", replayStartsAtFirstRecord.map { $0 ? "1" : "0" } ?? ""),
            ("sizeColumn", size?.column ?? ""), ("sizeTotal", number(size?.total)), ("sizeMean", number(size?.mean)),
            ("sizeP50", number(size?.p50)), ("sizeP90", number(size?.p90)), ("sizeP99", number(size?.p99)),
            ("sizeMax", number(size?.max)),
            ("sizeExactPercentiles", size.map { $0.exactPercentiles ? "1" : "0" } ?? ""),
            ("serviceTimeColumn", serviceTime?.column ?? ""),
            ("serviceTimeTotalSeconds", number(serviceTime?.totalSeconds)),
            ("serviceTimeMeanSeconds", number(serviceTime?.meanSeconds)),
            ("serviceTimeScale", number(serviceTime?.scale)),
            ("filters", filters?.joined(separator: " and ") ?? ""), ("droppedRows", integer(droppedRows)),
            ("ratesWindows", integer(rates?.windows)), ("ratesBusyWindows", integer(rates?.busyWindows)),
            ("ratesWindowSeconds", number(rates?.windowSeconds)),
            ("ratesObservedSeconds", number(rates?.observedSeconds)),
            ("ratesObservedRatePerSecond", number(rates?.observedRatePerSecond)), ("ratesSeed", integer(rates?.seed)),
        ]
        for gaps in idleGaps {
            let name = "idleGapsLongerThan\(Format.parameter(gaps.longerThanSeconds))Seconds"
            columns += [(name + "Count", integer(gaps.count)), (name + "IdleSeconds", number(gaps.idleSeconds))]
        }
        return CSVText.document(header: columns.map(\.0), rows: [columns.map { CSVText.field($0.1) }])
    }
}
