/// Arrivals generated from a file of per-window request rates: ServeGen's client traces
/// (alibaba/ServeGen `data/<category>/<model>/chunk-<id>-trace.csv`, Alibaba Bailian, 2025). Each row describes one
/// window of a client's traffic: its start, its mean rate and the fitted distribution of the gaps
/// between requests.
///
/// Row format (CSV, no header): `window_start_s, rate_req_per_s, cv, pattern, shape, scale`, with
/// `pattern` `Gamma` or `Weibull` (SciPy's `gamma(a=shape, scale=scale)` and
/// `weibull_min(c=shape, scale=scale)`), empty for an idle window; `cv` is informational.
///
/// Generation follows ServeGen's own (`servegen/construct.py`, `_sample_iats` and
/// `generate_workload`): a window of length `W` with rate `r` draws `⌈r·W⌉` gaps from its pattern,
/// scales them to add up to exactly `W`, and places requests at the window start plus the running
/// sums, keeping those before the window's end. The rate and the window's burstiness are kept;
/// the draws depend on the seed and the replication (streams ``RandomStream/arrivals`` and
/// ``RandomStream/requestSizes``, as for generated traffic). Request sizes come from
/// `requestSize` (ServeGen's token-length files are not part of the rate traces).
public struct RateTrace: TraceSource {
    /// One row of the file.
    public struct Window: Sendable, Hashable {
        /// Seconds from the first window's start.
        public var startSeconds: Double
        /// Mean requests per second in the window.
        public var requestsPerSecond: Double
        /// The distribution of the gaps between requests (its scale is irrelevant: gaps are
        /// rescaled to fill the window); `nil` for an idle window.
        public var gaps: Distribution?

        public init(startSeconds: Double, requestsPerSecond: Double, gaps: Distribution?) {
            self.startSeconds = startSeconds
            self.requestsPerSecond = requestsPerSecond
            self.gaps = gaps
        }
    }

    /// A rate file, read and checked, with the request sizes to draw.
    public struct Description: Sendable, Hashable {
        /// The file the windows were read from (for reports and errors).
        public var path: String
        /// Windows in time order, the first starting at 0.
        public var windows: [Window]
        /// Length of every window, seconds (ServeGen's are 600 s).
        public var windowSeconds: Double
        /// Size of each request in the scenario's work unit.
        public var requestSize: Distribution

        public init(path: String, windows: [Window], windowSeconds: Double, requestSize: Distribution = SyntheticTrace.Description.defaultRequestSize) {
            self.path = path
            self.windows = windows
            self.windowSeconds = windowSeconds
            self.requestSize = requestSize
        }

        /// The period the windows cover: from the first window's start to the last one's end.
        public var horizonSeconds: Double { (windows.last?.startSeconds ?? 0) + windowSeconds }

        /// Requests the windows hold: ⌈rate × window⌉ gaps each (at most one fewer requests).
        public var maxRequests: Double {
            windows.reduce(0) { $0 + ($1.gaps == nil ? 0 : ($1.requestsPerSecond * windowSeconds).rounded(.up)) }
        }

        public func validate() throws(ParameterError) {
            try requestSize.validate()
            guard requestSize.mean > 0, requestSize.mean <= TraceLimits.maxWorkSize else {
                throw .invalidParameter("request size must have a mean > 0 and at most 1e9 work units")
            }
            guard windowSeconds.isFinite, windowSeconds > 0, horizonSeconds <= SimulationLimits.maxDurationSeconds else {
                throw .invalidParameter("rate windows must be > 0 s long and cover at most 100 years")
            }
            guard maxRequests <= SimulationLimits.maxGeneratedRequests else {
                throw .invalidParameter("\(path): the rates add up to \(maxRequests) requests, more than \(SimulationLimits.maxGeneratedRequests)")
            }
        }

        /// Reads and checks a rate file. Every problem names the file, the line and the field.
        /// `windowSeconds` defaults to the spacing of the window starts (600 s for a single row).
        public static func read(path: String, windowSeconds: Double? = nil, requestSize: Distribution = SyntheticTrace.Description.defaultRequestSize) throws(TraceError) -> Description {
            let lines = try LineReader(path: path)
            var windows: [Window] = []
            var lineNumbers: [Int] = []
            var firstStart: Double?
            var spacing: Double?
            while let window: Window? = try lines.withNextLine({ bytes throws(TraceError) -> Window? in
                if bytes.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) { return nil }
                return try parse(bytes, path: path, line: lines.lineNumber)
            }) {
                guard var window else { continue }
                let line = lines.lineNumber
                if let previous = windows.last, let firstStart {
                    guard window.startSeconds - firstStart > previous.startSeconds else {
                        throw TraceError(file: path, line: line, field: fieldNames[0], message: "windows must be in time order (this one starts no later than the previous)")
                    }
                    spacing = spacing ?? (window.startSeconds - firstStart - previous.startSeconds)
                }
                if firstStart == nil { firstStart = window.startSeconds }
                window.startSeconds -= firstStart!
                guard windows.count < maxWindows else {
                    throw TraceError(file: path, line: line, message: "more than \(maxWindows) windows")
                }
                windows.append(window)
                lineNumbers.append(line)
            }
            guard !windows.isEmpty else { throw TraceError(file: path, message: "no rate windows (expected rows: window_start_s, rate, cv, pattern, shape, scale)") }
            let length = windowSeconds ?? spacing ?? defaultWindowSeconds
            for index in windows.indices.dropLast() where windows[index + 1].startSeconds - windows[index].startSeconds < length {
                let apart = windows[index + 1].startSeconds - windows[index].startSeconds
                throw TraceError(file: path, line: lineNumbers[index + 1], field: fieldNames[0],
                                 message: "windows overlap: this one starts \(apart) s after the previous, and windows are \(length) s long")
            }
            for (index, window) in windows.enumerated() where window.requestsPerSecond * length > maxRequestsPerWindow {
                throw TraceError(file: path, line: lineNumbers[index], field: fieldNames[1],
                                 message: "\(window.requestsPerSecond) requests/s over \(length) s is more than \(maxRequestsPerWindow) requests in one window")
            }
            let description = Description(path: path, windows: windows, windowSeconds: length, requestSize: requestSize)
            do { try description.validate() } catch { throw TraceError(file: path, message: error.message) }
            return description
        }

