/// A plain decimal number as people write them in files and on the command line: `30`, `1.5`,
/// `-2`, `2e3`, `1_000`. `Double(_:)` also reads hexadecimal (`0x10` → 16), `inf` and `nan`,
/// which in a duration or a price are typos, not values.
package enum DecimalNumber {
    /// The value of `text`, or nil when it is not a finite decimal number.
    package static func parse(_ text: some StringProtocol) -> Double? {
        let digits = String(text.filter { $0 != "_" })
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isWholeNumber || "+-.eE".contains($0)) }),
              let value = Double(digits), value.isFinite else { return nil }
        return value
    }

    /// Seconds in a duration: a decimal number of seconds, or one with a unit `ms`, `s`, `m`,
    /// `h` or `d` (`90s`, `1.5h`, `30d`; spaces before the unit allowed). Nil when it is not one.
    package static func seconds(_ text: some StringProtocol) -> Double? {
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600), ("d", 86_400)]
        let text = String(text)
        guard let (suffix, scale) = units.first(where: { text.hasSuffix($0.0) }) else { return parse(text) }
        return parse(String(text.dropLast(suffix.count)).trimmingSpaces()).map { $0 * scale }
    }
}
