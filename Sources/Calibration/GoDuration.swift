/// Go's `time.Duration` text as the kubelet writes it in its `Pulled` events (`523ms`, `15.981s`,
/// `1m36.335s`, `1h2m3s`, `0s`): a sequence of decimal numbers, each with a unit (ns, us, µs, ms,
/// s, m, h).
enum GoDuration {
    /// The longest duration accepted: a week (an image pull longer than that is not a measurement).
    static let maxSeconds = 7 * 86_400.0

    /// Seconds of `text`; `nil` if it is not a Go duration, is negative or exceeds ``maxSeconds``.
    static func seconds(_ text: Substring) -> Double? {
        if text == "0" { return 0 }
        let units: [(String, Double)] = [
            ("ns", 1e-9), ("us", 1e-6), ("µs", 1e-6), ("μs", 1e-6), ("ms", 1e-3), ("s", 1), ("m", 60), ("h", 3600),
        ]
        var rest = text
        var total = 0.0
        guard !rest.isEmpty, rest.count <= 64 else { return nil }
        while !rest.isEmpty {
            let number = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            guard !number.isEmpty, number.filter({ $0 == "." }).count <= 1, number != ".",
                let value = Double(number.hasPrefix(".") ? "0" + number : number)
            else { return nil }
            rest = rest.dropFirst(number.count)
            // The longest unit that matches: "ms" before "m".
            guard let unit = units.filter({ rest.hasPrefix($0.0) }).max(by: { $0.0.count < $1.0.count }) else {
                return nil
            }
            rest = rest.dropFirst(unit.0.count)
            total += value * unit.1
            guard total <= maxSeconds else { return nil }
        }
        return total
    }
}
