/// A point in time read from a trace, split into whole seconds and a fraction so that
/// differences between wall-clock stamps near 1.7 × 10⁹ s keep sub-microsecond precision.
struct Timestamp: Hashable, Sendable {
    var wholeSeconds: Int64
    var fraction: Double

    /// Seconds from `origin` to `self`. Exact for whole seconds of any two timestamps the
    /// readers accept (both within ±2⁵³ s); the subtraction cannot overflow.
    func seconds(since origin: Timestamp) -> Double {
        let (whole, overflow) = wholeSeconds.subtractingReportingOverflow(origin.wholeSeconds)
        let wholePart = overflow ? Double(wholeSeconds) - Double(origin.wholeSeconds) : Double(whole)
        return wholePart + (fraction - origin.fraction)
    }

    /// Splits a plain number of seconds; `nil` if it is not finite or beyond ±9.2 × 10¹⁸ s
    /// (the range of `Int64`).
    init?(seconds: Double) {
        let whole = seconds.rounded(.down)
        guard let wholeSeconds = Int64(exactly: whole) else { return nil }
        self.wholeSeconds = wholeSeconds
        fraction = seconds - whole
    }

    /// Unix seconds as a `Double` (for comparisons with limits and for display).
    var unixSeconds: Double { Double(wholeSeconds) + fraction }

    /// ISO-8601 text in UTC, `2023-11-16T18:17:03.97996Z` (fraction to at most 7 digits).
    var wallClockText: String {
        var tenMillionths = Int64((fraction * 1e7).rounded())
        var whole = wholeSeconds
        if tenMillionths >= 10_000_000 {   // a fraction that rounds up to the next second
            whole += 1
            tenMillionths -= 10_000_000
        }
        let days = whole >= 0 ? whole / 86_400 : (whole - 86_399) / 86_400
        let secondOfDay = Int(whole - days * 86_400)
        let (year, month, day) = Self.civilFromDays(days)
        func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        var text = "\(year)-\(twoDigits(month))-\(twoDigits(day))T\(twoDigits(secondOfDay / 3600)):"
            + "\(twoDigits(secondOfDay / 60 % 60)):\(twoDigits(secondOfDay % 60))"
        if tenMillionths > 0 {
            var digits = String(tenMillionths)
            digits = String(repeating: "0", count: 7 - digits.count) + digits
            while digits.hasSuffix("0") { digits.removeLast() }
            text += "." + digits
        }
        return text + "Z"
    }

    init(wholeSeconds: Int64, fraction: Double) {
        self.wholeSeconds = wholeSeconds
        self.fraction = fraction
    }

    /// Parses `YYYY-MM-DD[T| ]HH:MM[:SS[.fff…]][Z|±HH[:MM]]` from UTF-8 bytes; `nil` if malformed
    /// or longer than ``TraceLimits/maxNumberLength`` bytes.
    /// Also reads the Common Log Format of nginx's `$time_local`, `DD/Mon/YYYY:HH:MM:SS ±HHMM`.
    static func parseWallClock(_ bytes: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        guard bytes.count <= TraceLimits.maxNumberLength else { return nil }
        var index = 0
        var last = bytes.count
        while index < last && bytes[index] == UInt8(ascii: " ") { index += 1 }
        while last > index && bytes[last - 1] == UInt8(ascii: " ") { last -= 1 }
        if last - index > 2 && bytes[index + 2] == UInt8(ascii: "/") {
            return parseCommonLogTime(UnsafeBufferPointer(rebasing: bytes[index..<last]))
        }

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

    /// Parses the Common Log Format time `06/Dec/2026:10:00:05 +0000` (English month abbreviations,
    /// a numeric offset); `nil` if malformed.
    static func parseCommonLogTime(_ bytes: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        let text = Array(bytes)
        let slash = UInt8(ascii: "/"), colon = UInt8(ascii: ":")
        guard text.count == 26, text[2] == slash, text[6] == slash, text[11] == colon,
              text[14] == colon, text[17] == colon, text[20] == UInt8(ascii: " "),
              text[21] == UInt8(ascii: "+") || text[21] == UInt8(ascii: "-")
        else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in text[range] {
                guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        guard let monthIndex = months.firstIndex(where: { Array($0.utf8) == Array(text[3..<6]) }),
              let day = number(0..<2), let year = number(7..<11), let hour = number(12..<14),
              let minute = number(15..<17), let second = number(18..<20), let offsetHours = number(22..<24), let offsetMinutes = number(24..<26),
              (1...daysIn(month: monthIndex + 1, year: year)).contains(day), hour < 24, minute < 60, second <= 60,
              offsetHours < 24, offsetMinutes < 60
        else { return nil }
        let offset = (text[21] == UInt8(ascii: "-") ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60)
        let secondOfDay = hour * 3600 + minute * 60 + second - offset
        let whole = daysFromCivil(year, monthIndex + 1, day) * 86_400 + Int64(secondOfDay)
        return Timestamp(wholeSeconds: whole, fraction: 0)
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

    /// The proleptic Gregorian date of a day count since 1970-01-01 (Howard Hinnant's
    /// `civil_from_days`, the inverse of ``daysFromCivil(_:_:_:)``).
    static func civilFromDays(_ days: Int64) -> (year: Int64, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = Int(dayOfYear - (153 * monthIndex + 2) / 5 + 1)
        let month = Int(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9)
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
