/// Keeps track of where text and markers already are, so annotations never overlap: each
/// label is tried at a few candidate spots and dropped when none is free.
final class LabelPlacer {
    private(set) var occupied: [ChartRect] = []
    let bounds: ChartRect
    let gap: Double

    init(bounds: ChartRect, gap: Double = 2) {
        self.bounds = bounds
        self.gap = gap
    }

    /// Marks `rect` as taken (markers, lines' labels, legend boxes).
    func reserve(_ rect: ChartRect) { occupied.append(rect) }

    /// True if `rect` lies inside the bounds and touches nothing placed so far.
    func isFree(_ rect: ChartRect) -> Bool {
        guard bounds.contains(rect) else { return false }
        let padded = rect.expanded(by: gap)
        return !occupied.contains { $0.intersects(padded) }
    }

    /// The first free candidate, reserved; `nil` when every candidate collides.
    func place(_ candidates: [ChartRect]) -> ChartRect? {
        guard let free = candidates.first(where: isFree) else { return nil }
        occupied.append(free)
        return free
    }
}