        static let fieldNames = ["window_start", "rate", "cv", "pattern", "shape", "scale"]
        /// ServeGen's window length.
        public static let defaultWindowSeconds = 600.0
        /// Rows a rate file may have: 100 years of 10-minute windows.
        static let maxWindows = 6_000_000
        /// Requests one window may hold (its gaps are drawn at once): 80 MB of gaps.
        static let maxRequestsPerWindow = 1e7

        private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, path: String, line: Int) throws(TraceError) -> Window {
            let fields = bytes.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
            guard fields.count == fieldNames.count else {
                throw TraceError(file: path, line: line, message: "row has \(fields.count) fields; a rate row has \(fieldNames.count): \(fieldNames.joined(separator: ", "))")
            }
            func number(_ index: Int) throws(TraceError) -> Double {
                let field = UnsafeBufferPointer(rebasing: fields[index])
                guard let value = NumberParser.parseDouble(field), value.isFinite else {
                    throw TraceError(file: path, line: line, field: fieldNames[index], message: "\(TraceLimits.quote(field)) is not a number")
                }
                return value
            }
            let start = try number(0), rate = try number(1)
            _ = try number(2)
            guard start >= 0, start <= SimulationLimits.maxDurationSeconds else {
                throw TraceError(file: path, line: line, field: fieldNames[0], message: "window start \(start) must be within 0 s and 100 years")
            }
            guard rate >= 0 else { throw TraceError(file: path, line: line, field: fieldNames[1], message: "rate \(rate) is negative") }
            let pattern = String(decoding: UnsafeBufferPointer(rebasing: fields[3]), as: UTF8.self).trimmingSpaces
            guard rate > 0 else { return Window(startSeconds: start, requestsPerSecond: 0, gaps: nil) }
            let (shape, scale) = (try number(4), try number(5))
            let gaps: Distribution
            switch pattern {
            case "Gamma": gaps = .gamma(shape: shape, scale: scale)
            case "Weibull": gaps = .weibull(shape: shape, scale: scale)
            default:
                throw TraceError(file: path, line: line, field: fieldNames[3], message: "\(TraceLimits.quote(pattern)) is not Gamma or Weibull (a window with rate > 0 needs one)")
            }
            do { try gaps.validate() } catch {
                throw TraceError(file: path, line: line, field: fieldNames[4], message: error.message)
            }
            return Window(startSeconds: start, requestsPerSecond: rate, gaps: gaps)
        }
    }

    public let description: Description
    private var arrivals: Xoshiro256StarStar
    private var sizes: Xoshiro256StarStar
    /// The arrivals of the current window, and the next one to return.
    private var pending: [Double] = []
    private var nextPending = 0
    private var nextWindow = 0

    public init(_ description: Description, seed: UInt64, replication: Int = 0) {
        self.description = description
        arrivals = RandomStream.arrivals.generator(seed: seed, replication: replication)
        sizes = RandomStream.requestSizes.generator(seed: seed, replication: replication)
    }

    public mutating func next() throws(TraceError) -> TraceRecord? {
        while nextPending == pending.count {
            guard nextWindow < description.windows.count else { return nil }
            fill(description.windows[nextWindow])
            nextWindow += 1
        }
        let arrival = pending[nextPending]
        nextPending += 1
        let size = Swift.min(Swift.max(0, description.requestSize.sample(using: &sizes)), TraceLimits.maxWorkSize)
        return TraceRecord(arrivalSeconds: arrival, workSize: size)
    }

    /// The window's arrivals, ServeGen's way: ⌈rate × W⌉ gaps scaled to add up to W, placed from
    /// the window start, those before its end kept.
    private mutating func fill(_ window: Window) {
        pending.removeAll(keepingCapacity: true)
        nextPending = 0
        guard let gaps = window.gaps, window.requestsPerSecond > 0 else { return }
        let length = description.windowSeconds
        let count = Int((window.requestsPerSecond * length).rounded(.up))
        var total = 0.0
        for _ in 0..<count {
            let gap = gaps.sample(using: &arrivals)
            pending.append(gap)
            total += gap
        }
        guard total > 0, total.isFinite else { pending.removeAll(keepingCapacity: true); return }
        let scale = length / total
        let end = window.startSeconds + length
        var time = window.startSeconds
        var kept = 0
        for index in pending.indices {
            time += pending[index] * scale
            guard time < end else { break }
            pending[kept] = time
            kept += 1
        }
        pending.removeLast(pending.count - kept)
    }
}

private extension String {
    var trimmingSpaces: String {
        var text = Substring(self)
        while text.first == " " || text.first == "\t" { text.removeFirst() }
        while text.last == " " || text.last == "\t" { text.removeLast() }
        return String(text)
    }
}
