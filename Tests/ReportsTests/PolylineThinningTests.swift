import Testing

@testable import Reports

/// Thinning keeps a drawn line within its tolerance of the full line, with far fewer points.
@Suite struct PolylineThinningTests {
    /// Distance from `point` to the segment `a`–`b`.
    func distance(_ point: ChartPoint, _ a: ChartPoint, _ b: ChartPoint) -> Double {
        let dx = b.x - a.x
        let dy = b.y - a.y
        let length2 = dx * dx + dy * dy
        let t = length2 == 0 ? 0 : Swift.max(0, Swift.min(1, ((point.x - a.x) * dx + (point.y - a.y) * dy) / length2))
        let x = a.x + t * dx - point.x
        let y = a.y + t * dy - point.y
        return (x * x + y * y).squareRoot()
    }

    func maxDeviation(of full: [ChartPoint], from thinned: [ChartPoint]) -> Double {
        full.map { point in
            zip(thinned, thinned.dropFirst()).map { distance(point, $0, $1) }.min() ?? .infinity
        }.max() ?? 0
    }

    @Test func aDenseStaircaseKeepsItsShapeWithinTheTolerance() {
        // An empirical CDF of 5,000 steps across 900 points: steps 0.18 points apart.
        var staircase = [ChartPoint(x: 0, y: 500)]
        for step in 1...5_000 {
            let x = Double(step) * 0.18
            let y = 500 - 500 * Double(step) / 5_000
            staircase.append(ChartPoint(x: x, y: staircase[staircase.count - 1].y))
            staircase.append(ChartPoint(x: x, y: y))
        }
        let thinned = staircase.thinned(tolerance: 0.25)
        #expect(thinned.first == staircase.first && thinned.last == staircase.last)
        #expect(thinned.count < staircase.count / 2)
        #expect(maxDeviation(of: staircase, from: thinned) <= 0.25 * 2.0.squareRoot() + 1e-9)
    }

    @Test func pointsFartherApartThanTheToleranceAreAllKept() {
        let zigzag = (0..<50).map { ChartPoint(x: Double($0), y: $0.isMultiple(of: 2) ? 0 : 3) }
        #expect(zigzag.thinned(tolerance: 0.25) == zigzag)
        let two = [ChartPoint(x: 0, y: 0), ChartPoint(x: 0.01, y: 0.01)]
        #expect(two.thinned() == two)
    }

    @Test func smallNoiseCollapsesButTheEndpointsStay() {
        let noisy = (0...100).map { ChartPoint(x: 10 + 0.001 * Double($0), y: $0.isMultiple(of: 2) ? 5 : 5.1) }
        let thinned = noisy.thinned(tolerance: 0.25)
        #expect(thinned == [noisy[0], noisy[100]])
    }
}
