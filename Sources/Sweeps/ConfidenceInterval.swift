/// Mean and two-sided 95 % confidence interval of independent replications, by Student's t.
///
/// With one replication the half-width is infinite: one run says nothing about its spread,
/// and a recommendation "with 95 % confidence" cannot be made from it.
public struct ConfidenceInterval: Sendable, Hashable {
    public var count: Int
    public var mean: Double
    /// Sample standard deviation (n − 1).
    public var standardDeviation: Double
    public var halfWidth: Double

    /// The values' natural range (shares: 0–1; durations and costs: ≥ 0); the bounds are clipped to it.
    public var range: ClosedRange<Double>

    public var lower: Double { Swift.max(range.lowerBound, mean - halfWidth) }
    public var upper: Double { Swift.min(range.upperBound, mean + halfWidth) }

    public init(
        _ values: [Double],
        range: ClosedRange<Double> = -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude
    ) {
        self.range = range
        count = values.count
        guard count > 0 else {
            mean = .nan
            standardDeviation = .nan
            halfWidth = .infinity
            return
        }
        // Summed in the given order: replications are always passed in replication order.
        let mean = values.reduce(0, +) / Double(count)
        self.mean = mean
        guard count > 1 else {
            standardDeviation = 0
            halfWidth = .infinity
            return
        }
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(count - 1)
        standardDeviation = variance.squareRoot()
        halfWidth = Self.t975(degreesOfFreedom: count - 1) * standardDeviation / Double(count).squareRoot()
    }

    /// The 97.5 % quantile of Student's t with `degreesOfFreedom` (two-sided 95 %).
    /// Exact table values to 3 decimals for 1–30, 40, 60, 120; between them, interpolated in
    /// 1/df (accurate to 0.001); above 120, interpolated towards the normal 1.960.
    public static func t975(degreesOfFreedom df: Int) -> Double {
        precondition(df >= 1)
        if df <= 30 { return table[df - 1] }
        let anchors: [(Int, Double)] = [(30, 2.042), (40, 2.021), (60, 2.000), (120, 1.980), (Int.max, 1.960)]
        for index in 0..<(anchors.count - 1) {
            let (lowDF, lowT) = anchors[index], (highDF, highT) = anchors[index + 1]
            if df == lowDF { return lowT }
            if df < highDF || highDF == Int.max {
                let x = 1 / Double(df), x0 = 1 / Double(lowDF), x1 = highDF == Int.max ? 0 : 1 / Double(highDF)
                return lowT + (highT - lowT) * (x0 - x) / (x0 - x1)
            }
        }
        return 1.960
    }

    private static let table: [Double] = [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
        2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    ]
}
