extension Array where Element == ChartPoint {
    /// The points a line through `self` needs at drawing size: a point within `tolerance` (in
    /// both coordinates) of the last point kept is dropped, and the last point is always kept, so
    /// the line drawn stays within `tolerance × √2` of the full one. A latency CDF of 36,000
    /// requests has about 10,000 steps on a 900-point-wide plot: most are far below a pixel apart,
    /// and drawing them only makes the PDF, the SVG and the HTML page large and slow.
    func thinned(tolerance: Double = 0.25) -> [ChartPoint] {
        guard count > 2 else { return self }
        var kept = [self[0]]
        for point in self[1..<(count - 1)] {
            let last = kept[kept.count - 1]
            if abs(point.x - last.x) > tolerance || abs(point.y - last.y) > tolerance { kept.append(point) }
        }
        kept.append(self[count - 1])
        return kept
    }
}
