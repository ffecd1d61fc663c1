import Simulator

/// One day (or the whole run, if shorter) of a run's timeline, ready to draw: per-bucket
/// arrivals, queue depth, ready pods and GPU nodes, and the GPU nodes' cold starts.
/// Times are seconds since the start of the window.
public struct TimelineSeries: Sendable, Hashable {
    public var optionName: String
    /// Day shown, 0-based (day `d` covers run time `d × 86,400 s` up to one day later).
    public var dayIndex: Int
    /// Days the run covers (for "day 3 of 30").
    public var dayCount: Int
    /// Run time at the window's start, seconds.
    public var windowStartSeconds: Double
    /// Length of the window, seconds (at most one day).
    public var windowSeconds: Double
    /// Width of one bucket, seconds.
    public var bucketSeconds: Double
    /// Requests arriving per bucket.
    public var arrivals: [Double]
    /// Deepest broker queue seen in each bucket.
    public var queueDepth: [Double]
    /// Most ready worker pods in each bucket.
    public var readyPods: [Double]
    /// GPU nodes running (billed) at any time during each bucket.
    public var gpuNodes: [Double]
    /// GPU node cold starts (VM creation → first pod ready), clipped to the window.
    public var coldStarts: [TimeSpan]
    /// The day was picked as the busiest of the run (not chosen by the user).
    public var isBusiestDay: Bool

    public init(
        optionName: String, dayIndex: Int = 0, dayCount: Int = 1, windowStartSeconds: Double = 0, windowSeconds: Double,
        bucketSeconds: Double, arrivals: [Double], queueDepth: [Double], readyPods: [Double], gpuNodes: [Double],
        coldStarts: [TimeSpan], isBusiestDay: Bool = false
    ) {
        self.optionName = optionName
        self.dayIndex = Swift.max(0, dayIndex)
        self.dayCount = Swift.max(dayCount, Swift.max(0, dayIndex) + 1)
        self.windowStartSeconds = windowStartSeconds
        self.windowSeconds = windowSeconds.isFinite && windowSeconds > 0 ? windowSeconds : 86_400
        self.bucketSeconds = bucketSeconds.isFinite && bucketSeconds > 0 ? bucketSeconds : 60
        self.arrivals = arrivals
        self.queueDepth = queueDepth
        self.readyPods = readyPods
        self.gpuNodes = gpuNodes
        self.coldStarts = coldStarts
        self.isBusiestDay = isBusiestDay
    }

    /// Requests arriving in the window.
    public var totalArrivals: Double { arrivals.reduce(0, +) }

    /// The window of `result` for `day` (0-based; `nil`: the day with most arrivals, the first
    /// of equals). A day past the end of the run shows an empty window.
    public init(result: SimulationResult, day: Int? = nil) {
        let timeline = result.timeline
        let bucket = timeline.bucketSeconds
        let runSeconds = Swift.max(result.endSeconds, Double(timeline.count) * bucket)
        let observed = result.horizonSeconds > 0 ? result.horizonSeconds : runSeconds
        let dayCount = Swift.max(1, Int((observed / 86_400 - 1e-9).rounded(.up)))
        let chosen = Swift.max(0, day ?? TimelineSeries.busiestDay(timeline))
        let start = Double(chosen) * 86_400
        let length = Swift.max(bucket, Swift.min(86_400, runSeconds - start))
        let first = Int((start / bucket).rounded(.up))
        let last = Swift.min(timeline.count, Int(((start + length) / bucket).rounded(.up)))
        func slice(_ values: [UInt32]) -> [Double] { first < last ? values[first..<last].map(Double.init) : [] }
        let count = Swift.max(0, last - first)
        var gpu = [Double](repeating: 0, count: count)
        var cold: [TimeSpan] = []
        for run in result.gpuNodeRunsToEnd where run.endSeconds > start && run.startSeconds < start + length {
            let from = Swift.max(0, Int(((run.startSeconds - start) / bucket).rounded(.down)))
            let to = Swift.min(count, Int(((run.endSeconds - start) / bucket).rounded(.up)))
            if from < to { for index in from..<to { gpu[index] += 1 } }
            let ready = run.readySeconds ?? run.endSeconds
            if ready > run.startSeconds, ready > start, run.startSeconds < start + length {
                cold.append(
                    TimeSpan(start: Swift.max(0, run.startSeconds - start), end: Swift.min(length, ready - start)))
            }
        }
        self.init(
            optionName: result.option.name, dayIndex: chosen, dayCount: dayCount, windowStartSeconds: start,
            windowSeconds: length,
            bucketSeconds: bucket, arrivals: slice(timeline.arrivals), queueDepth: slice(timeline.queueDepth),
            readyPods: slice(timeline.readyPods), gpuNodes: gpu, coldStarts: cold,
            isBusiestDay: day == nil && dayCount > 1)
    }

    /// The 0-based day with the most arrivals (0 for an empty timeline).
    public static func busiestDay(_ timeline: Timeline) -> Int {
        var perDay: [Int: Int] = [:]
        for (index, count) in timeline.arrivals.enumerated() where count > 0 {
            perDay[Int(timeline.startSeconds(ofBucket: index) / 86_400), default: 0] += Int(count)
        }
        return perDay.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }?.key ?? 0
    }
}
