/// A point in time read from a trace, split into whole seconds and a fraction so that
/// differences between wall-clock stamps near 1.7 × 10⁹ s keep sub-microsecond precision.
struct Timestamp: Equatable {
    var wholeSeconds: Int64
    var fraction: Double

    /// Seconds from `origin` to `self`.
    func seconds(since origin: Timestamp) -> Double {
        Double(wholeSeconds - origin.wholeSeconds) + (fraction - origin.fraction)
    }

    /// Splits a plain number of seconds.
    init(seconds: Double) {
        let whole = seconds.rounded(.down)
        wholeSeconds = Int64(whole)
        fraction = seconds - whole
    }

    init(wholeSeconds: Int64, fraction: Double) {
        self.wholeSeconds = wholeSeconds
        self.fraction = fraction
    }

    /// Parses `YYYY-MM-DD[T| ]HH:MM[:SS[.fff…]][Z|±HH[:MM]]` from UTF-8 bytes; `nil` if malformed.
    static func parseWallClock(_ bytes: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        var index = 0
        var last = bytes.count
        while index < last && bytes[index] == UInt8(ascii: " ") { index += 1 }
        while last > index && bytes[last - 1] == UInt8(ascii: " ") { last -= 1 }

        func digits(_ count: Int) -> Int? {
            guard index + count <= last else { return nil }
            var value = 0
            for offset in 0..<count {
                let byte = bytes[index + offset]
                guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            index += count
            return value
        }
        func expect(_ character: Character) -> Bool {
            guard index < last, bytes[index] == character.asciiValue! else { return false }
            index += 1
            return true
        }

        guard let year = digits(4), expect("-"), let month = digits(2), expect("-"), let day = digits(2),
              (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day)
        else { return nil }
        guard index < last, bytes[index] == UInt8(ascii: "T") || bytes[index] == UInt8(ascii: " ") else {
            return index == last ? Timestamp(wholeSeconds: daysFromCivil(year, month, day) * 86_400, fraction: 0) : nil
        }
        index += 1
        guard let hour = digits(2), expect(":"), let minute = digits(2), hour < 24, minute < 60 else { return nil }
        var second = 0
        var fraction = 0.0
        if expect(":") {
            guard let value = digits(2), value <= 60 else { return nil }
            second = value
            if index < last && (bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ",")) {
                index += 1
                var scale = 0.1
                var fractionDigits = 0
                while index < last, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                    fraction += Double(bytes[index] - UInt8(ascii: "0")) * scale
                    scale /= 10
                    fractionDigits += 1
                    index += 1
                }
                guard fractionDigits > 0 else { return nil }
            }
        }
        var offsetSeconds = 0
        if expect("Z") || expect("z") {
            offsetSeconds = 0
        } else if index < last && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) {
            let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
            index += 1
            guard let offsetHours = digits(2) else { return nil }
            var offsetMinutes = 0
            if expect(":") {
                guard let value = digits(2) else { return nil }
                offsetMinutes = value
            } else if let value = digits(2) {
                offsetMinutes = value
            }
            offsetSeconds = sign * (offsetHours * 3600 + offsetMinutes * 60)
        }
        guard index == last else { return nil }
        let whole = daysFromCivil(year, month, day) * 86_400 + Int64(hour * 3600 + minute * 60 + second - offsetSeconds)
        return Timestamp(wholeSeconds: whole, fraction: fraction)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return Int64(era * 146_097 + dayOfEra - 719_468)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
