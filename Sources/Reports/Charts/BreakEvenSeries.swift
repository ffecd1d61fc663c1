import Glibc

/// Monthly cost of each option at several traffic volumes (e.g. speech minutes per day), for
/// the break-even chart. Dollars per month; volumes in the unit `volumeUnit` names.
public struct BreakEvenSeries: Sendable, Hashable {
    /// One option's cost curve: `monthlyDollars[i]` belongs to `volumes[i]`.
    public struct Curve: Sendable, Hashable {
        public var optionName: String
        public var monthlyDollars: [Double]
        public init(optionName: String, monthlyDollars: [Double]) {
            self.optionName = optionName
            self.monthlyDollars = monthlyDollars
        }
    }

    /// A volume where two options cost the same.
    public struct Crossover: Sendable, Hashable {
        public var volume: Double
        public var monthlyDollars: Double
        public var cheaperBelow: String
        public var cheaperAbove: String
    }

    /// Traffic volumes, increasing.
    public var volumes: [Double]
    public var curves: [Curve]
    /// Axis label of the volume, e.g. "speech minutes per day".
    public var volumeUnit: String
    /// Short unit used in labels, e.g. "min/day".
    public var volumeUnitShort: String
    /// Today's volume, marked on the chart (e.g. the article's 300 min/day), if known.
    public var currentVolume: Double?

    public init(
        volumes: [Double], curves: [Curve], volumeUnit: String = "speech minutes per day",
        volumeUnitShort: String = "min/day", currentVolume: Double? = nil
    ) {
        self.volumes = volumes
        self.curves = curves
        self.volumeUnit = volumeUnit
        self.volumeUnitShort = volumeUnitShort
        self.currentVolume = currentVolume
    }

    /// Usable points of `curve`: finite, matching volumes, in volume order.
    func points(_ curve: Curve) -> [(volume: Double, dollars: Double)] {
        zip(volumes, curve.monthlyDollars).filter { $0.0.isFinite && $0.1.isFinite }.sorted { $0.0 < $1.0 }
    }

    /// Use a log volume axis when volumes span more than a factor of 20.
    var logVolume: Bool {
        let positive = volumes.filter { $0 > 0 && $0.isFinite }
        guard let lo = positive.min(), let hi = positive.max() else { return false }
        return hi / lo > 20 && positive.count == volumes.filter(\.isFinite).count
    }

    /// Volumes where one option's cost curve crosses another's (linear interpolation between
    /// sampled volumes, in log volume when the axis is logarithmic).
    public var crossovers: [Crossover] {
        var found: [Crossover] = []
        let log = logVolume
        for a in curves.indices {
            for b in curves.indices where b > a {
                let pa = points(curves[a])
                let pb = points(curves[b])
                guard pa.count == pb.count, pa.count >= 2 else { continue }
                for i in 0..<(pa.count - 1) {
                    let d0 = pa[i].dollars - pb[i].dollars
                    let d1 = pa[i + 1].dollars - pb[i + 1].dollars
                    guard (d0 < 0 && d1 > 0) || (d0 > 0 && d1 < 0) || (d0 == 0 && i == 0 && d1 != 0) else { continue }
                    let t = d0 / (d0 - d1)
                    let v0 = pa[i].volume
                    let v1 = pa[i + 1].volume
                    let volume = log ? pow(10, log10(v0) + t * (log10(v1) - log10(v0))) : v0 + t * (v1 - v0)
                    let dollars = pa[i].dollars + t * (pa[i + 1].dollars - pa[i].dollars)
                    let aCheaperBelow = d0 < 0 || (d0 == 0 && d1 > 0)
                    found.append(
                        Crossover(
                            volume: volume, monthlyDollars: dollars,
                            cheaperBelow: aCheaperBelow ? curves[a].optionName : curves[b].optionName,
                            cheaperAbove: aCheaperBelow ? curves[b].optionName : curves[a].optionName))
                }
            }
        }
        return found.sorted { $0.volume < $1.volume }
    }

    /// Crossovers on the lower envelope: volumes where the cheapest option changes. These are
    /// the break-evens a reader acts on; crossings between two options that both cost more than
    /// a third are not.
    public var envelopeCrossovers: [Crossover] {
        crossovers.filter { crossover in
            curves.allSatisfy { curve in
                guard let dollars = interpolatedDollars(curve, at: crossover.volume) else { return true }
                return dollars >= crossover.monthlyDollars * (1 - 1e-9) - 1e-9
            }
        }
    }

    /// A curve's cost at `volume`, interpolated like the crossovers (nil outside its points).
    func interpolatedDollars(_ curve: Curve, at volume: Double) -> Double? {
        let p = points(curve)
        guard let upper = p.firstIndex(where: { $0.volume >= volume }) else { return nil }
        if p[upper].volume == volume || upper == 0 { return p[upper].volume == volume ? p[upper].dollars : nil }
        let a = p[upper - 1]
        let b = p[upper]
        let t =
            logVolume
            ? (log10(volume) - log10(a.volume)) / (log10(b.volume) - log10(a.volume))
            : (volume - a.volume) / (b.volume - a.volume)
        return a.dollars + t * (b.dollars - a.dollars)
    }
}
