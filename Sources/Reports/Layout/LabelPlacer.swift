/// Keeps track of where text and markers already are, so annotations never overlap: each
/// label is tried at a few candidate spots and dropped when none is free. Drawn curves are
/// softer obstacles: a label goes where it hides no curve if some candidate allows it, and on a
/// curve only when every free candidate crosses one.
final class LabelPlacer {
    private(set) var occupied: [ChartRect] = []
    /// Polylines already drawn, as segments.
    private var segments: [(ChartPoint, ChartPoint)] = []
    let bounds: ChartRect
    let gap: Double

    init(bounds: ChartRect, gap: Double = 2) {
        self.bounds = bounds
        self.gap = gap
    }

    /// Marks `rect` as taken (markers, lines' labels, legend boxes).
    func reserve(_ rect: ChartRect) { occupied.append(rect) }

    /// Notes a drawn curve that labels should not cover.
    func avoid(_ polyline: [ChartPoint]) {
        for (start, end) in zip(polyline, polyline.dropFirst()) { segments.append((start, end)) }
    }

    /// True if `rect` lies inside the bounds and touches nothing placed so far.
    func isFree(_ rect: ChartRect) -> Bool {
        guard bounds.contains(rect) else { return false }
        let padded = rect.expanded(by: gap)
        return !occupied.contains { $0.intersects(padded) }
    }

    /// True if a noted curve passes through `rect`.
    func coversCurve(_ rect: ChartRect) -> Bool {
        let padded = rect.expanded(by: gap)
        return segments.contains { Self.segment(from: $0.0, to: $0.1, crosses: padded) }
    }

    /// The first free candidate that covers no curve, else the first free one, reserved; `nil`
    /// when every candidate collides.
    func place(_ candidates: [ChartRect]) -> ChartRect? {
        let free = candidates.filter(isFree)
        guard let choice = free.first(where: { !coversCurve($0) }) ?? free.first else { return nil }
        occupied.append(choice)
        return choice
    }

    /// The first candidate that is free and covers no curve, reserved; `nil` when there is none
    /// (for labels that must never hide a curve).
    func placeClear(_ candidates: [ChartRect]) -> ChartRect? {
        guard let choice = candidates.first(where: { isFree($0) && !coversCurve($0) }) else { return nil }
        occupied.append(choice)
        return choice
    }

    /// Which of `count` labels to replace by a numbered key: `trial` draws with the given ones
    /// keyed and returns those it could not place; labels that fail are keyed until every other
    /// one fits (three rounds, then all are keyed). Returns the keyed indices in order.
    static func settle(count: Int, _ trial: ([Int]) -> [Int]) -> [Int] {
        var keyed: [Int] = []
        for _ in 0..<3 {
            let failed = trial(keyed)
            if failed.isEmpty { return keyed }
            keyed = Array(Set(keyed + failed)).sorted()
        }
        return trial(keyed).isEmpty ? keyed : Array(0..<count)
    }

    /// Label boxes of `size` around `point`, nearest first: for each distance one per direction
    /// (dx, dy each −1, 0 or 1; 0 centres the box on that axis). The box's near edge is `distance`
    /// away sideways and `lift + distance × rise` away up or down.
    static func around(
        _ point: ChartPoint, size: ChartSize, distances: [Double], directions: [(Double, Double)],
        rise: Double = 1, lift: Double = 0
    ) -> [ChartRect] {
        distances.flatMap { distance in
            directions.map { dx, dy in
                let x =
                    dx > 0 ? point.x + distance : dx < 0 ? point.x - distance - size.width : point.x - size.width / 2
                let up = lift + distance * rise
                let y = dy > 0 ? point.y + up : dy < 0 ? point.y - up - size.height : point.y - size.height / 2
                return ChartRect(x: x, y: y, width: size.width, height: size.height)
            }
        }
    }

    /// A leader line from a marker at `center` (starting `gap` out, clear of the marker) to the
    /// nearest point of `box`; `nil` when the box is within `reach` of the centre and needs none.
    static func leader(
        from center: ChartPoint, to box: ChartRect, gap: Double, reach: Double
    ) -> (ChartPoint, ChartPoint)? {
        let edge = ChartPoint(
            x: Swift.min(Swift.max(center.x, box.minX), box.maxX), y: Swift.min(Swift.max(center.y, box.minY), box.maxY)
        )
        let dx = edge.x - center.x
        let dy = edge.y - center.y
        let length = (dx * dx + dy * dy).squareRoot()
        guard length > reach else { return nil }
        return (ChartPoint(x: center.x + dx * gap / length, y: center.y + dy * gap / length), edge)
    }

    /// Liang–Barsky clipping: whether any part of the segment lies inside `rect`.
    static func segment(from start: ChartPoint, to end: ChartPoint, crosses rect: ChartRect) -> Bool {
        let dx = end.x - start.x
        let dy = end.y - start.y
        var entry = 0.0
        var exit = 1.0
        for (p, q) in [
            (-dx, start.x - rect.minX), (dx, rect.maxX - start.x), (-dy, start.y - rect.minY),
            (dy, rect.maxY - start.y),
        ] {
            if p == 0 {
                if q < 0 { return false }  // parallel to this edge and outside it
            } else {
                let t = q / p
                if p < 0 { entry = Swift.max(entry, t) } else { exit = Swift.min(exit, t) }
                if entry > exit { return false }
            }
        }
        return true
    }
}
