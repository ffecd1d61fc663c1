/// How an option's monthly cost compares with the baseline's, in words a reader can act on:
/// "about the same" within 2 %, a whole percentage up to 1.5× ("12% cheaper"), a multiple beyond
/// ("3.2× cheaper"). A ratio alone reads "1.0× cheaper" for a 1 % difference.
public enum CostPhrase {
    /// Differences below this share of the baseline are "about the same".
    public static let sameWithin = 0.02

    /// The comparison of `option` with `baseline` (both in one currency unit, `baseline` > 0).
    public static func compare(option: Double, baseline: Double) -> String {
        guard baseline > 0, option >= 0 else { return "not comparable" }
        let difference = (option - baseline) / baseline
        if Swift.abs(difference) < sameWithin { return "about the same" }
        let word = difference < 0 ? "cheaper" : "dearer"
        let ratio = difference < 0 ? baseline / option : option / baseline
        if ratio >= 1.5 { return NumberFormat.ratio(ratio) + " " + word }
        return NumberFormat.fixed(Swift.abs(difference) * 100, decimals: 0) + "% " + word
    }

    /// Whether `option` is cheaper than `baseline` by more than ``sameWithin``.
    public static func isCheaper(option: Double, baseline: Double) -> Bool {
        baseline > 0 && (baseline - option) / baseline >= sameWithin
    }
}
